"""Reading a PDF letter back as a person (or their printer) would: text, and what the
embedded font programs can actually draw."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def page_texts(pdf: Path | bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in reader.pages]


def drawable_characters(pdf: Path | bytes) -> dict[str, set[str]]:
    """For each embedded font (by BaseFont name): the characters it has a real glyph for.

    The ToUnicode map says which character each code stands for; the font program
    (FontFile2, read with fontTools) says which glyph each code draws. A character counts
    only where that glyph has an outline (not .notdef, not empty).
    """
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    out: dict[str, set[str]] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            if name in out:
                continue
            program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            tt = TTFont(io.BytesIO(program))
            cmap = tt["cmap"].tables[0].cmap
            glyf = tt["glyf"]
            to_unicode = font["/ToUnicode"].get_object().get_data()
            chars = set()
            for code, uni in _BFCHAR.findall(to_unicode.split(b"beginbfchar", 1)[-1]):
                glyph = cmap.get(int(code, 16))
                if glyph is None or glyph == tt.getGlyphOrder()[0]:
                    continue
                if glyf[glyph].numberOfContours != 0 and int(uni, 16):
                    chars.add(chr(int(uni, 16)))
            out[name] = chars
    return out


def undrawable(pdf: Path | bytes) -> set[str]:
    """The characters of the PDF's text that no embedded font has a glyph for."""
    text = "".join(page_texts(pdf))
    drawable = set().union(*drawable_characters(pdf).values())
    return {ch for ch in text if not ch.isspace()} - drawable
