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

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from campaign_app.core.case.load import load_case_text
from campaign_app.core.case.model import SUPPORTER_KINDS, Case
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import Location, UserError, UserErrors, flatten
from campaign_app.core.common.localized import is_language_tag
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import _yaml, key_line, load_yaml_text, node_line, put_in_order

# ---- the schema the editor shows ---------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    """One editable value of an item.

    ``kind``: ``id``, ``line`` (one line of plain text), ``url``, ``choice``, ``date``,
    ``sources`` (a list of source ids), ``text`` (a text per language, several lines),
    ``name`` (a text per language, one line) or ``points`` (an argument's points).
    ``shared``: the file may hold one text for every language instead of a map (a source
    title), and the editor keeps that shape. ``where``: for the overview, the mapping that
    holds the key ("" the file's top level, "person" the person).
    """

    key: str
    kind: str
    required: bool = True
    shared: bool = False
    choices: tuple[str, ...] = ()
    where: str = ""

    @property
    def localized(self) -> bool:
        return self.kind in ("text", "name")


@dataclass(frozen=True)
class Section:
    """A list in the case file, as the loader names its items in messages."""

    key: str
    what: str  # "timeline event", "fact", … (the loader's word, so messages match the CLI's)
    fields: tuple[FieldSpec, ...]
    new_id: str

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


_ID = FieldSpec("id", "id")
SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "timeline",
            "timeline event",
            (_ID, FieldSpec("date", "date"), FieldSpec("text", "text"), FieldSpec("sources", "sources")),
            "new-event",
        ),
        Section(
            "facts", "fact", (_ID, FieldSpec("text", "text"), FieldSpec("sources", "sources")), "new-fact"
        ),
        Section(
            "arguments",
            "argument",
            (
                _ID,
                FieldSpec("label", "line", required=False),
                FieldSpec("title", "name"),
                FieldSpec("points", "points", required=False),
            ),
            "new-argument",
        ),
        Section("demands", "demand", (_ID, FieldSpec("text", "text")), "new-demand"),
        Section(
            "supporters",
            "supporter",
            (
                _ID,
                FieldSpec("name", "name"),
                FieldSpec("kind", "choice", choices=SUPPORTER_KINDS),
                FieldSpec("date", "date", required=False),
                FieldSpec("sources", "sources"),
                FieldSpec("recipient", "line", required=False),
            ),
            "new-supporter",
        ),
        Section(
            "sources",
            "source",
            (
                _ID,
                FieldSpec("title", "text", shared=True),
                FieldSpec("publisher", "line", required=False),
                FieldSpec("date", "date", required=False),
                FieldSpec("url", "url", required=False),
            ),
            "new-source",
        ),
    )
}
POINT_FIELDS = (FieldSpec("text", "text"), FieldSpec("sources", "sources"))
POINT_ORDER = ("text", "sources")
GENDERS = ("", "f", "m")
OVERVIEW_FIELDS = (
    FieldSpec("title", "name"),
    FieldSpec("name", "name", where="person"),
    FieldSpec("gender", "choice", required=False, choices=GENDERS, where="person"),
    FieldSpec("description", "text", required=False, where="person"),
    FieldSpec("summary", "text"),
)
TOP_ORDER = (
    "id",
    "languages",
    "title",
    "person",
    "summary",
    "timeline",
    "facts",
    "arguments",
    "demands",
    "supporters",
    "sources",
)
PERSON_ORDER = ("name", "gender", "description", "forms")

DATE_HINT = "write it as YYYY-MM-DD, YYYY-MM or YYYY"
FOLD_WIDTH = 88  # where a new long text is folded, as the example case is


# ---- field checks: the loader's own words, shown at the field as the user types -----------
# (tests/test_case_edit.py checks that each one says what load_case says)


def check_id(what: str, value: str, other_ids: Iterable[str]) -> str | None:
    value = value.strip()
    if not value:
        return f"{what} has no 'id' — give it a short unique id such as 'supreme-court-2020'"
    if value in set(other_ids):
        return f"{what} id '{value}' is used twice — make each id unique"
    return None


def check_date(key: str, text: str, required: bool) -> str | None:
    """The loader's message for a date field holding ``text``, or None if it is fine."""
    text = text.strip()
    if not text:
        return f"missing '{key}' — {DATE_HINT}" if required else None
    try:
        PartialDate.parse(date_value(text))
    except ValueError:
        return f"'{key}' {date_value(text)!r} is not a date — {DATE_HINT}"
    return None


def parse_refs(text: str) -> list[str]:
    """Source ids typed as ``a, b`` (commas or spaces between them)."""
    return [part for part in re.split(r"[,\s]+", text) if part]


def check_refs(what: str, refs: Sequence[str], known: Iterable[str]) -> list[str]:
    """The loader's messages for a ``sources:`` list naming ``refs``."""
    if not refs:
        return [f"{what} names no source — add 'sources: [source-id]' backing it"]
    known = set(known)
    return [
        f"{what} cites unknown source '{r}' — add it under 'sources:' or correct the id"
        for r in refs
        if r not in known
    ]


def check_url(source_id: str, url: str) -> str | None:
    url = url.strip()
    if url and not url.startswith(("http://", "https://")):
        return f"source '{source_id}' url is not a web address — use a full http(s):// URL"
    return None


def check_kind(supporter_id: str, kind: str) -> str | None:
    if kind not in SUPPORTER_KINDS:
        return (
            f"supporter '{supporter_id}' has unknown kind '{kind}' — use one of {', '.join(SUPPORTER_KINDS)}"
        )
    return None


# ---- values written the way the file writes them -------------------------------------------


def date_value(text: str) -> Any:
    """What YAML value a typed date becomes: 2020-05-14 a date, 2009 a year, 2017-03 text.

    Text that is not a date stays text, so the loader reports it at its line.
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def date_text(value: Any) -> str:
    """A date as the editor shows it (the file may hold a date, a year or text)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _foldable(text: str) -> bool:
    """Whether ``>-`` can hold ``text`` exactly (no edge spaces, tabs or trailing newline)."""
    if not text or text.endswith("\n") or "\t" in text or "\r" in text:
        return False
    return all(line == line.strip(" ") for line in text.split("\n"))


def folded(text: str, width: int = FOLD_WIDTH) -> FoldedScalarString:
    """``text`` as a ``>-`` block folded at spaces near ``width`` (the text is unchanged)."""
    value = FoldedScalarString(text)
    value.fold_pos = _greedy_folds(text, width)  # type: ignore[attr-defined]
    return value


def _greedy_folds(text: str, width: int) -> list[int]:
    positions: list[int] = []
    offset = 0
    for line in text.split("\n"):
        line_start = 0
        candidate = None
        for match in re.finditer(r"(?<=\S) (?=\S)", line):
            at = match.start()
            if at - line_start > width and candidate is not None:
                positions.append(offset + candidate)
                line_start = candidate + 1
            candidate = at
        if len(line) - line_start > width and candidate is not None and candidate >= line_start:
            positions.append(offset + candidate)
        offset += len(line) + 1
    return positions


def styled(old: Any, new: str) -> Any:
    """``new`` written the way ``old`` was: folded stays folded, quoted stays quoted.

    A new text (no ``old``) that is long or has several lines is folded like the example
    case's texts; a short one is plain (the dumper quotes it if YAML needs that).
    """
    if new == "":
        return ""
    long = len(new) > FOLD_WIDTH or "\n" in new
    fresh = old is None or (type(old) is str and old == "")
    if isinstance(old, FoldedScalarString) or (fresh and long):
        return folded(new) if _foldable(new) else DoubleQuotedScalarString(new)
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(new)
    if isinstance(old, DoubleQuotedScalarString | SingleQuotedScalarString):
        return type(old)(new)
    return new


def _index_of(seq: Sequence[Any], item: Any) -> int:
    return next((i for i, x in enumerate(seq) if x is item), -1)


def _flow_list(items: Iterable[str]) -> CommentedSeq:
    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


# ---- blank lines and comments between sections ---------------------------------------------
# ruamel attaches the blank line (and any comment) that follows a list to the last value
# inside its last item. Appending or deleting that item would move the blank line into the
# middle of the list or drop it; these two functions keep it at the end of the list.


def _take_trailing(node: Any) -> str:
    """Detach the blank lines and comment lines after the last value nested in ``node``;
    a comment on the value's own line stays where it is."""
    if isinstance(node, CommentedMap) and len(node):
        key: Any = list(node)[-1]
        slot_index = 2
    elif isinstance(node, CommentedSeq) and len(node):
        key = len(node) - 1
        slot_index = 0
    else:
        return ""
    taken = _take_trailing(node[key])
    slot = node.ca.items.get(key)
    if slot and len(slot) > slot_index and slot[slot_index] is not None:
        token = slot[slot_index]
        value = str(token.value)
        if value.startswith("#"):
            first, _, rest = value.partition("\n")
            token.value = first + "\n"
            taken += rest
        else:
            slot[slot_index] = None
            taken += value
    if node.ca.end:
        taken += "".join(str(t.value) for t in node.ca.end)
        node.ca.end = []
    return taken


def _put_trailing(seq: CommentedSeq, text: str) -> None:
    if not text:
        return
    existing = "".join(str(t.value) for t in (seq.ca.end or []))
    if seq.ca.comment is None:
        seq.ca.comment = [None, None]
    seq.ca.end = [CommentToken(text + existing, CommentMark(0))]


# ---- the document ----------------------------------------------------------------------------


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
        # (id of a mapping, key) → (the mapping, kept alive so the id stays unique; the value
        # it held before its first edit)
        self._styles: dict[tuple[int, Any], tuple[Any, Any]] = {}

    @classmethod
    def load(cls, path: Path) -> CaseDocument:
        """Read the case file (a syntax error is a UserError at its line)."""
        return cls.from_text(path, read_text(path))

    @classmethod
    def from_text(cls, path: Path, text: str) -> CaseDocument:
        try:
            data = load_yaml_text(text, path)
        except ValueError as exc:  # ruamel builds `2020-13-45` as a date and fails (no line)
            raise UserError(
                f"malformed YAML: {exc}", Location.of(path), "quote a date that is not a real date"
            ) from None
        if not isinstance(data, CommentedMap):
            raise UserError(
                "a case file must be a mapping of keys", Location.of(path, 1), "start with 'id: …'"
            )
        return cls(path, text, data)

    # ---- reading ----

    @property
    def case_id(self) -> str:
        return str(self.data.get("id") or "")

    @property
    def languages(self) -> tuple[str, ...]:
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
        return [str(item.get("id")) for item in self.items("sources") if item.get("id")]

    def text_languages(self, node: Mapping | None, key: str) -> list[str]:
        """The case languages, then any other language the file has for this text."""
        langs = list(self.languages)
        value = node.get(key) if node is not None else None
        if isinstance(value, Mapping):
            langs += [str(k) for k in value if str(k) not in langs]
        return langs

    @staticmethod
    def is_shared(node: Mapping | None, key: str) -> bool:
        """True when the file keeps one text for every language (``title: "…"``)."""
        value = node.get(key) if node is not None else None
        return isinstance(value, str) and value != ""

    @staticmethod
    def get_text(node: Mapping | None, key: str, language: str | None) -> str:
        """One language's text (``None``: the shared text); "" when there is none."""
        value = node.get(key) if node is not None else None
        if isinstance(value, Mapping):
            if language is None:
                return ""
            found = value.get(language)
            return "" if found is None else str(found)
        return "" if value is None else str(value)

    @staticmethod
    def get_plain(node: Mapping | None, key: str) -> str:
        value = node.get(key) if node is not None else None
        return "" if value is None else str(value)

    @staticmethod
    def get_date(node: Mapping | None, key: str) -> str:
        return date_text(node.get(key) if node is not None else None)

    @staticmethod
    def get_refs(node: Mapping | None, key: str = "sources") -> list[str]:
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
        if isinstance(current, Mapping):
            old = current.get(language)
            if ("" if old is None else str(old)) == text:
                return False
            if language in current:
                current[language] = styled(self._first_style(current, language, old), text)
            else:
                position = self._language_position(current, language)
                current.insert(position, language, styled(None, text))
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

    def _language_position(self, texts: Mapping, language: str) -> int:
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
            put_in_order(node, "sources", _flow_list(refs), order)
        return self._changed()

    def _changed(self) -> bool:
        self.modified = True
        return True

    # ---- adding and deleting items ----

    def unique_id(self, section: str, base: str) -> str:
        taken = {str(item.get("id")) for item in self.items(section)}
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def new_item(self, section: str) -> CommentedMap:
        """An empty item with every key the loader requires, in the schema's order."""
        spec = SECTIONS[section]
        item = CommentedMap()
        item["id"] = self.unique_id(section, spec.new_id)
        for f in spec.fields[1:]:
            if f.localized:
                texts = CommentedMap()
                for lang in self.languages:
                    texts[lang] = ""
                item[f.key] = texts
            elif f.kind == "sources":
                item[f.key] = _flow_list([])
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
        if not len(seq):
            seq.fa.set_block_style()  # `timeline: []` becomes a block list
        index = _index_of(seq, after) + 1 if after is not None else len(seq)
        if index <= 0 or index >= len(seq):
            trailing = _take_trailing(seq[-1]) if len(seq) else ""
            seq.append(item)
            _put_trailing(seq, trailing)
        else:
            seq.insert(index, item)
        self._changed()
        return item

    def delete_item(self, section: str, item: CommentedMap) -> None:
        """Delete one item (found by identity: two items may look alike)."""
        seq = self._seq(section)
        if seq is None:
            raise ValueError(f"no '{section}' list")
        self._delete(seq, _index_of(seq, item))

    def _delete(self, seq: CommentedSeq, index: int) -> None:
        if index < 0:
            raise ValueError("the item is not in this list")
        if index == len(seq) - 1:
            trailing = _take_trailing(seq[index])
            del seq[index]
            _put_trailing(seq, trailing)
        else:
            del seq[index]
        self._changed()

    def points(self, argument: Mapping | None) -> list[CommentedMap]:
        raw = argument.get("points") if argument is not None else None
        return [p for p in raw if isinstance(p, CommentedMap)] if isinstance(raw, list) else []

    def add_point(self, argument: CommentedMap, after: CommentedMap | None = None) -> CommentedMap:
        seq = argument.get("points")
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            put_in_order(argument, "points", seq, SECTIONS["arguments"].order)
            self._changed()
        point = CommentedMap()
        texts = CommentedMap()
        for lang in self.languages:
            texts[lang] = ""
        point["text"] = texts
        point["sources"] = _flow_list([])
        return self._insert(seq, point, after)

    def delete_point(self, argument: CommentedMap, point: CommentedMap) -> None:
        seq = argument.get("points")
        if not isinstance(seq, CommentedSeq):
            raise ValueError("the argument has no points")
        self._delete(seq, _index_of(seq, point))

    # ---- writing ----

    def dump(self) -> str:
        """The tree as YAML, lines never re-wrapped (so unchanged lines stay identical)."""
        yaml = _yaml()
        yaml.width = 1_000_000
        buffer = io.StringIO()
        yaml.dump(self.data, buffer)
        return buffer.getvalue()

    def changed_on_disk(self) -> bool:
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
                "the case file was changed by another program since it was opened",
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
    text: str
    case: Case


@dataclass(frozen=True)
class SaveOutcome:
    """A save that worked (``saved``: the file as written, re-read with fresh line
    numbers) or did not (``problems``: each loader problem with the field it is about)."""

    saved: CaseDocument | None
    problems: list[tuple[tuple, UserError]]


def save_or_explain(doc: CaseDocument, force: bool = False) -> SaveOutcome:
    """Save ``doc``; a case that does not validate is not written, and each problem comes
    back with the path of the item and field it is about. A file changed on disk since it
    was read raises :class:`CaseChangedOnDisk` (the user must choose), unless ``force``."""
    text = doc.dump()
    try:
        doc.save(force, text)
    except CaseChangedOnDisk:
        raise
    except (UserError, UserErrors) as exc:
        try:
            data = load_yaml_text(text, doc.path)
        except UserError:
            data = None
        return SaveOutcome(
            None, [(problem_path(data, e) if data is not None else (), e) for e in flatten(exc)]
        )
    return SaveOutcome(CaseDocument.from_text(doc.path, text), [])


def validate_case_text(text: str, path: Path) -> Case:
    """Run the command line's case loader on text not yet written, as the file ``path``."""
    return load_case_text(text, path)


# ---- which item and field a loader problem is about ------------------------------------------

_MISSING = re.compile(r"^missing '([^']+)'")


def problem_path(data: Any, error: UserError) -> tuple[Any, ...]:
    """The path to what a loader problem (reported at a line of ``data``'s text) is about,
    e.g. ``("timeline", 3, "date")`` or ``("arguments", 0, "points", 1, "text")``.

    ``data`` must be the tree parsed from the text the problem's line refers to.
    """
    line = error.where.line if error.where is not None else None
    if line is None:
        return ()
    path = _path_at_line(data, line)
    if not path:
        return ()
    missing = _MISSING.match(error.message)
    if missing and isinstance(path[-1], str) and _container_at(data, path[:-1]) is not None:
        return (*path[:-1], missing.group(1))
    if "names no source" in error.message and isinstance(path[-1], str):
        return (*path[:-1], "sources")
    return path


def _container_at(data: Any, path: Sequence[Any]) -> Any:
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node if isinstance(node, Mapping) else None


def _path_at_line(node: Any, line: int) -> tuple[Any, ...]:
    """The deepest key or item whose text starts at or before ``line``."""
    if isinstance(node, CommentedMap):
        chosen = None
        for key in node:
            at = key_line(node, key)
            if at is not None and at <= line:
                chosen = key
        if chosen is None:
            return ()
        return (chosen, *_path_at_line(node[chosen], line))
    if isinstance(node, CommentedSeq):
        chosen_index = None
        for index in range(len(node)):
            item = node[index]
            at = node_line(item) if isinstance(item, CommentedMap | CommentedSeq) else key_line(node, index)
            if at is not None and at <= line:
                chosen_index = index
        if chosen_index is None:
            return ()
        return (chosen_index, *_path_at_line(node[chosen_index], line))
    return ()
