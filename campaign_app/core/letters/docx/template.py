"""The DOCX template every letter starts from, prepared and slimmed once per process.

Speed: python-docx's built-in template is loaded, prepared (styles, settings,
application name, the letter face in the font table) and slimmed once per process: only
the parts a letter needs are kept (no theme, web settings, custom XML or thumbnail), and
styles.xml keeps only the styles the writer uses, without the latent-style table. Each
letter then builds its python-docx ``Document`` from copies of those parsed parts (see
:mod:`campaign_app.core.letters.docx.package`) rather than re-reading a zip.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from campaign_app.core.common.fonts import FONT_FAMILY
from campaign_app.core.letters.docx.footnotes import CONTINUATION_ID, SEPARATOR_ID
from campaign_app.core.letters.docx.language import set_styles_language
from campaign_app.core.letters.docx.parts import SharedXml
from campaign_app.core.letters.docx.styles import TEMPLATE_STYLES, letter_fonts, letter_styles
from campaign_app.core.letters.docx.wordml import el, w

GENERATOR = "campaign_app"


@dataclass(frozen=True)
class Template:
    """The prepared, slimmed template: parsed parts copied per letter, fixed parts as bytes."""

    document: Any  # CT_Document, word/document.xml (an empty body with its section)
    styles: Any  # CT_Styles; the letter language is set per letter
    numbering: Any  # CT_Numbering; ordered lists add numbering instances per letter
    settings: bytes  # word/settings.xml, never changed per letter
    font_table: bytes  # word/fontTable.xml
    app: bytes  # docProps/app.xml


@lru_cache(maxsize=1)
def prepared_template() -> Template:
    """python-docx's default template with this writer's styles and settings, slimmed."""
    document = Document()
    _prepare_styles(document)
    _prepare_settings(document)
    _prepare_package(document)
    kept = _slim_styles(document.styles.element)
    _slim_numbering(document.part.numbering_part.element, document.styles.element, kept)
    parts = {rel.reltype: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    package_parts = {rel.reltype: rel.target_part for rel in document.part.package.rels.values()}
    return Template(
        document=deepcopy(document.element),
        styles=deepcopy(document.styles.element),
        numbering=deepcopy(document.part.numbering_part.element),
        settings=parts[RT.SETTINGS].blob,
        font_table=parts[RT.FONT_TABLE].blob,
        app=package_parts[RT.EXTENDED_PROPERTIES].blob,
    )


def styles_in(language: str) -> Any:
    """A copy of the template's styles with ``language`` for spell-checking."""
    styles = deepcopy(prepared_template().styles)
    set_styles_language(styles, language)
    return styles


@lru_cache(maxsize=16)
def language_styles(language: str) -> SharedXml:
    """The template's styles in ``language``, shared by the letters in it (see parts.py)."""
    return SharedXml.of(styles_in(language))


@lru_cache(maxsize=1)
def shared_numbering() -> SharedXml:
    """The template's numbering, as every letter without a numbered list has it."""
    return SharedXml.of(prepared_template().numbering)


def _slim_styles(styles: Any) -> set[str]:
    """Keep only the styles a letter uses (and what they refer to); return their ids.

    The template defines ~170 styles and a latent-style table for ~250 more (350 kB of
    XML, most of the time spent per letter); Word and LibreOffice know their built-in
    styles without them.
    """
    for latent in styles.findall(w("latentStyles")):
        styles.remove(latent)
    by_id = {s.get(w("styleId")): s for s in styles.findall(w("style"))}
    keep = {s.get(w("styleId")) for s in letter_styles()} | set(TEMPLATE_STYLES)
    keep |= {style_id for style_id, s in by_id.items() if s.get(w("default")) in {"1", "true", "on"}}
    refs = tuple(w(name) for name in ("basedOn", "next", "link"))
    pending = list(keep)
    while pending:
        style = by_id.get(pending.pop())
        for ref in style.iterchildren(*refs) if style is not None else ():
            target = ref.get(w("val"))
            if target not in keep:
                keep.add(target)
                pending.append(target)
    keep &= set(by_id)
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
        else:
            for ref in list(style.iterchildren(*refs)):
                if ref.get(w("val")) not in keep:
                    style.remove(ref)
    return keep


