"""The recipient directory: every CSV and YAML file under ``recipients/``, combined.

Several files are allowed (MEPs from the Parliament's list, officials typed by hand), so
ids must be unique across all of them; a clash names both places. Every problem in every
file is collected before anything is reported, so one run shows the user the whole list.
"""

from __future__ import annotations

import csv
import errno
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, read_yaml_text
from campaign_app.core.directory import kept_columns
from campaign_app.core.directory.columns import (
    broken,
    check_columns,
    open_csv,
    read_rows,
    sniff_delimiter,
)
from campaign_app.core.directory.kept_columns import KeptColumns
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.core.directory.table import RecipientTable
from campaign_app.core.directory.validation import parse_recipient

DIRECTORY_SUFFIXES = (".csv", ".yaml", ".yml")
__all__ = ["Directory", "directory_files", "load_directory", "read_csv_records", "sniff_delimiter"]


class Directory:
    """All recipients of a workspace, in file order, addressable by id.

    Kept as a :class:`RecipientTable`: a query reads the columns it names, and only the
    recipients it selects are made into Recipient objects (``recipients`` makes them all).
    """

    def __init__(self, table: RecipientTable, files: list[Path], row_of: dict[str, int]):
        self.table = table
        self.files = files
        self._row_of = row_of  # id → row in the table

    @cached_property
    def recipients(self) -> list[Recipient]:
        return list(self.table)

    def __len__(self) -> int:
        return len(self.table)

    def __iter__(self) -> Iterator[Recipient]:
        return iter(self.table)

    def get(self, recipient_id: str) -> Recipient | None:
        row = self._row_of.get(recipient_id)
        return None if row is None else self.table[row]

    def holds(self, recipient_id: str) -> bool:
        return recipient_id in self._row_of

    def row_numbers(self) -> dict[str, int]:
        """Each id → its row in the table (a copy, the caller's to change)."""
        return dict(self._row_of)

    def display_names(self, ids: Iterable[str]) -> dict[str, str]:
        """Each of ``ids`` the directory holds → its display name, read from the name
        columns: a status table of 20,000 recipients makes no Recipient for them."""
        found = [(rid, row) for rid in ids if (row := self._row_of.get(rid)) is not None]
        names = self.table.display_names(row for _, row in found)
        return {rid: name for (rid, _), name in zip(found, names, strict=True)}

    @cached_property
    def search_index(self) -> SearchIndex:
        """For queries (``Query.filter``): each field is folded once, when a query first names it."""
        table = self.table
        return SearchIndex(table, prepare=(), columns=table.column, odd_rows=table.recipient_rows)


def read_csv_records(path: Path) -> Iterator[tuple[dict[str, str], int, dict[str, int]]]:
    """Yield (record, first line of the row, column number of each field) from a directory CSV."""
    reader, shown, header, columns = open_csv(path)
    line = reader.line_num + 1
    try:
        for row in reader:
            start = line
            line = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                extra = row[len(header) :]
                if any(c.strip() for c in extra):
                    raise UserError(
                        _("row has {count} cells but the header has {count2}").format(
                            count=len(row), count2=len(header)
                        ),
                        Location(shown, start, len(header) + 1),
                        _("quote cells that contain the delimiter"),
                    )
            record = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
            yield record, start, columns
    except csv.Error as exc:
        raise broken(exc, shown, line) from None


def _csv_recipients(path: Path, problems: ProblemCollector) -> Iterator[tuple[Recipient, Location]]:
    shown = display_path(path)
    for record, line, columns in read_csv_records(path):

        def locate(name: str, line: int = line, columns: dict[str, int] = columns) -> Location:
            return Location(shown, line, columns.get(name))

        recipient, errors = parse_recipient(record, locate)
        problems.extend(errors)
        if recipient is not None:
            yield recipient, Location(shown, line)


def _yaml_recipients(path: Path, problems: ProblemCollector) -> Iterator[tuple[Recipient, Location]]:
    shown = display_path(path)
    data = read_yaml_text(read_text(path), path)
    if data is None:
        return
    place = YamlPlace(path, data)
    if isinstance(data, Mapping) and "recipients" in data:
        place = place.child("recipients")
        data = data["recipients"]
    if not isinstance(data, list):
        raise UserError(
            _("expected a list of recipients"),
            Location(shown, 1),
            _("write each recipient as an item starting with '- id: …'"),
        )
    for index, item in enumerate(data):
        where = place.at(index)
        if not isinstance(item, Mapping):
            problems.add(
                _("recipient entry is not a mapping"), where, _("write 'key: value' lines under '- '")
            )
            continue
        item_place = YamlPlace(path, item, where.line)

        def locate(name: str, item_place: YamlPlace = item_place) -> Location:
            return item_place.at(name) if name in item_place.node else item_place.here()

        recipient, errors = parse_recipient(item, locate)
        problems.extend(errors)
        if recipient is not None:
            yield recipient, where


def directory_files(folder: Path) -> list[Path]:
    """The directory's files in ``folder`` (none if it is missing), in name order: the
    order entries are listed and ids are first claimed in."""
    if not folder.is_dir():
        return []
    # Not only regular files: a link to a file that is gone, or a folder named people.csv,
    # is a problem to report (_load), not a file to pass over without a word (its
    # recipients would be left out of every audience).
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in DIRECTORY_SUFFIXES and not p.name.startswith(_NOT_DIRECTORY_FILES)
    )


