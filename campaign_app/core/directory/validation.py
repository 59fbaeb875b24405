"""Checking one raw record of the directory, field by field, as every reader checks it.

The directory loader, the desktop app's editor and the importer all validate an entry with
:func:`parse_recipient`, so a bad cell gets the same words wherever it is found, at its
row and column, and every problem of a row is reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

from campaign_app.core.common.email_words import email_problem
from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.language_names import name_tables
from campaign_app.core.common.localized import (
    Localized,
    is_known_language,
    is_localized_map,
    language_hint,
)
from campaign_app.core.directory.categories import CATEGORIES
from campaign_app.core.directory.characters import character_problems, record_ok, value_ok
from campaign_app.core.directory.recipients import ALL_FIELDS, LOCALIZABLE, NAME_FIELDS, Recipient

FieldLocator = Callable[[str], Location]

_FIELD_SET = frozenset(ALL_FIELDS)
_TEXT_FIELDS = tuple(name for name in ALL_FIELDS if name != "tags")
_TEXT_SET = frozenset(_TEXT_FIELDS)
_NO_TEXT = dict.fromkeys(_TEXT_FIELDS, "")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@cache
def _territories() -> frozenset[str]:
    """The countries Babel knows: read from the names kept between starts
    (core/common/language_names.py), not from Babel's English data, whose loading was a
    tenth of reading a directory of 20,000 recipients."""
    # Babel's data also holds numeric region codes ("150" for Europe): only letters name a country.
    return frozenset(code for code in name_tables("en")["territories"] if code.isalpha())


# The shape of nearly every real address (name.surname@institution.eu). Such an address is
# checked here and email_validator is asked about its domain once per distinct domain: a
# directory of 100,000 rows has a few hundred domains, and full validation of every row
# took most of the load time. Anything else goes through email_validator as a whole, so
# the result and every message stay exactly email_validator's
# (tests/core/directory/test_recipients_parse.py compares the two on tricky addresses).
_PLAIN_EMAIL = re.compile(r"^([A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$")
_EMAIL_MAX_LENGTH = 254  # RFC 3696 errata, as email_validator checks it


@cache
def _normalized_domain(domain: str) -> str | None:
    """email_validator's normalized form of ``domain``, or None if it rejects the domain."""
    try:
        return validate_email(f"x@{domain}", check_deliverability=False).domain
    except EmailNotValidError:
        return None


def normalized_email(email: str) -> str:
    """The address as email_validator normalizes it; raises EmailNotValidError like it."""
    match = _PLAIN_EMAIL.match(email)
    if match is not None and len(email) <= _EMAIL_MAX_LENGTH:
        local, domain = match.groups()
        if local.lower() not in CASE_INSENSITIVE_MAILBOX_NAMES:
            normalized_domain = _normalized_domain(domain)
            if normalized_domain is not None and len(local) + 1 + len(normalized_domain) <= _EMAIL_MAX_LENGTH:
                return f"{local}@{normalized_domain}"
    return validate_email(email, check_deliverability=False).normalized


def _text_value(name: str, raw: Any, locate: FieldLocator, errors: list[UserError]) -> Localized:
    if raw is None:
        return ""
    if name in LOCALIZABLE and is_localized_map(raw):
        nested = [str(k) for k, v in raw.items() if isinstance(v, Mapping | list)]
        if nested:
            errors.append(
                UserError(
                    _("the {nested} text of '{name}' must be text, not a list or mapping").format(
                        nested=", ".join(nested), name=name
                    ),
                    locate(name),
                    _("write each language's text on one line after its code, e.g. {en: …, uk: …}"),
                )
            )
            return ""
        return {str(k): "" if v is None else str(v).strip() for k, v in raw.items()}
    if isinstance(raw, Mapping | list):
        errors.append(
            UserError(
                _not_text(name, raw),
                locate(name),
                _("write the text after the colon on the same line (in quotes if it contains ': ')"),
            )
        )
        return ""
    return str(raw).strip()


def parse_recipient(raw: Mapping[str, Any], locate: FieldLocator) -> tuple[Recipient | None, list[UserError]]:
    """Validate one record; returns the recipient (or None) and every problem found in it.

    The problems come in the order of the fields (a person fixes a row left to right); the
    fields holding a control character or a stray line break (:mod:`.characters`) come
    last, with that problem alone: "unknown category 'mep\x1b[8m'" would print the very
    escape code, and says nothing the user can see. A directory may hold a hundred
    thousand rows, so the checks are grouped in a few calls and a plain-text cell takes
    the inline path."""
    errors: list[UserError] = []
    if not _FIELD_SET.issuperset(raw):
        _check_unknown_fields(raw, locate, errors)
    if all(type(value) is str or value is None for value in raw.values()):
        values = _plain_texts(raw)  # every CSV cell, an import's record
    else:
        values = _texts(raw, locate, errors)
    _check_identity(values, locate, errors)
    _check_codes(values, locate, errors)
    _check_addresses(values, locate, errors)
    values["verified_on"] = _date(values["verified_on"], "verified_on", locate, errors)
    values["in_office_until"] = _date(values["in_office_until"], "in_office_until", locate, errors)
    values["tags"] = _tags(raw.get("tags"), locate, errors)
    hidden = character_problems(values, locate)
    if hidden:  # said instead of what else is wrong with those fields (their texts hold the characters)
        wheres = {problem.where for problem in hidden}
        errors = [e for e in errors if e.where not in wheres] + hidden
    if errors:
        return None, errors
    values["origin"] = locate("id")
    return Recipient.of_checked(values), []


