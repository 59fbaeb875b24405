"""From a source row to a directory record: which column is which field, and the clean-up.

Column names are matched after folding (case, accents, spaces, ``_`` and ``-`` ignored),
so ``E-mail``, ``email address``, ``Courriel`` and ``mep_email`` are all ``email``. Besides
the directory's fields, three kinds of column are understood without being kept:

- ``_full_name`` (``Name``, ``fullName``): split into given and family name
  (:func:`.ep.split_full_name`) where the file has no separate columns;
- ``_homepage`` (``mep_homepage``, ``Website``): only to check the country against;
- ``_term_end`` (``mep_death_date``, ``term_end``, ``end``…): a filled cell means the
  mandate has ended, which the directory records as the tag ``former-member``.

Every other column is listed as ignored in the report. A :class:`RowConverter` turns one
row into the record the loader would read from a directory CSV (all values text), plus
the reasons not to trust it: letters lost to ``?``, an e-mail cell with no address, a
country that is no country or that contradicts the row's e-mail or homepage domain.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from email_validator import EmailNotValidError

from campaign_app.core.directory.importing.ep import (
    EP_DEFAULTS,
    EP_DOMAIN,
    EP_ID_PREFIX,
    normal_case,
    split_full_name,
)
from campaign_app.core.directory.importing.sources import cell_text
from campaign_app.core.directory.query import fold
from campaign_app.core.directory.recipients import ALL_FIELDS, CATEGORIES, normalized_email

FULL_NAME, HOMEPAGE, TERM_END = "_full_name", "_homepage", "_term_end"
PSEUDO_FIELDS = (FULL_NAME, HOMEPAGE, TERM_END)
FORMER_MEMBER_TAG = "former-member"
_CATEGORY_SET = frozenset(CATEGORIES)

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifier", "mep identifier", "person id", "recipient id", "uid"),
    "category": ("category", "kind", "type", "categorie", "kategorie"),
    "honorific": (
        "honorific",
        "honorific prefix",
        "mep honorific prefix",
        "title",
        "prefix",
        "anrede",
        "civilite",
    ),
    "given_name": (
        "given name",
        "given names",
        "first name",
        "firstname",
        "first",
        "forename",
        "forenames",
        "prenom",
        "vorname",
        "mep given name",
        "given",
    ),
    "family_name": (
        "family name",
        "last name",
        "lastname",
        "last",
        "surname",
        "nom",
        "nachname",
        "mep family name",
        "family",
    ),
    FULL_NAME: ("name", "full name", "fullname", "display name", "mep name", "contact name", "person"),
    "gender": ("gender", "sex", "mep gender", "genre", "geschlecht"),
    "position": ("position", "job title", "function", "role", "office", "post", "fonction", "funktion"),
    "organisation": (
        "organisation",
        "organization",
        "org",
        "institution",
        "company",
        "employer",
        "affiliation",
        "body",
        "agency",
        "organisme",
    ),
    "country": (
        "country",
        "country code",
        "nationality",
        "citizenship",
        "mep citizenship",
        "member state",
        "pays",
        "land",
    ),
    "language": ("language", "lang", "letter language", "langue", "sprache"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "mep email", "courriel"),
    "postal_address": (
        "postal address",
        "address",
        "postal",
        "mailing address",
        "post address",
        "adresse",
        "anschrift",
        "office address",
    ),
    "web_form": ("web form", "contact form", "form", "contact page"),
    "salutation": ("salutation", "greeting", "letter salutation"),
    "political_group": ("political group", "group", "ep group", "mep political group", "politicalgroup"),
    "committees": ("committees", "committee"),
    "tags": ("tags", "tag", "labels", "keywords"),
    "source_url": ("source url", "source", "url", "uri", "mep uri", "link", "profile", "profile url"),
    "verified_on": (
        "verified on",
        "verified",
        "last verified",
        "checked on",
        "last checked",
        "date verified",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "memo"),
    "addressee": ("addressee",),
    HOMEPAGE: ("homepage", "website", "mep homepage", "web site", "web"),
    TERM_END: (
        "mep death date",
        "death date",
        "term end",
        "term ended",
        "end",
        "end date",
        "mandate end",
        "left on",
        "date left",
    ),
}


def header_key(name: str) -> str:
    """A column name folded for matching: ``E-Mail Address`` → ``emailaddress``."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


_BY_KEY: dict[str, str] = {header_key(a): f for f, names in _ALIASES.items() for a in names}
_BY_KEY.update({header_key(f): f for f in ALL_FIELDS})


