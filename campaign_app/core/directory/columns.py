"""Reading a directory CSV column by column: every row checked, each distinct value once.

A directory of 100,000 rows has a handful of categories, countries, languages and dates,
and a few hundred e-mail domains. Validating row by row (:func:`parse_recipient` per row)
asked the same questions 100,000 times and took most of ``recipients list``. Here each
column is checked as a whole (a category is checked once, however many rows hold it), and
a row any check refuses is then read by :func:`parse_recipient` itself, so every problem
is reported with the very words, row and column as before, and in the same order.

When a file holds something unusual (a row the CSV reader cannot read, a row longer than
the header), the caller reads it row by row instead (core/directory/load.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress, count
from operator import not_
from pathlib import Path
from typing import Any

from email_validator import EmailNotValidError
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, UserErrors, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import TEXT_FILE_BYTES
from campaign_app.core.common.textfiles import decode_utf8, read_bytes
from campaign_app.core.directory.categories import CATEGORIES
from campaign_app.core.directory.cells import CsvRows
from campaign_app.core.directory.cells import collect as _collect
from campaign_app.core.directory.recipients import ALL_FIELDS, NAME_FIELDS, Recipient
from campaign_app.core.directory.validation import (
    _EMAIL_MAX_LENGTH,
    _ID,
    _URL,
    _normalized_domain,
    _tags,
    _territories,
    is_known_language,
    normalized_email,
    parse_recipient,
)

# Every id, one per line, each a slug (validation._ID): one regular expression over the column.
_IDS = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}(?:\n[A-Za-z0-9][A-Za-z0-9._-]{0,99})*")
DATE_FIELDS = ("verified_on", "in_office_until")  # the columns of days
_OTHER_LINE_ENDS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines ends lines there too
# In a column of plain addresses, one per line: the characters, a domain, its shape.
_PLAIN_CHARACTERS = re.compile(r"[A-Za-z0-9_+\-.@\n]*")
_DOMAIN = re.compile(r"@([^\n]*)")
_PLAIN_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")  # as in validation._PLAIN_EMAIL
_STRAY_DOTS = (".@", "..", "\n@", "\n.")  # each found by a plain search, far faster than one regex
_EMPTY: dict[str, Any] = {"language": "en", "tags": (), "verified_on": None, "in_office_until": None}


@dataclass
class CheckedColumns:
    """The rows that passed, as one tuple of validated values per field, and their lines.

    Tuples, not lists: the garbage collector stops looking into a tuple of strings after
    its first pass, but walks a list's 100,000 items on every full collection."""

    values: dict[str, Sequence[Any]]
    lines: Sequence[int]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter of a header line: the most frequent of ',', ';' and tab."""
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def open_csv(path: Path) -> tuple[Any, str, list[str], dict[str, int]]:
    """A CSV reader positioned after the header, the file as shown, the header, and each
    field's column; a missing, unknown or empty header is a UserError (all of them at once)."""
    data = read_bytes(path, TEXT_FILE_BYTES)
    # Looked for in the bytes (such a character is the same bytes wherever it is in UTF-8):
    # searching 18 MB of bytes is a tenth of searching the text they decode to.
    other_line_ends = any(mark.encode() in data for mark in _OTHER_LINE_ENDS)
    return _open_text(decode_utf8(data, path), path, other_line_ends)


def _open_text(text: str, path: Path, other_line_ends: bool) -> tuple[Any, str, list[str], dict[str, int]]:
    end = text.find("\n")
    # The lines as io.StringIO(newline="") cuts them (at \n, \r and \r\n); str.splitlines
    # does so faster, and the same unless the text holds one of its further line ends.
    if other_line_ends:
        lines: Iterable[str] = io.StringIO(text, newline="")
    else:
        lines = text.splitlines(keepends=True)
    return _open_lines(lines, text if end < 0 else text[:end], path)


def _open_lines(lines: Iterable[str], first: str, path: Path) -> tuple[Any, str, list[str], dict[str, int]]:
    """``open_csv`` of the file's ``lines`` (cut at \n, \r and \r\n), its delimiter told
    from ``first`` (the text before the first \n)."""
    delimiter = sniff_delimiter(first)
    # strict: a quote left open must not swallow the rest of the file into one cell
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    shown = display_path(path)
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(
            _("file is empty"), Location(shown, 1), _("add a header row with id, category, …")
        ) from None
    except csv.Error as exc:
        raise broken(exc, shown, 1) from None
    header = [h.strip() for h in header]
    columns = {name: i + 1 for i, name in enumerate(header)}
    problems = ProblemCollector()
    for i, name in enumerate(header):
        if name not in ALL_FIELDS:
            problems.add(
                _("unknown column '{name}'").format(name=name),
                Location(shown, 1, i + 1),
                _(
                    "rename it to one of the directory's fields, or import the file with "
                    "'campaign-app recipients import'"
                ),
            )
    for required in ("id", "category"):
        if required not in columns:
            problems.add(
                _("missing required column '{required}'").format(required=required),
                Location(shown, 1),
                _("add it to the header row"),
            )
    if not any(n in columns for n in NAME_FIELDS):
        problems.add(
            _("no name column"),
            Location(shown, 1),
            _("add given_name and family_name (or position/organisation for offices)"),
        )
    problems.raise_if_any()
    return reader, shown, header, columns


