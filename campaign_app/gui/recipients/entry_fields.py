"""The fields of a directory entry as the recipient form shows them: labels, groups, hints.

Labels carry mnemonics; the fields are grouped as a campaigner thinks of an entry (who, how
to reach them, the record of where it was checked). The form's values are texts, or a map of
texts per language for an entry written in YAML with several languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from campaign_app.core.directory.recipients import Recipient

Value = str | dict[str, str]

LABELS = {
    "id": "&Id",
    "category": "&Category",
    "honorific": "&Honorific",
    "given_name": "&Given name",
    "family_name": "&Family name",
    "gender": "Gen&der",
    "position": "&Position",
    "organisation": "&Organisation",
    "country": "Countr&y",
    "language": "&Language",
    "email": "&E-mail",
    "postal_address": "Postal &address",
    "web_form": "&Web form",
    "addressee": "Address &block",
    "salutation": "Salutatio&n",
    "political_group": "Political g&roup",
    "committees": "Co&mmittees",
    "tags": "&Tags",
    "source_url": "Source &URL",
    "verified_on": "&Verified on",
    "notes": "Notes",
    "personal_note": "Personal note",
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
    "personal_note": "a paragraph for this recipient alone, where a template writes {{ personal_note }}",
    "id": "a stable slug, e.g. mep-197840",
    "honorific": "Ms, Mr, Dr, H.E. …",
    "country": "two letters: UA, DE, SK",
    "language": "language of the letter: en, uk, fr …",
    "email": "name@institution.org",
    "web_form": "https://… (where a contact form is the only channel)",
    "salutation": "only to override the usual salutation",
    "tags": "separated by ';' — e.g. supporter; droi",
    "source_url": "https://… where you checked this entry",
    "verified_on": "YYYY-MM-DD",
    "position": "for an office: the position, e.g. Prosecutor General",
}
GENDERS = (("", "— (not given)"), ("f", "f (female)"), ("m", "m (male)"))


def plain_label(name: str) -> str:
    return LABELS[name].replace("&", "")


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
