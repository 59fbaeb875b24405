"""Which column of a source is which field of the directory.

Column names are matched after folding (case, accents, spaces, ``_`` and ``-`` ignored),
so ``E-mail``, ``email address``, ``Courriel`` and ``mep_email`` are all ``email``. Besides
the directory's fields, three kinds of column are understood without being kept:

- ``_full_name`` (``Name``, ``fullName``): split into given and family name
  (:func:`.ep.split_full_name`) where the file has no separate columns;
- ``_homepage`` (``mep_homepage``, ``Website``): only to check the country against;
- ``_term_end`` (``mep_death_date``, ``term_end``, ``end``…): a filled cell means the
  mandate has ended, which the directory records as the tag ``former-member``.

Every other column is listed as ignored in the report. :mod:`.convert` turns each row,
column by column as mapped here, into a directory record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from campaign_app.core.common.i18n import _
from campaign_app.core.directory.folding import fold
from campaign_app.core.directory.recipients import ALL_FIELDS

FULL_NAME, HOMEPAGE, TERM_END = "_full_name", "_homepage", "_term_end"
# A patronymic (По батькові, Отчество) or middle name joins the given name: letters name
# a Ukrainian official by name and patronymic (Олександра Ігорівна Ґудзь). ПІБ / ФИО is
# the whole name with the family name first (Ґудзь Олександра Ігорівна).
PATRONYMIC, FULL_NAME_FAMILY_FIRST = "_patronymic", "_full_name_family_first"
PSEUDO_FIELDS = (FULL_NAME, HOMEPAGE, TERM_END, PATRONYMIC, FULL_NAME_FAMILY_FIRST)
# The names a person types for the columns that are not directory fields (--map COLUMN=full_name).
PSEUDO_NAMES = {
    "full_name": FULL_NAME,
    "full_name_family_first": FULL_NAME_FAMILY_FIRST,
    "patronymic": PATRONYMIC,
    "homepage": HOMEPAGE,
    "term_end": TERM_END,
}
IGNORE = "ignore"

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


# Ukrainian and Russian column names, as Ukrainian and Russian spreadsheets write them (the
# apostrophe of Ім'я may be ', ʼ or ’: all are ignored, as are case, spaces and punctuation).
_CYRILLIC_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("ідентифікатор", "идентификатор", "№", "номер"),
    "category": ("категорія", "категория", "тип"),
    "honorific": ("звернення", "обращение", "титул"),
    "given_name": ("ім'я", "імя", "имя"),
    "family_name": ("прізвище", "фамилия"),
    PATRONYMIC: ("по батькові", "по-батькові", "отчество", "patronymic", "middle name"),
    FULL_NAME_FAMILY_FIRST: (
        "піб",
        "п.і.б.",
        "прізвище, ім'я, по батькові",
        "прізвище ім'я по батькові",
        "фио",
        "ф.и.о.",
        "фамилия, имя, отчество",
        "фамилия имя отчество",
    ),
    FULL_NAME: ("повне ім'я", "полное имя"),
    "gender": ("стать", "пол"),
    "position": ("посада", "должность"),
    "organisation": ("організація", "установа", "організація / установа", "организация", "учреждение"),
    "country": ("країна", "страна", "держава", "государство"),
    "language": ("мова", "язык", "мова листа", "язык письма"),
    "email": (
        "електронна пошта",
        "ел. пошта",
        "email",
        "e-mail",
        "е-mail",
        "емейл",
        "електронна адреса",
        "электронная почта",
        "эл. почта",
        "электронный адрес",
    ),
    "postal_address": ("адреса", "поштова адреса", "адрес", "почтовый адрес"),
    "web_form": ("форма звернення", "веб-форма", "форма обращения", "веб-форма обращения"),
    "salutation": ("привітання", "приветствие"),
    "political_group": ("політична група", "фракція", "политическая группа", "фракция"),
    "committees": ("комітети", "комітет", "комитеты", "комитет"),
    "tags": ("теги", "мітки", "метки"),
    "source_url": ("джерело", "посилання", "источник", "ссылка"),
    "verified_on": ("перевірено", "дата перевірки", "проверено", "дата проверки"),
    "notes": ("примітки", "примітка", "нотатки", "примечания", "примечание", "заметки"),
    HOMEPAGE: ("вебсайт", "веб-сайт", "сайт"),
}


# Polish column names (Polish is a letter language here), folded as headers are (Imię: imie).
_POLISH_ALIASES: dict[str, tuple[str, ...]] = {
    "honorific": ("tytuł", "zwrot grzecznościowy"),
    "given_name": ("imię",),
    "family_name": ("nazwisko",),
    FULL_NAME: ("imię i nazwisko",),
    "gender": ("płeć",),
    "position": ("stanowisko", "funkcja"),
    "organisation": ("organizacja", "instytucja", "urząd"),
    "country": ("kraj", "państwo"),
    "language": ("język", "język listu"),
    "email": ("adres e-mail", "poczta elektroniczna"),
    "postal_address": ("adres", "adres pocztowy", "adres korespondencyjny"),
    "political_group": ("klub", "grupa polityczna"),
    "committees": ("komisje", "komisja"),
    "tags": ("tagi", "etykiety"),
    "notes": ("uwagi", "notatki"),
    HOMEPAGE: ("strona internetowa", "strona www"),
}


def header_key(name: str) -> str:
    """A column name folded for matching: ``E-Mail Address`` → ``emailaddress``, ``Ім'я``
    and ``Імʼя`` → ``імя`` (letters of any script kept; case, accents, spaces, punctuation
    and apostrophes dropped)."""
    return re.sub(r"[\W_\u02bc]", "", fold(name))


_BY_KEY: dict[str, str] = {
    header_key(a): f
    for aliases in (_ALIASES, _CYRILLIC_ALIASES, _POLISH_ALIASES)
    for f, names in aliases.items()
    for a in names
}
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
    return _name_beside_surname(columns, out)


def _name_beside_surname(columns: Sequence[str], mapping: list[str | None]) -> list[str | None]:
    """A bare "Name" column beside a "Surname" column holds the given name ("Name: Olena,
    Surname: Kovalenko"), not the whole name: read as the whole name, every given name was
    lost (split into a family name that the Surname column then replaced)."""
    if "family_name" not in mapping or "given_name" in mapping:
        return mapping
    for i, name in enumerate(columns):
        if mapping[i] == FULL_NAME and header_key(name) == "name":
            mapping[i] = "given_name"
    return mapping


def looks_like_ep(columns: Sequence[str]) -> bool:
    """The Parliament's open-data CSV: its columns are named ``mep_…``."""
    return sum(header_key(c).startswith("mep") for c in columns) >= 2


def assign_field(mapping: list[str | None], column: int, name: str | None) -> list[int]:
    """Let ``column`` fill the field ``name`` (None: ignore the column). A field is filled by
    one column, so another column that filled it is set to None, as :func:`guess_mapping`
    does; returns the columns whose field changed. The Import dialog and ``--map`` both
    map columns through this one rule."""
    if mapping[column] == name:
        return []
    changed = []
    if name is not None:
        for other, field in enumerate(mapping):
            if other != column and field == name:
                mapping[other] = None
                changed.append(other)
    mapping[column] = name
    return [*changed, column]


def field_of(name: str) -> str | None:
    """The field a person names in ``--map COLUMN=FIELD`` (None for ``ignore``); a name that
    is no field raises ValueError saying which are."""
    text = name.strip()
    if text in ALL_FIELDS:
        return text
    if text in PSEUDO_NAMES:
        return PSEUDO_NAMES[text]
    if text.casefold() in (IGNORE, ""):
        return None
    raise ValueError(
        _("unknown field '{name}': use one of {fields}").format(
            name=name, fields=", ".join(mappable_fields())
        )
    )


def mappable_fields() -> list[str]:
    """What a column may be mapped to, by the names a person types."""
    return [*ALL_FIELDS, *PSEUDO_NAMES, IGNORE]


def parse_map_option(text: str) -> tuple[str, str | None]:
    """``COLUMN=FIELD`` as (column, field); ValueError says what is wrong with it."""
    column, equals, name = text.rpartition("=")
    if not equals or not column.strip():
        raise ValueError(_("'{text}' is not COLUMN=FIELD (e.g. --map 'E-pochta=email')").format(text=text))
    return column.strip(), field_of(name)


def apply_map_options(
    columns: Sequence[str], mapping: list[str | None], choices: Sequence[tuple[str, str | None]]
) -> list[str | None]:
    """``mapping`` with each (column, field) of ``--map`` applied as the Import dialog applies
    a choice; the column is found by its name (exactly, else with case, spaces and
    punctuation ignored). A column the file lacks raises ValueError listing the columns."""
    mapping = list(mapping) + [None] * (len(columns) - len(mapping))
    for column, name in choices:
        index = _column_index(columns, column)
        if index is None:
            listed = ", ".join(f"'{c}'" for c in columns if c)
            raise ValueError(
                _("the file has no column '{column}' (--map {column}=…): its columns are {listed}").format(
                    column=column, listed=listed
                )
            )
        assign_field(mapping, index, name)
    return mapping


def _column_index(columns: Sequence[str], name: str) -> int | None:
    for i, column in enumerate(columns):
        if column == name:
            return i
    key = header_key(name)
    return next((i for i, column in enumerate(columns) if key and header_key(column) == key), None)
