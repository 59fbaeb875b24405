"""Typeset a :class:`~campaign_app.core.letters.document.Letter` as a PDF with reportlab.

The layout is that of a formal appeal letter: letterhead with a thin rule, place and date
on the right, the address block, the subject in bold, salutation, body, closing, the
signatories with room to sign, and the numbered sources with clickable URLs at the end.

Every piece of text from the letter is escaped before it reaches reportlab's paragraph
mini-markup, so names and quotes containing ``&``, ``<`` or ``>`` print literally and can
never inject markup. All text is set in PT Serif (see :mod:`campaign_app.core.common.fonts`),
embedded as a subset; nothing falls back to the non-embedded PDF standard fonts.

This module does not import Qt: it runs in worker processes and on the command line.
Fonts are registered and paragraph styles built once per process, because batch runs
produce hundreds of letters.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.letters.document import (
    Block,
    FootnoteRef,
    Heading,
    Inline,
    Letter,
    LineBreak,
    ListBlock,
    Paragraph,
    Quote,
    Run,
)

__all__ = ["pdf_bytes", "write_pdf"]

CREATOR = "campaign_app"

_PAGE_SIZES = {"A4": A4, "Letter": LETTER}

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


def write_pdf(letter: Letter, target: Path) -> None:
    """Typeset ``letter`` and write it to ``target`` atomically (whole file or nothing)."""
    data = pdf_bytes(letter)
    atomic_write_bytes(Path(target), data)


def pdf_bytes(letter: Letter) -> bytes:
    """Typeset ``letter`` and return the PDF file's bytes."""
    family = register_pdf_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=_PAGE_SIZES.get(letter.paper, A4),
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
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
    )
    story = _Story(letter, styles, doc.width).build()
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------
# Styles


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
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
def _indented(name: str, indent: float) -> ParagraphStyle:
    """``name``'s style indented by ``indent`` points on both sides (for quotations)."""
    parent = _styles()[name]
    if not indent:
        return parent
    return ParagraphStyle(
        f"{name}+{indent:g}",
        parent=parent,
        leftIndent=parent.leftIndent + indent,
        rightIndent=parent.rightIndent + indent,
    )


# --------------------------------------------------------------------------------------
# Text → reportlab mini-markup

# C0/C1 control characters other than tab and newline confuse reportlab's parser and have no
# glyph; they can only come from pasted text, so they are dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    # NFC: a "č" typed as c + combining caron becomes the single precomposed letter, which
    # the font has as one glyph (reportlab does no mark positioning).
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def _esc(text: str) -> str:
    """Escape text for reportlab's paragraph markup, so it always prints literally."""
    return _clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    """Escape a value for a double-quoted markup attribute."""
    return _esc(value).replace('"', "&quot;")


def _lines(lines: tuple[str, ...] | list[str]) -> str:
    return "<br/>".join(_esc(line) for line in lines)


def _anchor(number: int) -> str:
    return f"fn{number}"


# --------------------------------------------------------------------------------------
# The story


