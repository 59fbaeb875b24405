"""Converting a CSV's rows a few hundred at a time, column by column.

Converting a 100,000-row file row by row ran a dozen steps on every row, though most of
a spreadsheet's columns hold a few distinct values (titles, genders, countries,
organisations, positions): here each column of a chunk of rows is stripped and cleaned
once per distinct value, by the same step functions :class:`.convert.RowConverter` runs
on a row (each reads and writes its own field only), and only the e-mail cell and the
checks that join several fields (letters lost to ``?``, a country contradicting the
e-mail's domain) are left to each row.

The result is the records :meth:`.convert.RowConverter.convert` makes, field for field
and in the same order, with the same reasons not to trust them
(tests/core/directory/importing/test_import_fast_path.py compares the imports). A file
whose mapping needs steps that join fields (a full-name column, tags, the end of a term,
a homepage, the European Parliament's defaults), or a chunk with rows of another width
than the header, is converted row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from campaign_app.core.directory.importing.convert import (
    _SHARED_FIELDS,
    Converted,
    Distrust,
    RowConverter,
    _check_trust,
    _clean_category,
    _clean_date,
    _clean_gender,
    _clean_language,
    _country_clash,
    _normal_case_names,
    country_cell,
    email_cell,
)
from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    FULL_NAME_FAMILY_FIRST,
    HOMEPAGE,
    PATRONYMIC,
    TERM_END,
)

CHUNK = 512  # rows converted at once: their cells are still in the processor's cache
SHARED = 512  # distinct values a column may have and still be cleaned once per value
# Mapped fields whose steps read or write other fields: such a file goes row by row.
_ROW_STEPS = frozenset((FULL_NAME, FULL_NAME_FAMILY_FIRST, PATRONYMIC, TERM_END, HOMEPAGE, "tags"))

Step = Callable[[dict[str, Any]], None]


class ColumnConverter:
    """Converts chunks of a CSV's rows (all text) as ``converter`` converts each row."""

    def __init__(self, converter: RowConverter):
        fields = [name for _i, name in converter.pairs]
        self.usable = (
            not converter.ep and len(set(fields)) == len(fields) and not _ROW_STEPS.intersection(fields)
        )
        self.width = len(converter.columns)
        steps: dict[str, Step] = {
            "given_name": _normal_case_names,
            "family_name": _normal_case_names,
            "category": _clean_category,
            "gender": _clean_gender,
            "language": _clean_language,
            "id": converter._clean_id,
            "verified_on": _clean_date,
        }
        self.fields = [(i, name, steps.get(name)) for i, name in converter.pairs]
        # one cleaned value per distinct cell: kept for every value of the fields whose
        # strings new entries share (as RowConverter keeps them), else while few
        self.memos: list[dict[str, Any] | None] = [{} for _ in self.fields]
        self.unbounded = [name in _SHARED_FIELDS for _i, name, _step in self.fields]
        defaults = dict(converter.defaults)
        _clean_category(defaults)  # a default category is cleaned as the row's own would be
        self.defaults = list(defaults.items())
        self.defaults_suspect = any("?" in v or "\ufffd" in v for v in defaults.values())

    def convert(self, rows: Sequence[Sequence[str]]) -> list[Converted] | None:
        """Each row as a record with its reasons not to trust it; None when the chunk is
        to be converted row by row."""
        if not self.usable or not rows or any(len(row) != self.width for row in rows):
            return None
        cells = list(zip(*rows, strict=True))
        names, columns = [], []
        emails: Sequence[Any] = [None] * len(rows)
        countries: Sequence[Any] = emails
        for k, (i, name, step) in enumerate(self.fields):
            column = self._column(k, name, step, cells[i])
            if name == "email":
                emails = column
                column = [None if e is None else e[0] for e in column]
            elif name == "country":
                countries = column
                column = [None if c is None else c[0] for c in column]
            names.append(name)
            columns.append(column)
        suspects = self._suspects(columns)
        out = []
        for n, values in enumerate(zip(*columns, strict=True)):
            record = {name: value for name, value in zip(names, values, strict=True) if value is not None}
            out.append(self._row(record, n in suspects, emails[n], countries[n]))
        return out

    def _row(self, record: dict[str, Any], suspect: bool, email: Any, country: Any) -> Converted:
        """One row's record (its defaults added) and its reasons not to trust it, in the
        order RowConverter.convert finds them."""
        for key, default in self.defaults:
            if key not in record:
                record[key] = default
        converted = Converted(record)
        found: list[str] = []
        if email is not None:
            _kept, found, converted.several_emails = email
        if country is not None and country[1] is not None:
            converted.distrust.append(country[1])
        code = record.get("country")
        if suspect:
            _check_trust(record, converted, code, found, "")
        elif type(code) is str and len(code) == 2:  # what _check_trust does with no '?' in the row
            clash = _country_clash(code, found, "")
            if clash is not None:
                converted.distrust.append(clash)
        return converted

    def _column(self, k: int, name: str, step: Step | None, cells: tuple[str, ...]) -> list[Any]:
        """The chunk's cells of one field, cleaned (None: not in the record)."""
        clean = _cleaner(name, step)
        memo = self.memos[k]
        if memo is not None:
            new = set(cells).difference(memo)
            if self.unbounded[k] or len(memo) + len(new) <= SHARED:
                for value in new:
                    memo[value] = clean(value)
                return list(map(memo.__getitem__, cells))
            self.memos[k] = None
        return list(map(clean, cells))

    def _suspects(self, columns: list[list[Any]]) -> set[int] | range:
        """The rows with a text that may have lost letters (their check looks closer)."""
        if self.defaults_suspect:
            return range(len(columns[0]) if columns else 0)
        rows: set[int] = set()
        for column in columns:
            texts = [v if type(v) is str else "" for v in column]
            joined = "\x1f".join(texts)
            if "?" in joined or "\ufffd" in joined:
                rows.update(n for n, v in enumerate(texts) if "?" in v or "\ufffd" in v)
        return rows


def _cleaner(name: str, step: Step | None) -> Callable[[str], Any]:
    """A cell's text as its field's value in the record (None: left out of it); the
    e-mail as (address kept, every address, several?), the country as (value, distrust)."""
    if name == "email":
        return _email
    if name == "country":
        return _country
    if step is None:
        return _stripped

    def clean(cell: str) -> Any:
        text = cell.strip()
        if not text:
            return None
        record = {name: text}
        step(record)
        return record[name]

    return clean


def _stripped(cell: str) -> str | None:
    return cell.strip() or None


def _email(cell: str) -> tuple[str, list[str], bool] | None:
    text = cell.strip()
    if not text:
        return None
    kept, emails, several = email_cell(text)
    return None if kept is None else (kept, emails, several)


def _country(cell: str) -> tuple[str, Distrust | None] | None:
    text = cell.strip()
    return country_cell(text) if text else None
