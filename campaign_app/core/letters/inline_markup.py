"""The inline runs of a paragraph as markup: one walk, written in the PDF's or the HTML's dialect.

The PDF writer (reportlab's paragraph mini-markup) and the HTML writer (preview and
e-mail) write the same inline runs in two markup languages. The rules they share live
here, so the two cannot drift apart: text is escaped before it is wrapped, an empty run
writes nothing, italic sits inside bold and both inside the link, two adjacent source
references are separated by a comma ("3,4", never "34"), and a reference links to its
source only where that source is listed at the end of the letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from campaign_app.core.letters.document import FootnoteRef, Inline, LineBreak, Run

# C0/C1 control characters other than tab and newline have no glyph, confuse reportlab's
# parser and are not allowed in HTML text; they can only come from pasted text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """The text in NFC, without control characters other than tab and newline.

    NFC: a "č" typed as c + combining caron becomes the single precomposed letter, which
    the font has as one glyph (reportlab does no mark positioning) and the HTML shows the
    same way.
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class InlineDialect:
    """How one markup language writes each kind of inline."""

    escape: Callable[[str], str]  # plain text -> inert markup
    link: Callable[[str, str], str]  # (URL, markup) -> that markup as a link to the URL
    reference: Callable[[int, bool], str]  # (source number, source listed?) -> the mark
    reference_separator: str  # between two adjacent references
    line_break: str
    # (text, bold, italic) -> inert markup, where the escaped text depends on its style
    # (the PDF's fallback faces); None: ``escape`` for every style.
    styled_escape: Callable[[str, bool, bool], str] | None = None


def inline_markup(inlines: tuple[Inline, ...], dialect: InlineDialect, listed: Collection[int]) -> str:
    """``inlines`` as markup; ``listed`` are the numbers of the sources at the letter's end."""
    parts: list[str] = []
    previous: Inline | None = None
    for item in inlines:
        if isinstance(item, FootnoteRef) and isinstance(previous, FootnoteRef):
            parts.append(dialect.reference_separator)  # "3,4", never "34"
        previous = item
        if isinstance(item, Run):
            if dialect.styled_escape is not None:
                text = dialect.styled_escape(item.text, item.bold, item.italic)
            else:
                text = dialect.escape(item.text)
            if not text:
                continue
            if item.italic:
                text = f"<i>{text}</i>"
            if item.bold:
                text = f"<b>{text}</b>"
            parts.append(dialect.link(item.link, text) if item.link else text)
        elif isinstance(item, FootnoteRef):
            parts.append(dialect.reference(item.number, item.number in listed))
        elif isinstance(item, LineBreak):
            parts.append(dialect.line_break)
    return "".join(parts)
