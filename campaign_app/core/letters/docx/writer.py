"""A letter as an editable Word document (DOCX), built from the document model.

The DOCX is meant to be opened and edited by a campaigner before sending, so it uses
real Word structure rather than hard formatting: every paragraph has a named style
("Normal", "Letterhead", "Date", "Salutation", "Heading 1", "List Bullet", "Quote",
"Closing", "Signature", ...), sources are real Word footnotes (renumbered by Word when a
paragraph is moved or deleted), links are real hyperlinks, and the document language is
set so that Word spell-checks Ukrainian as Ukrainian.

python-docx has no footnote API, so ``word/footnotes.xml`` is built here with lxml. All
XML is built as elements, never by string concatenation, so text such as ``<script> & co``
is escaped by the serializer and appears literally.

Speed: the built-in python-docx template is loaded, prepared (styles, settings,
application name) and slimmed once per process: only the parts a letter needs are kept
(no theme, web settings, custom XML or thumbnail), and styles.xml keeps only the styles
this writer uses, without the latent-style table. Each letter then builds its python-docx
``Document`` from copies of those parsed parts rather than re-reading a zip, and the
package is zipped here with fast compression.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.opc.spec import default_content_types
from docx.oxml.coreprops import CT_CoreProperties
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement
from docx.package import Package
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from docx.parts.styles import StylesPart
from docx.shared import Inches, Mm
from lxml import etree

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.fonts import FONT_FAMILY
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

__all__ = ["docx_bytes", "word_language", "write_docx"]

GENERATOR = "campaign_app"

# Footnote ids 0 and 1 are the separator and continuation separator (as LibreOffice and
# Word number them when written from scratch); source number n gets footnote id n + 1.
_SEPARATOR_ID = 0
_CONTINUATION_ID = 1

# Characters XML 1.0 cannot contain at all (lxml refuses them); tab, LF and CR are handled.
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Word's language of the letter for spell-checking, where a bare language code has no
# obvious region (the campaign is European, so English is British English).
_LANGUAGE_REGION = {
    "en": "en-GB",
    "uk": "uk-UA",
    "ru": "ru-RU",
    "be": "be-BY",
    "kk": "kk-KZ",
    "ky": "ky-KG",
    "uz": "uz-Latn-UZ",
    "tg": "tg-Cyrl-TJ",
    "az": "az-Latn-AZ",
    "ka": "ka-GE",
    "hy": "hy-AM",
    "lt": "lt-LT",
    "lv": "lv-LV",
    "et": "et-EE",
    "pl": "pl-PL",
    "cs": "cs-CZ",
    "sk": "sk-SK",
    "de": "de-DE",
    "fr": "fr-FR",
    "es": "es-ES",
    "it": "it-IT",
    "nl": "nl-NL",
    "pt": "pt-PT",
    "ro": "ro-RO",
    "hu": "hu-HU",
    "bg": "bg-BG",
    "sr": "sr-Latn-RS",
    "hr": "hr-HR",
    "sl": "sl-SI",
    "fi": "fi-FI",
    "sv": "sv-SE",
    "da": "da-DK",
    "nb": "nb-NO",
    "no": "nb-NO",
    "el": "el-GR",
    "tr": "tr-TR",
}


# --------------------------------------------------------------------------- public API


def docx_bytes(letter: Letter) -> bytes:
    """The letter as a complete .docx file."""
    document = _new_document(_template())
    _LetterBuilder(document, letter).build()
    return _package_bytes(document.part.package)


def write_docx(letter: Letter, target: Path) -> None:
    """Write the letter to ``target`` atomically (the old file stays intact on failure)."""
    atomic_write_bytes(Path(target), docx_bytes(letter))


def word_language(language: str) -> str:
    """The Word language tag (``w:lang``) for a BCP 47 tag: ``"uk"`` -> ``"uk-UA"``."""
    tag = language.strip().replace("_", "-")
    if not tag:
        return "en-GB"
    base, *rest = tag.split("-")
    base = base.lower()
    if rest:
        subtags = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest]
        return "-".join([base, *subtags])
    if base in _LANGUAGE_REGION:
        return _LANGUAGE_REGION[base]
    try:
        from babel.core import get_global

        likely = get_global("likely_subtags").get(base, "")
    except Exception:  # Babel missing or without data: a bare language still spell-checks
        likely = ""
    region = likely.split("_")[-1] if likely else ""
    return f"{base}-{region}" if len(region) == 2 else base


# ------------------------------------------------------------------------ XML helpers


def _w(name: str) -> str:
    return qn(f"w:{name}")


def _sub(parent: Any, tag: str, **attrs: Any) -> Any:
    """Append a ``w:`` child element with ``w:`` attributes (values converted to str)."""
    return etree.SubElement(parent, _w(tag), {_w(k): str(v) for k, v in attrs.items()})


def _el(tag: str, *children: Any, **attrs: Any) -> Any:
    """A loose ``w:`` element with ``w:`` attributes and the given children, in order."""
    element = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        element.set(_w(key), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def _clean(text: str) -> str:
    return _INVALID_XML_CHARS.sub("", text)


def _add_text(r: Any, text: str) -> None:
    """Append text to run ``r``: ``w:t`` pieces, ``w:tab`` for tabs, ``w:br`` for newlines."""
    text = _clean(text).replace("\r\n", "\n").replace("\r", "\n")
    for i, line in enumerate(text.split("\n")):
        if i:
            _sub(r, "br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                _sub(r, "tab")
            if piece:
                t = _sub(r, "t")
                t.text = piece
                if piece != piece.strip():
                    t.set(qn("xml:space"), "preserve")


def _safe_url(url: str) -> str:
    """The URL as a valid relationship target (Word rejects spaces and raw non-ASCII)."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")


