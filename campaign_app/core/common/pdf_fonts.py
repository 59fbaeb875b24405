"""reportlab TrueType fonts that cut and deflate each distinct subset once per process.

reportlab embeds the characters a PDF uses as a subset of the font (codes in the order the
letter first uses them), cuts that subset from the font file and deflates it, for every
document. A batch's letters share their template, case and sender, so most of them use the
same characters in the same order and embed byte-for-byte the same subset: cutting and
deflating it again was a fifth of each letter's time. :class:`LetterFont` keeps the
finished font stream of each distinct subset (the exact list of characters and codes) and
reuses it. A letter that uses other characters (another name, another script) has another
subset, made for it, so every glyph a letter shows is still in its own PDF.

The PDF written is the same: same subset bytes, same compression, same dictionary.
"""

from __future__ import annotations

import functools
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontFace

# Distinct subsets kept per face (each some 20-60 kB): a batch mostly reuses a handful.
_KEPT_SUBSETS = 64


class _SubsetReusingFace(TTFontFace):
    """A TrueType face whose subsets are cut and deflated once (see the module docstring)."""

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)  # noqa: B019  (faces live as long as the process)
    def _subset_stream(self, subset: tuple[int, ...]) -> tuple[bytes, bytes]:
        """The subset's font program, and the same deflated as reportlab's FlateDecode does."""
        program = self.makeSubset(list(subset))
        return program, zlib.compress(program)

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        """reportlab's TTFontFace.addSubsetObjects, with the font stream made once per subset."""
        program, deflated = self._subset_stream(tuple(subset))
        font_file = pdfdoc.PDFStream()
        font_file.dictionary["Length1"] = len(program)
        if doc.compression:
            font_file.content = deflated
            # Filters already applied: PDFStream.format leaves a stream with a Filter alone.
            font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        else:
            font_file.content = program
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


class LetterFont(TTFont):
    """A reportlab TTFont (register it with ``pdfmetrics.registerFont``) whose embedded
    subsets are made once per process and distinct set of characters."""

    def __init__(self, name: str, source: Any):
        super().__init__(name, source)
        # reportlab builds its own face in TTFont.__init__; this subclass only adds the
        # subset cache (no state of its own), so the face is given that class in place.
        self.face.__class__ = _SubsetReusingFace
