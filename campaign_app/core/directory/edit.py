"""Saving a recipient added, edited or deleted in the desktop app back to its file.

Directory files are kept by people: a CSV that came from a spreadsheet (its own column
order, delimiter, byte-order mark and line endings), a YAML file typed by hand with
comments and per-language texts. Saving one entry must not rewrite the others, or every
edit shows up as a change to the whole file in the user's backup or version control.

So each function changes only the lines of the one entry concerned, and checks the entry
as written with :func:`~campaign_app.core.directory.recipients.parse_recipient` (the command line's
validation and messages) before anything is replaced; the file is then written whole or
not at all (:func:`~campaign_app.core.common.atomic.atomic_write_bytes`).

- CSV: the entry's row is re-serialised with the csv module in the file's dialect; other
  rows keep their bytes. A field the header lacks becomes a new last column (rows that
  are shorter than the header read as empty cells, so only the header changes).
- YAML: the file is read as ruamel's round-trip tree, only the changed keys are set (a
  per-language map keeps its other languages), and the entry's lines are cut from a dump
  of that tree into the original text: comments, quoting and the other entries stay as
  they were.

Values are plain data: a text is a ``str`` (``""`` clears it), a per-language text a
``{language: text}`` dict (only the languages given change; ``""`` removes one), tags a
``;``-separated string or a list.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path
from campaign_app.core.common.localized import is_localized_map
from campaign_app.core.common.textfiles import decode_utf8
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text
from campaign_app.core.directory.load import sniff_delimiter
from campaign_app.core.directory.recipients import ALL_FIELDS, FIELDS, Recipient, parse_recipient

Value = str | Mapping[str, str] | Sequence[str]
# Tells whether an id is used by an entry in another file, and where.
IdLookup = Callable[[str], Location | None]

# Where a key goes when an entry gets it for the first time: the bundled files' order.
KEY_ORDER = (*FIELDS[: FIELDS.index("organisation") + 1], "addressee", *FIELDS[FIELDS.index("country") :])
DEFAULT_FILE = Path("recipients") / "recipients.csv"
_BLOCK = (LiteralScalarString, FoldedScalarString)
_FOLD_WIDTH = 88


def _nowhere(_rid: str) -> Location | None:
    return None


def id_clash(recipient_id: str, used_at: Location, where: Location | None) -> UserError:
    """The directory loader's message for an id used twice (so the window says the same)."""
    return UserError(
        f"id '{recipient_id}' is already used at {used_at}", where, "give each recipient its own id"
    )


def _not_found(path: Path, recipient_id: str) -> UserError:
    return UserError(
        f"no recipient with id '{recipient_id}' in this file",
        Location(display_path(path)),
        "the file changed on disk: reload the recipients and try again",
    )


def _tags_list(value: Value) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    return [str(t).strip() for t in value if str(t).strip()]


def _plain(value: Any) -> str:
    """A loaded value as the text parse_recipient would see (for "did it change?")."""
    return "" if value is None else str(value).strip()


def _read(path: Path) -> tuple[bool, str]:
    """(had a byte-order mark, text) of a UTF-8 file; a missing file reads as empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return False, ""
    except OSError as exc:
        raise UserError(f"cannot read file: {exc.strerror}", Location(display_path(path))) from None
    return data.startswith(codecs.BOM_UTF8), decode_utf8(data, path)


def _write(path: Path, bom: bool, text: str) -> None:
    atomic_write_bytes(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))


def _check(raw: Mapping[str, Any], locate: Callable[[str], Location]) -> Recipient:
    recipient, errors = parse_recipient(raw, locate)
    if errors:
        raise errors[0] if len(errors) == 1 else UserErrors(errors)
    assert recipient is not None
    return recipient


def find_file(paths: Iterable[Path], recipient_id: str) -> Path | None:
    """Which of the directory's files holds ``recipient_id`` (None if none does)."""
    for path in paths:
        try:
            if path.suffix.lower() == ".csv":
                if any(row.id == recipient_id for row in _CsvFile.read(path).rows):
                    return path
            elif _YamlFile.read(path).index_of(recipient_id) is not None:
                return path
        except (UserError, UserErrors):
            continue
    return None


def add_recipient(path: Path, record: Mapping[str, Value], taken: IdLookup = _nowhere) -> Recipient:
    """Append a new entry to ``path`` (a .csv or .yaml file, created if missing)."""
    return _file(path).add(record, taken)