_ONLY_TEXT = {str}
_GENDERS = frozenset(("", "f", "m"))
_URL_FIELDS = ("web_form", "source_url")
_RARELY_GIVEN = frozenset((*_URL_FIELDS, "verified_on", "in_office_until"))


def _nowhere(_name: str) -> Location:
    return Location("")


def checked_plain_record(raw: Mapping[str, str]) -> tuple[str, str, str, str] | None:
    """(id, e-mail, country, language) as :func:`parse_recipient` would give them for a
    record of plain texts it finds nothing wrong with; None whenever it might find
    something (the caller then asks parse_recipient, for its messages).

    An import validates 100,000 such records; most of its fields need no check, and
    building the Recipient of each (23 fields) took a fifth of the import's time. The same
    rules as parse_recipient's, with the same helpers; tests compare the two
    (tests/core/directory/importing/test_import_fast_path.py)."""
    if set(map(type, raw.values())) != _ONLY_TEXT or not _FIELD_SET.issuperset(raw) or not record_ok(raw):
        return None
    get = raw.get
    rid = get("id", "").strip()
    if not _ID.match(rid) or get("category", "").strip() not in CATEGORIES:
        return None
    if not any(get(n, "").strip() for n in NAME_FIELDS) or get("gender", "").strip() not in _GENDERS:
        return None
    country = get("country", "").strip().upper()
    language = get("language", "").strip() or "en"
    if (country and country not in _territories()) or not is_known_language(language):
        return None
    if not _RARELY_GIVEN.isdisjoint(raw):  # web addresses, dates
        errors: list[UserError] = []
        _check_addresses({**_NO_TEXT, **{u: get(u, "").strip() for u in _URL_FIELDS}}, _nowhere, errors)
        for day in ("verified_on", "in_office_until"):
            _date(get(day, "").strip(), day, _nowhere, errors)
        if errors:
            return None
    email = get("email", "").strip()
    if email:
        try:
            email = normalized_email(email)
        except EmailNotValidError:
            return None
    return rid, email, country, language


def is_id(text: str) -> bool:
    """Whether parse_recipient takes ``text`` (stripped) as an id."""
    return bool(_ID.match(text))


def plain_value_ok(name: str, text: str) -> bool:
    """Whether parse_recipient finds nothing wrong with the text ``text`` (stripped; ""
    for a field not given) in the field ``name`` whatever the record's other fields hold:
    every field but the id, the e-mail and the names, which are checked row by row.

    An import checks a column's distinct values once each (a 100,000-row file has a
    handful of categories, genders, countries); the rules are checked_plain_record's."""
    if not value_ok(name, text):
        return False
    if name == "category":
        return text in CATEGORIES
    if name == "gender":
        return text in _GENDERS
    if name == "country":
        return not text or text.upper() in _territories()
    if name == "language":
        return is_known_language(text or "en")
    if name in _URL_FIELDS:
        return not text or bool(_URL.match(text))
    if name in ("verified_on", "in_office_until"):
        errors: list[UserError] = []
        _date(text, name, _nowhere, errors)
        return not errors
    return name in _FIELD_SET


def _texts(raw: Mapping[str, Any], locate: FieldLocator, errors: list[UserError]) -> dict[str, Any]:
    """Every text field of ``raw``, stripped ("" when absent); a map by language is kept, a
    value that is no text is a problem (in the fields' order)."""
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = raw.get(name)
        values[name] = value.strip() if type(value) is str else _text_value(name, value, locate, errors)
    return values


def _plain_texts(raw: Mapping[str, str | None]) -> dict[str, Any]:
    """``_texts`` of a record holding only strings and None: only the fields given are read
    (an import's record names ten of the 23 fields; 100,000 rows)."""
    values: dict[str, Any] = dict(_NO_TEXT)
    for name, value in raw.items():
        if value is not None and name in _TEXT_SET:
            values[name] = value.strip()
    return values


def _check_unknown_fields(raw: Mapping[str, Any], locate: FieldLocator, errors: list[UserError]) -> None:
    for key in raw:
        if key not in _FIELD_SET:
            errors.append(
                UserError(
                    _("unknown field '{key}'").format(key=key),
                    locate(key),
                    _("use the directory's field names (id, category, given_name, family_name, email, …)"),
                )
            )


