"""Values written the way the case file writes them, and its blank lines kept in place.

The case file is written by hand as much as by the desktop app, and a ``git diff`` of it
should show exactly what the user edited. So a changed text keeps the quoting or folding
it had, a new long text is folded like the example case's texts, a date goes in as the
YAML value a hand-written file would hold, and the blank line or comment after a list
stays after it when an item is added or deleted at its end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
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

FOLD_WIDTH = 88  # where a new long text is folded, as the example case is


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
    value: FoldedScalarString = FoldedScalarString(text)
    value.fold_pos = _greedy_folds(text, width)  # type: ignore[attr-defined]  # a slot, untyped in ruamel
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


def flow_list(items: Iterable[str]) -> CommentedSeq:
    """A list written on one line, ``[a, b]``, as the case writes its ``sources:``."""
    seq = CommentedSeq(list(items))
    seq.fa.set_flow_style()
    return seq


# ---- blank lines and comments between sections ---------------------------------------------
# ruamel attaches the blank line (and any comment) that follows a list to the last value
# inside its last item. Appending or deleting that item would move the blank line into the
# middle of the list or drop it; these functions keep it at the end of the list.


def insert_item(seq: CommentedSeq, item: Any, after: Any | None) -> None:
    """Insert ``item`` after ``after`` (found by identity), or at the end of ``seq`` when
    ``after`` is None or not in it."""
    if not len(seq):
        seq.fa.set_block_style()  # `timeline: []` becomes a block list
    index = _index_of(seq, after) + 1 if after is not None else len(seq)
    if index <= 0 or index >= len(seq):
        trailing = _take_trailing(seq[-1]) if len(seq) else ""
        seq.append(item)
        _put_trailing(seq, trailing)
    else:
        seq.insert(index, item)


def remove_item(seq: CommentedSeq, item: Any) -> None:
    """Delete ``item``, found by identity (two items may look alike); ValueError if it is
    not in ``seq``."""
    index = _index_of(seq, item)
    if index < 0:
        raise ValueError("the item is not in this list")
    if index == len(seq) - 1:
        trailing = _take_trailing(seq[index])
        del seq[index]
        _put_trailing(seq, trailing)
    else:
        del seq[index]


def _index_of(seq: Sequence[Any], item: Any) -> int:
    return next((i for i, x in enumerate(seq) if x is item), -1)


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
    """Put what :func:`_take_trailing` took back after the last item of ``seq``."""
    if not text:
        return
    existing = "".join(str(t.value) for t in (seq.ca.end or []))
    if seq.ca.comment is None:
        seq.ca.comment = [None, None]
    seq.ca.end = [CommentToken(text + existing, CommentMark(0))]