# Lists a campaigner may drop into recipients/ that the directory does not read as they are.
_SPREADSHEETS = (".xlsx", ".xls", ".ods", ".numbers", ".tsv", ".txt", ".xml")


def unread_lists(folder: Path) -> list[Path]:
    """Spreadsheets and exports in ``folder`` that the directory leaves unread: their
    recipients are in no audience until they are imported (``check`` says so)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in _SPREADSHEETS and not p.name.startswith((*_NOT_DIRECTORY_FILES, "."))
    )


# Files other programs leave beside a spreadsheet, with its name and suffix: Excel's and
# Word's "owner file" while meps.csv is open (~$meps.csv, a few binary bytes), and macOS's
# AppleDouble metadata on a shared or USB drive (._meps.csv). Never a directory file.
_NOT_DIRECTORY_FILES = ("~$", "._")


def load_directory(paths: Iterable[Path]) -> Directory:
    """Read and validate every directory file; raise all problems together.

    The cyclic garbage collector is paused meanwhile (core/common/bulk.py): it swept the
    hundreds of thousands of cells and rows being read again and again, a third of the load."""
    with collector_paused():
        return _load(paths)


def _load(paths: Iterable[Path]) -> Directory:
    problems = ProblemCollector()
    table = RecipientTable()
    taken = _Ids(table, problems)
    files = list(paths)
    for path in files:
        if not path.is_file():
            problems.add(
                _("cannot read file: {strerror}").format(strerror=_why_unreadable(path)),
                Location(f"{display_path(path.parent)}/{path.name}"),  # the link, not where it points
                _("restore the file, or move it out of the recipients folder"),
            )
            continue
        try:
            checked = _checked_csv(path, problems) if path.suffix.lower() == ".csv" else None
            if checked is not None:
                shown = display_path(path)
                keep = taken.claim_rows(checked.values["id"], checked.lines, shown)
                values = (
                    checked.values
                    if keep is None
                    else {n: [c[i] for i in keep] for n, c in checked.values.items()}
                )
                lines = checked.lines if keep is None else [checked.lines[i] for i in keep]
                table.add_rows(values, lines, shown, checked.id_column)
                continue
            reader = _csv_recipients if path.suffix.lower() == ".csv" else _yaml_recipients
            for recipient, where in reader(path, problems):
                if taken.claim(recipient.id, where):
                    table.add(recipient)
        except UserError as exc:
            problems.extend([exc])
    problems.raise_if_any()
    return Directory(table, files, taken.rows)


def _checked_csv(path: Path, problems: ProblemCollector) -> KeptColumns | None:
    """A CSV file's checked columns: kept by an earlier run for these very bytes
    (core/directory/kept_columns.py), or read and checked now (and kept when no problem was
    found). None: a row is broken, read row by row to report it."""
    key = kept_columns.file_key(path)
    kept = kept_columns.lookup(key) if key is not None else None
    if kept is not None:
        return kept
    csv_rows = read_rows(path)
    if csv_rows is None:
        return None
    before = len(problems.errors)
    checked = check_columns(csv_rows, problems)
    columns = KeptColumns(checked.values, checked.lines, csv_rows.columns.get("id"))
    if key is not None and len(problems.errors) == before:
        kept_columns.keep(key, columns)
    return columns


def _why_unreadable(path: Path) -> str:
    """The system's words for why ``path`` (not a regular file) cannot be read as one."""
    try:
        path.open("rb").close()
    except OSError as exc:
        return exc.strerror or str(exc)
    return os.strerror(errno.EINVAL)


class _Ids:
    """The ids taken so far, by their row in the table: a clash names both places."""

    def __init__(self, table: RecipientTable, problems: ProblemCollector):
        self.rows: dict[str, int] = {}
        self._wheres: dict[int, Location] = {}  # entries not from a CSV row
        self._table = table
        self._problems = problems

    def claim(self, rid: str, where: Location) -> bool:
        """Whether ``rid`` was free (the next row added to the table now has it)."""
        if rid in self.rows:
            self._clash(rid, where)
            return False
        self.rows[rid] = row = len(self._table)
        self._wheres[row] = where
        return True

    def claim_rows(self, ids: Sequence[str], lines: Sequence[int], shown: str) -> list[int] | None:
        """Claim a CSV file's ids (its rows are added next): the rows to keep, or None for all."""
        start = len(self._table)
        rows = dict(zip(ids, range(start, start + len(ids)), strict=True))
        if len(rows) == len(ids) and self.rows.keys().isdisjoint(rows):
            if self.rows:
                self.rows.update(rows)
            else:
                self.rows = rows
            return None
        keep: list[int] = []
        for i, rid in enumerate(ids):
            row = self.rows.get(rid)
            if row is None:
                self.rows[rid] = start + len(keep)
                keep.append(i)
            else:  # taken in an earlier file, or earlier in this one (not in the table yet)
                first = Location(shown, lines[keep[row - start]]) if row >= start else None
                self._clash(rid, Location(shown, lines[i]), first)
        return keep

    def _clash(self, rid: str, where: Location, first: Location | None = None) -> None:
        row = self.rows[rid]
        first = first or self._wheres.get(row) or self._table.row_location(row)
        self._problems.add(
            _("id '{id}' is already used at {first_seen}").format(id=rid, first_seen=first),
            where,
            _("give each recipient its own id"),
        )
