"""The DOCX letter's header and footer: "PAGE / NUMPAGES" fields centred in the footer, and
the EXAMPLE line in the header of letters from the bundled example's made-up sender.

Fields, not text: Word and LibreOffice fill in the numbers as the campaigner edits the
letter and as the pages fall on their printer.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.hdrftr import FooterPart, HeaderPart

from campaign_app.core.letters.document import EXAMPLE_CAPTION as CAPTION
from campaign_app.core.letters.docx.wordml import add_text, sub


def add_page_numbers(document: DocxDocument) -> None:
    """Put "PAGE / NUMPAGES" in the footer of the letter's section, in the Footer style."""
    p = _styled(_new_part(document, footer=True), "Footer")
    _field(p, "PAGE")
    t = sub(sub(p, "r"), "t")
    t.text = " / "
    t.set(qn("xml:space"), "preserve")
    _field(p, "NUMPAGES")


def add_example_mark(document: DocxDocument) -> None:
    """The EXAMPLE line (the PDF's words) at the top of every page, in red."""
    p = _styled(_new_part(document, footer=False), "Footer")
    r = sub(p, "r")
    sub(sub(r, "rPr"), "color", val="B00020")
    add_text(r, CAPTION)


def _new_part(document: DocxDocument, footer: bool) -> Any:
    """A new footer (or header) part of one empty paragraph for the letter's section; its
    paragraph. Built here rather than from python-docx's template file, which its code
    finds through a folder the frozen desktop app does not have."""
    package = document.part.package
    kind, tag = ("footer", "ftr") if footer else ("header", "hdr")
    element = parse_xml(f"<w:{tag} {nsdecls('w', 'r')}><w:p/></w:{tag}>")
    partname = package.next_partname(f"/word/{kind}%d.xml")
    if footer:
        part: Part = FooterPart(partname, CT.WML_FOOTER, element, package)
        r_id = document.part.relate_to(part, RT.FOOTER)
        document.sections[0]._sectPr.add_footerReference(WD_HEADER_FOOTER.PRIMARY, r_id)
    else:
        part = HeaderPart(partname, CT.WML_HEADER, element, package)
        r_id = document.part.relate_to(part, RT.HEADER)
        document.sections[0]._sectPr.add_headerReference(WD_HEADER_FOOTER.PRIMARY, r_id)
    return element.find(qn("w:p"))


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