def update_recipient(
    path: Path, recipient_id: str, changes: Mapping[str, Value], taken: IdLookup = _nowhere
) -> Recipient:
    """Change the given fields of entry ``recipient_id`` in ``path``; returns it as saved."""
    return _file(path).update(recipient_id, changes, taken)


def delete_recipient(path: Path, recipient_id: str) -> None:
    """Remove entry ``recipient_id`` from ``path``."""
    _file(path).delete(recipient_id)


def _file(path: Path) -> _CsvFile | _YamlFile:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _CsvFile.read(path)
    if suffix in (".yaml", ".yml"):
        return _YamlFile.read(path)
    raise UserError(
        f"cannot keep recipients in {path.name}",
        Location(display_path(path)),
        "choose a .csv or .yaml file in the recipients folder",
    )


# ---- CSV -------------------------------------------------------------------------------


@dataclass
class _CsvRow:
    id: str
    cells: list[str]  # as read (possibly shorter than the header)
    start: int  # index of its first physical line
    end: int  # index after its last physical line


class _CsvFile:
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
    def read(cls, path: Path) -> _CsvFile:
        bom, text = _read(path)
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
            raise UserError(f"broken CSV: {exc}", Location(self.shown, reader.line_num)) from None

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
        raise _not_found(self.path, recipient_id)

    def add(self, record: Mapping[str, Value], taken: IdLookup) -> Recipient:
        self._ensure_header(record)
        cells = [_cell(name, record.get(name, "")) for name in self.header]
        terminator = self._terminator(self.header_end - 1) or "\r\n"
        if self.lines and not self._terminator(len(self.lines) - 1):
            self.lines[-1] += terminator
        line = len(self.lines) + 1
        locate = self._locate(line)
        recipient = _check(self._record(cells), locate)
        self._check_unique(recipient.id, None, taken, locate("id"))
        self.lines.append(self._format(cells, terminator))
        _write(self.path, self.bom, "".join(self.lines))
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
        recipient = _check(self._record(cells), locate)
        self._check_unique(recipient.id, row, taken, locate("id"))
        self.lines[row.start : row.end] = [self._format(cells, self._terminator(row.end - 1))]
        _write(self.path, self.bom, "".join(self.lines))
        return recipient

    def delete(self, recipient_id: str) -> None:
        row = self._find(recipient_id)
        del self.lines[row.start : row.end]
        _write(self.path, self.bom, "".join(self.lines))


