"""Reading an Excel .xlsx workbook through openpyxl (read-only): the first sheet or the one named.

A workbook is a zip archive of XML parts, so a damaged or hostile one is refused with one
line saying why (:func:`_damaged`), and one that would unpack to more than the limits is
refused before anything is unpacked (:func:`_check_unpacked`).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import IMPORT_ROWS, XLSX_MEMBERS, XLSX_UNPACKED_BYTES
from campaign_app.core.directory.importing.sources import Row, Source, cell_text, too_many_rows

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
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    unpacked = sum(m.file_size for m in members)
    if len(members) > XLSX_MEMBERS or unpacked > XLSX_UNPACKED_BYTES:
        raise UserError(
            _(
                "the workbook would unpack to {value:,} MB in {count:,} files, more than "
                "the {value2} MB in {xlsx_members:,} files a workbook may"
            ).format(
                value=unpacked // 1_000_000,
                count=len(members),
                value2=XLSX_UNPACKED_BYTES // 1_000_000,
                xlsx_members=XLSX_MEMBERS,
            ),
            Location(shown),
            _("open it in your spreadsheet program and save it again as .xlsx (or as CSV)"),
        )


def _damaged(path: Path, exc: BaseException) -> UserError:
    """One line for a workbook openpyxl cannot read, naming the file and why."""
    from defusedxml import DefusedXmlException

    causes = [exc]
    cause = exc.__cause__
    while cause is not None and len(causes) < 10:  # openpyxl wraps what went wrong
        causes.append(cause)
        cause = cause.__cause__
    if any(isinstance(c, DefusedXmlException) for c in causes):  # an entity "bomb", a link out
        reason = _("its XML declares entities or external references, which a workbook never needs")
    elif isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        reason = _("it is not an Excel .xlsx workbook, or it is damaged (cut short?)")
    elif isinstance(exc, KeyError):
        reason = _("it is a zip file, but not an Excel .xlsx workbook (a part is missing)")
    elif isinstance(exc, SyntaxError):
        reason = _("it is damaged, a part of it is not readable XML ({detail})").format(
            detail=" ".join(str(exc).split())
        )
    else:
        reason = _("it is damaged ({detail})").format(detail=" ".join(str(exc).split()) or type(exc).__name__)
    return UserError(
        _("cannot read the workbook: {reason}").format(reason=reason),
        Location(display_path(path)),
        _("open it in your spreadsheet program and save it again as .xlsx (or as CSV)"),
    )


def read_xlsx(path: Path, data: bytes, sheet: str | None) -> Source:
    """A sheet of a workbook as a table: blank rows left out, the first row with text the header."""
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
                raise UserError(
                    _("the workbook has no sheet"), Location(shown), _("add the recipients to a sheet")
                )
            sheet_name = names[0]
        elif sheet in names:
            sheet_name = sheet
        else:
            raise UserError(
                _("the workbook has no sheet '{sheet}'").format(sheet=sheet),
                Location(shown),
                _("use one of: {names}").format(names=", ".join(names)),
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
            _("sheet '{sheet_name}' is empty").format(sheet_name=sheet_name),
            Location(shown),
            _("the first row must name the columns"),
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
