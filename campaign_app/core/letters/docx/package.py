"""One letter's DOCX package: assembled from the prepared template, zipped with fast compression
(the parts and relationship lists shared by many letters copied into the zip as they were
deflated once: parts.py; the letter's own parts deflated and added without zipfile's
per-entry machinery)."""

from __future__ import annotations

import io
import time
import zipfile
from copy import deepcopy
from functools import lru_cache
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.opc.rel import Relationships
from docx.opc.spec import default_content_types
from docx.oxml.coreprops import CT_CoreProperties
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from campaign_app.core.common import reuse
from campaign_app.core.letters.docx.parts import (
    Deflated,
    SharedNumberingPart,
    SharedStylesPart,
    deflated_once,
    zip_entry,
)
from campaign_app.core.letters.docx.template import Template, language_styles, shared_numbering, styles_in

# Compression of the zip: level 1 instead of zlib's default 6 saves ~10% of the time per
# letter (~0.2 ms) for a file <1 kB (~8%) larger.
COMPRESSLEVEL = 1

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def new_document(template: Template, language: str, document: Any = None) -> DocxDocument:
    """A python-docx Document for one letter in ``language``, assembled from the template
    (a copy of ``document``, the template's document element prepared further, if given).

    Only the parts a letter needs: document, styles, numbering, settings and font table,
    core and extended properties (the footnotes part is added by the builder). Parts the
    builder never changes are kept as bytes (plain ``Part``, not parsed); the styles (in
    the letter's language) and the numbering are shared until a letter changes them.
    """
    package = Package()
    main = DocumentPart(
        PackURI("/word/document.xml"),
        CT.WML_DOCUMENT_MAIN,
        deepcopy(template.document if document is None else document),
        package,
    )
    package.relate_to(main, RT.OFFICE_DOCUMENT)
    core = CorePropertiesPart(
        PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, CT_CoreProperties.new(), package
    )
    package.relate_to(core, RT.CORE_PROPERTIES)
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, template.app, package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
    if reuse.enabled():
        styles = SharedStylesPart(
            PackURI("/word/styles.xml"), CT.WML_STYLES, package, language_styles(language)
        )
        numbering = SharedNumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, package, shared_numbering()
        )
    else:  # the letter's own copies, as every letter had them before parts were shared
        styles = SharedStylesPart(
            PackURI("/word/styles.xml"), CT.WML_STYLES, package, None, styles_in(language)
        )
        numbering = SharedNumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, package, None, deepcopy(template.numbering)
        )
    main.relate_to(styles, RT.STYLES)
    main.relate_to(numbering, RT.NUMBERING)
    settings = Part(PackURI("/word/settings.xml"), CT.WML_SETTINGS, template.settings, package)
    main.relate_to(settings, RT.SETTINGS)
    fonts = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, template.font_table, package)
    main.relate_to(fonts, RT.FONT_TABLE)
    return main.document


def package_bytes(package: OpcPackage) -> bytes:
    """The package as a zip, as python-docx's ``save`` writes it but with faster deflate.

    With reuse (common/reuse.py) every entry is written from its deflated bytes: the parts
    and relationship lists that are the same in many letters deflated once per process, the
    letter's own (its text, its dates) deflated here; the zip's entries hold the same parts."""
    parts = list(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL) as zf:
        (_write_reused if reuse.enabled() else _write_plain)(zf, package, parts)
    return out.getvalue()


def _write_plain(zf: zipfile.ZipFile, package: OpcPackage, parts: list[Part]) -> None:
    zf.writestr("[Content_Types].xml", _content_types(tuple((p.partname, p.content_type) for p in parts)))
    zf.writestr("_rels/.rels", package.rels.xml)
    for part in parts:
        deflated = zip_entry(part)
        if deflated is not None:
            _write_deflated(zf, part.partname.membername, deflated)
        else:
            zf.writestr(part.partname.membername, part.blob)
        if len(part.rels):
            zf.writestr(part.partname.rels_uri.membername, part.rels.xml)


def _write_reused(zf: zipfile.ZipFile, package: OpcPackage, parts: list[Part]) -> None:
    now = time.localtime(time.time())
    stamp = (now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec)
    content_types = _content_types(tuple((p.partname, p.content_type) for p in parts))
    _write_deflated(zf, "[Content_Types].xml", deflated_once(content_types), stamp)
    _write_deflated(zf, "_rels/.rels", deflated_once(_rels_xml(package.rels, "/")), stamp)
    for part in parts:
        deflated = zip_entry(part) or Deflated.of(part.blob, COMPRESSLEVEL)
        _write_deflated(zf, part.partname.membername, deflated, stamp)
        if len(part.rels):
            rels = deflated_once(_rels_xml(part.rels, part.partname.baseURI))
            _write_deflated(zf, part.partname.rels_uri.membername, rels, stamp)


# The .rels parts written, by the part's folder and its relationships (a few per template).
_KEPT_RELS = 64
_rels_written: dict[tuple[Any, ...], bytes] = {}


def _rels_xml(rels: Relationships, base_uri: str) -> bytes:
    """``rels`` as their .rels part: written once per process for the same relationships
    (python-docx wrote them anew for each part of each letter)."""
    key = (
        base_uri,
        *(
            (r.rId, r.reltype, r.is_external, r.target_ref if r.is_external else r.target_part.partname)
            for r in rels.values()
        ),
    )
    found = _rels_written.get(key)
    if found is None:
        if len(_rels_written) >= _KEPT_RELS:
            _rels_written.clear()
        found = _rels_written[key] = _as_bytes(rels.xml)
    return found


def _as_bytes(xml: str | bytes) -> bytes:
    return xml.encode("utf-8") if isinstance(xml, str) else xml


def _write_deflated(
    zf: zipfile.ZipFile, name: str, entry: Deflated, stamp: tuple[int, int, int, int, int, int] | None = None
) -> None:
    """Add an entry whose deflated bytes are already made (what ``writestr`` does, minus the
    deflating). The standard library has no call for this, so it fills the entry's header
    and the archive's own lists here; tests read every letter back with ``zipfile.testzip``
    (CRC and sizes) and python-docx."""
    zinfo = zipfile.ZipInfo(name, date_time=stamp or time.localtime(time.time())[:6])
    zinfo.compress_type = zipfile.ZIP_DEFLATED
    zinfo.external_attr = 0o600 << 16  # ?rw-------, as writestr
    zinfo.file_size, zinfo.compress_size, zinfo.CRC = entry.size, len(entry.data), entry.crc
    assert zf.fp is not None and entry.size < zipfile.ZIP64_LIMIT  # a font, not gigabytes
    zf.fp.seek(zf.start_dir)
    zinfo.header_offset = zf.fp.tell()
    zf.fp.write(zinfo.FileHeader(zip64=False))
    zf.fp.write(entry.data)
    zf.start_dir = zf.fp.tell()
    zf.filelist.append(zinfo)
    zf.NameToInfo[name] = zinfo
    zf._didModify = True  # type: ignore[attr-defined]


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
