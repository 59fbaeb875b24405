"""How a query compares texts: folded (lower-case, without accents), so ``simecka`` finds Šimečka.

Also the plain reading of a ``field:value`` term for one recipient, which the search index
(core/directory/search.py) falls back on where its folded columns cannot answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

from campaign_app.core.directory.recipients import Recipient

# Letters that Unicode does not decompose into base letter + accent.
_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

EXACT_FIELDS = {"id", "category", "country", "language", "gender"}
# Recipient id → the statuses the contact log gives them; ids not in it have "none".
StatusTable = Mapping[str, frozenset[str]]
NO_LETTER = frozenset({"none"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of text for matching (Šimečka → simecka, Łódź → lodz)."""
    # Decompose before and after case folding: compatibility forms (𝐴, ﬁ) only reveal
    # their letters after NFKD, and some letters only decompose once lower-cased.
    for _ in range(2):
        text = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(c for c in text if not unicodedata.combining(c))
    stripped = text
    return stripped.translate(_EXTRA_FOLDS)


def _all_texts(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    return [str(value)]


def _search_text(r: Recipient) -> str:
    parts: list[str] = []
    for name in ("honorific", "given_name", "family_name", "position", "organisation", "id"):
        parts.extend(_all_texts(getattr(r, name)))
    return fold(" ".join(parts))


Predicate = Callable[[Recipient], bool]


def _field_predicate(field: str, value: str) -> Predicate:
    """The plain reading of a ``field:value`` term, one recipient at a time (the reference the
    search index falls back on where its folded texts cannot answer)."""
    wanted = fold(value)
    if field == "tags":
        return lambda r: any(fold(t) == wanted for t in r.tags)
    if field == "_name":
        return lambda r: wanted in _search_text(r)
    if field in EXACT_FIELDS:
        return lambda r: any(fold(t) == wanted for t in _all_texts(getattr(r, field)))
    return lambda r: any(wanted in fold(t) for t in _all_texts(getattr(r, field)))