def broken(exc: csv.Error, shown: str, line: int) -> UserError:
    """A row the CSV reader cannot read, at the line where that row starts."""
    return UserError(
        _("broken CSV: {exc}").format(exc=exc),
        Location(shown, line),
        _(
            'a quoted cell ("…") in this row is not closed, or text follows its closing quote: '
            "correct the quotes"
        ),
    )


# The window loads a directory on a worker thread. Reading from the file as the rows are
# parsed, that thread gave up the interpreter's lock at every block it read (a system call)
# and took it back at once: the window, woken each time too late to take it, waited 100-300 ms
# (8 KiB blocks) and still 60-160 ms (128 KiB) at a time, since a thread that gives the lock
# up often is never asked to hand it over. So the file's bytes are read first, in one call, and
# decoded from memory a block at a time: no system call while the rows are parsed, and the
# window is handed the lock within 5 ms of asking for it (its longest wait 24-28 ms, not 66-79, on a
# 100,000-row directory; bench_recipients.py). The bytes held meanwhile are the file's size.
READ_CHUNK = 1 << 17


def read_rows(path: Path) -> CsvRows | None:
    """The whole file's rows (each as long as the header) with their first lines; None when
    a row is broken or longer than the header, which the row-by-row reading reports.

    The file's bytes are read at once and decoded as the lines are read (what
    ``csv.DictReader`` over an open file does: half the time of decoding and cutting the
    whole text first); a file that is too large, not UTF-8 or cut at lone \r's is read as a whole,
    which reports it as before (so does a file whose header is wrong: a wrong byte further
    on is reported first)."""
    try:
        if path.stat().st_size <= TEXT_FILE_BYTES:
            with io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8-sig", newline="") as handle:
                handle._CHUNK_SIZE = READ_CHUNK  # type: ignore[attr-defined]
                first = handle.readline()
                if not first.endswith("\r"):  # the delimiter is told from the text before the first \n
                    return _collect(*_open_lines(chain([first], handle), first.removesuffix("\n"), path))
    except (OSError, UnicodeDecodeError, UserError, UserErrors):
        pass
    return _collect(*open_csv(path))


def check_columns(csv_rows: CsvRows, problems: ProblemCollector) -> CheckedColumns:
    """Validate every row; the rows that pass, as columns. A row refused by a column's check
    is read by :func:`parse_recipient`, which reports its problems (a blank row is skipped)."""
    with collector_paused():
        cells, count = csv_rows.cells, len(csv_rows)
        values: dict[str, Sequence[Any]] = {
            name: cells[name] if name in cells else (_EMPTY.get(name, ""),) * count for name in ALL_FIELDS
        }
        refused = set(csv_rows.marked)  # a control character: marked as the rows were read
        for check in (
            _check_ids,
            _check_categories,
            _check_names,
            _check_codes,
            _check_emails,
            _check_webs,
            _check_dates,
        ):
            refused.update(check(values))
        if "tags" in cells:  # split as a row's cell is ("a; b" stripped or not: the same tags)
            values["tags"] = _distinct(cells["tags"], _tags_of, refused)
    if not refused:
        return CheckedColumns(values, csv_rows.lines)
    remade = _read_refused(csv_rows, sorted(refused), problems)
    keep = [i for i in range(count) if i not in refused or i in remade]
    out: dict[str, Sequence[Any]] = {
        name: tuple(getattr(remade[i], name) if i in remade else column[i] for i in keep)
        for name, column in values.items()
    }
    return CheckedColumns(out, tuple(csv_rows.lines[i] for i in keep))


def _read_refused(csv_rows: CsvRows, refused: list[int], problems: ProblemCollector) -> dict[int, Recipient]:
    """The refused rows read one by one, as the row-by-row reading reads them."""
    remade: dict[int, Recipient] = {}
    columns, lines = csv_rows.columns, csv_rows.lines
    for i in refused:
        record = csv_rows.row(i)  # stripped, as parse_recipient strips every cell first
        if not any(record.values()):
            continue

        def locate(name: str, line: int = lines[i]) -> Location:
            return Location(csv_rows.shown, line, columns.get(name))

        recipient, errors = parse_recipient(record, locate)
        problems.extend(errors)
        if recipient is not None:
            remade[i] = recipient
    return remade


def _rows_where(column: Sequence[Any], bad: set[Any]) -> list[int]:
    return [i for i, v in enumerate(column) if v in bad] if bad else []


