"""The cells of a messy spreadsheet export, column by column: what the import's tests
(tests/core/directory/importing/test_import_fast_path.py) and its comparison of two
versions (bench/import_scenarios.py, which adds a few of its own) draw rows from: bad
e-mails, repeated ids, lost letters, formulas, control characters, odd dates."""

from __future__ import annotations

HEADER = ["ID", "Title", "First name", "Last name", "Sex", "Country", "Language", "E-mail", "Organisation"]
HEADER += ["Job title", "Verified", "Web form", "Notes", "Category"]

IDS = ["", "mep-1", "sr-1", "p-1", "p-2", "p 3", "Šimečka 1", "-bad", "ua-president", "../../etc", "***"]
GIVEN = ["", "Michal", "Rasa", "MARIE", "Jo?n", "José", " Anna ", "Léa\nMarie", "Ol\x1b[8mena"]
FAMILY = ["", "Šimečka", "Juknevičienė", "DUPONT", "Novák", "Juknevi?ien?", "Ward", "Sm\ufffdth"]
FAMILY += ["=cmd|' /C calc'!A0", "  @SUM(1)", "-12", "'=x"]  # formulas: first in a chunk or later
SEX = ["", "male", "F", "x", "weiblich", "other", "robot", "m"]
COUNTRY = ["", "Slovakia", "SK", "sk", "Narnia", "XX", "DE", "Lithuania", "Czech Republic", "UA"]
LANGUAGE = ["", "en", "Ukrainian", "uk", "klingon", "fr"]
EMAIL = [
    "",
    "n/a",
    "michal.simecka@europarl.europa.eu",
    "MICHAL.SIMECKA@europarl.europa.eu",
    "mailto:a.b@example.org; mailto:a.b@europarl.europa.eu",
    "a@b",
    "bad@",
    "x@y.de",
    "x@y.sk",
    "p.1@europarl.europa.eu",
    "mailto:q@example.org",
    "Ana <ana@example.org>, bob@example.org",
    "ünï@exämple.org",
    "postmaster@example.org",
]
ORG = ["", "European Parliament", "OHCHR", "Helsinki Group", "EUROPEAN PARLIAMENT"]
POSITION = ["", "Member", "Special Rapporteur on torture", "Head of delegation", "Head\u202eof"]
DATES = ["", "2024-09-23", "23.09.2024", "09/23/2024", "31/02/2020", "2024-13-01", "yesterday"]
WEB = ["", "https://example.org/form", "example.org/form", "ftp://x"]
NOTES = ["", "Met at the hearing; follow up, please", "two\nlines", "=1+1", "  ", "ring\x07", "a\tb"]
TITLES = ["", "Mr", "Ms", "Dr"]
CATEGORY = ["", "", "mep", "Special procedure", "robot", "—", "NGO", "\u0301"]
