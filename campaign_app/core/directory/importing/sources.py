"""Reading the files coordinators are given, whatever shape they arrive in.

A :class:`Source` is a table: column names and rows of cells, each row with the number a
person finds it under (the line of a CSV row, the row of a sheet, the line of an XML
element or a YAML item). It also says how the file was read (encoding, delimiter, sheet),
because a wrong guess there is the first thing a person must be able to see.

- CSV: UTF-8 with or without byte-order mark, UTF-16 (Excel's "Unicode text"), else one
  of the 8-bit code pages Excel writes in Europe, told apart by which reading gives words
  made of letters (:func:`detect_encoding`); delimiter ``,`` ``;`` or tab, whichever splits
  the first rows into the same number of columns (:func:`detect_delimiter`); CRLF, LF or CR.
- Excel .xlsx through openpyxl (read-only), the first sheet or the one named.
- The European Parliament's "full list" XML (:mod:`.ep`).
- The directory's own YAML (a list of entries, or ``recipients:`` holding one).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.limits import IMPORT_BYTES, IMPORT_ROWS, XLSX_MEMBERS, XLSX_UNPACKED_BYTES

Row = tuple[int, list[Any]]  # (row number as the user sees it, cells)

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass
class Source:
    """A file read as a table; ``rows()`` may be called again (a preview, then the import)."""

    path: Path
    kind: str  # "CSV", "Excel workbook", "European Parliament XML", "directory YAML"
    columns: list[str]
    _rows: Callable[[], Iterator[Row]] = field(repr=False)
    encoding: str | None = None
    encoding_note: str | None = None  # when the encoding is a guess between readings
    delimiter: str | None = None
    sheet: str | None = None
    is_ep: bool = False  # the European Parliament's own list (XML): MEP defaults apply

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def rows(self) -> Iterator[Row]:
        for count, row in enumerate(self._rows(), start=1):
            if count > IMPORT_ROWS:
                raise too_many_rows(self.path, row[0])
            yield row

    def preview(self, count: int = 10) -> list[Row]:
        """The first ``count`` rows (for the desktop app's Import dialog)."""
        return list(itertools.islice(self.rows(), count))

    def describe(self) -> str:
        """How the file was read, in one line: kind, encoding, delimiter or sheet."""
        parts = [self.kind]
        if self.encoding:
            parts.append(
                f"encoding {self.encoding}" + (f" ({self.encoding_note})" if self.encoding_note else "")
            )
        if self.delimiter:
            parts.append(f"delimiter '{_printable(self.delimiter)}' ({DELIMITER_NAMES[self.delimiter]})")
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        return ", ".join(parts)


def _printable(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter


def read_source(path: Path, sheet: str | None = None) -> Source:
    """Read ``path`` by its suffix; anything unreadable is one UserError saying why."""
    suffix = path.suffix.lower()
    if sheet is not None and suffix != ".xlsx":
        raise UserError(
            f"--sheet applies to Excel .xlsx files, not to {path.name}",
            Location(display_path(path)),
            "leave --sheet out",
        )
    if suffix in (".xls", ".ods", ".numbers", ".xlsb"):
        raise UserError(
            f"cannot read {suffix} files",
            Location(display_path(path)),
            "save the sheet as Excel .xlsx or as CSV in your spreadsheet program and import that",
        )
    if suffix not in (*CSV_SUFFIXES, ".xlsx", ".xml", *YAML_SUFFIXES):
        raise UserError(
            f"cannot import {path.name}: unknown kind of file",
            Location(display_path(path)),
            "give a .csv, .xlsx, .xml (the European Parliament's list) or .yaml file",
        )
    data = _read_bytes(path)
    if suffix == ".xlsx":
        return read_xlsx(path, data, sheet)
    if suffix == ".xml":
        from campaign_app.core.directory.importing.ep import read_ep_xml

        return read_ep_xml(path, data)
    if suffix in YAML_SUFFIXES:
        return read_yaml(path, data)
    return read_csv(path, data)


def too_many_rows(path: Path, row: int | None) -> UserError:
    return UserError(
        f"more than {IMPORT_ROWS:,} rows: too many to import at once",
        Location(display_path(path), row),
        "split the file, or import only the rows you need",
    )


def _read_bytes(path: Path) -> bytes:
    shown = display_path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(IMPORT_BYTES + 1)
        if len(data) > IMPORT_BYTES:
            raise UserError(
                f"the file is larger than {IMPORT_BYTES // 1_000_000} MB: too big to import",
                Location(shown),
                "split it, or import only the rows you need",
            )
        return data
    except FileNotFoundError:
        raise UserError("file not found", Location(shown), "check the file name and folder") from None
    except IsADirectoryError:
        raise UserError("is a folder, not a file", Location(shown), "give the file to import") from None
    except OSError as exc:
        raise UserError(
            f"cannot read file: {exc.strerror}", Location(shown), "check that you may read it"
        ) from None


# ---- encodings -------------------------------------------------------------------------

# 8-bit code pages tried in this order when a file is not UTF-8; a tie goes to the first.
# Windows-1252 is what Excel writes in Western Europe; ISO-8859-2 and Windows-1250 hold
# the Central European letters (ł, ś, ž, ő, ț…); ISO-8859-15 is Latin-1 with € and Š.
CODE_PAGES = (
    ("cp1252", "Windows-1252"),
    ("iso-8859-2", "ISO-8859-2"),
    ("cp1250", "Windows-1250"),
    ("iso-8859-15", "ISO-8859-15"),
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HIGH_WORD = re.compile(rb"(?<![A-Za-z\x80-\xff])[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
# Punctuation that sits next to letters in real text (quotes, dashes, apostrophes).
# Letters that are rare in names and texts, yet what another code page's common letters read
# as (à → ŕ, ò → ň, ï → ď, å → ĺ in Windows-1250): they do not count for a reading.
_RARE_LETTERS = frozenset("ŕŔĺĹďĎňŇľĽţŢðÐþÞÿ˙ºª")
_TEXT_PUNCTUATION = frozenset("‘’‚‛“”„‟«»‹›–—…·\u00a0\u00ad´")


_VOWELS = frozenset("aeiouy")
# Central European consonants that Western vowels read as in Windows-1250/ISO-8859-2
# (è → č, ò → ň, à → ŕ), and Western vowels that Czech consonants read as in
# Windows-1252 (ř → ø, ě → ì): a consonant between two consonants ("Michčle") or a vowel
# between two vowels ("Dvoøák") is how a wrong reading shows inside a word.
_CE_CONSONANTS = frozenset("čřňďťŕĺľćńśźżłšžđČŘŇĎŤŔĹĽĆŃŚŹŻŁŠŽĐ")
_WESTERN_VOWELS = frozenset("àåæèêìïòøùûâîôÀÅÆÈÊÌÏÒØÙÛÂÎÔ")
# Polish writes ni, si, zi before a vowel, never ń, ś, ź ("Peńa" is Peña misread); Czech
# puts ě and ů only after consonants ("piů" is più misread).
_NOT_BEFORE_VOWEL = frozenset("ńśźŃŚŹ")
_NOT_AFTER_VOWEL = frozenset("ěůĚŮ")


def _is_letter(char: str) -> bool:
    return char.isalpha()


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _is_vowel(char: str) -> bool:
    return char.isalpha() and (_base(char) in _VOWELS or char in _WESTERN_VOWELS)


def _is_consonant(char: str) -> bool:
    return char.isalpha() and not _is_vowel(char)


def _plausibility(text: str) -> int:
    """How much ``text`` looks like words: letters count for; stray symbols inside words
    (``Mo¿e``, ``£ód¼`` for ``Może``, ``Łódź``), control characters, and letters in a
    place their language never puts them count against."""
    score = 0
    length = len(text)
    for match in _NON_ASCII.finditer(text):
        char = match.group()
        i = match.start()
        if "\x80" <= char <= "\x9f":
            score -= 10  # C1 control: never in a real text file
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < length else " "
        if char.isalpha():
            if (
                char in _CE_CONSONANTS
                and (
                    (_is_consonant(before) and _is_consonant(after))
                    or not (_is_letter(before) or _is_letter(after))  # "č" alone: "è" misread
                )
            ) or (
                (char in _WESTERN_VOWELS and _is_vowel(before) and _is_vowel(after))
                or (char in _NOT_BEFORE_VOWEL and _is_vowel(after))
                or (char in _NOT_AFTER_VOWEL and _is_vowel(before))
            ):
                score -= 1
            elif char not in _RARE_LETTERS:
                score += 1
            continue
        if char in _TEXT_PUNCTUATION or unicodedata.category(char) == "Zs":
            continue
        if char in "¿¡" and not _is_letter(before):
            continue  # Spanish opening marks
        if _is_letter(before) or _is_letter(after):
            score -= 3
    return score


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the name shown to the user
    note: str | None = None


def detect_encoding(data: bytes) -> Decoded:
    """Decode a text file whose encoding nobody told us."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[3:].decode("utf-8"), "UTF-8 with BOM")
        except UnicodeDecodeError:
            pass  # a BOM followed by something else: try the rest
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "UTF-16")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    # Only the words holding a byte above 127 can tell the code pages apart: each distinct
    # word is decoded and scored once per code page, weighted by how often it occurs. A few
    # thousand distinct words decide as well as a hundred thousand, much sooner.
    words: Counter[bytes] = Counter()
    for match in _HIGH_WORD.finditer(data):
        words[match.group()] += 1
        if len(words) >= 5000:
            break
    readings: list[tuple[int, str, str, list[str]]] = []
    for codec, name in CODE_PAGES:
        try:
            texts = [word.decode(codec) for word in words]
        except UnicodeDecodeError:
            continue
        score = sum(n * _plausibility(text) for text, n in zip(texts, words.values(), strict=True))
        readings.append((score, codec, name, texts))
    readings.sort(key=lambda r: -r[0])  # stable: the first of equals stays first
    for score, codec, name, texts in readings:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:  # a byte further on that this code page lacks
            continue
        rivals = [other for s, _c, other, t in readings if s == score and t != texts and other != name]
        note = "not UTF-8"
        if rivals:
            note += f": a guess, {' or '.join(rivals)} would read the accents differently"
        return Decoded(text, name, note)
    # Every byte has a meaning in ISO-8859-1: the last resort.
    return Decoded(data.decode("latin-1"), "ISO-8859-1", "not UTF-8: a guess, check the accents")


# ---- CSV -------------------------------------------------------------------------------


def detect_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one that splits the header into most columns, preferring
    one that splits the following rows into as many (a ``;`` in a notes cell of a comma
    file must not win)."""
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    best, best_score = ",", (False, 1)
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(
                itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), 60)
            )
        except csv.Error:
            continue
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths or widths[0] < 2:
            continue
        body = widths[1:-1] if len(widths) > 2 else widths[1:]
        consistent = not body or sum(w == widths[0] for w in body) >= 0.8 * len(body)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _rows_are(rows: list[int]) -> str:
    """ "row 3 is" or "rows 3, 4 and 12 more are", for a message."""
    if len(rows) == 1:
        return f"row {rows[0]} is"
    shown = ", ".join(str(r) for r in rows[:10])
    return f"rows {shown}" + (f" and {len(rows) - 10} more" if len(rows) > 10 else "") + " are"


def refuse_mixed_encodings(path: Path, data: bytes) -> None:
    """Refuse a file whose rows are in two encodings: some UTF-8 ("Šimečka"), some an old
    code page ("Müller" in Windows-1252), as when rows from two exports are pasted together.
    Read either way, one group would be imported as mojibake; the message names the rows
    of the smaller group so they can be corrected."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.isascii():
        return
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        body.decode("utf-8")
        return
    except UnicodeDecodeError:
        pass
    utf8: list[int] = []
    other: list[int] = []
    other_bytes: list[bytes] = []
    for number, line in enumerate(body.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(number)
        except UnicodeDecodeError:
            other.append(number)
            other_bytes.append(line)
    if not utf8 or not other:
        return
    legacy = detect_encoding(b"\n".join(other_bytes)).encoding
    groups = sorted([(utf8, "UTF-8"), (other, legacy)], key=lambda g: len(g[0]))
    (few, few_name), (many, many_name) = groups
    raise UserError(
        f"the file mixes two encodings: {_rows_are(few)} {few_name}, the other {len(many)} "
        f"with accented letters {'are' if len(many) > 1 else 'is'} {many_name}",
        Location(display_path(path), few[0]),
        f"open the file in your spreadsheet program, correct the accented letters of the {few_name} "
        "rows, and save it as 'CSV UTF-8' (or import the two parts as separate files)",
    )


def read_csv(path: Path, data: bytes) -> Source:
    refuse_mixed_encodings(path, data)
    decoded = detect_encoding(data)
    text = decoded.text
    if "\x00" in text:
        raise UserError(
            "this is not a text file (it holds NUL bytes)",
            Location(display_path(path)),
            "export the sheet as CSV, or import the .xlsx file itself",
        )
    delimiter = detect_delimiter(text)
    shown = display_path(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise UserError(f"broken CSV: {exc}", Location(shown, 1), "save the file as CSV again") from None
    if header is None or not any(h.strip() for h in header):
        raise UserError("file is empty", Location(shown, 1), "the first row must name the columns")
    columns = [h.strip() for h in header]

    def rows() -> Iterator[Row]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        line = 1
        try:
            next(reader)
            line = reader.line_num + 1
            for cells in reader:
                start, line = line, reader.line_num + 1
                if any(cells):
                    yield start, cells
        except csv.Error as exc:
            raise UserError(
                f"broken CSV: {exc}", Location(shown, line), "check the quotes in this row"
            ) from None

    return Source(
        path,
        "CSV",
        columns,
        rows,
        encoding=decoded.encoding,
        encoding_note=decoded.note,
        delimiter=delimiter,
    )


# ---- Excel -----------------------------------------------------------------------------


def cell_text(value: Any) -> Any:
    """A spreadsheet cell as text: whole numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


# What openpyxl raises on a damaged file: a broken zip (or its compressed data), a zip
# without a workbook's parts, XML that does not parse (ElementTree's and lxml's errors are
# SyntaxErrors), values the XML should not hold.
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    SyntaxError,
    OSError,
)


def _check_unpacked(data: bytes, shown: str) -> None:
    """An .xlsx is a zip archive: refuse one that would unpack to more than
    XLSX_UNPACKED_BYTES (a "zip bomb") before anything is unpacked. The sizes it declares
    are what Python's zipfile unpacks at most, so a file cannot lie its way past this."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    unpacked = sum(m.file_size for m in members)
    if len(members) > XLSX_MEMBERS or unpacked > XLSX_UNPACKED_BYTES:
        raise UserError(
            f"the workbook would unpack to {unpacked // 1_000_000:,} MB in {len(members):,} files, more "
            f"than the {XLSX_UNPACKED_BYTES // 1_000_000} MB in {XLSX_MEMBERS:,} files a workbook may",
            Location(shown),
            "open it in your spreadsheet program and save it again as .xlsx (or as CSV)",
        )


def _damaged(path: Path, exc: BaseException) -> UserError:
    """One line for a workbook openpyxl cannot read, naming the file and why."""
    from defusedxml import DefusedXmlException

    causes = [exc]
    while causes[-1].__cause__ is not None and len(causes) < 10:  # openpyxl wraps what went wrong
        causes.append(causes[-1].__cause__)  # type: ignore[arg-type]
    if any(isinstance(c, DefusedXmlException) for c in causes):  # an entity "bomb", a link out
        reason = "its XML declares entities or external references, which a workbook never needs"
    elif isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        reason = "it is not an Excel .xlsx workbook, or it is damaged (cut short?)"
    elif isinstance(exc, KeyError):
        reason = "it is a zip file, but not an Excel .xlsx workbook (a part is missing)"
    elif isinstance(exc, SyntaxError):
        reason = f"it is damaged, a part of it is not readable XML ({' '.join(str(exc).split())})"
    else:
        reason = f"it is damaged ({' '.join(str(exc).split()) or type(exc).__name__})"
    return UserError(
        f"cannot read the workbook: {reason}",
        Location(display_path(path)),
        "open it in your spreadsheet program and save it again as .xlsx (or as CSV)",
    )


def read_xlsx(path: Path, data: bytes, sheet: str | None) -> Source:
    from openpyxl import load_workbook

    shown = display_path(path)
    try:
        _check_unpacked(data, shown)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _DAMAGED as exc:
        raise _damaged(path, exc) from None
    try:
        names = workbook.sheetnames
        if sheet is None:
            if not names:
                raise UserError("the workbook has no sheet", Location(shown), "add the recipients to a sheet")
            sheet_name = names[0]
        elif sheet in names:
            sheet_name = sheet
        else:
            raise UserError(
                f"the workbook has no sheet '{sheet}'",
                Location(shown),
                f"use one of: {', '.join(names)}",
            )
        try:
            values_by_row = _all_rows(workbook[sheet_name])
        except _DAMAGED as exc:
            raise _damaged(path, exc) from None
        table: list[Row] = []
        header: list[str] | None = None
        for number, values in enumerate(values_by_row, start=1):
            cells = [cell_text(v) for v in values]
            if not any(str(c).strip() for c in cells):
                continue
            if header is None:
                header = [str(c).strip() for c in cells]
                continue
            if len(table) >= IMPORT_ROWS:
                raise too_many_rows(path, number)
            table.append((number, cells))
    finally:
        workbook.close()
    if header is None:
        raise UserError(
            f"sheet '{sheet_name}' is empty", Location(shown), "the first row must name the columns"
        )
    while header and not header[-1]:
        header.pop()
    return Source(path, "Excel workbook", header, lambda: iter(table), sheet=sheet_name)


def _all_rows(worksheet: Any) -> list[tuple[Any, ...]]:
    """Every row of a read-only sheet. Read-only mode stops at the size the file states
    (``<dimension ref="A1:C2"/>``), which some programs write stale: that size is
    dropped, so the rows and columns past it are read too."""
    worksheet.reset_dimensions()
    return list(worksheet.iter_rows(min_row=1, min_col=1, values_only=True))


# ---- the directory's own YAML ----------------------------------------------------------


def read_yaml(path: Path, data: bytes) -> Source:
    from campaign_app.core.common.textfiles import decode_utf8
    from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text

    shown = display_path(path)
    loaded = load_yaml_text(decode_utf8(data, path), path)
    place = YamlPlace(path, loaded) if loaded is not None else None
    items: Any = loaded
    if isinstance(loaded, Mapping) and "recipients" in loaded:
        items = loaded["recipients"]
        place = place.child("recipients") if place is not None and items is not None else None
    if items is None:
        items = []
    if not isinstance(items, list):
        raise UserError(
            "expected a list of recipients",
            Location(shown, 1),
            "write each recipient as an item starting with '- id: …'",
        )
    columns: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            columns.extend(str(k) for k in item if str(k) not in columns)
    table: list[Row] = []
    for index, item in enumerate(items):
        line = place.at(index).line if place is not None else None
        if not isinstance(item, Mapping):
            table.append((line or 0, None))  # type: ignore[arg-type]  # reported by the importer
            continue
        table.append((line or 0, [item.get(name) for name in columns]))
    return Source(path, "directory YAML", columns, lambda: iter(table), encoding="UTF-8")
