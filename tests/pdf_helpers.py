"""Reading a PDF letter back as a person (or their printer) would: text, where it stands on
the page, and what the embedded font programs can actually draw."""

from __future__ import annotations

import html
import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.tools import need

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


@dataclass(frozen=True)
class LineBox:
    """A line of text on a page as poppler's pdftotext finds it, in mm from the page's
    top-left corner (``top``: the top of its tallest glyph's box)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


_LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
)
_WORD = re.compile(r">([^<]*)</word>")


def pdftotext() -> str:
    """poppler's pdftotext; a test without it is skipped, or fails in CI (which installs it)."""
    return need("pdftotext", "pdftotext (poppler-utils)")


def line_boxes(pdf: Path | bytes, page: int = 1) -> list[LineBox]:
    """The lines of text on ``page`` (1-based), top to bottom, each with its box in mm."""
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    args = [pdftotext(), "-f", str(page), "-l", str(page), "-bbox-layout", "-", "-"]
    xml = subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode("utf-8")
    mm = 25.4 / 72
    lines = []
    for m in _LINE.finditer(xml):
        left, top, right, bottom = (float(v) * mm for v in m.groups()[:4])
        text = unicodedata.normalize("NFC", html.unescape(" ".join(_WORD.findall(m.group(5)))))
        lines.append(LineBox(text, left, top, right, bottom))
    return sorted(lines, key=lambda line: (line.top, line.left))


def line_box(lines: list[LineBox], text: str) -> LineBox:
    """The one line that is ``text``."""
    (found,) = [line for line in lines if line.text == text]
    return found
