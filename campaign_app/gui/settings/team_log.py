"""The Settings tab's "Team's contact log" box: where the campaign keeps its log, and this
member's password for a team's database.

A volunteer joins a team by pasting the address the coordinator gave them (campaign.yaml's
``log_database``, saved with the rest of the form, checked by the same rules as the command
line: a password written into the address is refused without being shown again) and typing
their own database password once. "Check and keep" connects to the team's database with it,
off the UI thread, and keeps it in the system keyring only if the server took it, as
``campaign-app log password`` does (core/campaign/team_password.py). The password is typed
for the address in the field, saved or not: a volunteer can try it before saving.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from campaign_app.core.campaign.team_password import keep_member_password, team_location
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.outreach.location import EXAMPLE_URL, LogLocation
from campaign_app.gui import style
from campaign_app.gui.base_tab import error_label, show_error
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import problems


class TeamLogBox(QGroupBox):
    """The log's place (a field of the form) and the team password's "Check and keep"."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(self.tr("Team's contact log"), parent)
        self.tasks = tasks
        self._busy = False
        self._asked = 0  # which check a result answers: a newer address or campaign drops it
        self._no_keyring = False  # no secure keyring here: the password cannot be kept
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Empty: the log is campaign.db in the campaign folder. A team shares one log on "
                "PostgreSQL: paste the address your coordinator gave you."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(note)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("log_database")
        self.address_edit.setPlaceholderText(EXAMPLE_URL)
        self.address_edit.setAccessibleName(self.tr("Team's database address"))
        label = QLabel(self.tr("Database address:"))
        label.setBuddy(self.address_edit)
        layout.addWidget(label)
        layout.addWidget(self.address_edit)
        self.error_label = error_label("log_database_error")
        layout.addWidget(self.error_label)

        row = QHBoxLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("your own database password"))
        self.password_edit.setAccessibleName(self.tr("Team database password"))
        password_label = QLabel(self.tr("Password:"))
        password_label.setBuddy(self.password_edit)
        self.keep_button = QPushButton(self.tr("Check and keep"))
        self.keep_button.setToolTip(
            self.tr("Connect to the team's database with this password, then keep it in the system keyring")
        )
        row.addWidget(password_label)
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.keep_button)
        layout.addLayout(row)
        self.password_error = error_label("team_password_error")
        layout.addWidget(self.password_error)
        self.state_label = QLabel()
        self.state_label.setObjectName("team_password_state")
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet(style.MUTED_STYLE)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state_label)

        self.address_edit.textEdited.connect(self._forget_check)
        self.address_edit.textChanged.connect(self.update_controls)
        self.password_edit.textChanged.connect(self.update_controls)
        self.password_edit.returnPressed.connect(self.keep_password)
        self.keep_button.clicked.connect(self.keep_password)
        self.update_controls()

    def address(self) -> str:
        return self.address_edit.text().strip()

    def set_address(self, text: str) -> None:
        """Show a campaign's address (loaded, reverted): anything typed for the last one goes."""
        self.address_edit.setText(text)
        self.password_edit.clear()  # never offered to another campaign's server
        self._forget_check()

    def set_keyring(self, available: bool) -> None:
        """Whether a secure keyring can keep the password (the Settings tab looks it up)."""
        self._no_keyring = not available
        self.update_controls()

    def _forget_check(self, *_args) -> None:
        """The address changed: a check under way, or its result, is about another one."""
        self._asked += 1
        self._busy = False
        self.state_label.clear()
        show_error(self.password_error, None)
        self.update_controls()

    def location(self) -> LogLocation | None:
        """The team's log named in the field (None: empty or not a usable address)."""
        try:
            return team_location(self.address())
        except UserError:
            return None

    def check_address(self, text: str) -> None:
        """The field's problem as a UserError (the form's check), the URL never repeated."""
        team_location(text)

    def update_controls(self, *_args) -> None:
        location = self.location()
        usable = location is not None and not self._no_keyring
        self.password_edit.setEnabled(usable and not self._busy)
        self.keep_button.setEnabled(usable and bool(self.password_edit.text()) and not self._busy)
        if self._busy or (self.state_label.text() and location is not None and not self._no_keyring):
            return  # "Connecting…", or what the last check said about this address
        if location is None:
            text = self.tr("No database password: the log is on this computer.") if not self.address() else ""
        elif self._no_keyring:
            text = self.tr("No system keyring can keep the password here: {what}").format(
                what=location.password_file_hint()
            )
        else:
            text = ""
        self.state_label.setText(text)

    def keep_password(self) -> None:
        """Try the typed password on the team's database off the UI thread; keep it if taken."""
        location = self.location()
        password = self.password_edit.text()
        if location is None or not password or self._busy:
            return
        self._busy = True
        asked = self._asked
        self.state_label.setText(self.tr("Connecting to {server}…").format(server=location.host))
        show_error(self.password_error, None)
        self.update_controls()
        # Not waited for when the window closes (the server may not answer for the whole
        # connect timeout): it then keeps nothing (core/common/abandoning.py).
        self.tasks.submit_abandonable(
            lambda abandonable: keep_member_password(location, password, abandonable),
            lambda still: self._done(asked, location, None, still),
            lambda exc: self._done(asked, location, exc),
            name="team password check",
        )

    def _done(self, asked: int, location: LogLocation, exc: BaseException | None, still: str = "") -> None:
        if asked != self._asked:
            return  # about an address no longer in the field (or another campaign's)
        self._busy = False
        if exc is not None and not isinstance(exc, UserError | UserErrors):
            self.update_controls()
            raise exc  # not a refusal the user can act on: a bug
        show_error(self.password_error, problems(exc) if exc is not None else None)
        if exc is None:
            self.password_edit.clear()
            took = self.tr("The server took the password of {user}; it is kept in the system keyring.")
            self.state_label.setText(
                took.format(user=location.keyring_user) + (f"\n{still}" if still else "")
            )
        else:
            self.state_label.clear()
        self.update_controls()
