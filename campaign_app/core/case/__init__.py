"""The case file: facts, timeline, arguments, demands, supporters and sources, each fact
tied to its sources; the view templates see, and editing it in place.

model.py holds the case as read, load.py reads and checks the file, rules.py the checks
the loader and the Case tab's fields share; edit.py edits the file in place (with
schema.py, what the tab shows, and round_trip.py, values written as the file writes
them), save.py saves from the tab; view.py is the case as templates see it, citations.py
finds where a source is used.
"""
