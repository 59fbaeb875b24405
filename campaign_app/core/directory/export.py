"""Writing recipients out for a spreadsheet: CSV (UTF-8) or Excel .xlsx.

Directory entries come from strangers' lists, so a cell may hold ``=HYPERLINK(…)`` or
``@SUM(…)``. A spreadsheet runs such a cell as a formula when the file is opened (CSV
injection), so every cell it would run is neutralised (core/common/formulas.py): in a CSV
it gets a leading apostrophe, which spreadsheets read as "this is text" and the import
takes away again; in an .xlsx it is written as it is, as a text cell (never a formula)
marked with Excel's quote prefix, so it shows exactly as written and stays text when
someone edits it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.formulas import neutralise, runs_as_formula
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.recipients import ALL_FIELDS, Recipient

EXPORT_SUFFIXES = (".csv", ".xlsx")


def export_rows(recipients: Iterable[Recipient]) -> Iterable[list[str]]:
    """The header, then one row per recipient, every field an entry may have (``addressee``
    and ``in_office_until`` too: an entry read back must not lose them): texts in the
    recipient's own language, tags joined with ';', dates as YYYY-MM-DD. Cells are not yet
    neutralised."""
    yield list(ALL_FIELDS)
    for r in recipients:
        record: dict[str, Any] = r.record()
        row = []
        for name in ALL_FIELDS:
            value = record[name]
            if isinstance(value, list):
                value = ";".join(value)
            elif isinstance(value, dict):
                value = pick(value, r.language) or ""
            row.append(str(value))
        yield row


def export_csv(recipients: Iterable[Recipient], target: Path) -> int:
    """Write a directory CSV (UTF-8 with a BOM, CRLF); returns how many recipients were written.
    The BOM is how Excel knows the file is UTF-8: without it Cyrillic names open garbled."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    count = -1
    for row in export_rows(recipients):
        writer.writerow([neutralise(c) for c in row])
        count += 1
    atomic_write_bytes(target, ("\ufeff" + buf.getvalue()).encode("utf-8"))
    return count


def export_xlsx(recipients: Iterable[Recipient], target: Path) -> int:
    """Write an Excel workbook with one sheet "Recipients"; every cell is text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Recipients")
    bold = Font(bold=True)
    count = -1
    for row in export_rows(recipients):
        cells = []
        for text in row:
            text = ILLEGAL_CHARACTERS_RE.sub("", text)  # control characters an .xlsx cannot hold
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"  # text, whatever it starts with: never a formula
            if count < 0:
                cell.font = bold
            elif runs_as_formula(text):
                cell.quotePrefix = True
            cells.append(cell)
        sheet.append(cells)
        count += 1
    if count == -1:
        count = 0
    buf = io.BytesIO()
    workbook.save(buf)
    atomic_write_bytes(target, buf.getvalue())
    return count


def in_several_languages(recipients: Iterable[Recipient]) -> list[str]:
    """The ids of entries with texts in more than one language (a YAML directory's
    ``position: {uk: …, en: …}``): a spreadsheet row holds one text a field, their own
    language's, so what letters in the other languages say of them is not in the export."""
    return [
        r.id
        for r in recipients
        if any(isinstance(v := getattr(r, name), Mapping) and len(v) > 1 for name in ALL_FIELDS)
    ]


def export_recipients(recipients: Iterable[Recipient], target: Path) -> int:
    """CSV or .xlsx by the target's suffix."""
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return export_xlsx(recipients, target)
    if suffix == ".csv":
        return export_csv(recipients, target)
    raise UserError(
        _("cannot export to {name}: unknown kind of file").format(name=target.name),
        Location(display_path(target)),
        _("end the file name in .csv or .xlsx"),
    )
