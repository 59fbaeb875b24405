"""The command line's and the core's words in the interface language (gettext catalogues).

Messages are English in the source, marked ``_("…")`` (``ngettext`` where a count decides the
form: Ukrainian and Russian have three), and looked up in ``campaign_app/locale/LANG/
LC_MESSAGES/campaign_app.mo``, compiled from the ``.po`` files at build or install time.
The language is :func:`~campaign_app.core.common.ui_language.ui_language` (Settings, else
the system's), decided once per process: :func:`reset` forgets it (the tests switch
language; Settings may after a change). A missing catalogue means English, never an error.

Placeholders are named and filled after translation, ``_("… {name} …").format(name=…)``,
so a translator can move them; never an f-string inside ``_()``, whose text would differ
from the catalogue's on every call.
"""

from __future__ import annotations

import functools
import gettext
import string
from pathlib import Path

DOMAIN = "campaign_app"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@functools.cache
def translation() -> gettext.NullTranslations:
    """This process's catalogue: the interface language's, or none (English)."""
    # Imported here: the settings it reads are written by modules that raise translated errors.
    from campaign_app.core.common.ui_language import ui_language

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[ui_language()], fallback=True)


@functools.cache
def _separators() -> dict[int, str] | None:
    """How the interface language writes "2,378" and "0.5" ("2 378", "0,5" in Ukrainian and
    Russian, where a comma is the decimal mark): None for English, whose marks the format
    specifications already write."""
    from campaign_app.core.common.ui_language import ui_language

    language = ui_language()
    if language.split("_")[0].split("-")[0] == "en":
        return None
    from babel.numbers import get_decimal_symbol, get_group_symbol  # only for other languages

    try:
        group, decimal = get_group_symbol(language), get_decimal_symbol(language)
    except Exception:  # a language Babel does not know: as English
        return None
    if (group, decimal) == (",", "."):
        return None
    return {ord(","): group, ord("."): decimal}


class _NumbersFormatter(string.Formatter):
    """str.format, with numbers written in the interface language's marks."""

    def __init__(self, marks: dict[int, str]):
        self.marks = marks

    def format_field(self, value: object, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return text.translate(self.marks)
        return text


class Message(str):
    """A translated message whose ``format`` writes numbers as the interface language does
    ("{days:,} days" → "2 378 днів"); otherwise the str it is."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        marks = _separators()
        if marks is None:
            return str.format(self, *args, **kwargs)
        return _NumbersFormatter(marks).vformat(str(self), args, kwargs)


def reset() -> None:
    """Forget the catalogue: the next message is looked up in the language said now."""
    translation.cache_clear()
    _separators.cache_clear()


def _(message: str) -> str:
    """``message`` in the interface language (as it is, where the catalogue lacks it)."""
    # "" would fetch the catalogue's header; argparse also passes None for "no description".
    return Message(translation().gettext(message)) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that ``n`` takes in the interface language."""
    return Message(translation().ngettext(singular, plural, n))


def number(value: float, digits: int = 1) -> str:
    """A measured figure (seconds, megabytes) as the interface language writes it ("0,5")."""
    return Message("{value:,.{digits}f}").format(value=value, digits=digits)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a module's constant); the
    caller translates it with ``_(CONSTANT)`` when it is shown, in the language of that time."""
    return message


LISTED = 10  # items named in one message; the rest are counted


def listed(items: list[str], limit: int = LISTED) -> str:
    """ "a, b, c … and 15 more": a long list named in part, in the interface language."""
    shown = ", ".join(items[:limit])
    rest = len(items) - limit
    if rest <= 0:
        return shown
    return shown + " " + ngettext("… and {n} more", "… and {n} more", rest).format(n=rest)
