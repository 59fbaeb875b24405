"""Changing one entry of a directory YAML file typed by hand, leaving the rest as it was.

The file is read as ruamel's round-trip tree, only the changed keys are set
(:mod:`.yaml_style`), and the entry's lines are cut from a dump of that tree into the
original text: comments, quoting and the other entries stay as they were. The dump uses
the indentation style that writes the file back as it is (:meth:`YamlFile._best_dumper`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text
from campaign_app.core.directory.edit.shared import (
    IdLookup,
    Value,
    check_entry,
    id_clash,
    not_found,
    plain,
    read_file,
    write_file,
)
from campaign_app.core.directory.edit.yaml_style import apply_changes, new_item
from campaign_app.core.directory.recipients import Recipient

if TYPE_CHECKING:  # ruamel is imported where YAML is read or written: yamlio says why
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

# Indentation styles tried when writing a YAML file back: the one that reproduces the file
# as it was is used (the bundled files and ruamel's default style are the first two).
_INDENTS = ((2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 2, 0), (4, 6, 4), (2, 3, 1))


def _dumper(mapping: int, sequence: int, offset: int) -> YAML:
    from ruamel.yaml import YAML

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


def _missing_id(item: CommentedMap, where: Location) -> None:
    """What the validation says of a new entry without an id, at the place it would have."""
    check_entry(item, lambda _name: where)


def _shifted(lines: list[str], shift: int) -> list[str]:
    """``lines`` moved ``shift`` columns right (left where negative), blank lines as they are."""
    return [(" " * shift + line if shift > 0 and line.strip() else line[max(0, -shift) :]) for line in lines]


class YamlFile:
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
    def read(cls, path: Path) -> YamlFile:
        bom, text = read_file(path)
        return cls(path, bom, text)

    def _items(self, data: Any) -> tuple[CommentedSeq | None, YamlPlace | None]:
        if data is None:
            return None, None
        place = YamlPlace(self.path, data)
        if isinstance(data, Mapping) and "recipients" in data:
            data = data["recipients"]
            if data is None:  # "recipients:" with nothing under it yet
                return None, None
            place = place.child("recipients")
        from ruamel.yaml.comments import CommentedSeq  # the tree is ruamel's: it is imported

        if not isinstance(data, CommentedSeq):
            raise UserError(
                _("expected a list of recipients"),
                Location(self.shown, 1),
                _("write each recipient as an item starting with '- id: …'"),
            )
        return data, place

    def index_of(self, recipient_id: str, items: CommentedSeq | None = None) -> int | None:
        items = self.items if items is None else items
        for index, item in enumerate(items or ()):
            if isinstance(item, Mapping) and plain(item.get("id")) == recipient_id:
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
        from ruamel.yaml.comments import CommentedMap  # the tree is ruamel's: it is imported

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

    # ---- the three operations ------------------------------------------------------

    def add(self, record: Mapping[str, Value], taken: IdLookup) -> Recipient:
        if self.items:
            return self.add_all([record], taken)[0]
        item = new_item(record)
        rid = plain(item.get("id"))
        future = Location(self.shown, len(self.lines) + 1)
        if not rid:  # let the validation say what is missing, at the entry's future place
            _missing_id(item, future)
        self._check_new_id(rid, future)
        text = self._add_to_empty(item)
        [recipient] = self._checked_at(text, [0], taken)
        write_file(self.path, self.bom, text)
        return recipient

    def add_all(self, records: Sequence[Mapping[str, Value]], taken: IdLookup) -> list[Recipient]:
        """Append several new entries, each written as :meth:`add` writes one, the file
        read, dumped and checked once for all of them: entry by entry, each re-read and
        re-dumped the whole file, and an import of 400 people into a YAML file took minutes."""
        if not records:
            return []
        if not self.items:  # the first entry starts the list; the others follow it
            started = self.add(records[0], taken)
            return [started, *YamlFile.read(self.path).add_all(records[1:], taken)]
        items = [new_item(record) for record in records]
        ids = [plain(item.get("id")) for item in items]
        text = "".join(self._appended(items, ids))
        first = len(self.items)  # the new entries follow the file's
        recipients = self._checked_at(text, range(first, first + len(items)), taken)
        write_file(self.path, self.bom, text)
        return recipients

    def _appended(self, items: list[CommentedMap], ids: list[str]) -> list[str]:
        """The file's lines with ``items`` (their ids ``ids``) appended after its last
        entry, in the file's style: its indentation, and a blank line before each where its
        entries are separated by one; an entry without an id, or with one the file (or an
        entry before it) has, refused at the place it would have."""
        assert self.items is not None
        lines = list(self.lines)
        spans = self._spans(lines, self.items, self.data)
        _lead, dash, end = spans[-1]
        at = self._content_end(lines, dash, end)
        blank = (spans[1][0] > 0 and not lines[spans[1][0] - 1].strip()) if len(spans) > 1 else True
        yaml = self._best_dumper()
        known = {plain(item.get("id")) for item in self.items if isinstance(item, Mapping)}
        added: dict[str, Location] = {}  # the ids added here, and where
        if not lines[at - 1].endswith(("\n", "\r")):
            lines[at - 1] += "\n"
        new_lines: list[str] = []
        for item, rid in zip(items, ids, strict=True):
            future = Location(self.shown, len(lines) + len(new_lines) + 1)
            if not rid:  # let the validation say what is missing, at the entry's future place
                _missing_id(item, future)
            if rid in added:
                raise id_clash(rid, added[rid], future)
            if rid in known:
                self._check_new_id(rid, future)
            added[rid] = future
            new = _dump(yaml, [item]).splitlines(keepends=True)
            new_lines += ["\n"] if blank else []
            new_lines += _shifted(new, _indent(lines[dash]) - _indent(new[0]))
        lines[at:at] = new_lines
        return lines

    def _checked_at(self, text: str, indexes: Iterable[int], taken: IdLookup) -> list[Recipient]:
        """Load ``text`` as the loader will and validate its entries at ``indexes`` (each
        refused where it is invalid, or where another entry, or ``taken``, has its id)."""
        data = load_yaml_text(text, self.path)
        items, place = self._items(data)
        assert items is not None and place is not None
        at: dict[str, list[int]] = {}
        for index, entry in enumerate(items):
            if isinstance(entry, Mapping):
                at.setdefault(plain(entry.get("id")), []).append(index)
        recipients = []
        for index in indexes:
            item = items[index]
            item_place = YamlPlace(self.path, item, place.at(index).line)

            def locate(name: str, item_place: YamlPlace = item_place) -> Location:
                return item_place.at(name) if name in item_place.node else item_place.here()

            recipient = check_entry(item, locate)
            other = next((i for i in at.get(recipient.id, ()) if i != index), None)
            if other is not None:
                raise id_clash(recipient.id, place.at(other), locate("id"))
            used_at = taken(recipient.id)
            if used_at is not None:
                raise id_clash(recipient.id, used_at, locate("id"))
            recipients.append(recipient)
        return recipients

    def _check_new_id(self, rid: str, where: Location) -> None:
        """An id another entry of this file already has (checked before the tree changes)."""
        index = self.index_of(rid)
        if index is not None and self.place is not None:
            raise id_clash(rid, self.place.at(index), where)

    def _add_to_empty(self, item: CommentedMap) -> str:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if isinstance(self.data, CommentedMap):  # "recipients:" with nothing under it yet
            yaml = self._best_dumper()
            self.data["recipients"] = CommentedSeq([item])
            return _dump(yaml, self.data)
        text = self.text
        if text and not text.endswith("\n"):
            text += "\n"
        return text + _dump(_dumper(*_INDENTS[0]), [item])

    def update(self, recipient_id: str, changes: Mapping[str, Value], taken: IdLookup) -> Recipient:
        return self.update_all([(recipient_id, changes)], taken)[0]

    def update_all(
        self, changes: Sequence[tuple[str, Mapping[str, Value]]], taken: IdLookup
    ) -> list[Recipient]:
        """Change entries (recipient id, changes), each as if changed one after the other:
        only the changed keys set in the tree, which is dumped and read once, and each
        entry's lines cut from that dump into the file's text (an import's ``--update`` of
        132 entries took a minute when each re-read and re-dumped the whole file). Returns
        the entries as saved, in the order they were first changed."""
        if not changes:
            return []
        if self.items is None:
            raise not_found(self.path, changes[0][0])
        old_spans = self._spans(self.lines, self.items, self.data)
        yaml = self._best_dumper()
        where = {plain(item.get("id")): n for n, item in enumerate(self.items) if isinstance(item, Mapping)}
        changed: dict[int, None] = {}  # the entries changed, in the order of their changes
        for recipient_id, change in changes:
            index = where.get(recipient_id)
            if index is None:
                raise not_found(self.path, recipient_id)
            new_id = plain(change.get("id", recipient_id))
            if new_id != recipient_id:
                self._check_new_id(new_id, self.place.at(index) if self.place else Location(self.shown))
            apply_changes(self.items[index], change)
            where[plain(self.items[index].get("id")) or recipient_id] = index
            changed[index] = None
        dumped = _dump(yaml, self.data)
        new_lines = dumped.splitlines(keepends=True)
        new_data = load_yaml_text(dumped, self.path)
        new_items, _ = self._items(new_data)
        assert new_items is not None
        new_spans = self._spans(new_lines, new_items, new_data)
        lines = list(self.lines)
        for index in sorted(changed, reverse=True):  # from the end: the lines above keep their places
            _lead, dash, end = old_spans[index]
            _lead2, dash2, end2 = new_spans[index]
            new_part = new_lines[dash2 : self._content_end(new_lines, dash2, end2)]
            content_end = self._content_end(lines, dash, end)
            if content_end == len(lines) and not lines[-1].endswith(("\n", "\r")):
                new_part[-1] = new_part[-1].rstrip("\r\n")  # the file had no final newline
            lines[dash:content_end] = new_part
        text = "".join(lines)
        recipients = self._checked_at(text, list(changed), taken)
        write_file(self.path, self.bom, text)
        return recipients

    def delete(self, recipient_id: str) -> None:
        index = self.index_of(recipient_id)
        if index is None or self.items is None:
            raise not_found(self.path, recipient_id)
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if len(self.items) == 1 and isinstance(self.data, CommentedMap):
            yaml = self._best_dumper()
            self.data["recipients"] = CommentedSeq()
            write_file(self.path, self.bom, _dump(yaml, self.data))
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
        write_file(self.path, self.bom, text)
