"""What every part of the core stands on: user-facing errors, whole-file writes, text and
YAML reading with line numbers, per-language texts, dates, safe file names, limits.
Imports nothing else from the core.
"""
