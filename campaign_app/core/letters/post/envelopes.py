"""Envelopes printed with the recipient's address where a window envelope has its window.

Sizes are ISO 269's, landscape as an envelope goes through a printer's manual feed: DL
220×110 mm (A4 folded in three), C5 229×162 mm (A4 folded once), C4 324×229 mm (A4 flat).
The address goes where DIN 680 puts the window of all three (90×45 mm, 20 mm from the
left edge and 15 mm from the bottom edge): the place a post office's machines read, and
the place a clerk looks. As in DIN 5008's address field, the sender's return line sits in
small type at the top of that area, above the recipient's address.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.letters.post.address import Box, Mailing, draw_lines, draw_return_line, fit_lines

ENVELOPES: dict[str, tuple[float, float]] = {
    "DL": (220 * mm, 110 * mm),
    "C5": (229 * mm, 162 * mm),
    "C4": (324 * mm, 229 * mm),
}
WINDOW = Box(20 * mm, 15 * mm, 90 * mm, 45 * mm)  # DIN 680, the same on DL, C5 and C4
INSET = Box(WINDOW.x + 5 * mm, WINDOW.y + 3 * mm, WINDOW.width - 10 * mm, WINDOW.height - 6 * mm)


def envelope_pages(mailings: Sequence[Mailing], size: str) -> bytes:
    """A PDF with one envelope of ``size`` (a key of :data:`ENVELOPES`) per mailing, in order."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=ENVELOPES[size], initialFontName=register_pdf_fonts())
    canvas.setTitle(f"Envelopes {size}")
    for mailing in mailings:
        draw_envelope(canvas, mailing)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_envelope(canvas: Canvas, mailing: Mailing) -> None:
    top = draw_return_line(canvas, mailing.return_line, INSET)
    area = Box(INSET.x, INSET.y, INSET.width, top - 2 * mm - INSET.y)
    size, lines = fit_lines(mailing.address, area, 11, 7, mailing.recipient_id)
    draw_lines(canvas, lines, size, area.x, area.top)
