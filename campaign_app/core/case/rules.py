"""The loader's checks, repeated at a field of the Case tab as the user types.

Each says what ``load_case`` would say about the value (tests/core/case/test_case_edit.py
checks that they agree), so the user fixes a problem where it is made instead of hearing
of it on saving.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from campaign_app.core.case.model import SUPPORTER_KINDS
from campaign_app.core.case.round_trip import date_value
from campaign_app.core.common.dates import PartialDate

DATE_HINT = "write it as YYYY-MM-DD, YYYY-MM or YYYY"


def check_id(what: str, value: str, other_ids: Iterable[str]) -> str | None:
    value = value.strip()
    if not value:
        return f"{what} has no 'id' — give it a short unique id such as 'supreme-court-2020'"
    if value in set(other_ids):
        return f"{what} id '{value}' is used twice — make each id unique"
    return None


def check_date(key: str, text: str, required: bool) -> str | None:
    """The loader's message for a date field holding ``text``, or None if it is fine."""
    text = text.strip()
    if not text:
        return f"missing '{key}' — {DATE_HINT}" if required else None
    try:
        PartialDate.parse(date_value(text))
    except ValueError:
        return f"'{key}' {date_value(text)!r} is not a date — {DATE_HINT}"
    return None


def parse_refs(text: str) -> list[str]:
    """Source ids typed as ``a, b`` (commas or spaces between them)."""
    return [part for part in re.split(r"[,\s]+", text) if part]


def check_refs(what: str, refs: Sequence[str], known: Iterable[str]) -> list[str]:
    """The loader's messages for a ``sources:`` list naming ``refs``."""
    if not refs:
        return [f"{what} names no source — add 'sources: [source-id]' backing it"]
    known = set(known)
    return [
        f"{what} cites unknown source '{r}' — add it under 'sources:' or correct the id"
        for r in refs
        if r not in known
    ]


def check_url(source_id: str, url: str) -> str | None:
    url = url.strip()
    if url and not url.startswith(("http://", "https://")):
        return f"source '{source_id}' url is not a web address — use a full http(s):// URL"
    return None


def check_kind(supporter_id: str, kind: str) -> str | None:
    if kind not in SUPPORTER_KINDS:
        return (
            f"supporter '{supporter_id}' has unknown kind '{kind}' — use one of {', '.join(SUPPORTER_KINDS)}"
        )
    return None
