"""The categories of recipient: who a letter can be addressed to.

A module of its own, with no imports, because the command line's parser offers them as
choices on every start (the desktop app's too), and reading recipients pulls in
email-validator, which the window does not need before it is shown.
"""

CATEGORIES = (
    "mep",
    "un_special_procedure",
    "un_agency",
    "osce",
    "national_official",
    "parliament",
    "ngo",
    "media",
    "other",
)
