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
from pathlib import Path

DOMAIN = "campaign_app"
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@functools.cache
def translation() -> gettext.NullTranslations:
    """This process's catalogue: the interface language's, or none (English)."""
    # Imported here: the settings it reads are written by modules that raise translated errors.
    from campaign_app.core.common.ui_language import ui_language

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[ui_language()], fallback=True)


def reset() -> None:
    """Forget the catalogue: the next message is looked up in the language said now."""
    translation.cache_clear()


def _(message: str) -> str:
    """``message`` in the interface language (as it is, where the catalogue lacks it)."""
    # "" would fetch the catalogue's header; argparse also passes None for "no description".
    return translation().gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that ``n`` takes in the interface language."""
    return translation().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a module's constant); the
    caller translates it with ``_(CONSTANT)`` when it is shown, in the language of that time."""
    return message