def guess_mapping(columns: Sequence[str]) -> list[str | None]:
    """The field each column goes to (None: ignored); a field is taken by its first column."""
    taken: set[str] = set()
    out: list[str | None] = []
    for name in columns:
        target = _BY_KEY.get(header_key(name)) if name.strip() else None
        if target in taken:
            target = None
        if target is not None:
            taken.add(target)
        out.append(target)
    return out


def looks_like_ep(columns: Sequence[str]) -> bool:
    """The Parliament's open-data CSV: its columns are named ``mep_…``."""
    return sum(header_key(c).startswith("mep") for c in columns) >= 2


# ---- countries -------------------------------------------------------------------------

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
    from babel import Locale

    names: dict[str, str] = {}
    for locale in _COUNTRY_LOCALES if everywhere else ("en",):
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha() and len(code) == 2:
                names.setdefault(fold(name), code)
    for name, code in _COUNTRY_ALIASES.items():
        names.setdefault(fold(name), code)
    return names


@cache
def territories() -> frozenset[str]:
    return frozenset(_countries().values())


@cache
def country_name(code: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(code, code)


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
_NOT_COUNTRIES = frozenset(("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"))
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


def _suspect(address: str) -> bool:
    """Whether an address's domain names a country (worth checking against the row's)."""
    return domain_country(address[address.rfind("@") + 1 :]) is not None


@cache
def domain_country(host: str) -> str | None:
    """The country of a host name's country-code domain (``.es`` → ES, ``.uk`` → GB)."""
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or not tld.isalpha() or tld in _VANITY_TLDS:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if code in territories() and code not in _NOT_COUNTRIES else None


def _host(url: str) -> str:
    url = url.strip()
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
    return url.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].split("@")[-1]


# ---- cell clean-up ---------------------------------------------------------------------

_GENDERS = {
    **dict.fromkeys(("m", "male", "man", "mr", "masculin", "masculine", "mannlich", "h", "homme"), "m"),
    **dict.fromkeys(
        ("f", "female", "woman", "w", "ms", "mrs", "feminin", "feminine", "weiblich", "femme"), "f"
    ),
    **dict.fromkeys(("", "-", "x", "other", "unknown", "n/a", "na", "diverse", "d", "non-binary"), ""),
}
_EMPTY_MARKS = frozenset(("-", "–", "—", "n/a", "na", "none", "null"))
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_EMAIL_SPLIT = re.compile(r"[;,\s]+")
_PLAIN_ADDRESS = re.compile(r"^[^;,\s<>\"'()\[\]?]+@[^;,\s<>\"'()\[\]?]+$")
_DATE_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_SLUG_BAD = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def slugify(text: str, limit: int = 60) -> str:
    """A file name or id from any text: ``Šimečka, Michal`` → ``simecka-michal``."""
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
def _gender(value: str) -> str:
    return _GENDERS.get(fold(value), value)


@cache
def _category(value: str) -> str:
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


# ---- one row ---------------------------------------------------------------------------


@dataclass
class Distrust:
    """Why a row is not imported: a field (or None for the row), what is wrong, what to do."""

    field: str | None
    message: str
    hint: str


class Converted:
    """A row made a record, with the reasons not to trust it and notes worth saying."""

    __slots__ = ("distrust", "notes", "record", "several_emails")

    def __init__(self, record: dict[str, Any]):
        self.record = record
        self.distrust: list[Distrust] = []
        self.notes: list[str] = []
        self.several_emails = False


def _text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return {str(k): "" if v is None else str(v).strip() for k, v in value.items()}
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return str(cell_text(value)).strip()


