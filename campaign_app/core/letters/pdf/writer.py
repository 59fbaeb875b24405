"""Typeset a :class:`~campaign_app.core.letters.document.Letter` as a PDF with reportlab.

The letter's flowables are built by :mod:`~campaign_app.core.letters.pdf.story` from
text escaped by :mod:`~campaign_app.core.letters.pdf.markup`, in the styles and page
layout of :mod:`~campaign_app.core.letters.pdf.styles`; page numbers are stamped by
:mod:`~campaign_app.core.letters.pdf.page_numbers`. All text is set in PT Serif (see
:mod:`campaign_app.core.common.fonts`), embedded as a subset, and the words PT Serif cannot
set in Noto Serif; a character neither has is an error, never an empty box. Nothing falls
back to the non-embedded PDF standard fonts.

This module does not import Qt: it runs in worker processes and on the command line.
Fonts are registered and paragraph styles built once per process, because batch runs
produce hundreds of letters.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.glyphs import check_glyphs, fallback_chars
from campaign_app.core.letters.pdf.example_mark import draw_example_mark
from campaign_app.core.letters.pdf.fallback_fonts import register_fallback
from campaign_app.core.letters.pdf.fold_marks import draw_fold_marks
from campaign_app.core.letters.pdf.markup import Markup
from campaign_app.core.letters.pdf.page_numbers import NumberedCanvas
from campaign_app.core.letters.pdf.story import Story
from campaign_app.core.letters.pdf.styles import FRAME_PADDING, PAGE_LAYOUTS, paragraph_styles
from campaign_app.core.letters.writing import WRITE_LOCK

__all__ = ["letterhead_overrun", "pdf_bytes", "typeset", "write_pdf"]

CREATOR = "campaign_app"

_PAGE_SIZES = {"A4": A4, "Letter": LETTER}


def write_pdf(letter: Letter, target: Path) -> None:
    """Typeset ``letter`` and write it to ``target`` atomically (whole file or nothing)."""
    data = pdf_bytes(letter)
    atomic_write_bytes(Path(target), data)


def pdf_bytes(letter: Letter) -> bytes:
    """Typeset ``letter`` and return the PDF file's bytes (from any thread)."""
    return typeset(letter)[0]


def typeset(letter: Letter) -> tuple[bytes, int]:
    """Typeset ``letter``: the PDF file's bytes and its number of pages (from any thread)."""
    check_glyphs(letter)  # an error, never an empty box
    with WRITE_LOCK:  # reportlab is not thread-safe (see letters/writing.py)
        return _typeset(letter)


def letterhead_overrun(letter: Letter) -> float:
    """How far (mm) the letter's letterhead reaches below the top of the address field, which
    moves down by as much (0: it fits above the field; see letters/address_field.py)."""
    check_glyphs(letter)
    with WRITE_LOCK:
        register_pdf_fonts()
        page = PAGE_LAYOUTS[letter.layout]
        width = _PAGE_SIZES.get(letter.paper, A4)[0] - page.left - page.right  # the text's
        styles = paragraph_styles(letter.layout == "compact")
        head = Story(letter, styles, width + 2 * FRAME_PADDING, _markup(letter)).first_page_head()
        head.wrap(width, 1e6)
        return head.overrun / mm


def _markup(letter: Letter) -> Markup:
    extra = fallback_chars(letter)
    return Markup(register_fallback(extra) if extra else {})


def _typeset(letter: Letter) -> tuple[bytes, int]:
    family = register_pdf_fonts()
    styles = paragraph_styles(letter.layout == "compact")
    page = PAGE_LAYOUTS[letter.layout]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=_PAGE_SIZES.get(letter.paper, A4),
        # The frame's padding outside the margins: the text starts at the margin, 25 mm from
        # the edge, under the address (DIN 5008) and where the DOCX starts it.
        leftMargin=page.left - FRAME_PADDING,
        rightMargin=page.right - FRAME_PADDING,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=letter.title or letter.subject or letter.letterhead.organisation,
        author=letter.author or letter.letterhead.organisation,
        subject=letter.subject,
        keywords=", ".join(k for k in letter.keywords if k),
        creator=CREATOR,
        lang=letter.language or None,
        displayDocTitle=True,
        # The canvas preamble selects a font on every page; without this it is Helvetica,
        # which would appear in the page resources as a non-embedded font.
        initialFontName=family,
        initialFontSize=10,
        invariant=True,  # the same letter, the same bytes (see page_numbers.day_stamp)
    )
    story = Story(letter, styles, doc.width, _markup(letter)).build()

    def on_page(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        if letter.example:
            draw_example_mark(canvas, family, letter.example_mark, letter.example_caption)

    def on_first_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        on_page(canvas, doc)
        if letter.paper == "A4":  # where to fold it for the window envelope (fold_marks.py)
            draw_fold_marks(canvas)

    doc.build(story, onFirstPage=on_first_page, onLaterPages=on_page, canvasmaker=NumberedCanvas)
    return buffer.getvalue(), doc.page
