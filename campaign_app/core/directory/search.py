"""Matching a recipient query against a whole directory: one pass, and fast enough to filter as you type.

The index keeps, per field a query names, the folded texts of every row, made once (the
first time a query asks for that field: a command-line query on category and country
never folds a name). A parsed query (core/directory/query.py) is compiled once into
closures over those columns, each selecting rows from a list of row numbers (a substring
test per row inside a list comprehension, a few milliseconds for 100,000 rows); AND
narrows the rows term by term, OR and NOT combine selections. Rows come back in the
order given.

The command line (``Query.filter``), template audiences and the desktop app's search box
all match through here; where a term cannot use the folded texts (a value that folds to
nothing) the plain reading of the term (``folding._field_predicate``) decides.
tests/core/directory/test_recipient_search.py and test_query_grammar.py check the
result against a plain evaluation of each recipient.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import compress, count, repeat
from operator import contains, is_not
from typing import Any, Protocol, cast

from campaign_app.core.directory.folding import (
    EXACT_FIELDS,
    NO_LETTER,
    StatusTable,
    _all_texts,
    _field_predicate,
    fold,
)
from campaign_app.core.directory.query_tree import And, Node, Not, Term
from campaign_app.core.directory.recipients import LOCALIZABLE, Recipient
from campaign_app.core.directory.selectors import Rows, Selector, all_of, any_of, complement
from campaign_app.core.directory.value_codes import CodedTerm, ValueCodes
from campaign_app.core.directory.word_mask import WordMask, joined_columns

# Fields whose texts make up a bare word's haystack, in query._search_text's order.
NAME_PARTS = ("honorific", "given_name", "family_name", "position", "organisation", "id")
NAMES = "_name"  # the column of those texts, folded and joined
FEW_VALUES = 4096  # distinct values of an exact field for a term to be decided on them first
_SEP = "\x1f"  # joins a row's several texts of one field; a typed query never contains it


class Parsed(Protocol):
    """A parsed query (core/directory/query.py's Query): its tree, and who reads the log."""

    @property
    def root(self) -> Node | None: ...

    def status_table(self) -> StatusTable: ...


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


def index_of(recipients: Iterable[Recipient]) -> SearchIndex:
    """The search index of ``recipients``: a directory's own (kept for the next query), or
    one made for this list, folding nothing before a query asks."""
    own = getattr(recipients, "search_index", None)
    if isinstance(own, SearchIndex):
        return own
    return SearchIndex(list(recipients), prepare=())


class SearchIndex:
    """Folded texts of a directory's rows, column by column, to select rows matching a query.

    Rows are positions in the list of recipients given; ``None`` marks a deleted row
    (it matches nothing). The fields in ``prepare`` (``_name``: the haystack of bare words)
    are folded at once (the desktop app builds its index off the UI thread); any other
    field the first time a query uses it.
    """

    def __init__(
        self,
        recipients: Sequence[Recipient | None],
        prepare: Iterable[str] = (NAMES, "category", "country", "tags"),
        columns: Callable[[str], Sequence[Any]] | None = None,
        odd_rows: Callable[[], frozenset[int]] | None = None,
        editable: bool = False,
    ):
        """``columns`` gives a field's value for every row (a directory's table, read-only:
        its rows are only made into Recipients when selected); by default they are read
        from the recipients. With ``odd_rows`` (the only rows whose texts may be maps by
        language), a term of a query is answered value by value (see ``_by_value``).
        ``editable`` with ``columns``: ``recipients`` is the index's own ``EditedTable``
        (core/directory/table.py) whose ``column`` gives the columns, and ``set`` may edit it
        (the window: its 100,000 rows are not made into Recipients to build the index)."""
        self._raw: Callable[[str], Sequence[Any]]
        self._gone: set[int]  # deleted rows (None): they match nothing
        if columns is None:
            self.recipients: Sequence[Recipient | None] = list(recipients)
            self._raw = self._attributes
            self._gone = {i for i, r in enumerate(self.recipients) if r is None}
        else:
            self.recipients, self._raw, self._gone = recipients, columns, set()
        self._read_only = columns is not None and not editable
        self._odd_rows = odd_rows
        self._ids_text: str | None = None
        self._fields: dict[str, Sequence[Any]] = {}
        self._distinct: dict[str, set[Any]] = {}  # an exact field's folded values, when few
        # the window's index (its names folded at once) answers a bare word a faster way
        self._words: WordMask | None = None
        self._want_words = NAMES in prepare
        self._codes: dict[str, ValueCodes | None] = {}  # prepared exact fields' (value_codes.py)
        for field in prepare:
            values = self._values(field)
            if field in EXACT_FIELDS or field == "tags":
                self._codes[field] = ValueCodes.of(values)
        self._everyone = list(range(len(self.recipients))) if self._codes else []  # for _codes

    def __len__(self) -> int:
        return len(self.recipients)

    @property
    def row_numbers(self) -> Sequence[int]:
        """Every row number in order: the index's own list where it keeps one (lists picked
        from it share its numbers: faster to make, free and collect), else a range."""
        everyone = self._everyone
        return everyone if len(everyone) == len(self.recipients) else range(len(self.recipients))

    def set(self, row: int, recipient: Recipient | None) -> None:
        """Replace row ``row`` (or append it when ``row == len(self)``) after an edit."""
        assert not self._read_only, "an index over a directory's table is read-only"
        recipients = cast(list[Recipient | None], self.recipients)  # a list or an EditedTable
        fields = cast(dict[str, list[Any]], self._fields)  # lists, unless read-only
        if row == len(recipients):
            recipients.append(recipient)
            for values in fields.values():
                values.append(None)
        if recipient is None:
            self._gone.add(row)
        else:
            self._gone.discard(row)
        recipients[row] = recipient
        for field, values in fields.items():
            values[row] = self._field_value(field, recipient) if recipient is not None else None
            if field in self._distinct and field != "id":
                self._distinct[field].add(values[row])
            if (coded := self._codes.get(field)) is not None and not coded.put(row, values[row]):
                self._codes[field] = None  # one value too many: row by row
        if self._codes and row == len(self._everyone):
            self._everyone.append(row)
        if self._words is not None:
            parts = [
                _name_text(getattr(recipient, name)) if recipient is not None else None for name in NAME_PARTS
            ]
            if not self._words.set(row, parts):
                self._words = None  # more offices than it can number: the joined names answer

    def select(
        self, query: Parsed | None, rows: Iterable[int] | None = None, statuses: StatusTable | None = None
    ) -> list[int]:
        """The rows (in the order given, default all) that match ``query``; ``status:`` terms
        are answered by ``statuses`` (recipient id → statuses from the contact log), else by
        the query's own reader of the log."""
        selected: Rows = range(len(self.recipients)) if rows is None else list(rows)
        if self._gone:
            gone = self._gone
            selected = [i for i in selected if i not in gone]
        if query is None or query.root is None:
            return list(selected)
        table: Callable[[], StatusTable] = (lambda: statuses) if statuses is not None else query.status_table
        return self.compile(query.root, table)(selected)

    def plain_mask(self, query: Parsed | None) -> bytes | None:
        """Which rows match ``query``, one byte a row (1: it matches), when the query is one
        bare word and every row's names are folded already (the window's index), or one term
        on a field of few values that ``compile`` reads off its codes; else None. The whole
        column is tested in C, faster than row by row, and a mask lets the window put the rows
        in its sort order and count them without a loop in Python: the first letter typed
        matches most of 100,000 rows, 'tag:supporter' half."""
        root = query.root if query is not None else None
        if self._gone or not isinstance(root, Term) or root.field == "status":
            return None
        if root.field is not None:  # a field of few values: read off its codes, where it has them
            selector = self._term(root, False, query.status_table)  # type: ignore[union-attr]
            return selector.mask() if isinstance(selector, CodedTerm) else None
        if NAMES not in self._fields:
            return None
        if self._words is not None and (mask := self._words.mask(root.wanted)) is not None:
            return mask  # the person's parts row by row, the offices once each (word_mask.py)
        return bytes(map(contains, self._fields[NAMES], repeat(root.wanted)))

    # ---- compiling a query ------------------------------------------------------------

    def compile(self, node: Node, statuses: Callable[[], StatusTable]) -> Selector:
        """``node`` as one function from rows to the rows (in order) that match it."""
        if isinstance(node, Term):
            return self._term(node, False, statuses)
        if isinstance(node, Not):
            if isinstance(node.child, Term):
                return self._term(node.child, True, statuses)
            return complement(self.compile(node.child, statuses))
        # Exact fields first: they usually cut the most rows for the least work.
        children = sorted(node.children, key=lambda c: not _is_exact(c))
        parts = [self.compile(c, statuses) for c in children]
        return all_of(parts) if isinstance(node, And) else any_of(parts)

    def _term(self, term: Term, negated: bool, statuses: Callable[[], StatusTable]) -> Selector:
        w = term.wanted
        field = term.field or NAMES
        if field == "status":
            return self._status(w, negated, statuses)
        if field not in (NAMES, "tags") and field not in EXACT_FIELDS and (not w or _SEP in w):
            return self._reference(term, negated)  # the joined texts cannot answer these exactly
        if self._odd_rows is not None and field not in self._fields and (field != NAMES or _one_part(w)):
            return self._by_value(field, w, negated)
        values = self._values(field)
        if (field in EXACT_FIELDS or field == "tags") and (same := self._same_for_all(field, w)) is not None:
            return lambda rows: list(rows) if same != negated else []
        if (coded := self._codes.get(field)) is not None:
            return CodedTerm(coded, w, negated, self._everyone, self._term_by_row(values, w, negated))
        return self._term_by_row(values, w, negated)

    @staticmethod
    def _term_by_row(values: Sequence[Any], w: str, negated: bool) -> Selector:
        if negated:
            return lambda rows: [i for i in rows if w not in values[i]]
        return lambda rows: [i for i in rows if w in values[i]]

    def _by_value(self, field: str, w: str, negated: bool) -> Selector:
        """A term answered on the distinct values of its field's column (of the rows asked),
        each folded once, without making the folded column: a query asked once (the command
        line, a template's audience) over 100,000 rows need not fold them all. The same rows
        as ``w in values[i]``: a word without a space is in a row's names where it is in one
        of their parts (they are joined by spaces)."""
        assert self._odd_rows is not None
        if field != NAMES and field not in LOCALIZABLE:  # plain values in every row: one pass
            column, fold_one = self._raw(field), partial(_folded, field)

            def select_plain(rows: Rows) -> list[int]:
                hits = _holding(set(map(column.__getitem__, rows)), w, fold_one)
                return [i for i in rows if (column[i] in hits) != negated]

            return select_plain
        parts: list[tuple[str, Callable[[Any], Any]]]
        parts = [(name, _name_text) for name in NAME_PARTS if name != "id" or self._ids_may_hold(w)]
        if field != NAMES:
            parts = [(field, partial(_folded, field))]
        odd = self._odd_rows()

        def select(rows: Rows) -> list[int]:
            asked = rows if isinstance(rows, range) else set(rows)
            odd_asked = [i for i in odd if i in asked]
            plain = [i for i in rows if i not in odd] if odd_asked else rows
            matched: set[int] = set()
            for name, fold_one in parts:
                matched.update(_rows_holding(self._raw(name), plain, odd_asked, w, fold_one))
            return [i for i in rows if (i in matched) != negated]

        return select

    def _same_for_all(self, field: str, w: str) -> bool | None:
        """Whether every row's value of an exact field (or tags) holds ``w`` (True), none
        does (False), or some do (None), decided on the column's few distinct values: as
        ``category:m`` and ``tag:sup`` are typed on, no row has them, and the 100,000 rows
        need not be tested one by one. The distinct values may include some no row has any
        more (after edits): they only make the answer None more often."""
        distinct = self._distinct.get(field)
        if distinct is None:
            distinct = self._distinct[field] = set() if field == "id" else set(self._values(field))
        if not distinct or len(distinct) > FEW_VALUES:  # ids are all distinct
            return None
        held = {w in value for value in distinct if value is not None}
        return held.pop() if len(held) == 1 else None

    def _ids_may_hold(self, w: str) -> bool:
        """Whether any id may hold ``w``: ids are plain ASCII (folded, they are lower-cased),
        so one look in all of them, lower-cased and joined, tells most words they do not."""
        if self._ids_text is None:
            joined = "\n".join(self._raw("id"))
            self._ids_text = joined.lower() if joined.isascii() else ""
        return not self._ids_text or w in self._ids_text

    def _status(self, wanted: str, negated: bool, statuses: Callable[[], StatusTable]) -> Selector:
        ids = self._raw("id")

        def select(rows: Rows) -> list[int]:
            if not rows:
                return []
            table: Mapping[str, frozenset[str]] = statuses()
            return [i for i in rows if (wanted in table.get(ids[i], NO_LETTER)) != negated]

        return select

    def _reference(self, term: Term, negated: bool) -> Selector:
        predicate: Callable[[Recipient], bool] = _field_predicate(term.field or NAMES, term.value)
        recipients = self.recipients
        return lambda rows: [i for i in rows if (r := recipients[i]) is not None and predicate(r) != negated]

    # ---- folded columns ---------------------------------------------------------------

    def _values(self, field: str) -> Sequence[Any]:
        values = self._fields.get(field)
        if values is None:
            values = self._names() if field == NAMES else self._column(field)
            if self._read_only:  # a tuple: the garbage collector stops walking its 100,000 items
                values = tuple(values)
            self._fields[field] = values
        return values

    def _names(self) -> list[str]:
        """Every row's ``search_text``, built column by column: each distinct name, office or
        organisation is folded once, and a row's texts joined in one pass."""
        columns = [self._name_part(name) for name in NAME_PARTS]
        if self._want_words:
            self._words = WordMask.of(columns)
        return joined_columns(columns)  # a field with no text at all (None) is no part

    def _name_part(self, name: str) -> list[str | None]:
        """One field's part of the haystack per row: its folded text(s), None for no text."""
        return _each_distinct(self._raw(name), _name_text)

    def _column(self, field: str) -> list:
        return _each_distinct(self._raw(field), lambda raw: _folded(field, raw))

    def _attributes(self, field: str) -> list[Any]:
        return [getattr(r, field) if r is not None else None for r in self.recipients]

    @staticmethod
    def _field_value(field: str, recipient: Recipient) -> tuple[str, ...] | str:
        """A row's folded value of ``field`` (see ``_folded``); the haystack for ``_name``."""
        return search_text(recipient) if field == NAMES else _folded(field, getattr(recipient, field))


def _each_distinct(raw: Sequence[Any], fold_one: Callable[[Any], Any]) -> list[Any]:
    """``fold_one`` of every value; names, offices, categories and countries repeat, so each
    distinct value is folded once ({language: text} maps, not hashable, one by one)."""
    try:
        distinct = set(raw)
    except TypeError:  # maps among the texts (entries from YAML: a few)
        return _each_distinct_mixed(raw, fold_one)
    if fold_one in (_name_text, quick_fold) and all(type(value) is str for value in distinct):
        joined = "\x00".join(raw)
        if joined.isascii() and joined.count("\x00") == len(raw) - 1:  # folding ASCII is lower-casing
            return joined.lower().split("\x00") if raw else []
    folded = {value: fold_one(value) for value in distinct}
    return list(map(folded.__getitem__, raw))


def _each_distinct_mixed(raw: Sequence[Any], fold_one: Callable[[Any], Any]) -> list[Any]:
    """``_each_distinct`` of a column holding values that cannot be hashed: those one by one."""
    odd = list(compress(count(), map(is_not, map(type, raw), repeat(str))))
    plain: list[Any] = list(raw)
    for i in odd:
        plain[i] = None
    folded = {value: fold_one(value) for value in set(plain)}
    values = list(map(folded.__getitem__, plain))
    for i in odd:
        values[i] = fold_one(raw[i])
    return values


def _one_part(w: str) -> bool:
    """Whether the word cannot span two parts of a row's names (joined by spaces)."""
    return " " not in w and "\n" not in w


def _rows_holding(
    column: Sequence[Any], plain: Rows, odd: list[int], w: str, fold_one: Callable[[Any], Any]
) -> list[int]:
    """The rows whose value of ``column``, folded, holds ``w``: of the ``plain`` rows, each
    distinct value folded once; the ``odd`` rows (whose values may be maps by language,
    which cannot be hashed) one by one."""
    hits = _holding(set(map(column.__getitem__, plain)), w, fold_one)
    found = [i for i in plain if column[i] in hits] if hits else []
    found += [i for i in odd if (text := fold_one(column[i])) is not None and w in text]
    return found


def _holding(values: Iterable[Any], w: str, fold_one: Callable[[Any], Any]) -> set[Any]:
    """The values that, folded, hold ``w``."""
    return {value for value in values if (text := fold_one(value)) is not None and w in text}


def _name_text(raw: object) -> str | None:
    if type(raw) is str:
        return quick_fold(raw)
    texts = _all_texts(raw)
    return " ".join(map(quick_fold, texts)) if texts else None


def _folded(field: str, raw: object) -> tuple[str, ...] | str:
    """Tags and exact fields: a tuple of folded texts (compared whole); others: one string
    of folded texts joined by a separator (searched for a substring)."""
    texts = [quick_fold(t) for t in _all_texts(raw)]
    if field in EXACT_FIELDS or field == "tags":
        return tuple(texts)
    return _SEP.join(texts)


def _is_exact(node: Node) -> bool:
    return isinstance(node, Term) and (node.field in EXACT_FIELDS or node.field == "tags")
