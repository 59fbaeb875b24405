"""The case file: facts, timeline, arguments, demands, supporters and sources, each fact
tied to its sources; the view templates see, and editing it in place.
"""
