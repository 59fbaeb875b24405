"""The Settings tab's building blocks and its right-hand column.

A field comes with its own message line (the command line's words when it is wrong); the
forms align their labels alike. The right-hand column: who is working (kept on this computer),
the letters' paper, follow-up period and default language, the mail server, and the SMTP
password (never in campaign.yaml: it goes to the system keyring). Widgets only: what they do
is ``form.py``'s, ``keyring.py``'s and ``tab.py``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.common.appstate import AppState
from campaign_app.core.common.limits import FOLLOW_UP_DAYS_MAX
from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab, error_label
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner

SECURITY_CHOICES = (("STARTTLS (usually port 587)", "starttls"), ("SSL/TLS (usually port 465)", "ssl"))
PAPER_CHOICES = (("A4", "A4"), ("US Letter", "Letter"))


def _account_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "your computer account's name"


def language_title(code: str) -> str:
    """ "Ukrainian (uk)" for a column header; the bare code if Qt does not know it."""
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return f"{QLocale.languageToString(locale.language())} ({code})"


class SettingsFieldWidgets(BaseTab):
    """Fields with their message lines; the right-hand column's groups."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.error_labels: dict[str, QLabel] = {}
        self.line_edits: list[QLineEdit] = []  # every one-line field of campaign.yaml

    def _error_label(self, key: str) -> QLabel:
        label = error_label(f"{key}_error")
        self.error_labels[key] = label
        return label

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        """The field with its own message line below it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(key))
        return box

    def _line_edit(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.line_edits.append(edit)
        return edit

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        return form

    def _row(self, form: QFormLayout, text: str, widget: QWidget, field: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(field or widget)
        form.addRow(label, widget)

    def _build_volunteer(self) -> QGroupBox:
        """Who is working: per person, so kept in this computer's app settings (AppState),
        not in campaign.yaml, which the whole campaign shares."""
        group = QGroupBox("You")
        layout = QVBoxLayout(group)
        form = self._form()
        self.volunteer_edit = QLineEdit(AppState.load().volunteer_name)
        self.volunteer_edit.setObjectName("volunteer_name")
        self.volunteer_edit.setPlaceholderText(f"e.g. Anna K. (if empty: {_account_name()})")
        self.volunteer_edit.setToolTip(
            "Recorded with every letter you generate, send or mark, so a coordinator knows who did what"
        )
        self._row(form, "Your name:", self.volunteer_edit)
        layout.addLayout(form)
        note = QLabel("Recorded in the contact log. Kept on this computer, not in campaign.yaml.")
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(note)
        return group

    def _build_letters(self) -> QGroupBox:
        group = QGroupBox("Letters")
        form = self._form()
        self.paper_combo = QComboBox()
        for title, value in PAPER_CHOICES:
            self.paper_combo.addItem(title, value)
        self.follow_up_spin = QSpinBox()
        self.follow_up_spin.setRange(1, FOLLOW_UP_DAYS_MAX)
        self.follow_up_spin.setSuffix(" days")
        self.follow_up_spin.setToolTip(
            "A contact without a reply is due for a follow-up after this many days"
        )
        self.language_combo = QComboBox()
        self.language_combo.setToolTip("Used for any text that has no version in a letter's language")
        self._row(form, "Paper si&ze:", self.paper_combo)
        self._row(form, "Fo&llow up after:", self.follow_up_spin)
        self._row(form, "Default lan&guage:", self.language_combo)
        group.setLayout(form)
        return group

    def _build_smtp(self) -> QGroupBox:
        group = QGroupBox("Sending e-mail (SMTP)")
        layout = QVBoxLayout(group)
        note = QLabel("Letters are sent over TLS only (STARTTLS or SSL/TLS), never in plain text.")
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(note)
        form = self._form()
        self.host_edit = self._line_edit("smtp.example.org")
        self.security_combo = QComboBox()
        for title, value in SECURITY_CHOICES:
            self.security_combo.addItem(title, value)
        self.port_edit = self._line_edit()
        self.port_edit.setMaximumWidth(200)
        self.username_edit = self._line_edit("usually your e-mail address")
        self.from_edit = self._line_edit("the address letters are sent from")
        self.reply_to_edit = self._line_edit("optional")
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(1, 600)
        self.rate_spin.setSuffix(" e-mails per minute")
        self.rate_spin.setToolTip("Sending slowly keeps the provider from taking the account for a spammer")
        self._row(form, "Server (hos&t):", self._with_error(self.host_edit, "host"), self.host_edit)
        self._row(form, "Security:", self.security_combo)
        self._row(form, "Port:", self._with_error(self.port_edit, "port"), self.port_edit)
        self._row(form, "&User name:", self.username_edit)
        self._row(form, "Fro&m:", self._with_error(self.from_edit, "from"), self.from_edit)
        self._row(form, "Reply-to:", self._with_error(self.reply_to_edit, "reply_to"), self.reply_to_edit)
        self._row(form, "Send at most:", self.rate_spin)
        layout.addLayout(form)
        return group

    def _build_password(self) -> QGroupBox:
        group = QGroupBox("SMTP password")
        layout = QVBoxLayout(group)
        top = QHBoxLayout()
        self.keyring_label = QLabel("Keyring in use: checking…")
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton("Check again")
        self.check_button.setToolTip("Look at the system keyring again (after unlocking it, for example)")
        top.addWidget(self.keyring_label, 1)
        top.addWidget(self.check_button)
        layout.addLayout(top)

        self.keyring_warning = QFrame()
        self.keyring_warning.setObjectName("keyringWarning")
        self.keyring_warning.setStyleSheet(
            style.box_style("#keyringWarning", style.WARNING_BOX, padding=False)
        )
        warning_layout = QVBoxLayout(self.keyring_warning)
        warning_layout.setContentsMargins(8, 6, 8, 6)
        self.keyring_message = QLabel()
        self.keyring_message.setWordWrap(True)
        warning_layout.addWidget(self.keyring_message)
        self.keyring_warning.hide()
        layout.addWidget(self.keyring_warning)

        row = QHBoxLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("to store in the keyring")
        self.password_edit.setAccessibleName("SMTP password")
        label = QLabel("Pass&word:")
        label.setBuddy(self.password_edit)
        self.store_button = QPushButton("Store in &keyring")
        self.forget_button = QPushButton("Forget")
        self.forget_button.setToolTip("Remove this account's password from the keyring")
        row.addWidget(label)
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.store_button)
        row.addWidget(self.forget_button)
        layout.addLayout(row)
        layout.addWidget(self._error_label("password"))
        self.password_state = QLabel()
        self.password_state.setWordWrap(True)
        self.password_state.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(self.password_state)
        self.ask_check = QCheckBox("Ask for the password each time I se&nd (never store it)")
        self.ask_check.setToolTip("Saved in campaign.yaml as 'password: ask': a choice, not a password")
        layout.addWidget(self.ask_check)
        return group
