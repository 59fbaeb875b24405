"""The directory files an import changes, each edited whole before anything is written.

A CSV file (:class:`CsvEdit`) is changed by whole rows: the entries merged into are
rewritten in the file's own dialect and every other row keeps its bytes; new entries are
appended. A YAML file (:class:`YamlEdit`) is changed through
:mod:`campaign_app.core.directory.edit` (comments and other entries untouched), its
changed entries and its new ones each at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse, groupby, repeat
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import decode_utf8
from campaign_app.core.directory.edit import add_recipients, update_recipients
from campaign_app.core.directory.importing.merge import Entry
from campaign_app.core.directory.importing.new_entries import NewEntry, NewValues
from campaign_app.core.directory.load import sniff_delimiter
from campaign_app.core.directory.recipients import ALL_FIELDS

WRITTEN_AT_ONCE = 2000  # new rows turned into text at a time: 100,000 are never one text

# ---- writing CSV files -----------------------------------------------------------------

Appended = Entry | tuple[None, Mapping[str, Any]]  # an appended entry, or a record without id


def _pair(item: Appended) -> tuple[str | None, Mapping[str, Any]]:
    """(id, values) of an appended entry, or of a record without id."""
    return (item.id, item.values) if isinstance(item, Entry) else item


def _pairs(
    items: Sequence[Appended], ids: bool = True
) -> tuple[Sequence[str | None], Sequence[Mapping[str, Any]]]:
    """The ids (unless not ``ids``: none) and the values of some appended rows; read off
    the entries' slots at once when all are entries (an import's new rows), else each by
    :func:`_pair`."""
    if set(map(type, items)) <= _ENTRIES:  # as _pair tells an entry (none: all are)
        return (list(map(_ID, items)) if ids else []), list(map(_VALUES, items))
    found, values = zip(*map(_pair, items), strict=True)
    return found, values


_ID, _VALUES, _AT = attrgetter("id"), attrgetter("values"), attrgetter("at")
_ENTRIES = {Entry, NewEntry}


def _runs(items: Sequence[Appended]) -> list[tuple[int, int, NewValues | None]]:
    """``items`` in runs (start, end, block): the new entries of one chunk whose values are
    still its columns (:class:`.new_entries.NewEntry`: ``block``), and the others (None)."""
    if NewEntry not in set(map(type, items)):
        return [(0, len(items), None)]
    runs, start = [], 0
    for block, run in groupby(map(getattr, items, repeat("block"), repeat(None))):
        end = start + len(list(run))
        runs.append((start, end, block))
        start = end
    return runs


def _csv_cell(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, Mapping):
        raise ValueError("a CSV file keeps one text per field")
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)


@dataclass
class _CsvRow:
    id: str
    cells: list[str]
    start: int  # index of its first physical line
    end: int  # index after its last one


class CsvEdit:
    """A directory CSV, changed by whole rows: the other rows keep their bytes, the header
    gains a column only when a field it lacks is written (shorter rows read as empty)."""

    def __init__(self, path: Path, existing: bool):
        self.path = path
        self.appended: list[Appended] = []  # entries, records without id
        self.replaced: dict[int, list[str]] = {}
        self.rows: dict[str, _CsvRow] = {}
        if existing:
            data = path.read_bytes()
            self.bom = data.startswith(codecs.BOM_UTF8)
            text = decode_utf8(data, path)
            self.lines = io.StringIO(text, newline="").readlines()
        else:
            self.bom = False
            self.lines = []
        self.delimiter = sniff_delimiter(self.lines[0]) if self.lines else ","
        self.header: list[str] = []
        self.raw_header: list[str] = []
        self.header_end = 0
        self.header_grew = False
        self.by_start: dict[int, _CsvRow] = {}
        self.terminator = "\r\n"
        if self.lines:
            self._parse()

    def _parse(self) -> None:
        reader = csv.reader(iter(self.lines), delimiter=self.delimiter)
        try:
            self.raw_header = next(reader, [])
            self.header = [h.strip() for h in self.raw_header]
            header_end = reader.line_num
            first = self.lines[header_end - 1] if header_end else ""
            self.terminator = next((e for e in ("\r\n", "\n", "\r") if first.endswith(e)), "\r\n")
            self.header_end = header_end
            id_column = self.header.index("id") if "id" in self.header else None
            start = reader.line_num
            for cells in reader:
                if any(c.strip() for c in cells) and id_column is not None and id_column < len(cells):
                    row = _CsvRow(cells[id_column].strip(), cells, start, reader.line_num)
                    self.rows.setdefault(row.id, row)
                    self.by_start[start] = row
                start = reader.line_num
        except csv.Error as exc:
            raise UserError(
                _("broken CSV: {exc}").format(exc=exc), Location(display_path(self.path), reader.line_num)
            ) from None

    def _column(self, name: str) -> int:
        if name not in self.header:
            self.header.append(name)
            self.raw_header.append(name)
            self.header_grew = bool(self.lines)
        return self.header.index(name)

    def update(self, rid: str, changes: Mapping[str, Any]) -> None:
        row = self.rows[rid]
        cells = list(self.replaced.get(row.start, row.cells))
        for name, value in changes.items():
            column = self._column(name)
            cells += [""] * (column + 1 - len(cells))
            cells[column] = _csv_cell(value)
        self.replaced[row.start] = cells

    def append(self, records: Iterable[Mapping[str, Any]]) -> None:
        self._append([(None, record) for record in records])

    def append_entries(self, entries: Sequence[Entry]) -> None:
        """New entries, each written with its id: the entries themselves are kept, not a
        pair (id, values) for each (a large import adds 100,000 of them, at its peak of memory)."""
        self._append(entries)

    def _append(self, records: Sequence[Appended]) -> None:
        used: set[str] = set()
        for start, end, block in _runs(records):
            if block is not None:  # new entries still columns: the fields their columns fill
                used |= block.used(list(map(_AT, records[start:end])))
                continue
            # the rows with a field not used yet (the set grows as they are found), passed over
            # in C: one look for the many rows of fields already used
            for values in filterfalse(used.issuperset, _pairs(records[start:end], ids=False)[1]):
                used.update(name for name, value in values.items() if value)
        first = records[0] if records else None
        if not self.header or (first is not None and (first.id if isinstance(first, Entry) else first[0])):
            used |= {"id"}
        if not self.header:
            used |= {"category", "given_name", "family_name"}
        for name in ALL_FIELDS:
            if name in used:
                self._column(name)
        self.appended.extend(records)

    def _appended_columns(self, block: Sequence[Appended]) -> list[list[Any]]:
        """The cells of some appended rows, column by column (a row's id, when it has one,
        in the id column); a value that is not text (tags, a date) is made one by
        :meth:`_rows_text`, which finds it by joining the column, as it must anyway. New
        entries whose values are still their chunk's columns are written from those."""
        runs = _runs(block)
        if len(runs) == 1 and runs[0][2] is None:
            return self._record_columns(block)
        columns: list[list[Any]] = [[] for _name in self.header]
        for start, end, values in runs:
            part = block[start:end]
            if values is None:
                made = self._record_columns(part)
            else:
                rows = list(map(_AT, part))
                made = [
                    list(map(_ID, part)) if name == "id" else values.cells(name, rows) for name in self.header
                ]
            for column, cells in zip(columns, made, strict=True):
                column += cells
        return columns

    def _record_columns(self, block: Sequence[Appended]) -> list[list[Any]]:
        """:meth:`_appended_columns` of rows whose values are records (dicts)."""
        ids, records = _pairs(block)
        id_column = self.header.index("id") if "id" in self.header else None
        get: Callable[[Any, str, str], Any] = dict.get
        columns: list[list[Any]]
        try:  # dict.get mapped over a column: no Python step a cell (1.7x a list comprehension's)
            columns = [list(map(get, records, repeat(name), repeat(""))) for name in self.header]
        except TypeError:  # a record that is a mapping but no dict
            columns = [[record.get(name, "") for record in records] for name in self.header]
        if id_column is not None and None not in ids:  # entries, each with its id
            columns[id_column] = list(ids)
        elif id_column is not None:
            column = columns[id_column]
            columns[id_column] = [cell if rid is None else rid for rid, cell in zip(ids, column, strict=True)]
        return columns

    def render(self) -> bytes:
        buf = io.BytesIO()
        self.write(buf)
        return buf.getvalue()

    def write(self, stream: IO[bytes]) -> None:
        """The file as it will be, written to ``stream``; the new rows go a few thousand at a
        time, so 100,000 of them are never one text in memory."""
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, delimiter=self.delimiter, lineterminator=self.terminator)
        if not self.lines:
            writer.writerow(self.raw_header)
        else:
            if self.header_grew:
                writer.writerow(self.raw_header)
            else:
                head = "".join(self.lines[: self.header_end])
                buf.write(head if head.endswith(("\n", "\r")) else head + self.terminator)
            index = self.header_end
            for start in sorted(self.replaced):
                buf.write("".join(self.lines[index:start]))
                writer.writerow(self.replaced[start])
                index = self.by_start[start].end
            rest = "".join(self.lines[index:])
            if rest and not rest.endswith(("\n", "\r")):
                rest += self.terminator
            buf.write(rest)
        stream.write((codecs.BOM_UTF8 if self.bom else b"") + buf.getvalue().encode("utf-8"))
        for start in range(0, len(self.appended), WRITTEN_AT_ONCE):
            columns = self._appended_columns(self.appended[start : start + WRITTEN_AT_ONCE])
            stream.write(self._rows_text(columns).encode("utf-8"))

    def _rows_text(self, columns: list[list[Any]]) -> str:
        """Rows given as columns, as csv.writer writes them in the file's dialect (a value
        that is not text as _csv_cell writes it): a column none of whose cells needs quotes
        is joined as it is (most columns of a directory), else only the cells that need
        them are quoted, each distinct cell looked at once."""
        needs = _needs_quotes(self.delimiter, self.terminator).search if len(columns) >= 2 else None
        # the column joined looked at for each such character, by a substring search each
        # (a pattern of them all tried at every character took ten times as long)
        characters = _quoted_characters(self.delimiter, self.terminator)
        for k, column in enumerate(columns):
            try:
                joined = "".join(column)
            except TypeError:  # a tag list, a date: found by the join that had to be made anyway
                column = columns[k] = [cell if type(cell) is str else _csv_cell(cell) for cell in column]
                joined = "".join(column)
            if needs is not None and any(map(joined.__contains__, characters)):
                # each distinct cell looked at once (notes: mostly "")
                quoted = {cell: _quote(cell) if needs(cell) else cell for cell in set(column)}
                columns[k] = list(map(quoted.__getitem__, column))
        if len(columns) < 2:  # csv.writer writes a lone empty cell as ""
            buf = io.StringIO(newline="")
            csv.writer(buf, delimiter=self.delimiter, lineterminator=self.terminator).writerows(
                zip(*columns, strict=True)
            )
            return buf.getvalue()
        end = self.terminator
        return end.join(map(self.delimiter.join, zip(*columns, strict=True))) + end


