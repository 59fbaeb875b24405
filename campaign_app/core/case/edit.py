"""Editing the case file in place: change what the user changed, keep everything else.

The case file is written by hand as much as by the desktop app. It has comments that say
where every fact comes from, an order the campaigner chose, texts in languages the app does
not show (``ru``, ``kk-Latn``) and keys this version does not know. Dumping a fresh file
from the Case model would lose all of that, so the Case tab edits the file's own
round-trip tree (ruamel's ``CommentedMap``) through :class:`CaseDocument`: a setter changes
one value and only if it differs, keeps the value's quoting or folding, and puts a new key
where the schema's order says. Saving dumps the tree, validates the text with the same
``load_case`` the command line uses *before* anything is written (a broken case is never
written), and replaces the file atomically.

Lines are never re-wrapped on save (the dumper's width is unlimited), so an edit to one
fact changes only that fact's lines, and a ``git diff`` of the case shows exactly the edit.

No Qt here: the same functions are tested without a display.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from campaign_app.core.case.load import load_case_text, not_a_case_file
from campaign_app.core.case.model import Case
from campaign_app.core.case.round_trip import (
    date_text,
    date_value,
    flow_list,
    insert_item,
    remove_item,
    styled,
)
from campaign_app.core.case.schema import SECTIONS, TOP_ORDER
from campaign_app.core.common import yaml_cache
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import is_language_tag
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import dump_yaml, put_in_order, read_yaml_copy


def own_copy(tree: CommentedMap) -> CommentedMap:
    """A deep copy of a parsed tree, as yaml_cache keeps one between runs (comments, styles,
    anchors, merge keys, timestamps as written). The pickle round trip runs in C: about a
    third of ``copy.deepcopy``'s time (10 vs 27 ms for the example's case, on the way to the
    window's first view of it), and unlike ruamel's ``__deepcopy__`` it neither expands a
    ``<<`` merge into the mapping nor drops a timestamp's fraction of a second."""
    return pickle.loads(yaml_cache.dumps(tree))


class CaseChangedOnDisk(UserError):
    """The file changed on disk since it was opened: saving would overwrite that change."""


