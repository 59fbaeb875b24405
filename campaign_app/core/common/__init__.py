"""What every part of the core stands on: user-facing errors, whole-file writes, text and
YAML reading with line numbers (and the type checks of hand-written YAML), per-language
texts, dates, safe file names, limits; and what several parts share without belonging to
any one of them: the per-user app state (volunteer name, recent campaigns), the letters'
typeface, whether a process still runs, and where the bundled example campaign is.
Imports nothing else from the core.
"""
