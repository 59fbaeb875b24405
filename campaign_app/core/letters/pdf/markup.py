"""Letter text as reportlab's paragraph mini-markup.

Every piece of text from the letter is escaped before it reaches reportlab's paragraph
mini-markup, so names and quotes containing ``&``, ``<`` or ``>`` print literally and can
never inject markup.
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters other than tab and newline confuse reportlab's parser and have no
# glyph; they can only come from pasted text, so they are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """The text in NFC without control characters."""
    # NFC: a "č" typed as c + combining caron becomes the single precomposed letter, which
    # the font has as one glyph (reportlab does no mark positioning).
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def esc(text: str) -> str:
    """Escape text for reportlab's paragraph markup, so it always prints literally."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """Escape a value for a double-quoted markup attribute."""
    return esc(value).replace('"', "&quot;")


def lines_markup(lines: tuple[str, ...] | list[str]) -> str:
    """Lines (an address, the letterhead) as one paragraph with line breaks."""
    return "<br/>".join(esc(line) for line in lines)


def anchor(number: int) -> str:
    """The name of source ``number``'s destination, where its references link to."""
    return f"fn{number}"
