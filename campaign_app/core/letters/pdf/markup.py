"""Letter text as reportlab's paragraph mini-markup.

Every piece of text from the letter is escaped before it reaches reportlab's paragraph
mini-markup, so names and quotes containing ``&``, ``<`` or ``>`` print literally and can
never inject markup. The words PT Serif cannot set (Greek, …) are wrapped in the
letter's fallback family (see :mod:`campaign_app.core.common.glyphs`); bold and italic
around them still apply, through that family's four faces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from campaign_app.core.common.glyphs import segments
from campaign_app.core.letters.inline_markup import InlineDialect, printable
from campaign_app.core.letters.pdf.styles import LINK_COLOR


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """Escape a value for a double-quoted markup attribute."""
    return _escape(printable(value)).replace('"', "&quot;")


def anchor(number: int) -> str:
    """The name of source ``number``'s destination, where its references link to."""
    return f"fn{number}"


def link(url: str, inner: str) -> str:
    """``inner`` markup as a clickable link to ``url``."""
    return f'<a href="{attr(url)}" color="{LINK_COLOR}">{inner}</a>'


def _reference(number: int, listed: bool) -> str:
    mark = f"<super>{number}</super>"
    return f'<a href="#{anchor(number)}">{mark}</a>' if listed else mark


_FACE_KEYS = {
    (False, False): "regular",
    (True, False): "bold",
    (False, True): "italic",
    (True, True): "bold_italic",
}


@dataclass(frozen=True)
class Markup:
    """Text to markup for one letter; ``fallback`` maps each style (see FACES) to the
    reportlab name of its fallback face (empty when PT Serif has every character)."""

    fallback: Mapping[str, str] = field(default_factory=dict)

    def inlines(self, bold: bool = False) -> InlineDialect:
        """The dialect for a paragraph's runs; ``bold``: the whole paragraph is (a heading)."""
        return InlineDialect(
            escape=self.esc,
            link=link,
            reference=_reference,
            reference_separator="<super>,</super>",
            line_break="<br/>",
            styled_escape=lambda text, b, i: self.esc(text, bold=bold or b, italic=i),
        )

    def esc(self, text: str, *, bold: bool = False, italic: bool = False) -> str:
        """Escape text for reportlab's paragraph markup, so it always prints literally.

        The fallback's words name their face outright: reportlab's ``<font>`` tag resets
        the bold and italic of the ``<b>`` and ``<i>`` around it.
        """
        text = printable(text)
        if not self.fallback:
            return _escape(text)
        face = self.fallback[_FACE_KEYS[bold, italic]]
        return "".join(
            f'<font name="{face}">{_escape(stretch)}</font>' if fallback else _escape(stretch)
            for stretch, fallback in segments(text)
        )

    def lines(self, lines: tuple[str, ...] | list[str]) -> str:
        """Lines (an address, the letterhead) as one paragraph with line breaks."""
        return "<br/>".join(self.esc(line) for line in lines)
