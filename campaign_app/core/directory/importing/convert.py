"""From a source row to a directory record, and the reasons not to trust it.

A :class:`RowConverter` turns one row, its columns mapped by :mod:`.mapping`, into the
record the loader would read from a directory CSV (all values text), cleaned cell by cell
(:mod:`.cells`, :mod:`.countries`), plus the reasons not to trust it: letters lost to
``?``, an e-mail cell with no address, a country that is no country or that contradicts
the row's e-mail or homepage domain. A large import converts a hundred thousand rows, so
the steps a file's mapping cannot need (no gender column: no gender to clean) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from campaign_app.core.common.i18n import _
from campaign_app.core.directory.importing.cells import (
    EMPTY_MARKS,
    category_key,
    choose_email,
    gender_code,
    iso_date,
    language_code,
    slugify,
    split_emails,
)
from campaign_app.core.directory.importing.countries import (
    country_code,
)
from campaign_app.core.directory.importing.ep import (
    EP_DEFAULTS,
    EP_ID_PREFIX,
    normal_case,
    split_full_name,
)
from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    FULL_NAME_FAMILY_FIRST,
    HOMEPAGE,
    PATRONYMIC,
    TERM_END,
)
from campaign_app.core.directory.importing.sources import cell_text
from campaign_app.core.directory.importing.trust import Distrust, check_trust
from campaign_app.core.directory.recipients import CATEGORIES

FORMER_MEMBER_TAG = "former-member"
# Fields whose cells repeat from row to row (Ms, Member, European Parliament).
SHARED_FIELDS = frozenset(
    ("category", "honorific", "given_name", "gender", "position", "organisation", "country", "language")
).union(("political_group", "committees", "tags", "postal_address", "salutation", "verified_on"))
_CATEGORY_SET = frozenset(CATEGORIES)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class Converted:
    """A row made a record, with the reasons not to trust it and notes worth saying (each
    with the field whose column it is about, or None for the row). Nearly every row has
    neither: both start as one shared empty tuple, and a row given one gets lists of its
    own (:meth:`distrusted`, :meth:`noted`): two empty lists a row made and freed were a
    twentieth of a 100,000-row import's CPU."""

    __slots__ = ("checked", "distrust", "notes", "record", "several_emails")

    def __init__(self, record: dict[str, Any]):
        self.record = record
        self.distrust: Sequence[Distrust] = ()
        self.notes: Sequence[tuple[str | None, str]] = ()
        self.several_emails = False
        # (e-mail, country, language, keys, id) when checked with its chunk and found valid
        # but perhaps for its id (.columns: the id when its chunk's ids were all found to be
        # ids, else None); None: the planner checks the record itself
        self.checked: tuple[str, str, str, tuple[str, str, str], str | None] | None = None

    def distrusted(self, reason: Distrust, first: bool = False) -> None:
        """One more reason not to trust the row (``first``: before the others)."""
        self.distrust = [reason, *self.distrust] if first else [*self.distrust, reason]

    def noted(self, field: str | None, note: str) -> None:
        """One more note about the row (``field``: the field whose column it is about)."""
        self.notes = [*self.notes, (field, note)]


