"""Control characters in a recipient's values: refused wherever an entry is read.

A name holding "\x1b[8m" hid the real address after a made-up one in ``send --dry-run``,
put the escape codes into the e-mail's To: header and printed them in the letters; a name
holding a line break (a CSV quote left open, rows read into one cell) greeted "Dear Anna
Test x2,mep,…". So a value may hold no control character (core/common/controls.py), and a
field of one line (a name, an e-mail, an id, a position) no tab or line break either; the
fields of several lines (:data:`MULTILINE_FIELDS`) keep their tabs and line breaks.

Each problem names its field and says which character it is and where in the value, since
the character itself does not show. The directory loader, the importer and the window's
editor all ask :func:`character_problems` (through ``parse_recipient``); their fast paths
ask :func:`value_ok`, :func:`record_ok`, :func:`texts_ok` and :func:`refused_rows`, which
look at many values joined at once (almost none holds such a character) and send whatever
they refuse to ``parse_recipient`` for its words (tests/core/directory/test_control_characters.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from campaign_app.core.common.controls import CONTROL, CONTROL_IN_LINES, SEPARATORS, hidden_character
from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _

MULTILINE_FIELDS = ("postal_address", "addressee", "notes", "personal_note")
_MULTILINE = frozenset(MULTILINE_FIELDS)
# In a field of one line: every control character, tab and line ends among them, and the
# line and paragraph separators U+2028 and U+2029.
NOT_IN_A_LINE = CONTROL
# In a field of several lines: the same but tab and the line ends \n and \r (a separator
# is refused there too: the letters do not all break the line at it, controls.py).
NOT_IN_LINES = CONTROL_IN_LINES
_LINE_ENDS_AND_TAB = frozenset("\t\n\r")
_BREAKS_A_LINE = _LINE_ENDS_AND_TAB | SEPARATORS


def pattern(name: str) -> re.Pattern[str]:
    """What the field ``name`` may not hold."""
    return NOT_IN_LINES if name in _MULTILINE else NOT_IN_A_LINE


def value_ok(name: str, text: str) -> bool:
    """Whether the field ``name`` may hold ``text`` (as far as its characters go)."""
    return not pattern(name).search(text)


def record_ok(record: Mapping[str, str]) -> bool:
    """Whether no value of a record of texts (stripped or not) holds a character its field
    may not: one search of the values joined, as nearly every record passes it (a postal
    address's line breaks send its record to a look at each field)."""
    if not NOT_IN_A_LINE.search("".join(record.values())):
        return True
    return all(value_ok(name, text.strip()) for name, text in record.items())


# The control characters an ASCII text may hold (C0 and DEL), as bytes to delete: an ASCII
# text's bytes lose none of them in a third of the time a search of the text takes.
_ASCII_IN_A_LINE = bytes((*range(0x20), 0x7F))
_ASCII_IN_LINES = bytes(c for c in _ASCII_IN_A_LINE if chr(c) not in _LINE_ENDS_AND_TAB)


def refused_rows(name: str, column: Sequence[Any]) -> list[int]:
    """The rows of a column of the field ``name`` (texts, or None and other empties for
    none) whose text the field may not hold. The column joined is looked at first, as
    nearly always it holds none."""
    try:
        joined = "".join(column)  # texts only
    except TypeError:  # an import's column: None for no value
        joined = "".join(filter(None, column))
    if texts_ok(name, joined):
        return []
    search = pattern(name).search
    return [i for i, text in enumerate(column) if text and search(text)]


def texts_ok(name: str, joined: str) -> bool:
    """:func:`value_ok` of a column's texts joined (or of one text): the ASCII text of
    nearly every column of ids, codes, addresses and offices is looked at in C, at about
    half a nanosecond a byte, five times the pace of a search."""
    if joined.isascii():
        data = joined.encode("ascii")
        controls = _ASCII_IN_LINES if name in _MULTILINE else _ASCII_IN_A_LINE
        return len(data.translate(None, controls)) == len(data)
    return not pattern(name).search(joined)


def character_problems(values: Mapping[str, Any], locate: Callable[[str], Location]) -> list[UserError]:
    """A problem for each field of ``values`` (texts stripped, maps by language, lists of
    tags) holding a character it may not, in the order of the fields."""
    texts = [v for v in values.values() if type(v) is str]
    several = any(v and isinstance(v, Mapping | tuple | list) for v in values.values())
    if not several and not NOT_IN_A_LINE.search("".join(texts)):
        return []  # the usual record: one search (and no tags, no map by language)
    problems = []
    for name, value in values.items():
        search = pattern(name).search
        for label, text in _texts(name, value):
            found = search(text)
            if found is not None:
                problems.append(_problem(name, label, found, locate(name)))
                break  # one problem a field: removing that character shows whether there are more
    return problems


def _texts(name: str, value: Any) -> Iterable[tuple[str, str]]:
    """The texts of one field's value, each with the name it is shown under."""
    if type(value) is str:
        return ((name, value),)
    if isinstance(value, Mapping):  # by language: "position (uk)"
        return ((f"{name} ({language})", text) for language, text in value.items() if type(text) is str)
    if isinstance(value, tuple | list):  # tags
        return ((name, text) for text in value if type(text) is str)
    return ()


def _problem(name: str, label: str, found: re.Match[str], where: Location) -> UserError:
    """What is wrong with the field ``name`` (shown as ``label``) holding ``found``: a line
    break, tab or line separator in a field of one line, or a character no field may hold."""
    if name in _MULTILINE or found.group() not in _BREAKS_A_LINE:
        return hidden_character(label, found, where)
    code, position = f"U+{ord(found.group()):04X}", found.start() + 1
    return UserError(
        _("{field} must be one line, but holds a line break or tab ({code}, character {position})").format(
            field=label, code=code, position=position
        ),
        where,
        _("remove the character: only {fields} may hold several lines").format(
            fields=", ".join(MULTILINE_FIELDS)
        ),
    )
