"""The cells of an import's column, as :class:`.columns.ColumnConverter` cleans and looks at
them: each field's cleaner, the looks at a column's values (a text its field may hold, a
code the directory takes, a '?', a formula's start), ids and e-mail cells read at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from email_validator import EmailNotValidError

from campaign_app.core.common.formulas import FORMULA_SIGNS, runs_as_formula
from campaign_app.core.directory.characters import value_ok
from campaign_app.core.directory.importing.convert import email_cell, name_value
from campaign_app.core.directory.importing.merge import email_key
from campaign_app.core.directory.importing.trust import FORMULA_FIELDS
from campaign_app.core.directory.validation import normalized_email, plain_value_ok

# Fields whose value alone decides whether the directory takes it (checked per distinct value).
CODE_FIELDS: tuple[str, ...] = ("category", "gender", "country", "language")
CODE_FIELDS += ("web_form", "source_url", "verified_on", "in_office_until")
# A chunk's id cells, one per line, each already an id the directory takes (validation._ID).
_IDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}(?:\n[A-Za-z0-9][A-Za-z0-9._-]{0,99})*")
# a cell (of several joined by \x1f) starting like a formula: a closer look at its rows. The
# first cell is matched on its own: a pattern that starts with the separator is searched for
# by that character (8x faster than trying "start or separator" at every position).
FORMULA_HEAD = re.compile(f" *[{re.escape(FORMULA_SIGNS)}]")
FORMULA_NEXT = re.compile(f"\x1f *[{re.escape(FORMULA_SIGNS)}]")


def vetted(name: str, value: Any) -> bool:
    """Whether a column holding ``value`` passes, for that value, what _checks and _faulty
    look at in a column: a text or None, no character the field may not hold, and in a
    code field a code the directory takes (None: as an empty one)."""
    if value is not None and (type(value) is not str or not value_ok(name, value)):
        return False
    return name not in CODE_FIELDS or plain_value_ok(name, value.strip() if value else "")


def doubtful(name: str, value: Any) -> bool:
    """Whether a column holding ``value`` may have a row _suspects finds: a text with a '?'
    or a replacement character, or, in a field a formula is looked for in, one that starts
    like one (or runs as one), or holds the separator its search joins the cells with."""
    if type(value) is not str:
        return False  # looked at by neither search of _suspects (only texts are)
    if "?" in value or "\ufffd" in value:
        return True
    return name in FORMULA_FIELDS and (
        FORMULA_HEAD.match(value) is not None or "\x1f" in value or runs_as_formula(value)
    )


def are_ids(cells: Sequence[str]) -> bool:
    """Whether each cell is an id the directory takes as it is (then :meth:`ColumnConverter._id`
    gives each cell itself): one match of the cells joined, a line each."""
    joined = "\n".join(cells)
    return joined.count("\n") == len(cells) - 1 and _IDS.fullmatch(joined) is not None


def email_keys(own: list[Any]) -> list[Any]:
    """merge.email_key of each of ``own`` (the rows' addresses, None where refused): the
    addresses themselves when all are ASCII without a capital (nearly always: one look at
    them joined), else each address's key."""
    joined = "\n".join(filter(None, own))
    if joined.isascii() and joined.lower() == joined:
        return own
    return [e if e is None else email_key(e) for e in own]


def joined_texts(column: list[Any]) -> str:
    """A column's texts joined by \x1f for one search of them all (a value left out of the
    record, None, holds nothing to find)."""
    try:
        return "\x1f".join(filter(None, column))
    except TypeError:  # a value that is not text (none in a CSV's cells so far)
        return "\x1f".join(map(str, column))


def each(function: Callable[[Any], Any], column: list[Any]) -> list[Any]:
    """``function`` of each value of a column of few distinct values, once per value."""
    results = {value: function(value) for value in set(column)}
    return list(map(results.__getitem__, column))


def normalized(email: str | None) -> str | None:
    """The address as validation normalizes it ("" for none); None if it refuses it."""
    if not email or not email.strip():
        return ""
    try:
        return normalized_email(email.strip())
    except EmailNotValidError:
        return None


def cleaner(value: Callable[[str], Any] | None) -> Callable[[str], Any]:
    """A cell's text as its field's value in the record (None: left out of it); the
    e-mail as (address kept, every address, several?), the country as (value, distrust)."""
    if value is None:
        return _stripped

    def clean(cell: str) -> Any:
        text = cell.strip()
        return value(text) if text else None

    return clean


def name_cell(cell: str) -> str | None:
    """A name cell as cleaner(name_value) cleans it."""
    text = cell.strip()
    return name_value(text) if text else None


def _stripped(cell: str) -> str | None:
    return cell.strip() or None


def read_email(cell: str) -> tuple[str, list[str], bool] | None:
    """(the address kept, every address, several?) of an e-mail cell; None: no address."""
    text = cell.strip()
    if not text:
        return None
    kept, emails, several = email_cell(text)
    return None if kept is None else (kept, emails, several)