class CaseDocument:
    """The case file's round-trip tree, edited value by value, saved only when valid.

    Items are the tree's own ``CommentedMap`` objects (``items(section)[i]``), so a setter
    changes the very mapping the file was read into and nothing else.
    """

    def __init__(self, path: Path, text: str, data: CommentedMap):
        self.path = path
        self.original_text = text
        self.data = data
        self.modified = False
        self.revision = 0  # counts the edits: a save knows whether typing went on meanwhile
        # (id of a mapping, key) → (the mapping, kept alive so the id stays unique; the value
        # it held before its first edit)
        self._styles: dict[tuple[int, Any], tuple[Any, Any]] = {}

    @classmethod
    def load(cls, path: Path) -> CaseDocument:
        """Read the case file (a syntax error is a UserError at its line)."""
        return cls.from_text(path, read_text(path))

    @classmethod
    def from_text(cls, path: Path, text: str) -> CaseDocument:
        """The document of case-file text read from ``path`` (a syntax error, or a date
        that does not exist, is load_yaml_text's UserError at its line)."""
        # A copy of its own to edit: the parsed tree is shared with the check that follows
        # (validate_case_text reads the same text: no second parse, 0.2 s for the example),
        # and kept for the next run.
        data = read_yaml_copy(text, path)
        if not isinstance(data, CommentedMap):
            raise not_a_case_file(path)
        return cls(path, text, data)

    # ---- reading ----

    @property
    def case_id(self) -> str:
        return str(self.data.get("id") or "")

    @property
    def languages(self) -> tuple[str, ...]:
        """The case languages the file declares (a value that is not a language tag is left
        out here; the loader reports it)."""
        langs = self.data.get("languages")
        if not isinstance(langs, list):
            return ()
        return tuple(str(x) for x in langs if is_language_tag(str(x)))

    def items(self, section: str) -> list[CommentedMap]:
        """The section's items that are mappings (in file order)."""
        seq = self.data.get(section)
        if not isinstance(seq, list):
            return []
        return [item for item in seq if isinstance(item, CommentedMap)]

    def _seq(self, section: str, create: bool = False) -> CommentedSeq | None:
        seq = self.data.get(section)
        if isinstance(seq, CommentedSeq):
            return seq
        if not create:
            return None
        seq = CommentedSeq()
        put_in_order(self.data, section, seq, TOP_ORDER)
        return seq

    def node(self, where: str, create: bool = False) -> CommentedMap | None:
        """The mapping an overview field lives in ("" the top level, "person")."""
        if not where:
            return self.data
        node = self.data.get(where)
        if isinstance(node, CommentedMap):
            return node
        if not create:
            return None
        node = CommentedMap()
        put_in_order(self.data, where, node, TOP_ORDER)
        self.modified = True
        return node

    def source_ids(self) -> list[str]:
        """The ids of the sources, for the fields that cite them."""
        return [str(item.get("id")) for item in self.items("sources") if item.get("id")]

    def text_languages(self, node: Mapping[Any, Any] | None, key: str) -> list[str]:
        """The case languages, then any other language the file has for this text."""
        langs = list(self.languages)
        value = node.get(key) if node is not None else None
        if isinstance(value, Mapping):
            langs += [str(k) for k in value if str(k) not in langs]
        return langs

    @staticmethod
    def is_shared(node: Mapping[Any, Any] | None, key: str) -> bool:
        """True when the file keeps one text for every language (``title: "…"``)."""
        value = node.get(key) if node is not None else None
        return isinstance(value, str) and value != ""

    @staticmethod
    def get_text(node: Mapping[Any, Any] | None, key: str, language: str | None) -> str:
        """One language's text (``None``: the shared text); "" when there is none."""
        value = node.get(key) if node is not None else None
        if isinstance(value, Mapping):
            if language is None:
                return ""
            found = value.get(language)
            return "" if found is None else str(found)
        return "" if value is None else str(value)

    @staticmethod
    def get_plain(node: Mapping[Any, Any] | None, key: str) -> str:
        """A one-line value as text ("" when there is none)."""
        value = node.get(key) if node is not None else None
        return "" if value is None else str(value)

    @staticmethod
    def get_date(node: Mapping[Any, Any] | None, key: str) -> str:
        """A date as the editor shows it, whether the file holds a date, a year or text."""
        return date_text(node.get(key) if node is not None else None)

    @staticmethod
    def get_refs(node: Mapping[Any, Any] | None, key: str = "sources") -> list[str]:
        """The source ids an item cites; one id alone is a list of one, and anything else is
        shown as text, so that the user sees it (the loader reports it on saving)."""
        value = node.get(key) if node is not None else None
        if value is None or value == "":
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [str(v) for v in value]
        return [str(value)]

    # ---- changing one value ----

    def set_text(
        self, node: CommentedMap, key: str, language: str | None, text: str, order: Sequence[str] = ()
    ) -> bool:
        """Set one language's text (``None``: the shared text); the others stay as they are."""
        current = node.get(key)
        if language is None:
            if isinstance(current, str) and current == text:
                return False
            old = current if isinstance(current, str) else None
            put_in_order(node, key, styled(self._first_style(node, key, old), text), order)
            return self._changed()
        if isinstance(current, CommentedMap):  # a loaded or new text per language
            old = current.get(language)
            if ("" if old is None else str(old)) == text:
                return False
            if text == "":  # no text is no entry: ``uk: ''`` in the file would be junk
                self._first_style(current, language, old)
                current.pop(language, None)
                if not current:
                    del node[key]
            elif language in current:
                current[language] = styled(self._first_style(current, language, old), text)
            else:
                position = self._language_position(current, language)
                # ``{en: …, uk: …}`` on one line cannot hold a folded block: the dumper
                # would write a mangled quoted text instead (a bell character at the fold)
                first = self._first_style(current, language, None)  # typed again after it was emptied
                fresh = text if current.fa.flow_style() else styled(first, text)
                current.insert(position, language, fresh)
            return self._changed()
        if text == "":
            return False
        value = CommentedMap()
        value[language] = styled(None, text)
        put_in_order(node, key, value, order)
        return self._changed()

    def _first_style(self, container: Any, key: Any, old: Any) -> Any:
        """The value as the file had it before the first edit, whose style every later
        edit keeps: typing "word " into a folded text passes through texts that cannot be
        folded (a trailing space), and must not leave it quoted for good."""
        memo = self._styles.setdefault((id(container), key), (container, old))
        return memo[1]

    def _language_position(self, texts: Mapping[Any, Any], language: str) -> int:
        langs = list(self.languages)
        if language not in langs:
            return len(texts)
        before = set(langs[: langs.index(language)])
        position = 0
        for i, existing in enumerate(texts):
            if existing in before:
                position = i + 1
        return position

    def set_plain(
        self, node: CommentedMap, key: str, text: str, order: Sequence[str] = (), keep_empty: bool = False
    ) -> bool:
        """Set a one-line value; "" removes an optional key (``keep_empty`` keeps it)."""
        text = text.strip()
        current = node.get(key)
        if key in node and ("" if current is None else str(current)) == text:
            return False
        if text == "" and not keep_empty:
            if key not in node:
                return False
            del node[key]
            return self._changed()
        put_in_order(node, key, styled(current, text) if isinstance(current, str) else text, order)
        return self._changed()

    def set_date(self, node: CommentedMap, key: str, text: str, order: Sequence[str] = ()) -> bool:
        """Set a date as typed; "" removes it. A text that is not a date is kept as text
        (the loader then reports it), so what the user typed is never silently dropped."""
        text = text.strip()
        if not text:
            if key not in node:
                return False
            del node[key]
            return self._changed()
        if key in node and date_text(node.get(key)) == text:
            return False
        put_in_order(node, key, date_value(text), order)
        return self._changed()

    def set_refs(self, node: CommentedMap, refs: Sequence[str], order: Sequence[str] = ()) -> bool:
        """Set ``sources:``; an existing list is changed in place (it keeps its style)."""
        refs = [str(r) for r in refs]
        if self.get_refs(node) == refs and "sources" in node:
            return False
        current = node.get("sources")
        if isinstance(current, CommentedSeq):
            del current[:]
            current.extend(refs)
        else:
            put_in_order(node, "sources", flow_list(refs), order)
        return self._changed()

    def _changed(self) -> bool:
        self.modified = True
        self.revision += 1
        return True

    # ---- adding and deleting items ----

    def unique_id(self, section: str, base: str) -> str:
        """``base``, else ``base-2``, ``base-3``…: the first id no item of the section has."""
        taken = {str(item.get("id")) for item in self.items(section)}
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def new_item(self, section: str) -> CommentedMap:
        """An empty item with the keys the loader requires, in the schema's order; a text
        gets its key when something is typed in it (an empty ``uk: ''`` would be saved)."""
        spec = SECTIONS[section]
        item = CommentedMap()
        item["id"] = self.unique_id(section, spec.new_id)
        for f in spec.fields[1:]:
            if f.localized:
                continue
            if f.kind == "sources":
                item[f.key] = flow_list([])
            elif f.kind == "date" and f.required:
                item[f.key] = ""
            elif f.kind == "choice" and f.required:
                item[f.key] = f.choices[0]
            elif f.kind == "points":
                item[f.key] = CommentedSeq()
        return item

    def add_item(self, section: str, after: CommentedMap | None = None) -> CommentedMap:
        """Insert a new item after ``after`` (or at the end of the list) and return it."""
        seq = self._seq(section, create=True)
        assert seq is not None
        return self._insert(seq, self.new_item(section), after)

    def _insert(self, seq: CommentedSeq, item: CommentedMap, after: CommentedMap | None) -> CommentedMap:
        insert_item(seq, item, after)
        self._changed()
        return item

    def delete_item(self, section: str, item: CommentedMap) -> int:
        """Delete one item (found by identity: two items may look alike); returns where it
        was, for :meth:`restore_item`."""
        seq = self._seq(section)
        if seq is None:
            raise ValueError(f"no '{section}' list")
        index = next((i for i, x in enumerate(seq) if x is item), -1)
        remove_item(seq, item)
        self._changed()
        return index

    def restore_item(self, section: str, item: CommentedMap, index: int) -> None:
        """Put a deleted item back where it was (Undo in the Case tab)."""
        seq = self._seq(section, create=True)
        assert seq is not None
        if 0 <= index < len(seq):
            seq.insert(index, item)
            self._changed()
        else:
            self._insert(seq, item, seq[-1] if len(seq) else None)

    def points(self, argument: Mapping[Any, Any] | None) -> list[CommentedMap]:
        """The argument's points that are mappings (in file order)."""
        raw = argument.get("points") if argument is not None else None
        return [p for p in raw if isinstance(p, CommentedMap)] if isinstance(raw, list) else []

    def add_point(self, argument: CommentedMap, after: CommentedMap | None = None) -> CommentedMap:
        """Insert an empty point (no text yet, no sources) after ``after``, or at the end,
        creating ``points:`` if the argument has none; return it."""
        seq = argument.get("points")
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            put_in_order(argument, "points", seq, SECTIONS["arguments"].order)
            self._changed()
        point = CommentedMap()
        point["sources"] = flow_list([])
        return self._insert(seq, point, after)

    def delete_point(self, argument: CommentedMap, point: CommentedMap) -> None:
        """Delete one point (found by identity)."""
        seq = argument.get("points")
        if not isinstance(seq, CommentedSeq):
            raise ValueError("the argument has no points")
        remove_item(seq, point)
        self._changed()

    # ---- writing ----

    def snapshot(self) -> CaseDocument:
        """A copy of the document as it is now, to be checked and written on another thread
        while this one goes on taking the user's edits (the pickle copy takes ~10 ms for the
        example's case, where writing its YAML takes ~100 ms and checking it more)."""
        copy = CaseDocument(self.path, self.original_text, own_copy(self.data))
        copy.modified = self.modified
        return copy

    def written_as(self, text: str) -> None:
        """The file now holds ``text``, a snapshot of this document written while the user
        went on typing: what they typed since stays, unsaved, and the next save does not
        take the file for one another program changed."""
        self.original_text = text

    def dump(self) -> str:
        """The tree as YAML, lines never re-wrapped (so unchanged lines stay identical)."""
        return dump_yaml(self.data)

    def changed_on_disk(self) -> bool:
        """True when the file no longer holds the text it was read from (or cannot be
        read): writing now would lose what another program put there."""
        try:
            return read_text(self.path) != self.original_text
        except UserError:
            return True

    def save(self, force: bool = False, text: str | None = None) -> SaveResult:
        """Validate and write the case; on any problem nothing is written.

        Raises :class:`CaseChangedOnDisk` if another program changed the file since it was
        read (unless ``force``), and the loader's UserError(s) if the result is not a valid
        case. Returns the new text and the validated Case.
        """
        text = self.dump() if text is None else text
        if not force and self.changed_on_disk():
            raise CaseChangedOnDisk(
                _("the case file was changed by another program since it was opened"),
                Location.of(self.path),
                "revert to load that version (your edits are lost), or save again to overwrite it",
            )
        case = validate_case_text(text, self.path)
        atomic_write_bytes(self.path, text.encode("utf-8"))
        self.original_text = text
        self.modified = False
        return SaveResult(text, case)


@dataclass(frozen=True)
class SaveResult:
    """What a save wrote, and the case as the loader accepted it."""

    text: str
    case: Case


def validate_case_text(text: str, path: Path) -> Case:
    """Run the command line's case loader on text not yet written, as the file ``path``."""
    return load_case_text(text, path)