def _distinct(column: Sequence[Any], convert: Callable[[Any], Any], refused: set[int]) -> tuple[Any, ...]:
    """``column`` with each distinct value converted once; a value ``convert`` refuses
    (raises ValueError) refuses its rows."""
    converted: dict[Any, Any] = {}
    bad: set[Any] = set()
    for value in set(column):
        try:
            converted[value] = convert(value)
        except ValueError:
            bad.add(value)
            converted[value] = value
    refused.update(_rows_where(column, bad))
    if all(converted[v] is v for v in converted):
        return tuple(column)
    return tuple(map(converted.__getitem__, column))


def _check_ids(values: dict[str, Sequence[Any]]) -> list[int]:
    ids = values["id"]
    joined = "\n".join(ids)
    if _IDS.fullmatch(joined) and joined.count("\n") == len(ids) - 1:
        return []
    return [i for i, v in enumerate(ids) if not v or not _ID.match(v)]


def _check_categories(values: dict[str, Sequence[Any]]) -> list[int]:
    categories = values["category"]
    return _rows_where(categories, set(categories) - set(CATEGORIES))


def _check_names(values: dict[str, Sequence[Any]]) -> list[int]:
    """Rows with none of given_name, family_name, organisation, position."""
    first, *others = (values[name] for name in NAME_FIELDS)
    nameless = list(compress(count(), map(not_, first)))  # one pass in C: usually none or few
    for column in others:
        nameless = [i for i in nameless if not column[i]]
    return nameless


def _check_codes(values: dict[str, Sequence[Any]]) -> list[int]:
    """Gender, country (upper-cased) and language ("en" when empty), as validation._check_codes."""
    refused: set[int] = set()
    refused.update(_rows_where(values["gender"], set(values["gender"]) - {"", "f", "m"}))
    values["country"] = _distinct(values["country"], _country, refused)
    values["language"] = _distinct(values["language"], _language, refused)
    return list(refused)


def _country(code: str) -> str:
    if code and code.upper() not in _territories():
        raise ValueError(code)
    return code.upper() if code != code.upper() else code


def _language(tag: str) -> str:
    if not is_known_language(tag or "en"):
        raise ValueError(tag)
    return tag or "en"


def _check_emails(values: dict[str, Sequence[Any]]) -> list[int]:
    """Each address as email_validator normalizes it (validation.normalized_email)."""
    emails = values["email"]
    if _plain_and_normal(list(filter(None, emails))):
        return []
    refused: list[int] = []
    changed: dict[int, str] = {}
    for i, email in enumerate(emails):
        if email:
            try:
                normalized = normalized_email(email)
            except EmailNotValidError:
                refused.append(i)
                continue
            if normalized != email:
                changed[i] = normalized
    if changed:
        values["email"] = tuple(changed.get(i, e) for i, e in enumerate(emails))
    return refused


def _plain_and_normal(emails: list[str]) -> bool:
    """Whether every address has the plain shape (validation._PLAIN_EMAIL: name.surname@
    institution.eu) and is already as email_validator writes it (its domain too): then none
    needs a look of its own. Asked of all addresses at once, one per line, with a few
    searches of the joined text instead of a match per address."""
    joined = "\n".join(emails)
    if (
        joined.count("\n") != len(emails) - 1  # an address with a line break in it
        or joined.count("@") != len(emails)
        or len(max(emails, key=len, default="")) > _EMAIL_MAX_LENGTH
        or not _PLAIN_CHARACTERS.fullmatch(joined)
        or joined.startswith(("@", "."))
        or any(stray in joined for stray in _STRAY_DOTS)  # an empty name, a dot at its start or end, two dots
    ):
        return False
    lowered = joined.lower()
    if any(f"{name}@" in lowered for name in CASE_INSENSITIVE_MAILBOX_NAMES):
        return False  # email_validator lower-cases these mailboxes (or a name ends so: asked one by one)
    # With one '@' in all and no line without one, each line has one: the domains
    # (a second '@' would show in a domain).
    return all(
        _PLAIN_DOMAIN.fullmatch(d) and _normalized_domain(d) == d for d in set(_DOMAIN.findall(joined))
    )


def _check_webs(values: dict[str, Sequence[Any]]) -> list[int]:
    refused: list[int] = []
    for name in ("web_form", "source_url"):
        column = values[name]
        refused.extend(_rows_where(column, {u for u in set(column) if u and not _URL.match(u)}))
    return refused


def _check_dates(values: dict[str, Sequence[Any]]) -> list[int]:
    refused: set[int] = set()
    for name in DATE_FIELDS:
        values[name] = _distinct(values[name], _day, refused)
    return list(refused)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _tags_of(cell: str) -> tuple[str, ...]:
    return _tags(cell, _nowhere, [])


def _nowhere(_name: str) -> Location:
    return Location("")
