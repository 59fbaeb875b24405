"""The letter's fonts inside the DOCX, so it opens in PT Serif on a machine without it.

Word embeds a font as an "obfuscated" part (``word/fonts/fontN.odttf``): the font file
with its first 32 bytes XOR-ed with the bytes of a GUID, the font key, in reverse order
(ECMA-376 Part 1, 17.8.1). The font table names each embedded face (``w:embedRegular``,
``w:embedBold``…) with its relationship and key, and ``w:embedTrueTypeFonts`` in the
settings tells Word and LibreOffice to use them.

PT Serif's regular and bold faces are always embedded whole (the subject and letterhead
are bold), its italics when the letter has italic text, so the campaigner can edit the
letter in the same typeface; the fallback faces (Noto Serif, cut to the characters the
letter needs) when it has such characters. Each face's key is derived from its name, so
the same face is obfuscated, and deflated for the zip, once per process (not per letter:
that was 20 ms of every letter), and the font table naming the same faces is written once.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from campaign_app.core.common import reuse
from campaign_app.core.common.fonts import (
    BOLD,
    BOLD_ITALIC,
    FALLBACK_FAMILY,
    FONT_FAMILY,
    ITALIC,
    REGULAR,
    font_paths,
)
from campaign_app.core.letters.docx.parts import Deflated, PrecompressedPart
from campaign_app.core.letters.docx.wordml import el, w

FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# style key (see common/glyphs.FACES) -> the font table's element for that face
_EMBED = {
    "regular": "embedRegular",
    "bold": "embedBold",
    "italic": "embedItalic",
    "bold_italic": "embedBoldItalic",
}
_PT_SERIF = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}
_KEY_NAMESPACE = uuid.UUID("5b0f3c7e-2f7d-4e55-9a7c-0d1b8c3f6a21")


def obfuscate(data: bytes, key: uuid.UUID) -> bytes:
    """The font as Word stores it: its first 32 bytes XOR-ed with the key's bytes, reversed."""
    key_bytes = key.bytes  # the GUID's hex digits as written, in order
    head = bytes(b ^ key_bytes[15 - i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def font_key(name: str, data: bytes) -> uuid.UUID:
    """A stable key per face and content (the same face gets the same key in every letter)."""
    return uuid.uuid5(_KEY_NAMESPACE, f"{name}\0{len(data)}\0{data[:64].hex()}")


@functools.cache
def _pt_serif_face(key: str) -> tuple[uuid.UUID, bytes, Deflated]:
    """PT Serif's face ``key``, obfuscated and deflated (once per process)."""
    data = font_paths()[_PT_SERIF[key]].read_bytes()
    guid = font_key(f"{FONT_FAMILY} {key}", data)
    blob = obfuscate(data, guid)
    return guid, blob, Deflated.of(blob)


def embed_fonts(font_table: Part, italic: bool, fallback: Mapping[str, bytes]) -> None:
    """Embed PT Serif (with its italics if ``italic``) and the ``fallback`` faces (style key
    -> TrueType bytes; empty when the letter needs none) in the document's font table."""
    keys = ("regular", "bold", "italic", "bold_italic") if italic else ("regular", "bold")
    faces = {key: _pt_serif_face(key) for key in keys}
    entries = _add_faces(font_table, FONT_FAMILY, faces, subsetted=False)
    if fallback:
        keyed = {}
        for key, data in fallback.items():
            guid = font_key(f"{FALLBACK_FAMILY} {key}", data)
            keyed[key] = (guid, obfuscate(data, guid), None)
        entries += _add_faces(font_table, FALLBACK_FAMILY, keyed, subsetted=True)
    table = _font_table if reuse.enabled() else _font_table.__wrapped__
    font_table._blob = table(font_table.blob, tuple(entries))


# (family, style key, font key, relationship id, subsetted): one embedded face in the table
_Entry = tuple[str, str, str, str, bool]


def _add_faces(
    font_table: Part,
    family: str,
    faces: Mapping[str, tuple[uuid.UUID, bytes, Deflated | None]],
    subsetted: bool,
) -> list[_Entry]:
    """The faces' parts, related from the font table; what the table is to say of each."""
    entries = []
    # The fonts in the package before these (walked once: each face added here is one more).
    before = len([p for p in font_table.package.iter_parts() if p.content_type == OBFUSCATED_FONT])
    for number, (key, (guid, blob, deflated)) in enumerate(faces.items(), start=before + 1):
        name = PackURI(f"/word/fonts/font{number}.odttf")
        part = (
            Part(name, OBFUSCATED_FONT, blob, font_table.package)
            if deflated is None  # a fallback face cut for this letter: deflated with the rest
            else PrecompressedPart(name, OBFUSCATED_FONT, blob, font_table.package, deflated)
        )
        r_id = font_table.relate_to(part, FONT_RELATIONSHIP)
        entries.append((family, key, "{" + str(guid).upper() + "}", r_id, subsetted))
    return entries


@functools.lru_cache(maxsize=16)
def _font_table(blob: bytes, entries: tuple[_Entry, ...]) -> bytes:
    """The font table ``blob`` naming the embedded faces (written once per process and
    content: most letters of a batch embed the same faces under the same ids)."""
    root = etree.fromstring(blob)
    for family in dict.fromkeys(entry[0] for entry in entries):
        font = _font_entry(root, family)
        for old in font.findall(w("*")):
            if old.tag in {w(name) for name in _EMBED.values()}:
                font.remove(old)
        for _family, key, guid, r_id, subsetted in (e for e in entries if e[0] == family):
            embed = el(_EMBED[key], fontKey=guid)
            embed.set(_R_ID, r_id)
            if subsetted:
                embed.set(w("subsetted"), "1")
            font.append(embed)  # after panose1, charset, family and pitch, as the schema orders them
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _font_entry(root: Any, family: str) -> Any:
    """The font table's entry for ``family`` (a serif face of variable pitch), made if missing."""
    for font in root.findall(w("font")):
        if font.get(w("name")) == family:
            return font
    font = el(
        "font", el("charset", val="00"), el("family", val="roman"), el("pitch", val="variable"), name=family
    )
    root.append(font)
    return font
