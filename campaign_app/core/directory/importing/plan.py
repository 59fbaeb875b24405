"""What an import will do, decided before anything is written: the options a user gives,
and the plan that holds every file's edit, the report and the rows not imported.

Nothing is written while a plan is made, so the desktop app can show the report before
:meth:`ImportPlan.apply`, and a dry run is a plan that is never applied.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_app.core.common.atomic import atomic_write_bytes, atomic_writer, make_folder
from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.errors import display_path
from campaign_app.core.common.formulas import neutralise
from campaign_app.core.directory.importing.edits import CsvEdit, YamlEdit
from campaign_app.core.directory.importing.report import ImportReport
from campaign_app.core.directory.importing.sources import Source


@dataclass
class ImportOptions:
    """What the user chose for an import (the command's options, the Import dialog's fields)."""

    into: str | None = None  # file name in recipients/ (default: from the source's name)
    category: str | None = None  # for rows whose file gives none
    sheet: str | None = None
    update: bool = False  # take the file's value where an entry has a different one
    keep_no_contact: bool = False  # import new entries with no e-mail, address or web form
    dry_run: bool = False
    mapping: Sequence[str | None] | None = None  # column -> field, as edited in the app


@dataclass
class ImportPlan:
    """Everything an import will write, decided; ``apply`` writes it."""

    report: ImportReport
    source: Source
    edits: dict[Path, CsvEdit | YamlEdit] = field(default_factory=dict)
    rejected: list[tuple[int, list[Any], list[str]]] = field(default_factory=list)

    def edit_of(self, path: Path) -> CsvEdit | YamlEdit:
        """The edit of one directory file, begun the first time the import changes it."""
        if path not in self.edits:
            kind = CsvEdit if path.suffix.lower() == ".csv" else YamlEdit
            self.edits[path] = kind(path, path.exists())
        return self.edits[path]

    def apply(self) -> ImportReport:
        """Write every changed directory file (each atomically); returns the report."""
        with collector_paused():  # the rows turned into text: no cycles, and every entry alive
            return self._apply()

    def _apply(self) -> ImportReport:
        # YAML edits are made on a copy first (they may still fail); CSV files are written
        # as they are rendered, so a 100,000-row file is never held twice in memory.
        rendered = [(path, edit.render()) for path, edit in self.edits.items() if isinstance(edit, YamlEdit)]
        for path, data in rendered:
            make_folder(path.parent)
            atomic_write_bytes(path, data)
            self.report.written.append(display_path(path))
        for path, edit in self.edits.items():
            if isinstance(edit, CsvEdit):
                make_folder(path.parent)
                with atomic_writer(path, binary=True) as stream:
                    edit.write(stream)
                self.report.written.append(display_path(path))
        return self.report

    def write_rejects(self, target: Path) -> int:
        """The rows not imported, as a UTF-8 CSV with their row and reasons first, for a
        person to correct and import again; cells that a spreadsheet would run are
        neutralised as in an export (the source's header too: a stranger's file may name a
        column ``=HYPERLINK(…)``), and the import takes the apostrophe away again."""
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(["row", "problem", *map(neutralise, self.source.columns)])
        for row, cells, reasons in self.rejected:
            texts = ["" if c is None else str(c) for c in cells]
            writer.writerow([str(row), neutralise("; ".join(reasons)), *map(neutralise, texts)])
        atomic_write_bytes(target, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
        return len(self.rejected)
