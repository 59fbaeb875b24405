"""The recipient directory: every CSV and YAML file under ``recipients/``, combined.

Several files are allowed (MEPs from the Parliament's list, officials typed by hand), so
ids must be unique across all of them; a clash names both places. Every problem in every
file is collected before anything is reported, so one run shows the user the whole list.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from campaign_app.core.common.errors import Location, ProblemCollector, UserError, display_path
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, read_yaml_text
from campaign_app.core.directory.recipients import ALL_FIELDS, NAME_FIELDS, Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.core.directory.validation import parse_recipient

DIRECTORY_SUFFIXES = (".csv", ".yaml", ".yml")


@dataclass
class Directory:
    """All recipients of a workspace, in file order, addressable by id."""

    recipients: list[Recipient]
    files: list[Path]

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.recipients}

    def __len__(self) -> int:
        return len(self.recipients)

    def __iter__(self) -> Iterator[Recipient]:
        return iter(self.recipients)

    def get(self, recipient_id: str) -> Recipient | None:
        return self._by_id.get(recipient_id)

    @cached_property
    def search_index(self) -> SearchIndex:
        """For queries (``Query.filter``): each field is folded once, when a query first names it."""
        return SearchIndex(self.recipients, prepare=())


def sniff_delimiter(header_line: str) -> str:
    """The delimiter of a header line: the most frequent of ',', ';' and tab."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def read_csv_records(path: Path) -> Iterator[tuple[dict[str, str], int, dict[str, int]]]:
    """Yield (record, first line of the row, column number of each field) from a directory CSV."""
    text = read_text(path)
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    # strict: a quote left open must not swallow the rest of the file into one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    shown = display_path(path)
    line = 1
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(
            "file is empty", Location(shown, 1), "add a header row with id, category, …"
        ) from None
    except csv.Error as exc:
        raise _broken(exc, shown, line) from None
    header = [h.strip() for h in header]
    columns = {name: i + 1 for i, name in enumerate(header)}
    problems = ProblemCollector()
    for i, name in enumerate(header):
        if name not in ALL_FIELDS:
            problems.add(
                f"unknown column '{name}'",
                Location(shown, 1, i + 1),
                "rename it to one of the directory's fields, or import the file with "
                "'campaign-app recipients import'",
            )
    for required in ("id", "category"):
        if required not in columns:
            problems.add(
                f"missing required column '{required}'", Location(shown, 1), "add it to the header row"
            )
    if not any(n in columns for n in NAME_FIELDS):
        problems.add(
            "no name column",
            Location(shown, 1),
            "add given_name and family_name (or position/organisation for offices)",
        )
    problems.raise_if_any()
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
                        f"row has {len(row)} cells but the header has {len(header)}",
                        Location(shown, start, len(header) + 1),
                        "quote cells that contain the delimiter",
                    )
            record = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
            yield record, start, columns
    except csv.Error as exc:
        raise _broken(exc, shown, line) from None


def _broken(exc: csv.Error, shown: str, line: int) -> UserError:
    """A row the CSV reader cannot read, at the line where that row starts."""
    return UserError(
        f"broken CSV: {exc}",
        Location(shown, line),
        'a quoted cell ("…") in this row is not closed, or text follows its closing quote: '
        "correct the quotes",
    )


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
            "expected a list of recipients",
            Location(shown, 1),
            "write each recipient as an item starting with '- id: …'",
        )
    for index, item in enumerate(data):
        where = place.at(index)
        if not isinstance(item, Mapping):
            problems.add("recipient entry is not a mapping", where, "write 'key: value' lines under '- '")
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
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in DIRECTORY_SUFFIXES and p.is_file())


def load_directory(paths: Iterable[Path]) -> Directory:
    """Read and validate every directory file; raise all problems together."""
    problems = ProblemCollector()
    recipients: list[Recipient] = []
    first_seen: dict[str, Location] = {}
    files = list(paths)
    for path in files:
        reader = _csv_recipients if path.suffix.lower() == ".csv" else _yaml_recipients
        try:
            for recipient, where in reader(path, problems):
                if recipient.id in first_seen:
                    problems.add(
                        f"id '{recipient.id}' is already used at {first_seen[recipient.id]}",
                        where,
                        "give each recipient its own id",
                    )
                    continue
                first_seen[recipient.id] = where
                recipients.append(recipient)
        except UserError as exc:
            problems.extend([exc])
    problems.raise_if_any()
    return Directory(recipients, files)
