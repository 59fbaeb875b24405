"""One address set in a fixed box (an envelope's window, a label): as large as fits, never cut.

An address printed in 6-point type, or with its last line (the postcode and city) running
off the label, is a letter that goes back to the sender. So the text starts at a normal
reading size and shrinks, half a point at a time, until every line fits the box's width
and all of them its height; a line too long even at the smallest size wraps; an address
that still does not fit is an error naming the recipient, not a clipped envelope.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.common.i18n import _

LEADING = 1.2  # line height, as a multiple of the type size
RETURN_SIZE = 6.5  # the sender's return line: small, as DIN 5008 sets it


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in points, from its lower-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Mailing:
    """What goes on one envelope or label: who it is for, the address, the return line."""

    recipient_id: str
    address: tuple[str, ...]
    return_line: str


def fit_lines(
    lines: Sequence[str], box: Box, largest: float, smallest: float, who: str
) -> tuple[float, list[str]]:
    """The type size and the (possibly wrapped) lines that fill ``box`` best."""
    font = register_pdf_fonts()
    size = largest
    while size >= smallest:
        wide = max((stringWidth(ln, font, size) for ln in lines), default=0.0)
        if wide <= box.width and len(lines) * size * LEADING <= box.height:
            return size, list(lines)
        size -= 0.5
    wrapped = [part for ln in lines for part in simpleSplit(ln, font, smallest, box.width)]
    if len(wrapped) * smallest * LEADING <= box.height:
        return smallest, wrapped
    raise UserError(
        _("{who}: the postal address ({count} lines) does not fit on an envelope or label").format(
            who=who, count=len(lines)
        ),
        hint=_("shorten the recipient's postal_address in the directory (an address has at most 6-7 lines)"),
    )


def draw_lines(canvas: Canvas, lines: Sequence[str], size: float, left: float, top: float) -> None:
    """Lines of text from ``top`` down (the first baseline one type size below it)."""
    canvas.setFont(register_pdf_fonts(), size)
    y = top - size
    for line in lines:
        canvas.drawString(left, y, line)
        y -= size * LEADING


def draw_return_line(canvas: Canvas, text: str, box: Box) -> float:
    """The sender's return line at the top of ``box``, underlined, shrunk to its width;
    returns where the address may start (below it)."""
    if not text:
        return box.top
    font = register_pdf_fonts()
    size = RETURN_SIZE
    while size > 4.5 and stringWidth(text, font, size) > box.width:
        size -= 0.25
    canvas.setFont(font, size)
    baseline = box.top - size
    canvas.drawString(box.x, baseline, text)
    width = min(stringWidth(text, font, size), box.width)
    canvas.setLineWidth(0.3)
    canvas.line(box.x, baseline - 1.2, box.x + width, baseline - 1.2)
    return baseline - 1.2 - size
