"""A file to import, read as a table: what every reader returns and the importer reads.

A :class:`Source` is a table: column names and rows of cells, each row with the number a
person finds it under (the line of a CSV row, the row of a sheet, the line of an XML
element or a YAML item). It also says how the file was read (encoding, delimiter, sheet),
because a wrong guess there is the first thing a person must be able to see.

The readers live in their own modules (:mod:`.csv_reader`, :mod:`.xlsx_reader`,
:mod:`.yaml_reader`, :mod:`.ep`) and :func:`.read.read_source` picks one by the file's
suffix; all of them build on this module, which imports none of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.limits import IMPORT_ROWS

Row = tuple[int, list[Any]]  # (row number as the user sees it, cells)

DELIMITER_NAMES = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab")}
# A source's kind, as the readers name it (compared in code; translated when shown).
KIND_NAMES = (N_("CSV"), N_("Excel workbook"), N_("European Parliament XML"), N_("directory YAML"))


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
        """The rows, read again on each call; more than IMPORT_ROWS is refused. A chain of
        the reader's rows up to the limit and a look past it: no Python step a row."""
        return itertools.chain.from_iterable(self._up_to_limit())

    def _up_to_limit(self) -> Iterator[Iterator[Row]]:
        rows = iter(self._rows())  # only once the first row is asked for, as before
        yield itertools.islice(rows, IMPORT_ROWS)
        extra = next(rows, None)
        if extra is not None:
            raise too_many_rows(self.path, extra[0])

    def preview(self, count: int = 10) -> list[Row]:
        """The first ``count`` rows (for the desktop app's Import dialog)."""
        return list(itertools.islice(self.rows(), count))

    def describe(self) -> str:
        """How the file was read, in one line: kind, encoding, delimiter or sheet."""
        parts = [_(self.kind)]
        if self.encoding:
            parts.append(
                _("encoding {encoding} ({note})").format(encoding=_(self.encoding), note=self.encoding_note)
                if self.encoding_note
                else _("encoding {encoding}").format(encoding=_(self.encoding))  # "UTF-8 with BOM" said
            )
        if self.delimiter:
            parts.append(
                _("delimiter '{delimiter}' ({name})").format(
                    delimiter=_printable(self.delimiter), name=_(DELIMITER_NAMES[self.delimiter])
                )
            )
        if self.sheet:
            parts.append(_("sheet '{sheet}'").format(sheet=self.sheet))
        return ", ".join(parts)


def _printable(delimiter: str) -> str:
    return "\\t" if delimiter == "\t" else delimiter


def too_many_rows(path: Path, row: int | None) -> UserError:
    """The one message for a file with too many rows, whichever reader counts them."""
    return UserError(
        _("more than {import_rows:,} rows: too many to import at once").format(import_rows=IMPORT_ROWS),
        Location(display_path(path), row),
        _("split the file, or import only the rows you need"),
    )


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
