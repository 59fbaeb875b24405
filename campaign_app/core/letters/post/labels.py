"""Sheets of address labels, for envelopes without a window.

Avery L7163 (and its many equivalents): A4, 14 labels of 99.1×38.1 mm in two columns and
seven rows, 4.65 mm from the sheet's left edge and 15.15 mm from its top, the columns
2.5 mm apart and the rows touching. Each label holds the sender's return line in small
type and the recipient's address under it, inset so that a sheet fed a little askew still
prints inside the label.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.letters.post.address import Box, Mailing, draw_lines, draw_return_line, fit_lines

LABEL_SHEETS = ("L7163",)
LABEL_WIDTH, LABEL_HEIGHT = 99.1 * mm, 38.1 * mm
COLUMNS, ROWS = 2, 7
LEFT, TOP = 4.65 * mm, 15.15 * mm
COLUMN_PITCH = LABEL_WIDTH + 2.5 * mm
PADDING_X, PADDING_Y = 6 * mm, 3.5 * mm


def label_box(index: int) -> Box:
    """The ``index``-th label of a sheet (0..13), across then down, in points from the sheet's
    lower-left corner."""
    row, column = divmod(index, COLUMNS)
    x = LEFT + column * COLUMN_PITCH
    y = A4[1] - TOP - (row + 1) * LABEL_HEIGHT
    return Box(x, y, LABEL_WIDTH, LABEL_HEIGHT)


def label_sheets(mailings: Sequence[Mailing], sheet: str = "L7163") -> bytes:
    """A PDF of A4 label sheets, one label per mailing in order, across then down."""
    per_sheet = COLUMNS * ROWS
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=register_pdf_fonts())
    canvas.setTitle(f"Address labels {sheet}")
    for number, mailing in enumerate(mailings):
        if number and number % per_sheet == 0:
            canvas.showPage()
        draw_label(canvas, mailing, label_box(number % per_sheet))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_label(canvas: Canvas, mailing: Mailing, label: Box) -> None:
    inner = Box(
        label.x + PADDING_X, label.y + PADDING_Y, label.width - 2 * PADDING_X, label.height - 2 * PADDING_Y
    )
    top = draw_return_line(canvas, mailing.return_line, inner)
    area = Box(inner.x, inner.y, inner.width, top - 1.5 * mm - inner.y)
    size, lines = fit_lines(mailing.address, area, 10, 6.5, mailing.recipient_id)
    draw_lines(canvas, lines, size, area.x, area.top)
