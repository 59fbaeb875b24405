"""The letter's paragraphs in a DOCX: styled paragraphs, lists with their numbering, inline runs.

Every paragraph gets a named style rather than hard formatting, links are real hyperlinks
and source references real footnote references, so the campaigner can edit the letter
in Word as any other document.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from campaign_app.core.letters.document import (
    Block,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    Paragraph,
    Quote,
    Run,
)
from campaign_app.core.letters.docx.footnotes import Footnotes
from campaign_app.core.letters.docx.styles import letter_styles
from campaign_app.core.letters.docx.wordml import add_text, safe_url, sub, w
from campaign_app.core.letters.page_breaks import keeps_with_next


class Paragraphs:
    """Appends paragraphs to the document's body, before its section properties (or to a
    table's cell, :meth:`inside` it)."""

    def __init__(self, document: DocxDocument, footnotes: Footnotes) -> None:
        self.part = document.part
        self.footnotes = footnotes
        self.sect_pr = document.element.body.find(w("sectPr"))
        self.document = document
        self.cell: Any = None

    @contextmanager
    def inside(self, cell: Any) -> Iterator[Any]:
        """New paragraphs go at the end of table cell ``cell`` until the block ends."""
        self.cell = cell
        try:
            yield cell
        finally:
            self.cell = None

    @functools.cached_property
    def numbering(self) -> Any:
        """The letter's own numbering, copied when it first has a numbered list (most have none)."""
        return self.part.numbering_part.element

    @functools.cached_property
    def abstract_for_style(self) -> dict[str, int]:
        """Looked up when a letter first has a numbered list."""
        return _abstract_num_by_style(self.document.styles.element, self.numbering)

    def paragraph(self, style_id: str) -> Any:
        """A new empty paragraph in style ``style_id`` at the end of the body."""
        p = OxmlElement("w:p")
        sub(sub(p, "pPr"), "pStyle", val=style_id)
        if self.cell is not None:
            self.cell.append(p)
        else:
            self.sect_pr.addprevious(p)
        return p

    def keep_last_with_next(self) -> None:
        """Keep the last paragraph so far on the page of the next (the closing after the body, a
        list after its lead-in), unless its style already does (a heading)."""
        last = self.sect_pr.getprevious()
        if last is None or last.tag != w("p"):
            return
        p_pr = last.find(w("pPr"))
        if p_pr is None:
            p_pr = sub(last, "pPr")
            last.remove(p_pr)
            last.insert(0, p_pr)
        style = p_pr.find(w("pStyle"))
        if style is not None and style.get(w("val")) in _styles_keeping_with_next():
            return
        if p_pr.find(w("keepNext")) is None:
            keep = OxmlElement("w:keepNext")
            if style is not None:
                style.addnext(keep)
            else:
                p_pr.insert(0, keep)

    def text_paragraph(self, style_id: str, text: str) -> None:
        """A paragraph of plain text; none at all for blank text (no empty lines in Word)."""
        if text.strip():
            r = sub(self.paragraph(style_id), "r")
            add_text(r, text)

    def blocks(self, blocks: tuple[Block, ...], list_depth: int, in_quote: bool) -> None:
        """Blocks of the letter's body; a heading or a lead-in ("We therefore ask you:") kept
        on the page where the next block starts, as in the PDF (letters/page_breaks.py)."""
        for i, block in enumerate(blocks):
            self.block(block, list_depth, in_quote)
            if i + 1 < len(blocks) and keeps_with_next(block):
                self.keep_last_with_next()

    def block(self, block: Block, list_depth: int, in_quote: bool) -> None:
        """One block of the letter's body (paragraph, heading, list or quotation)."""
        if isinstance(block, Paragraph):
            style = "Quote" if in_quote else "Normal"
            self._inlines(self.paragraph(style), block.inlines)
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            self._inlines(self.paragraph(f"Heading{level}"), block.inlines)
        elif isinstance(block, ListBlock):
            self._list(block, list_depth + 1, in_quote)
        elif isinstance(block, Quote):
            self.blocks(block.blocks, list_depth, in_quote=True)

    def _list(self, block: ListBlock, depth: int, in_quote: bool) -> None:
        level = min(depth, 3)
        suffix = "" if level == 1 else str(level)
        style = ("ListNumber" if block.ordered else "ListBullet") + suffix
        num_id = self._restart_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            blocks = list(item.blocks)
            first = blocks[0] if blocks and isinstance(blocks[0], Paragraph) else None
            if first is not None:
                blocks.pop(0)
            p = self.paragraph(style)
            if num_id is not None:
                num_pr = sub(p.find(w("pPr")), "numPr")
                sub(num_pr, "ilvl", val=0)
                sub(num_pr, "numId", val=num_id)
            if first is not None:
                self._inlines(p, first.inlines)
            for inner in blocks:
                if isinstance(inner, Paragraph):
                    # A further paragraph of the same item: indented, without a number.
                    self._inlines(self.paragraph(f"ListContinue{suffix}"), inner.inlines)
                else:
                    self.block(inner, depth, in_quote)

    def _restart_numbering(self, style: str, start: int) -> int | None:
        """A new list instance so that every ordered list starts at its own ``start``."""
        abstract_id = self.abstract_for_style.get(style)
        if abstract_id is None:
            return None
        num = self.numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(max(start, 0))
        return num.numId

    def _inlines(self, p: Any, inlines: tuple[Inline, ...]) -> None:
        previous: Any = None
        for group in _link_groups(inlines):
            if isinstance(group, FootnoteRef) and isinstance(previous, FootnoteRef):
                # "3,4", never "34": a separator in the footnote reference style.
                sep = sub(p, "r")
                sub(sub(sep, "rPr"), "rStyle", val="FootnoteReference")
                add_text(sep, ",")
            previous = group
            if isinstance(group, list):
                link = group[0].link
                assert link is not None
                r_id = self.part.relate_to(safe_url(link), RT.HYPERLINK, is_external=True)
                hyperlink = sub(p, "hyperlink")
                hyperlink.set(qn("r:id"), r_id)
                hyperlink.set(w("history"), "1")
                for run in group:
                    _run(hyperlink, run, char_style="Hyperlink")
            elif isinstance(group, Run):
                _run(p, group)
            elif isinstance(group, FootnoteRef):
                self.footnotes.reference(p, group.number)
            elif isinstance(group, LineBreak):
                sub(sub(p, "r"), "br")


