"""Merging imported entries into the directory, and writing the files that change.

The same person from two sources is one entry: an incoming record is matched to an entry
the directory has (or one added earlier in the same import) by, in this order,

1. the same id, when the name or the e-mail agrees too (a re-import of the same list);
2. the same e-mail address (case ignored);
3. the same name without accents or case (:func:`~campaign_app.core.directory.query.fold`) and the
   same organisation.

A matched entry keeps its id and its file. A field it lacks is filled in and new tags are
added (both listed in the report); a field it has with a different value is left alone
and listed as "would change", unless ``update`` is set. The entry's lines are rewritten
and nothing else: a CSV row in the file's own dialect, a YAML entry through
:mod:`campaign_app.core.directory.edit` (comments and other entries untouched).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import decode_utf8
from campaign_app.core.directory.edit import add_recipient, update_recipient
from campaign_app.core.directory.load import sniff_delimiter
from campaign_app.core.directory.query import fold
from campaign_app.core.directory.recipients import ALL_FIELDS, FIELDS, Recipient

# ---- comparable values ------------------------------------------------------------------


def plain_value(value: Any) -> Any:
    """A Recipient attribute as comparable plain data: str, {lang: str} or tuple of tags."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if v}
    if isinstance(value, tuple | list):
        return tuple(value)
    return value


def tags_of(value: Any) -> tuple[str, ...]:
    """Tags as a tuple, from a tuple or a ';'-separated cell."""
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(";") if t.strip())
    return tuple(value or ())


def texts_of(value: Any) -> list[str]:
    """Every text of a value (a per-language map's, a list's), for matching and comparing."""
    if isinstance(value, Mapping):
        return [v for v in value.values() if v]
    if isinstance(value, tuple | list):
        return list(value)
    return [value] if value else []


def shown_value(value: Any) -> str:
    """A value as the report shows it: ``en: …, uk: …`` for a map, tags joined by ``;``."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)


def same_value(name: str, old: Any, new: Any) -> bool:
    """Whether the source gives what the entry has: e-mail case ignored, and a per-language
    map the same if one's texts hold the other's (the source may have one language only)."""
    if name == "email":
        return str(old).casefold() == str(new).casefold()
    if isinstance(old, Mapping) or isinstance(new, Mapping):
        olds, news = set(texts_of(old)), set(texts_of(new))
        return bool(news) and (news <= olds or olds <= news)
    return old == new


class _FoldTable(dict):
    """``str.translate`` table that folds one character as :func:`query.fold` does, worked
    out the first time the character is met (fold works character by character: case
    folding and dropping accents need no context), so a key costs one C-level pass."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _key(text: str) -> str:
    """Text folded for matching people, as the query language folds it (Šimečka → simecka)."""
    folded = text.casefold() if text.isascii() else text.translate(_FOLD_TABLE)
    return " ".join(folded.split())


def _text_for_key(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, Mapping):
        return str(value.get("en") or next(iter(value.values()), ""))
    return str(value or "")


def name_key(values: Mapping[str, Any]) -> str:
    """The name a person is matched by (given and family name, folded)."""
    given = _text_for_key(values.get("given_name", ""))
    family = _text_for_key(values.get("family_name", ""))
    return _key(f"{given} {family}") if given or family else ""


def org_key(values: Mapping[str, Any]) -> str:
    """The organisation a name is matched within (folded)."""
    return _org_key(_text_for_key(values.get("organisation", "")))


@lru_cache(maxsize=4096)
def _org_key(text: str) -> str:  # a directory names a handful of organisations, many times
    return _key(text)


# ---- the directory as the import sees it -----------------------------------------------


_NO_CHANGES: Mapping[str, Any] = MappingProxyType({})


@dataclass(slots=True)
class Entry:
    """An entry of the directory, or one this import adds."""

    id: str
    values: dict[str, Any]  # field -> plain value (only filled fields)
    path: Path | None  # its file; None for a new entry
    row: int | None = None  # the source row of a new entry
    language: str = "en"
    # field -> new value to write; one dict made at the first change (most entries never
    # change: an empty dict each would be 6 MB of a 100,000-row import)
    changes: Mapping[str, Any] = field(default_factory=lambda: _NO_CHANGES)

    def change(self, name: str, value: Any) -> None:
        if self.changes is _NO_CHANGES:
            self.changes = {}
        self.changes[name] = value  # type: ignore[index]  # a dict once changed

    def get(self, name: str) -> Any:
        return self.changes.get(name, self.values.get(name, ""))

    def current(self) -> dict[str, Any]:
        return {**self.values, **self.changes} if self.changes else self.values


