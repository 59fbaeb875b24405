"""The EXAMPLE mark on every page of a letter from the bundled example's made-up sender.

Such a letter is a demonstration: printed and posted by mistake, or shown to someone,
it must say on every page that it is not a real appeal. A line above the letterhead says
so in words, and a large pale "EXAMPLE" across the page says it at a glance; both in the
letter's language («ЗРАЗОК»), since whoever holds the printed page reads that language.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.letters.document import EXAMPLE_MARK

_RED = colors.HexColor("#b00020")
CAPTION_SIZE = 8.0
MARK_SIZE = 110.0
_CAPTION_MARGIN = 12 * mm  # the caption's least distance from the paper's edges


def draw_example_mark(canvas: Canvas, font_name: str, mark: str, caption: str) -> None:
    """Draw the mark on the current page (under the text, which is drawn after it)."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(_RED)
    canvas.setFont(font_name, _fitted(caption, font_name, CAPTION_SIZE, width - 2 * _CAPTION_MARGIN))
    canvas.drawCentredString(width / 2, height - 9 * mm, caption)
    canvas.setFillAlpha(0.09)
    # No wider than the English word is: "PRZYKŁAD" or "SPÉCIMEN" at full size ran off the paper.
    canvas.setFont(
        font_name, _fitted(mark, font_name, MARK_SIZE, stringWidth(EXAMPLE_MARK, font_name, MARK_SIZE))
    )
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -35, mark)
    canvas.restoreState()


def _fitted(text: str, font_name: str, size: float, room: float) -> float:
    """``size``, or smaller where ``text`` set in it would be wider than ``room``."""
    wide = stringWidth(text, font_name, size)
    return size if wide <= room else size * room / wide
