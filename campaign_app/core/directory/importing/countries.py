"""Countries in imported rows: a name or code made an ISO 3166 code, and checked against domains.

A country column holds ``Slovakia``, ``SK``, ``Slowakei`` or ``UK``: each becomes its
alpha-2 code (names in a few languages, Babel's CLDR names as core/common/language_names.py
keeps them between starts: Babel's English data took 13-19 ms of an import to load; the
other languages' names are read only when an English name does not match). A row's e-mail
or homepage in a country-code domain (``.es``) is a witness for its country; vanity domains
(``.tv``, ``.io``…) and the EU's own are not.
"""

from __future__ import annotations

import re
from functools import cache

from campaign_app.core.common.language_names import name_tables
from campaign_app.core.directory.folding import fold

_COUNTRY_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "uk", "ru")
_COUNTRY_ALIASES = {
    "UK": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Czech Republic": "CZ",
    "Slovak Republic": "SK",
    "The Netherlands": "NL",
    "Holland": "NL",
    "Turkey": "TR",
    "Republic of Moldova": "MD",
    "Russian Federation": "RU",
    "USA": "US",
    "United States of America": "US",
    "Macedonia": "MK",
    "Republic of Korea": "KR",
}


@cache
def _countries(everywhere: bool = False) -> dict[str, str]:
    """Folded country names → codes: English names (and common aliases), or with
    ``everywhere`` the names in all of :data:`_COUNTRY_LOCALES` (loaded only when needed)."""
    names: dict[str, str] = {}
    for locale in _COUNTRY_LOCALES if everywhere else ("en",):
        for code, name in name_tables(locale)["territories"].items():
            if code.isalpha() and len(code) == 2:
                names.setdefault(fold(name), code)
    for name, code in _COUNTRY_ALIASES.items():
        names.setdefault(fold(name), code)
    return names


@cache
def territories() -> frozenset[str]:
    """The two-letter codes of every country CLDR names (and the aliases' codes)."""
    return frozenset(_countries().values())


@cache
def country_name(code: str) -> str:
    """A country's English name, for a message (the code itself if CLDR has none)."""
    return name_tables("en")["territories"].get(code, code)


@cache
def country_code(value: str) -> str | None:
    """ISO 3166 alpha-2 code of a code or a country name in a few languages (None: unknown)."""
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        code = text.upper()
        return "GB" if code == "UK" else code if code in territories() else None
    key = fold(text)
    return _countries().get(key) or _countries(everywhere=True).get(key)


# Codes CLDR lists among territories that are no country (.eu is the EU's own domain).
NOT_COUNTRIES = frozenset(("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"))
# Country-code domains used by anyone, whatever their country (.tv, .me, .io…).
_VANITY_TLDS = frozenset(
    [
        "ac",
        "ad",
        "ag",
        "ai",
        "am",
        "cc",
        "co",
        "fm",
        "gg",
        "im",
        "io",
        "la",
        "ly",
        "me",
        "nu",
        "sh",
        "so",
        "st",
        "to",
        "tv",
        "vc",
        "ws",
    ]
)


def has_country_domain(address: str) -> bool:
    """Whether an address's domain names a country (worth checking against the row's)."""
    return domain_country(address[address.rfind("@") + 1 :]) is not None


@cache
def domain_country(host: str) -> str | None:
    """The country of a host name's country-code domain (``.es`` → ES, ``.uk`` → GB)."""
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _VANITY_TLDS:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if code in territories() and code not in NOT_COUNTRIES else None


def url_host(url: str) -> str:
    """The host name of a web address, with or without its scheme, port or user."""
    url = url.strip()
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
    return url.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].split("@")[-1]
