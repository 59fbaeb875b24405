"""The Outreach tab's "Check inbox": the command line's ``inbox sync``, off the UI thread.

The same core function (``sync_inbox``, core/campaign/inbox_sync.py) runs on the task pool;
its progress comes back as queued signals to a progress dialog whose Cancel stops the
sync between chunks (what was recorded stays, the next check resumes there). The password
is read from the keyring off the UI thread too (a keyring may ask to be unlocked); when
none is stored it is asked for, used for this check only, and stored in the keyring once
the server has accepted it. With no secure keyring to keep it, the question says so (as
Settings does for the team's database password) and it is asked for at each check
(core/campaign/inbox_password.py). A password the server refuses (the one kept, gone stale
when the mailbox's password changed, or one just typed) is asked for again, the server's
refusal above the question; the one it takes replaces the kept one.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QLineEdit, QProgressDialog, QWidget

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import sentence


@dataclass
class CheckOutcome:
    """How a check ended: a result, a user-facing problem, or cancelled."""

    result: object | None = None  # SyncResult
    error: UserError | UserErrors | None = None
    cancelled: bool = False
    asked_password: bool = False


def summary(result) -> str:
    """One line for the status bar: what was recorded."""
    replied, automatic, bounced = (
        sum(1 for r in result.recorded if r.kind == k) for k in ("replied", "auto-reply", "bounced")
    )
    new = result.new_messages
    said = [
        text
        for n, text in (
            (
                replied,
                InboxCheck.tr("%n reply(-ies)", "", replied),  # type: ignore[arg-type]
            ),
            (
                automatic,
                InboxCheck.tr("%n automatic reply(-ies)", "", automatic),  # type: ignore[arg-type]
            ),
            (
                bounced,
                InboxCheck.tr("%n bounce(s)", "", bounced),  # type: ignore[arg-type]
            ),
        )
        if n
    ]
    read = InboxCheck.tr("%n new message(s)", "", new)  # type: ignore[arg-type]
    if said:
        return QCoreApplication.translate("InboxCheck", "Inbox checked: {read}; recorded {what}.").format(
            read=read, what=", ".join(said)
        )
    return QCoreApplication.translate("InboxCheck", "Inbox checked: {read}; nothing to record.").format(
        read=read
    )


def strangers_note(result) -> str:
    """The messages that speak of a letter from an address no letter went to, and the answers
    by their subject alone from an address several recipients share, one a line, each group
    under what to do with them; "" when there are none."""
    strangers, shared = result.strangers, result.shared
    parts = []
    if strangers:
        parts.append(
            InboxCheck.tr(
                "%n message(s) speak of a letter but come from an address no letter went to; nothing was "  # type: ignore[arg-type]
                "recorded. If one answers a letter, select its recipient and press Mark replied:",
                "",
                len(strangers),  # type: ignore[arg-type]
            )
        )
        for u in strangers:
            parts.append(f"{u.detail} ({u.template_id}{'; ' + u.recipient_id if u.recipient_id else ''})")
    if shared:
        parts.append(
            InboxCheck.tr(
                "%n message(s) answer a letter by the subject alone, from an address several recipients "  # type: ignore[arg-type]
                "share; nothing was recorded. If one answers one of them, select that recipient and press "
                "Mark replied:",
                "",
                len(shared),  # type: ignore[arg-type]
            )
        )
        parts += [f"{u.detail} ({u.template_id}: {', '.join(u.shared_by)})" for u in shared]
    return "\n".join(parts)


class InboxCheck(QObject):
    """One check of the inbox; every signal arrives on the UI thread."""

    progressed = Signal(int, int)  # messages read, of how many
    finished = Signal(object)  # CheckOutcome

    def __init__(self, workspace: Workspace, by: str, parent: QWidget):
        super().__init__(parent)
        self.workspace, self.by, self.parent_widget = workspace, by, parent
        self.cancel_event = threading.Event()
        self.running = False
        self.dialog: QProgressDialog | None = None
        self.unkept = ""  # why the password typed cannot be kept ("": a secure keyring keeps it)
        self.refusal = ""  # the server's refusal of the last password given ("": none)
        # Injectable: tests answer the password question without a dialog.
        self.ask_password = self._ask_password

    def start(self, tasks: TaskRunner) -> None:
        """Read the settings and the stored password off the UI thread, then check."""
        self.running = True
        self.tasks = tasks
        self._show_progress()
        tasks.submit(self._stored_password, self._with_password, self._failed)

    def cancel(self) -> None:
        self.cancel_event.set()

    # ---- steps -----------------------------------------------------------------------------

    def _stored_password(self) -> tuple[str | None, str]:
        """The password kept for the inbox (None: none), and why one typed could not be kept
        ("" when it can)."""
        from campaign_app.core.campaign.inbox_password import check_keyring_for_inbox
        from campaign_app.core.campaign.inbox_sync import inbox_settings
        from campaign_app.core.mail.secrets import get_password

        settings = inbox_settings(self.workspace)
        try:
            check_keyring_for_inbox()
        except UserError as exc:
            return None, exc.hint or exc.message
        return get_password(settings.username, settings.host), ""

    def _with_password(self, found: tuple[str | None, str]) -> None:
        stored, self.unkept = found
        asked = False
        password = stored
        if not password:
            password = self.ask_password(self._account())
            asked = True
            if not password:
                self._end(CheckOutcome(cancelled=True))
                return
        self._submit_sync(password, asked)

    def _account(self) -> str:
        """USER@HOST of the mailbox, as the password question names it."""
        settings = self.workspace.campaign.inbox
        return f"{settings.username}@{settings.host}" if settings else self.tr("the mailbox")

    def _submit_sync(self, password: str, asked: bool) -> None:
        self.tasks.submit(lambda: self._sync(password, asked), self._synced, self._failed)

    def _synced(self, outcome: CheckOutcome) -> None:
        """A refused password is asked for again (Cancel: the refusal is the outcome)."""
        from campaign_app.core.mail.inbox.refusal import LoginRefused

        if isinstance(outcome.error, LoginRefused):
            self.refusal = outcome.error.message
            password = self.ask_password(self._account())
            if password:
                self._submit_sync(password, True)
                return
        self._end(outcome)

    def _sync(self, password: str, asked: bool) -> CheckOutcome:
        from campaign_app.core.campaign.inbox_sync import Cancelled, inbox_settings, sync_inbox

        try:
            result = sync_inbox(
                self.workspace,
                password,
                by=self.by,
                progress=self.progressed.emit,  # queued: this object lives on the UI thread
                cancelled=self.cancel_event.is_set,
            )
        except Cancelled:
            return CheckOutcome(cancelled=True)
        except (UserError, UserErrors) as exc:
            return CheckOutcome(error=exc)
        if asked:  # the server took it: keep it where the next check finds it (if there is a keyring)
            from campaign_app.core.campaign.inbox_password import keep_inbox_password

            with contextlib.suppress(UserError):  # no keyring (the question said so): asked again next time
                keep_inbox_password(inbox_settings(self.workspace), password)
        return CheckOutcome(result=result, asked_password=asked)

    def password_question(self, who: str) -> str:
        """What the password dialog asks: whether the password will be kept tells the truth;
        after a refusal, the server's word on the password given comes first."""
        refused = sentence(self.refusal) + "\n\n" if self.refusal else ""
        if not self.unkept:
            return refused + self.tr(
                "Password for {account} (kept in the system keyring once it works):"
            ).format(account=who)
        return (
            refused
            + self.tr("No system keyring can keep the password here: {what}").format(what=self.unkept)
            + "\n\n"
            + self.tr("Password for {account}:").format(account=who)
        )

    def _ask_password(self, who: str) -> str:
        dialog = QInputDialog(self.parent_widget)
        dialog.setObjectName("inbox_password")
        dialog.setWindowTitle(self.tr("Check inbox"))
        dialog.setLabelText(self.password_question(who))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        label = dialog.findChild(QLabel)
        if label is not None:  # the keyring's word, longer in Ukrainian, wraps instead of widening it
            label.setWordWrap(True)
            dialog.setMinimumWidth(460)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.textValue() if ok else ""
        finally:
            dialog.deleteLater()

    # ---- the progress dialog ---------------------------------------------------------------

    def _show_progress(self) -> None:
        dialog = QProgressDialog(self.tr("Reading the inbox…"), self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setObjectName("inbox_progress")
        dialog.setWindowTitle(self.tr("Check inbox"))
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.progressed.connect(self._moved)
        self.dialog = dialog

    def _moved(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(
                self.tr("Read {done} of %n new message(s)…", "", total).format(done=QLocale().toString(done))
            )

    def _end(self, outcome: CheckOutcome) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError | UserErrors):
            self._end(CheckOutcome(error=exc))
            return
        self._end(CheckOutcome(cancelled=True))
        raise exc