def _cell(name: str, value: Value) -> str:
    """A value as one CSV cell (a CSV has one text per field: no per-language maps)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        raise ValueError(f"a CSV file keeps one text per field, not a map by language ({name})")
    return ";".join(_tags_list(value))


# ---- YAML ------------------------------------------------------------------------------

# Indentation styles tried when writing a YAML file back: the one that reproduces the file
# as it was is used (the bundled files and ruamel's default style are the first two).
_INDENTS = ((2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 2, 0), (4, 6, 4), (2, 3, 1))


def _dumper(mapping: int, sequence: int, offset: int) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a line the user wrote; folded text keeps its own breaks
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _dump(yaml: YAML, data: Any) -> str:
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class _YamlFile:
    """A directory YAML file: its text, its round-trip tree, and the lines of each entry."""

    def __init__(self, path: Path, bom: bool, text: str):
        self.path = path
        self.shown = display_path(path)
        self.bom = bom
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.data = load_yaml_text(text, path) if text.strip() else None
        self.items, self.place = self._items(self.data)

    @classmethod
    def read(cls, path: Path) -> _YamlFile:
        bom, text = _read(path)
        return cls(path, bom, text)

    def _items(self, data: Any) -> tuple[CommentedSeq | None, YamlPlace | None]:
        if data is None:
            return None, None
        place = YamlPlace(self.path, data)
        if isinstance(data, Mapping) and "recipients" in data:
            place = place.child("recipients") if data["recipients"] is not None else None
            data = data["recipients"]
        if data is None:
            return None, None
        if not isinstance(data, CommentedSeq):
            raise UserError(
                "expected a list of recipients",
                Location(self.shown, 1),
                "write each recipient as an item starting with '- id: …'",
            )
        return data, place

    def index_of(self, recipient_id: str, items: CommentedSeq | None = None) -> int | None:
        items = self.items if items is None else items
        for index, item in enumerate(items or ()):
            if isinstance(item, Mapping) and _plain(item.get("id")) == recipient_id:
                return index
        return None

    # ---- where each entry lies -----------------------------------------------------

    @staticmethod
    def _spans(lines: list[str], items: CommentedSeq, data: Any) -> list[tuple[int, int, int]]:
        """(lead, dash, end) line indexes of each item: ``lead`` includes the comment lines
        right above it (they are about it), ``end`` is the next item's lead (or the end)."""
        dashes = []
        for index in range(len(items)):
            line = items.lc.item(index)[0]
            while line > 0 and not lines[line].lstrip().startswith("-"):
                line -= 1
            dashes.append(line)
        leads = []
        for n, dash in enumerate(dashes):
            lead = dash
            column = _indent(lines[dash])
            while n > 0 and lead > 0 and lines[lead - 1].lstrip().startswith("#"):
                if _indent(lines[lead - 1]) > column:
                    break
                lead -= 1
            leads.append(lead)
        end = len(lines)
        if isinstance(data, CommentedMap) and "recipients" in data:
            keys = list(data)
            after = keys.index("recipients") + 1
            if after < len(keys):
                end = data.lc.key(keys[after])[0]
                while end > 0 and lines[end - 1].lstrip().startswith("#"):
                    end -= 1
        return [
            (leads[n], dashes[n], leads[n + 1] if n + 1 < len(leads) else end) for n in range(len(dashes))
        ]

    @staticmethod
    def _content_end(lines: list[str], dash: int, end: int) -> int:
        """Where an item's own lines stop: before its trailing blank lines and the comments
        that sit at the list's level (those are about what follows)."""
        column = _indent(lines[dash])
        while end > dash + 1:
            line = lines[end - 1]
            if line.strip() and not (line.lstrip().startswith("#") and _indent(line) <= column):
                break
            end -= 1
        return end

    def _best_dumper(self) -> YAML:
        """The indentation style that writes this file back as it is (or comes closest)."""
        best, best_score = None, -1
        original = self.lines
        for style in _INDENTS:
            yaml = _dumper(*style)
            out = _dump(yaml, self.data)
            if out == self.text:
                return yaml
            score = sum(a == b for a, b in zip(out.splitlines(keepends=True), original, strict=False))
            if score > best_score:
                best, best_score = yaml, score
        assert best is not None
        return best

    # ---- checking what will be written ---------------------------------------------

    def _checked(self, text: str, recipient_id: str, taken: IdLookup) -> Recipient:
        """Load ``text`` as the loader will and validate entry ``recipient_id`` in it."""
        data = load_yaml_text(text, self.path)
        items, place = self._items(data)
        index = self.index_of(recipient_id, items) if items is not None else None
        assert items is not None and place is not None and index is not None
        item = items[index]
        item_place = YamlPlace(self.path, item, place.at(index).line)

        def locate(name: str) -> Location:
            return item_place.at(name) if name in item_place.node else item_place.here()

        recipient = _check(item, locate)
        for other, entry in enumerate(items):
            if other != index and isinstance(entry, Mapping) and _plain(entry.get("id")) == recipient.id:
                raise id_clash(recipient.id, place.at(other), locate("id"))
        used_at = taken(recipient.id)
        if used_at is not None:
            raise id_clash(recipient.id, used_at, locate("id"))
        return recipient

    # ---- the three operations ------------------------------------------------------

    def add(self, record: Mapping[str, Value], taken: IdLookup) -> Recipient:
        item = _new_item(record)
        rid = _plain(item.get("id"))
        future = Location(self.shown, len(self.lines) + 1)
        if not rid:  # let the validation say what is missing, at the entry's future place
            _check(item, lambda _name: future)
        self._check_new_id(rid, future)
        text = self._append(item) if self.items else self._add_to_empty(item)
        recipient = self._checked(text, rid, taken)
        _write(self.path, self.bom, text)
        return recipient

    def _check_new_id(self, rid: str, where: Location) -> None:
        """An id another entry of this file already has (checked before the tree changes)."""
        index = self.index_of(rid)
        if index is not None and self.place is not None:
            raise id_clash(rid, self.place.at(index), where)

    def _add_to_empty(self, item: CommentedMap) -> str:
        if isinstance(self.data, CommentedMap):  # "recipients:" with nothing under it yet
            yaml = self._best_dumper()
            self.data["recipients"] = CommentedSeq([item])
            return _dump(yaml, self.data)
        text = self.text
        if text and not text.endswith("\n"):
            text += "\n"
        return text + _dump(_dumper(*_INDENTS[0]), [item])

    def _append(self, item: CommentedMap) -> str:
        assert self.items is not None
        lines = list(self.lines)
        spans = self._spans(lines, self.items, self.data)
        _lead, dash, end = spans[-1]
        content_end = self._content_end(lines, dash, end)
        # Entries separated by blank lines (the bundled files' style) get one too.
        if len(spans) > 1:
            second_lead = spans[1][0]
            blank = second_lead > 0 and not lines[second_lead - 1].strip()
        else:
            blank = True
        new = _dump(self._best_dumper(), [item]).splitlines(keepends=True)
        shift = _indent(lines[dash]) - _indent(new[0])
        new = [(" " * shift + line if shift > 0 and line.strip() else line[max(0, -shift) :]) for line in new]
        if not lines[content_end - 1].endswith(("\n", "\r")):
            lines[content_end - 1] += "\n"
        lines[content_end:content_end] = (["\n"] if blank else []) + new
        return "".join(lines)

    def update(self, recipient_id: str, changes: Mapping[str, Value], taken: IdLookup) -> Recipient:
        index = self.index_of(recipient_id)
        if index is None or self.items is None:
            raise _not_found(self.path, recipient_id)
        new_id = _plain(changes.get("id", recipient_id))  # type: ignore[arg-type]
        if new_id != recipient_id:
            self._check_new_id(new_id, self.place.at(index) if self.place else Location(self.shown))
        old_spans = self._spans(self.lines, self.items, self.data)
        yaml = self._best_dumper()
        _apply_changes(self.items[index], changes)
        new_id = _plain(self.items[index].get("id")) or recipient_id
        dumped = _dump(yaml, self.data)
        new_lines = dumped.splitlines(keepends=True)
        new_data = load_yaml_text(dumped, self.path)
        new_items, _ = self._items(new_data)
        assert new_items is not None
        _lead, dash, end = old_spans[index]
        _lead2, dash2, end2 = self._spans(new_lines, new_items, new_data)[index]
        lines = list(self.lines)
        new_part = new_lines[dash2 : self._content_end(new_lines, dash2, end2)]
        content_end = self._content_end(lines, dash, end)
        if content_end == len(lines) and not lines[-1].endswith(("\n", "\r")):
            new_part[-1] = new_part[-1].rstrip("\r\n")  # the file had no final newline
        lines[dash:content_end] = new_part
        text = "".join(lines)
        recipient = self._checked(text, new_id, taken)
        _write(self.path, self.bom, text)
        return recipient

    def delete(self, recipient_id: str) -> None:
        index = self.index_of(recipient_id)
        if index is None or self.items is None:
            raise _not_found(self.path, recipient_id)
        if len(self.items) == 1 and isinstance(self.data, CommentedMap):
            yaml = self._best_dumper()
            self.data["recipients"] = CommentedSeq()
            _write(self.path, self.bom, _dump(yaml, self.data))
            return
        spans = self._spans(self.lines, self.items, self.data)
        lead, _dash, end = spans[index]
        lines = list(self.lines)
        del lines[lead:end]
        if index == len(spans) - 1 and end == len(self.lines):
            while lines and not lines[-1].strip():  # no blank lines left at the end
                lines.pop()
        text = "".join(lines)
        load_yaml_text(text, self.path)  # still a readable file
        _write(self.path, self.bom, text)


