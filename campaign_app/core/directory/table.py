"""The directory's validated entries kept as columns, each Recipient made when first asked for.

A directory of 100,000 rows read for ``recipients list --query category:mep`` needs the
category of every row but a Recipient object only for the few thousand it prints: making
all of them (with their origin) was a third of the command's time. The rows of a CSV file
arrive here as validated columns (core/directory/columns.py); entries from YAML files
arrive as Recipients. Either way the table answers ``column(field)`` (for the search
index, core/directory/search.py) and ``table[i]`` (the Recipient, made once and kept).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, count
from operator import itemgetter, not_
from typing import Any, overload

from campaign_app.core.common.errors import Location
from campaign_app.core.directory.recipients import Recipient, plain_display_name

NAME_PAIR = ("given_name", "family_name")


class RecipientTable(Sequence[Recipient]):
    """Entries in file order: runs of CSV rows as columns, entries from YAML as Recipients."""

    def __init__(self) -> None:
        self._made: list[Recipient | None] = []
        # Per run of entries: its first row, and a CSV file's columns (None for Recipients)
        self._starts: list[int] = []
        self._runs: list[_Rows | None] = []
        self._columns: dict[str, tuple[Any, ...]] = {}  # whole columns, made when first asked for

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, index: int) -> Recipient: ...

    @overload
    def __getitem__(self, index: slice) -> list[Recipient]: ...

    def __getitem__(self, index: int | slice) -> Recipient | list[Recipient]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        made = self._made[index]
        return made if made is not None else self._make(index if index >= 0 else index + len(self))

    def __iter__(self) -> Iterator[Recipient]:
        for i, made in enumerate(self._made):
            if made is None:
                self._make_run(i)
                made = self._made[i]
            yield made  # type: ignore[misc]  # made by _make_run

    def column(self, name: str) -> Sequence[Any]:
        """Every entry's value of field ``name`` (validated: a str, a {language: text} map,
        a tuple of tags, a date or None)."""
        column = self._columns.get(name)
        if column is None:
            if len(self._runs) == 1 and self._runs[0] is not None:
                return self._runs[0].values[name]  # one CSV file: its own column
            parts: list[Any] = []
            ends = [*self._starts[1:], len(self)] if self._starts else []  # no entries: no runs
            for start, run, end in zip(self._starts, self._runs, ends, strict=True):
                if run is None:
                    parts.extend(getattr(r, name) for r in self._made[start:end])
                else:
                    parts.extend(run.values[name])
            column = self._columns[name] = tuple(parts)  # a tuple: see columns.CheckedColumns
        return column

    def recipient_rows(self) -> frozenset[int]:
        """The rows of entries read as Recipients (from YAML files): only their texts may be
        maps by language; a CSV file's cells are plain text."""
        ends = [*self._starts[1:], len(self)] if self._starts else []
        spans = zip(self._starts, self._runs, ends, strict=True)
        return frozenset(i for start, run, end in spans if run is None for i in range(start, end))

    def display_names(self, rows: Iterable[int]) -> list[str]:
        """``self[i].display_name`` for each of ``rows``, read from the name columns: a list
        of thousands (``recipients list``) makes no Recipient for the usual entry."""
        rows = list(rows)
        given, family = (list(map(self.column(name).__getitem__, rows)) for name in NAME_PAIR)
        # Where both names are given, plain strings (a CSV row: nearly every row), the name
        # is "given family": joined in one pass; every other row as plain_display_name says.
        odd = self.recipient_rows()
        others = {*compress(count(), map(not_, given)), *compress(count(), map(not_, family))}
        if odd:
            others.update(compress(count(), map(odd.__contains__, rows)))
            for k in others:
                given[k] = family[k] = ""
        shown: list[str] = list(map(" ".join, zip(given, family, strict=True)))
        if others:
            names = ("given_name", "family_name", "position", "organisation", "id")
            columns = [self.column(name) for name in names]
            for k in others:
                row = rows[k]
                plain = plain_display_name(*(column[row] for column in columns))
                shown[k] = plain if plain is not None else self[row].display_name  # several languages
        return shown

    def add(self, recipient: Recipient) -> None:
        """An entry read as a Recipient (from a YAML file)."""
        if not self._runs or self._runs[-1] is not None:
            self._starts.append(len(self._made))
            self._runs.append(None)
        self._made.append(recipient)
        self._columns.clear()

    def add_rows(
        self, values: Mapping[str, Sequence[Any]], lines: Sequence[int], shown: str, id_column: int | None
    ) -> None:
        """Validated rows of a CSV file ``shown``: a value per row for every field, and each
        row's first line (its Recipient's origin is that line, at the id's column)."""
        if not lines:
            return
        self._starts.append(len(self._made))
        self._runs.append(_Rows(values, lines, shown, id_column))
        self._made.extend([None] * len(lines))
        self._columns.clear()

    def row_location(self, row: int) -> Location:
        """The file and line of a row (for a clash of ids)."""
        start, run = self._run_of(row)
        if run is None:
            origin = self[row].origin
            return Location(origin.path, origin.line) if origin is not None else Location("?")
        return Location(run.shown, run.lines[row - start])

    def _run_of(self, row: int) -> tuple[int, _Rows | None]:
        k = bisect_right(self._starts, row) - 1
        return self._starts[k], self._runs[k]

    def _make(self, row: int) -> Recipient:
        start, run = self._run_of(row)
        assert run is not None  # entries from YAML are made already
        i = row - start
        values = dict(zip(run.names, map(itemgetter(i), run.columns), strict=True))
        values["origin"] = Location(run.shown, run.lines[i], run.id_column)
        made = Recipient.of_checked(values)
        self._made[row] = made
        return made

    def _make_run(self, row: int) -> None:
        """Every Recipient of the CSV run holding ``row`` not made yet, at once: its rows read
        from the columns in one pass (``list(table)``, which the window asks for, made
        100,000 one field at a time). The same objects as ``_make`` makes."""
        start, run = self._run_of(row)
        assert run is not None  # entries from YAML are made already
        made, new, cls = self._made, object.__new__, Recipient
        shown, id_column = run.shown, run.id_column
        names = run.names
        for i, (values, line) in enumerate(
            zip(zip(*run.columns, strict=True), run.lines, strict=True), start
        ):
            if made[i] is None:
                recipient = new(cls)
                fields = recipient.__dict__
                fields.update(zip(names, values, strict=True))
                fields["origin"] = Location(shown, line, id_column)
                made[i] = recipient


