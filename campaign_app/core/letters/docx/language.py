"""Word's language tag of a letter, so that Word spell-checks Ukrainian as Ukrainian."""

from __future__ import annotations

from typing import Any

from campaign_app.core.letters.docx.wordml import w

# Word's language of the letter for spell-checking, where a bare language code has no
# obvious region (the campaign is European, so English is British English).
_LANGUAGE_REGION = {
    "en": "en-GB",
    "uk": "uk-UA",
    "ru": "ru-RU",
    "be": "be-BY",
    "kk": "kk-KZ",
    "ky": "ky-KG",
    "uz": "uz-Latn-UZ",
    "tg": "tg-Cyrl-TJ",
    "az": "az-Latn-AZ",
    "ka": "ka-GE",
    "hy": "hy-AM",
    "lt": "lt-LT",
    "lv": "lv-LV",
    "et": "et-EE",
    "pl": "pl-PL",
    "cs": "cs-CZ",
    "sk": "sk-SK",
    "de": "de-DE",
    "fr": "fr-FR",
    "es": "es-ES",
    "it": "it-IT",
    "nl": "nl-NL",
    "pt": "pt-PT",
    "ro": "ro-RO",
    "hu": "hu-HU",
    "bg": "bg-BG",
    "sr": "sr-Latn-RS",
    "hr": "hr-HR",
    "sl": "sl-SI",
    "fi": "fi-FI",
    "sv": "sv-SE",
    "da": "da-DK",
    "nb": "nb-NO",
    "no": "nb-NO",
    "el": "el-GR",
    "tr": "tr-TR",
}


def word_language(language: str) -> str:
    """The Word language tag (``w:lang``) for a BCP 47 tag: ``"uk"`` -> ``"uk-UA"``."""
    tag = language.strip().replace("_", "-")
    if not tag:
        return "en-GB"
    base, *rest = tag.split("-")
    base = base.lower()
    if rest:
        subtags = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest]
        return "-".join([base, *subtags])
    if base in _LANGUAGE_REGION:
        return _LANGUAGE_REGION[base]
    try:
        from babel.core import get_global

        likely = get_global("likely_subtags").get(base, "")
    except Exception:  # Babel missing or without data: a bare language still spell-checks
        likely = ""
    region = likely.split("_")[-1] if likely else ""
    return f"{base}-{region}" if len(region) == 2 else base


def set_styles_language(styles: Any, language: str) -> None:
    """The letter's language on the Normal style and the document defaults of ``styles``."""
    lang = word_language(language)
    normal = styles.get_by_id("Normal")
    targets = [
        normal.find(f"{w('rPr')}/{w('lang')}") if normal is not None else None,
        styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}"),
    ]
    for element in targets:
        if element is not None:
            element.set(w("val"), lang)
