"""The Outreach tab: who was written to, what happened since, and who needs a follow-up.

What a volunteer does here is what ``campaign-app log`` does: mark a reply (with a note),
no reply, closed, or a letter sent by post or web form, for one recipient or for several
selected (all marked or none, each refusal said); export the log as CSV; write the
coordinators' PDF report; and open the send dialog. (Reading and showing the log is
``browsing.OutreachBrowser``'s.) A change is written off the UI thread, with the volunteer's
name from Settings, and a locked or read-only log is said plainly in the banner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.outreach.browsing import OutreachBrowser
from campaign_app.gui.outreach.mark_dialog import MarkDialog, MarkRequest
from campaign_app.gui.outreach.words import channel_name, status_name
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import in_window, now_text, problems

SHOWN_REFUSALS = 5  # recipients whose mark was refused, each with why (the others named)
NAMED_REFUSALS = 30

if TYPE_CHECKING:  # imported when first opened: it loads the mail and send code
    from campaign_app.core.campaign.marking import NothingMarked
    from campaign_app.gui.outreach.inbox_check import CheckOutcome, InboxCheck
    from campaign_app.gui.outreach.send_dialog import SendDialog


class OutreachTab(OutreachBrowser):
    """The contact log as a table; marks, export, report and the send dialog."""

    def __init__(
        self,
        session: WorkspaceSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ):
        super().__init__(session, tasks, parent)
        # Injectable so tests never start a PDF viewer or show a native file dialog.
        self.open_url: Callable[[QUrl], bool] = open_url or QDesktopServices.openUrl
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save_path
        self.mark_dialog: MarkDialog | None = None
        self.send_dialog: SendDialog | None = None  # built on first use
        self.inbox_check: InboxCheck | None = None  # the check running (or the last one)
        for status, action in self.mark_actions.items():
            action.triggered.connect(lambda _=False, s=status: self.mark(s))
        self.table.activated.connect(lambda _index: self.mark("replied"))
        self.send_button.clicked.connect(self.open_send_dialog)
        self.inbox_button.clicked.connect(self.check_inbox)
        self.export_button.clicked.connect(self.export_csv)
        self.report_button.clicked.connect(self.write_report)
        self.open_report_button.clicked.connect(self.open_report)
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part)
        self._update_actions()
        self._show_page()

    def mark(self, status: str = "replied") -> None:
        """Open the mark dialog for the selected recipients (``status`` chosen in it): the
        one selected, or several alike (those with no letter in the log left out)."""
        from campaign_app.core.common.appstate import volunteer_name

        selected = self.selected_rows()
        rows = [row for row in selected if row.letters > 0]
        if not rows or self.session.workspace is None or self.busy:
            return
        templates = sorted({t for row in rows for t in row.templates})
        dialog = MarkDialog(
            [(row.recipient_id, row.name) for row in rows],
            templates,
            status,
            by=volunteer_name(),
            parent=self,
            uncertain=all("uncertain" in row.statuses for row in rows),
            one_each=all(row.letters == 1 for row in rows),
            left_out=len(selected) - len(rows),
        )
        names = {row.recipient_id: row.name for row in rows}
        dialog.accepted.connect(lambda: self._record(dialog.request(), names))
        dialog.finished.connect(dialog.deleteLater)
        self.mark_dialog = dialog
        dialog.open()

    def _record(self, request: MarkRequest, names: dict[str, str]) -> None:
        from campaign_app.core.common.appstate import volunteer_name

        ws = self.session.workspace
        if ws is None:
            return
        by = volunteer_name()
        ids = list(request.recipient_ids)

        def job() -> int:
            from campaign_app.core.campaign.marking import mark_letters

            marked = mark_letters(
                ws,
                ids,
                request.status,
                by,
                note=request.note,
                channel=request.channel,
                template_id=request.template_id,
            )
            return sum(len(changed) for _rid, changed in marked)

        def done(count: int) -> None:
            self.set_busy(False)
            what = status_name(request.status) + (
                f" ({channel_name(request.channel)})" if request.channel else ""
            )
            letters = self.tr("%n letter(s)", "", count)
            if len(ids) == 1:
                marked = self.tr("Marked {name} {status}").format(name=names[ids[0]], status=what)
            else:
                marked = self.tr("Marked %n recipient(s) {status}", "", len(ids)).format(status=what)
            self.status_label.setText(f"{marked} · {letters} · {now_text()}")
            self._selected_ids = ids  # still selected when the log is read again
            self.reload()

        def failed(exc: BaseException) -> None:
            from campaign_app.core.campaign.marking import NothingMarked

            if isinstance(exc, NothingMarked):
                self.set_busy(False)
                self.status_label.setText(self.tr("Nothing was recorded."))
                self.show_banner(self._refusals(exc, names, request.status))
                return
            self._write_failed(exc)

        self.set_busy(True)
        self.status_label.setText(self.tr("Recording…"))
        self.tasks.submit(job, done, failed)

    def _refusals(self, exc: NothingMarked, names: dict[str, str], status: str) -> str:
        """Several recipients' mark refused: who cannot be marked, and why, each on its line
        (a piece of advice said once, not at each line; past a few, the others by name
        only, so that the banner does not push the table off the screen); then how to go on
        (the selection is kept as it was)."""
        head = self.tr(
            "Nothing was marked: %n of the {count} selected recipients cannot be marked {status}:",
            "",
            len(exc.refused),
        ).format(count=exc.count, status=status_name(status))
        lines, advised = [], set()
        for rid, refused in exc.refused[:SHOWN_REFUSALS]:
            problem = in_window(refused)
            hint = None if problem.hint in advised else problem.hint
            advised.add(problem.hint)
            lines.append(f"• {names.get(rid, rid)}: {UserError(problem.message, problem.where, hint)}")
        rest = [names.get(rid, rid) for rid, _problem in exc.refused[SHOWN_REFUSALS:]]
        if rest:
            named = ", ".join(rest[:NAMED_REFUSALS]) + (", …" if len(rest) > NAMED_REFUSALS else "")
            lines.append("• " + self.tr("and %n more: {names}", "", len(rest)).format(names=named))
        advice = self.tr("Put that right, or leave them out of the selection (Ctrl+click), and mark again.")
        return "\n".join([head, *lines, advice])

    def _write_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        recording = self.status_label.text() == self.tr("Recording…")
        self.status_label.setText(self.tr("Nothing was recorded.") if recording else "")
        self.show_banner(problems(exc))

    def _ask_save_path(self, title: str, default: str, filters: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, title, default, filters)
        return path

    def _default_path(self, name: str) -> str:
        ws = self.session.workspace
        return str((ws.root if ws is not None else Path.home()) / name)

    def export_csv(self) -> None:
        """The whole log for the case as CSV (``campaign-app log export``)."""
        ws = self.session.workspace
        if ws is None or self.busy:
            return
        case = self._case_id()
        chosen = self.ask_save_path(
            self.tr("Export the contact log"),
            self._default_path(f"contact-log-{case or 'all'}.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".csv")

        def job() -> int:
            from campaign_app.core.campaign.workspace_files import refuse_campaign_file
            from campaign_app.core.outreach.export import export_log

            refuse_campaign_file(ws.root, target, "log.csv")
            with ws.read_log() as log:
                return export_log(log, target, case)

        def done(rows: int) -> None:
            self.set_busy(False)
            self.open_report_button.hide()
            self.status_label.setText(self.tr("Exported %n row(s) to {path}", "", rows).format(path=target))

        self.set_busy(True)
        self.status_label.setText(self.tr("Exporting…"))
        self.tasks.submit(job, done, self._write_failed)

    def write_report(self) -> None:
        """The coordinators' one-page PDF (``campaign-app log report``); then "Open report"."""
        ws = self.session.workspace
        if ws is None or self.busy:
            return
        chosen = self.ask_save_path(
            self.tr("Write the outreach report"),
            self._default_path(f"outreach-report-{self._case_id() or 'all'}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")

        def job() -> Path:
            from campaign_app.core.campaign.report import write_campaign_report

            write_campaign_report(ws, target)
            return target

        def done(path: Path) -> None:
            self.set_busy(False)
            self._last_report = path
            self.status_label.setText(self.tr("Wrote the report to {path}").format(path=path))
            self.open_report_button.show()

        self.set_busy(True)
        self.status_label.setText(self.tr("Writing the report…"))
        # reportlab: through the single writer thread, like every PDF the window writes.
        self.tasks.submit(job, done, self._write_failed, writes_documents=True)

    def open_report(self) -> None:
        if self._last_report is not None:
            self.open_url(QUrl.fromLocalFile(str(self._last_report)))

    def _case_id(self) -> str | None:
        ws = self.session.workspace
        try:
            return ws.case.id if ws is not None else None
        except (UserError, UserErrors):
            return None

    def open_send_dialog(self) -> None:
        from campaign_app.gui.outreach.send_dialog import SendDialog

        if self.session.workspace is None:
            return
        dialog = self.send_dialog
        if dialog is None or dialog.workspace is not self.session.workspace:
            if dialog is not None and dialog.running():
                dialog.show()
                dialog.raise_()
                return
            if dialog is not None:
                dialog.deleteLater()
            dialog = SendDialog(self.session, self.tasks, parent=self, open_settings=self._open_settings)
            dialog.sent.connect(self.reload)
            self.send_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def check_inbox(self) -> None:
        """Read the inbox off the UI thread (``campaign-app inbox sync``), with progress and Cancel."""
        from campaign_app.core.common.appstate import volunteer_name
        from campaign_app.gui.outreach.inbox_check import InboxCheck

        ws = self.session.workspace
        if ws is None or self.busy:
            return
        check = InboxCheck(ws, volunteer_name(), self)
        check.finished.connect(self._inbox_checked)
        self.inbox_check = check
        self.set_busy(True)
        self.status_label.setText(self.tr("Checking the inbox…"))
        self.inbox_note = ""
        self.show_banner("")
        check.start(self.tasks)

    def _inbox_checked(self, outcome: CheckOutcome) -> None:
        from campaign_app.gui.outreach.inbox_check import strangers_note, summary

        self.set_busy(False)
        if outcome.error is not None:
            self.status_label.setText(self.tr("The inbox was not read."))
            self.show_banner(problems(outcome.error))
            return
        if outcome.cancelled:
            self.status_label.setText(self.tr("Inbox check cancelled: what was recorded stays."))
        else:
            self.status_label.setText(summary(outcome.result))
            self.inbox_note = strangers_note(outcome.result)
            self.show_banner(self.inbox_note, error=False)
        self.reload()

    def _open_settings(self) -> None:
        window = self.window()
        select = getattr(window, "select_tab", None)
        if select is not None:
            select("settings")

    # ---- closing ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """The window is closing: a send in progress is cancelled (the message in flight finishes);
        listening to the team's log stops."""
        self.stop_watching()
        if self.send_dialog is not None:
            self.send_dialog.shutdown()