@lru_cache(maxsize=16)
def _quoted_characters(delimiter: str, terminator: str) -> tuple[str, ...]:
    """The characters that make csv.writer quote a cell in this dialect, asked of csv.writer
    itself (Python versions differ on line breaks that are not the line terminator)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=terminator)
    found = []
    for c in dict.fromkeys((delimiter, '"', "\r", "\n", " ", "\t", ",", ";")):
        buf.seek(0)
        buf.truncate()
        writer.writerow([f"a{c}b", "x"])
        if buf.getvalue().startswith('"'):
            found.append(c)
    return tuple(found)


@lru_cache(maxsize=16)
def _needs_quotes(delimiter: str, terminator: str) -> re.Pattern[str]:
    """A search for any character that makes csv.writer quote a cell: one call a cell."""
    return re.compile("[" + re.escape("".join(_quoted_characters(delimiter, terminator))) + "]")


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


# ---- writing YAML files ----------------------------------------------------------------


class YamlEdit:
    """A directory YAML file, changed entry by entry through directory_edit on a copy in a
    temporary folder (so nothing reaches the real file before the whole import is ready)."""

    def __init__(self, path: Path, existing: bool):
        self.path = path
        self.existing = existing
        self.updates: list[tuple[str, dict[str, Any]]] = []
        self.additions: list[dict[str, Any]] = []

    def update(self, rid: str, changes: Mapping[str, Any]) -> None:
        self.updates.append((rid, dict(changes)))

    def append(self, records: Iterable[Mapping[str, Any]]) -> None:
        self.additions.extend(dict(r) for r in records)

    def render(self) -> bytes:
        with tempfile.TemporaryDirectory(prefix=".import-") as folder:
            copy = Path(folder) / self.path.name
            if self.existing:
                shutil.copyfile(self.path, copy)
            changes = [(rid, {k: _yaml_value(v) for k, v in change.items()}) for rid, change in self.updates]
            update_recipients(copy, changes)
            add_recipients(copy, [{k: _yaml_value(v) for k, v in r.items() if v} for r in self.additions])
            return copy.read_bytes() if copy.exists() else b""


def _yaml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value
