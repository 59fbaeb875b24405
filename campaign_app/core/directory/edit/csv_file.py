"""Changing one entry of a directory CSV: its row is re-serialised in the file's dialect.

A CSV that came from a spreadsheet keeps its column order, delimiter, byte-order mark and
line endings; the other rows keep their bytes. A field the header lacks becomes a new last
column (rows that are shorter than the header read as empty cells, so only the header
changes).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.edit.shared import (
    IdLookup,
    Value,
    check_entry,
    id_clash,
    not_found,
    read_file,
    tags_list,
    write_file,
)
from campaign_app.core.directory.load import sniff_delimiter
from campaign_app.core.directory.recipients import ALL_FIELDS, FIELDS, Recipient


@dataclass
class _CsvRow:
    id: str
    cells: list[str]  # as read (possibly shorter than the header)
    start: int  # index of its first physical line
    end: int  # index after its last physical line


class CsvFile:
    """A directory CSV as physical lines plus where each row lies among them."""

    def __init__(self, path: Path, bom: bool, lines: list[str]):
        self.path = path
        self.shown = display_path(path)
        self.bom = bom
        self.lines = lines
        self.delimiter = sniff_delimiter(lines[0]) if lines else ","
        self.raw_header: list[str] = []
        self.header: list[str] = []
        self.header_end = 0
        self.rows: list[_CsvRow] = []
        self._parse()

    @classmethod
    def read(cls, path: Path) -> CsvFile:
        bom, text = read_file(path)
        # The same line splitting as the csv reader over StringIO(newline=""): \n, \r\n or \r.
        return cls(path, bom, io.StringIO(text, newline="").readlines())

    def _parse(self) -> None:
        reader = csv.reader(iter(self.lines), delimiter=self.delimiter)
        try:
            self.raw_header = next(reader, [])
            self.header = [h.strip() for h in self.raw_header]
            self.header_end = reader.line_num
            id_column = self.header.index("id") if "id" in self.header else None
            start = reader.line_num
            for row in reader:
                if any(cell.strip() for cell in row) and id_column is not None:
                    rid = row[id_column].strip() if id_column < len(row) else ""
                    self.rows.append(_CsvRow(rid, row, start, reader.line_num))
                start = reader.line_num
        except csv.Error as exc:
            raise UserError(
                _("broken CSV: {exc}").format(exc=exc), Location(self.shown, reader.line_num)
            ) from None

    def _terminator(self, index: int) -> str:
        line = self.lines[index] if 0 <= index < len(self.lines) else ""
        for ending in ("\r\n", "\n", "\r"):
            if line.endswith(ending):
                return ending
        return ""

    def _format(self, cells: list[str], terminator: str) -> str:
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=self.delimiter, lineterminator=terminator).writerow(cells)
        return buf.getvalue()

    def _ensure_header(self, record: Mapping[str, Value], new_file_terminator: str = "\r\n") -> None:
        """Give the header every field the record fills in (a new file gets them all)."""
        if not self.lines:
            self.raw_header = list(FIELDS)
            self.header = list(FIELDS)
            self.lines = [self._format(self.raw_header, new_file_terminator)]
            self.header_end = 1
        missing = [
            name for name in ALL_FIELDS if name not in self.header and _cell(name, record.get(name, ""))
        ]
        if missing:
            self.raw_header = [*self.raw_header, *missing]
            self.header = [*self.header, *missing]
            terminator = self._terminator(self.header_end - 1)
            self.lines[: self.header_end] = [self._format(self.raw_header, terminator)]
            shift = 1 - self.header_end
            self.header_end = 1
            for row in self.rows:
                row.start += shift
                row.end += shift

    def _locate(self, line: int) -> Callable[[str], Location]:
        columns = {name: i + 1 for i, name in enumerate(self.header)}
        return lambda name: Location(self.shown, line, columns.get(name))

    def _record(self, cells: list[str]) -> dict[str, str]:
        return {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(self.header)}

    def _check_unique(self, rid: str, skip: _CsvRow | None, taken: IdLookup, where: Location) -> None:
        for row in self.rows:
            if row is not skip and row.id == rid:
                raise id_clash(rid, Location(self.shown, row.start + 1), where)
        used_at = taken(rid)
        if used_at is not None:
            raise id_clash(rid, used_at, where)

    def _find(self, recipient_id: str) -> _CsvRow:
        for row in self.rows:
            if row.id == recipient_id:
                return row
        raise not_found(self.path, recipient_id)

    def add(self, record: Mapping[str, Value], taken: IdLookup) -> Recipient:
        self._ensure_header(record)
        cells = [_cell(name, record.get(name, "")) for name in self.header]
        terminator = self._terminator(self.header_end - 1) or "\r\n"
        if self.lines and not self._terminator(len(self.lines) - 1):
            self.lines[-1] += terminator
        line = len(self.lines) + 1
        locate = self._locate(line)
        recipient = check_entry(self._record(cells), locate)
        self._check_unique(recipient.id, None, taken, locate("id"))
        self.lines.append(self._format(cells, terminator))
        write_file(self.path, self.bom, "".join(self.lines))
        return recipient

    def update(self, recipient_id: str, changes: Mapping[str, Value], taken: IdLookup) -> Recipient:
        row = self._find(recipient_id)
        self._ensure_header(changes)
        cells = list(row.cells)
        cells += [""] * (len(self.header) - len(cells))
        for name, value in changes.items():
            if name not in ALL_FIELDS:
                raise ValueError(f"not a recipient field: {name}")
            cells[self.header.index(name)] = _cell(name, value)
        locate = self._locate(row.start + 1)
        recipient = check_entry(self._record(cells), locate)
        self._check_unique(recipient.id, row, taken, locate("id"))
        self.lines[row.start : row.end] = [self._format(cells, self._terminator(row.end - 1))]
        write_file(self.path, self.bom, "".join(self.lines))
        return recipient

    def delete(self, recipient_id: str) -> None:
        row = self._find(recipient_id)
        del self.lines[row.start : row.end]
        write_file(self.path, self.bom, "".join(self.lines))


def _cell(name: str, value: Value) -> str:
    """A value as one CSV cell (a CSV has one text per field: no per-language maps)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        raise ValueError(f"a CSV file keeps one text per field, not a map by language ({name})")
    return ";".join(tags_list(value))
