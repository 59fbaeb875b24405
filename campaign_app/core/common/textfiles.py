"""Reading users' text files, telling a wrong encoding apart from a broken file.

Spreadsheets exported on Windows arrive as Windows-1252; a campaigner needs to hear
"this file is Windows-1252, save it as UTF-8" with the line, not a UnicodeDecodeError.
"""

from __future__ import annotations

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


def decode_utf8(data: bytes, path: Path | str) -> str:
    """Decode UTF-8 (with or without BOM); any other encoding is one clear UserError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(data, exc.start)
        where = Location(display_path(path), line, column)
        if Path(path).suffix.lower() in (".csv", ".tsv", ".txt"):
            save = "save it as 'CSV UTF-8' (or UTF-8 text) in your spreadsheet program"
        else:
            save = "save it with the encoding UTF-8 in your text editor"
        if looks_like_windows_1252(data):
            raise UserError(
                _("file is encoded as Windows-1252, not UTF-8"),
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
