"""The recipient directory: the Recipient model, loading the directory's CSV and YAML
files, editing them, recipient queries and search, export, and importing spreadsheets
(``importing/``).
"""
