"""The Batch tab: one template, a narrowed audience, and hundreds of letters on disk.

A volunteer picks the template, optionally narrows its audience with the same query
language as ``campaign-app generate --query``, and presses Generate. The letters are
written off the UI thread (batch_worker.BatchRun); the window stays usable, a progress bar
shows the count and the time left, Cancel stops after the letters in flight, and a summary
says what was written, what was already up to date and what failed, and why.

Counting the recipients a query selects touches the whole directory (100,000 rows in a
large campaign), so it runs on the thread pool, debounced while the user types, and a
stale answer is dropped. A query mistake is shown under the field, in the CLI's words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.audience import Audience, template_audience
from campaign_app.core.campaign.generate import BatchPlan, BatchProgress
from campaign_app.core.campaign.settings import PAPER_SIZES
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.gui.batch.worker import BatchOutcome, BatchRequest, BatchRun
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import clock, duration

COUNT_DELAY_MS = 250  # wait for a pause in typing before counting recipients
FORM_WIDTH = 760


def _problems(exc: UserError | UserErrors) -> str:
    return "\n".join(str(e) for e in flatten(exc))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class BatchTab(QWidget):
    """Template, query, formats, paper and folder; Generate, progress, Cancel, summary."""

    def __init__(
        self,
        session: WorkspaceSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        # Injectable so tests can check "Open folder" without launching a file manager.
        self.open_url: Callable[[QUrl], bool] = open_url or QDesktopServices.openUrl
        self.workers: int | None = None  # as `generate --workers`; None: one process per core
        self._run: BatchRun | None = None
        self._last_out: Path | None = None
        self._count_generation = 0
        self._count_stale = True
        # "pending" | "ok" | "error" | "nobody-due": a known error, or nobody due yet, disables Generate
        self._count_state = "pending"
        self._paper_default = "A4"
        self._close_when_done = False
        self._watched: QObject | None = None

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_now)

        self._build()
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._shutdown)
        self._on_workspace()

    # ---- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(14)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setObjectName("banner")
        self.banner.hide()
        outer.addWidget(self.banner)

        self.form_box = QGroupBox("Letters to generate")
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)

        self.template_combo = QComboBox()
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(40)
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.template_combo.currentIndexChanged.connect(self._on_template)
        self.audience_label = self._hint_label()
        form.addRow(self._buddy("&Template:", self.template_combo), self.template_combo)
        form.addRow("", self.audience_label)

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText("optional, e.g.  country:DE  tag:droi  -tag:contacted")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setToolTip(
            "Narrows the template's audience: field:value terms (category, country, tag, language…) "
            "and words matched against name, position and organisation. All terms must match; "
            "-term excludes."
        )
        self.query_edit.textChanged.connect(lambda _t: self._schedule_count())
        self.query_edit.returnPressed.connect(self._count_now)
        self.count_label = self._hint_label()
        self.count_label.setObjectName("count_label")
        form.addRow(self._buddy("Narrow by &query:", self.query_edit), self.query_edit)
        form.addRow("", self.count_label)

        self.pdf_check = QCheckBox("&PDF")
        self.docx_check = QCheckBox("&DOCX (editable)")
        for box in (self.pdf_check, self.docx_check):
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
        formats = QHBoxLayout()
        formats.setSpacing(18)
        formats.addWidget(self.pdf_check)
        formats.addWidget(self.docx_check)
        formats.addStretch(1)
        form.addRow("Formats:", formats)

        self.paper_combo = QComboBox()
        self.paper_combo.addItems(list(PAPER_SIZES))
        self.paper_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self._buddy("P&aper:", self.paper_combo), self.paper_combo)

        self.out_edit = QLineEdit()
        self.out_edit.setToolTip(
            "Where the letters and manifest.json go; a relative path is inside the campaign"
        )
        self.out_edit.textChanged.connect(lambda _t: self._set_error(self.out_error, None))
        self.browse_button = QPushButton("Bro&wse…")
        self.browse_button.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.setSpacing(6)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        self.out_error = self._hint_label()
        self.out_error.hide()
        form.addRow(self._buddy("Output fo&lder:", self.out_edit), out_row)
        form.addRow("", self.out_error)

        self.generate_button = QPushButton("&Generate letters")
        self.generate_button.setDefault(True)
        self.generate_button.setToolTip("Write one letter per selected recipient (Ctrl+Return)")
        self.generate_button.clicked.connect(self.generate)
        generate_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        generate_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        generate_shortcut.activated.connect(self._generate_if_enabled)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.generate_button)
        form.addRow(actions)

        self.progress_box = QGroupBox("Progress")
        progress = QVBoxLayout(self.progress_box)
        progress.setSpacing(8)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.cancel_button = QPushButton("Ca&ncel")
        self.cancel_button.setToolTip("Stop after the letters in progress (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel_shortcut.activated.connect(self.cancel)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress_label, 1)
        status_row.addWidget(self.cancel_button)
        progress.addWidget(self.progress_bar)
        progress.addLayout(status_row)
        self.progress_box.hide()

        self.summary_box = QGroupBox("Summary")
        summary = QVBoxLayout(self.summary_box)
        summary.setSpacing(8)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.headline.font())
        bold.setBold(True)
        self.headline.setFont(bold)
        self.figures = QFormLayout()
        self.figures.setHorizontalSpacing(12)
        self.written_value = QLabel()
        self.skipped_value = QLabel()
        self.failed_value = QLabel()
        self.time_value = QLabel()
        self.figures.addRow("Letters written:", self.written_value)
        self.figures.addRow("Already up to date (skipped):", self.skipped_value)
        self.figures.addRow("Failed:", self.failed_value)
        self.figures.addRow("Time taken:", self.time_value)
        self.failures = QPlainTextEdit()
        self.failures.setObjectName("failures")
        self.failures.setReadOnly(True)
        self.failures.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.failures.setMaximumHeight(140)
        self.failures.hide()
        self.open_button = QPushButton("Open fold&er")
        self.open_button.setToolTip("Show the letters in the file manager")
        self.open_button.clicked.connect(self.open_folder)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.open_button)
        summary.addWidget(self.headline)
        summary.addLayout(self.figures)
        summary.addWidget(self.failures)
        summary.addLayout(open_row)
        self.summary_box.hide()

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(self.form_box)
        column.addWidget(self.progress_box)
        column.addWidget(self.summary_box)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(FORM_WIDTH)
        row = QHBoxLayout()
        row.addWidget(holder, 1)
        row.addStretch(0)
        outer.addLayout(row, 1)

        for a, b in (
            (self.template_combo, self.query_edit),
            (self.query_edit, self.pdf_check),
            (self.pdf_check, self.docx_check),
            (self.docx_check, self.paper_combo),
            (self.paper_combo, self.out_edit),
            (self.out_edit, self.browse_button),
            (self.browse_button, self.generate_button),
            (self.generate_button, self.cancel_button),
            (self.cancel_button, self.open_button),
        ):
            QWidget.setTabOrder(a, b)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _hint_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Without this a word-wrapped label in a form row wraps at a few words.
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(360)
        return label

    def _error_color(self) -> str:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        return "#ff8a80" if dark else "#b3261e"

    def _set_error(self, label: QLabel, text: str | None) -> None:
        """Show ``text`` as an error under its field, or hide the label."""
        label.setStyleSheet(f"color: {self._error_color()};" if text else "")
        label.setText(text or "")
        label.setVisible(bool(text))

    def _show_banner(self, text: str | None) -> None:
        self._set_error(self.banner, text)

    # ---- workspace ------------------------------------------------------------------------

    @Slot()
    def _on_workspace(self) -> None:
        """Another campaign was opened: templates, paper and folder all start afresh."""
        ws = self.session.workspace
        self._last_out = None
        self.summary_box.hide()
        if not self._running():
            self.progress_box.hide()
        self.query_edit.clear()
        self.out_edit.setText(str(ws.out_dir) if ws is not None else "")
        self._reload(reset_paper=True)

    @Slot(str)
    def _on_part(self, part: str) -> None:
        if part in ("templates", "campaign"):
            self._reload(reset_paper=False)
        elif part in ("directory", "case"):
            self._schedule_count(immediate=True)

    def _reload(self, reset_paper: bool) -> None:
        """Re-read templates and campaign.yaml; their problems go to the banner on top."""
        problems = [p for p in (self._load_templates(), self._load_paper(reset_paper)) if p]
        self._show_banner("\n".join(problems) or None)
        self._on_template()

    def _load_templates(self) -> str | None:
        ws = self.session.workspace
        previous = self.template_combo.currentData()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        problem = None
        if ws is None:
            problem = "No campaign is open: open a campaign folder with File ▸ Open campaign folder…"
        else:
            try:  # a broken template file is shown above; the others can still be generated
                scan = ws.template_scan
                templates = scan.templates
                problem = "\n".join(str(e) for e in scan.problems) or None
            except (UserError, UserErrors) as exc:
                templates = {}
                problem = _problems(exc)
            for template in sorted(templates.values(), key=lambda t: (t.title.casefold(), t.id)):
                self.template_combo.addItem(f"{template.title}  ({template.id})", template.id)
                self.template_combo.setItemData(
                    self.template_combo.count() - 1, template.audience, Qt.ItemDataRole.ToolTipRole
                )
            if not templates and problem is None:
                problem = "This campaign has no letter templates yet: write one in the Compose tab."
        index = self.template_combo.findData(previous) if previous is not None else -1
        self.template_combo.setCurrentIndex(max(index, 0) if self.template_combo.count() else -1)
        self.template_combo.blockSignals(False)
        return problem

    def _load_paper(self, reset: bool) -> str | None:
        """The default paper comes from campaign.yaml; a choice the user made is kept."""
        ws = self.session.workspace
        problem = None
        try:
            default = ws.campaign.paper if ws is not None else "A4"
        except (UserError, UserErrors) as exc:
            problem, default = _problems(exc), "A4"
        if reset or self.paper_combo.currentText() == self._paper_default:
            self.paper_combo.setCurrentText(default)
        self._paper_default = default
        return problem

    def template_id(self) -> str | None:
        return self.template_combo.currentData()

    @Slot()
    def _on_template(self) -> None:
        ws = self.session.workspace
        tid = self.template_id()
        if ws is not None and tid is not None:
            audience = ws.template(tid).audience
            self.audience_label.setText(f"Audience of this template: {audience or '(everyone)'}")
        else:
            self.audience_label.setText("")
        self._schedule_count(immediate=True)

    # ---- counting recipients (debounced, off the UI thread) ----------------------------

    @Slot()
    def _schedule_count(self, immediate: bool = False) -> None:
        self._count_state = "pending"
        self._update_buttons()
        self._count_generation += 1  # an answer still on its way is now stale
        if not self.isVisible():
            self._count_timer.stop()
            self._count_stale = True  # counted when the tab is shown
            return
        self._count_timer.start(0 if immediate else COUNT_DELAY_MS)

    @Slot()
    def _count_now(self) -> None:
        self._count_timer.stop()
        self._count_stale = False
        ws, tid = self.session.workspace, self.template_id()
        if ws is None or tid is None:
            self._set_error(self.count_label, None)
            return
        self._count_generation += 1
        generation = self._count_generation
        query = self.query_edit.text().strip()
        if self._count_error_or_empty():  # otherwise keep the last count: no flicker per keystroke
            self._set_error(self.count_label, None)
            self.count_label.setText("Counting recipients…")
            self.count_label.show()
        self.tasks.submit(
            lambda: template_audience(ws, tid, query or None),
            lambda audience: self._counted(generation, audience, None),
            lambda exc: self._counted(generation, None, exc),
        )

    def _count_error_or_empty(self) -> bool:
        return not self.count_label.text() or bool(self.count_label.styleSheet())

    def _counted(self, generation: int, audience: Audience | None, error: BaseException | None) -> None:
        if generation != self._count_generation:
            return  # the user typed on; a newer count is coming
        if error is not None and not isinstance(error, UserError | UserErrors):
            raise error
        if error is not None:
            self._count_state = "error"
            self._set_error(self.count_label, _problems(error))  # type: ignore[arg-type]
        elif audience is not None and audience.nobody_due:  # a follow-up nobody is due for: no error
            self._count_state = "nobody-due"
            self._set_error(self.count_label, None)
            self.count_label.setText(_sentence(audience.nobody_due_message) + ": nothing to write yet.")
            self.count_label.show()
        else:
            self._count_state = "ok"
            self._set_error(self.count_label, None)
            self.count_label.setText(f"{_plural(len(audience.recipients), 'recipient')} selected")
            self.count_label.show()
        self._update_buttons()

    # ---- generating ---------------------------------------------------------------------

    def _running(self) -> bool:
        return self._run is not None and self._run.running

    def formats(self) -> tuple[str, ...]:
        return tuple(
            fmt for fmt, box in (("pdf", self.pdf_check), ("docx", self.docx_check)) if box.isChecked()
        )

    @Slot()
    def _update_buttons(self) -> None:
        running = self._running()
        self.form_box.setEnabled(not running)
        ready = (
            self.session.workspace is not None
            and self.template_id() is not None
            and bool(self.formats())
            and self._count_state not in ("error", "nobody-due")  # the message under the query says why
        )
        self.generate_button.setEnabled(ready and not running)
        if not self.formats():
            self.generate_button.setToolTip("Tick PDF, DOCX or both")
        else:
            self.generate_button.setToolTip("Write one letter per selected recipient (Ctrl+Return)")
        self.cancel_button.setEnabled(running and not self._run.cancelling)  # type: ignore[union-attr]

    def out_dir(self) -> Path | None:
        """The chosen output folder; a relative path is taken inside the campaign folder."""
        ws = self.session.workspace
        text = self.out_edit.text().strip()
        if ws is None:
            return None
        if not text:
            return ws.out_dir
        path = Path(text).expanduser()
        return (path if path.is_absolute() else ws.root / path).resolve()

    @Slot()
    def _browse(self) -> None:
        start = self.out_dir()
        folder = QFileDialog.getExistingDirectory(
            self, "Choose the output folder", str(start) if start is not None else ""
        )
        if folder:
            self.out_edit.setText(folder)

    @Slot()
    def _generate_if_enabled(self) -> None:
        if self.generate_button.isEnabled():
            self.generate()

    @Slot()
    def generate(self) -> None:
        """Start the batch (what `campaign-app generate` does, off the UI thread)."""
        ws, tid = self.session.workspace, self.template_id()
        if ws is None or tid is None or self._running() or not self.formats():
            return
        out = self.out_dir()
        assert out is not None
        if out.exists() and not out.is_dir():
            self._set_error(self.out_error, f"{out} is a file, not a folder — choose a folder")
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
        self.progress_label.setText("Preparing: choosing recipients and checking the first letter…")
        self.progress_box.show()
        run.start(self.tasks)
        self._update_buttons()
        self.cancel_button.setFocus()

    @Slot()
    def cancel(self) -> None:
        if not self._running() or self._run is None or self._run.cancelling:
            return
        self._run.cancel()
        self.progress_label.setText("Cancelling: finishing the letters in progress…")
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
                f"0 of {_plural(total, 'letter')}"
                if total
                else "Nothing to write: every letter is up to date"
            )

    @Slot(object)
    def _on_progress(self, p: BatchProgress) -> None:
        """At most ten times a second (run_batch throttles): cheap, whatever the batch size."""
        if self._run is None or self.sender() is not self._run or p.total == 0:
            return
        self.progress_bar.setRange(0, p.total)
        self.progress_bar.setValue(p.done)
        text = f"{p.done} of {_plural(p.total, 'letter')}"
        if p.failed:
            text += f" · {p.failed} failed"
        left = p.remaining_seconds
        if self._run.cancelling:
            text += " · cancelling: finishing the letters in progress…"
        elif p.done < p.total:
            text += f" · {clock(left)} left" if left is not None else " · estimating time left…"
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
        self.open_button.setEnabled(outcome.request.out_dir.is_dir())
        if outcome.error is not None or result is None:
            self.progress_box.hide()
            self.headline.setText("Nothing was generated.")
            self._show_figures(False)
            why = plan.nobody_due if plan is not None else ""  # nobody due since the count
            self.failures.setPlainText(_problems(outcome.error) if outcome.error else _sentence(why))
            self._set_failures_visible(True)
            return
        total = len(plan.jobs) if plan is not None else 0
        done = result.letters_written + len(result.failed)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total) if total else 1)
        written, skipped, failed = result.letters_written, len(result.skipped), len(result.failed)
        if result.cancelled and done < total:
            headline = f"Cancelled: {written} written; run again to finish the rest."
            self.progress_label.setText(f"Cancelled after {done} of {_plural(total, 'letter')}")
        elif written == 0 and failed == 0:
            headline = (
                f"All {_plural(skipped, 'letter')} already up to date: nothing to write."
                if skipped
                else "Nothing to write."
            )
            self.progress_label.setText("Done")
        elif failed:
            headline = f"Finished: {_plural(written, 'letter')} written, {failed} failed (see below)."
            self.progress_label.setText(f"Done: {total} of {_plural(total, 'letter')}")
        else:
            headline = f"Finished: {_plural(written, 'letter')} written."
            self.progress_label.setText(f"Done: {total} of {_plural(total, 'letter')}")
        self.headline.setText(f"{headline}\n{outcome.request.out_dir}")
        files = len(result.written)
        self.written_value.setText(f"{written} ({_plural(files, 'file')})")
        self.skipped_value.setText(str(skipped))
        self.failed_value.setText(str(failed))
        workers = f" · {_plural(result.workers, 'process', 'processes')}" if result.workers > 1 else ""
        self.time_value.setText(f"{duration(outcome.elapsed)}{workers}")
        self._show_figures(True)
        self.failures.setPlainText("\n".join(f"{rid}: {message}" for rid, message in result.failed))
        self._set_failures_visible(bool(result.failed))

    def _show_figures(self, visible: bool) -> None:
        for row in range(self.figures.rowCount()):
            self.figures.setRowVisible(row, visible)

    def _set_failures_visible(self, visible: bool) -> None:
        self.failures.setStyleSheet(f"color: {self._error_color()};" if visible else "")
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
        if self._count_stale:
            self._schedule_count(immediate=True)

    def hideEvent(self, event) -> None:
        if self._count_timer.isActive():  # no background count for a tab nobody looks at
            self._count_timer.stop()
            self._count_stale = True
        super().hideEvent(event)

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
        self.progress_label.setText("Closing: finishing the letters in progress, then the window closes…")
        return True

    @Slot()
    def _shutdown(self) -> None:
        """The application is quitting: cancel and wait, so no worker outlives it."""
        if self._running() and self._run is not None:
            self._run.cancel()
            self.tasks.writer_pool.waitForDone()
