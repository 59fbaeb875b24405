"""The bare-library floor: the same letter written by plain reportlab and python-docx.

What a competent programmer would write with the two libraries alone, for the same content
as campaign_app's letter: the same fonts (PT Serif's regular and bold faces, registered as
plain reportlab ``TTFont`` objects, embedded as subsets), the same text in the same
paragraphs (letterhead, date, address, bold subject, salutation, body with superscript
footnote marks, closing, signatory and role, the "Sources" heading and each numbered
source with its link), the same page size and document title/author/subject. The DOCX
is python-docx's default document with PT Serif as its font, the same paragraphs and runs,
the sources as numbered paragraphs at the end (python-docx has no footnotes), saved with
``Document.save``.

Not done by the floor (so it is, if anything, cheaper than a fair copy): the letter's
layout details (rules, spacing, keeping the closing with the last lines, page-number
forms) and, unless ``embed_fonts`` is set, the fonts embedded in the DOCX (campaign_app
embeds PT Serif's faces so the letter opens in PT Serif anywhere; the floor then writes
the same font parts and python-docx deflates them again for every letter).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from xml.sax.saxutils import escape

from campaign_app.core.common.fonts import font_paths
from campaign_app.core.letters.document import FootnoteRef, Letter, LineBreak, Paragraph, Run

FAMILY = "Bare PT Serif"  # registered apart from campaign_app's own font objects
_FACES = {
    "regular": FAMILY,
    "bold": f"{FAMILY} Bold",
    "italic": f"{FAMILY} Italic",
    "bold_italic": f"{FAMILY} BI",
}
_registered = False


def register_fonts() -> None:
    """PT Serif's four faces as plain reportlab TTFonts (once)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    paths = list(font_paths().values())  # regular, bold, italic, bold italic
    for name, path in zip(_FACES.values(), paths, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=_FACES["regular"],
        bold=_FACES["bold"],
        italic=_FACES["italic"],
        boldItalic=_FACES["bold_italic"],
    )
    _registered = True


def _pdf_inlines(inlines: tuple) -> str:
    out = []
    for item in inlines:
        if isinstance(item, Run):
            text = escape(item.text)
            if item.bold:
                text = f"<b>{text}</b>"
            if item.italic:
                text = f"<i>{text}</i>"
            if item.link:
                text = f'<a href="{escape(item.link)}">{text}</a>'
            out.append(text)
        elif isinstance(item, FootnoteRef):
            out.append(f"<super>{item.number}</super>")
        elif isinstance(item, LineBreak):
            out.append("<br/>")
    return "".join(out)


def pdf(letter: Letter, target: Path) -> None:
    """The letter as a PDF by plain reportlab (platypus), in PT Serif."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate, Spacer

    register_fonts()
    body = ParagraphStyle("body", fontName=FAMILY, fontSize=10.5, leading=14.5, spaceAfter=6)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    big = ParagraphStyle("big", parent=body, fontSize=14, leading=17)
    story = [RLParagraph(f"<b>{escape(letter.letterhead.organisation)}</b>", big)]
    story += [RLParagraph(escape(line), small) for line in letter.letterhead.lines]
    story.append(RLParagraph(escape(letter.place_and_date), right))
    story.append(RLParagraph("<br/>".join(escape(line) for line in letter.recipient_lines), body))
    story.append(RLParagraph(f"<b>{escape(letter.subject)}</b>", body))
    story.append(RLParagraph(escape(letter.salutation), body))
    story += [RLParagraph(_pdf_inlines(b.inlines), body) for b in letter.body if isinstance(b, Paragraph)]
    story.append(RLParagraph(escape(letter.closing), body))
    for signatory in letter.signatories:
        story += [
            Spacer(0, 30),
            RLParagraph(escape(signatory.name), body),
            RLParagraph(escape(signatory.role), small),
        ]
    if letter.footnotes:
        story.append(RLParagraph(f"<b>{escape(letter.footnotes_heading)}</b>", body))
    for note in letter.footnotes:
        text = escape(note.text)
        if note.url:
            text += f'<br/><a href="{escape(note.url)}">{escape(note.url)}</a>'
        story.append(RLParagraph(text, small, bulletText=f"{note.number}."))
    doc = SimpleDocTemplate(
        str(target), pagesize=A4, title=letter.title, author=letter.author, subject=letter.subject
    )
    doc.build(story)


def docx(letter: Letter, target: Path, embed_fonts: bool = False) -> None:
    """The letter as a DOCX by plain python-docx, in PT Serif."""
    from docx import Document
    from docx.shared import Mm, Pt

    d = Document()
    d.styles["Normal"].font.name = "PT Serif"
    d.styles["Normal"].font.size = Pt(10.5)
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    props = d.core_properties
    props.title, props.author, props.subject = letter.title, letter.author, letter.subject
    d.add_paragraph().add_run(letter.letterhead.organisation).bold = True
    for line in (*letter.letterhead.lines, letter.place_and_date, *letter.recipient_lines):
        d.add_paragraph(line)
    d.add_paragraph().add_run(letter.subject).bold = True
    d.add_paragraph(letter.salutation)
    for block in letter.body:
        if not isinstance(block, Paragraph):
            continue
        p = d.add_paragraph()
        for item in block.inlines:
            if isinstance(item, Run):
                run = p.add_run(item.text)
                run.bold, run.italic = item.bold or None, item.italic or None
            elif isinstance(item, FootnoteRef):
                p.add_run(str(item.number)).font.superscript = True
            elif isinstance(item, LineBreak):
                p.add_run().add_break()
    d.add_paragraph(letter.closing)
    for signatory in letter.signatories:
        d.add_paragraph(signatory.name)
        d.add_paragraph(signatory.role)
    if letter.footnotes:
        d.add_paragraph().add_run(letter.footnotes_heading).bold = True
    for note in letter.footnotes:
        d.add_paragraph(f"{note.number}. {note.text}" + (f"\n{note.url}" if note.url else ""))
    if embed_fonts:
        _embed_fonts(d)
    d.save(str(target))


_FONT_BYTES: dict[str, bytes] = {}


def _embed_fonts(d) -> None:
    """PT Serif's regular and bold faces as obfuscated font parts, as Word stores them."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    if not _FONT_BYTES:
        _FONT_BYTES.update({key: path.read_bytes() for key, path in list(font_paths().items())[:2]})
    table = next(rel.target_part for rel in d.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    for n, data in enumerate(_FONT_BYTES.values(), start=1):
        key = uuid.uuid4().bytes
        head = bytes(b ^ key[15 - i % 16] for i, b in enumerate(data[:32]))
        blob = head + data[32:]
        part = Part(
            PackURI(f"/word/fonts/font{n}.odttf"),
            "application/vnd.openxmlformats-officedocument.obfuscatedFont",
            blob,
            d.part.package,
        )
        table.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font")
