"""What the Import dialog shows of a read and of a plan: how the file was read, the report.

The whole report comes from the command line's importer (``ImportReport``): rows to add,
update, leave unchanged or skip, every row not trusted with its row number and reason, every
field that would change (old → new), and the notes; the first rows are marked as the checks
found them. Which buttons work follows what is known: Import only once a plan with something to
write is shown, nothing while the files are being written.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from campaign_app.core.directory.importing import ImportPlan, Source
from campaign_app.core.directory.importing.report import (
    ADDED,
    REPEATED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ImportReport,
)
from campaign_app.gui.recipients.import_widgets import ImportDialogWidgets
from campaign_app.gui.texts import number


class ImportDialogView(ImportDialogWidgets):
    """The Import dialog's widgets, showing the file as read and the import's report."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.source: Source | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self._planning = False
        self._writing = False

    def _show_empty(self) -> None:
        self._set_read_info(None)
        self.summary.setText(
            self.tr("Choose the file to import: press <b>Browse…</b> or type its path and Enter.")
        )
        self._set_report(None)
        self._update_buttons()

    def _set_read_info(self, source: Source | None) -> None:
        if source is None:
            self.kind_value.setText("—")
            for caption, value in (
                (self.encoding_caption, self.encoding_value),
                (self.delimiter_caption, self.delimiter_value),
                (self.rows_caption, self.rows_value),
            ):
                caption.hide()
                value.hide()
            self.sheet_label.hide()
            self.sheet_combo.hide()
            return
        sheet = self.tr(", sheet '{sheet}'").format(sheet=source.sheet) if source.sheet else ""
        self.kind_value.setText(source.kind + sheet)
        has_encoding = source.encoding is not None and source.kind == "CSV"
        self.encoding_caption.setVisible(has_encoding)
        self.encoding_value.setVisible(has_encoding)
        if has_encoding:
            note = f" ({source.encoding_note})" if source.encoding_note else ""
            self.encoding_value.setText(f"{source.encoding}{note}")
            self.encoding_value.setToolTip(
                self.tr(
                    "Detected from the file's bytes. If accents look wrong in the rows below, save the "
                    "file as UTF-8 CSV in your spreadsheet program and import that."
                )
            )
        has_delimiter = source.delimiter is not None
        self.delimiter_caption.setVisible(has_delimiter)
        self.delimiter_value.setVisible(has_delimiter)
        if source.delimiter is not None:
            from campaign_app.core.directory.importing.sources import DELIMITER_NAMES

            shown = "\\t" if source.delimiter == "\t" else source.delimiter
            self.delimiter_value.setText(f"{shown} ({DELIMITER_NAMES[source.delimiter]})")
        self.rows_caption.show()
        self.rows_value.show()
        self.rows_value.setText(self.tr("counting…"))

    def _update_buttons(self) -> None:
        idle = not self._writing
        ready = idle and self.plan is not None and not self._planning and bool(self.plan.edits)
        self.import_button.setEnabled(ready)
        if self.plan is not None and not self.plan.edits and not self._planning:
            self.import_button.setToolTip(self.tr("Nothing to write: the directory already holds all of it"))
        else:
            self.import_button.setToolTip(self.tr("Write the new and updated entries to the directory"))
        self.rejects_button.setEnabled(
            idle and self.plan is not None and not self._planning and bool(self.plan.rejected)
        )
        self.cancel_button.setEnabled(idle)
        for widget in (
            self.path_edit,
            self.browse_button,
            self.sheet_combo,
            self.mapping_view,
            self.category_combo,
            self.into_edit,
            self.update_check,
            self.keep_check,
        ):
            widget.setEnabled(idle)

    # ---- the report ----------------------------------------------------------------

    def _set_report(self, report: ImportReport | None) -> None:
        self.report = report
        if report is None:
            for model in (self.problems_model, self.changes_model, self.notes_model):
                model.set_rows([])
            self._retitle(0, 0, 0)
            return
        c = report.counts
        self.rows_value.setText(number(report.rows))
        target = report.target
        repeated = (
            self.tr(" · <b>{count}</b> repeated an earlier row (merged)").format(count=number(c[REPEATED]))
            if c[REPEATED]
            else ""
        )
        nothing = (
            ""
            if c[ADDED] or c[UPDATED]
            else "<br>" + self.tr("Nothing to write: the directory already holds all of it.")
        )
        rows = report.rows
        self.summary.setText(
            ImportDialogView.tr(
                "<b>{added}</b> to add · <b>{updated}</b> to update · <b>{unchanged}</b> unchanged · "  # type: ignore[arg-type]
                "<b>{skipped}</b> not imported{repeated} — of %Ln row(s). New entries go to <b>{target}</b>.",
                "",
                rows,  # type: ignore[arg-type]
            ).format(
                added=number(c[ADDED]),
                updated=number(c[UPDATED]),
                unchanged=number(c[UNCHANGED]),
                skipped=number(c[SKIPPED]),
                repeated=repeated,
                target=target,
            )
            + nothing
        )
        problem_rows = [
            (str(p.row), p.field or "", p.message + (f" — {p.hint}" if p.hint else ""))
            for p in report.problems
        ]
        self.problems_model.set_rows(problem_rows, [str(p) for p in report.problems])
        changes, warn = [], set()
        for i, change in enumerate(report.changes):
            if change.kind == "fill":
                outcome = self.tr("filled in")
            elif change.kind == "tags":
                outcome = self.tr("tags added")
            elif change.applied:
                outcome = self.tr("changed to the file's value")
            else:
                outcome = self.tr("kept (tick Update to take the file's)")
                warn.add(i)
            row = change.where.rsplit(":", 1)[-1]
            changes.append((row, change.recipient_id, change.field, change.old, change.new, outcome))
        self.changes_model.set_rows(changes, [str(c) for c in report.changes], warn)
        self.notes_model.set_rows([(n,) for n in report.notes], list(report.notes))
        flagged: dict[int, list[str]] = {}
        for problem in report.problems:
            flagged.setdefault(problem.row, []).append(problem.message)
        self.preview_model.set_flagged(flagged)
        self._retitle(len(report.skipped_rows), len(report.changes), len(report.notes))
        if report.problems:
            self.report_tabs.setCurrentIndex(0)
        elif report.would_change:
            self.report_tabs.setCurrentIndex(1)

    def _retitle(self, problems: int, changes: int, notes: int) -> None:
        self.report_tabs.setTabText(0, ImportDialogView.tr("&Not imported (%Ln row(s))", "", problems))  # type: ignore[arg-type]
        self.report_tabs.setTabText(
            1, self.tr("Changes to &existing entries ({count})").format(count=number(changes))
        )
        self.report_tabs.setTabText(2, self.tr("N&otes ({count})").format(count=number(notes)))
