"""Matching a recipient query against a whole directory fast enough to filter as you type.

:func:`campaign_app.core.directory.query.parse_query` builds predicates that fold a recipient's
texts each time they are asked: right for the command line, which makes one pass, but
about a second over 100,000 rows, and the desktop app filters on every keystroke. This
index folds every row's texts once and then evaluates the query term by term over lists
of row numbers (a substring test per row, a few milliseconds for 100,000 rows).

It does not define a second query language: the text is parsed by ``parse_query`` first
(so a mistake gives the command line's message), the terms are read the way
``parse_query`` reads them, and where a term cannot use the folded texts the reference
predicate decides. tests/core/directory/test_recipient_search.py checks that both select
the same rows.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from campaign_app.core.directory.query import (
    ALIASES,
    EXACT_FIELDS,
    NO_LETTER,
    StatusTable,
    StatusWords,
    _all_texts,
    _field_predicate,
    fold,
    parse_query,
)
from campaign_app.core.directory.recipients import Recipient

# Fields whose texts make up a bare word's haystack, in query._search_text's order.
NAME_PARTS = ("honorific", "given_name", "family_name", "position", "organisation", "id")
_SEP = "\x1f"  # joins a row's several texts of one field; a typed query never contains it


def quick_fold(text: str) -> str:
    """``fold(text)``; ASCII text (most of a directory) takes the cheap path with the same result."""
    return text.lower() if text.isascii() else fold(text)


def search_text(recipient: Recipient) -> str:
    """What a bare query word is looked for in: the same string as ``query._search_text``.

    Plain ASCII is only lower-cased. Otherwise each part is folded on its own (folding
    works letter by letter, and a space stops accents from combining across parts), so
    names and offices that repeat hit fold's cache.
    """
    parts: list[str] = []
    for name in NAME_PARTS:
        value = getattr(recipient, name)
        if type(value) is str:
            parts.append(value)
        else:
            parts.extend(_all_texts(value))
    text = " ".join(parts)
    return text.lower() if text.isascii() else " ".join(map(quick_fold, parts))


@dataclass(frozen=True)
class Term:
    """One term of a query: ``field`` is None for a bare word, else the canonical field name."""

    negated: bool
    field: str | None
    value: str  # as typed (after the field name)
    wanted: str  # folded


def query_terms(
    text: str | None,
    statuses: Callable[[], StatusTable] | None = None,
    status_words: StatusWords | None = None,
) -> list[Term]:
    """The terms of a query, read as ``parse_query`` reads them; its UserError on a mistake.
    ``status:`` terms are allowed when ``statuses`` and ``status_words`` are given (see
    core/directory/query.py)."""
    # The one place that decides what is valid, and says what is not:
    parse_query(text, statuses, status_words)
    terms: list[Term] = []
    for term in shlex.split((text or "").strip()):
        negated = term.startswith("-") and len(term) > 1
        if negated:
            term = term[1:]
        field, sep, value = term.partition(":")
        if sep and field and not field.startswith("http"):
            key = ALIASES.get(field.lower(), field.lower())
            terms.append(Term(negated, key, value, value.lower() if key == "status" else fold(value)))
        else:
            terms.append(Term(negated, None, term, fold(term)))
    return terms


class SearchIndex:
    """Folded texts of every row of a directory, to select rows matching a query.

    Rows are positions in the list of recipients given; ``None`` marks a deleted row
    (it matches nothing). The fields in ``prepare`` are folded at once (the index is built
    off the UI thread); any other field the first time a query uses it.
    """

    def __init__(
        self, recipients: Sequence[Recipient | None], prepare: Iterable[str] = ("category", "country", "tags")
    ):
        self._recipients: list[Recipient | None] = list(recipients)
        self._names: list[str] = [search_text(r) if r is not None else "" for r in self._recipients]
        self._fields: dict[str, list] = {}
        self._deleted = sum(r is None for r in self._recipients)
        for field in prepare:
            self._values(field)

    def __len__(self) -> int:
        return len(self._recipients)

    def set(self, row: int, recipient: Recipient | None) -> None:
        """Replace row ``row`` (or append it when ``row == len(self)``) after an edit."""
        if row == len(self._recipients):
            self._recipients.append(recipient)
            self._names.append("")
            for values in self._fields.values():
                values.append(None)
        else:
            self._deleted -= self._recipients[row] is None
        self._deleted += recipient is None
        self._recipients[row] = recipient
        self._names[row] = search_text(recipient) if recipient is not None else ""
        for field, values in self._fields.items():
            values[row] = self._field_value(field, recipient) if recipient is not None else None

    def select(
        self, terms: Iterable[Term], rows: Iterable[int] | None = None, statuses: StatusTable | None = None
    ) -> list[int]:
        """The rows (in the order given, default all) that match every term; ``status:``
        terms are answered by ``statuses`` (recipient id → statuses from the contact log)."""
        selected: Iterable[int] = range(len(self._recipients)) if rows is None else rows
        if self._deleted:
            recipients = self._recipients
            selected = [i for i in selected if recipients[i] is not None]
        # Exact fields first: they usually cut the most rows for the least work.
        for term in sorted(terms, key=lambda t: t.field not in EXACT_FIELDS and t.field != "tags"):
            if term.field == "status":
                selected = self._status(term, selected, statuses or {})
                continue
            selected = self._apply(term, selected)
        return selected if isinstance(selected, list) else list(selected)

    # ---- evaluation -----------------------------------------------------------------

    def _apply(self, term: Term, rows: Iterable[int]) -> list[int]:
        w, neg = term.wanted, term.negated
        if term.field is None or term.field == "_name":
            names = self._names
            return [i for i in rows if w not in names[i]] if neg else [i for i in rows if w in names[i]]
        field = term.field
        if field == "tags" or field in EXACT_FIELDS:
            values = self._values(field)
            return [i for i in rows if w not in values[i]] if neg else [i for i in rows if w in values[i]]
        if not w or _SEP in w:  # the joined texts cannot answer these exactly
            return self._reference(term, rows)
        values = self._values(field)
        return [i for i in rows if w not in values[i]] if neg else [i for i in rows if w in values[i]]

    def _status(self, term: Term, rows: Iterable[int], statuses: Mapping[str, frozenset[str]]) -> list[int]:
        recipients, w = self._recipients, term.wanted
        return [
            i
            for i in rows
            if (r := recipients[i]) is not None and (w in statuses.get(r.id, NO_LETTER)) != term.negated
        ]

    def _reference(self, term: Term, rows: Iterable[int]) -> list[int]:
        predicate: Callable[[Recipient], bool] = _field_predicate(term.field or "_name", term.value)
        recipients = self._recipients
        return [i for i in rows if (r := recipients[i]) is not None and predicate(r) != term.negated]

    def _values(self, field: str) -> list:
        values = self._fields.get(field)
        if values is None:
            # Categories, countries and tags repeat: fold each distinct value once.
            seen: dict[object, tuple[str, ...] | str] = {}
            attribute = "tags" if field == "tags" else field
            values = []
            for r in self._recipients:
                if r is None:
                    values.append(None)
                    continue
                raw = getattr(r, attribute)
                if type(raw) is str or type(raw) is tuple:
                    folded = seen.get(raw)
                    if folded is None:
                        folded = seen[raw] = self._field_value(field, r)
                else:
                    folded = self._field_value(field, r)
                values.append(folded)
            self._fields[field] = values
        return values

    @staticmethod
    def _field_value(field: str, recipient: Recipient) -> tuple[str, ...] | str:
        """Tags and exact fields: a tuple of folded texts (compared whole); others: one
        string of folded texts joined by a separator (searched for a substring)."""
        if field == "tags":
            return tuple(quick_fold(t) for t in recipient.tags)
        texts = [quick_fold(t) for t in _all_texts(getattr(recipient, field))]
        if field in EXACT_FIELDS:
            return tuple(texts)
        return _SEP.join(texts)
