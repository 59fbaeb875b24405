"""The one typeface every letter is set in: PT Serif, shipped as a Python package.

Letters go to officials in Kazakhstan, Ukraine, Belarus, the Baltic states and elsewhere,
and they name prisoners in their own spelling. A missing glyph there is not cosmetic: a
name printed with a blank box in place of "Ә" or "Ї" is a different name, and an appeal
that misspells the person it is about loses its force. The PDF standard fonts (Helvetica,
Times) have no Cyrillic at all, and system fonts differ from machine to machine, so we
embed one font we know covers Latin with diacritics (Šimečka, Juknevičienė), Russian and
Ukrainian Cyrillic (Її Єє Ґґ) and the Kazakh letters (Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі).

PT Serif (SIL Open Font License) covers all of these and is installed as the
``fontpkg-pt-serif`` package, located through ``fontpkg``, so it is always where the
program is, with no dependence on what fonts the user's system happens to have.

The PDF writer calls :func:`register_pdf_fonts` (loading and registering the four faces
with reportlab happens once per process); the DOCX writer names :data:`FONT_FAMILY`.

What PT Serif lacks (Greek above all: an MEP called Γιώργος Παπαδόπουλος) is set in
:data:`FALLBACK_FAMILY`, Noto Serif, from the ``fontpkg-noto-serif`` package; see
:mod:`campaign_app.core.common.glyphs` for which character goes to which font.
"""

from __future__ import annotations

import io
import struct
import threading
from pathlib import Path

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _

FONT_FAMILY = "PT Serif"
FALLBACK_FAMILY = "Noto Serif"

# reportlab font names of the four faces; FONT_FAMILY itself names the regular face so that
# a style with fontName=FONT_FAMILY and <b>/<i> markup resolves through the family mapping.
REGULAR = FONT_FAMILY
BOLD = f"{FONT_FAMILY} Bold"
ITALIC = f"{FONT_FAMILY} Italic"
BOLD_ITALIC = f"{FONT_FAMILY} Bold Italic"

_FACES: tuple[tuple[str, int, str], ...] = (
    (REGULAR, 400, "normal"),
    (BOLD, 700, "normal"),
    (ITALIC, 400, "italic"),
    (BOLD_ITALIC, 700, "italic"),
)

_REINSTALL_HINT = N_(
    "reinstall campaign_app, or run: "
    "pip install --force-reinstall fontpkg fontpkg-pt-serif fontpkg-noto-serif"
)

_lock = threading.Lock()
_registered = False


def font_paths() -> dict[str, Path]:
    """The TTF file of each face, keyed by its reportlab font name.

    Raises :class:`UserError` if the font package is missing or incomplete.
    """
    return {name: _font_file(FONT_FAMILY, name, weight, style) for name, weight, style in _FACES}


def fallback_font_paths() -> dict[str, Path]:
    """Noto Serif's two files (upright and italic, each every weight), keyed "normal"/"italic"."""
    return {style: _font_file(FALLBACK_FAMILY, f"{FALLBACK_FAMILY} {style}", 400, style) for style in _STYLES}


_STYLES = ("normal", "italic")


def _font_file(family: str, name: str, weight: int, style: str) -> Path:
    try:
        import fontpkg
    except ImportError as exc:
        raise UserError(
            _("the font package 'fontpkg' is not installed, so letters cannot be typeset"),
            hint=_(_REINSTALL_HINT),
        ) from exc
    try:
        path = Path(fontpkg.path(family, weight=weight, style=style))
    except Exception as exc:  # fontpkg.FontpkgError, or anything a broken install raises
        raise UserError(
            _("the font {name!r} is not installed ({exc})").format(name=name, exc=exc),
            hint=_(_REINSTALL_HINT),
        ) from exc
    if not path.is_file():
        raise UserError(
            _("the font file for {name!r} is missing: {path}").format(name=name, path=path),
            hint=_(_REINSTALL_HINT),
        )
    return path


def register_pdf_fonts() -> str:
    """Register PT Serif's four faces with reportlab (once per process); return the family name.

    After this, a paragraph style with ``fontName=FONT_FAMILY`` renders ``<b>``, ``<i>`` and
    ``<b><i>`` in the real bold, italic and bold-italic faces. Later calls return at once.
    """
    global _registered
    if _registered:
        return FONT_FAMILY
    with _lock:
        if _registered:
            return FONT_FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError

        from campaign_app.core.common import pdf_objects
        from campaign_app.core.common.pdf_fonts import LetterFont
        from campaign_app.core.common.unhinted_faces import unhinted_face

        pdf_objects.install()  # names and text of the PDF's objects written faster, alike
        paths = font_paths()
        for name, path in paths.items():
            try:
                # Embedded without hinting and the licence's text (common/unhinted_faces.py).
                face = io.BytesIO(unhinted_face(path.read_bytes()))
                pdfmetrics.registerFont(LetterFont(name, face))
            except (TTFError, OSError, struct.error, KeyError) as exc:
                raise UserError(
                    _("the font file {path} cannot be read ({exc})").format(path=path, exc=exc),
                    hint=_(_REINSTALL_HINT),
                ) from exc
        pdfmetrics.registerFontFamily(
            FONT_FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FONT_FAMILY
