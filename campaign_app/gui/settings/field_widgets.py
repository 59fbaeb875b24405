"""The Settings tab's building blocks and its right-hand column.

A field comes with its own message line (the command line's words when it is wrong); the
forms align their labels alike. The right-hand column: who is working (kept on this computer),
the letters' paper, follow-up period and default language, the mail server, and the SMTP
password (never in campaign.yaml: it goes to the system keyring). Widgets only: what they do
is ``form.py``'s, ``keyring.py``'s and ``tab.py``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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
from campaign_app.core.common.ui_language import UI_LANGUAGE_NAMES, UI_LANGUAGES, chosen_language
from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab, error_label
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import language_name
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

SECURITY_CHOICES = (
    (QT_TRANSLATE_NOOP("SettingsFieldWidgets", "STARTTLS (usually port 587)"), "starttls"),
    (QT_TRANSLATE_NOOP("SettingsFieldWidgets", "SSL/TLS (usually port 465)"), "ssl"),
)
PAPER_CHOICES = (("A4", "A4"), (QT_TRANSLATE_NOOP("SettingsFieldWidgets", "US Letter"), "Letter"))


def _account_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return QCoreApplication.translate("SettingsFieldWidgets", "your computer account's name")


def language_title(code: str) -> str:
    """ "Ukrainian (uk)" for a column header, in the interface language; the bare code if unknown."""
    return language_name(code)


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
        group = QGroupBox(self.tr("You"))
        layout = QVBoxLayout(group)
        form = self._form()
        self.volunteer_edit = QLineEdit(AppState.load().volunteer_name)
        self.volunteer_edit.setObjectName("volunteer_name")
        self.volunteer_edit.setPlaceholderText(
            self.tr("e.g. Anna K. (if empty: {name})").format(name=_account_name())
        )
        self.volunteer_edit.setToolTip(
            self.tr(
                "Recorded with every letter you generate, send or mark, so a coordinator knows who did what"
            )
        )
        self._row(form, self.tr("Your name:"), self.volunteer_edit)
        layout.addLayout(form)
        note = QLabel(self.tr("Recorded in the contact log. Kept on this computer, not in campaign.yaml."))
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(note)
        layout.addLayout(self._build_interface_language())
        return group

    def _build_interface_language(self) -> QFormLayout:
        """The window's own language (each named in itself), kept on this computer like the name."""
        form = self._form()
        self.interface_language_combo = QComboBox()
        self.interface_language_combo.setObjectName("interface_language")
        self.interface_language_combo.addItem(self.tr("Follow the system"), "")
        for code in UI_LANGUAGES:
            self.interface_language_combo.addItem(UI_LANGUAGE_NAMES[code], code)
        self.interface_language_combo.setCurrentIndex(
            max(self.interface_language_combo.findData(chosen_language()), 0)
        )
        self._row(form, self.tr("Window language:"), self.interface_language_combo)
        note = QLabel(self.tr("The window speaks the language chosen here from its next start."))
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        form.addRow("", note)
        return form

    def _build_letters(self) -> QGroupBox:
        group = QGroupBox(self.tr("Letters"))
        form = self._form()
        self.paper_combo = QComboBox()
        for title, value in PAPER_CHOICES:
            self.paper_combo.addItem(self.tr(title), value)
        self.follow_up_spin = QSpinBox()
        self.follow_up_spin.setRange(1, FOLLOW_UP_DAYS_MAX)
        self.follow_up_spin.setSuffix(self.tr(" days"))
        self.follow_up_spin.setToolTip(
            self.tr("A contact without a reply is due for a follow-up after this many days")
        )
        self.language_combo = QComboBox()
        self.language_combo.setToolTip(
            self.tr("Used for any text that has no version in a letter's language")
        )
        self._row(form, self.tr("Paper si&ze:"), self.paper_combo)
        self._row(form, self.tr("Fo&llow up after:"), self.follow_up_spin)
        self._row(form, self.tr("Default lan&guage:"), self.language_combo)
        group.setLayout(form)
        return group

    def _build_smtp(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sending e-mail (SMTP)"))
        layout = QVBoxLayout(group)
        note = QLabel(self.tr("Letters are sent over TLS only (STARTTLS or SSL/TLS), never in plain text."))
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(note)
        form = self._form()
        self.host_edit = self._line_edit(self.tr("smtp.example.org"))
        self.security_combo = QComboBox()
        for title, value in SECURITY_CHOICES:
            self.security_combo.addItem(self.tr(title), value)
        self.port_edit = self._line_edit()
        self.port_edit.setMaximumWidth(200)
        self.username_edit = self._line_edit(self.tr("usually your e-mail address"))
        self.from_edit = self._line_edit(self.tr("the address letters are sent from"))
        self.reply_to_edit = self._line_edit(self.tr("optional"))
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(1, 600)
        self.rate_spin.setSuffix(self.tr(" e-mails per minute"))
        self.rate_spin.setToolTip(
            self.tr("Sending slowly keeps the provider from taking the account for a spammer")
        )
        self._row(form, self.tr("Server (hos&t):"), self._with_error(self.host_edit, "host"), self.host_edit)
        self._row(form, self.tr("Security:"), self.security_combo)
        self._row(form, self.tr("Port:"), self._with_error(self.port_edit, "port"), self.port_edit)
        self._row(form, self.tr("User name:"), self.username_edit)
        self._row(form, self.tr("Fro&m:"), self._with_error(self.from_edit, "from"), self.from_edit)
        self._row(
            form, self.tr("Reply-to:"), self._with_error(self.reply_to_edit, "reply_to"), self.reply_to_edit
        )
        self._row(form, self.tr("Send at most:"), self.rate_spin)
        layout.addLayout(form)
        return group

    def _build_password(self) -> QGroupBox:
        group = QGroupBox(self.tr("SMTP password"))
        layout = QVBoxLayout(group)
        top = QHBoxLayout()
        self.keyring_label = QLabel(self.tr("Keyring in use: checking…"))
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.setToolTip(
            self.tr("Look at the system keyring again (after unlocking it, for example)")
        )
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
        self.password_edit.setPlaceholderText(self.tr("to store in the keyring"))
        self.password_edit.setAccessibleName(self.tr("SMTP password"))
        label = QLabel(self.tr("Pass&word:"))
        label.setBuddy(self.password_edit)
        self.store_button = QPushButton(self.tr("Store in &keyring"))
        self.forget_button = QPushButton(self.tr("Forget"))
        self.forget_button.setToolTip(self.tr("Remove this account's password from the keyring"))
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
        self.ask_check = QCheckBox(self.tr("Ask for the password each time I se&nd (never store it)"))
        self.ask_check.setToolTip(
            self.tr("Saved in campaign.yaml as 'password: ask': a choice, not a password")
        )
        layout.addWidget(self.ask_check)
        return group
