"""The PDF letter's page layout, colours and paragraph styles.

Styles are built once per process (fonts must be registered first), because batch runs
produce hundreds of letters.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from campaign_app.core.common.fonts import register_pdf_fonts

LEFT_MARGIN = RIGHT_MARGIN = 25 * mm
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 22 * mm
FOOTER_Y = 12 * mm

QUOTE_INDENT = 10 * mm
LIST_INDENT = 7 * mm
SIGNATURE_SPACE = 16 * mm

TEXT_COLOR = colors.black
MUTED_COLOR = colors.HexColor("#555555")
RULE_COLOR = colors.HexColor("#888888")
LINK_COLOR = "#1f3f77"

BULLETS = ("\u2022", "\u2013", "\u25e6")  # • – ◦ by nesting depth, all in PT Serif


@functools.cache
def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, built once per process (fonts must be registered first)."""
    family = register_pdf_fonts()
    base = ParagraphStyle(
        "base",
        fontName=family,
        fontSize=10.5,
        leading=14.5,
        textColor=TEXT_COLOR,
        bulletFontName=family,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def style(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    body = style("body", alignment=TA_JUSTIFY, spaceAfter=7)
    return {
        "organisation": style("organisation", fontSize=14, leading=17, spaceAfter=2),
        "letterhead": style("letterhead", fontSize=8.5, leading=10.5, textColor=MUTED_COLOR),
        "place_and_date": style("place_and_date", alignment=TA_RIGHT, spaceAfter=10),
        "address": style("address", alignment=TA_LEFT, spaceAfter=16),
        "subject": style("subject", alignment=TA_LEFT, spaceAfter=12),
        "salutation": style("salutation", alignment=TA_LEFT, spaceAfter=8),
        "body": body,
        "list": style("list", parent=body, spaceAfter=3),
        "h1": style("h1", fontSize=13, leading=16, spaceBefore=8, spaceAfter=5, keepWithNext=1),
        "h2": style("h2", fontSize=11.5, leading=15, spaceBefore=7, spaceAfter=4, keepWithNext=1),
        "h3": style("h3", fontSize=10.5, leading=14.5, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "closing": style("closing", alignment=TA_LEFT, spaceBefore=6, spaceAfter=0),
        "signatory": style("signatory", alignment=TA_LEFT, leading=13),
        "role": style("role", alignment=TA_LEFT, fontSize=9, leading=11.5, textColor=MUTED_COLOR),
        "footnotes_heading": style(
            "footnotes_heading",
            fontSize=10,
            leading=13,
            spaceBefore=0,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "footnote": style(
            "footnote",
            fontSize=8.5,
            leading=11,
            leftIndent=6 * mm,
            bulletIndent=0,
            bulletFontSize=8.5,
            spaceAfter=3,
        ),
        "footer": style("footer", fontSize=8, textColor=MUTED_COLOR),
    }


@functools.cache
def indented(name: str, indent: float) -> ParagraphStyle:
    """``name``'s style indented by ``indent`` points on both sides (for quotations)."""
    parent = paragraph_styles()[name]
    if not indent:
        return parent
    return ParagraphStyle(
        f"{name}+{indent:g}",
        parent=parent,
        leftIndent=parent.leftIndent + indent,
        rightIndent=parent.rightIndent + indent,
    )
