"""The letterhead's logo and the signatures' images, placed as a printed letterhead has them.

The logo sits at the top right, beside the organisation's name and address, at most
20 mm high (and 60 mm wide), its aspect kept: the size of a logo on a printed letterhead,
large enough to be known and small enough to leave the page to the letter. A signature
is set in the room left for signing above the signatory's name, about 15 mm high, as a
pen signature would be.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.common.images import Picture

LOGO_HEIGHT, LOGO_WIDTH = 20 * mm, 60 * mm
SIGNATURE_HEIGHT = 15 * mm


def picture_flowable(picture: Picture, height: float, max_width: float, align: str) -> Image:
    width, height = picture.size_for_height(height, max_width)
    image = Image(io.BytesIO(picture.data), width=width, height=height)
    image.hAlign = align
    return image


def logo_beside(logo: Picture, text: list[Flowable], width: float) -> Table:
    """The letterhead's text on the left and the logo on the right, tops aligned."""
    image = picture_flowable(logo, LOGO_HEIGHT, LOGO_WIDTH, "RIGHT")
    logo_width = image.drawWidth
    table = Table([[text, image]], colWidths=[width - logo_width - 6 * mm, logo_width + 6 * mm])
    table.setStyle(
        TableStyle(
            [
                # the table's own font would otherwise be Helvetica, not embedded (see story.py)
                ("FONTNAME", (0, 0), (-1, -1), register_pdf_fonts()),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signature_space(signature: Picture | None, max_width: float, blank: float) -> Flowable:
    """The room to sign above a name: the signature image there, or ``blank`` room for a pen
    (the page layout's: less in a compact letter)."""
    if signature is None:
        return Spacer(0, blank)
    return picture_flowable(signature, SIGNATURE_HEIGHT, max_width, "LEFT")
