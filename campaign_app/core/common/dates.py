"""Dates as the letter's language writes them, and dates known only to the month or year.

A brief often says "in March 2017" or "in 2009": inventing a day would put a false fact
in a letter, so such dates stay partial and are printed at their own precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with year, optional month and optional day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a date; ValueError otherwise."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and 1000 <= value <= 9999:
            return cls(value)
        m = _PARTIAL.match(str(value).strip())
        if not m:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        year = int(m.group(1))
        month, day = (int(g) if g else None for g in m.group(2, 3))
        dt.date(year, month or 1, day or 1)  # validates ranges
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        """The first day the date may mean (2017-03 → 1 March 2017), to sort and format it."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()


# Letters go to European and UN institutions: plain "en" writes dates the British way
# ("24 November 2026"); "en-US" still gives the American order.
_DEFAULT_REGION = {"en": "en_GB"}


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    tag = _DEFAULT_REGION.get(language, language.replace("-", "_"))
    return Locale.parse(tag)


# CLDR puts narrow and thin no-break spaces in some dates ("2026\u202fр."); fonts often lack
# them, so they become the ordinary no-break space every font has.
_SPACES = str.maketrans({"\u202f": "\u00a0", "\u2009": "\u00a0", "\u200a": "\u00a0"})


def format_in(value: object, language: str, style: str = "long") -> str:
    """Format a date, datetime, PartialDate or ISO string in ``language`` (Babel CLDR data)."""
    if type(value) in _KEPT_TYPES:
        return _formatted(value, language, style)
    return _formatted.__wrapped__(value, language, style)


# Dates formatted once per process: every letter of a batch writes the same day and its
# sources' dates (Babel's formatting was a tenth of rendering a letter). Kept for values of
# these exact types (immutable, and equal only to the same date); others formatted each time.
_KEPT_TYPES = frozenset({dt.date, PartialDate, str})


@lru_cache(maxsize=256)
def _formatted(value: object, language: str, style: str) -> str:
    text = _format(value, language, style).translate(_SPACES)
    if language.split("-")[0].lower() == "fr":
        text = _FRENCH_FIRST.sub("1er", text, count=1)
    return text


# French writes the first of the month as an ordinal, "1er décembre 2026" (Imprimerie
# nationale, "Lexique des règles typographiques"); CLDR gives "1 décembre 2026". Only a day
# written before a month's name: "01/12/2026" stays as it is.
_FRENCH_FIRST = re.compile(r"(?<![\d/.])1(?=[ \u00a0][^\W\d])")


_YEAR_WORD = {"uk": "\u00a0р.", "ru": "\u00a0г."}


def _format(value: object, language: str, style: str) -> str:
    # imported on the first date written: the Case tab reads PartialDate before it shows anything
    from babel.dates import format_date, format_skeleton

    locale = _locale(language)
    if isinstance(value, str):
        value = PartialDate.parse(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, PartialDate):
        if value.precision == "day":
            return format_date(value.first_day(), style, locale=locale)
        if value.precision == "month":
            return format_skeleton("yMMMM", value.first_day(), locale=locale)
        year = format_skeleton("y", value.first_day(), locale=locale)
        # CLDR writes a bare "2019" where Ukrainian and Russian letters write "2019 р." /
        # "2019 г." as they do after a month ("травень 2020 р.").
        return year + _YEAR_WORD.get(language.split("-")[0].lower(), "")
    if isinstance(value, dt.date):
        return format_date(value, style, locale=locale)
    raise TypeError(f"cannot format {type(value).__name__} as a date")
