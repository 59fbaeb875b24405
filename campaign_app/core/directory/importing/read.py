"""Reading the files coordinators are given, whatever shape they arrive in: one reader per kind.

- CSV (:mod:`.csv_reader`): the encoding and the delimiter are detected.
- Excel .xlsx (:mod:`.xlsx_reader`), the first sheet or the one named.
- The European Parliament's "full list" XML (:mod:`.ep`).
- The directory's own YAML (:mod:`.yaml_reader`).

The file is read whole first (within IMPORT_BYTES), so every reader works on bytes and a
missing, unreadable or oversized file is one message whatever its kind.
"""

from __future__ import annotations

from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import IMPORT_BYTES
from campaign_app.core.common.textfiles import ZIP_MAGIC
from campaign_app.core.directory.importing.csv_reader import read_csv
from campaign_app.core.directory.importing.ep import read_ep_xml
from campaign_app.core.directory.importing.sources import Source
from campaign_app.core.directory.importing.xlsx_reader import read_xlsx
from campaign_app.core.directory.importing.yaml_reader import read_yaml

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")


def read_source(
    path: Path, sheet: str | None = None, encoding: str | None = None, once: bool = False
) -> Source:
    """Read ``path`` by its suffix (a CSV file in ``encoding`` if one is named); anything
    unreadable is one UserError saying why. ``once``: its rows will be read one time only
    (an import from the command line), so what they are read from need not be kept for a
    preview and a second plan, as the desktop app's Import dialog makes them."""
    suffix = path.suffix.lower()
    if sheet is not None and suffix != ".xlsx":
        raise UserError(
            _("--sheet applies to Excel .xlsx files, not to {name}").format(name=path.name),
            Location(display_path(path)),
            _("leave --sheet out"),
        )
    if encoding is not None and suffix not in CSV_SUFFIXES:
        raise UserError(
            _("--encoding applies to CSV files, not to {name}").format(name=path.name),
            Location(display_path(path)),
            _("leave --encoding out: this kind of file says its own encoding"),
        )
    if suffix in (".xls", ".ods", ".numbers", ".xlsb"):
        raise UserError(
            _("cannot read {suffix} files").format(suffix=suffix),
            Location(display_path(path)),
            _("save the sheet as Excel .xlsx or as CSV in your spreadsheet program and import that"),
        )
    if suffix not in (*CSV_SUFFIXES, ".xlsx", ".xml", *YAML_SUFFIXES):
        raise UserError(
            _("cannot import {name}: unknown kind of file").format(name=path.name),
            Location(display_path(path)),
            _("give a .csv, .xlsx, .xml (the European Parliament's list) or .yaml file"),
        )
    data = _read_bytes(path)
    if suffix in CSV_SUFFIXES and data.startswith(ZIP_MAGIC) and _is_workbook(data):
        suffix = ".xlsx"  # an Excel workbook renamed people.csv: read as what it is
    if suffix == ".xlsx":
        return read_xlsx(path, data, sheet)
    if suffix == ".xml":
        return read_ep_xml(path, data)
    if suffix in YAML_SUFFIXES:
        return read_yaml(path, data)
    return read_csv(path, data, encoding, once)


def _is_workbook(data: bytes) -> bool:
    """Whether zipped ``data`` is an Excel workbook (it holds xl/workbook.xml)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _read_bytes(path: Path) -> bytes:
    """The whole file, refused past IMPORT_BYTES before more is read."""
    shown = display_path(path)
    try:
        if path.exists() and not path.is_file() and not path.is_dir():  # reading a pipe never ends
            raise UserError(
                _("is not a file (a pipe or a device)"), Location(shown), _("give the file to import")
            )
        with path.open("rb") as stream:
            data = stream.read(IMPORT_BYTES + 1)
        if len(data) > IMPORT_BYTES:
            raise UserError(
                _("the file is larger than {value} MB: too big to import").format(
                    value=IMPORT_BYTES // 1_000_000
                ),
                Location(shown),
                _("split it, or import only the rows you need"),
            )
        return data
    except FileNotFoundError:
        raise UserError(_("file not found"), Location(shown), _("check the file name and folder")) from None
    except IsADirectoryError:
        raise UserError(_("is a folder, not a file"), Location(shown), _("give the file to import")) from None
    except OSError as exc:
        raise UserError(
            _("cannot read file: {strerror}").format(strerror=exc.strerror),
            Location(shown),
            _("check that you may read it"),
        ) from None