def _new_item(record: Mapping[str, Value]) -> CommentedMap:
    """A new YAML entry: the filled-in fields in the usual order, maps and tags inline."""
    item = CommentedMap()
    for name in KEY_ORDER:
        value = record.get(name)
        if name == "tags":
            tags = _tags_list(value or "")
            if tags:
                item[name] = _flow_seq(tags)
        elif isinstance(value, Mapping):
            texts = {k: v for k, v in value.items() if v}
            if texts:
                item[name] = _new_map(texts)
        elif value:
            item[name] = LiteralScalarString(value) if "\n" in value else value
    for name in record:
        if name not in ALL_FIELDS:
            raise ValueError(f"not a recipient field: {name}")
    return item


def _flow_seq(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _new_map(texts: Mapping[str, str]) -> CommentedMap:
    """A per-language text: inline ``{uk: …, en: …}``, or a block map for multi-line texts."""
    node = CommentedMap()
    multiline = any("\n" in t for t in texts.values())
    for lang, text in texts.items():
        node[lang] = LiteralScalarString(text) if "\n" in text else text
    if not multiline:
        node.fa.set_flow_style()
    return node


def _styled(value: str, old: Any, in_flow: bool) -> Any:
    """``value`` in the style the old value was written in, where that style can hold it.

    A plain text is a PlainScalarString: ruamel would otherwise give a plain ``str`` the
    old value's quoting (and ruamel still quotes it where YAML needs quotes)."""
    # Quotes are kept where the user chose them for a text; '' was only quoted for being empty.
    quoted = isinstance(old, SingleQuotedScalarString | DoubleQuotedScalarString) and str(old) != ""
    if in_flow:  # inside {…}: no block scalars
        return type(old)(value) if quoted and "\n" not in value else PlainScalarString(value)
    if "\n" in value:
        return LiteralScalarString(value)
    if isinstance(old, FoldedScalarString):
        return _folded(value)
    if quoted or isinstance(old, LiteralScalarString):
        return type(old)(value)
    return PlainScalarString(value)


def _folded(text: str) -> FoldedScalarString:
    """Folded text (``>-``) broken at spaces into lines of about the bundled files' width."""
    node = FoldedScalarString(text)
    positions, line_start, last_space = [], 0, None
    for i, char in enumerate(text):
        if char == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            if i - line_start > _FOLD_WIDTH and last_space is not None:
                positions.append(last_space)
                line_start = last_space + 1
            last_space = i
    if len(text) - line_start > _FOLD_WIDTH and last_space is not None and last_space >= line_start:
        positions.append(last_space)
    node.fold_pos = positions  # type: ignore[attr-defined]
    return node


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def _apply_changes(item: CommentedMap, changes: Mapping[str, Value]) -> None:
    """Set the changed keys of one YAML entry, keeping what is unchanged untouched."""
    last_key = next(reversed(item), None) if len(item) else None
    for name, value in changes.items():
        if name not in ALL_FIELDS:
            raise ValueError(f"not a recipient field: {name}")
        old = item.get(name)
        if name == "tags":
            tags = _tags_list(value)
            if isinstance(old, CommentedSeq):
                if [str(t) for t in old] != tags:
                    old.clear()
                    old.extend(tags)
            elif isinstance(old, str) or old is not None:
                if _tags_list(_plain(old)) != tags:
                    joined = PlainScalarString("; ".join(tags))
                    item[name] = joined if ";" in _plain(old) or not tags else _flow_seq(tags)
            elif tags:
                _insert(item, name, _flow_seq(tags))
        elif isinstance(value, Mapping):
            if isinstance(old, CommentedMap) and is_localized_map(old):
                _merge_languages(old, value)
            else:
                texts = {k: v for k, v in value.items() if v}
                if not texts and old is None:
                    continue
                new = _new_map(texts) if texts else PlainScalarString("")
                if name in item:
                    item[name] = new
                else:
                    _insert(item, name, new)
        else:
            if isinstance(old, CommentedMap) and is_localized_map(old):
                raise ValueError(f"{name} is kept per language: give a {{language: text}} map")
            if name in item:
                if _plain(old) != value.strip():
                    item[name] = _styled(value, old, _is_flow(item))
            elif value:
                _insert(item, name, LiteralScalarString(value) if "\n" in value else value)
    if last_key is not None and next(reversed(item)) != last_key:
        _trim_tail_comment(item, last_key)


def _merge_languages(node: CommentedMap, texts: Mapping[str, str]) -> None:
    flow = _is_flow(node)
    for lang, text in texts.items():
        old = node.get(lang)
        if not text:
            if lang in node:
                del node[lang]
        elif old is None:
            node[lang] = text if flow or "\n" not in text else LiteralScalarString(text)
        elif _plain(old) != text.strip():
            node[lang] = _styled(text, old, flow)


def _insert(item: CommentedMap, name: str, value: Any) -> None:
    """Add key ``name`` after the keys that come before it in :data:`KEY_ORDER`."""
    rank = KEY_ORDER.index(name) if name in KEY_ORDER else len(KEY_ORDER)
    position = 0
    for i, key in enumerate(item):
        if key in KEY_ORDER and KEY_ORDER.index(key) < rank:
            position = i + 1
    item.insert(position, name, value)


def _trim_tail_comment(item: CommentedMap, old_last: str) -> None:
    """A key now follows the entry's old last key: the blank lines and comments ruamel
    kept after that key would land inside the entry. Keep only its end-of-line comment
    (the lines after the entry are taken from the original text)."""
    node, key = item, old_last
    while isinstance(node[key], CommentedMap) and not _is_flow(node[key]) and len(node[key]):
        node, key = node[key], next(reversed(node[key]))
    entry = node.ca.items.get(key)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    if isinstance(node[key], _BLOCK) or not token.value.lstrip(" ").startswith("#"):
        entry[2] = None
    else:
        token.value = token.value.split("\n", 1)[0] + "\n"
