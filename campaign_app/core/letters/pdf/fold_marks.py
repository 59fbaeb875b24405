"""The short lines on a letter's left edge that show where to fold it and where to punch it.

The address field is where a window envelope's window is once the page is folded in three
at 105 and 210 mm (core/letters/address_field.py): folded elsewhere, the address slides
out of the window. DIN 5008 marks those folds on the page's left edge, and the middle of
the page (148.5 mm) for a hole punch, so that whoever folds 300 letters by hand folds
them where the window expects. Drawn on the first page of an A4 letter only: the
pages are folded together, and a US Letter page is folded otherwise (its window envelope
is a #10's).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.letters.address_field import FOLD_MARKS, MARK_LEFT
from campaign_app.core.letters.pdf.styles import RULE_COLOR


def draw_fold_marks(canvas: Canvas) -> None:
    """The two fold marks and the punch mark, on the current page."""
    _width, height = canvas._pagesize
    canvas.saveState()
    canvas.setStrokeColor(RULE_COLOR)
    canvas.setLineWidth(0.5)
    for top, length in FOLD_MARKS:
        y = height - top * mm
        canvas.line(MARK_LEFT * mm, y, (MARK_LEFT + length) * mm, y)
    canvas.restoreState()