def _slim_numbering(numbering: Any, styles: Any, kept_styles: set[str]) -> None:
    """Keep only the numbering definitions the kept styles refer to."""
    used = {num_id.get(w("val")) for num_id in styles.iter(w("numId"))}
    abstract_used = set()
    for num in numbering.findall(w("num")):
        if num.get(w("numId")) in used:
            abstract_used.add(num.find(w("abstractNumId")).get(w("val")))
        else:
            numbering.remove(num)
    for abstract in numbering.findall(w("abstractNum")):
        if abstract.get(w("abstractNumId")) not in abstract_used:
            numbering.remove(abstract)
            continue
        for p_style in list(abstract.iter(w("pStyle"))):
            if p_style.get(w("val")) not in kept_styles:
                p_style.getparent().remove(p_style)


def _prepare_styles(document: DocxDocument) -> None:
    styles = document.styles.element
    # Document defaults: the letter face everywhere, also where a style names no font
    # (the template's theme fonts would otherwise win in Word).
    rpr_default = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    if rpr_default is not None:
        for old in rpr_default.findall(w("rFonts")):
            rpr_default.remove(old)
        rpr_default.insert(0, letter_fonts())
    for style in letter_styles():
        style_id = style.get(w("styleId"))
        old = styles.get_by_id(style_id)
        if old is not None:
            old.addprevious(style)
            styles.remove(old)
        else:
            styles.append(style)
    # The theme's fonts and colours on the styles we keep (lists, "Title") would not match.
    for rfonts in styles.iter(w("rFonts")):
        if any(key.endswith("Theme") for key in rfonts.attrib):
            parent = rfonts.getparent()
            parent.replace(rfonts, letter_fonts())


def _prepare_settings(document: DocxDocument) -> None:
    settings = document.settings.element
    # The template says "spelling checked, no errors"; a new letter has not been checked.
    for proof in settings.findall(w("proofState")):
        settings.remove(proof)
    for old in settings.findall(w("footnotePr")):
        settings.remove(old)
    # The fonts embedded in each letter (docx/embedded_fonts.py) are to be used: this comes
    # right after w:zoom in CT_Settings' sequence.
    zoom = settings.find(w("zoom"))
    if settings.find(w("embedTrueTypeFonts")) is None:
        if zoom is not None:
            zoom.addnext(el("embedTrueTypeFonts"))
        else:
            settings.insert(0, el("embedTrueTypeFonts"))
    footnote_pr = el(
        "footnotePr",
        el("numFmt", val="decimal"),
        el("numStart", val=1),
        el("footnote", id=SEPARATOR_ID),
        el("footnote", id=CONTINUATION_ID),
    )
    # footnotePr goes right before w:compat in CT_Settings' sequence.
    anchor = settings.find(w("compat"))
    if anchor is None:
        anchor = next(
            (c for c in settings if c.tag in {w(n) for n in ("endnotePr", "docVars", "rsids")}),
            None,
        )
    if anchor is not None:
        anchor.addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


def _prepare_package(document: DocxDocument) -> None:
    package = document.part.package
    # The Word 2010 copy of the styles would contradict the styles we just changed.
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype == "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects":
            document.part.drop_rel(rId)
    # The template's thumbnail shows an empty page, not the letter.
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rId]
    # Describe PT Serif in the font table (a serif face), so that Word or LibreOffice
    # without it substitute a serif font rather than a sans one.
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            part = rel.target_part
            root = etree.fromstring(part.blob)
            for old in root.findall(w("font")):
                if old.get(w("name")) == FONT_FAMILY:
                    root.remove(old)
            root.insert(
                0,
                el(
                    "font",
                    el("panose1", val="020A0603040505020204"),
                    el("charset", val="00"),
                    el("family", val="roman"),
                    el("pitch", val="variable"),
                    name=FONT_FAMILY,
                ),
            )
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    # docProps/app.xml names the application that wrote the file.
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            part = rel.target_part
            root = etree.fromstring(part.blob)
            ns = root.nsmap.get(None, "")
            for child in root:
                if child.tag == f"{{{ns}}}Application":
                    child.text = GENERATOR
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
