"""The logo and the signatures in the DOCX, where the PDF has them (core/letters/pdf/images.py).

Word places an inline picture in a paragraph: the logo is a right-aligned paragraph beside
the organisation's name (in the letterhead's cell at its right, see docx/first_page.py), at
most 20 mm high and 60 mm wide; a signature is a paragraph of
its own about 15 mm high in the room left for signing, so the name under it follows
without the blank room a pen signature needs.
"""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from campaign_app.core.common.images import Picture
from campaign_app.core.letters.docx.paragraphs import Paragraphs
from campaign_app.core.letters.docx.wordml import add_text, sub

LOGO_MM, LOGO_WIDTH_MM = 20, 60
SIGNATURE_MM, SIGNATURE_WIDTH_MM = 15, 70


def _picture_paragraph(
    document: DocxDocument,
    paragraphs: Paragraphs,
    style_id: str,
    picture: Picture,
    height: float,
    width: float,
) -> Paragraph:
    w_mm, h_mm = picture.size_for_height(height, width)
    paragraph = Paragraph(paragraphs.paragraph(style_id), document._body)
    paragraph.add_run().add_picture(io.BytesIO(picture.data), width=Mm(w_mm), height=Mm(h_mm))
    return paragraph


def logo_width_mm(logo: Picture) -> float:
    """How wide the logo is set (mm): at most LOGO_MM high and LOGO_WIDTH_MM wide."""
    return logo.size_for_height(LOGO_MM, LOGO_WIDTH_MM)[0]


def add_logo(document: DocxDocument, paragraphs: Paragraphs, logo: Picture) -> None:
    paragraph = _picture_paragraph(document, paragraphs, "Letterhead", logo, LOGO_MM, LOGO_WIDTH_MM)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def add_signed_name(document: DocxDocument, paragraphs: Paragraphs, signature: Picture, name: str) -> None:
    """The signature image, then the name right under it (the style's room to sign is the image's)."""
    image = _picture_paragraph(document, paragraphs, "Signature", signature, SIGNATURE_MM, SIGNATURE_WIDTH_MM)
    image.paragraph_format.space_before = Mm(3)
    image.paragraph_format.keep_with_next = True
    p = paragraphs.paragraph("Signature")
    Paragraph(p, document._body).paragraph_format.space_before = Mm(0)
    add_text(sub(p, "r"), name)
