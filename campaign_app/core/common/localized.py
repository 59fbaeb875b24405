"""Texts that exist once per language.

Letters go out in the recipient's language, so every text a letter can contain is kept
per language (``{en: ..., uk: ...}``). This module decides what counts as such a mapping
and picks the right version, falling back only where the caller allows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from campaign_app.core.common.i18n import _

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

Localized = str | Mapping[str, str]


def is_language_tag(value: object) -> bool:
    """``en``, ``uk``, ``kk-Latn``: a language code, optionally with subtags."""
    return isinstance(value, str) and bool(LANGUAGE_TAG.match(value))


@cache
def is_known_language(tag: str) -> bool:
    """Whether Babel knows ``tag`` (it formats the letter's dates, so a letter cannot be in a
    language it does not know); cached, since a directory repeats a handful of tags."""
    from babel import Locale, UnknownLocaleError

    if not is_language_tag(tag):
        return False
    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


# Country codes written where a language code belongs, and the language meant.
_COUNTRY_NOT_LANGUAGE = {
    "ua": "uk",
    "kz": "kk",
    "cz": "cs",
    "gr": "el",
    "dk": "da",
    "se": "sv",
    "ee": "et",
    "si": "sl",
    "rs": "sr",
    "by": "be",
    "ge": "ka",
    "am": "hy",
    "jp": "ja",
    "cn": "zh",
    "kr": "ko",
    "al": "sq",
    "at": "de",
    "ie": "ga",
    "gb": "en",
    "us": "en",
}


def language_meant(tag: str) -> str | None:
    """The language code meant by a country code written instead ("ua" → "uk"), if any."""
    return _COUNTRY_NOT_LANGUAGE.get(tag.split("-")[0].lower())


def language_hint(tag: str) -> str:
    """What to write instead of an unknown language tag ("ua" is Ukraine, the language "uk")."""
    meant = language_meant(tag)
    if meant is not None:
        return _("'{tag}' is a country's code: the language is '{language}'").format(tag=tag, language=meant)
    return _("use e.g. en, uk, fr")


def is_localized_map(value: Any) -> bool:
    """A non-empty mapping whose keys are all language tags (``en``, ``uk``, ``kk-Latn``)."""
    return isinstance(value, Mapping) and len(value) > 0 and all(is_language_tag(k) for k in value)


def pick(value: Localized | None, language: str, fallback: str | None = None) -> str | None:
    """The text for ``language`` (or its primary subtag), else ``fallback``'s, else None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    for lang in (language, language.split("-")[0], fallback):
        if lang and lang in value and value[lang] is not None:
            return str(value[lang])
    return None


def languages_of(value: Localized | None) -> list[str]:
    """The languages a text is given in (none for one text shared by every language)."""
    if isinstance(value, Mapping):
        return list(value)
    return []
