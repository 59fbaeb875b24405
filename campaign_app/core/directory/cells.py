"""A directory CSV's cells read into columns, stripped, a few hundred rows at a time.

Reading 100,000 rows first and turning them into columns afterwards walked every row and
every cell again once they had left the processor's cache (a cell of 100,000 is a cache
miss, whatever is asked of it): turning the rows into columns, stripping the cells,
collecting each column's distinct values and at last freeing them took longer than the
CSV reader itself. Here each chunk of rows is turned into columns while its cells are
still in the cache. A column of few distinct values (categories, countries, languages,
dates, offices: most of a directory) keeps one stripped string per distinct value, so
the checks, the queries and the listing that follow read a few strings instead of
100,000, and the cells as read are freed with their chunk.

The columns hold what ``str.strip`` makes of every cell, in the order of the rows: the
same values as stripping each row's cells (tests/core/directory/test_directory_columns.py).
The rows holding a control character, or a line break in a field of one line
(core/directory/characters.py), are marked as the chunks go by: a column of few values is
looked at once per new value, any other a chunk at a time while its cells are in the cache
(the whole column joined afterwards took 40 ms of a 100,000-row directory's load).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.directory.characters import refused_rows, texts_ok, value_ok

CHUNK = 512  # rows turned into columns at once: their cells fit in the processor's cache
SHARED = 512  # distinct values a column may have and still keep one string for each


@dataclass
class CsvRows:
    """A directory CSV's header and its rows' cells (stripped), column by column, with the
    line each row starts on. Rows are each as long as the header (shorter ones filled with
    empty cells); a blank row may be left out."""

    shown: str
    header: list[str]
    columns: dict[str, int]  # field → its 1-based column
    cells: Mapping[str, Sequence[str]]  # field → every row's cell, stripped
    lines: Sequence[int]  # each row's first line
    marked: frozenset[int] = frozenset()  # rows with a character a field may not hold

    def __len__(self) -> int:
        return len(self.lines)

    def row(self, i: int) -> dict[str, str]:
        """Row ``i`` as a record: field → its cell (stripped)."""
        return {name: column[i] for name, column in self.cells.items()}


def collect(reader: Any, shown: str, header: list[str], columns: dict[str, int]) -> CsvRows | None:
    """Every row of ``reader`` (positioned after the header) as stripped columns; None when a
    row is broken or longer than the header with something in its extra cells (the
    row-by-row reading reports those)."""
    width = len(header)
    chunks: list[list[tuple[str, ...]]] = [[] for _ in header]
    shared: list[dict[str, str] | None] = [{} for _ in header]
    refused: list[set[str]] = [set() for _ in header]  # values of few-valued columns with one
    marked: set[int] = set()
    lines: list[int] = []
    try:
        with collector_paused():
            for rows in _chunks(reader, lines):
                if any(len(row) != width for row in rows):  # short or long rows
                    if any(len(row) > width and any(c.strip() for c in row[width:]) for row in rows):
                        return None
                    rows = [row[:width] + [""] * (width - len(row)) for row in rows]
                first = len(lines) - len(rows)
                for k, column in enumerate(zip(*rows, strict=True)):
                    stripped = _stripped(column, shared, k, header[k], refused[k])
                    chunks[k].append(stripped)
                    if refused[k] or shared[k] is None:
                        marked.update(first + i for i in _marked(header[k], stripped, refused[k], shared[k]))
            cells = {n: tuple(chain.from_iterable(part)) for n, part in zip(header, chunks, strict=True)}
    except csv.Error:
        return None
    return CsvRows(shown, header, columns, cells, lines, frozenset(marked))


def _marked(name: str, column: tuple[str, ...], refused: set[str], few: dict[str, str] | None) -> list[int]:
    """The cells of a chunk's column ``name`` holding a character it may not: one of the
    ``refused`` values (a column of few values), or found in the chunk's texts joined."""
    if few is not None:
        return [i for i, value in enumerate(column) if value in refused]
    return refused_rows(name, column)


def _chunks(reader: Any, lines: list[int]) -> Iterator[list[list[str]]]:
    """The reader's rows, ``CHUNK`` at a time, each row's first line added to ``lines``; a
    blank line (which the reader gives as an empty row) is left out, as no entry."""
    add_line = lines.append
    line = reader.line_num + 1
    while True:
        rows: list[list[str]] = []
        add_row = rows.append
        before = line
        for row in islice(reader, CHUNK):
            if row:
                add_row(row)
                add_line(line)
            line = reader.line_num + 1
        if rows:
            yield rows
        if line == before:  # no line read: the end of the file
            return


def _stripped(
    column: tuple[str, ...], shared: list[dict[str, str] | None], k: int, name: str, refused: set[str]
) -> tuple[str, ...]:
    """A chunk's cells of column ``k``, stripped: one string per distinct value while the
    column has few (``shared[k]``; a new one the field ``name`` may not hold is added to
    ``refused``), each cell's own once it has many."""
    strings = shared[k]
    if strings is not None:
        new = set(column).difference(strings)
        if len(strings) + len(new) <= SHARED:
            for value in new:
                strings[value] = value.strip()
            if new and not texts_ok(name, "".join(new)):
                refused.update(strings[v] for v in new if not value_ok(name, strings[v]))
            return tuple(map(strings.__getitem__, column))
        shared[k] = None
    return tuple(map(str.strip, column))
