"""Cleaning one cell of an imported row: e-mail cells, dates, genders, categories, ids.

Spreadsheets write the same thing many ways (``mailto:`` URIs with two addresses,
``23.09.2024``, ``Female``, ``Special procedure``); each is made the one form the
directory reads. :func:`lost_letters` finds the texts a file could not hold (``?`` or
U+FFFD where letters were), which the importer refuses to trust.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from email_validator import EmailNotValidError

from campaign_app.core.directory.folding import fold
from campaign_app.core.directory.importing.ep import EP_DOMAIN
from campaign_app.core.directory.validation import normalized_email

_GENDERS = {
    **dict.fromkeys(("m", "male", "man", "mr", "masculin", "masculine", "mannlich", "h", "homme"), "m"),
    **dict.fromkeys(
        ("f", "female", "woman", "w", "ms", "mrs", "feminin", "feminine", "weiblich", "femme"), "f"
    ),
    **dict.fromkeys(("", "-", "x", "other", "unknown", "n/a", "na", "diverse", "d", "non-binary"), ""),
    # Ukrainian (жіноча, чоловіча) and Russian (женский, мужской), folded as cells are.
    **{fold(w): "f" for w in ("ж", "жін", "жіноча", "жінка", "жен", "женский", "женщина")},
    **{fold(w): "m" for w in ("ч", "чол", "чоловіча", "чоловік", "м", "муж", "мужской", "мужчина")},
    # Polish: K (kobieta), M (mężczyzna)
    **{fold(w): "f" for w in ("k", "kobieta", "kob")},
    **{fold(w): "m" for w in ("mężczyzna", "męż")},
}
# What a sheet writes in a cell that holds nothing.
EMPTY_MARKS = frozenset(("-", "–", "—", "n/a", "na", "none", "null"))
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_EMAIL_SPLIT = re.compile(r"[;,\s]+")
_PLAIN_ADDRESS = re.compile(r"^[^;,\s<>\"'()\[\]?]+@[^;,\s<>\"'()\[\]?]+$")
_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")


# Cyrillic letters in Latin for ids, as Ukraine's official transliteration writes them
# (Шевченко → shevchenko, Ґудзь → gudz, Їжакевич → izhakevych), with Russian's own letters;
# applied to the lower-cased text before fold (which would make й, ї and ё и, і and е).
_CYRILLIC_LATIN = str.maketrans(
    {
        **dict(zip("абвгґдезіийїклмнопрстуфыэё", "abvhgdeziyiiklmnoprstufyee", strict=True)),
        **{"є": "ie", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "iu", "я": "ia", "ь": "", "ъ": "", "'": "", "ʼ": "", "’": ""},
    }
)


def slugify(text: str, limit: int = 60) -> str:
    """A file name or id from any text: ``Šimečka, Michal`` → ``simecka-michal``,
    ``Ґудзь Олександра`` → ``gudz-oleksandra``."""
    if not text.isascii():
        text = text.lower().translate(_CYRILLIC_LATIN)
    slug = _SLUG_BAD.sub("-", fold(text)).strip("-")
    return slug[:limit].strip("-")


def split_emails(cell: str) -> list[str]:
    """The addresses in an e-mail cell: ``mailto:`` URIs, several separated by ; , or spaces."""
    if cell.startswith(("mailto:", "MAILTO:")):
        plain = cell[7:]
        if _PLAIN_ADDRESS.match(plain):
            return [plain]
    elif _PLAIN_ADDRESS.match(cell):
        return [cell]
    out: list[str] = []
    seen: set[str] = set()
    for part in _EMAIL_SPLIT.split(cell.strip()):
        part = part.strip("<>\"'()[]")
        if _MAILTO.match(part):
            part = _MAILTO.sub("", part).split("?", 1)[0]
        if part and part.casefold() not in seen:
            seen.add(part.casefold())
            out.append(part)
    return out


def choose_email(addresses: list[str]) -> tuple[str, bool]:
    """(the address to keep, whether it was checked): the one at the European Parliament,
    else the first valid one. A single address is left for the directory's own validation."""
    candidates = [a for a in addresses if "@" in a]
    if len(candidates) == 1:
        return candidates[0], False
    valid = []
    for address in candidates:
        try:
            normalized_email(address)
        except EmailNotValidError:
            continue
        valid.append(address)
    for address in valid:
        if address.rsplit("@", 1)[-1].lower() == EP_DOMAIN:
            return address, True
    if valid:
        return valid[0], True
    return (candidates[0] if candidates else " ".join(addresses)), False


def iso_date(text: str) -> str:
    """YYYY-MM-DD from 2024-09-23, 23/09/2024, 23.09.2024 (day first; with or without a
    time); anything else is returned as it is, for the directory's validation to reject."""
    text = text.strip()
    m = _DATE_ISO.match(text)
    if m:
        return "-".join(m.groups())
    m = _DATE_DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if month > 12 >= day:  # 09/23/2024: the month came first
            day, month = month, day
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return text
    return text


@cache
def gender_code(value: str) -> str:
    """f, m or "" from the ways a sheet writes a gender (Female, Mrs, weiblich…); else as it is."""
    return _GENDERS.get(fold(value), value)


@cache
def language_code(value: str) -> str:
    """A letter language as its code: ``uk`` as it is, ``українська``, ``Ukrainian`` or
    ``украинский`` → ``uk`` (names in English, Ukrainian and Russian); else as it is, for
    the directory's validation to judge."""
    return _language_names().get(fold(value.strip()), value.strip())


@cache
def _language_names() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for locale in ("en", "uk", "ru"):
        for code, name in Locale.parse(locale).languages.items():
            if "_" not in code:
                names.setdefault(fold(name), code)
    return names


@cache
def category_key(value: str) -> str:
    """A category as the directory names it: ``Special procedure`` → ``un_special_procedure``."""
    key = re.sub(r"[\s-]+", "_", fold(value.strip()))
    aliases = {"special_procedure": "un_special_procedure", "un_special_rapporteur": "un_special_procedure"}
    return aliases.get(key, key) if key else ""


# Fields where a '?' never belongs: the source lost letters there (Juknevi?ien?).
_NO_QUESTION_MARK = (
    "honorific",
    "given_name",
    "family_name",
    "position",
    "organisation",
    "postal_address",
    "salutation",
    "political_group",
    "committees",
    "addressee",
    "email",
    "tags",
)
_WORD_QUESTION = re.compile(r"\w\?\w")


def lost_letters(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, value) of each text in which letters were lost: ``?`` inside a name, or the
    replacement character U+FFFD anywhere."""
    found = []
    for name, value in record.items():
        if type(value) is str:
            if "?" not in value and "\ufffd" not in value:
                continue
            texts: Any = (value,)
        elif isinstance(value, Mapping):
            texts = value.values()
        elif isinstance(value, list):
            texts = value
        else:
            continue
        for text in texts:
            if not isinstance(text, str) or not text:
                continue
            if "\ufffd" in text or (
                "?" in text and (name in _NO_QUESTION_MARK or _WORD_QUESTION.search(text))
            ):
                found.append((name, text))
                break
    return found
