"""Where a letter's first page puts the recipient's address: in a fixed field that the
window of a window envelope shows, whatever stands above it.

The field is DIN 5008's (form B): 85 × 45 mm, 20 mm from the left edge of the page and
45 mm from its top, what the window of a DL envelope (DIN 680: 90 × 45 mm, 20 mm from the
left and 15 mm from the bottom of the 220 × 110 mm envelope) shows of an A4 letter folded
in three at 105 and 210 mm. Its top 5 mm are where DIN 5008 sets the sender's return line
and are left empty: the folded letter moves in its envelope by about as much (5 mm up and
down, 10 mm sideways), and the window's edge would cut a line set there. So the address
is set from 50 to 90 mm from the top and from 25 mm from the left, 75 mm wide: inside the
window however the letter sits. The place and date stand to its right, beyond the window;
the letter's text starts 98.5 mm from the top, below it.

The letterhead stands above the field. One too tall for that room moves the field down
by as much, never over it (``campaign-app check`` says so). Every layout and both papers
put the field here: a letter's ``layout: compact`` makes its text smaller, not its
address harder to post.

Both the PDF and the DOCX writer read these measures (in millimetres) and set the address
in the type size :func:`address_type` finds for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FOLDS = (105.0, 210.0)  # an A4 letter folded in three for a DL envelope: mm from the top
PUNCH = 148.5  # the middle of the page, for a hole punch
# The marks of both on the first page's left edge, as both writers draw them (DIN 5008):
# (mm from the top, length in mm), MARK_LEFT mm from the edge (printers print from ~4 mm in)
FOLD_MARKS = ((FOLDS[0], 5.0), (PUNCH, 8.0), (FOLDS[1], 5.0))
MARK_LEFT = 5.0

FIELD_LEFT = 20.0  # the address field of DIN 5008, form B, from the page's left and top edges
FIELD_TOP = 45.0
FIELD_WIDTH = 85.0
FIELD_HEIGHT = 45.0

ADDRESS_LEFT = FIELD_LEFT + 5  # the address itself: inside the field, and the window
ADDRESS_TOP = FIELD_TOP + 5
ADDRESS_WIDTH = FIELD_WIDTH - 10
ADDRESS_HEIGHT = FIELD_HEIGHT - 5  # down to 90 mm

DATE_LEFT = 110.0  # the place and date: right of the field, where no window reaches
TEXT_TOP = 98.5  # the letter's text (its subject) starts here, below the window

SMALLEST = 8.0  # an address is never set smaller than this (points)
# How far apart each writer sets an address's lines, as a multiple of the type size: the PDF
# solid, the DOCX at PT Serif's single line spacing (Word's own for the font).
PDF_LINE_HEIGHT = 1.2
DOCX_LINE_HEIGHT = 1.325
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class AddressType:
    """The type an address is set in: ``size`` and ``leading`` in points; ``fits``: whether its
    lines (``lines`` of them once wrapped to the field's width) fit the field's height."""

    size: float
    leading: float
    lines: int
    fits: bool


def address_type(lines: Sequence[str], largest: float, line_height: float) -> AddressType:
    """The largest size, from ``largest`` down by half a point to :data:`SMALLEST`, at which
    ``lines`` wrapped to the address's width fit its height, with lines ``line_height``
    times the size apart; :data:`SMALLEST` when none does (the address then runs below
    the field, and the letter's text starts below it). A long line wraps before the type
    shrinks: "Office of the Prosecutor General of Ukraine" on two lines reads better than
    every line in 8-point type."""
    from reportlab.lib.utils import simpleSplit

    from campaign_app.core.common.fonts import register_pdf_fonts

    font = register_pdf_fonts()
    width = ADDRESS_WIDTH * PT_PER_MM
    height = ADDRESS_HEIGHT * PT_PER_MM
    size = largest
    while True:
        wrapped = sum(max(1, len(simpleSplit(line, font, size, width))) for line in lines)
        leading = round(size * line_height, 2)
        if wrapped * leading <= height or size - 0.5 < SMALLEST:
            return AddressType(size, leading, wrapped, wrapped * leading <= height)
        size -= 0.5
