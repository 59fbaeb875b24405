"""Recipient queries: ``category:mep country:SK simecka``, ``(category:mep OR category:osce) -country:DE``.

One small language serves the command line, template audiences and the desktop app's
search box. Terms side by side must all match; ``OR``, ``NOT`` (or a leading ``-``) and
parentheses combine them (the syntax: core/directory/query_syntax.py). ``field:value``
compares one field, bare words and quoted phrases look in the name, position and
organisation. Matching ignores case and accents, because a volunteer types ``simecka`` for
Šimečka and ``sanchez`` for Sánchez Amor.

A parsed :class:`Query` is matched by the search index (core/directory/search.py), which
folds only the fields the query names, once, and compiles the tree into row filters.

``status:sent`` selects by what the contact log says about a recipient. The directory
knows nothing of the log: the caller passes the words a status may be (``status_words``,
word → meaning: the campaign passes the contact log's) and a ``statuses`` function that
reads the log, only called when a query asks for a status.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.folding import (
    EXACT_FIELDS,
    NO_LETTER,
    StatusTable,
    _all_texts,
    _field_predicate,
    _search_text,
    fold,
)
from campaign_app.core.directory.query_syntax import QueryPlace, parse_tree
from campaign_app.core.directory.query_tree import And, Node, Not, Or, Term, terms_of, to_text
from campaign_app.core.directory.recipients import ALL_FIELDS, CATEGORIES, Recipient
from campaign_app.core.directory.search import index_of

__all__ = [
    "EXACT_FIELDS",
    "NO_LETTER",
    "And",
    "Node",
    "Not",
    "Or",
    "Query",
    "QueryPlace",
    "StatusTable",
    "Term",
    "_all_texts",
    "_field_predicate",
    "_search_text",
    "fold",
    "parse_query",
    "to_text",
]

ALIASES = {"tag": "tags", "org": "organisation", "organization": "organisation", "name": "_name"}
QUERY_FIELDS = sorted({*ALL_FIELDS, "tag", "name", "status"} - {"tags"})
# The words a status: term may use → what each means (shown in help).
StatusWords = Mapping[str, str]


@dataclass(frozen=True)
class Query:
    """A parsed query: ``root`` is its tree (None for an empty query, which matches everyone)."""

    text: str
    root: Node | None
    statuses: Callable[[], StatusTable] | None = None
    _table: list[StatusTable] = field(default_factory=list, compare=False, repr=False)

    @property
    def terms(self) -> list[Term]:
        return terms_of(self.root)

    @property
    def uses_status(self) -> bool:
        """Whether matching needs the contact log (a ``status:`` term)."""
        return any(t.field == "status" for t in self.terms)

    def status_table(self) -> StatusTable:
        """The contact log's statuses, read once, when a status: term is first evaluated."""
        if not self._table:
            self._table.append(self.statuses() if self.statuses is not None else {})
        return self._table[0]

    def filter(self, recipients: Iterable[Recipient]) -> list[Recipient]:
        """The recipients that match, in their order."""
        if self.root is None:
            return list(recipients)
        index = index_of(recipients)
        rows = index.recipients
        return [r for i in index.select(self) if (r := rows[i]) is not None]

    def rows(self, recipients: Iterable[Recipient]) -> list[int]:
        """The positions in ``recipients`` (a directory: its table's rows) of those that
        match, in order: what ``filter`` returns, without making the Recipients."""
        return index_of(recipients).select(self)

    def matches(self, recipient: Recipient) -> bool:
        return bool(self.filter([recipient]))