def _text(value: Any) -> Any:
    """A cell that is not plain text (a YAML map or list, a spreadsheet number or date) as text."""
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
        postal_address: str | None = None,
    ):
        self.columns = list(columns)
        self.pairs = [(i, f) for i, f in enumerate(mapping) if f is not None]
        # Cells of these fields repeat from row to row (Ms, Member, European Parliament):
        # the new entries of a large file share one string for each, instead of one a row.
        self.shared = [(i, f, f in SHARED_FIELDS) for i, f in self.pairs]
        self._strings: dict[str, str] = {}
        self.column_of: dict[str, int] = {f: i + 1 for i, f in self.pairs}
        self.ep = ep
        self.category = category
        self.mapped = frozenset(self.column_of)
        self.defaults: dict[str, str] = dict(EP_DEFAULTS) if ep else {}
        if category:
            self.defaults["category"] = category
        # A list that gives no e-mail (the EP's full-list XML): its people are reached by post.
        self.postal_default = postal_address
        if postal_address and "postal_address" not in self.mapped:
            self.defaults["postal_address"] = postal_address
        for full in (FULL_NAME, FULL_NAME_FAMILY_FIRST):
            if full in self.column_of:
                for name in ("given_name", "family_name"):
                    self.column_of.setdefault(name, self.column_of[full])

    def _values(self, cells: Sequence[Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        count = len(cells)
        strings = self._strings
        for i, name, shared in self.shared:
            if i < count:
                value = cells[i]
                if type(value) is str:
                    value = value.strip()
                    if shared and value:
                        value = strings.setdefault(value, value)
                else:
                    value = _text(value)
                if value:
                    values[name] = value
        return values

    def convert(self, cells: Sequence[Any]) -> Converted:
        """One row as a record, each field cleaned in turn (the order of the fields in the
        record, which the report follows, is the order they are filled in here)."""
        values = self._values(cells)
        out = Converted(values)
        for key, default in self.defaults.items():
            if not values.get(key):
                values[key] = default
        mapped = self.mapped
        if FULL_NAME in mapped:
            _split_full_name(values)
        if FULL_NAME_FAMILY_FIRST in mapped or PATRONYMIC in mapped:
            _family_first_and_patronymic(values)
        _normal_case_names(values)
        _clean_category(values)
        if "gender" in mapped:
            _clean_gender(values)
        if "language" in mapped:
            _clean_language(values)
        if "id" in mapped:
            self._clean_id(values, out)
        emails = _clean_email(values, out)
        country = _clean_country(values, out)
        if "verified_on" in mapped:
            _clean_date(values)
        if "tags" in mapped or TERM_END in mapped:
            self._tags(values, out)
        homepage = values.pop(HOMEPAGE, "") if HOMEPAGE in mapped else ""
        check_trust(values, out, country, emails, homepage)
        return out

    def _clean_id(self, values: dict[str, Any], out: Converted) -> None:
        rid = values.get("id")
        if type(rid) is str and rid:
            values["id"] = new = self.id_value(rid)
            if new != rid and not self.ep:
                out.noted("id", self.id_note(rid, new))

    def id_value(self, rid: str) -> str:
        """An EP list's number gets the ``mep-`` prefix; an id that is no slug is made one
        ("" when nothing of it can be: the row gets an id made from its name)."""
        if self.ep and rid.isdigit():
            return EP_ID_PREFIX + rid
        return rid if _ID.match(rid) else slugify(rid) or ""

    def id_note(self, rid: str, new: str) -> str:
        """What a user reads when the source's id was not one the directory can hold
        (``../../etc`` becomes ``etc``): the entry's id is not what the file said."""
        column = self.columns[self.column_of["id"] - 1]
        if new:
            return _("{column} '{rid}' is not an id the directory can hold: imported as '{new}'").format(
                column=column, rid=rid, new=new
            )
        return _(
            "{column} '{rid}' is not an id the directory can hold: the entry gets an id made from its name"
        ).format(column=column, rid=rid)

    def _tags(self, values: dict[str, Any], out: Converted) -> None:
        tags = values.get("tags")
        if isinstance(tags, str):
            tags = [t.strip() for t in re.split(r"[;,]", tags) if t.strip()]
        term_end = values.pop(TERM_END, "")
        if term_end and str(term_end).casefold() not in EMPTY_MARKS:
            tags = list(tags or [])
            if FORMER_MEMBER_TAG not in tags:
                tags.append(FORMER_MEMBER_TAG)
            column = self.columns[self.column_of[TERM_END] - 1]
            until = iso_date(str(term_end).split()[0])
            dated = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", until)) and not values.get("in_office_until")
            if dated:  # the last day in office, for check's warning about letters to them
                values["in_office_until"] = until
            out.noted(
                None,
                (
                    _("{column} is {value}: tagged {tag}, in office until {date}")
                    if dated
                    else _("{column} is {value}: tagged {tag}")
                ).format(column=column, value=term_end, tag=FORMER_MEMBER_TAG, date=until),
            )
        if tags:
            values["tags"] = ";".join(tags)
        else:
            values.pop("tags", None)


# ---- the steps of one row, in the order convert takes them ------------------------------


def _split_full_name(values: dict[str, Any]) -> None:
    """Given and family name from the full-name column, where the row has neither."""
    full = values.pop(FULL_NAME, "")
    if full and not (values.get("given_name") or values.get("family_name")):
        given, family = split_full_name(full) if isinstance(full, str) else ("", full)
        if given:
            values["given_name"] = given
        if family:
            values["family_name"] = family


def _family_first_and_patronymic(values: dict[str, Any]) -> None:
    """ПІБ (``Ґудзь Олександра Ігорівна``: family name first) split where the row has no
    separate names; a patronymic joins the given name (``Олександра Ігорівна``), the form
    in which a Ukrainian or Russian letter names and addresses the person."""
    full = values.pop(FULL_NAME_FAMILY_FIRST, "")
    if type(full) is str and full and not (values.get("given_name") or values.get("family_name")):
        family, _space, given = full.partition(" ")
        values["family_name"] = family
        if given.strip():
            values["given_name"] = " ".join(given.split())
    patronymic = values.pop(PATRONYMIC, "")
    given = values.get("given_name", "")
    if type(patronymic) is str and patronymic and type(given) is str and not given.endswith(patronymic):
        values["given_name"] = f"{given} {patronymic}".strip()


def _normal_case_names(values: dict[str, Any]) -> None:
    for name in ("given_name", "family_name"):
        text = values.get(name)
        if type(text) is str:
            values[name] = name_value(text)


def name_value(text: str) -> str:
    """DUPONT → Dupont, as letters print it."""
    return normal_case(text) if len(text) > 2 and text.isupper() else text


def _clean_category(values: dict[str, Any]) -> None:
    category = values.get("category")
    if type(category) is str:
        values["category"] = category_value(category)


def category_value(text: str) -> str:
    """A category cell as the directory names the category (``NGO`` → ``ngo``)."""
    return text if text in _CATEGORY_SET else category_key(text)


def _clean_gender(values: dict[str, Any]) -> None:
    gender = values.get("gender")
    if type(gender) is str:
        values["gender"] = gender_code(gender)


def _clean_language(values: dict[str, Any]) -> None:
    language = values.get("language")
    if type(language) is str:
        values["language"] = language_code(language)


def _clean_email(values: dict[str, Any], out: Converted) -> list[str]:
    """The addresses in the e-mail cell; the one kept goes in the record, and a cell with
    none (or a mark such as ``n/a``) leaves the record without an e-mail."""
    email = values.get("email")
    if type(email) is not str:
        return []
    kept, emails, several = email_cell(email)
    if kept is None:
        del values["email"]
    else:
        values["email"] = kept
        out.several_emails = several
    return emails


def email_cell(email: str) -> tuple[str | None, list[str], bool]:
    """(the address kept, or None for no e-mail; every address in the cell; whether it
    held several) of an e-mail cell's text."""
    emails = split_emails(email)
    if not emails or ("@" not in email and email.casefold() in EMPTY_MARKS):  # no mark holds '@'
        return None, [], False
    if len(emails) == 1:
        return emails[0], emails, False
    halves = [e for e in emails if e.startswith("@") or e.endswith("@")]
    if halves and sum("@" in e for e in emails) == 1:
        # "dan @example.org": one address with a space in it, not "dan" and "@example.org";
        # kept whole, so that what is refused is what the cell holds
        whole = " ".join(email.split())
        return whole, [whole], False
    return choose_email(emails)[0], emails, True


def _clean_country(values: dict[str, Any], out: Converted) -> Any:
    """The row's country as a code (what the cell held if it is not text); a text that
    is no country is a reason not to trust the row."""
    country = values.get("country")
    if type(country) is str:
        country, distrust = country_cell(country)
        values["country"] = country
        if distrust is not None:
            out.distrusted(distrust)
    return country


def country_cell(country: str) -> tuple[str, Distrust | None]:
    """A country cell's text as its code, or as it is with the reason not to trust it."""
    code = country_code(country)
    if code is None:
        return country, Distrust(
            "country",
            _("country '{country}' is neither a country name nor an ISO 3166 code").format(country=country),
            _("correct it in the source (e.g. Slovakia or SK) or leave it empty"),
        )
    return code, None


def _clean_date(values: dict[str, Any]) -> None:
    verified = values.get("verified_on")
    if type(verified) is str:
        values["verified_on"] = iso_date(verified)
