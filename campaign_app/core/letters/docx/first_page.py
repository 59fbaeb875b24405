"""The top of a DOCX letter's first page: the letterhead, then the address in its fixed field.

A table without borders, the first thing in the document, holds them: its first row the
letterhead (the logo in a cell at its right), at least as tall as the room from the top
margin to the address field; its second row the address, 5 mm into the field, and the
place and date to its right, at least as tall as the field. Word and LibreOffice both set
a table's rows at the heights it asks, so the address lands where
:mod:`~campaign_app.core.letters.address_field` puts it, 50 mm from the top and 25 mm from
the left of the page, whatever the letterhead, and the subject after the table below the
field. A letterhead taller than its row makes the row taller: the field moves down,
never under the letterhead (``check`` says so). The cells' paragraphs keep their styles
("Letterhead", "Recipient Address", "Date"), so a campaigner edits them as before.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document as DocxDocument

from campaign_app.core.common import reuse
from campaign_app.core.letters import address_field as field
from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.docx.images import add_logo, logo_width_mm
from campaign_app.core.letters.docx.paragraphs import Paragraphs
from campaign_app.core.letters.docx.styles import NORMAL_HALF_POINTS, SUBJECT_SPACE_BEFORE
from campaign_app.core.letters.docx.wordml import add_text, el, sub, w

TWIPS_PER_MM = 1440 / 25.4
LOGO_GAP_MM = 6  # between the letterhead's text and the logo, as in the PDF
HAIRLINE_PT = 1  # the height of the empty paragraph before the table (see _hairline)


def twips(millimetres: float) -> int:
    return round(millimetres * TWIPS_PER_MM)


def add_first_page(document: DocxDocument, paragraphs: Paragraphs, letter: Letter) -> None:
    """The letterhead, the address and the place and date, as the table described above."""
    if not reuse.enabled():
        left, top, text_width = _page(document)
    else:  # the page is set once per paper (docx/writer._paged): read once per paper
        left, top, text_width = _pages.get(letter.paper) or _pages.setdefault(letter.paper, _page(document))
    indent = field.ADDRESS_LEFT - left  # the cells' text starts 25 mm from the page's edge
    head = letter.letterhead
    logo = logo_width_mm(head.logo) + LOGO_GAP_MM if head.logo is not None else 0.0
    gap = field.DATE_LEFT - field.ADDRESS_LEFT - field.ADDRESS_WIDTH
    rest = text_width - indent - field.ADDRESS_WIDTH - gap
    columns = [field.ADDRESS_WIDTH, gap, rest - logo, logo] if logo else [field.ADDRESS_WIDTH, gap, rest]
    # The same for every letter of a batch but for the logo's relationship to its document:
    # made once per process and copied (lxml copies it in C), as letters/docx/parts.py does.
    key = (tuple(columns), indent, top, head.organisation, tuple(head.lines))
    kept = _heads.get(key) if head.logo is None and reuse.enabled() else None
    if kept is not None:
        table = copy.deepcopy(kept)
    else:
        table = _table(columns, indent)
        letterhead_row = _row(table, field.FIELD_TOP - top - HAIRLINE_PT / field.PT_PER_MM)
        with paragraphs.inside(_cell(letterhead_row, columns[:3], 3)):
            paragraphs.text_paragraph("Letterhead", head.organisation)
            for line in head.lines:
                paragraphs.text_paragraph("LetterheadDetails", line)
        if head.logo is not None:
            with paragraphs.inside(_cell(letterhead_row, columns[3:], 1)):
                add_logo(document, paragraphs, head.logo)
        elif reuse.enabled():
            _heads[key] = copy.deepcopy(table)
    paragraphs.sect_pr.addprevious(copy.deepcopy(_HAIRLINE) if reuse.enabled() else _hairline())
    paragraphs.sect_pr.addprevious(table)

    # The subject's space before it ends the field's row where the letter's text starts.
    field_row = _row(table, field.TEXT_TOP - field.FIELD_TOP - SUBJECT_SPACE_BEFORE / TWIPS_PER_MM)
    into_field = field.ADDRESS_TOP - field.FIELD_TOP
    with paragraphs.inside(_cell(field_row, columns[:1], 1, top=into_field)):
        fit = field.address_type(letter.recipient_lines, NORMAL_HALF_POINTS / 2, field.DOCX_LINE_HEIGHT)
        for line in letter.recipient_lines:
            _address_line(paragraphs, line, fit.size)
    _cell(field_row, columns[1:2], 1)
    with paragraphs.inside(_cell(field_row, columns[2:], len(columns) - 2, top=into_field)):
        paragraphs.text_paragraph("Date", letter.place_and_date)
    for cell in table.iter(w("tc")):
        if cell.find(w("p")) is None:
            sub(cell, "p")  # Word wants a paragraph in every cell


def _page(document: DocxDocument) -> tuple[float, float, float]:
    """The page's left and top margins and the text's width (mm), as its section says."""
    section = document.sections[0]
    left = section.left_margin.mm if section.left_margin is not None else field.ADDRESS_LEFT
    top = section.top_margin.mm if section.top_margin is not None else 0.0
    text_width = (section.page_width.mm if section.page_width is not None else 210.0) - left
    text_width -= section.right_margin.mm if section.right_margin is not None else left
    return left, top, text_width


# The page of each paper as _page reads it (python-docx's section lookup and margins: the
# same for every letter on that paper, read once per process).
_pages: dict[str, tuple[float, float, float]] = {}


def _hairline() -> Any:
    """An empty paragraph one point tall before the table. LibreOffice puts an empty line of
    its own before a table that starts a document with footnotes (a letter citing its
    sources), which moved the table 9 mm down; with a paragraph first it adds none."""
    p = el("p")
    properties = sub(p, "pPr")
    sub(properties, "pStyle", val="Normal")
    sub(properties, "spacing", before=0, after=0, line=HAIRLINE_PT * 20, lineRule="exact")
    marks = sub(properties, "rPr")
    sub(marks, "sz", val=HAIRLINE_PT * 2)
    sub(marks, "szCs", val=HAIRLINE_PT * 2)
    return p


_HAIRLINE = _hairline()
_heads: dict[tuple[Any, ...], Any] = {}  # the table with its letterhead row, by what makes it


def _address_line(paragraphs: Paragraphs, line: str, size: float) -> None:
    if not line.strip():
        return
    r = sub(paragraphs.paragraph("RecipientAddress"), "r")
    if size * 2 != NORMAL_HALF_POINTS:  # an address too long for the field at the letter's size
        rpr = sub(r, "rPr")
        sub(rpr, "sz", val=round(size * 2))
        sub(rpr, "szCs", val=round(size * 2))
    add_text(r, line)


def _table(columns: list[float], indent: float) -> Any:
    """A borderless table of fixed ``columns`` (mm), its cells' text ``indent`` mm from the margin."""
    no_margin = [el(side, w=0, type="dxa") for side in ("top", "left", "bottom", "right")]
    properties = el(
        "tblPr",
        el("tblW", w=sum(twips(c) for c in columns), type="dxa"),
        el("tblInd", w=twips(indent), type="dxa"),
        el("tblLayout", type="fixed"),
        el("tblCellMar", *no_margin),
        el("tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1),
    )
    grid = el("tblGrid", *(el("gridCol", w=twips(c)) for c in columns))
    return el("tbl", properties, grid)


def _row(table: Any, height: float) -> Any:
    """A row at least ``height`` mm tall, never split over two pages."""
    row = sub(table, "tr")
    properties = sub(row, "trPr")
    sub(properties, "cantSplit")
    sub(properties, "trHeight", val=twips(height), hRule="atLeast")
    return row


def _cell(row: Any, columns: list[float], span: int, top: float = 0.0) -> Any:
    """A cell over ``columns`` (mm; ``span`` of the table's), its text ``top`` mm below its top."""
    cell = sub(row, "tc")
    properties = sub(cell, "tcPr")
    sub(properties, "tcW", w=twips(sum(columns)), type="dxa")
    if span > 1:
        sub(properties, "gridSpan", val=span)
    if top:
        sub(sub(properties, "tcMar"), "top", w=twips(top), type="dxa")
    return cell
