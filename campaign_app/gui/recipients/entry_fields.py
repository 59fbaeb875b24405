"""The fields of a directory entry as the recipient form shows them: labels, groups, hints.

Labels carry mnemonics; the fields are grouped as a campaigner thinks of an entry (who, how
to reach them, the record of where it was checked). The form's values are texts, or a map of
texts per language for an entry written in YAML with several languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from campaign_app.core.directory.recipients import Recipient
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

Value = str | dict[str, str]

LABELS = {
    "id": QT_TRANSLATE_NOOP("RecipientDialog", "&Id"),
    "category": QT_TRANSLATE_NOOP("RecipientDialog", "&Category"),
    "honorific": QT_TRANSLATE_NOOP("RecipientDialog", "&Honorific"),
    "given_name": QT_TRANSLATE_NOOP("RecipientDialog", "&Given name"),
    "family_name": QT_TRANSLATE_NOOP("RecipientDialog", "&Family name"),
    "gender": QT_TRANSLATE_NOOP("RecipientDialog", "Gen&der"),
    "position": QT_TRANSLATE_NOOP("RecipientDialog", "&Position"),
    "organisation": QT_TRANSLATE_NOOP("RecipientDialog", "&Organisation"),
    "country": QT_TRANSLATE_NOOP("RecipientDialog", "Countr&y"),
    "language": QT_TRANSLATE_NOOP("RecipientDialog", "&Language"),
    "email": QT_TRANSLATE_NOOP("RecipientDialog", "&E-mail"),
    "postal_address": QT_TRANSLATE_NOOP("RecipientDialog", "Postal &address"),
    "web_form": QT_TRANSLATE_NOOP("RecipientDialog", "&Web form"),
    "addressee": QT_TRANSLATE_NOOP("RecipientDialog", "Address &block"),
    "salutation": QT_TRANSLATE_NOOP("RecipientDialog", "Salutatio&n"),
    "political_group": QT_TRANSLATE_NOOP("RecipientDialog", "Political g&roup"),
    "committees": QT_TRANSLATE_NOOP("RecipientDialog", "Co&mmittees"),
    "tags": QT_TRANSLATE_NOOP("RecipientDialog", "&Tags"),
    "source_url": QT_TRANSLATE_NOOP("RecipientDialog", "Source &URL"),
    "verified_on": QT_TRANSLATE_NOOP("RecipientDialog", "&Verified on"),
    "notes": QT_TRANSLATE_NOOP("RecipientDialog", "Notes"),
    "personal_note": QT_TRANSLATE_NOOP("RecipientDialog", "Personal note"),
}
WHO = (
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
)
CONTACT = ("email", "postal_address", "web_form", "addressee", "salutation")
RECORD = ("political_group", "committees", "tags", "source_url", "verified_on", "notes", "personal_note")
MULTILINE = {"postal_address": 4, "addressee": 3, "notes": 4, "personal_note": 4}
PLACEHOLDERS = {
    "personal_note": QT_TRANSLATE_NOOP(
        "RecipientDialog", "a paragraph for this recipient alone, where a template writes {{ personal_note }}"
    ),
    "id": QT_TRANSLATE_NOOP("RecipientDialog", "a stable slug, e.g. mep-197840"),
    "honorific": QT_TRANSLATE_NOOP("RecipientDialog", "Ms, Mr, Dr, H.E. …"),
    "country": QT_TRANSLATE_NOOP("RecipientDialog", "two letters: UA, DE, SK"),
    "language": QT_TRANSLATE_NOOP("RecipientDialog", "language of the letter: en, uk, fr …"),
    "email": "name@institution.org",
    "web_form": QT_TRANSLATE_NOOP("RecipientDialog", "https://… (where a contact form is the only channel)"),
    "salutation": QT_TRANSLATE_NOOP("RecipientDialog", "only to override the usual salutation"),
    "tags": QT_TRANSLATE_NOOP("RecipientDialog", "separated by ';' — e.g. supporter; droi"),
    "source_url": QT_TRANSLATE_NOOP("RecipientDialog", "https://… where you checked this entry"),
    "verified_on": QT_TRANSLATE_NOOP("RecipientDialog", "YYYY-MM-DD"),
    "position": QT_TRANSLATE_NOOP("RecipientDialog", "for an office: the position, e.g. Prosecutor General"),
}
GENDERS = (
    ("", QT_TRANSLATE_NOOP("RecipientDialog", "— (not given)")),
    ("f", QT_TRANSLATE_NOOP("RecipientDialog", "f (female)")),
    ("m", QT_TRANSLATE_NOOP("RecipientDialog", "m (male)")),
)


def field_label(name: str) -> str:
    """A field's label in the interface language (with its mnemonic)."""
    return QCoreApplication.translate("RecipientDialog", LABELS[name])


def placeholder(name: str) -> str:
    return QCoreApplication.translate("RecipientDialog", PLACEHOLDERS[name]) if name in PLACEHOLDERS else ""


def plain_label(name: str) -> str:
    return field_label(name).replace("&", "")


def initial_values(recipient: Recipient | None) -> dict[str, Value]:
    """The form's starting values: an entry's fields as texts (maps stay maps)."""
    values: dict[str, Value] = {}
    for name in LABELS:
        value = getattr(recipient, name) if recipient is not None else ""
        if name == "tags":
            values[name] = "; ".join(value)
        elif isinstance(value, dt.date):
            values[name] = value.isoformat()
        elif isinstance(value, Mapping):
            values[name] = {str(k): str(v) for k, v in value.items()}
        else:
            values[name] = "" if value is None else str(value)
    if recipient is None:
        values["language"] = ""
    return values


def tag_list(text: str) -> list[str]:
    return [t.strip() for t in text.split(";") if t.strip()]
