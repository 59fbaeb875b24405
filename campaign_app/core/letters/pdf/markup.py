"""Letter text as reportlab's paragraph mini-markup.

Every piece of text from the letter is escaped before it reaches reportlab's paragraph
mini-markup, so names and quotes containing ``&``, ``<`` or ``>`` print literally and can
never inject markup.
"""

from __future__ import annotations

from campaign_app.core.letters.inline_markup import InlineDialect, printable
from campaign_app.core.letters.pdf.styles import LINK_COLOR


def esc(text: str) -> str:
    """Escape text for reportlab's paragraph markup, so it always prints literally."""
    return printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """Escape a value for a double-quoted markup attribute."""
    return esc(value).replace('"', "&quot;")


def lines_markup(lines: tuple[str, ...] | list[str]) -> str:
    """Lines (an address, the letterhead) as one paragraph with line breaks."""
    return "<br/>".join(esc(line) for line in lines)


def anchor(number: int) -> str:
    """The name of source ``number``'s destination, where its references link to."""
    return f"fn{number}"


def link(url: str, inner: str) -> str:
    """``inner`` markup as a clickable link to ``url``."""
    return f'<a href="{attr(url)}" color="{LINK_COLOR}">{inner}</a>'


def _reference(number: int, listed: bool) -> str:
    mark = f"<super>{number}</super>"
    return f'<a href="#{anchor(number)}">{mark}</a>' if listed else mark


INLINES = InlineDialect(
    escape=esc, link=link, reference=_reference, reference_separator="<super>,</super>", line_break="<br/>"
)
