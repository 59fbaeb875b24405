"""Which language the window and the command line speak: English, Ukrainian or Russian.

The choice made in Settings wins; otherwise the system's, read the way gettext reads it
(``LANGUAGE``, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), so a campaigner whose desktop is
in Ukrainian gets a Ukrainian window without looking for a setting. One rule, used by the
command line's catalogues and the window's translators alike.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from campaign_app.core.common.appstate import AppState

# The languages the interface is translated into; English is the source text.
UI_LANGUAGES = ("en", "uk", "ru")
# Each language named in itself, for the Settings choice.
UI_LANGUAGE_NAMES = {"en": "English", "uk": "Українська", "ru": "Русский"}
DEFAULT = "en"


def _primary(tag: str) -> str:
    """``uk_UA.UTF-8`` → ``uk``; ``C`` and ``POSIX`` → ``""`` (no language said)."""
    code = tag.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    return "" if code in ("c", "posix") else code


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first interface language the environment asks for, else English.

    Read as Python's gettext reads it: the first of ``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set, where ``LANGUAGE`` may list preferences
    (``uk:ru:en``); ``C`` or a language we do not speak gives English.
    """
    env = os.environ if environ is None else environ
    setting = next((env[k] for k in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    for tag in setting.split(":"):
        code = _primary(tag)
        if code in UI_LANGUAGES:
            return code
        if code == "en":
            break
    return DEFAULT


def chosen_language() -> str:
    """The language picked in Settings, or ``""`` when the system's is followed."""
    choice = AppState.load().language
    return choice if choice in UI_LANGUAGES else ""


def ui_language(environ: Mapping[str, str] | None = None) -> str:
    """The language to speak now: the Settings choice, else the system's."""
    return chosen_language() or system_language(environ)


def choose_language(code: str) -> None:
    """Remember ``code`` (one of UI_LANGUAGES, or ``""`` to follow the system) for next start."""
    if code and code not in UI_LANGUAGES:
        raise ValueError(f"not an interface language: {code}")
    state = AppState.load()
    state.language = code
    state.save()
