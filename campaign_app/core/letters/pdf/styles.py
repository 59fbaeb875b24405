"""The PDF letter's page layout, colours and paragraph styles.

Styles are built once per process (fonts must be registered first), because batch runs
produce hundreds of letters.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
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
# reportlab's frames set their text this far (points) inside their edges: the frame's sides
# stand this far outside the margins (pdf/writer.py), so the text starts at the margin.
FRAME_PADDING = 6


@dataclass(frozen=True)
class PageLayout:
    """The margins (and the space left to sign) of one layout."""

    left: float = LEFT_MARGIN
    right: float = RIGHT_MARGIN
    top: float = TOP_MARGIN
    bottom: float = BOTTOM_MARGIN
    signature_space: float = 16 * mm


# "compact" (a template's ``layout: compact``): for letters meant to fit on one page.
PAGE_LAYOUTS = {
    "standard": PageLayout(),
    "compact": PageLayout(left=20 * mm, right=20 * mm, top=14 * mm, bottom=18 * mm, signature_space=11 * mm),
}

QUOTE_INDENT = 10 * mm
LIST_INDENT = 7 * mm

TEXT_COLOR = colors.black
MUTED_COLOR = colors.HexColor("#555555")
RULE_COLOR = colors.HexColor("#888888")
LINK_COLOR = "#1f3f77"

BULLETS = ("\u2022", "\u2013", "\u25e6")  # • – ◦ by nesting depth, all in PT Serif


@functools.cache
def paragraph_styles(compact: bool = False) -> dict[str, ParagraphStyle]:
    """The paragraph styles, built once per process (fonts must be registered first);
    ``compact``: a smaller size, leading and spacing, for letters meant to fit on one page."""
    family = register_pdf_fonts()
    base = ParagraphStyle(
        "base",
        fontName=family,
        fontSize=10 if compact else 10.5,
        leading=12.8 if compact else 14.5,
        textColor=TEXT_COLOR,
        bulletFontName=family,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def style(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    body = style("body", alignment=TA_JUSTIFY, spaceAfter=5 if compact else 7)
    styles = {
        "organisation": style("organisation", fontSize=14, leading=17, spaceAfter=2),
        "letterhead": style("letterhead", fontSize=8.5, leading=10.5, textColor=MUTED_COLOR),
        "place_and_date": style("place_and_date", alignment=TA_RIGHT, spaceAfter=10),
        "address": style("address", alignment=TA_LEFT, spaceAfter=16),
        "subject": style("subject", alignment=TA_LEFT, spaceAfter=12),
        "salutation": style("salutation", alignment=TA_LEFT, spaceAfter=8),
        "body": body,
        "list": style("list", parent=body, spaceAfter=3),
        # Headings keep with what follows by letters/page_breaks.py (pdf/keep.KeepWithNext), not
        # by reportlab's keepWithNext, which would move a heading and a whole long list at once.
        "h1": style("h1", fontSize=13, leading=16, spaceBefore=8, spaceAfter=5),
        "h2": style("h2", fontSize=11.5, leading=15, spaceBefore=7, spaceAfter=4),
        "h3": style("h3", fontSize=10.5, leading=14.5, spaceBefore=6, spaceAfter=3),
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
    if compact:  # tighter space around the address, subject, salutation and sources
        for name, after in (("place_and_date", 6), ("address", 10), ("subject", 8), ("salutation", 6)):
            styles[name] = style(f"{name}-compact", parent=styles[name], spaceAfter=after)
        styles["footnote"] = style(
            "footnote-compact", parent=styles["footnote"], fontSize=8, leading=10, spaceAfter=1.5
        )
    return styles


@functools.cache
def address_style(size: float, leading: float, compact: bool = False) -> ParagraphStyle:
    """The address's style in its field: the size and leading that fit it there (see
    letters/address_field.py), built once per process for each."""
    parent = paragraph_styles(compact)["address"]
    return ParagraphStyle(
        f"address-{size:g}-{leading:g}{'-compact' if compact else ''}",
        parent=parent,
        fontSize=size,
        leading=leading,
        spaceAfter=0,
    )


@functools.cache
def indented(name: str, indent: float, compact: bool = False) -> ParagraphStyle:
    """``name``'s style indented by ``indent`` points on both sides (for quotations)."""
    parent = paragraph_styles(compact)[name]
    if not indent:
        return parent
    return ParagraphStyle(
        f"{name}+{indent:g}{'-compact' if compact else ''}",
        parent=parent,
        leftIndent=parent.leftIndent + indent,
        rightIndent=parent.rightIndent + indent,
    )
