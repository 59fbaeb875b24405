"""The Batch tab's form: which template, which recipients, which formats and paper, where to.

The templates and the default paper come from the campaign; a broken template file is said
in the banner on top while the others can still be generated. Counting the recipients a
query selects touches the whole directory (100,000 rows in a large campaign), so it runs on
the thread pool, debounced while the user types, and a stale answer is dropped. A query
mistake is shown under the field, in the CLI's words; so is a follow-up nobody is due for
yet, and either keeps Generate off.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from campaign_app.core.campaign.audience import Audience, template_audience
from campaign_app.core.campaign.before_writing import before_writing
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.base_tab import show_error
from campaign_app.gui.batch.widgets import BatchWidgets
from campaign_app.gui.batch.worker import BatchRun
from campaign_app.gui.session import WorkspaceSession, log_on_a_server
from campaign_app.gui.tasks import TaskRunner, making_lasting_objects
from campaign_app.gui.texts import problems, sentence

COUNT_DELAY_MS = 250  # wait for a pause in typing before counting recipients


class BatchForm(BatchWidgets):
    """The Batch tab's form, its recipients counted as the user narrows them."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._run: BatchRun | None = None
        self._last_out: Path | None = None
        self._count_stale = True
        # "pending" | "ok" | "error" | "nobody-due": a known error, or nobody due yet, disables Generate
        self._count_state = "pending"
        self._paper_default = "A4"
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_now)
        self.template_combo.currentIndexChanged.connect(self._on_template)
        self.query_edit.textChanged.connect(lambda _t: self._schedule_count())
        self.query_edit.returnPressed.connect(self._count_now)
        for box in (self.pdf_check, self.docx_check):
            box.toggled.connect(self._update_buttons)
        self.out_edit.textChanged.connect(lambda _t: show_error(self.out_error, None))
        self.browse_button.clicked.connect(self._browse)

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
        self.show_banner("\n".join(problems) or None)
        self._on_template()

    def _load_templates(self) -> str | None:
        ws = self.session.workspace
        previous = self.template_combo.currentData()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        problem = None
        if ws is None:
            problem = self.tr("No campaign is open: open a campaign folder with File ▸ Open campaign folder…")
        else:
            try:  # a broken template file is shown above; the others can still be generated
                scan = ws.template_scan
                templates = scan.templates
                problem = "\n".join(str(e) for e in scan.problems) or None
            except (UserError, UserErrors) as exc:
                templates = {}
                problem = problems(exc)
            for template in sorted(templates.values(), key=lambda t: (t.title.casefold(), t.id)):
                self.template_combo.addItem(f"{template.title}  ({template.id})", template.id)
                self.template_combo.setItemData(
                    self.template_combo.count() - 1, template.audience, Qt.ItemDataRole.ToolTipRole
                )
            if not templates and problem is None:
                problem = self.tr("This campaign has no letter templates yet: write one in the Compose tab.")
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
            problem, default = problems(exc), "A4"
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
            self.audience_label.setText(
                self.tr("Audience of this template: {audience}").format(
                    audience=audience or self.tr("(everyone)")
                )
            )
        else:
            self.audience_label.setText("")
        self._schedule_count(immediate=True)

    # ---- counting recipients (debounced, off the UI thread) ----------------------------

    @Slot()
    def _schedule_count(self, immediate: bool = False) -> None:
        self._count_state = "pending"
        self._update_buttons()
        self.requests.next()  # an answer still on its way is now stale
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
            show_error(self.count_label, None)
            self.count_warnings.hide()
            return
        query = self.query_edit.text().strip()
        if self._count_error_or_empty():  # otherwise keep the last count: no flicker per keystroke
            show_error(self.count_label, None)
            self.count_label.setText(self.tr("Counting recipients…"))
            self.count_label.show()
        self.submit_newest(
            lambda: _audience_and_warnings(ws, tid, query or None),
            lambda found: self._counted(found[0], found[1], None),
            lambda exc: self._counted(None, [], exc),
            only_waits=log_on_a_server(ws),  # a follow-up's count reads a team's log: not waited for at close
        )

    def _count_error_or_empty(self) -> bool:
        return not self.count_label.text() or bool(self.count_label.styleSheet())

    def _counted(self, audience: Audience | None, warnings: list[str], error: BaseException | None) -> None:
        """A count is back (a stale one, the user having typed on, never reaches here)."""
        if error is not None and not isinstance(error, UserError | UserErrors):
            raise error
        if isinstance(error, UserError | UserErrors):
            self._count_state = "error"
            show_error(self.count_label, problems(error))
        elif audience is not None and audience.nobody_due:  # a follow-up nobody is due for: no error
            self._count_state = "nobody-due"
            show_error(self.count_label, None)
            self.count_label.setText(
                self.tr("{reason}: nothing to write yet.").format(
                    reason=sentence(audience.nobody_due_message)
                )
            )
            self.count_label.show()
        else:
            self._count_state = "ok"
            show_error(self.count_label, None)
            selected = len(audience.recipients) if audience is not None else 0
            self.count_label.setText(BatchForm.tr("%n recipient(s) selected", "", selected))  # type: ignore[arg-type]
            self.count_label.show()
        # said before their letters are written, not after
        lines = [self.tr("Warning: {line}").format(line=line) for line in warnings]
        self.count_warnings.setText("\n".join(lines))
        self.count_warnings.setVisible(bool(lines))
        self._update_buttons()

    # ---- the form's state ----------------------------------------------------------------

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
        self.print_button.setEnabled(
            self.session.workspace is not None
            and self.template_id() is not None
            and self._count_state not in ("error", "nobody-due")
            and not running
        )
        if not self.formats():
            self.generate_button.setToolTip(self.tr("Tick PDF, DOCX or both"))
        else:
            self.generate_button.setToolTip(self.tr("Write one letter per selected recipient (Ctrl+Return)"))
        self.cancel_button.setEnabled(self._run is not None and running and not self._run.cancelling)

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
            self, self.tr("Choose the output folder"), str(start) if start is not None else ""
        )
        if folder:
            self.out_edit.setText(folder)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._count_stale:
            self._schedule_count(immediate=True)

    def hideEvent(self, event) -> None:
        if self._count_timer.isActive():  # no background count for a tab nobody looks at
            self._count_timer.stop()
            self._count_stale = True
        super().hideEvent(event)


def _audience_and_warnings(ws: Workspace, template_id: str, query: str | None) -> tuple[Audience, list[str]]:
    """On the thread pool: who the letters go to, and those of them written to in an office
    they have left (as check, generate and the send plan say it)."""
    with making_lasting_objects():
        audience = template_audience(ws, template_id, query)
    return audience, before_writing(template_id, audience.recipients)