class DirectoryIndex:
    """Entries by id, by e-mail and by (name, organisation)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Entry] = {}
        self.by_email: dict[str, Entry] = {}
        self.by_name: dict[tuple[str, str], Entry] = {}

    @classmethod
    def of(cls, recipients: Iterable[Recipient], files: Sequence[Path]) -> DirectoryIndex:
        """The directory as the import matches against it, each entry with its file."""
        index = cls()
        paths = {display_path(p): p for p in files}
        for r in recipients:
            path = paths.get(r.origin.path) if r.origin is not None else None
            values = {}
            for name in FIELDS:
                value = getattr(r, name)
                if value:
                    values[name] = value if type(value) is str else plain_value(value)
            if r.addressee:
                values["addressee"] = plain_value(r.addressee)
            index.add(Entry(r.id, values, path, language=r.language))
        return index

    def add(self, entry: Entry, keys: tuple[str, str, str] | None = None) -> None:
        self.by_id.setdefault(entry.id, entry)
        self.index_keys(entry, keys)

    @staticmethod
    def keys(values: Mapping[str, Any]) -> tuple[str, str, str]:
        """(e-mail, name, organisation) as matched: case and accents ignored."""
        email = str(values.get("email") or "")
        folded = email.casefold()
        # The address itself when it is in lower case already: one string less an entry.
        return email if folded == email else folded, name_key(values), org_key(values)

    def index_keys(self, entry: Entry, keys: tuple[str, str, str] | None = None) -> None:
        """Index ``entry`` under its keys (as they are now); a key already taken stays with
        the entry that had it first."""
        email, name, org = keys or self.keys(entry.current())
        if email:
            self.by_email.setdefault(email, entry)
        if name:
            self.by_name.setdefault((name, org), entry)

    def match(self, rid: str, keys: tuple[str, str, str]) -> tuple[Entry | None, str]:
        """The entry these keys describe, and why ("same id", "same e-mail", "same name…")."""
        email, name, org = keys
        by_id = self.by_id.get(rid) if rid else None
        if by_id is not None:
            known_email, known_name, _org = self.keys(by_id.current())  # as indexed: kept up to date
            if (email and known_email == email) or (name and known_name == name):
                return by_id, "same id"
        if email and email in self.by_email:
            return self.by_email[email], "same e-mail"
        if name:
            found = self.by_name.get((name, org))
            if found is not None:
                return found, "same name and organisation"
        return None, ""

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``… when another entry has it."""
        if wanted not in self.by_id:
            return wanted
        n = 2
        while f"{wanted}-{n}" in self.by_id:
            n += 1
        return f"{wanted}-{n}"


# ---- writing CSV files -----------------------------------------------------------------


def _pair(item: Entry | tuple[None, Mapping[str, Any]]) -> tuple[str | None, Mapping[str, Any]]:
    """(id, values) of an appended entry, or of a record without id."""
    return (item.id, item.values) if type(item) is Entry else item  # type: ignore[return-value]


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
        self.appended: list[Entry | tuple[None, Mapping[str, Any]]] = []  # entries, records without id
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

    def _append(self, records: Sequence[Entry | tuple[None, Mapping[str, Any]]]) -> None:
        used = {name for item in records for name, value in _pair(item)[1].items() if value}
        if not self.header or any(rid for rid, _record in map(_pair, records[:1])):
            used |= {"id"}
        if not self.header:
            used |= {"category", "given_name", "family_name"}
        for name in ALL_FIELDS:
            if name in used:
                self._column(name)
        self.appended.extend(records)

    def _appended_rows(self) -> Iterator[list[str]]:
        columns = self.header
        id_column = columns.index("id") if "id" in columns else None
        for rid, record in map(_pair, self.appended):
            cells = [record.get(name, "") for name in columns]
            if rid is not None and id_column is not None:
                cells[id_column] = rid
            for i, cell in enumerate(cells):
                if type(cell) is not str:
                    cells[i] = _csv_cell(cell)
            yield cells

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
        rows = self._appended_rows()
        while True:
            buf = io.StringIO(newline="")
            writer = csv.writer(buf, delimiter=self.delimiter, lineterminator=self.terminator)
            writer.writerows(itertools.islice(rows, 2000))
            chunk = buf.getvalue()
            if not chunk:
                break
            stream.write(chunk.encode("utf-8"))


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
            for rid, changes in self.updates:
                update_recipient(copy, rid, {k: _yaml_value(v) for k, v in changes.items()})
            for record in self.additions:
                add_recipient(copy, {k: _yaml_value(v) for k, v in record.items() if v})
            return copy.read_bytes() if copy.exists() else b""


def _yaml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value