# -------------------------------------------------------------------- style definitions


def _fonts() -> Any:
    family = FONT_FAMILY
    return _el("rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family)


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> Any:
    attrs: dict[str, Any] = {"before": before, "after": after}
    if line is not None:
        attrs.update(line=line, lineRule="auto")
    return _el("spacing", **attrs)


def _size(half_points: int) -> list[Any]:
    return [_el("sz", val=half_points), _el("szCs", val=half_points)]


def _style(
    style_type: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    priority: int | None = None,
    custom: bool = False,
    qformat: bool = False,
    semi_hidden: bool = False,
    ppr: Iterable[Any] = (),
    rpr: Iterable[Any] = (),
    default: bool = False,
) -> Any:
    """A ``w:style`` element; ``ppr``/``rpr`` children must be given in schema order."""
    style = _el("style", type=style_type, styleId=style_id)
    if default:
        style.set(_w("default"), "1")
    if custom:
        style.set(_w("customStyle"), "1")
    style.append(_el("name", val=name))
    if based_on:
        style.append(_el("basedOn", val=based_on))
    if next_style:
        style.append(_el("next", val=next_style))
    if priority is not None:
        style.append(_el("uiPriority", val=priority))
    if semi_hidden:
        style.append(_el("semiHidden"))
        style.append(_el("unhideWhenUsed"))
    if qformat:
        style.append(_el("qFormat"))
    ppr, rpr = list(ppr), list(rpr)
    if ppr:
        style.append(_el("pPr", *ppr))
    if rpr:
        style.append(_el("rPr", *rpr))
    return style


def _letter_styles() -> list[Any]:
    """The styles this writer defines or redefines (sizes in half-points, spacing in twips).

    Built-in styles keep Word's internal names ("heading 1", "footnote text") so Word
    shows them translated and treats them as its own; the rest are custom styles.
    """
    black = _el("color", val="000000")
    return [
        _style(
            "paragraph",
            "Normal",
            "Normal",
            based_on=None,
            default=True,
            priority=0,
            qformat=True,
            ppr=[_spacing(0, 160, 264)],
            rpr=[_fonts(), *_size(22), _el("lang", val="en-GB")],
        ),
        _style(
            "paragraph",
            "Letterhead",
            "Letterhead",
            next_style="LetterheadDetails",
            custom=True,
            qformat=True,
            priority=10,
            ppr=[_el("keepNext"), _spacing(0, 40, 240)],
            rpr=[_el("b"), _el("bCs"), *_size(28)],
        ),
        _style(
            "paragraph",
            "LetterheadDetails",
            "Letterhead Details",
            next_style="Date",
            custom=True,
            priority=10,
            ppr=[_el("keepNext"), _spacing(0, 0, 240)],
            rpr=[_el("color", val="404040"), *_size(18)],
        ),
        _style(
            "paragraph",
            "Date",
            "Date",
            next_style="RecipientAddress",
            priority=99,
            ppr=[_spacing(480, 360), _el("jc", val="right")],
        ),
        _style(
            "paragraph",
            "RecipientAddress",
            "Recipient Address",
            next_style="LetterSubject",
            custom=True,
            priority=10,
            ppr=[_el("keepLines"), _spacing(0, 0, 240)],
        ),
        _style(
            "paragraph",
            "LetterSubject",
            "Letter Subject",
            next_style="Salutation",
            custom=True,
            qformat=True,
            priority=10,
            ppr=[_el("keepNext"), _spacing(480, 240)],
            rpr=[_el("b"), _el("bCs")],
        ),
        _style(
            "paragraph",
            "Salutation",
            "Salutation",
            next_style="Normal",
            priority=99,
            ppr=[_el("keepNext"), _spacing(0, 160, 264)],
        ),
        _style(
            "paragraph",
            "Closing",
            "Closing",
            next_style="Signature",
            priority=99,
            ppr=[_el("keepNext"), _el("keepLines"), _spacing(240, 0, 264)],
        ),
        _style(
            "paragraph",
            "Signature",
            "Signature",
            next_style="SignatoryRole",
            priority=99,
            ppr=[_el("keepNext"), _el("keepLines"), _spacing(600, 0, 240)],
        ),
        _style(
            "paragraph",
            "SignatoryRole",
            "Signatory Role",
            next_style="Signature",
            custom=True,
            priority=10,
            ppr=[_el("keepNext"), _el("keepLines"), _spacing(0, 0, 240)],  # one signature block
            rpr=[_el("color", val="404040")],
        ),
        *(
            _style(
                "paragraph",
                f"Heading{level}",
                f"heading {level}",
                next_style="Normal",
                priority=9,
                qformat=True,
                semi_hidden=level > 1,
                ppr=[
                    _el("keepNext"),
                    _el("keepLines"),
                    _spacing(before, 120, 240),
                    _el("outlineLvl", val=level - 1),
                ],
                rpr=[
                    _el("b"),
                    _el("bCs"),
                    *([_el("i"), _el("iCs")] if level == 3 else []),
                    _el("color", val="000000"),
                    *_size(size),
                ],
            )
            for level, before, size in ((1, 360, 28), (2, 280, 24), (3, 240, 22))
        ),
        _style(
            "paragraph",
            "Quote",
            "Quote",
            next_style="Normal",
            priority=29,
            qformat=True,
            ppr=[_el("ind", left=567, right=567)],
            rpr=[_el("i"), _el("iCs"), black],
        ),
        _style(
            "paragraph",
            "FootnoteText",
            "footnote text",
            priority=99,
            semi_hidden=True,
            ppr=[_spacing(0, 40, 240)],
            rpr=[*_size(18)],
        ),
        _style(
            "character",
            "FootnoteReference",
            "footnote reference",
            based_on="DefaultParagraphFont",
            priority=99,
            semi_hidden=True,
            rpr=[_el("vertAlign", val="superscript")],
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            based_on="DefaultParagraphFont",
            priority=99,
            semi_hidden=True,
            rpr=[_el("color", val="0563C1"), _el("u", val="single")],
        ),
    ]


# ------------------------------------------------------------------ prepared template


# Styles of python-docx's template that the writer uses besides its own (_letter_styles).
_TEMPLATE_STYLES = (
    *(f"List{kind}{suffix}" for kind in ("Bullet", "Number", "Continue") for suffix in ("", "2", "3")),
)

# Compression of the zip: level 1 instead of zlib's default 6 saves ~10% of the time per
# letter (~0.2 ms) for a file <1 kB (~8%) larger.
_COMPRESSLEVEL = 1

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


@dataclass(frozen=True)
class _Template:
    """The prepared, slimmed template: parsed parts copied per letter, fixed parts as bytes."""

    document: Any  # CT_Document, word/document.xml (an empty body with its section)
    styles: Any  # CT_Styles; the letter language is set per letter
    numbering: Any  # CT_Numbering; ordered lists add numbering instances per letter
    settings: bytes  # word/settings.xml, never changed per letter
    font_table: bytes  # word/fontTable.xml
    app: bytes  # docProps/app.xml


@lru_cache(maxsize=1)
def _template() -> _Template:
    """python-docx's default template with this writer's styles and settings, slimmed."""
    document = Document()
    _prepare_styles(document)
    _prepare_settings(document)
    _prepare_package(document)
    kept = _slim_styles(document.styles.element)
    _slim_numbering(document.part.numbering_part.element, document.styles.element, kept)
    parts = {rel.reltype: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    package_parts = {rel.reltype: rel.target_part for rel in document.part.package.rels.values()}
    return _Template(
        document=deepcopy(document.element),
        styles=deepcopy(document.styles.element),
        numbering=deepcopy(document.part.numbering_part.element),
        settings=parts[RT.SETTINGS].blob,
        font_table=parts[RT.FONT_TABLE].blob,
        app=package_parts[RT.EXTENDED_PROPERTIES].blob,
    )


def _new_document(template: _Template) -> DocxDocument:
    """A python-docx Document for one letter, assembled from copies of the template parts.

    Only the parts a letter needs: document, styles, numbering, settings and font table,
    core and extended properties (the footnotes part is added by the builder). Parts the
    builder never changes are kept as bytes (plain ``Part``, not parsed).
    """
    package = Package()
    main = DocumentPart(
        PackURI("/word/document.xml"), CT.WML_DOCUMENT_MAIN, deepcopy(template.document), package
    )
    package.relate_to(main, RT.OFFICE_DOCUMENT)
    core = CorePropertiesPart(
        PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, CT_CoreProperties.new(), package
    )
    package.relate_to(core, RT.CORE_PROPERTIES)
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, template.app, package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
    styles = StylesPart(PackURI("/word/styles.xml"), CT.WML_STYLES, deepcopy(template.styles), package)
    main.relate_to(styles, RT.STYLES)
    numbering = NumberingPart(
        PackURI("/word/numbering.xml"), CT.WML_NUMBERING, deepcopy(template.numbering), package
    )
    main.relate_to(numbering, RT.NUMBERING)
    settings = Part(PackURI("/word/settings.xml"), CT.WML_SETTINGS, template.settings, package)
    main.relate_to(settings, RT.SETTINGS)
    fonts = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, template.font_table, package)
    main.relate_to(fonts, RT.FONT_TABLE)
    return main.document


def _package_bytes(package: OpcPackage) -> bytes:
    """The package as a zip, as python-docx's ``save`` writes it but with faster deflate."""
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSLEVEL) as zf:
        zf.writestr("[Content_Types].xml", _content_types(tuple((p.partname, p.content_type) for p in parts)))
        zf.writestr("_rels/.rels", package.rels.xml)
        for part in parts:
            zf.writestr(part.partname.membername, part.blob)
            if len(part.rels):
                zf.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


