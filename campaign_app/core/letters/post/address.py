"""One address set in a fixed box (an envelope's window, a label): as large as fits, never cut.

An address printed in 6-point type, or with its last line (the postcode and city) running
off the label, is a letter that goes back to the sender. So the text starts at a normal
reading size and shrinks, half a point at a time, until every line fits the box's width
and all of them its height; a line too long even at the smallest size wraps; an address
that still does not fit is an error naming the recipient, not a clipped envelope.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.fonts import register_pdf_fonts
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.importing.countries import NOT_COUNTRIES

LEADING = 1.2  # line height, as a multiple of the type size
RETURN_SIZE = 6.5  # the sender's return line: small, as DIN 5008 sets it


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in points, from its lower-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Mailing:
    """What goes on one envelope or label: who it is for, the address, the return line."""

    recipient_id: str
    address: tuple[str, ...]
    return_line: str


# The languages a country's name is looked for in, on the address and in the sender's own.
_NAME_LANGUAGES = ("en", "fr", "de", "uk", "ru", "pl", "es", "it", "nl")


def with_country(lines: Sequence[str], country: str, sender_lines: Sequence[str]) -> tuple[str, ...]:
    """The address with its destination country as the last line, in capitals and in
    English, as the Universal Postal Union asks of mail going abroad ("UKRAINE"): without
    it a letter from Brussels to "м. Київ, 01220" may be sorted as inland mail.

    Only where it is certain: the sender's address names its country, ``country`` (the
    recipient's) is a country (not "EU" or "UN") and another, and the address's last line
    does not already name one, alone after its last comma ("Ukraine", "USA", "1000
    Brussels, Belgium", "Sverige"; not "Jersey City, NJ 07302"). A recipient's country is
    not always where their letters go (a Member of the European Parliament has one, and an
    office in Brussels): callers leave those out."""
    code = country.strip().upper()
    names = _names_by_country()
    if not lines or code not in names or code in NOT_COUNTRIES:
        return tuple(lines)
    sender = next((c for line in reversed(sender_lines) if (c := _country_named(line)) is not None), None)
    last = _last_part(lines[-1])
    if sender is None or sender == code or _country_named(lines[-1]) is not None or last in _own_names(code):
        return tuple(lines)
    from babel import Locale

    return (*lines, Locale("en").territories[code].upper())


# What senders write for a country besides its names in the languages above.
_SHORT_NAMES = {
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "us": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
}


def _last_part(line: str) -> str:
    """A line's words after its last comma, casefolded: where an address names its country."""
    return line.rsplit(",", 1)[-1].strip().casefold()


def _country_named(line: str) -> str | None:
    """The code of the country a line names, alone after its last comma, or None."""
    part = _last_part(line)
    return _by_name().get(part) or _SHORT_NAMES.get(part)


@cache
def _by_name() -> dict[str, str]:
    """Every country name (casefolded) in the languages above → its code."""
    return {name: code for code, names in _names_by_country().items() for name in names}


@cache
def _own_names(code: str) -> frozenset[str]:
    """The country's names in its own official languages ("sverige"), casefolded."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    found = set()
    for lang in get_official_languages(code, de_facto=True):
        try:
            name = Locale.parse(lang).territories.get(code)
        except (UnknownLocaleError, ValueError):
            continue
        if name:
            found.add(name.casefold())
    return frozenset(found)


@cache
def _names_by_country() -> dict[str, frozenset[str]]:
    """Each country's names (casefolded) in the languages above, by ISO 3166 code."""
    from babel import Locale

    names: dict[str, set[str]] = {}
    for lang in _NAME_LANGUAGES:
        for code, name in Locale(lang).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, set()).add(name.casefold())
    return {code: frozenset(found) for code, found in names.items()}


def fit_lines(
    lines: Sequence[str], box: Box, largest: float, smallest: float, who: str
) -> tuple[float, list[str]]:
    """The type size and the (possibly wrapped) lines that fill ``box`` best."""
    font = register_pdf_fonts()
    size = largest
    while size >= smallest:
        wide = max((stringWidth(ln, font, size) for ln in lines), default=0.0)
        if wide <= box.width and len(lines) * size * LEADING <= box.height:
            return size, list(lines)
        size -= 0.5
    wrapped = [part for ln in lines for part in simpleSplit(ln, font, smallest, box.width)]
    if len(wrapped) * smallest * LEADING <= box.height:
        return smallest, wrapped
    raise UserError(
        _(
            "{who}: the address does not fit on the envelope or label: {count} lines with the name, "
            "the office and the organisation ({first} … {last})"
        ).format(who=who, count=len(lines), first=lines[0], last=lines[-1]),
        hint=_(
            "shorten it in the directory: the postal_address, or the lines above it (give the "
            "recipient an 'addressee' to write the name lines yourself); an address has at most 6-7 lines"
        ),
    )


def draw_lines(canvas: Canvas, lines: Sequence[str], size: float, left: float, top: float) -> None:
    """Lines of text from ``top`` down (the first baseline one type size below it)."""
    canvas.setFont(register_pdf_fonts(), size)
    y = top - size
    for line in lines:
        canvas.drawString(left, y, line)
        y -= size * LEADING


def draw_return_line(canvas: Canvas, text: str, box: Box) -> float:
    """The sender's return line at the top of ``box``, underlined, shrunk to its width;
    returns where the address may start (below it)."""
    if not text:
        return box.top
    font = register_pdf_fonts()
    size = RETURN_SIZE
    while size > 4.5 and stringWidth(text, font, size) > box.width:
        size -= 0.25
    canvas.setFont(font, size)
    baseline = box.top - size
    canvas.drawString(box.x, baseline, text)
    width = min(stringWidth(text, font, size), box.width)
    canvas.setLineWidth(0.3)
    canvas.line(box.x, baseline - 1.2, box.x + width, baseline - 1.2)
    return baseline - 1.2 - size