@functools.cache
def _styles_keeping_with_next() -> frozenset[str]:
    """The letter's styles that keep a paragraph with the next by themselves (headings, closing)."""
    keep_next = f"{w('pPr')}/{w('keepNext')}"
    return frozenset(s.get(w("styleId")) for s in letter_styles() if s.find(keep_next) is not None)


def _run(parent: Any, run: Run, char_style: str | None = None) -> None:
    if not run.text:
        return
    r = sub(parent, "r")
    if char_style or run.bold or run.italic:
        rpr = sub(r, "rPr")
        if char_style:
            sub(rpr, "rStyle", val=char_style)
        if run.bold:
            sub(rpr, "b")
            sub(rpr, "bCs")
        if run.italic:
            sub(rpr, "i")
            sub(rpr, "iCs")
    add_text(r, run.text)


def _link_groups(inlines: Iterable[Inline]) -> Iterator[Inline | list[Run]]:
    """The inlines, with consecutive runs linking to the same URL gathered in a list."""
    pending: list[Run] = []
    for item in inlines:
        if isinstance(item, Run) and item.link:
            if pending and pending[0].link != item.link:
                yield pending
                pending = []
            pending.append(item)
            continue
        if pending:
            yield pending
            pending = []
        yield item
    if pending:
        yield pending


def _abstract_num_by_style(styles: Any, numbering: Any) -> dict[str, int]:
    """The abstract numbering definition each list style's numbering refers to."""
    result: dict[str, int] = {}
    for style_id in ("ListNumber", "ListNumber2", "ListNumber3"):
        style = styles.get_by_id(style_id)
        num_id = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}") if style is not None else None
        if num_id is None:
            continue
        try:
            num = numbering.num_having_numId(int(num_id.get(w("val"))))
        except (KeyError, ValueError):
            continue
        result[style_id] = int(num.abstractNumId.get(w("val")))
    return result
