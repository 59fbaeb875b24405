"""The letter as a story of reportlab flowables, from the letterhead to the sources.

The layout is that of a formal appeal letter: letterhead with a thin rule, the address
block in the field a window envelope shows with the place and date on its right (see
pdf/first_page.py), the subject in bold, salutation, body, closing, the signatories with
room to sign, and the numbered sources with clickable URLs at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph

from campaign_app.core.letters.address_field import PDF_LINE_HEIGHT, address_type
from campaign_app.core.letters.document import (
    Block,
    Heading,
    Inline,
    Letter,
    ListBlock,
    Paragraph,
    Quote,
)
from campaign_app.core.letters.inline_markup import inline_markup
from campaign_app.core.letters.page_breaks import keeps_with_next
from campaign_app.core.letters.pdf.first_page import FirstPageHead
from campaign_app.core.letters.pdf.images import logo_beside, signature_space
from campaign_app.core.letters.pdf.keep import KeepWithNext, KeepWithTail
from campaign_app.core.letters.pdf.markup import Markup, anchor, link
from campaign_app.core.letters.pdf.paragraphs import LetterParagraph
from campaign_app.core.letters.pdf.styles import (
    BULLETS,
    FRAME_PADDING,
    LIST_INDENT,
    PAGE_LAYOUTS,
    QUOTE_INDENT,
    RULE_COLOR,
    TEXT_COLOR,
    address_style,
    indented,
)


@dataclass
class Story:
    """The flowables of one letter; ``width`` is the text width the signatures share."""

    letter: Letter
    styles: dict[str, ParagraphStyle]
    width: float
    markup: Markup = field(default_factory=Markup)

    def __post_init__(self) -> None:
        self.footnote_numbers = {f.number for f in self.letter.footnotes}
        self.compact = self.letter.layout == "compact"

    def para(self, markup: str, style: str | ParagraphStyle, **kw: Any) -> RLParagraph:
        if isinstance(style, str):
            style = self.styles[style]
        return LetterParagraph(markup, style, **kw)  # line breaks reused across letters

    def build(self) -> list[Flowable]:
        letter = self.letter
        story: list[Flowable] = [self.first_page_head()]
        if letter.subject:
            story.append(self.para(f"<b>{self.markup.esc(letter.subject, bold=True)}</b>", "subject"))
        if letter.salutation:
            story.append(self.para(self.markup.esc(letter.salutation), "salutation"))
        body = self.blocks(letter.body, quote_indent=0, in_list=False)
        tail = self.closing_and_signatures()
        if body and tail:
            # the body's last lines, the closing and the signatures share a page
            story += [*body[:-1], KeepWithTail(body[-1], tail)]
        else:
            story += body + tail
        story += self.footnotes()
        return story

    def first_page_head(self) -> FirstPageHead:
        """The letterhead, then the address in its field and the place and date beside it,
        where a window envelope shows them (see letters/address_field.py)."""
        letter = self.letter
        page = PAGE_LAYOUTS[letter.layout]
        date = address = None
        if letter.place_and_date:
            date = self.para(self.markup.esc(letter.place_and_date), "place_and_date")
        if letter.recipient_lines:
            base = self.styles["address"]
            fit = address_type(letter.recipient_lines, base.fontSize, PDF_LINE_HEIGHT)
            style = address_style(fit.size, fit.leading, self.compact)
            address = self.para(self.markup.lines(letter.recipient_lines), style)
        top, left = page.top + FRAME_PADDING, page.left  # the frame's padding is outside the margins
        return FirstPageHead(self.letterhead(), address, date, top, left)

    def letterhead(self) -> list[Flowable]:
        head = self.letter.letterhead
        out: list[Flowable] = []
        if head.organisation:
            out.append(self.para(f"<b>{self.markup.esc(head.organisation, bold=True)}</b>", "organisation"))
        if head.lines:
            out.append(self.para(self.markup.lines(head.lines), "letterhead"))
        if head.logo is not None:
            out = [logo_beside(head.logo, out, self.width)]
        if out:
            out.append(
                HRFlowable(width="100%", thickness=0.5, color=RULE_COLOR, spaceBefore=5, spaceAfter=14)
            )
        return out

    # -- body

    def inlines(self, inlines: tuple[Inline, ...], bold: bool = False) -> str:
        return inline_markup(inlines, self.markup.inlines(bold), self.footnote_numbers)

    def blocks(self, blocks: tuple[Block, ...], *, quote_indent: float, in_list: bool) -> list[Flowable]:
        """The blocks' flowables; a heading or a lead-in ("We therefore ask you:") kept on the
        page where the next block starts (see letters/page_breaks.py)."""
        groups = [self.block(block, quote_indent=quote_indent, in_list=in_list) for block in blocks]
        # From the end, so that a heading before a lead-in keeps with the lead-in and its list.
        for i in range(len(blocks) - 2, -1, -1):
            if keeps_with_next(blocks[i]) and groups[i] and groups[i + 1]:
                *before, lead = groups[i]
                kept = KeepWithNext(lead, groups[i + 1], splits=isinstance(blocks[i], Paragraph))
                groups[i], groups[i + 1] = [*before, kept], []
        return [flowable for group in groups for flowable in group]

    def block(self, block: Block, *, quote_indent: float, in_list: bool) -> list[Flowable]:
        if isinstance(block, Paragraph):
            style = indented("list" if in_list else "body", quote_indent, self.compact)
            return [self.para(self.inlines(block.inlines), style)]
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            style = indented(f"h{level}", quote_indent, self.compact)
            return [self.para(f"<b>{self.inlines(block.inlines, bold=True)}</b>", style)]
        if isinstance(block, ListBlock):
            return [self.list_block(block, quote_indent=quote_indent, depth=0)]
        if isinstance(block, Quote):
            inner = self.blocks(block.blocks, quote_indent=quote_indent + QUOTE_INDENT, in_list=in_list)
            return [Spacer(0, 3), *inner, Spacer(0, 3)]
        return []

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
            closing.append(self.para(self.markup.esc(letter.closing), "closing"))
        signatories = [s for s in letter.signatories if s.name or s.role]
        if not signatories:
            return [Spacer(0, 6), *closing] if closing else []
        n = len(signatories)
        ncols = 1 if n == 1 else 2 if n in (2, 4) else 3
        col_width = self.width / ncols
        rows: list[list[list[Flowable]]] = []
        for start in range(0, n, ncols):
            row: list[list[Flowable]] = []
            for sig in signatories[start : start + ncols]:
                space = PAGE_LAYOUTS[letter.layout].signature_space
                cell: list[Flowable] = [signature_space(sig.signature, col_width - 6, space)]
                if sig.name:
                    cell.append(self.para(self.markup.esc(sig.name), "signatory"))
                if sig.role:
                    cell.append(self.para(self.markup.esc(sig.role), "role"))
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
        return [Spacer(0, 6), *closing, table]

    def footnotes(self) -> list[Flowable]:
        notes = self.letter.footnotes
        if not notes:
            return []
        out: list[Flowable] = [Spacer(0, (5 if self.compact else 10) * mm)]
        if self.letter.footnotes_heading:
            out.append(
                self.para(
                    f"<b>{self.markup.esc(self.letter.footnotes_heading, bold=True)}</b>", "footnotes_heading"
                )
            )
        for note in notes:
            parts = [f'<a name="{anchor(note.number)}"/>']
            if note.text:
                parts.append(self.markup.esc(note.text))
            if note.url:
                parts.append(link(note.url, self.markup.esc(note.url)))
            # The URL on a line of its own: short ones then never break, and it reads as the
            # address of the source rather than part of its title.
            markup = parts[0] + "<br/>".join(parts[1:])
            out.append(self.para(markup, "footnote", bulletText=f"{note.number}."))
        return out
