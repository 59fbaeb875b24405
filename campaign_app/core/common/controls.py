"""Characters that act instead of showing: one list, for what is refused and what is masked.

A recipient's name pasted from a web page or a spreadsheet a stranger sent may carry a
terminal's escape codes ("\x1b[8m" hides the text after it: the volunteer sees a made-up
address and not the real one), a backspace or carriage return that overwrites what was
shown, a bidirectional override (U+202E) that shows the letters after it reversed, or a
line separator (U+2028) that each program reads its own way: the window's table breaks
the line there and cuts off the rest of the name, a letter's paragraph and an e-mail's
To: line show a space, the address block starts a new line.
The directory, the case file and a translation brought into it refuse them
(core/directory/characters.py, core/case/load.py, core/case/translation.py) and the
command line shows any that reach it as "�" (cli/columns.py): all from this one list, so
they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _

# C0 (tab and the line ends among them), DEL, C1, the line and paragraph separators
# (U+2028, U+2029), and the bidirectional embeddings, overrides (U+202A-U+202E) and
# isolates (U+2066-U+2069): the "Trojan Source" characters, which show a text in an order
# other than the one it is in. The marks U+200E, U+200F and U+061C are left alone: a name
# in Arabic or Hebrew script may need them, and they reorder no letters. So are the
# zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and the soft hyphen: Persian and
# the Indic scripts write words with ZWNJ and ZWJ, and none of them changes what the
# letters around it show (an e-mail address refuses them all: validation.normalized_email).
CONTROL_CODES = (*range(0x20), *range(0x7F, 0xA0), *range(0x2028, 0x202F), *range(0x2066, 0x206A))
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
# What a text of several lines may not hold: the same but tab and the line ends \n and \r.
CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
SEPARATORS = frozenset("\u2028\u2029")


def hidden_character(label: str, found: re.Match[str], where: Location | None) -> UserError:
    """The problem of the text ``label`` names holding ``found`` (a match of
    :data:`CONTROL_IN_LINES`): which character it is and where, since it does not show."""
    code, position = f"U+{ord(found.group()):04X}", found.start() + 1
    if found.group() in SEPARATORS:
        return UserError(
            _("{field} holds a Unicode line separator ({code}, character {position})").format(
                field=label, code=code, position=position
            ),
            where,
            _("replace it with an ordinary line break: not every letter or e-mail breaks the line there"),
        )
    return UserError(
        _("{field} holds an invisible control character ({code}, character {position})").format(
            field=label, code=code, position=position
        ),
        where,
        _("remove the character: a terminal or a mail program would obey it instead of showing it"),
    )


def hidden_characters(texts: Iterable[tuple[str, str, Location | None]]) -> list[UserError]:
    """:func:`hidden_character` of each (label, text, where) whose text holds a character of
    :data:`CONTROL_IN_LINES`: the case file's texts, which may all hold several lines."""
    return [
        hidden_character(label, found, where)
        for label, text, where in texts
        if (found := CONTROL_IN_LINES.search(text)) is not None
    ]
