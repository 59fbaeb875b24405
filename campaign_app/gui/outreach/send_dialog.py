"""The send dialog: e-mail a template's letters, after seeing exactly what will go out.

What ``campaign-app send`` does, with the same safeguards: the plan first (how many letters
go out, from which address, through which server; how many were already sent, how many are
uncertain and are not sent again unless asked; who has no e-mail address and needs the
letter by post or web form), a preview of the first messages built exactly as they will be
sent, an .eml dry run of all of them, then Send, which asks for confirmation and the
password (from the system keyring, else typed in and never stored). Sending runs off the
UI thread (send_worker.SendRun) with a progress bar, the current recipient and the time
taken; Cancel lets the message being sent finish. The summary lists every letter with
what happened to it, in the core's words (``sending.OUTCOMES``), and a problem that stopped
the whole batch (a wrong password, an unreachable server) is said on its own line.

The dialog is not modal: a volunteer can keep working in the window while letters go out
at the provider's pace. Closing it while sending asks to cancel first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from campaign_app.core.campaign.send import SendProgress
from campaign_app.core.campaign.send_plan import SendPlan
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui import style
from campaign_app.gui.base_tab import Generation
from campaign_app.gui.outreach.send_layout import SendDialogLayout
from campaign_app.gui.outreach.send_plan import PlanAnswer, fill_templates, plan_for, plan_text, send_question
from campaign_app.gui.outreach.send_worker import SendOutcome, SendRun, build_preview
from campaign_app.gui.session import WorkspaceSession, log_on_a_server
from campaign_app.gui.sizing import fit_to_screen
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import clock, problems

PLAN_DELAY_MS = 300
PAGE_EMPTY, PAGE_PREVIEW, PAGE_PROGRESS, PAGE_SUMMARY = range(4)


class SendDialog(SendDialogLayout):
    """Plan, preview, dry run and send one template's letters."""

    sent = Signal()  # a run ended: the contact log changed

    def __init__(
        self,
        session: WorkspaceSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_settings: Callable[[], None] | None = None,
        open_url: Callable[[QUrl], bool] | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.workspace = session.workspace
        self.tasks = tasks
        self.open_settings = open_settings
        # Injectable so tests answer without a modal box, and open no file manager.
        self.open_url: Callable[[QUrl], bool] = open_url or QDesktopServices.openUrl
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.ask_password: Callable[[str], str | None] = self._ask_password
        self.plan: SendPlan | None = None
        self._blocked = False  # the plan may be previewed and written, not sent (PlanAnswer)
        self._run: SendRun | None = None
        self._last_outcome: SendOutcome | None = None
        self._plans = Generation()  # a plan or preview made for an earlier choice is dropped
        self._planning = self._previewing = self._close_when_done = False
        self.setWindowTitle(self.tr("Send letters by e-mail"))
        self.setModal(False)
        fit_to_screen(self, 980, 700)
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(PLAN_DELAY_MS)
        self._plan_timer.timeout.connect(self.replan)
        self._clock = QTimer(self)
        self._clock.setInterval(500)
        self._clock.timeout.connect(self._tick)
        self._connect()
        self._load_templates()
        self.replan()

    def _connect(self) -> None:
        self.template_combo.currentIndexChanged.connect(lambda _i: self.replan())
        self.query_edit.textChanged.connect(lambda _t: self._plan_timer.start())
        self.query_edit.returnPressed.connect(self.replan)
        for check in (self.docx_check, self.resend_check, self.printed_check):
            check.toggled.connect(lambda _c: self.replan())
        self.settings_button.clicked.connect(self._go_to_settings)
        self.preview_button.clicked.connect(self.preview)
        self.eml_button.clicked.connect(lambda: self.start(dry_run=True))
        self.send_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

    # ---- the plan ------------------------------------------------------------------------

    def _load_templates(self) -> None:
        fill_templates(self.template_combo, self.workspace)

    def template_id(self) -> str | None:
        return self.template_combo.currentData()

    def replan(self) -> None:
        """Work out who gets the letter now (off the UI thread); stale answers are dropped."""
        self._plan_timer.stop()
        if self.running():
            return
        generation = self._plans.next()
        ws, tid = self.workspace, self.template_id()
        self.plan, self._blocked = None, False
        self.settings_button.hide()
        if ws is None or tid is None:
            self._show_plan_problem(
                self.tr("This campaign has no letter templates yet: write one in the Compose tab.")
            )
            return
        self._planning = True
        self.plan_label.setStyleSheet("")
        self.plan_label.setText(self.tr("Working out who gets this letter…"))
        self._update_buttons()
        # a team's log, on a server that may not answer: closing does not wait (the plan writes nothing)
        job, ws = self._plan_job(), self.workspace  # a campaign is open (the job asserts so)
        self.tasks.submit_read(
            job,
            lambda a: self._planned(generation, a),
            self._task_failed,
            only_waits=ws is not None and log_on_a_server(ws),
        )

    def _plan_job(self) -> Callable[[], PlanAnswer]:
        """The plan for the choices now in the form, to run off the UI thread."""
        ws, tid, query = self.workspace, self.template_id(), self.query_edit.text().strip() or None
        assert ws is not None and tid is not None, "planned only with a campaign and a template (replan)"
        checks = (self.docx_check.isChecked(), self.resend_check.isChecked(), self.printed_check.isChecked())
        return lambda: plan_for(ws, tid, query, *checks)

    def _planned(self, generation: int, answer: PlanAnswer) -> None:
        if not self._plans.is_current(generation):
            return
        self._planning = False
        if answer.plan is None:
            assert answer.error is not None
            self._show_plan_problem(problems(answer.error))
            return
        self.plan, self._blocked = answer.plan, bool(answer.blocked)
        if answer.blocked and answer.plan.to_send:  # said first, with what could go, were it allowed
            self._show_plan_problem(answer.blocked + "\n\n" + plan_text(answer.plan), answer.to_settings)
        else:
            self.plan_label.setStyleSheet("")
            self.plan_label.setText(plan_text(answer.plan))
        self._update_buttons()

    def _show_plan_problem(self, text: str, settings: bool = False) -> None:
        self._planning = False
        self.plan_label.setStyleSheet(style.error_style(self.palette()))
        self.plan_label.setText(text)
        self.settings_button.setVisible(settings and self.open_settings is not None)
        self._update_buttons()

    def _go_to_settings(self) -> None:
        if self.open_settings is not None:
            self.open_settings()
        self.reject()

    def running(self) -> bool:
        return self._run is not None and self._run.running

    def _update_buttons(self) -> None:
        running = self.running()
        ready = self.plan is not None and not self._planning and not running
        has_letters = ready and bool(self.plan.to_send)  # type: ignore[union-attr]
        self.form_box.setEnabled(not running)
        self.preview_button.setEnabled(has_letters and not self._previewing)
        self.eml_button.setEnabled(has_letters and not self._previewing)
        self.send_button.setEnabled(has_letters and not self._previewing and not self._blocked)
        self.cancel_button.setEnabled(running and not self._run.cancelling)  # type: ignore[union-attr]

    # ---- preview ---------------------------------------------------------------------------

    def preview(self) -> None:
        """Build the first messages (off the UI thread: their letters may need writing)."""
        plan, ws = self.plan, self.workspace
        if plan is None or ws is None or self.running() or self._previewing:
            return
        self._previewing = True
        self._update_buttons()
        self.message_preview.show_note(self.tr("Building the first messages…"))
        self.stack.setCurrentIndex(PAGE_PREVIEW)
        generation = self._plans.value
        self.tasks.submit(
            lambda: _as_result(lambda: build_preview(ws, plan)),
            lambda answer: self._previewed(generation, answer),
            self._task_failed,
            writes_documents=True,
        )

    def _previewed(self, generation: int, answer) -> None:
        self._previewing = False
        self._update_buttons()
        if not self._plans.is_current(generation):
            return
        if isinstance(answer, UserError | UserErrors):
            self.message_preview.show_note(self.tr("The messages cannot be built:") + f"\n{problems(answer)}")
            return
        self.message_preview.show_previews(answer)

    def preview_text(self) -> str:
        return self.message_preview.text()

    # ---- sending -----------------------------------------------------------------------------

    def start(self, dry_run: bool) -> None:
        """Dry run (.eml files) at once; a real send after confirmation and the password."""
        plan = self.plan
        if plan is None or not plan.to_send or self.running() or self.workspace is None:
            return
        if dry_run:
            self._launch(None, dry_run=True)
            return
        from campaign_app.core.campaign.send_plan import check_can_send

        try:  # as `campaign-app send`: refused before any question, so no password is asked for
            check_can_send(self.workspace)
        except (UserError, UserErrors) as exc:
            self._show_summary_problem(problems(exc))
            return
        s = plan.settings
        assert s is not None, "the window plans real sends: plan_send required a mail server"
        if not self.confirm(self.tr("Send letters"), send_question(plan)):
            return
        if not s.username:
            self._launch(None, dry_run=False)
        elif s.ask_password:
            self._prompt_password(plan)
        else:
            self.send_button.setEnabled(False)
            username, host = s.username, s.host
            self.tasks.submit(
                lambda: _as_result(lambda: _stored_password(username, host)),
                lambda answer: self._got_password(plan, answer),
                self._task_failed,
            )

    def _got_password(self, plan: SendPlan, answer) -> None:
        if plan is not self.plan:
            self._update_buttons()
            return
        if isinstance(answer, UserError | UserErrors):  # a locked keyring: not a wrong password
            self._show_summary_problem(
                self.tr("The password could not be read from the keyring.") + f"\n{problems(answer)}"
            )
            self._update_buttons()
            return
        if answer:
            self._launch(answer, dry_run=False)
        else:
            self._prompt_password(plan)

    def _prompt_password(self, plan: SendPlan) -> None:
        s = plan.settings
        assert s is not None, "the window plans real sends: plan_send required a mail server"
        password = self.ask_password(
            self.tr("Password for {user} on {server}\n(not stored):").format(user=s.username, server=s.host)
        )
        if password:
            self._launch(password, dry_run=False)
        else:
            self._update_buttons()

    def _launch(self, password: str | None, dry_run: bool) -> None:
        from campaign_app.core.common.appstate import volunteer_name

        plan, ws = self.plan, self.workspace
        assert plan is not None and ws is not None
        run = SendRun(ws, plan, password, dry_run, volunteer_name(), self, replan=self._plan_job())
        run.preparing.connect(self._on_preparing)
        run.progressed.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        run.crashed.connect(self._on_crashed)
        self._run = run
        self.stack.setCurrentIndex(PAGE_PROGRESS)
        self.progress_bar.setRange(0, 0)
        self.elapsed_label.setText("0:00")
        self._clock.start()
        run.start(self.tasks)
        self._update_buttons()
        self.cancel_button.setFocus()

    def _on_preparing(self, count: int) -> None:
        self.progress_label.setText(
            self.tr("Checking the %n letter(s) to attach (writing any missing)…", "", count)
        )

    def _on_progress(self, p: SendProgress) -> None:
        run = self._run
        if run is None or self.sender() is not run or p.total == 0:
            return
        self.progress_bar.setRange(0, p.total)
        self.progress_bar.setValue(p.done)
        text = self.tr("{done} of %n message(s)", "", p.total).format(done=p.done)
        if p.failed:
            text += self.tr(" · {failed} failed").format(failed=p.failed)
        if run.cancelling:
            text += self.tr(" · cancelling: the message being sent finishes…")
        elif p.current:
            doing = self.tr(" · Writing to {name}…") if run.dry_run else self.tr(" · Sending to {name}…")
            text += doing.format(name=p.current)
        self.progress_label.setText(text)

    def _tick(self) -> None:
        if self._run is not None and self._run.running:
            self.elapsed_label.setText(clock(self._run.elapsed()))

    def cancel(self) -> None:
        run = self._run
        if run is None or not run.running or run.cancelling:
            return
        run.cancel()
        self.progress_label.setText(
            self.tr("Cancelling: the message being sent finishes, the rest are not sent…")
        )
        self._update_buttons()

    def _on_finished(self, outcome: SendOutcome) -> None:
        run = self._run
        self._run = None
        self._clock.stop()
        if run is not None:
            run.deleteLater()
        self._last_outcome = outcome
        self._show_summary(outcome)
        if self._close_when_done:
            self._close_when_done = False
            QTimer.singleShot(0, self.reject)
        elif outcome.next_plan is not None:  # "already sent" now counts what just went out
            self._planned(self._plans.next(), outcome.next_plan)
        else:
            self.replan()
        self._update_buttons()
        self.sent.emit()

    def _on_crashed(self, exc: BaseException) -> None:
        run = self._run
        self._run = None
        self._clock.stop()
        if run is not None:
            run.deleteLater()
        self.stack.setCurrentIndex(PAGE_EMPTY)
        self._update_buttons()
        raise exc  # a bug, not a user mistake: the crash handler shows it and logs it

    def _task_failed(self, exc: BaseException) -> None:
        self._planning = self._previewing = False
        self._update_buttons()
        raise exc

    # ---- the summary ---------------------------------------------------------------------------

    def _show_summary_problem(self, text: str) -> None:
        self.stack.setCurrentIndex(PAGE_SUMMARY)
        self.summary_page.show_problem(text)

    def _show_summary(self, outcome: SendOutcome) -> None:
        result = outcome.result
        if outcome.error is not None or result is None:
            self._show_summary_problem(problems(outcome.error) if outcome.error else "")
            return
        self.stack.setCurrentIndex(PAGE_SUMMARY)
        total, plan = len(outcome.plan.to_send), outcome.plan
        done = result.count("written") if outcome.dry_run else result.count("sent")
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done if total else 1)
        self.summary_page.by_command_line(self.workspace.root if self.workspace else None, plan.template_id)
        self.summary_page.show_result(result, total, outcome.dry_run, self._shown(plan.out_dir))

    def summary_rows(self) -> list[tuple[str, ...]]:
        return self.summary_page.rows()

    def _shown(self, path: Path) -> str:
        ws = self.workspace
        try:
            return path.relative_to(ws.root).as_posix() if ws is not None else str(path)
        except ValueError:
            return str(path)

    def open_folder(self) -> None:
        outcome = self._last_outcome
        if outcome is None:
            return
        folder = outcome.plan.out_dir / outcome.plan.template_id
        self.open_url(QUrl.fromLocalFile(str(folder if folder.is_dir() else outcome.plan.out_dir)))

    # ---- showing, closing ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.running():
            self._load_templates()  # the Compose or Settings tab may have changed them
            self.replan()

    def reject(self) -> None:
        """Close, Esc and the title bar's close: while sending, ask to cancel first; the dialog
        then closes once the message being sent has finished."""
        if self.running():
            if self._close_when_done:
                return
            stop = self.confirm(
                self.tr("Stop sending?"),
                self.tr(
                    "Letters are still being sent. Stop now? The message being sent finishes; "
                    "the rest are not sent and can be sent later."
                ),
            )
            if stop:
                self._close_when_done = True
                self.cancel()
            return
        super().reject()

    def shutdown(self) -> None:
        """The window is closing: cancel and wait, so no worker outlives it."""
        self._plan_timer.stop()
        self._clock.stop()
        if self._run is not None and self._run.running:
            self._run.cancel()
            self.tasks.writer_pool.waitForDone()
            self.tasks.pool.waitForDone()


def _stored_password(username: str, host: str) -> str | None:
    """The keyring's password, read on the task pool: importing the keyring on the UI thread
    froze the window for 70-150 ms when Send was clicked."""
    from campaign_app.core.mail.secrets import get_password

    return get_password(username, host)


def _as_result(fn):
    """Run ``fn``; a user mistake comes back as the value (shown in the dialog), a bug raises."""
    try:
        return fn()
    except (UserError, UserErrors) as exc:
        return exc
