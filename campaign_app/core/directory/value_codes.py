"""An exact field's column (category, country, tags) as one byte a row: its value's number.

The window's search over 100,000 rows tested each row's folded value for a term such as
``category:mep`` or ``tag:supporter`` (3.3-3.9 ms a keystroke). These columns hold a few
distinct values, so a term is asked once per value and the rows read off their values'
numbers (``bytes.translate``), then picked from a list of every row number made beforehand
(``itertools.compress`` over a ``range`` makes an integer per row: twice as slow): ~1 ms.
Only over all rows, and only in the window's index (built off the UI thread, with the
columns it prepares); a query's later terms narrow the rows the first one left, row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress
from typing import Any

MAX_VALUES = 256  # numbers that fit a byte


class ValueCodes:
    """One column's distinct values and each row's value by number; kept in step by ``put``."""

    __slots__ = ("codes", "number", "values")

    def __init__(self, column: Sequence[Any], number: dict[Any, int]):
        self.values = list(number)
        self.number = number
        self.codes = bytearray(map(number.__getitem__, column))

    @classmethod
    def of(cls, column: Sequence[Any]) -> ValueCodes | None:
        """None for a column of more than ``MAX_VALUES`` distinct values (or unhashable ones)."""
        try:
            distinct = dict.fromkeys(column)
        except TypeError:
            return None
        if len(distinct) > MAX_VALUES:
            return None
        return cls(column, {value: n for n, value in enumerate(distinct)})

    def covers(self, rows: object) -> bool:
        """Whether ``rows`` are every row, in order (a query's first term over the directory)."""
        return isinstance(rows, range) and rows == range(len(self.codes))

    def select(self, wanted: str, negated: bool, everyone: list[int]) -> list[int]:
        """Every row whose value holds ``wanted`` (``wanted in value``), or, negated, does not;
        ``everyone``: every row number, in order (made once by the caller)."""
        return list(compress(everyone, self.mask(wanted, negated)))

    def mask(self, wanted: str, negated: bool = False) -> bytes:
        """``select``'s rows as one byte a row (1: selected)."""
        held = bytes((value is not None and wanted in value) != negated for value in self.values)
        return bytes(self.codes.translate(held.ljust(256, b"\0")))

    def put(self, row: int, value: Any) -> bool:
        """Row ``row`` (appended at ``len``) has ``value``; False if it is one value too many."""
        number = self.number.get(value)
        if number is None:
            if len(self.values) >= MAX_VALUES:
                return False
            number = self.number[value] = len(self.values)
            self.values.append(value)
        if row == len(self.codes):
            self.codes.append(number)
        else:
            self.codes[row] = number
        return True


class CodedTerm:
    """A term on a column of few values (``ValueCodes``), as ``SearchIndex.compile`` makes it:
    over every row read off the codes, over fewer rows by ``by_row``; and its rows over every
    row as a mask, with which the window's search box narrows and counts without a list
    (``SearchIndex.plain_mask``: 'tag:supporter' in a table sorted by name, 4.5 → 2.6 ms)."""

    __slots__ = ("by_row", "coded", "everyone", "negated", "wanted")

    def __init__(
        self,
        coded: ValueCodes,
        wanted: str,
        negated: bool,
        everyone: list[int],
        by_row: Callable[[Sequence[int]], list[int]],
    ):
        self.coded, self.wanted, self.negated, self.everyone, self.by_row = (
            coded,
            wanted,
            negated,
            everyone,
            by_row,
        )

    def __call__(self, rows: Sequence[int]) -> list[int]:
        if self.coded.covers(rows):
            return self.coded.select(self.wanted, self.negated, self.everyone)
        return self.by_row(rows)

    def mask(self) -> bytes:
        return self.coded.mask(self.wanted, self.negated)