@dataclass
class _Story:
    letter: Letter
    styles: dict[str, ParagraphStyle]
    width: float

    def __post_init__(self) -> None:
        self.footnote_numbers = {f.number for f in self.letter.footnotes}

    def para(self, markup: str, style: str | ParagraphStyle, **kw: Any) -> RLParagraph:
        if isinstance(style, str):
            style = self.styles[style]
        return RLParagraph(markup, style, **kw)

    def build(self) -> list[Flowable]:
        letter = self.letter
        story: list[Flowable] = []
        story += self.letterhead()
        if letter.place_and_date:
            story.append(self.para(_esc(letter.place_and_date), "place_and_date"))
        if letter.recipient_lines:
            story.append(self.para(_lines(letter.recipient_lines), "address"))
        if letter.subject:
            story.append(self.para(f"<b>{_esc(letter.subject)}</b>", "subject"))
        if letter.salutation:
            story.append(self.para(_esc(letter.salutation), "salutation"))
        story += self.blocks(letter.body, quote_indent=0, in_list=False)
        story += self.closing_and_signatures()
        story += self.footnotes()
        return story

    def letterhead(self) -> list[Flowable]:
        head = self.letter.letterhead
        out: list[Flowable] = []
        if head.organisation:
            out.append(self.para(f"<b>{_esc(head.organisation)}</b>", "organisation"))
        if head.lines:
            out.append(self.para(_lines(head.lines), "letterhead"))
        if out:
            out.append(
                HRFlowable(width="100%", thickness=0.5, color=RULE_COLOR, spaceBefore=5, spaceAfter=14)
            )
        return out

    # -- body

    def inlines(self, inlines: tuple[Inline, ...]) -> str:
        parts: list[str] = []
        previous: Inline | None = None
        for item in inlines:
            if isinstance(item, FootnoteRef) and isinstance(previous, FootnoteRef):
                parts.append("<super>,</super>")  # "3,4", never "34"
            previous = item
            if isinstance(item, Run):
                text = _esc(item.text)
                if not text:
                    continue
                if item.italic:
                    text = f"<i>{text}</i>"
                if item.bold:
                    text = f"<b>{text}</b>"
                if item.link:
                    text = f'<a href="{_attr(item.link)}" color="{LINK_COLOR}">{text}</a>'
                parts.append(text)
            elif isinstance(item, FootnoteRef):
                mark = f"<super>{item.number}</super>"
                if item.number in self.footnote_numbers:
                    mark = f'<a href="#{_anchor(item.number)}">{mark}</a>'
                parts.append(mark)
            elif isinstance(item, LineBreak):
                parts.append("<br/>")
        return "".join(parts)

    def blocks(self, blocks: tuple[Block, ...], *, quote_indent: float, in_list: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                style = _indented("list" if in_list else "body", quote_indent)
                out.append(self.para(self.inlines(block.inlines), style))
            elif isinstance(block, Heading):
                level = min(max(block.level, 1), 3)
                style = _indented(f"h{level}", quote_indent)
                out.append(self.para(f"<b>{self.inlines(block.inlines)}</b>", style))
            elif isinstance(block, ListBlock):
                out.append(self.list_block(block, quote_indent=quote_indent, depth=0))
            elif isinstance(block, Quote):
                out.append(Spacer(0, 3))
                out += self.blocks(block.blocks, quote_indent=quote_indent + QUOTE_INDENT, in_list=in_list)
                out.append(Spacer(0, 3))
        return out

    def list_block(self, block: ListBlock, *, quote_indent: float, depth: int) -> ListFlowable:
        items: list[ListItem] = []
        for item in block.items:
            content: list[Flowable] = []
            for child in item.blocks:
                if isinstance(child, ListBlock):
                    content.append(self.list_block(child, quote_indent=0, depth=depth + 1))
                else:
                    # Inside the list the item's box is already indented; start afresh.
                    content += self.blocks((child,), quote_indent=0, in_list=True)
            items.append(ListItem(content or [self.para("\u00a0", "list")]))
        body = self.styles["body"]
        common: dict[str, Any] = {
            "leftIndent": quote_indent + LIST_INDENT,
            "bulletFontName": body.fontName,
            "bulletFontSize": body.fontSize,
            "bulletColor": TEXT_COLOR,
            "spaceBefore": 0,
            "spaceAfter": 4 if depth == 0 else 0,
        }
        if block.ordered:
            return ListFlowable(
                items,
                bulletType="1",
                start=block.start,
                bulletFormat="%s.",
                # numbers end 2 mm before the text, so "9." and "10." line up on the dot
                bulletAlign="right",
                bulletDedent=2 * mm,
                **common,
            )
        return ListFlowable(
            items,
            bulletType="bullet",
            start=BULLETS[depth % len(BULLETS)],
            bulletAlign="left",
            bulletDedent=LIST_INDENT - 2 * mm,
            **common,
        )

    # -- end of the letter

    def closing_and_signatures(self) -> list[Flowable]:
        letter = self.letter
        closing: list[Flowable] = []
        if letter.closing:
            closing.append(self.para(_esc(letter.closing), "closing"))
        signatories = [s for s in letter.signatories if s.name or s.role]
        if not signatories:
            return [Spacer(0, 6), *closing]
        n = len(signatories)
        ncols = 1 if n == 1 else 2 if n in (2, 4) else 3
        col_width = self.width / ncols
        rows: list[list[list[Flowable]]] = []
        for start in range(0, n, ncols):
            row: list[list[Flowable]] = []
            for sig in signatories[start : start + ncols]:
                cell: list[Flowable] = [Spacer(0, SIGNATURE_SPACE)]
                if sig.name:
                    cell.append(self.para(_esc(sig.name), "signatory"))
                if sig.role:
                    cell.append(self.para(_esc(sig.role), "role"))
                row.append(cell)
            row += [[] for _ in range(ncols - len(row))]
            rows.append(row)
        table = Table(rows, colWidths=[col_width] * ncols, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    # Cells hold Paragraphs, but the table still selects its own font;
                    # the default would pull non-embedded Helvetica into the file.
                    ("FONTNAME", (0, 0), (-1, -1), self.styles["body"].fontName),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        # Keep the closing with (the first row of) the signatures: a page that starts with
        # nothing but names looks like a page torn from another letter.
        return [Spacer(0, 6), KeepTogether([*closing, table])]

    def footnotes(self) -> list[Flowable]:
        notes = self.letter.footnotes
        if not notes:
            return []
        out: list[Flowable] = [Spacer(0, 10 * mm)]
        if self.letter.footnotes_heading:
            out.append(self.para(f"<b>{_esc(self.letter.footnotes_heading)}</b>", "footnotes_heading"))
        for note in notes:
            parts = [f'<a name="{_anchor(note.number)}"/>']
            if note.text:
                parts.append(_esc(note.text))
            if note.url:
                parts.append(f'<a href="{_attr(note.url)}" color="{LINK_COLOR}">{_esc(note.url)}</a>')
            # The URL on a line of its own: short ones then never break, and it reads as the
            # address of the source rather than part of its title.
            markup = parts[0] + "<br/>".join(parts[1:])
            out.append(self.para(markup, "footnote", bulletText=f"{note.number}."))
        return out


# --------------------------------------------------------------------------------------
# Page numbers "2 / 3" from the second page on


class _NumberedCanvas(Canvas):
    """Defers each page until the total is known, then stamps "n / total" in the footer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            if total > 1 and self._pageNumber > 1:
                self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        style = _styles()["footer"]
        self.saveState()
        self.setFont(style.fontName, style.fontSize)
        self.setFillColor(style.textColor)
        width = self._pagesize[0]
        self.drawCentredString(width / 2, FOOTER_Y, f"{self._pageNumber} / {total}")
        self.restoreState()
