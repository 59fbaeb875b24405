"""reportlab TrueType fonts that cut and deflate each distinct subset once per process.

reportlab embeds the characters a PDF uses as a subset of the font (codes in the order the
letter first uses them), cuts that subset from the font file and deflates it, for every
document. A batch's letters share their template, case and sender, so most of them use the
same characters in the same order and embed byte-for-byte the same subset: cutting and
deflating it again was a fifth of each letter's time. :class:`LetterFont` keeps the
finished font stream of each distinct subset (the exact list of characters and codes) and
reuses it, and so the subset's table of widths (written out) and its deflated table of
Unicode values (ToUnicode, what lets a reader copy or search the text). A letter that
uses other characters (another name, another script) has another subset, made for it,
so every glyph a letter shows is still in its own PDF.

The PDF written is the same: same subset bytes, same compression, same dictionary
(``common/reuse.plain()`` writes it without reuse, for tests to compare).

Measuring a word or a line (``stringWidth``) is answered from the widths measured before in
the process, for the same text and size: the same number, looked up.

Setting a line of text asks the font for each character's code in the document's subsets
(reportlab's ``splitString``, a Python loop over the characters: a tenth of a PDF's time).
:class:`LetterFont` answers a line whose characters all have a code in the first subset
already with one ``str.translate`` over a table of those codes, kept beside the
document's own assignments; a line with a character not coded yet (or beyond the first
subset) goes through reportlab's loop, which assigns it. The codes are reportlab's either way.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

from campaign_app.core.common import reuse


class _NotCoded(Exception):
    """A character without a code in the document's first subset yet (reportlab assigns it)."""


class _Codes(dict):
    """Character -> its one-byte code in subset 0, for ``str.translate``; a character not
    in the table stops the translation (instead of passing through unchanged)."""

    def __missing__(self, key: int) -> str:
        raise _NotCoded


def _codes(state: Any) -> _Codes:
    """The table of ``state`` (a TTFont.State: one font in one document), brought up to date
    with the characters reportlab assigned since (its assignments only ever grow, in order)."""
    table = getattr(state, "_one_byte_codes", None)
    if table is None:
        table = state._one_byte_codes = _Codes()
        state._codes_seen = 0
    assignments = state.assignments
    if state._codes_seen != len(assignments):
        for code, n in itertools.islice(assignments.items(), state._codes_seen, None):
            if n < 256:
                table[code] = chr(n)
                if code == 32:
                    table[0xA0] = chr(n)  # reportlab sets a no-break space as a space
        state._codes_seen = len(assignments)
    return table


# Widths of words and lines kept per font: a letter measures a few hundred, mostly the same
# (8,192 put 10,000 letters 3 MB over their 250 MB: 2,048 keep as many hits).
_KEPT_WIDTHS = 2048
# Distinct subsets kept per face (each some 20-60 kB): a batch mostly reuses a handful.
_KEPT_SUBSETS = 64


class _SubsetReusingFace(TTFontFace):
    """A TrueType face whose subsets are cut and deflated once (see the module docstring)."""

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)  # noqa: B019  (faces live as long as the process)
    def _subset_stream(self, subset: tuple[int, ...]) -> tuple[bytes, bytes]:
        """The subset's font program, and the same deflated as reportlab's FlateDecode does."""
        program = self.makeSubset(list(subset))
        return program, zlib.compress(program)

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)  # noqa: B019
    def _subset_tables(self, subset: tuple[int, ...], base_font: str) -> tuple[bytes, bytes]:
        """The subset's widths as the PDF writes the array, and its ToUnicode CMap deflated
        (as reportlab's FlateDecode does)."""
        widths = pdfdoc.PDFArray(list(map(self.getCharWidth, subset))).format(pdfdoc.DummyDoc())
        cmap = makeToUnicodeCMap(base_font, list(subset))
        return widths, zlib.compress(cmap.encode("utf8") if isinstance(cmap, str) else cmap)

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        """reportlab's TTFontFace.addSubsetObjects, with the font stream made once per subset."""
        if not reuse.enabled():
            return super().addSubsetObjects(doc, fontname, subset)
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


class _Written(pdfdoc.PDFObject):
    """A PDF object already written out (bytes that do not depend on the document)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class LetterFont(TTFont):
    """A reportlab TTFont (register it with ``pdfmetrics.registerFont``) whose embedded
    subsets are made once per process and distinct set of characters."""

    def __init__(self, name: str, source: Any):
        super().__init__(name, source)
        # reportlab builds its own face in TTFont.__init__; this subclass only adds the
        # subset cache (no state of its own), so the face is given that class in place.
        self.face.__class__ = _SubsetReusingFace
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text: Any, size: float, encoding: str = "utf8") -> float:
        """reportlab's TTFont.stringWidth, each (text, size) measured once per process: lines
        and words are measured again and again as a letter is set (wrapped, then justified
        or aligned as it is drawn), and a batch's letters share most of them."""
        if not (reuse.enabled() and isinstance(text, str)):
            return super().stringWidth(text, size, encoding)
        key = (text, size)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) >= _KEPT_WIDTHS:
                self._widths.clear()  # a batch of new names each letter: memory stays flat
            found = self._widths[key] = super().stringWidth(text, size, encoding)
        return found

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """reportlab's TTFont.splitString (text -> (subset, codes) pieces), in one translation
        when every character is coded in subset 0 already (see the module docstring)."""
        state = self.state.get(doc) if reuse.enabled() and isinstance(text, str) else None
        if state is not None and not state.frozen:
            try:
                return [(0, text.translate(_codes(state)).encode("latin-1"))] if text else []
            except _NotCoded:
                pass
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc: Any) -> None:
        """reportlab's TTFont.addObjects (the font dictionaries of each subset the document
        used), with each subset's widths and ToUnicode CMap made once per process."""
        if not (reuse.enabled() and doc.compression and isinstance(self.face, _SubsetReusingFace)):
            super().addObjects(doc)
            return
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            widths, deflated = self.face._subset_tables(tuple(subset), base_font)
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Written(widths)
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = deflated  # filters already applied, as for the font program
            cmap_stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
