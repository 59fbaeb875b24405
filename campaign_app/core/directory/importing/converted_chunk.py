"""A chunk of an import's rows converted column by column (:class:`.columns.ColumnConverter`),
and its checks: a row's record is made only when asked for, and a row certainly new goes
from the columns to its entry's values."""

from __future__ import annotations

from itertools import compress
from typing import Any, NamedTuple

from campaign_app.core.directory.importing.column_cells import each
from campaign_app.core.directory.importing.convert import Converted
from campaign_app.core.directory.importing.new_entries import NewValues

# (e-mail, country, language, (e-mail key, name key, organisation key), id) of a row certainly
# valid; the id when the chunk's were all found to be ids (else None: the planner looks at it)
Checked = tuple[str, str, str, tuple[str, str, str], str | None]


class Checks(NamedTuple):
    """A chunk's checks (:meth:`ColumnConverter._checks`), column by column: each row's
    e-mail, country and language as validation gives them, its keys (e-mail, name,
    organisation), its id (``ids``: None unless every cell was an id); the rows those
    do not hold for (``faulty``); the record's columns with the defaults in (``fields``)
    and the addresses as a new entry keeps them (``own``)."""

    emails: list[Any]
    countries: list[str]
    languages: list[str]
    keys: list[Any]
    names: list[str]
    orgs: list[str]
    ids: list[str] | None
    faulty: set[int]
    fields: dict[str, list[Any]]
    own: list[Any]


class ConvertedChunk:
    """A chunk of rows converted column by column. A row's :class:`~.convert.Converted`
    (its record, reasons not to trust it, notes, checks) is made only when asked for
    (:meth:`one`): for the rows the conversion found something to say about, and those the
    planner takes on its own; a row certainly new goes from the columns to its entry's
    values (:meth:`new_values`), as :func:`.rows.validated_values` makes them from its record."""

    __slots__ = ("checks", "columns", "count", "defaults", "names", "several", "special")

    def __init__(
        self, names: list[str], columns: list[list[Any]], defaults: list[tuple[str, Any]], count: int
    ):
        self.names = names
        self.columns = columns
        self.defaults = defaults
        self.count = count
        self.special: dict[int, Converted] = {}  # the rows whose Converted was made
        self.several: set[int] = set()  # the rows with several e-mail addresses
        self.checks: Checks | None = None

    def one(self, n: int) -> Converted:
        """Row ``n`` as :meth:`.convert.RowConverter.convert` makes it (made once)."""
        converted = self.special.get(n)
        if converted is None:
            pairs = zip(self.names, self.columns, strict=True)
            record = {name: v for name, column in pairs if (v := column[n]) is not None}
            for key, default in self.defaults:
                if key not in record:
                    record[key] = default
            converted = self.special[n] = Converted(record)
            converted.checked = self._checked(n)
            converted.several_emails = n in self.several
        return converted

    def several_emails(self, n: int) -> None:
        """Row ``n``'s e-mail cell has several addresses (one kept)."""
        self.several.add(n)
        converted = self.special.get(n)
        if converted is not None:
            converted.several_emails = True

    def checked(self, checks: Checks | None) -> None:
        """The chunk's checks, given to the rows already made too."""
        self.checks = checks
        for n, converted in self.special.items():
            converted.checked = self._checked(n)

    def _checked(self, n: int) -> Checked | None:
        checks = self.checks
        if checks is None or n in checks.faulty:
            return None
        keys = (checks.keys[n], checks.names[n], checks.orgs[n])
        rid = checks.ids[n] if checks.ids is not None else None
        return checks.emails[n], checks.countries[n], checks.languages[n], keys, rid

    def new_values(self, rows: list[bool]) -> NewValues | None:
        """The entries' values of the rows ``rows`` marks, each certainly valid (its checks
        hold), as validated_values makes them from each row's record: without the id and
        the empty fields, the defaults after the rest, the e-mail and the country as
        validation gives them where that differs; kept as the rows' columns (a dict made for
        a row only when its entry's values are read: :class:`.new_entries.NewEntry`). None
        when a default is one of those (each row's record is then made, and its values
        from it)."""
        checks = self.checks
        assert checks is not None
        if any(key in ("id", "email", "country") for key, _default in self.defaults):
            return None
        names, columns = [], []
        for name, column in zip(self.names, self.columns, strict=True):
            if name == "id":
                continue
            if name == "email":  # the address as validation gives it, where that differs ("": none)
                column = checks.own
            elif name == "country":
                column = each(_country_value, column)
            names.append(name)
            columns.append(list(compress(column, rows)))
        if not columns:
            return None
        return NewValues(names, columns, self.defaults)


def _country_value(cell: str | None) -> str | None:
    """A record's country as validated_values keeps it: the code validation gives, where
    that differs from the cell's."""
    code = cell.strip().upper() if cell else ""
    return code if code and code != cell else cell
