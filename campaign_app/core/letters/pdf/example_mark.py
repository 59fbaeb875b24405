"""The EXAMPLE mark on every page of a letter from the bundled example's made-up sender.

Such a letter is a demonstration: printed and posted by mistake, or shown to someone,
it must say on every page that it is not a real appeal. A line above the letterhead says
so in words, and a large pale "EXAMPLE" across the page says it at a glance.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.letters.document import EXAMPLE_CAPTION as CAPTION

MARK = "EXAMPLE"
_RED = colors.HexColor("#b00020")


def draw_example_mark(canvas: Canvas, font_name: str) -> None:
    """Draw the mark on the current page (under the text, which is drawn after it)."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColor(_RED)
    canvas.setFont(font_name, 8)
    canvas.drawCentredString(width / 2, height - 9 * mm, CAPTION)
    canvas.setFillAlpha(0.09)
    canvas.setFont(font_name, 110)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -35, MARK)
    canvas.restoreState()
