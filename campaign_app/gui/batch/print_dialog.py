"""Print pack: the Batch tab's template and query as one PDF to print and post.

What ``campaign-app print`` does, in a dialog: choose envelopes or labels and the file,
press Print; the letters are prepared off the UI thread (print_worker.PrintRun) with a
progress bar and Cancel, and the dialog then lists who is not in the pack for want of a
postal address, and says the letters were recorded as printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.print_pack import (
    PrintPlan,
    PrintProgress,
    how_to_print,
    left_out_line,
    unaddressed_line,
)
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.gui.base_tab import show_error
from campaign_app.gui.batch.print_worker import PrintOutcome, PrintRequest, PrintRun
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import problems, sentence
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

# What may follow the letters: (label, envelope, labels); the labels are translated when shown.
EXTRAS = (
    (QT_TRANSLATE_NOOP("PrintDialog", "Nothing: the letters only"), None, None),
    (QT_TRANSLATE_NOOP("PrintDialog", "DL envelopes (220 × 110 mm, A4 folded in three)"), "DL", None),
    (QT_TRANSLATE_NOOP("PrintDialog", "C5 envelopes (229 × 162 mm, A4 folded once)"), "C5", None),
    (QT_TRANSLATE_NOOP("PrintDialog", "C4 envelopes (324 × 229 mm, A4 flat)"), "C4", None),
    (QT_TRANSLATE_NOOP("PrintDialog", "Address labels, Avery L7163 (A4, 2 × 7)"), None, "L7163"),
)


class PrintDialog(QDialog):
    """Envelopes or labels, the file, Print; progress and Cancel; who was left out."""

    def __init__(
        self,
        workspace: Workspace,
        template_id: str,
        query: str,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print pack"))
        self.workspace, self.template_id, self.query, self.tasks = workspace, template_id, query, tasks
        self.run: PrintRun | None = None
        self._close_when_done = False
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        which = (
            self.tr("One PDF of template “{template}”, narrowed by “{query}”")
            if self.query
            else self.tr("One PDF of template “{template}”")
        ).format(template=self.template_id, query=self.query)
        intro = QLabel(
            self.tr(
                "{which}: every letter to a recipient with a postal address, each starting on a new "
                "sheet for two-sided printing, then an envelope or a label for each, in the same order."
            ).format(which=which)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.extra_combo = QComboBox()
        for label, _envelope, _labels in EXTRAS:
            self.extra_combo.addItem(QCoreApplication.translate("PrintDialog", label))
        self.extra_combo.setCurrentIndex(1)
        form.addRow(self.tr("&After the letters:"), self.extra_combo)
        self.out_edit = QLineEdit(str(self.workspace.out_dir / f"print-{self.template_id}.pdf"))
        self.browse_button = QPushButton(self.tr("Bro&wse…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("PDF &file:"))
        file_label.setBuddy(self.out_edit)  # a row of two widgets: the label needs its buddy named
        form.addRow(file_label, row)
        layout.addLayout(form)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.left_out = QPlainTextEdit()
        self.left_out.setObjectName("left_out")
        self.left_out.setReadOnly(True)
        self.left_out.setMaximumHeight(120)
        self.left_out.hide()
        for widget in (self.progress_bar, self.progress_label, self.error_label, self.left_out):
            layout.addWidget(widget)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(
            self.tr("&Print pack"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.print_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    @Slot()
    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the print pack"), self.out_edit.text(), self.tr("PDF (*.pdf)")
        )
        if name:
            self.out_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def request(self) -> PrintRequest:
        _label, envelope, labels = EXTRAS[self.extra_combo.currentIndex()]
        path = Path(self.out_edit.text().strip()).expanduser()
        out = path if path.is_absolute() else self.workspace.root / path
        return PrintRequest(self.template_id, self.query, out, envelope, labels)

    @Slot()
    def start(self) -> None:
        if self.run is not None:
            return
        request = self.request()
        if request.out.is_dir():
            show_error(
                self.error_label,
                self.tr("{path} is a folder: name the PDF file to write").format(path=request.out),
            )
            self._fit()
            return
        show_error(self.error_label, None)
        run = PrintRun(self.workspace, request, self)
        run.planned.connect(self._on_planned)
        run.progressed.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        run.crashed.connect(self._on_crashed)
        self.run = run
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.progress_label.setText(self.tr("Preparing: choosing recipients…"))
        for widget in (self.extra_combo, self.out_edit, self.browse_button, self.print_button):
            widget.setEnabled(False)
        run.start(self.tasks)

    @Slot(object)
    def _on_planned(self, plan: PrintPlan) -> None:
        self.progress_bar.setRange(0, max(1, len(plan.recipients)))
        self.progress_bar.setValue(0)
        lines: list[str] = []
        if plan.unaddressed:
            n = len(plan.unaddressed)
            lines.append(self.tr("%n recipient(s) without a postal address: not in the print pack", "", n))
            lines += [unaddressed_line(r) for r in plan.unaddressed]
        if plan.already_sent:
            n = len(plan.already_sent)
            lines.append(self.tr("%n letter(s) already went out: not in the print pack", "", n))
            lines += [left_out_line(r, how) for r, how in plan.already_sent]
        if plan.printed_before:
            n = len(plan.printed_before)
            lines.append(
                self.tr(
                    "%n letter(s) printed before but not marked as sent by post: in this pack again; "
                    "one posted after all must not be posted twice",
                    "",
                    n,
                )
            )
            lines += [f"{r.id}: {r.display_name}" for r in plan.printed_before]
        self.left_out.setPlainText("\n".join(lines))
        self.left_out.setVisible(bool(lines))

    @Slot(object)
    def _on_progress(self, p: PrintProgress) -> None:
        self.progress_bar.setRange(0, max(1, p.total))
        self.progress_bar.setValue(p.done)
        if self.run is not None and self.run.cancel_event.is_set():
            return
        doing = f" · {p.current}" if p.current else self.tr(" · putting the pack together…")
        self.progress_label.setText(
            self.tr("{done} of %n letter(s)", "", p.total).format(done=p.done) + doing
        )

    @Slot(object)
    def _on_finished(self, outcome: PrintOutcome) -> None:
        self.run = None
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        # the choices are free again: after a wrong path, a cancel or a pack, another try
        for widget in (self.extra_combo, self.out_edit, self.browse_button, self.print_button):
            widget.setEnabled(True)
        result, plan = outcome.result, outcome.plan
        if outcome.error is not None:
            self.progress_bar.hide()
            self.progress_label.setText(self.tr("Nothing was printed."))
            show_error(self.error_label, problems(outcome.error))
        elif result is None:
            self.progress_label.setText(
                sentence(plan.nobody_due) + "." if plan else self.tr("Nothing to print.")
            )
        elif result.cancelled:
            self.progress_label.setText(
                self.tr("Cancelled: no print pack was written and nothing was recorded as printed.")
            )
        else:
            self.progress_label.setText(
                self.tr(
                    "Done: {letters}, {pages} in all → {path}\nRecorded as printed in the contact log; "
                    "mark each one sent by post (Outreach tab) once it is in the post."
                ).format(
                    letters=self.tr("%n letter(s)", "", len(result.printed)),
                    pages=self.tr("%n page(s)", "", result.pages),
                    path=result.out,
                )
                + ("\n" + how_to_print(plan, result) if plan else "")
            )
        self._fit()
        if self._close_when_done:
            self.done(QDialog.DialogCode.Rejected)

    def _fit(self) -> None:
        """Grow to show a message that appeared (the intro was squeezed out of sight)."""
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    @Slot(object)
    def _on_crashed(self, exc: BaseException) -> None:
        self.run = None
        raise exc  # a bug: the crash handler shows and logs it

    @Slot()
    def cancel_or_close(self) -> None:
        """Cancel while printing stops after the letter in hand (no pack, nothing recorded)
        and says so; otherwise it closes the dialog."""
        if self.run is None:
            super().reject()
            return
        self.run.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling: finishing the letter in hand…"))

    def reject(self) -> None:
        """Esc or closing the dialog while printing cancels, and closes once the work has
        stopped, so nothing is left half-made behind a closed dialog."""
        if self.run is not None:
            self._close_when_done = True
            self.cancel_or_close()
            return
        super().reject()