def _check_identity(values: dict[str, Any], locate: FieldLocator, errors: list[UserError]) -> None:
    """The id, the category and a name: what every entry needs."""
    rid = values["id"]
    if not rid:
        errors.append(UserError(_("row has no 'id'"), locate("id"), _("give every recipient a unique id")))
    elif not isinstance(rid, str) or not _ID.match(rid):
        errors.append(
            UserError(
                _("id '{rid}' is not a slug").format(rid=rid),
                locate("id"),
                _("use letters, digits, '-', '_' or '.' (e.g. mep-197840)"),
            )
        )
    category = values["category"]
    if not category:
        errors.append(
            UserError(
                _("missing 'category'"),
                locate("category"),
                _("use one of {categories}").format(categories=", ".join(CATEGORIES)),
            )
        )
    elif category not in CATEGORIES:
        errors.append(
            UserError(
                _("unknown category '{category}'").format(category=category),
                locate("category"),
                _("use one of {categories}").format(categories=", ".join(CATEGORIES)),
            )
        )
    if not any(values[n] for n in NAME_FIELDS):
        errors.append(
            UserError(
                _("entry has no name"),
                locate("family_name"),
                _("fill in given_name/family_name, or position/organisation for an office"),
            )
        )


def _check_codes(values: dict[str, Any], locate: FieldLocator, errors: list[UserError]) -> None:
    """Gender, country and language: codes from a fixed list (country upper-cased, the
    language "en" when none is given)."""
    gender = values["gender"]
    if gender and gender not in ("f", "m"):
        errors.append(
            UserError(
                _("gender '{gender}' is not f, m or empty").format(gender=gender),
                locate("gender"),
                _("use f, m or leave empty"),
            )
        )
    country = values["country"]
    if country:
        country = country.upper()
        if country not in _territories():
            errors.append(
                UserError(
                    _("country '{country}' is not an ISO 3166 alpha-2 code").format(
                        country=values["country"]
                    ),
                    locate("country"),
                    _("use two letters such as UA, DE, SK"),
                )
            )
        values["country"] = country
    language = values["language"] or "en"
    if not is_known_language(language):
        errors.append(
            UserError(
                _("language '{language}' is not a known language tag").format(language=language),
                locate("language"),
                language_hint(language),
            )
        )
    values["language"] = language


def _check_addresses(values: dict[str, Any], locate: FieldLocator, errors: list[UserError]) -> None:
    """The e-mail address (normalized as email_validator does) and the web addresses."""
    email = values["email"]
    if email:
        try:
            values["email"] = normalized_email(email)
        except EmailNotValidError as exc:
            errors.append(
                UserError(
                    _("e-mail '{email}' is not an address ({exc})").format(
                        email=email, exc=email_problem(exc)
                    ),
                    locate("email"),
                    _("correct it or leave it empty"),
                )
            )
    for url_field in ("web_form", "source_url"):
        url = values[url_field]
        if url and not _URL.match(url):
            errors.append(
                UserError(
                    _("{url_field} '{url}' is not a web address").format(url_field=url_field, url=url),
                    locate(url_field),
                    _("use a full http(s):// URL"),
                )
            )


def _date(value: str, name: str, locate: FieldLocator, errors: list[UserError]) -> dt.date | None:
    """A day (verified_on, in_office_until), or None when the cell is empty."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(
            UserError(
                _("{name} '{value}' is not a date").format(name=name, value=value),
                locate(name),
                _("write it as YYYY-MM-DD"),
            )
        )
        return None


def _tags(raw_tags: Any, locate: FieldLocator, errors: list[UserError]) -> tuple[str, ...]:
    """Tags from a YAML list or a ``;``-separated cell; a list holding maps or lists is refused."""
    if isinstance(raw_tags, Mapping) or (
        isinstance(raw_tags, list) and any(isinstance(t, Mapping | list) for t in raw_tags)
    ):
        errors.append(
            UserError(
                _("'tags' must be a list of words"),
                locate("tags"),
                _("write them as 'tags: [supporter, droi]' (or 'supporter;droi')"),
            )
        )
        return ()
    if isinstance(raw_tags, list):
        return tuple(str(t).strip() for t in raw_tags if str(t).strip())
    if raw_tags:
        return tuple(t.strip() for t in str(raw_tags).split(";") if t.strip())
    return ()


def _not_text(name: str, raw: object) -> str:
    """``'position' must be text, not a list`` (or a map by language, where it may be one)."""
    if name in LOCALIZABLE:
        if isinstance(raw, list):
            return _("'{name}' must be text or a map by language ({{en: ..., uk: ...}}), not a list").format(
                name=name
            )
        return _("'{name}' must be text or a map by language ({{en: ..., uk: ...}}), not a mapping").format(
            name=name
        )
    if isinstance(raw, list):
        return _("'{name}' must be text, not a list").format(name=name)
    return _("'{name}' must be text, not a mapping").format(name=name)
