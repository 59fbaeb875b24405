"""The SMTP password in the Settings tab: the one thing never in campaign.yaml.

It is typed into a password field and handed straight to the system keyring
(campaign_app.core.mail.secrets), off the UI thread because a keyring may stop to ask the
user to unlock it. The keyring is looked at only when the user comes to the tab, and again
after a pause in typing the server or the user name. When there is no secure keyring the tab
says so, and "Ask for the password each time" is the way to send (saved in campaign.yaml as
``smtp: password: ask``, a choice, not a password).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.mail.secrets import (
    KeyringStatus,
    delete_password,
    get_password,
    keyring_status,
    store_password,
)
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.settings.widgets import SettingsWidgets
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import problems

LOOKUP_DELAY_MS = 400  # after typing the server or the user name


class SettingsKeyring(SettingsWidgets):
    """The Settings tab's widgets, with the password box talking to the system keyring."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._keyring: KeyringStatus | None = None
        self._keyring_busy = False
        self._password_stored: bool | None = None
        self._shown_once = False
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.check_keyring)

    def _current_problems(self) -> dict[str, str]:
        """The fields that are wrong now (the form's own check: ``form.SettingsForm``)."""
        raise NotImplementedError

    def hideEvent(self, event) -> None:
        self._lookup_timer.stop()
        super().hideEvent(event)

    def _account(self) -> tuple[str, str]:
        return self.username_edit.text().strip(), self.host_edit.text().strip()

    def _schedule_lookup(self) -> None:
        self._password_stored = None
        self._update_password_controls()
        if self._keyring is not None and self._keyring.available:
            self._lookup_timer.start()

    def check_keyring(self) -> None:
        """Ask, off the UI thread, whether a secure keyring answers and holds this account's password."""
        if self._keyring_busy:
            self._lookup_timer.start()  # look again when the current check is back
            return
        username, host = self._account()
        generation = self.requests.value  # dropped if another campaign is opened meanwhile

        def look() -> tuple[KeyringStatus, bool | None, str]:
            status = keyring_status()
            if not (status.available and username and host):
                return status, None, ""
            try:
                return status, get_password(username, host) is not None, ""
            except UserError as exc:
                return status, None, str(exc)

        self._keyring_busy = True
        self.check_button.setEnabled(False)
        self.tasks.submit(
            look,
            lambda result: self._on_keyring(generation, (username, host), result),
            self._on_keyring_failed,
        )

    def _on_keyring_failed(self, exc: BaseException) -> None:
        self._keyring_busy = False
        self.check_button.setEnabled(True)
        raise exc  # not a keyring's known failure (those come back as a status): a bug

    def _on_keyring(self, generation: int, account: tuple[str, str], result) -> None:
        self._keyring_busy = False
        self.check_button.setEnabled(True)
        if not self.requests.is_current(generation):
            return
        status, stored, problem = result
        self._keyring = status
        self.team_box.set_keyring(status.available)  # the team's database password: the same keyring
        self._password_stored = stored if account == self._account() else None
        used = self.tr("none") if status.state == "none" else status.backend
        not_usable = (
            ""
            if status.available or status.state == "none"
            else self.tr(" ({state}: not used)").format(state=status.state)
        )
        self.keyring_label.setText(self.tr("Keyring in use: {keyring}").format(keyring=used) + not_usable)
        self.keyring_message.setText(status.message)
        self.keyring_warning.setVisible(not status.available)
        self._show_password_error(problem)
        self._update_password_controls()

    def _show_password_error(self, text: str) -> None:
        label = self.error_labels["password"]
        label.setText(text)
        label.setVisible(bool(text))

    def _update_password_controls(self, *_args) -> None:
        status = self._keyring
        available = status is not None and status.available
        ask = self.ask_check.isChecked()
        username, host = self._account()
        account_ok = bool(username and host) and "host" not in self._current_problems()
        self.password_edit.setEnabled(available and not ask)
        self.store_button.setEnabled(
            available
            and not ask
            and account_ok
            and bool(self.password_edit.text())
            and not self._keyring_busy
        )
        self.forget_button.setEnabled(available and account_ok and bool(self._password_stored))
        if status is None:
            text = self.tr("Looking at the system keyring…")
        elif ask:
            text = self.tr("The password will be asked for each time you send, and never saved.")
        elif not available:
            text = self.tr("Nothing is stored: the password will be asked for each time you send.")
        elif not account_ok:
            text = self.tr("Enter the server and the user name to store a password for that account.")
        elif self._password_stored:
            text = self.tr("A password for {account} is stored in the keyring.").format(
                account=f"{username}@{host}"
            )
        elif self._password_stored is None:
            text = ""
        else:
            text = self.tr("No password is stored for {account} yet.").format(account=f"{username}@{host}")
        self.password_state.setText(text)

    def store_password(self) -> None:
        """Hand the typed password to the keyring (off the UI thread); the field is then emptied."""
        if not self.store_button.isEnabled():
            return
        username, host = self._account()
        password = self.password_edit.text()
        self._keyring_busy = True
        self._update_password_controls()
        self.tasks.submit(
            lambda: store_password(username, host, password),
            lambda _none: self._on_password_done(True, self.tr("Stored in the keyring.")),
            self._on_password_failed,
        )

    def forget_password(self) -> None:
        username, host = self._account()
        self._keyring_busy = True
        self.forget_button.setEnabled(False)
        self.tasks.submit(
            lambda: delete_password(username, host),
            lambda _deleted: self._on_password_done(False, self.tr("Removed from the keyring.")),
            self._on_password_failed,
        )

    def _on_password_done(self, stored: bool, message: str) -> None:
        self._keyring_busy = False
        self._password_stored = stored
        if stored:
            self.password_edit.clear()
        self._show_password_error("")
        self._update_password_controls()
        self.status_label.setText(message)

    def _on_password_failed(self, exc: BaseException) -> None:
        self._keyring_busy = False
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._show_password_error(problems(exc))
        self._update_password_controls()
