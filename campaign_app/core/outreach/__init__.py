"""The contact log: who was written to, how, by whom, and what happened since; statuses
derived from each letter's history, merge, export and the coordinator's report.
"""