@lru_cache(maxsize=8)
def _content_types(parts: tuple[tuple[str, str], ...]) -> bytes:
    """``[Content_Types].xml`` for parts given as (part name, content type) pairs."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for partname, content_type in parts:
        ext = partname.rsplit(".", 1)[-1]
        if (ext.lower(), content_type) in default_content_types:
            defaults[ext] = content_type
        else:
            overrides[partname] = content_type
    root = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
    for ext, content_type in sorted(defaults.items()):
        etree.SubElement(root, f"{{{_CT_NS}}}Default", Extension=ext, ContentType=content_type)
    for partname, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_CT_NS}}}Override", PartName=partname, ContentType=content_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slim_styles(styles: Any) -> set[str]:
    """Keep only the styles a letter uses (and what they refer to); return their ids.

    The template defines ~170 styles and a latent-style table for ~250 more (350 kB of
    XML, most of the time spent per letter); Word and LibreOffice know their built-in
    styles without them.
    """
    for latent in styles.findall(_w("latentStyles")):
        styles.remove(latent)
    by_id = {s.get(_w("styleId")): s for s in styles.findall(_w("style"))}
    keep = {s.get(_w("styleId")) for s in _letter_styles()} | set(_TEMPLATE_STYLES)
    keep |= {style_id for style_id, s in by_id.items() if s.get(_w("default")) in {"1", "true", "on"}}
    refs = tuple(_w(name) for name in ("basedOn", "next", "link"))
    pending = list(keep)
    while pending:
        style = by_id.get(pending.pop())
        for ref in style.iterchildren(*refs) if style is not None else ():
            target = ref.get(_w("val"))
            if target not in keep:
                keep.add(target)
                pending.append(target)
    keep &= set(by_id)
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
        else:
            for ref in list(style.iterchildren(*refs)):
                if ref.get(_w("val")) not in keep:
                    style.remove(ref)
    return keep


def _slim_numbering(numbering: Any, styles: Any, kept_styles: set[str]) -> None:
    """Keep only the numbering definitions the kept styles refer to."""
    used = {num_id.get(_w("val")) for num_id in styles.iter(_w("numId"))}
    abstract_used = set()
    for num in numbering.findall(_w("num")):
        if num.get(_w("numId")) in used:
            abstract_used.add(num.find(_w("abstractNumId")).get(_w("val")))
        else:
            numbering.remove(num)
    for abstract in numbering.findall(_w("abstractNum")):
        if abstract.get(_w("abstractNumId")) not in abstract_used:
            numbering.remove(abstract)
            continue
        for p_style in list(abstract.iter(_w("pStyle"))):
            if p_style.get(_w("val")) not in kept_styles:
                p_style.getparent().remove(p_style)


def _prepare_styles(document: DocxDocument) -> None:
    styles = document.styles.element
    # Document defaults: the letter face everywhere, also where a style names no font
    # (the template's theme fonts would otherwise win in Word).
    rpr_default = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if rpr_default is not None:
        for old in rpr_default.findall(_w("rFonts")):
            rpr_default.remove(old)
        rpr_default.insert(0, _fonts())
    for style in _letter_styles():
        style_id = style.get(_w("styleId"))
        old = styles.get_by_id(style_id)
        if old is not None:
            old.addprevious(style)
            styles.remove(old)
        else:
            styles.append(style)
    # The theme's fonts and colours on the styles we keep (lists, "Title") would not match.
    for rfonts in styles.iter(_w("rFonts")):
        if any(key.endswith("Theme") for key in rfonts.attrib):
            parent = rfonts.getparent()
            parent.replace(rfonts, _fonts())


def _prepare_settings(document: DocxDocument) -> None:
    settings = document.settings.element
    # The template says "spelling checked, no errors"; a new letter has not been checked.
    for proof in settings.findall(_w("proofState")):
        settings.remove(proof)
    for old in settings.findall(_w("footnotePr")):
        settings.remove(old)
    footnote_pr = _el(
        "footnotePr",
        _el("numFmt", val="decimal"),
        _el("numStart", val=1),
        _el("footnote", id=_SEPARATOR_ID),
        _el("footnote", id=_CONTINUATION_ID),
    )
    # footnotePr goes right before w:compat in CT_Settings' sequence.
    anchor = settings.find(_w("compat"))
    if anchor is None:
        anchor = next(
            (c for c in settings if c.tag in {_w(n) for n in ("endnotePr", "docVars", "rsids")}),
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
            for old in root.findall(_w("font")):
                if old.get(_w("name")) == FONT_FAMILY:
                    root.remove(old)
            root.insert(
                0,
                _el(
                    "font",
                    _el("panose1", val="020A0603040505020204"),
                    _el("charset", val="00"),
                    _el("family", val="roman"),
                    _el("pitch", val="variable"),
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


# ------------------------------------------------------------------------- the letter


class _LetterBuilder:
    def __init__(self, document: DocxDocument, letter: Letter) -> None:
        self.document = document
        self.letter = letter
        self.part = document.part
        self.body = document.element.body
        self.sect_pr = self.body.find(_w("sectPr"))
        self.numbering = self.part.numbering_part.element
        self.abstract_for_style = _abstract_num_by_style(document.styles.element, self.numbering)
        # footnote number -> Word footnote id, and the number Word will display for it
        self.footnote_ids = {fn.number: index + 2 for index, fn in enumerate(letter.footnotes)}
        self.shown_numbers: dict[int, int] = {}

    # -- document level

    def build(self) -> None:
        self._language()
        self._page()
        self._properties()
        letter = self.letter
        self._text_paragraph("Letterhead", letter.letterhead.organisation)
        for line in letter.letterhead.lines:
            self._text_paragraph("LetterheadDetails", line)
        self._text_paragraph("Date", letter.place_and_date)
        for line in letter.recipient_lines:
            self._text_paragraph("RecipientAddress", line)
        self._text_paragraph("LetterSubject", letter.subject)
        self._text_paragraph("Salutation", letter.salutation)
        for block in letter.body:
            self._block(block, list_depth=0, in_quote=False)
        self._text_paragraph("Closing", letter.closing)
        for signatory in letter.signatories:
            self._text_paragraph("Signature", signatory.name)
            if signatory.role:
                self._text_paragraph("SignatoryRole", signatory.role)
        # The "Sources" heading of the PDF has no counterpart: Word sets the footnotes at
        # the foot of the page where they are cited.
        self._footnotes_part()

    def _language(self) -> None:
        lang = word_language(self.letter.language)
        styles = self.document.styles.element
        normal = styles.get_by_id("Normal")
        targets = [
            normal.find(f"{_w('rPr')}/{_w('lang')}") if normal is not None else None,
            styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}"),
        ]
        for element in targets:
            if element is not None:
                element.set(_w("val"), lang)

    def _page(self) -> None:
        section = self.document.sections[0]
        if self.letter.paper == "Letter":
            section.page_width, section.page_height = Inches(8.5), Inches(11)
            margin = Inches(1)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
            margin = Mm(25)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin

    def _properties(self) -> None:
        letter = self.letter
        props = self.document.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)

        def short(text: str) -> str:  # python-docx limits these properties to 255 chars
            return _clean(text)[:255]

        props.title = short(letter.title)
        props.author = short(letter.author)
        props.last_modified_by = short(letter.author)
        props.subject = short(letter.subject)
        props.keywords = short("; ".join(letter.keywords))
        props.language = word_language(letter.language)
        props.comments = f"Generated by {GENERATOR}"
        props.category = ""
        props.revision = 1
        props.created = now
        props.modified = now

    # -- paragraphs

    def _paragraph(self, style_id: str) -> Any:
        p = OxmlElement("w:p")
        _sub(_sub(p, "pPr"), "pStyle", val=style_id)
        self.sect_pr.addprevious(p)
        return p

    def _text_paragraph(self, style_id: str, text: str) -> None:
        if text.strip():
            r = _sub(self._paragraph(style_id), "r")
            _add_text(r, text)

    def _block(self, block: Block, list_depth: int, in_quote: bool) -> None:
        if isinstance(block, Paragraph):
            style = "Quote" if in_quote else "Normal"
            self._inlines(self._paragraph(style), block.inlines)
        elif isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            self._inlines(self._paragraph(f"Heading{level}"), block.inlines)
        elif isinstance(block, ListBlock):
            self._list(block, list_depth + 1, in_quote)
        elif isinstance(block, Quote):
            for inner in block.blocks:
                self._block(inner, list_depth, in_quote=True)

    def _list(self, block: ListBlock, depth: int, in_quote: bool) -> None:
        level = min(depth, 3)
        suffix = "" if level == 1 else str(level)
        style = ("ListNumber" if block.ordered else "ListBullet") + suffix
        num_id = self._restart_numbering(style, block.start) if block.ordered else None
        for item in block.items:
            blocks = list(item.blocks)
            first = blocks.pop(0) if blocks and isinstance(blocks[0], Paragraph) else None
            p = self._paragraph(style)
            if num_id is not None:
                num_pr = _sub(p.find(_w("pPr")), "numPr")
                _sub(num_pr, "ilvl", val=0)
                _sub(num_pr, "numId", val=num_id)
            if first is not None:
                self._inlines(p, first.inlines)
            for inner in blocks:
                if isinstance(inner, Paragraph):
                    # A further paragraph of the same item: indented, without a number.
                    self._inlines(self._paragraph(f"ListContinue{suffix}"), inner.inlines)
                else:
                    self._block(inner, depth, in_quote)

    def _restart_numbering(self, style: str, start: int) -> int | None:
        """A new list instance so that every ordered list starts at its own ``start``."""
        abstract_id = self.abstract_for_style.get(style)
        if abstract_id is None:
            return None
        num = self.numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(max(start, 0))
        return num.numId

    # -- inline content

    def _inlines(self, p: Any, inlines: tuple[Inline, ...]) -> None:
        previous: Any = None
        for group in _link_groups(inlines):
            if isinstance(group, FootnoteRef) and isinstance(previous, FootnoteRef):
                # "3,4", never "34": a separator in the footnote reference style.
                sep = _sub(p, "r")
                _sub(_sub(sep, "rPr"), "rStyle", val="FootnoteReference")
                _add_text(sep, ",")
            previous = group
            if isinstance(group, list):
                link = group[0].link
                assert link is not None
                r_id = self.part.relate_to(_safe_url(link), RT.HYPERLINK, is_external=True)
                hyperlink = _sub(p, "hyperlink")
                hyperlink.set(qn("r:id"), r_id)
                hyperlink.set(_w("history"), "1")
                for run in group:
                    self._run(hyperlink, run, char_style="Hyperlink")
            elif isinstance(group, Run):
                self._run(p, group)
            elif isinstance(group, FootnoteRef):
                self._footnote_ref(p, group.number)
            elif isinstance(group, LineBreak):
                _sub(_sub(p, "r"), "br")

    @staticmethod
    def _run(parent: Any, run: Run, char_style: str | None = None) -> None:
        if not run.text:
            return
        r = _sub(parent, "r")
        if char_style or run.bold or run.italic:
            rpr = _sub(r, "rPr")
            if char_style:
                _sub(rpr, "rStyle", val=char_style)
            if run.bold:
                _sub(rpr, "b")
                _sub(rpr, "bCs")
            if run.italic:
                _sub(rpr, "i")
                _sub(rpr, "iCs")
        _add_text(r, run.text)

    def _footnote_ref(self, p: Any, number: int) -> None:
        r = _sub(p, "r")
        _sub(_sub(r, "rPr"), "rStyle", val="FootnoteReference")
        footnote_id = self.footnote_ids.get(number)
        if footnote_id is not None and number not in self.shown_numbers:
            # Word numbers footnotes by the order of their references; remember the number
            # it will show (equal to ``number`` when sources are numbered in reading order).
            self.shown_numbers[number] = len(self.shown_numbers) + 1
            _sub(r, "footnoteReference", id=footnote_id)
            return
        # A Word footnote can be referenced only once. A source cited again is marked with
        # the number of its footnote as plain superscript text in the "footnote reference"
        # style, so the reader finds the same footnote; it is not renumbered automatically
        # if the first citation is later moved in Word. (A reference to a source that does
        # not exist is shown the same way rather than dropped.)
        t = _sub(r, "t")
        t.text = str(self.shown_numbers.get(number, number))

    # -- footnotes part

    def _footnotes_part(self) -> None:
        root = OxmlElement("w:footnotes", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
        for footnote_id, kind, mark in (
            (_SEPARATOR_ID, "separator", "separator"),
            (_CONTINUATION_ID, "continuationSeparator", "continuationSeparator"),
        ):
            footnote = _sub(root, "footnote", type=kind, id=footnote_id)
            p = _sub(footnote, "p")
            _sub(_sub(p, "pPr"), "spacing", after=0, line=240, lineRule="auto")
            _sub(_sub(p, "r"), mark)
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, self.part.package)
        # Every source gets a footnote, in source order. markdown_doc only creates sources
        # that are cited, so each of them is referenced from the body.
        for fn in self.letter.footnotes:
            footnote = _sub(root, "footnote", id=self.footnote_ids[fn.number])
            p = _sub(footnote, "p")
            _sub(_sub(p, "pPr"), "pStyle", val="FootnoteText")
            mark = _sub(p, "r")
            _sub(_sub(mark, "rPr"), "rStyle", val="FootnoteReference")
            _sub(mark, "footnoteRef")
            _add_text(_sub(p, "r"), " " + fn.text)
            if fn.url:
                _add_text(_sub(p, "r"), " ")
                r_id = part.relate_to(_safe_url(fn.url), RT.HYPERLINK, is_external=True)
                hyperlink = _sub(p, "hyperlink")
                hyperlink.set(qn("r:id"), r_id)
                hyperlink.set(_w("history"), "1")
                r = _sub(hyperlink, "r")
                _sub(_sub(r, "rPr"), "rStyle", val="Hyperlink")
                _add_text(r, fn.url)
        self.part.relate_to(part, RT.FOOTNOTES)


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
        num_id = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}") if style is not None else None
        if num_id is None:
            continue
        try:
            num = numbering.num_having_numId(int(num_id.get(_w("val"))))
        except (KeyError, ValueError):
            continue
        result[style_id] = int(num.abstractNumId.get(_w("val")))
    return result
