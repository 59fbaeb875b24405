"""A letter as an editable Word document (DOCX), built from the document model.

The DOCX is meant to be opened and edited by a campaigner before sending, so it uses
real Word structure rather than hard formatting: every paragraph has a named style
(:mod:`~campaign_app.core.letters.docx.styles`), sources are real Word footnotes
(:mod:`~campaign_app.core.letters.docx.footnotes`), links are real hyperlinks
(:mod:`~campaign_app.core.letters.docx.paragraphs`), and the document language is set
so that Word spell-checks Ukrainian as Ukrainian
(:mod:`~campaign_app.core.letters.docx.language`).

Each letter starts from a template prepared once per process
(:mod:`~campaign_app.core.letters.docx.template`) and is zipped by
:mod:`~campaign_app.core.letters.docx.package`. This module puts the letter's parts in
order and sets the page and the document properties.
"""

from __future__ import annotations

import datetime as dt
import functools
from copy import deepcopy
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.coreprops import CT_CoreProperties
from docx.section import Section
from docx.shared import Inches, Length, Mm

from campaign_app.core.common import reuse
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.glyphs import fallback_faces
from campaign_app.core.letters.document import Block, Heading, Letter, ListBlock, Paragraph, Quote, Run
from campaign_app.core.letters.docx.embedded_fonts import embed_fonts
from campaign_app.core.letters.docx.first_page import add_first_page
from campaign_app.core.letters.docx.footnotes import Footnotes
from campaign_app.core.letters.docx.header_footer import add_example_mark, add_fold_marks, add_page_numbers
from campaign_app.core.letters.docx.images import add_signed_name
from campaign_app.core.letters.docx.language import word_language
from campaign_app.core.letters.docx.package import COMPRESSLEVEL, new_document, package_bytes
from campaign_app.core.letters.docx.paragraphs import Paragraphs
from campaign_app.core.letters.docx.parts import Deflated
from campaign_app.core.letters.docx.template import GENERATOR, Template, prepared_template
from campaign_app.core.letters.docx.wordml import clean
from campaign_app.core.letters.glyphs import fallback_chars
from campaign_app.core.letters.writing import WRITE_LOCK

__all__ = ["docx_bytes", "write_docx"]

TOP_MARGIN_MM = 20


def docx_bytes(letter: Letter) -> bytes:
    """The letter as a complete .docx file (from any thread)."""
    with WRITE_LOCK:  # the template is shared by all threads (see letters/writing.py)
        template = prepared_template()
        if reuse.enabled():
            document = new_document(template, letter.language, _paged(template, letter.paper))
        else:
            document = new_document(template, letter.language)
            _set_page(_first_section(document.element), letter.paper)
        _build(document, letter)
        return package_bytes(document.part.package)


def write_docx(letter: Letter, target: Path) -> None:
    """Write the letter to ``target`` atomically (the old file stays intact on failure)."""
    atomic_write_bytes(Path(target), docx_bytes(letter))


def _build(document: DocxDocument, letter: Letter) -> None:
    """Fill the empty ``document`` (its page set) with the letter, from letterhead to footnotes."""
    _set_properties(document, letter)
    footnotes = Footnotes(letter.footnotes)
    paragraphs = Paragraphs(document, footnotes)
    text = paragraphs.text_paragraph
    add_first_page(document, paragraphs, letter)  # the letterhead, the address in its field, the date
    text("LetterSubject", letter.subject)
    text("Salutation", letter.salutation)
    paragraphs.blocks(letter.body, list_depth=0, in_quote=False)
    if letter.closing or letter.signatories:
        paragraphs.keep_last_with_next()  # the body's last lines on the page of the closing
    text("Closing", letter.closing)
    for signatory in letter.signatories:
        if signatory.signature is not None:
            add_signed_name(document, paragraphs, signatory.signature, signatory.name)
        else:
            text("Signature", signatory.name)
        if signatory.role:
            text("SignatoryRole", signatory.role)
    # The "Sources" heading of the PDF has no counterpart: Word sets the footnotes at
    # the foot of the page where they are cited.
    footnotes.add_part(document.part)
    add_page_numbers(document)
    if letter.example:
        add_example_mark(document, letter.example_caption)
    if letter.paper == "A4":  # where to fold it for the window envelope, on the first page
        add_fold_marks(document, letter.example_caption if letter.example else None)
    _embed_fonts(document, letter)


