"""One recipient in the directory: its fields, and its per-language view.

A recipient is validated field by field as it is read (:mod:`.validation`), so a bad cell
is reported at its row and column. Text fields may exist in several languages (a Ukrainian minister has an
English position for the English version of a letter); templates see a
:class:`RecipientView` in which every field is already resolved to the letter's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from campaign_app.core.common.errors import Location
from campaign_app.core.common.localized import Localized, pick
from campaign_app.core.directory.categories import CATEGORIES

__all__ = [
    "ALL_FIELDS",
    "CATEGORIES",  # the categories an entry may have, with its fields
    "EXTRA_FIELDS",
    "FIELDS",
    "LOCALIZABLE",
    "NAME_FIELDS",
    "Recipient",
    "RecipientView",
    "plain_display_name",
]

FIELDS = (
    "id",
    "category",
    "honorific",
    "given_name",
    "family_name",
    "gender",
    "position",
    "organisation",
    "country",
    "language",
    "email",
    "postal_address",
    "web_form",
    "salutation",
    "political_group",
    "committees",
    "tags",
    "source_url",
    "verified_on",
    "notes",
    "personal_note",
)
# Fields a YAML directory may give per language ({uk: ..., en: ...}); `addressee` holds the
# exact name lines of the address block, which Ukrainian writes in the dative case.
LOCALIZABLE = (
    "honorific",
    "given_name",
    "family_name",
    "position",
    "organisation",
    "postal_address",
    "salutation",
    "addressee",
    "personal_note",
)
# ``in_office_until``: the last day the person held the office the entry names (an MEP
# who left the Parliament); `check` warns about letters still written to them in it.
EXTRA_FIELDS = ("addressee", "in_office_until")
ALL_FIELDS = FIELDS + EXTRA_FIELDS
NAME_FIELDS = ("given_name", "family_name", "organisation", "position")


@dataclass(frozen=True)
class Recipient:
    """A validated directory entry. Localizable fields hold a str or a {language: str} map."""

    id: str
    category: str
    honorific: Localized = ""
    given_name: Localized = ""
    family_name: Localized = ""
    gender: str = ""
    position: Localized = ""
    organisation: Localized = ""
    country: str = ""
    language: str = "en"
    email: str = ""
    postal_address: Localized = ""
    web_form: str = ""
    salutation: Localized = ""
    political_group: str = ""
    committees: str = ""
    tags: tuple[str, ...] = ()
    source_url: str = ""
    verified_on: dt.date | None = None
    notes: str = ""
    # A paragraph for this recipient alone, placed by a template ({{ personal_note }}); unlike
    # ``notes`` (the campaign's own remarks) it is written into the letter.
    personal_note: Localized = ""
    addressee: Localized = ""
    in_office_until: dt.date | None = None
    origin: Location | None = field(default=None, compare=False)

    @classmethod
    def of_checked(cls, values: Mapping[str, Any]) -> Recipient:
        """``Recipient(**values)`` for values already validated, one for every field and the
        origin: the directory's table makes thousands per query, and the frozen dataclass's
        ``__init__`` sets its 24 fields one call at a time. The object is the same."""
        made = object.__new__(cls)
        made.__dict__.update(values)
        return made

    def view(self, language: str) -> RecipientView:
        """This recipient's fields resolved to ``language`` (falling back to its own)."""
        return RecipientView(self, language)

    @property
    def display_name(self) -> str:
        """A name for lists and file names: the person, else the office."""
        plain = plain_display_name(
            self.given_name, self.family_name, self.position, self.organisation, self.id
        )
        if plain is not None:
            return plain
        v = self.view(self.language)
        if v.full_name:
            return v.full_name
        if v.position and v.organisation and v.organisation not in v.position:
            return f"{v.position}, {v.organisation}"
        return v.position or v.organisation or self.id

    def record(self) -> dict[str, Any]:
        """The entry as plain data (for export and fingerprints)."""
        out: dict[str, Any] = {}
        for name in ALL_FIELDS:
            value = getattr(self, name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = dict(value)
            elif value is None:
                value = ""
            out[name] = value
        return out


def plain_display_name(
    given: Localized, family: Localized, position: Localized, organisation: Localized, rid: str
) -> str | None:
    """The display name of an entry whose names are plain strings (one language; nearly every
    entry), made without a language view, since lists print thousands; None for any other
    entry, whose name :attr:`Recipient.display_name` works out through its view."""
    if type(given) is not str or type(family) is not str:
        return None
    if given or family:
        return f"{given} {family}" if given and family else given or family
    if type(position) is not str or type(organisation) is not str:
        return None
    if position and organisation and organisation not in position:
        return f"{position}, {organisation}"
    return position or organisation or rid


def plain_record_name(rid: str, record: Mapping[str, Any]) -> str | None:
    """:attr:`Recipient.display_name` of the entry a valid record makes, without making it,
    when its names and office are plain texts (validation strips each; a field not given
    is empty); None for any other record."""
    texts = [record.get(name, "") for name in ("given_name", "family_name", "position", "organisation")]
    if any(type(text) is not str for text in texts):
        return None
    given, family, position, organisation = (text.strip() for text in texts)
    return plain_display_name(given, family, position, organisation, rid.strip())


# The campaign's own remarks on an entry ("met at the hearing; prefers post"): templates
# cannot print them, so they never reach the official the letter goes to.
NOT_FOR_LETTERS = frozenset({"notes"})


class RecipientView:
    """What templates see as ``recipient``: plain strings in the letter's language."""

    def __init__(self, recipient: Recipient, language: str):
        self._r = recipient
        self._language = language

    def _text(self, name: str) -> str:
        value = getattr(self._r, name)
        return pick(value, self._language, self._r.language) or "" if value else ""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in NOT_FOR_LETTERS:
            raise AttributeError(name)
        if name in LOCALIZABLE:
            return self._text(name)
        if name in ALL_FIELDS:
            value = getattr(self._r, name)
            return list(value) if isinstance(value, tuple) else value
        raise AttributeError(name)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self._text("given_name"), self._text("family_name")) if p)

    @property
    def name(self) -> str:
        """Honorific and full name ("Ms Rasa Juknevičienė"), or the office."""
        person = " ".join(p for p in (self._text("honorific"), self.full_name) if p)
        return person if self.full_name else (self._text("position") or self._text("organisation"))

    @property
    def has_person(self) -> bool:
        return bool(self._text("family_name") or self._text("given_name"))

    def __repr__(self) -> str:
        return f"<recipient {self._r.id} ({self._language})>"
