"""Which font sets each character of a letter, and which characters no font has.

Every character is set in PT Serif when all four of its faces have it; otherwise in Noto
Serif (the fallback) when both of its files have it; otherwise it has no glyph at all and
would print as an empty box, which for a name is a different name: :func:`unprintable`
finds those, so that ``check`` and the writers say so instead.

Noto Serif comes as a variable font (every weight in one file), which neither reportlab
nor Word sets in bold; :func:`fallback_faces` cuts from it the four static faces of one
letter, holding only the characters that letter needs from it (a tenth of a second each).
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from typing import Any

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.fonts import FALLBACK_FAMILY, FONT_FAMILY, fallback_font_paths, font_paths
from campaign_app.core.common.i18n import _

# Words, and what is between them (kept by split: the pieces put together give the text).
_WORDS = re.compile(r"(\w+)")
# Characters that are layout, not glyphs: line breaks and tabs.
_LAYOUT = frozenset("\n\r\t")

# The four faces: (key, weight, file style).
FACES = (
    ("regular", 400, "normal"),
    ("bold", 700, "normal"),
    ("italic", 400, "italic"),
    ("bold_italic", 700, "italic"),
)


@functools.cache
def coverage() -> tuple[frozenset[int], frozenset[int]]:
    """The code points every PT Serif face has, and those every Noto Serif file has."""
    from fontTools.ttLib import TTFont

    def common(paths: list[str]) -> frozenset[int]:
        sets = []
        for path in paths:
            try:
                with TTFont(path, lazy=True) as font:
                    sets.append(set(font.getBestCmap()))
            except Exception as exc:  # a damaged font file: fontTools raises many kinds
                raise UserError(
                    _("the font file {path} cannot be read ({exc})").format(path=path, exc=exc)
                ) from exc
        return frozenset(set.intersection(*sets))

    primary = common([str(p) for p in font_paths().values()])
    fallback = common([str(p) for p in fallback_font_paths().values()])
    return primary, fallback


def font_of(ch: str) -> str | None:
    """The family that sets ``ch``: PT Serif, else Noto Serif, else None (no glyph anywhere)."""
    primary, fallback = coverage()
    if ch in _LAYOUT or ord(ch) in primary:
        return FONT_FAMILY
    if ord(ch) in fallback:
        return FALLBACK_FAMILY
    return None


def segments(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in stretches of one font: (stretch, set in the fallback font?).

    A word goes whole to the fallback when any of its letters must and the fallback has
    them all: PT Serif has a mathematical π, but Παπαδόπουλος is set in one typeface.
    """
    if _all_primary(text):  # nearly every text: one look at each distinct character
        if text:
            yield text, False
        return
    start = 0
    current = False
    for i, fallback in enumerate(_fallback_flags(text)):
        if fallback != current and i > start:
            yield text[start:i], current
            start = i
        current = fallback
    if start < len(text):
        yield text[start:], current


def _all_primary(text: str) -> bool:
    """Whether PT Serif sets every character of ``text`` (one C-level pass: every piece of
    every letter is checked this way several times, and nearly all pass)."""
    return _primary_chars().issuperset(text)


@functools.cache
def _primary_chars() -> frozenset[str]:
    """The characters PT Serif sets, and the layout characters."""
    primary, _ = coverage()
    return frozenset(map(chr, primary)) | _LAYOUT


def _fallback_flags(text: str) -> Iterator[bool]:
    """For each character of ``text``: is it set in the fallback font?"""
    _, fallback = coverage()
    for word in _WORDS.split(text):
        flags = [font_of(ch) == FALLBACK_FAMILY for ch in word]
        if any(flags) and all(ord(ch) in fallback for ch in word):
            flags = [True] * len(word)
        yield from flags


def needs_fallback(text: str) -> frozenset[str]:
    """The characters of ``text`` set in the fallback font (see :func:`segments`)."""
    if _all_primary(text):
        return frozenset()
    return frozenset(ch for stretch, fallback in segments(text) if fallback for ch in stretch)


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that no letter font has, each once, in order."""
    if _all_primary(text):
        return []
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and font_of(ch) is None:
            seen[ch] = None
    return list(seen)


def describe(ch: str) -> str:
    """A character as a person can find it again: ``'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F)``."""
    import unicodedata

    name = unicodedata.name(ch, "")
    shown = ch if ch.isprintable() and not ch.isspace() else ""
    return f"{shown!r} (U+{ord(ch):04X}{' ' + name if name else ''})" if shown else f"U+{ord(ch):04X} {name}"


_SUBFAMILY = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "Bold Italic"}


def _name_face(font: Any, key: str) -> None:
    """Name the static face as what it is ("Noto Serif Bold", NotoSerif-Bold), so that a PDF
    or Word lists its faces apart, and flag it bold or italic as the font tables say."""
    sub = _SUBFAMILY[key]
    names = {
        1: FALLBACK_FAMILY,
        2: sub,
        4: f"{FALLBACK_FAMILY} {sub}",
        6: f"{FALLBACK_FAMILY.replace(' ', '')}-{sub.replace(' ', '')}",
    }
    table = font["name"]
    for name_id in (16, 17, 25):  # typographic names of the variable font
        table.removeNames(nameID=name_id)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
    bold, italic = "bold" in key, "italic" in key
    font["head"].macStyle = (1 if bold else 0) | (2 if italic else 0)
    os2 = font["OS/2"]
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0) | (1 if italic else 0)
    if not (bold or italic):
        os2.fsSelection |= 0b1000000  # REGULAR


@functools.lru_cache(maxsize=32)
def fallback_faces(chars: frozenset[str]) -> dict[str, bytes]:
    """Noto Serif's four faces (see FACES) as static TrueType fonts holding only ``chars``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    files = {style: path.read_bytes() for style, path in fallback_font_paths().items()}
    faces = {}
    for key, weight, style in FACES:
        font = TTFont(io.BytesIO(files[style]), lazy=True)
        options = subset.Options()
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.layout_features = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(c) for c in chars))
        subsetter.subset(font)
        axes = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes} if "fvar" in font else {}
        if axes:
            axes["wght"] = weight
            font = instancer.instantiateVariableFont(font, axes)
        _name_face(font, key)
        out = io.BytesIO()
        font.save(out)
        faces[key] = out.getvalue()
    return faces
