"""The DOCX letter's header and footer: "PAGE / NUMPAGES" fields centred in the footer, and
the EXAMPLE line (in the letter's language) in the header of letters from the bundled
example's made-up sender. An A4 letter's first page has a header of its own, which adds the
fold and punch marks on the left edge (as the PDF's, pdf/fold_marks.py): short lines drawn
as the top border of a framed, empty paragraph placed on the page.

Fields, not text: Word and LibreOffice fill in the numbers as the campaigner edits the
letter and as the pages fall on their printer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.hdrftr import FooterPart, HeaderPart

from campaign_app.core.common import reuse
from campaign_app.core.letters.docx.wordml import add_text, el, sub, w


def add_page_numbers(document: DocxDocument) -> None:
    """Put "PAGE / NUMPAGES" in the footer of the letter's section, in the Footer style."""
    _attach(document, True, _page_numbers)


def add_example_mark(document: DocxDocument, caption: str) -> None:
    """The EXAMPLE line (the PDF's words, ``caption``) at the top of every page, in red."""
    _attach(document, False, _example_mark, caption)


def add_fold_marks(document: DocxDocument, caption: str | None) -> None:
    """The first page's own header (the EXAMPLE line ``caption`` if any, and the fold and
    punch marks) and footer (the page numbers, as on the other pages)."""
    # (python-docx's sections[0] is this sectPr, found by an XPath query: a letter has one section)
    document.element.body.sectPr.titlePg_val = True
    _attach(document, False, _first_page_header, caption or "", first=True)
    _attach(document, True, _page_numbers, first=True)


def _first_page_header(caption: str) -> Any:
    from campaign_app.core.letters.address_field import FOLD_MARKS, MARK_LEFT
    from campaign_app.core.letters.docx.first_page import TWIPS_PER_MM

    element, p = _new_element(footer=False, style_id="Footer")
    if caption:
        r = sub(p, "r")
        sub(sub(r, "rPr"), "color", val="B00020")
        add_text(r, caption)
    for top, length in FOLD_MARKS:
        mark = el("p")
        p.addprevious(mark)  # before the header's own paragraph: a story's last one is never framed
        p_pr = sub(mark, "pPr")
        sub(
            p_pr,
            "framePr",
            w=round(length * TWIPS_PER_MM),
            h=20,
            hRule="exact",
            hAnchor="page",
            vAnchor="page",
            x=round(MARK_LEFT * TWIPS_PER_MM),
            y=round(top * TWIPS_PER_MM),
        )
        sub(sub(p_pr, "pBdr"), "top", val="single", sz=4, space=0, color="888888")
        sub(p_pr, "spacing", before=0, after=0, line=20, lineRule="exact")
    return element


def _page_numbers() -> Any:
    element, p = _new_element(footer=True, style_id="Footer")
    _field(p, "PAGE")
    t = sub(sub(p, "r"), "t")
    t.text = " / "
    t.set(qn("xml:space"), "preserve")
    _field(p, "NUMPAGES")
    return element


def _example_mark(caption: str) -> Any:
    element, p = _new_element(footer=False, style_id="Footer")
    r = sub(p, "r")
    sub(sub(r, "rPr"), "color", val="B00020")
    add_text(r, caption)
    return element


@functools.cache
def _written(make: Callable[..., Any], *args: str) -> bytes:
    """The part ``make(*args)`` builds, written once per process and text (the EXAMPLE line
    of each letter language): the same in every letter."""
    return serialize_part_xml(make(*args))


def _attach(
    document: DocxDocument, footer: bool, make: Callable[..., Any], *args: str, first: bool = False
) -> None:
    """A new footer (or header) part for the letter's section, as ``make(*args)`` builds it
    (kept as the bytes written once per process, see parts.py). Built here rather than from
    python-docx's template file, which its code finds through a folder the frozen desktop
    app does not have."""
    package = document.part.package
    kind = "footer" if footer else "header"
    sect_pr = document.element.body.sectPr
    if reuse.enabled():
        # The letter's headers (footers) are the ones attached here, one reference each:
        # the next number is theirs plus one (python-docx walks every part of the package).
        partname = PackURI(f"/word/{kind}{len(sect_pr.findall(w(kind + 'Reference'))) + 1}.xml")
    else:
        partname = package.next_partname(f"/word/{kind}%d.xml")
    content_type = CT.WML_FOOTER if footer else CT.WML_HEADER
    part: Part
    if reuse.enabled():
        part = Part(partname, content_type, _written(make, *args), package)
    elif footer:
        part = FooterPart(partname, content_type, make(*args), package)
    else:
        part = HeaderPart(partname, content_type, make(*args), package)
    which = WD_HEADER_FOOTER.FIRST_PAGE if first else WD_HEADER_FOOTER.PRIMARY
    if footer:
        sect_pr.add_footerReference(which, document.part.relate_to(part, RT.FOOTER))
    else:
        sect_pr.add_headerReference(which, document.part.relate_to(part, RT.HEADER))


def _new_element(footer: bool, style_id: str) -> tuple[Any, Any]:
    """A footer (or header) of one empty paragraph in style ``style_id``; it and its paragraph."""
    tag = "ftr" if footer else "hdr"
    element = parse_xml(f"<w:{tag} {nsdecls('w', 'r')}><w:p/></w:{tag}>")
    return element, _styled(element.find(qn("w:p")), style_id)


def _styled(p: Any, style_id: str) -> Any:
    """``p`` in paragraph style ``style_id`` (the header's and footer's own style replaced)."""
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = sub(p, "pPr")
    for style in p_pr.findall(qn("w:pStyle")):
        p_pr.remove(style)
    p_pr.insert(0, _style(style_id))
    return p


def _style(style_id: str) -> Any:
    from docx.oxml.parser import OxmlElement

    element = OxmlElement("w:pStyle")
    element.set(qn("w:val"), style_id)
    return element


def _field(p: Any, instruction: str) -> None:
    """A complex field (begin, instruction, separate, a shown value, end) at the end of ``p``."""
    sub(sub(p, "r"), "fldChar", fldCharType="begin")
    instr = sub(sub(p, "r"), "instrText")
    instr.text = f" {instruction} "
    instr.set(qn("xml:space"), "preserve")
    sub(sub(p, "r"), "fldChar", fldCharType="separate")
    sub(sub(p, "r"), "t").text = "1"
    sub(sub(p, "r"), "fldChar", fldCharType="end")
