"""Which column of a source is which field of the directory.

Column names are matched after folding (case, accents, spaces, ``_`` and ``-`` ignored),
so ``E-mail``, ``email address``, ``Courriel`` and ``mep_email`` are all ``email``. Besides
the directory's fields, three kinds of column are understood without being kept:

- ``_full_name`` (``Name``, ``fullName``): split into given and family name
  (:func:`.ep.split_full_name`) where the file has no separate columns;
- ``_homepage`` (``mep_homepage``, ``Website``): only to check the country against;
- ``_term_end`` (``mep_death_date``, ``term_end``, ``end``…): a filled cell means the
  mandate has ended, which the directory records as the tag ``former-member``.

Every other column is listed as ignored in the report. :mod:`.convert` turns each row,
column by column as mapped here, into a directory record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from campaign_app.core.directory.query import fold
from campaign_app.core.directory.recipients import ALL_FIELDS

FULL_NAME, HOMEPAGE, TERM_END = "_full_name", "_homepage", "_term_end"
PSEUDO_FIELDS = (FULL_NAME, HOMEPAGE, TERM_END)

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifier", "mep identifier", "person id", "recipient id", "uid"),
    "category": ("category", "kind", "type", "categorie", "kategorie"),
    "honorific": (
        "honorific",
        "honorific prefix",
        "mep honorific prefix",
        "title",
        "prefix",
        "anrede",
        "civilite",
    ),
    "given_name": (
        "given name",
        "given names",
        "first name",
        "firstname",
        "first",
        "forename",
        "forenames",
        "prenom",
        "vorname",
        "mep given name",
        "given",
    ),
    "family_name": (
        "family name",
        "last name",
        "lastname",
        "last",
        "surname",
        "nom",
        "nachname",
        "mep family name",
        "family",
    ),
    FULL_NAME: ("name", "full name", "fullname", "display name", "mep name", "contact name", "person"),
    "gender": ("gender", "sex", "mep gender", "genre", "geschlecht"),
    "position": ("position", "job title", "function", "role", "office", "post", "fonction", "funktion"),
    "organisation": (
        "organisation",
        "organization",
        "org",
        "institution",
        "company",
        "employer",
        "affiliation",
        "body",
        "agency",
        "organisme",
    ),
    "country": (
        "country",
        "country code",
        "nationality",
        "citizenship",
        "mep citizenship",
        "member state",
        "pays",
        "land",
    ),
    "language": ("language", "lang", "letter language", "langue", "sprache"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "mep email", "courriel"),
    "postal_address": (
        "postal address",
        "address",
        "postal",
        "mailing address",
        "post address",
        "adresse",
        "anschrift",
        "office address",
    ),
    "web_form": ("web form", "contact form", "form", "contact page"),
    "salutation": ("salutation", "greeting", "letter salutation"),
    "political_group": ("political group", "group", "ep group", "mep political group", "politicalgroup"),
    "committees": ("committees", "committee"),
    "tags": ("tags", "tag", "labels", "keywords"),
    "source_url": ("source url", "source", "url", "uri", "mep uri", "link", "profile", "profile url"),
    "verified_on": (
        "verified on",
        "verified",
        "last verified",
        "checked on",
        "last checked",
        "date verified",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo"),
    "addressee": ("addressee",),
    HOMEPAGE: ("homepage", "website", "mep homepage", "web site", "web"),
    TERM_END: (
        "mep death date",
        "death date",
        "term end",
        "term ended",
        "end",
        "end date",
        "mandate end",
        "left on",
        "date left",
    ),
}


def header_key(name: str) -> str:
    """A column name folded for matching: ``E-Mail Address`` → ``emailaddress``."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


_BY_KEY: dict[str, str] = {header_key(a): f for f, names in _ALIASES.items() for a in names}
_BY_KEY.update({header_key(f): f for f in ALL_FIELDS})


def guess_mapping(columns: Sequence[str]) -> list[str | None]:
    """The field each column goes to (None: ignored); a field is taken by its first column."""
    taken: set[str] = set()
    out: list[str | None] = []
    for name in columns:
        target = _BY_KEY.get(header_key(name)) if name.strip() else None
        if target in taken:
            target = None
        if target is not None:
            taken.add(target)
        out.append(target)
    return out


def looks_like_ep(columns: Sequence[str]) -> bool:
    """The Parliament's open-data CSV: its columns are named ``mep_…``."""
    return sum(header_key(c).startswith("mep") for c in columns) >= 2
