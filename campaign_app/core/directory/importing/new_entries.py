"""The new entries of a chunk's rows certainly new, kept as the chunk's columns until asked for.

A 100,000-row import of new people made a values dict for each new entry (27 MB at the
peak, a tenth of a second) only for :class:`~.edits.CsvEdit` to read them back, field by
field, into columns to write them. A :class:`NewEntry` is an :class:`~.merge.Entry` whose
values stay a row of its chunk's columns (:class:`NewValues`) until something reads
``values`` (a later row the same person, the YAML writer, a test): then its dict is made,
the very dict :meth:`NewValues.records` makes for the row, and kept (it may be changed).
An entry never asked for is written from the columns (:meth:`NewValues.cells`), cell for
cell what its dict would have written.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import Any

from campaign_app.core.directory.importing.merge import _NO_CHANGES, Entry

_VALUE = itemgetter(1)  # a (field, value) pair's value
_SLOT = Entry.__dict__["values"]  # Entry's own slot for its values (NewEntry's property wraps it)


class NewValues:
    """The values of some new entries as columns: ``names`` (the record's fields but the id,
    in the record's order), each one's column (str or None: None and "" are no value) and
    the defaults with a value (a field's empty cell, or a field without a column, gets it)."""

    __slots__ = ("columns", "defaults", "names")

    def __init__(self, names: list[str], columns: list[list[Any]], defaults: list[tuple[str, Any]]):
        self.names = names
        self.columns = columns
        self.defaults = [(key, default) for key, default in defaults if default]

    def records(self) -> list[dict[str, Any]]:
        """Each row's values as a dict: its (field, value) pairs with a value, then the
        defaults; made at once (no Python step a row)."""
        names, columns = self.names, self.columns
        pairs = map(zip, repeat(names), zip(*columns, strict=True))
        records = list(map(dict, map(filter, repeat(_VALUE), pairs)))  # type: ignore[arg-type]
        for key, default in self.defaults:
            if key in names:  # a cell left empty: the default (a cell of a falsy value: none)
                for record, v in zip(records, columns[names.index(key)], strict=True):
                    if v is None:
                        record[key] = default
            else:
                for record in records:
                    record[key] = default
        return records

    def record(self, n: int) -> dict[str, Any]:
        """Row ``n``'s values, as :meth:`records` makes them."""
        names, columns = self.names, self.columns
        record = {name: v for name, column in zip(names, columns, strict=True) if (v := column[n])}
        for key, default in self.defaults:
            if key not in names or columns[names.index(key)][n] is None:
                record[key] = default
        return record

    def used(self, rows: Sequence[int]) -> set[str]:
        """The fields some of rows ``rows`` has a value for (a key of its record)."""
        used = {
            name for name, column in zip(self.names, self.columns, strict=True) if any(_taken(column, rows))
        }
        for key, _default in self.defaults:
            if key not in self.names or None in _taken(self.columns[self.names.index(key)], rows):
                used.add(key)
        return used if rows else set()

    def cells(self, name: str, rows: Sequence[int]) -> list[Any]:
        """The cells of field ``name`` of rows ``rows``, each its record's ``get(name, "")``."""
        default = dict(self.defaults).get(name, "")
        if name not in self.names:
            return [default] * len(rows)
        cells = _taken(self.columns[self.names.index(name)], rows)
        if not all(cells):  # no value: "", or the default where the cell was None
            cells = [v if v else default if v is None else "" for v in cells]
        return cells


def _taken(column: list[Any], rows: Sequence[int]) -> list[Any]:
    """The cells of ``column`` at ``rows`` (increasing): a slice when they follow each other."""
    if rows and rows[-1] - rows[0] == len(rows) - 1:
        return column[rows[0] : rows[-1] + 1]
    return list(map(column.__getitem__, rows))


class NewEntry(Entry):
    """A new entry whose values are row ``at`` of ``block`` until they are read: then made
    a dict (``block`` None from then on), and that dict is the entry's values."""

    __slots__ = ("at", "block")
    at: int
    block: NewValues | None

    def __init__(self, rid: str, block: NewValues, at: int, row: int | None, language: str):
        self.id = rid
        self.block = block
        self.at = at
        self.path = None
        self.row = row
        self.language = language
        self.changes = _NO_CHANGES

    @property
    def values(self) -> dict[str, Any]:
        block = self.block
        if block is not None:
            _SLOT.__set__(self, block.record(self.at))
            self.block = None
        return _SLOT.__get__(self, NewEntry)

    @values.setter
    def values(self, values: dict[str, Any]) -> None:
        _SLOT.__set__(self, values)
        self.block = None
