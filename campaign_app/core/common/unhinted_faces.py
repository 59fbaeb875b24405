"""PT Serif's faces as a letter's PDF embeds them: the outlines without their hinting, the
names without the licence's text.

reportlab embeds in each PDF a subset of the face: the glyphs the letter uses, and with
them the face's tables copied whole. PT Serif's are heavy: its glyphs carry TrueType
hinting (programs that fit the outlines to a screen's pixel grid at small sizes: two
thirds of a glyph's bytes), and its ``name`` table holds the SIL Open Font License's whole
text, twice (18 KB). A one-page letter in two faces was 59 KB, 51 KB of it the two fonts.
A PDF reader does not need either: the pages are drawn and printed from the outlines (PDF
renderers scale them; a printer's grid is too fine for hints to matter), and it names the
font from the PDF's own font dictionary. fontTools' subsetter, which WeasyPrint uses to
embed fonts in PDFs, leaves out both by default (``--no-hinting``; ``name_IDs`` 0-6: the
copyright, family, style, unique, full and PostScript names, kept here too). The same
letter is now 26 KB: a send of 300 letters moves half the bytes, and a mail server's
size limit is further away.

Each face is cut here once per process, from the package's own file, in a few
milliseconds (no cache to keep): every glyph's instructions are cut out (a simple glyph's
``instructionLength`` set to 0; a composite glyph's ``WE_HAVE_INSTRUCTIONS`` cleared), the
glyph table and its index rebuilt, the hinting tables (and the tables that depend on the
hinted sizes, and the face's digital signature, no longer valid) left out, and the rest
copied as it is: the outlines, the character map and the widths are the font file's, so
every line breaks where it did. ``tests/core/common/test_unhinted_faces.py`` checks each
glyph's outline against fontTools' reading of the original.
"""

from __future__ import annotations

import itertools
import struct

from reportlab.pdfbase.ttfonts import TTFontMaker

# Hinting: its programs and what they fill in, and the device metrics of the hinted sizes.
# The signature (DSIG) would no longer match the changed tables.
_LEFT_OUT = frozenset({"cvt ", "cvar", "fpgm", "prep", "hdmx", "VDMX", "LTSH", "DSIG"})
_KEPT_NAMES = range(7)  # copyright, family, subfamily, unique ID, full name, version, PostScript name

_MORE_COMPONENTS = 0x0020
_ARGS_ARE_WORDS = 0x0001
_SCALE = 0x0008
_XY_SCALE = 0x0040
_TWO_BY_TWO = 0x0080
_WE_HAVE_INSTRUCTIONS = 0x0100

# maxp (version 1.0) fields about hinting: zones, twilight points, storage, function and
# instruction definitions, stack elements, size of instructions.
_MAXP_HINTING = struct.Struct(">7H")
_MAXP_HINTING_AT = 14


def unhinted_face(data: bytes) -> bytes:
    """The TrueType font file ``data`` without its hinting and without names beyond 0-6."""
    tables = _tables(data)
    glyf, loca = _unhinted_glyphs(tables)
    out = TTFontMaker()
    for tag, table in tables.items():
        if tag not in _LEFT_OUT:
            out.add(tag, table)
    out.add("glyf", glyf)
    out.add("loca", loca)
    out.add("head", _with_short(tables["head"], 50, 1))  # the index is written long
    out.add("maxp", _unhinted_maxp(tables["maxp"]))
    out.add("name", _kept_names(tables["name"]))
    return out.makeStream()


def _tables(data: bytes) -> dict[str, bytes]:
    """Each table of a TrueType file by its tag."""
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for n in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * n)
        tables[tag.decode("latin-1")] = data[offset : offset + length]
    return tables


def _offsets(tables: dict[str, bytes]) -> list[int]:
    """The glyph table's index: where each glyph starts (and the last one ends)."""
    (long_index,) = struct.unpack_from(">h", tables["head"], 50)
    (glyphs,) = struct.unpack_from(">H", tables["maxp"], 4)
    if long_index:
        return list(struct.unpack_from(f">{glyphs + 1}L", tables["loca"]))
    return [2 * n for n in struct.unpack_from(f">{glyphs + 1}H", tables["loca"])]


def _unhinted_glyphs(tables: dict[str, bytes]) -> tuple[bytes, bytes]:
    """The glyph table with every glyph's instructions cut out, and its index (long)."""
    source = tables["glyf"]
    offsets = _offsets(tables)
    parts: list[bytes] = []
    index = [0]
    at = 0
    for start, end in itertools.pairwise(offsets):
        # Unpadded: the glyph keeps the 0-3 bytes that padded it in the font file, and the
        # index is written long, where a glyph may start at any byte.
        glyph = _unhinted_glyph(source[start:end]) if end > start else b""
        parts.append(glyph)
        at += len(glyph)
        index.append(at)
    return b"".join(parts), struct.pack(f">{len(index)}L", *index)


def _unhinted_glyph(glyph: bytes) -> bytes:
    """One glyph's outline description without its instructions."""
    (contours,) = struct.unpack_from(">h", glyph, 0)
    if contours >= 0:  # a simple glyph: header, end points, instructions, then the points
        at = 10 + 2 * contours
        (length,) = struct.unpack_from(">H", glyph, at)
        return glyph[:at] + b"\0\0" + glyph[at + 2 + length :]
    out = bytearray(glyph)
    at = 10
    flags = _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        (flags,) = struct.unpack_from(">H", glyph, at)
        struct.pack_into(">H", out, at, flags & ~_WE_HAVE_INSTRUCTIONS)
        at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        at += 2 if flags & _SCALE else 4 if flags & _XY_SCALE else 8 if flags & _TWO_BY_TWO else 0
    return bytes(out[:at])  # the instructions, if any, followed the last component


def _with_short(table: bytes, at: int, value: int) -> bytes:
    return table[:at] + struct.pack(">h", value) + table[at + 2 :]


def _unhinted_maxp(maxp: bytes) -> bytes:
    """maxp saying there is nothing to run: one zone, no storage, functions or instructions."""
    if len(maxp) < _MAXP_HINTING_AT + _MAXP_HINTING.size:  # version 0.5 (CFF): no such fields
        return maxp
    end = _MAXP_HINTING_AT + _MAXP_HINTING.size
    return maxp[:_MAXP_HINTING_AT] + _MAXP_HINTING.pack(1, 0, 0, 0, 0, 0, 0) + maxp[end:]


def _kept_names(name: bytes) -> bytes:
    """The name table with the records 0-6 only (and no language-tag records)."""
    count, storage = struct.unpack_from(">2H", name, 2)
    kept = []
    for n in range(count):
        record = struct.unpack_from(">6H", name, 6 + 12 * n)
        platform, encoding, language, name_id, length, offset = record
        if name_id in _KEPT_NAMES and language < 0x8000:
            text = name[storage + offset : storage + offset + length]
            kept.append((platform, encoding, language, name_id, text))
    header = struct.pack(">3H", 0, len(kept), 6 + 12 * len(kept))
    records = []
    strings = bytearray()
    for platform, encoding, language, name_id, text in kept:
        records.append(struct.pack(">6H", platform, encoding, language, name_id, len(text), len(strings)))
        strings += text
    return header + b"".join(records) + bytes(strings)