def _embed_fonts(document: DocxDocument, letter: Letter) -> None:
    """PT Serif (and the fallback faces the letter needs) inside the file: see embedded_fonts."""
    extra = fallback_chars(letter)
    font_table = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    embed_fonts(font_table, uses_italic(letter.body), fallback_faces(extra) if extra else {})


def uses_italic(blocks: tuple[Block, ...]) -> bool:
    """Whether the body has italic text (italic runs, quotations, third-level headings)."""
    for block in blocks:
        if isinstance(block, Quote) or (isinstance(block, Heading) and block.level >= 3):
            return True
        if isinstance(block, Paragraph | Heading) and any(
            isinstance(i, Run) and i.italic for i in block.inlines
        ):
            return True
        if isinstance(block, ListBlock) and any(uses_italic(item.blocks) for item in block.items):
            return True
    return False


@functools.lru_cache(maxsize=4)
def _paged(template: Template, paper: str) -> Any:
    """The template's document with the page of ``paper`` set, made once per process and paper
    (each letter copies it): setting the page through python-docx's section was an eighth of
    a DOCX's time, and it is the same for every letter on that paper."""
    element = deepcopy(template.document)
    _set_page(_first_section(element), paper)
    return element


def _first_section(element: Any) -> Section:
    """The section of a document element (all a letter has), as python-docx gives it."""
    # No document part: only the page is set through it, never a header.
    return Section(element.sectPr_lst[0], None)  # type: ignore[arg-type]


def _set_page(section: Section, paper: str) -> None:
    margin: Length
    if paper == "Letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        margin = Inches(1)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
        margin = Mm(25)
    section.left_margin = section.right_margin = section.bottom_margin = margin
    # The letterhead has the room down to the address field (docx/first_page.py), as in the
    # PDF; the EXAMPLE line of the example's letters stands above it, in the header.
    section.top_margin = Mm(TOP_MARGIN_MM)
    section.header_distance = Mm(10)


def _set_properties(document: DocxDocument, letter: Letter) -> None:
    """Title, author, subject, keywords and dates as Word shows them under File > Info."""
    described = (letter.title, letter.author, letter.subject, letter.keywords, letter.language)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if reuse.enabled():
        part = document.part.package.part_related_by(RT.CORE_PROPERTIES)
        part._element, part.deflated = _dated(described, now)  # (zipped from parts.zip_entry)
        return
    props = document.core_properties
    _describe(props, *described)
    props.created = now
    props.modified = now


@functools.lru_cache(maxsize=4)
def _dated(described: tuple[Any, ...], now: dt.datetime) -> tuple[Any, Deflated]:
    """The core properties' element with its dates, and its bytes as the zip holds them, made
    once per second and set of words: the letters a process writes in the same second share
    them (setting the two dates through python-docx, writing and deflating the part was a
    tenth of a DOCX's time). The element is shared: nothing changes it after this."""
    element = deepcopy(_described(*described))
    props = CoreProperties(element)
    props.created = now
    props.modified = now
    return element, Deflated.of(serialize_part_xml(element), COMPRESSLEVEL)


@functools.lru_cache(maxsize=16)
def _described(title: str, author: str, subject: str, keywords: tuple[str, ...], language: str) -> Any:
    """The core properties' element with all but the dates filled in, once per process for
    the same words (a batch's letters share them; each sets its dates on a copy)."""
    element = CT_CoreProperties.new()
    _describe(CoreProperties(element), title, author, subject, keywords, language)
    return element


def _describe(
    props: CoreProperties, title: str, author: str, subject: str, keywords: tuple[str, ...], language: str
) -> None:
    """The properties besides the dates, in the order Word's file has always had them."""

    def short(text: str) -> str:  # python-docx limits these properties to 255 chars
        return clean(text)[:255]

    props.title = short(title)
    props.author = short(author)
    props.last_modified_by = short(author)
    props.subject = short(subject)
    props.keywords = short("; ".join(keywords))
    props.language = word_language(language)
    props.comments = f"Generated by {GENERATOR}"
    props.category = ""
    props.revision = 1
