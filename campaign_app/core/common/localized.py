"""Texts that exist once per language.

Letters go out in the recipient's language, so every text a letter can contain is kept
per language (``{en: ..., uk: ...}``). This module decides what counts as such a mapping
and picks the right version, falling back only where the caller allows it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

Localized = str | Mapping[str, str]


def is_language_tag(value: object) -> bool:
    """``en``, ``uk``, ``kk-Latn``: a language code, optionally with subtags."""
    return isinstance(value, str) and bool(LANGUAGE_TAG.match(value))


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