class RowConverter:
    """Turns rows of one source into records; the mapping is fixed for the whole file."""

    def __init__(
        self,
        mapping: Sequence[str | None],
        columns: Sequence[str],
        *,
        ep: bool = False,
        category: str | None = None,
    ):
        self.columns = list(columns)
        self.pairs = [(i, f) for i, f in enumerate(mapping) if f is not None]
        self.column_of: dict[str, int] = {f: i + 1 for i, f in self.pairs}
        self.ep = ep
        self.category = category
        self.mapped = frozenset(self.column_of)
        self.defaults: dict[str, str] = dict(EP_DEFAULTS) if ep else {}
        if category:
            self.defaults["category"] = category
        if FULL_NAME in self.column_of:
            for name in ("given_name", "family_name"):
                self.column_of.setdefault(name, self.column_of[FULL_NAME])

    def _values(self, cells: Sequence[Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        count = len(cells)
        for i, name in self.pairs:
            if i < count:
                value = cells[i]
                value = value.strip() if type(value) is str else _text(value)
                if value:
                    values[name] = value
        return values

    def convert(self, cells: Sequence[Any]) -> Converted:
        values = self._values(cells)
        out = Converted(values)
        for key, default in self.defaults.items():
            if not values.get(key):
                values[key] = default
        mapped = self.mapped
        if FULL_NAME in mapped:
            full = values.pop(FULL_NAME, "")
            if full and not (values.get("given_name") or values.get("family_name")):
                given, family = split_full_name(full) if isinstance(full, str) else ("", full)
                if given:
                    values["given_name"] = given
                if family:
                    values["family_name"] = family
        for name in ("given_name", "family_name"):  # DUPONT → Dupont, as letters print it
            text = values.get(name)
            if type(text) is str and len(text) > 2 and text.isupper():
                values[name] = normal_case(text)
        category = values.get("category")
        if type(category) is str and category not in _CATEGORY_SET:
            values["category"] = _category(category)
        if "gender" in mapped:
            gender = values.get("gender")
            if type(gender) is str:
                values["gender"] = _gender(gender)
        if "id" in mapped:
            rid = values.get("id")
            if type(rid) is str and rid:
                if self.ep and rid.isdigit():
                    values["id"] = EP_ID_PREFIX + rid
                elif not _ID.match(rid):
                    values["id"] = slugify(rid) or ""
        emails: list[str] = []
        email = values.get("email")
        if type(email) is str:
            emails = split_emails(email)
            if not emails or email.casefold() in _EMPTY_MARKS:
                del values["email"]
                emails = []
            elif len(emails) == 1:
                values["email"] = emails[0]
            else:
                values["email"] = choose_email(emails)[0]
                out.several_emails = True
        country = values.get("country")
        if type(country) is str:
            code = country_code(country)
            if code is None:
                out.distrust.append(
                    Distrust(
                        "country",
                        f"country '{country}' is neither a country name nor an ISO 3166 code",
                        "correct it in the source (e.g. Slovakia or SK) or leave it empty",
                    )
                )
            else:
                values["country"] = country = code
        if "verified_on" in mapped:
            verified = values.get("verified_on")
            if type(verified) is str:
                values["verified_on"] = iso_date(verified)
        if "tags" in mapped or TERM_END in mapped:
            self._tags(values, out)
        homepage = values.pop(HOMEPAGE, "") if HOMEPAGE in mapped else ""
        texts = [v for v in values.values() if type(v) is str]
        joined = "\x1f".join(texts)  # one look for '?' in the whole row first
        maybe_lost = len(texts) < len(values) or "?" in joined or "\ufffd" in joined
        lost = lost_letters(values) if maybe_lost else None
        if lost:
            shown = ", ".join(f"{name} '{text}'" for name, text in lost)
            out.distrust.insert(
                0,
                Distrust(
                    lost[0][0],
                    f"letters replaced by '?' in the source: {shown}",
                    "the file could not hold these letters: correct them in the source and import it "
                    "again, or type the entry in by hand",
                ),
            )
        elif (
            type(country) is str
            and len(country) == 2
            and (homepage or len(emails) != 1 or _suspect(emails[0]))
        ):
            clash = self._contradiction(country, emails, homepage)
            if clash:
                out.distrust.append(clash)
        return out

    def _tags(self, values: dict[str, Any], out: Converted) -> None:
        tags = values.get("tags")
        if isinstance(tags, str):
            tags = [t.strip() for t in re.split(r"[;,]", tags) if t.strip()]
        term_end = values.pop(TERM_END, "")
        if term_end and str(term_end).casefold() not in _EMPTY_MARKS:
            tags = list(tags or [])
            if FORMER_MEMBER_TAG not in tags:
                tags.append(FORMER_MEMBER_TAG)
            column = self.columns[self.column_of[TERM_END] - 1]
            out.notes.append(f"{column} is {term_end}: tagged {FORMER_MEMBER_TAG}")
        if tags:
            values["tags"] = ";".join(tags)
        else:
            values.pop("tags", None)

    @staticmethod
    def _contradiction(country: str, emails: list[str], homepage: Any) -> Distrust | None:
        """The row's country against the country-code domains of its addresses and homepage."""
        witnesses = [("e-mail", a, a[a.rfind("@") + 1 :]) for a in emails if "@" in a]
        if isinstance(homepage, str) and homepage:
            witnesses += [("homepage", url, _host(url)) for url in re.split(r"[;\s]+", homepage) if url]
        for what, text, host in witnesses:
            other = domain_country(host)
            if other is not None and other != country:
                tld = host.rsplit(".", 1)[-1].lower()
                return Distrust(
                    "country",
                    f"country {country} ({country_name(country)}) contradicts the {what} {text} "
                    f"(.{tld}: {country_name(other)})",
                    "check the country on the member's page and correct it in the source",
                )
        return None
