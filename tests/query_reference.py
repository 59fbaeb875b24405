"""A plain reading of a recipient query, one recipient at a time, to check the fast one against.

Written from PRODUCT.md's words, not from the search index: a bare word or phrase is
looked for in the recipient's name, position, organisation (and id), ``field:value``
compares one field (whole for codes and tags, a part of the text for the others), all
ignoring case and accents; NOT, AND and OR mean what they say.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping

from campaign_app.core.directory.query import And, Not, Or, Term

WHOLE = {"id", "category", "country", "language", "gender", "tags"}


def plain_fold(text: str) -> str:
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(
        str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
    )


def texts(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [str(v) for v in value.values() if v]
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    if isinstance(value, dt.date):
        return [value.isoformat()]
    return [str(value)]


def haystack(r) -> str:
    parts = [
        t
        for name in ("honorific", "given_name", "family_name", "position", "organisation", "id")
        for t in texts(getattr(r, name))
    ]
    return plain_fold(" ".join(parts))


def term_matches(term: Term, r, statuses: Mapping[str, frozenset[str]]) -> bool:
    if term.field == "status":
        return term.value.lower() in statuses.get(r.id, frozenset({"none"}))
    wanted = plain_fold(term.value)
    if term.field in (None, "_name"):
        return wanted in haystack(r)
    values = [plain_fold(t) for t in texts(getattr(r, term.field))]
    if term.field in WHOLE:
        return wanted in values
    return any(wanted in v for v in values)


def evaluate(node, r, statuses: Mapping[str, frozenset[str]] | None = None) -> bool:
    statuses = statuses or {}
    if node is None:
        return True
    if isinstance(node, Term):
        return term_matches(node, r, statuses)
    if isinstance(node, Not):
        return not evaluate(node.child, r, statuses)
    if isinstance(node, And):
        return all(evaluate(c, r, statuses) for c in node.children)
    assert isinstance(node, Or)
    return any(evaluate(c, r, statuses) for c in node.children)
