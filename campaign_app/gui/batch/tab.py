"""The Batch tab: one template, a narrowed audience, and hundreds of letters on disk.

A volunteer picks the template, optionally narrows its audience with the same query
language as ``campaign-app generate --query`` (``form.py``), and presses Generate. The
letters are written off the UI thread (batch_worker.BatchRun); the window stays usable, a
progress bar shows the count and the time left, Cancel stops after the letters in flight,
and a summary says what was written, what was already up to date and what failed, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from campaign_app.core.campaign.generate import BatchPlan, BatchProgress
from campaign_app.gui import style
from campaign_app.gui.asking import ask_to_go_on
from campaign_app.gui.base_tab import show_error
from campaign_app.gui.batch.form import BatchForm
from campaign_app.gui.batch.worker import BatchOutcome, BatchRequest, BatchRun
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import clock, duration, problems, sentence

if TYPE_CHECKING:
    from campaign_app.gui.batch.print_dialog import PrintDialog


class BatchTab(BatchForm):
    """Template, query, formats, paper and folder; Generate, progress, Cancel, summary."""

    def __init__(
        self,
        session: WorkspaceSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ):
        super().__init__(session, tasks, parent)
        # Injectable so tests can check "Open folder" without launching a file manager.
        self.open_url: Callable[[QUrl], bool] = open_url or QDesktopServices.openUrl
        self.workers: int | None = None  # as `generate --workers`; None: one process per core
        self._close_when_done = False
        self._watched: QObject | None = None
        self.generate_button.clicked.connect(self.generate)
        self.generate_shortcut.activated.connect(self._generate_if_enabled)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_shortcut.activated.connect(self.cancel)
        self.open_button.clicked.connect(self.open_folder)
        self.print_button.clicked.connect(self.print_pack)
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._shutdown)
        self._on_workspace()

    @Slot()
    def _generate_if_enabled(self) -> None:
        if self.generate_button.isEnabled():
            self.generate()

    @Slot()
    def generate(self) -> None:
        """Start the batch (what `campaign-app generate` does, off the UI thread)."""
        self.session.check_disk()  # letters from the files as they are now, not as first read
        ws, tid = self.session.workspace, self.template_id()
        if ws is None or tid is None or self._running() or not self.formats():
            return
        if not self.confirm_unsaved():
            return
        out = self.out_dir()
        assert out is not None
        if out.exists() and not out.is_dir():
            show_error(
                self.out_error, self.tr("{path} is a file, not a folder — choose a folder").format(path=out)
            )
            self.out_edit.setFocus()
            return
        request = BatchRequest(
            template_id=tid,
            query=self.query_edit.text().strip(),
            formats=self.formats(),
            out_dir=out,
            paper=self.paper_combo.currentText(),
            workers=self.workers,
        )
        run = BatchRun(ws, request, self)
        run.planned.connect(self._on_planned)
        run.progressed.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        run.crashed.connect(self._on_crashed)
        self._run = run
        self._last_out = out
        self.summary_box.hide()
        self.progress_bar.setRange(0, 0)  # busy until the plan says how many
        self.progress_label.setText(self.tr("Preparing: choosing recipients and checking the first letter…"))
        self.progress_box.show()
        run.start(self.tasks)
        self._update_buttons()
        self.cancel_button.setFocus()

    def unsaved_elsewhere(self) -> list[str]:
        """The tabs (Case, Compose, …) holding edits the letters would not have: the batch
        writes from the saved files."""
        window = self.window()
        unsaved = getattr(window, "unsaved_tabs", None)
        return unsaved() if unsaved is not None else []

    def confirm_unsaved(self) -> bool:
        """Ask before writing letters that leave out edits not yet saved; True to go on."""
        tabs = self.unsaved_elsewhere()
        if not tabs:
            return True
        return ask_to_go_on(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "There are unsaved changes in: {tabs}.\nThe letters are written from the saved files, "
                "without them (save them first to have them). Generate anyway?"
            ).format(tabs=", ".join(tabs)),
            QMessageBox.StandardButton.Yes,
        )

    @Slot()
    def print_pack(self) -> PrintDialog | None:
        """The print pack dialog for this template and query (``campaign-app print``)."""
        # Imported when first asked for: the print pack's modules (the paper letters' address
        # blocks, the envelopes) were a third of building this tab on the window's thread.
        from campaign_app.gui.batch.print_dialog import PrintDialog

        ws, tid = self.session.workspace, self.template_id()
        if ws is None or tid is None or self._running():
            return None
        dialog = PrintDialog(ws, tid, self.query_edit.text().strip(), self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def cancel(self) -> None:
        if not self._running() or self._run is None or self._run.cancelling:
            return
        self._run.cancel()
        self.progress_label.setText(self.tr("Cancelling: finishing the letters in progress…"))
        self._update_buttons()

    @Slot(object)
    def _on_planned(self, plan: BatchPlan) -> None:
        if self._run is None or self.sender() is not self._run:
            return
        total = len(plan.jobs)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(0 if total else 1)
        if not self._run.cancelling:
            self.progress_label.setText(
                self.tr("{done} of %n letter(s)", "", total).format(done=0)
                if total
                else self.tr("Nothing to write: every letter is up to date")
            )

    @Slot(object)
    def _on_progress(self, p: BatchProgress) -> None:
        """At most ten times a second (run_batch throttles): cheap, whatever the batch size."""
        if self._run is None or self.sender() is not self._run or p.total == 0:
            return
        self.progress_bar.setRange(0, p.total)
        self.progress_bar.setValue(p.done)
        text = self.tr("{done} of %n letter(s)", "", p.total).format(done=p.done)
        if p.failed:
            text += self.tr(" · {failed} failed").format(failed=p.failed)
        left = p.remaining_seconds
        if self._run.cancelling:
            text += self.tr(" · cancelling: finishing the letters in progress…")
        elif p.done < p.total:
            text += (
                self.tr(" · {time} left").format(time=clock(left))
                if left is not None
                else self.tr(" · estimating time left…")
            )
        self.progress_label.setText(text)

    @Slot(object)
    def _on_finished(self, outcome: BatchOutcome) -> None:
        run = self._run
        self._run = None
        if run is not None:
            run.deleteLater()
        self._show_summary(outcome)
        self._update_buttons()
        if self._close_when_done:
            self._close_when_done = False
            QTimer.singleShot(0, self.window().close)

    @Slot(object)
    def _on_crashed(self, exc: BaseException) -> None:
        run = self._run
        self._run = None
        if run is not None:
            run.deleteLater()
        self.progress_box.hide()
        self._update_buttons()
        raise exc  # a bug, not a user mistake: the crash handler shows it and logs it

    def _show_summary(self, outcome: BatchOutcome) -> None:
        result, plan = outcome.result, outcome.plan
        self.summary_box.show()
        QTimer.singleShot(0, self._summary_into_view)  # once the box is laid out
        self.open_button.setEnabled(outcome.request.out_dir.is_dir())
        if outcome.error is not None or result is None:
            self.progress_box.hide()
            self.headline.setText(self.tr("Nothing was generated."))
            self._show_figures(False)
            why = plan.nobody_due if plan is not None else ""  # nobody due since the count
            self.failures.setPlainText(problems(outcome.error) if outcome.error else sentence(why))
            self._set_failures_visible(True)
            return
        total = len(plan.jobs) if plan is not None else 0
        done = result.letters_written + len(result.failed)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total) if total else 1)
        written, skipped, failed = result.letters_written, len(result.skipped), len(result.failed)
        if result.stopped is not None:
            headline = self.tr("Stopped: {written} written; run again to finish the rest.").format(
                written=written
            )
            self.progress_label.setText(
                self.tr("Stopped after {done} of %n letter(s)", "", total).format(done=done)
            )
        elif result.cancelled and done < total:
            headline = self.tr("Cancelled: {written} written; run again to finish the rest.").format(
                written=written
            )
            self.progress_label.setText(
                self.tr("Cancelled after {done} of %n letter(s)", "", total).format(done=done)
            )
        elif written == 0 and failed == 0:
            headline = (
                self.tr("All %n letter(s) already up to date: nothing to write.", "", skipped)
                if skipped
                else self.tr("Nothing to write.")
            )
            self.progress_label.setText(self.tr("Done"))
        elif failed:
            headline = self.tr("Finished: %n letter(s) written, {failed} failed (see below).", "", written)
            headline = headline.format(failed=failed)
            self.progress_label.setText(self.tr("Done: {done} of %n letter(s)", "", total).format(done=total))
        else:
            headline = self.tr("Finished: %n letter(s) written.", "", written)
            self.progress_label.setText(self.tr("Done: {done} of %n letter(s)", "", total).format(done=total))
        self.headline.setText(f"{headline}\n{outcome.request.out_dir}")
        files = result.files_written
        files_text = self.tr("%n file(s)", "", files)
        self.written_value.setText(f"{written} ({files_text})")
        self.skipped_value.setText(str(skipped))
        self.failed_value.setText(str(failed))
        processes = result.workers
        workers = " · " + self.tr("%n process(es)", "", processes) if processes > 1 else ""
        self.time_value.setText(f"{duration(outcome.elapsed)}{workers}")
        self._show_figures(True)
        stopped = [problems(result.stopped)] if result.stopped is not None else []
        # as check says it, now that the letters are written: to someone no longer in office
        left = [self.tr("Warning: {line}").format(line=line) for line in plan.before_writing] if plan else []
        left += [
            self.tr(
                "Warning: {file} is a letter to '{id}', who is no longer in the directory: "
                "delete it if it is out of date."
            ).format(file=file, id=rid)
            for file, rid in (plan.not_in_directory if plan else [])
        ]
        left += [  # the earlier files of letters written again under a recipient's new name
            self.tr("Removed {file}, the earlier letter to a recipient whose name has changed.").format(
                file=f
            )
            for f in result.replaced
        ] + [
            self.tr(
                "Kept {file}, an earlier letter to a recipient whose name has changed ({why}): "
                "delete it if it is out of date."
            ).format(file=f, why=why)
            for f, why in result.replaced_kept
        ]
        self.failures.setPlainText(
            "\n".join([*stopped, *(f"{rid}: {message}" for rid, message in result.failed), *left])
        )
        self._set_failures_visible(bool(stopped or result.failed or left))

    @Slot()
    def _summary_into_view(self) -> None:
        """The summary's headline and Open folder in sight: beside each other at the summary's
        top they are on screen at 1366×800 as they are; where the form above is taller (a
        small screen, many warnings) the tab scrolls as far as needed to show them."""
        for widget in (self.headline, self.open_button):
            self.scroll_area.ensureWidgetVisible(widget, 0, 12)

    def _show_figures(self, visible: bool) -> None:
        for row in range(self.figures.rowCount()):
            self.figures.setRowVisible(row, visible)

    def _set_failures_visible(self, visible: bool) -> None:
        self.failures.setStyleSheet(style.error_style(self.failures.palette()) if visible else "")
        self.failures.setVisible(visible)

    @Slot()
    def open_folder(self) -> None:
        if self._last_out is not None:
            self.open_url(QUrl.fromLocalFile(str(self._last_out)))

    # ---- visibility, closing, quitting --------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Close and self._defer_close():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:  # the tab shown on its own (benchmarks)
        if self._defer_close():
            event.ignore()
            return
        super().closeEvent(event)

    def _defer_close(self) -> bool:
        """Closing during a batch cancels it; the window closes once the letters in
        flight are finished, so no letter is cut off and no worker is left behind."""
        if not self._running():
            return False
        self._close_when_done = True
        self.cancel()
        self.progress_label.setText(
            self.tr("Closing: finishing the letters in progress, then the window closes…")
        )
        return True

    @Slot()
    def _shutdown(self) -> None:
        """The application is quitting: cancel and wait, so no worker outlives it."""
        if self._running() and self._run is not None:
            self._run.cancel()
            self.tasks.writer_pool.waitForDone()