def parse_query(
    text: str | None,
    statuses: Callable[[], StatusTable] | None = None,
    status_words: StatusWords | None = None,
    place: QueryPlace | None = None,
) -> Query:
    """Parse a query; a mistake (syntax, unknown field, unknown status) is a UserError at its
    column in ``place`` (default: the command line's ``--query``). ``status:`` terms take one
    of ``status_words`` and are answered by ``statuses`` (see the module's docstring)."""
    text = (text or "").strip()
    place = place or QueryPlace()

    def make_term(name: str | None, value: str, written: str, column: int) -> Term:
        if name is None:
            return Term(None, value, fold(value), written, column)
        key = ALIASES.get(name.lower(), name.lower())
        if key != "status" and key not in ALL_FIELDS and key != "_name":
            raise UserError(
                _("unknown field '{field}' in query {text!r}").format(field=name, text=text),
                place.at(column),
                _("use one of {query_fields}").format(query_fields=", ".join(QUERY_FIELDS)),
            )
        if not value:
            raise UserError(
                _("'{field}:' has no value in query {text!r}").format(field=name, text=text),
                place.at(column),
                _("write e.g. {field}:value").format(field=name),
            )
        if key == "status":
            _check_status(value, statuses, status_words, text, place.at(column))
            return Term(key, value, value.lower(), written, column)
        if key in FIXED_VALUES:
            _check_fixed(key, name, value, text, place.at(column))
        return Term(key, value, fold(value), written, column)

    return Query(text, parse_tree(text, make_term, place), statuses)


# Fields whose values are one of a few words: a value none of them is (``category:mpe``)
# would match nobody, silently; it is a mistake, named with the words it may be.
FIXED_VALUES: dict[str, tuple[str, ...]] = {"category": CATEGORIES, "gender": ("f", "m")}


def _check_fixed(key: str, name: str, value: str, text: str, where) -> None:
    allowed = FIXED_VALUES[key]
    if fold(value) in allowed:
        return
    close = difflib.get_close_matches(fold(value), allowed, n=1)
    hint = _("use one of {values}").format(values=", ".join(allowed))
    if close:
        hint = _("did you mean {field}:{value}? ({values})").format(
            field=name, value=close[0], values=", ".join(allowed)
        )
    raise UserError(
        _("no entry can have {field} '{value}' (query {text!r})").format(field=name, value=value, text=text),
        where,
        hint,
    )


def _check_status(
    value: str,
    statuses: Callable[[], StatusTable] | None,
    status_words: StatusWords | None,
    text: str,
    where,
) -> None:
    """A ``status:`` term is checked against the caller's words; without them (or without a
    log to read) no status can be answered."""
    if status_words is not None and value.lower() not in status_words:
        raise UserError(
            _("unknown status '{value}' in query {text!r}").format(value=value, text=text),
            where,
            _("use one of {status_words}").format(status_words=", ".join(status_words)),
        )
    if statuses is None or status_words is None:
        raise UserError(
            _("query {text!r} asks for a status, which only a campaign's contact log can answer").format(
                text=text
            ),
            where,
            _("use status: with generate, send, recipients list or log status in a campaign folder"),
        )


def combine(*queries: str | None) -> str:
    """Join query strings with AND (a template's audience narrowed by ``--query``); a part
    with a top-level OR is put in parentheses, so it stays one side of the AND."""
    parts = [q.strip() for q in queries if q and q.strip()]
    if len(parts) < 2:
        return " ".join(parts)
    return " ".join(f"({p})" if _has_top_level_or(p) else p for p in parts)


def _has_top_level_or(text: str) -> bool:
    try:
        root = parse_tree(
            text, lambda name, value, written, column: Term(None, value, "", written, column), QueryPlace()
        )
    except UserError:
        return False
    return isinstance(root, Or)


def without(node: Node | None, drop: Callable[[Term], bool]) -> Node | None:
    """The tree with the terms ``drop`` selects taken out (with a NOT or a side of an OR they
    stand in for "anyone"); None when nothing is left."""
    if node is None:
        return None
    if isinstance(node, Term):
        return None if drop(node) else node
    if isinstance(node, Not):
        child = without(node.child, drop)
        return None if child is None else Not(child)
    kept = [k for c in node.children if (k := without(c, drop)) is not None]
    if isinstance(node, Or) and len(kept) < len(node.children):
        return None  # one side now matches anyone, and so does the OR
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else type(node)(tuple(kept))
