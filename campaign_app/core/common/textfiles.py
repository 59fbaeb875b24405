"""Reading users' text files, telling a wrong encoding apart from a broken file.

Spreadsheets exported on Windows arrive as Windows-1252; a campaigner needs to hear
"this file is Windows-1252, save it as UTF-8" with the line, not a UnicodeDecodeError.
"""

from __future__ import annotations

import re
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import TEXT_FILE_BYTES


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def looks_like_windows_1252(data: bytes) -> bool:
    """True when bytes are not UTF-8 but decode as Windows-1252 (Excel's usual export)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


# The code pages a file saved on a Ukrainian or Russian Windows (or by an older Cyrillic
# tool) is in, with the names shown to the user (the importer's guess reads them too).
# Every byte means something in Windows-1252 too, so decoding tells nothing.
CYRILLIC_PAGES = {"cp1251": "Windows-1251", "koi8_u": "KOI8-U"}
_HIGH_RUN = re.compile(rb"[\x80-\xff]{3,}")
_HIGH = re.compile(rb"[\x80-\xff]")


def _code_page(data: bytes) -> str:
    """The name of the 8-bit code page ``data`` is in, as the user's program calls it.

    Cyrillic is told from Latin by its words: in a Cyrillic code page every letter of a
    word is a byte above 127 (most of them in runs of three or more), where a Western or
    Central European text has one or two such letters among plain ones ("Michèle",
    "příští"). charset-normalizer, asked of a short file, read a Ukrainian campaign.yaml as
    Windows-1250; it is asked here only which of the two Cyrillic pages it is."""
    sample = data[:65536]
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    if not high or in_runs * 2 < high:
        return "Windows-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(CYRILLIC_PAGES)).best()
    return CYRILLIC_PAGES[best.encoding] if best is not None else "Windows-1251"


# What a file that is not text at all starts with, and what it then is.
ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .docx, .ods…: zip files
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and .doc


def not_text(data: bytes) -> str | None:
    """What ``data`` is when it is a kind of file other than text a user may have renamed
    (an Excel workbook saved as people.csv), or text in UTF-16 (Excel's "Unicode Text",
    Notepad's "Unicode"); None for anything else."""
    if data.startswith(ZIP_MAGIC):
        return _("an Excel workbook (or another zipped document), not a text file")
    if data.startswith(_OLE_MAGIC):
        return _("an old Excel or Word document (.xls, .doc), not a text file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _("a text file encoded as UTF-16, not UTF-8")
    return None


def decode_utf8(data: bytes, path: Path | str) -> str:
    """Decode UTF-8 (with or without BOM); any other encoding is one clear UserError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(data, exc.start)
        where = Location(display_path(path), line, column)
        if Path(path).suffix.lower() in (".csv", ".tsv", ".txt"):
            save = _("save it as 'CSV UTF-8' (or UTF-8 text) in your spreadsheet program")
        else:
            save = _("save it with the encoding UTF-8 in your text editor")
        other = not_text(data)
        if other is not None:
            raise UserError(
                _("this is {what}").format(what=other),
                Location(display_path(path)),
                _("open it in the program that made it and {save}").format(save=save),
            ) from None
        if looks_like_windows_1252(data):
            raise UserError(
                _("file is encoded as {encoding}, not UTF-8").format(encoding=_code_page(data)),
                where,
                _("{save} and try again").format(save=save),
            ) from None
        byte = data[exc.start]
        reading = bytes([byte]).decode("cp1252", errors="ignore")
        seen = f", '{reading}' in Windows-1252" if reading.isprintable() and reading.strip() else ""
        raise UserError(
            _("file is not valid UTF-8 (byte 0x{byte:02X}{seen})").format(byte=byte, seen=seen),
            where,
            _("retype the character at this place, then {save}").format(save=save),
        ) from None


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a file of at most ``limit`` bytes (more is a UserError, read no further)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise UserError(_("file not found"), Location(display_path(path))) from None
    except OSError as exc:
        raise UserError(
            _("cannot read file: {strerror}").format(strerror=exc.strerror), Location(display_path(path))
        ) from None
    if len(data) > limit:
        raise UserError(
            _("the file is larger than {value} MB").format(value=limit // 1_000_000),
            Location(display_path(path)),
            _("a campaign's files are far smaller; is this the right file?"),
        )
    return data


def read_text(path: Path, limit: int = TEXT_FILE_BYTES) -> str:
    """Read a UTF-8 text file of at most ``limit`` bytes; unreadable, mis-encoded or
    oversized files raise UserError."""
    return decode_utf8(read_bytes(path, limit), path)
