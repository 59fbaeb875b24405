"""Reading and writing the workspace's YAML with line numbers and round-trip fidelity.

ruamel.yaml's round-trip loader keeps key order and comments (so the desktop app can
write a case file back without losing anything) and records where every key and item
stands, which lets a validation error say ``cases/x.yaml:41`` instead of "somewhere".

ruamel.yaml itself is imported where YAML is read or written, not with this module, which
the directory's loader and editors import at their top: a command that reads no YAML (an
import of a CSV file into a CSV directory) does without ruamel's ~12-20 ms of imports
(tests/core/directory/importing/test_import_imports.py).
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, did_you_mean, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import INT_DIGITS, YAML_BYTES
from campaign_app.core.common.textfiles import read_text

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

_DUPLICATE = re.compile(r'found duplicate key "(.*?)" with value')


# Texts up to this size are parsed once per process by read_yaml_text (a directory file of
# thousands of entries is not kept in memory for that).
_CACHED_TEXT_CHARS = 200_000


def read_yaml_text(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """:func:`load_yaml_text` for readers that never change the tree they get: the same text
    is parsed once per process. The round-trip parser (kept for line numbers in messages) is
    the slowest part of loading a campaign, and the window, ``check`` and a batch's workers
    read the same campaign.yaml, case file and templates again and again; a large text's
    tree is also kept between runs, in the workspace ``path`` is in (``yaml_cache``). Callers
    must not change the tree: it is shared (:class:`~campaign_app.core.case.edit.CaseDocument`
    edits a deep copy)."""
    if len(text) > _CACHED_TEXT_CHARS:
        return load_yaml_text(text, path, line_offset)
    from campaign_app.core.common import yaml_cache  # with ruamel: only where YAML is read

    key = (text, line_offset)  # the tree holds lines, not the path: the same text, the same tree
    found = _PARSED.get(key)
    if found is None:
        kept = yaml_cache.lookup_pickled(text, path, line_offset)  # parsed by an earlier run
        pickled: bytes | None
        if kept is not None:
            found, pickled = kept
        else:
            found = load_yaml_text(text, path, line_offset)  # a mistake raises, naming this path
            pickled = yaml_cache.keep(text, found, path, line_offset)
        _PARSED[key] = found
        if pickled is not None:
            _PICKLED[key] = pickled
        while len(_PARSED) > _PARSED_MAX:
            oldest = next(iter(_PARSED))
            _PARSED.pop(oldest, None)
            _PICKLED.pop(oldest, None)
    return found


def read_yaml_copy(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """:func:`read_yaml_text`'s tree as a deep copy of the caller's own, to change (the Case
    tab edits one). Unpickled from the bytes the tree is kept as in the workspace's cache,
    where it is (read back or written by this process): a copy without the pickling half of
    a pickle round trip (5 of 9 ms for the example's case, before the tab first shows it)."""
    if len(text) > _CACHED_TEXT_CHARS:
        return load_yaml_text(text, path, line_offset)  # a tree nobody else holds
    from campaign_app.core.common import yaml_cache

    tree = read_yaml_text(text, path, line_offset)
    pickled = _PICKLED.get((text, line_offset))
    return pickle.loads(pickled if pickled is not None else yaml_cache.dumps(tree))


_PARSED: dict[tuple[str, int], Any] = {}
_PICKLED: dict[tuple[str, int], bytes] = {}  # of the trees in _PARSED the workspace's cache keeps
_PARSED_MAX = 64


def load_yaml_text(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """Parse YAML text; a syntax error, or a document beyond the bounds of core/common/limits.py,
    becomes a UserError at the offending line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from campaign_app.core.common.yaml_parser import LIMIT_HINT, YamlLimit, round_trip_yaml

    if len(text) > YAML_BYTES // 4 and len(text.encode("utf-8")) > YAML_BYTES:
        raise UserError(
            _("the YAML file is larger than {value} MB").format(value=YAML_BYTES // 1_000_000),
            Location(display_path(path), line_offset + 1 if line_offset else None),
            _(LIMIT_HINT),
        )
    try:
        return round_trip_yaml().load(text)
    except YamlLimit as exc:
        raise UserError(
            exc.message,
            Location(display_path(path), exc.mark.line + 1 + line_offset, exc.mark.column + 1),
            exc.hint,
        ) from None
    except RecursionError:
        raise UserError(
            _("YAML too big: the document nests too deeply"), Location(display_path(path)), _(LIMIT_HINT)
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "syntax error").strip()
        duplicate = _DUPLICATE.match(problem)
        if duplicate:  # ruamel's words repeat both values, a password among them perhaps
            raise UserError(
                _("the key '{key}' appears twice in the same part of the file").format(key=duplicate[1]),
                Location(display_path(path), line, column),
                _("keep one of them, with everything under both"),
            ) from None
        raise UserError(
            _("malformed YAML: {problem}").format(problem=problem),
            Location(display_path(path), line, column),
            _("check the indentation and quote values that contain ': ' or start with a symbol"),
        ) from None
    except YAMLError as exc:
        raise UserError(_("malformed YAML: {exc}").format(exc=exc), Location(display_path(path))) from None
    except ValueError as exc:  # e.g. an unquoted date that does not exist: 2020-13-45
        if "digits" in str(exc):  # Python refuses to read a number of more than 4,300 digits
            line = _long_number_line(text)
            raise UserError(
                _("YAML too big: a number has more than {int_digits:,} digits").format(int_digits=INT_DIGITS),
                Location(display_path(path), line + line_offset if line else None),
                _("put it in quotes if it is meant as text"),
            ) from None
        line = _impossible_date_line(text)
        raise UserError(
            _("malformed YAML: {exc}").format(exc=exc),
            Location(display_path(path), line + line_offset if line else None),
            _("write dates as YYYY-MM-DD with a real month and day"),
        ) from None


def _long_number_line(text: str) -> int | None:
    long_number = re.compile(rf"\d{{{INT_DIGITS + 1}}}")
    for number, line in enumerate(text.splitlines(), start=1):
        if long_number.search(line):
            return number
    return None


_ISO_DATE = re.compile(r"(?<![\w'\"])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w'\"])")


def _impossible_date_line(text: str) -> int | None:
    """The first line holding a YYYY-MM-DD that is not a real date (YAML's own error has no line)."""
    for number, line in enumerate(text.splitlines(), start=1):
        for m in _ISO_DATE.finditer(line.split("#", 1)[0]):
            try:
                dt.date(*(int(g) for g in m.groups()))
            except ValueError:
                return number
    return None


def load_yaml_file(path: Path) -> Any:
    """Read a UTF-8 YAML file (a BOM is accepted); encoding problems are UserErrors."""
    return load_yaml_text(read_text(path), path)


def dump_yaml(data: Any) -> str:
    """YAML text of a loaded document, with its order, comments and quoting, and every line
    as long as it was (never re-wrapped), so unedited lines come back identical."""
    from campaign_app.core.common.yaml_parser import round_trip_yaml

    buf = io.StringIO()
    round_trip_yaml().dump(data, buf)
    return buf.getvalue()


def write_yaml_file(path: Path, data: Any) -> None:
    """Write YAML back atomically, keeping the order and comments it was loaded with."""
    atomic_write_bytes(path, dump_yaml(data).encode("utf-8"))


def put_in_order(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``key`` in a loaded mapping. An existing key keeps its place; a new one goes
    right after the keys that come before it in ``order`` (at the end if it is not in
    ``order``), so an edited file reads as if written by hand in the usual order."""
    if key in mapping:
        mapping[key] = value
        return
    before = set(order[: order.index(key)]) if key in order else set(mapping)
    position = 0
    for i, existing in enumerate(mapping):
        if existing in before:
            position = i + 1
    if position >= len(mapping):
        mapping[key] = value
    else:
        mapping.insert(position, key, value)


def key_line(node: Any, key: Any) -> int | None:
    """1-based line of ``key`` in a loaded mapping, or of item ``key`` in a loaded sequence."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    try:
        if isinstance(node, CommentedMap):
            return int(node.lc.key(key)[0]) + 1
        if isinstance(node, CommentedSeq):
            return int(node.lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return None


def node_line(node: Any) -> int | None:
    """1-based line where a loaded mapping or sequence starts."""
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None
    return int(lc.line) + 1


class YamlPlace:
    """A path into a loaded YAML document that knows its file line, for error messages.

    ``offset`` is added to every line ruamel reports, for YAML that does not start on the
    file's first line (a template's front matter starts on line 2).
    """

    def __init__(self, path: Path, node: Any, line: int | None = None, offset: int = 0):
        self.path = path
        self.node = node
        self.offset = offset
        own = node_line(node)
        self.line = line if line is not None else (own + offset if own is not None else None)

    def at(self, key: Any) -> Location:
        """Location of ``key`` (a mapping key or a list index) inside this node."""
        line = key_line(self.node, key)
        return Location(display_path(self.path), line + self.offset if line is not None else self.line)

    def here(self) -> Location:
        """Location of this node itself (for a key that is missing from it)."""
        return Location(display_path(self.path), self.line)

    def child(self, key: Any) -> YamlPlace:
        """The place of the value under ``key``, at its own line."""
        value = self.node[key]
        own = node_line(value)
        line = own + self.offset if own is not None else self.at(key).line
        return YamlPlace(self.path, value, line, self.offset)


def unknown_keys(place: YamlPlace, known: Sequence[str], what: str, problems: ProblemCollector) -> None:
    """Each key of ``place`` that is not ``known`` (nor a password, refused on its own)."""
    if not isinstance(place.node, Mapping):
        return
    for key in place.node:
        text = str(key)
        if text in known or text.lower() in ("password", "passwd") or text.startswith("x-"):
            continue
        hint = did_you_mean(text.replace("-", "_").lower(), known) or _("{what} may have {keys}").format(
            what=what, keys=", ".join(known)
        )
        problems.add(
            _("unknown key '{key}' in {what}").format(key=text, what=what),
            place.at(key),
            _("{hint} (a note of your own: start it with 'x-')").format(hint=hint),
        )
