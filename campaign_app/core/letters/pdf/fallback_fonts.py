"""The fallback faces of one letter, registered with reportlab.

A letter that needs characters PT Serif lacks gets Noto Serif's four faces cut to just
those characters (:func:`campaign_app.core.common.glyphs.fallback_faces`), registered
once per process and set of characters under a family name of their own, so letters with
different needs never share a face that lacks a glyph. Each cut also gets a face name of
its own (``NotoSerif-Regular-<digest>``): reportlab registers a second font whose face has
the name of one already registered as that first font, so every letter after the first
with other such characters was set in the first letter's cut, showing empty boxes.
"""

from __future__ import annotations

import functools
import hashlib
import io

from reportlab.pdfbase import pdfmetrics

from campaign_app.core.common.glyphs import fallback_faces
from campaign_app.core.common.pdf_fonts import LetterFont


@functools.lru_cache(maxsize=32)
def register_fallback(chars: frozenset[str]) -> dict[str, str]:
    """Register the fallback faces holding ``chars``; return their reportlab names by style."""
    faces = fallback_faces(chars)
    digest = hashlib.sha256("".join(sorted(chars)).encode("utf-8")).hexdigest()[:12]
    family = f"Noto Serif {digest}"
    names = {key: family if key == "regular" else f"{family} {key}" for key in faces}
    for key, data in faces.items():
        font = LetterFont(names[key], io.BytesIO(data))
        font.face.name = b"-".join((font.face.name, digest.encode("ascii")))  # see the module docstring
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        family,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return names