class _Rows:
    """A CSV file's validated rows: a column per field, each row's line, where its ids are."""

    def __init__(
        self, values: Mapping[str, Sequence[Any]], lines: Sequence[int], shown: str, id_column: int | None
    ):
        self.values = values
        self.names, self.columns = tuple(values), tuple(values.values())
        self.lines = lines
        self.shown = shown
        self.id_column = id_column


class EditedTable(Sequence[Recipient | None]):
    """A directory's table with the edits made since it was read: rows replaced, added at
    the end, or deleted (None). The window shows 100,000 entries this way without making a
    Recipient for any row but those it paints or edits, and its search index reads the
    columns (``column``) with the edits in them."""

    def __init__(self, table: RecipientTable, edits: Mapping[int, Recipient | None] | None = None):
        self._table = table
        self._edits: dict[int, Recipient | None] = dict(edits or {})
        self._length = max(len(table), max(self._edits, default=-1) + 1)
        self._patched: dict[str, list[Any]] = {}  # columns with the edits in, made when asked

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Recipient | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[Recipient | None]: ...

    def __getitem__(self, index: int | slice) -> Recipient | list[Recipient | None] | None:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        if index in self._edits:
            return self._edits[index]
        return self._table[index]

    def __iter__(self) -> Iterator[Recipient | None]:
        """Every row; the table's are made a CSV file's run at a time (``RecipientTable.__iter__``)."""
        edits = self._edits
        for i, recipient in enumerate(self._table):
            yield edits.get(i, recipient)
        for i in range(len(self._table), self._length):
            yield edits[i]

    def __setitem__(self, index: int, recipient: Recipient | None) -> None:
        """Replace row ``index`` (None: the entry was deleted)."""
        if not 0 <= index < self._length:
            raise IndexError(index)
        self._edits[index] = recipient
        self._patched.clear()

    def append(self, recipient: Recipient | None) -> None:
        """A new entry, after the last row."""
        self._edits[self._length] = recipient
        self._length += 1
        self._patched.clear()

    def copy(self) -> EditedTable:
        """Another view of the same table with (a copy of) the same edits: for a worker thread."""
        return EditedTable(self._table, self._edits)

    def display_names(self) -> list[str]:
        """Every row's ``display_name`` ("" for a deleted row), read from the name columns."""
        names = self._table.display_names(range(len(self._table)))
        names.extend([""] * (self._length - len(names)))
        for row, recipient in self._edits.items():
            names[row] = recipient.display_name if recipient is not None else ""
        return names

    def column(self, name: str) -> Sequence[Any]:
        """Every row's value of field ``name`` (as ``RecipientTable.column``); None for a
        deleted row."""
        if not self._edits:
            return self._table.column(name)
        patched = self._patched.get(name)
        if patched is None:
            patched = list(self._table.column(name))
            patched.extend([None] * (self._length - len(patched)))
            for row, recipient in self._edits.items():
                patched[row] = getattr(recipient, name) if recipient is not None else None
            self._patched[name] = patched
        return patched
