"""The Settings tab: who sends the letters, how they look, and how they are e-mailed.

Everything here is campaign.yaml, shown as a form: the sender (organisation, address and
city in each language the file uses, e-mail, phone, website), which is also the letterhead;
the signatories; paper, follow-up period and default language; and the ``smtp:`` section.
Saving goes through campaign_app.core.campaign.edit, which writes only what was changed and
checks the result with the same loader as the command line before replacing the file.

The SMTP password is the one thing that is never in campaign.yaml: it is typed into a
password field and handed straight to the system keyring (campaign_app.core.mail.secrets),
off the UI thread because a keyring may stop to ask the user to unlock it. When there is
no secure keyring the tab says so and offers "Ask for the password each time". That
choice is saved in campaign.yaml as ``smtp: password: ask`` (the word, not a password),
rather than kept in memory, because the command line's ``send`` must honour it too and a
volunteer on a shared computer wants it to stick; the password itself is still only ever
typed at send time.
"""

from __future__ import annotations

import html
import itertools
import time
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.edit import (
    DEFAULT_FOLLOW_UP_DAYS,
    CampaignForm,
    SignatoryForm,
    SmtpForm,
    Text,
    letterhead,
    read_form,
    save_form,
    text_in,
)
from campaign_app.core.common.appstate import AppState
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.limits import FOLLOW_UP_DAYS_MAX
from campaign_app.core.mail.secrets import (
    KeyringStatus,
    delete_password,
    get_password,
    keyring_status,
    store_password,
)
from campaign_app.core.mail.settings import (
    DEFAULT_PORTS,
    DEFAULT_RATE_PER_MINUTE,
    check_address,
    check_host,
    check_port,
)
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: palette(placeholder-text);"
WARNING_FRAME_STYLE = (
    "QFrame#keyringWarning { background: #fff4e5; border: 1px solid #f0b35a; border-radius: 4px; }"
    "QFrame#keyringWarning QLabel { color: #5c3b00; }"
)
SECURITY_CHOICES = (("STARTTLS (usually port 587)", "starttls"), ("SSL/TLS (usually port 465)", "ssl"))
PAPER_CHOICES = (("A4", "A4"), ("US Letter", "Letter"))
TEXT_FIELDS = (("organisation", "Organ&isation"), ("address", "A&ddress"), ("city", "Cit&y"))


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


def _messages(exc: UserError | UserErrors) -> str:
    return "\n".join(str(e) for e in flatten(exc))


class SignatoryModel(QAbstractTableModel):
    """Signatories as rows; a name and a role column per language of the campaign.

    A text the file keeps once for every language shows in each language's column; editing
    one column turns it into per-language texts (the other languages keep the shared text).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SignatoryForm] = []
        self._languages: tuple[str, ...] = ("en",)
        self._columns: list[tuple[str, str]] = []

    def reset(self, rows: tuple[SignatoryForm, ...], languages: tuple[str, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._languages = languages
        self._columns = [(part, lang) for part in ("name", "role") for lang in languages]
        self.endResetModel()

    def rows(self) -> tuple[SignatoryForm, ...]:
        return tuple(self._rows)

    def column_of(self, part: str, language: str) -> int:
        return self._columns.index((part, language))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        part, lang = self._columns[section]
        title = "Name" if part == "name" else "Role"
        return title if len(self._languages) == 1 else f"{title} ({lang})"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        part, lang = self._columns[index.column()]
        value: Text = getattr(self._rows[index.row()], part)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text_in(value, lang)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(self._languages) > 1:
            return "The same text in every language"
        return None

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        part, lang = self._columns[index.column()]
        row = self._rows[index.row()]
        current: Text = getattr(row, part)
        text = str(value).strip()
        if isinstance(current, dict):
            new: Text = {**current, lang: text}
        elif len(self._languages) > 1:
            new = {**dict.fromkeys(self._languages, current), lang: text}
        else:
            new = text
        if new == current:
            return False
        self._rows[index.row()] = replace(row, **{part: new})
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def add(self) -> int:
        blank: Text = dict.fromkeys(self._languages, "") if len(self._languages) > 1 else ""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(SignatoryForm(blank, blank))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # Qt's destination is the row the item goes *before*, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if delta > 0 else target)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target


class SettingsTab(QWidget):
    """campaign.yaml as a form, and the SMTP password in the system keyring."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._loaded: CampaignForm | None = None
        self._generation = 0  # results of background work for an older workspace are dropped
        self._populating = False
        self._saving = False
        self._announcing = False
        self._keyring: KeyringStatus | None = None
        self._keyring_busy = False
        self._password_stored: bool | None = None
        self._shown_once = False
        self.text_edits: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(400)
        self._lookup_timer.timeout.connect(self.check_keyring)
        self._build()
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._on_part_changed)
        self._set_enabled(False)
        if session.workspace is not None:  # built after the campaign was opened
            self.reload()

    # ---- building the widgets --------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 8)
        self.banner = QLabel()
        self.banner.setObjectName("settingsBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel#settingsBanner { color: #8c1d18; background: #fdecea; border: 1px solid #f1b0aa;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.banner.hide()
        outer.addWidget(self.banner)

        self.body = QWidget()
        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._build_sender())
        left.addWidget(self._build_letterhead())
        left.addWidget(self._build_signatories(), 1)
        right.addWidget(self._build_volunteer())
        right.addWidget(self._build_letters())
        right.addWidget(self._build_smtp())
        right.addWidget(self._build_password())
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

        bar = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setStyleSheet(NOTE_STYLE)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Forget the changes not saved yet")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.save_action = QAction("Save settings", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_button.setToolTip(f"Write campaign.yaml ({self.save_action.shortcut().toString()})")

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}_error")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
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
        edit.textEdited.connect(self._edited)
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

    def _build_sender(self) -> QGroupBox:
        group = QGroupBox("Sender")
        layout = QVBoxLayout(group)
        self.texts_box = QWidget()
        self.texts_grid = grid = QGridLayout(self.texts_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self._text_widgets: list[QWidget] = []  # the per-language part, rebuilt for each campaign
        self.email_edit = self._line_edit("office@example.org")
        self.phone_edit = self._line_edit("+32 2 123 45 67")
        self.website_edit = self._line_edit("https://example.org")
        # Rows 1-3 hold the per-language texts; these rows span every language column (-1).
        grid.addWidget(self._error_label("organisation"), 9, 1, 1, -1)
        for row, (title, widget, key) in enumerate(
            (
                ("&E-mail:", self.email_edit, "email"),
                ("&Phone:", self.phone_edit, None),
                ("Website:", self.website_edit, None),
            ),
            start=10,
        ):
            label = QLabel(title)
            label.setBuddy(widget)
            label.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._with_error(widget, key) if key else widget, row, 1, 1, -1)
        layout.addWidget(self.texts_box)
        return group

    def _rebuild_texts(self, form: CampaignForm) -> None:
        """One editor per language for texts kept per language, one for a shared text."""
        grid = self.texts_grid
        for widget in self._text_widgets:
            grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._text_widgets = []
        languages = form.languages
        for col in range(1, grid.columnCount() + 1):
            grid.setColumnStretch(col, 1 if col <= len(languages) else 0)
        self.text_edits = {}

        def place(widget: QWidget, row: int, col: int, span: int = 1, align=None) -> None:
            if align is None:
                grid.addWidget(widget, row, col, 1, span)
            else:
                grid.addWidget(widget, row, col, 1, span, align)
            self._text_widgets.append(widget)

        if len(languages) > 1:
            for col, lang in enumerate(languages, start=1):
                header = QLabel(language_title(lang))
                header.setStyleSheet("font-weight: 600;")
                place(header, 0, col)
        for row, (key, title) in enumerate(TEXT_FIELDS, start=1):
            label = QLabel(title + ":")
            label.setContentsMargins(0, 4, 0, 0)
            place(label, row, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value: Text = getattr(form, key)
            editors: dict[str, QLineEdit | QPlainTextEdit] = {}
            targets = (
                [(lang, text_in(value, lang)) for lang in languages]
                if isinstance(value, dict)
                else [("", value)]
            )
            for col, (lang, text) in enumerate(targets, start=1):
                editor = self._text_editor(key, text, lang, languages)
                place(editor, row, col, 1 if lang else len(languages))
                editors[lang] = editor
            label.setBuddy(next(iter(editors.values())))
            self.text_edits[key] = editors
        self._fix_tab_order()

    def _text_editor(self, key: str, text: str, lang: str, languages: tuple[str, ...]):
        if key == "address":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlainText(text)
            editor.setPlaceholderText("Street and number\nPostcode City\nCountry")
            lines = 3.6
            editor.setFixedHeight(int(editor.fontMetrics().lineSpacing() * lines + 14))
            editor.textChanged.connect(self._edited)
        else:
            editor = QLineEdit(text)
            editor.textEdited.connect(self._edited)
        editor.setObjectName(f"{key}_{lang or 'all'}")
        if lang:
            editor.setAccessibleName(f"{key.capitalize()} ({language_title(lang)})")
        elif len(languages) > 1:
            editor.setToolTip("The same text in every language")
        return editor

    def _fix_tab_order(self) -> None:
        """Tab goes along each row (organisation in every language, then the address…),
        then on to the e-mail: the editors are created after the fields below them."""
        chain: list[QWidget] = [e for editors in self.text_edits.values() for e in editors.values()]
        chain.append(self.email_edit)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_letterhead(self) -> QGroupBox:
        group = QGroupBox("Letterhead")
        layout = QVBoxLayout(group)
        top = QHBoxLayout()
        note = QLabel("Printed at the top of every letter, from the sender above.")
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.preview_language = QComboBox()
        self.preview_language.setToolTip("Language of the letterhead preview")
        self.preview_language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.preview_language.currentIndexChanged.connect(self._update_preview)
        top.addWidget(note, 1)
        top.addWidget(self.preview_language, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.letterhead_preview = QLabel()
        self.letterhead_preview.setObjectName("letterheadPreview")
        self.letterhead_preview.setTextFormat(Qt.TextFormat.RichText)
        self.letterhead_preview.setWordWrap(True)
        self.letterhead_preview.setStyleSheet(
            "QLabel#letterheadPreview { background: white; color: #222; border: 1px solid #d0d0d0;"
            " padding: 10px 14px; }"
        )
        font = QFont("PT Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        self.letterhead_preview.setFont(font)
        layout.addWidget(self.letterhead_preview)
        return group

    def _build_signatories(self) -> QGroupBox:
        group = QGroupBox("Signatories")
        layout = QVBoxLayout(group)
        self.signatory_model = SignatoryModel(self)
        self.signatory_view = QTableView()
        self.signatory_view.setModel(self.signatory_model)
        self.signatory_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signatory_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signatory_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.signatory_view.setTabKeyNavigation(False)
        self.signatory_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.signatory_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.signatory_view.setMinimumHeight(90)
        self.signatory_view.setAccessibleName("Signatories")
        for signal in (
            self.signatory_model.dataChanged,
            self.signatory_model.rowsInserted,
            self.signatory_model.rowsRemoved,
            self.signatory_model.rowsMoved,
        ):
            signal.connect(self._edited)
        self.signatory_view.selectionModel().currentChanged.connect(self._update_signatory_buttons)
        layout.addWidget(self.signatory_view, 1)
        buttons = QHBoxLayout()
        self.add_signatory_button = QPushButton("&Add")
        self.remove_signatory_button = QPushButton("Remove")
        self.up_signatory_button = QPushButton("Move up")
        self.down_signatory_button = QPushButton("Move down")
        for button, key, slot in (
            (self.remove_signatory_button, QKeySequence.StandardKey.Delete, self._remove_signatory),
            (self.up_signatory_button, QKeySequence("Ctrl+Up"), lambda: self._move_signatory(-1)),
            (self.down_signatory_button, QKeySequence("Ctrl+Down"), lambda: self._move_signatory(1)),
        ):
            action = QAction(button.text(), self.signatory_view)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.signatory_view.addAction(action)
            button.setToolTip(
                f"{button.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        self.add_signatory_button.clicked.connect(self._add_signatory)
        self.remove_signatory_button.clicked.connect(self._remove_signatory)
        self.up_signatory_button.clicked.connect(lambda: self._move_signatory(-1))
        self.down_signatory_button.clicked.connect(lambda: self._move_signatory(1))
        for button in (
            self.add_signatory_button,
            self.remove_signatory_button,
            self.up_signatory_button,
            self.down_signatory_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel("F2 or double-click to edit. They sign in this order.")
        hint.setStyleSheet(NOTE_STYLE)
        buttons.addWidget(hint)
        layout.addLayout(buttons)
        return group

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
        self.volunteer_edit.editingFinished.connect(self.save_volunteer_name)
        self._row(form, "Your name:", self.volunteer_edit)
        layout.addLayout(form)
        note = QLabel("Recorded in the contact log. Kept on this computer, not in campaign.yaml.")
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(note)
        return group

    def save_volunteer_name(self) -> None:
        """Keep the name in the app's own settings file (a small JSON write, at once)."""
        name = self.volunteer_edit.text().strip()
        state = AppState.load()
        if state.volunteer_name == name:
            return
        state.volunteer_name = name
        state.save()
        self.status_label.setText(f"Your name is saved: {name}." if name else "Your name is cleared.")

    def _build_letters(self) -> QGroupBox:
        group = QGroupBox("Letters")
        form = self._form()
        self.paper_combo = QComboBox()
        for title, value in PAPER_CHOICES:
            self.paper_combo.addItem(title, value)
        self.paper_combo.currentIndexChanged.connect(self._edited)
        self.follow_up_spin = QSpinBox()
        self.follow_up_spin.setRange(1, FOLLOW_UP_DAYS_MAX)
        self.follow_up_spin.setSuffix(" days")
        self.follow_up_spin.setToolTip(
            "A contact without a reply is due for a follow-up after this many days"
        )
        self.follow_up_spin.valueChanged.connect(self._edited)
        self.language_combo = QComboBox()
        self.language_combo.setToolTip("Used for any text that has no version in a letter's language")
        self.language_combo.currentIndexChanged.connect(self._edited)
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
        note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(note)
        form = self._form()
        self.host_edit = self._line_edit("smtp.example.org")
        self.security_combo = QComboBox()
        for title, value in SECURITY_CHOICES:
            self.security_combo.addItem(title, value)
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.port_edit = self._line_edit()
        self.port_edit.setMaximumWidth(200)
        self.username_edit = self._line_edit("usually your e-mail address")
        self.from_edit = self._line_edit("the address letters are sent from")
        self.reply_to_edit = self._line_edit("optional")
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(1, 600)
        self.rate_spin.setSuffix(" e-mails per minute")
        self.rate_spin.setToolTip("Sending slowly keeps the provider from taking the account for a spammer")
        self.rate_spin.valueChanged.connect(self._edited)
        self.host_edit.textEdited.connect(self._schedule_lookup)
        self.username_edit.textEdited.connect(self._schedule_lookup)
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
        self.check_button.clicked.connect(self.check_keyring)
        top.addWidget(self.keyring_label, 1)
        top.addWidget(self.check_button)
        layout.addLayout(top)

        self.keyring_warning = QFrame()
        self.keyring_warning.setObjectName("keyringWarning")
        self.keyring_warning.setStyleSheet(WARNING_FRAME_STYLE)
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
        self.password_edit.textEdited.connect(self._update_password_controls)
        self.password_edit.returnPressed.connect(self.store_password)
        label = QLabel("Pass&word:")
        label.setBuddy(self.password_edit)
        self.store_button = QPushButton("Store in &keyring")
        self.store_button.clicked.connect(self.store_password)
        self.forget_button = QPushButton("Forget")
        self.forget_button.setToolTip("Remove this account's password from the keyring")
        self.forget_button.clicked.connect(self.forget_password)
        row.addWidget(label)
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.store_button)
        row.addWidget(self.forget_button)
        layout.addLayout(row)
        layout.addWidget(self._error_label("password"))
        self.password_state = QLabel()
        self.password_state.setWordWrap(True)
        self.password_state.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.password_state)
        self.ask_check = QCheckBox("Ask for the password each time I se&nd (never store it)")
        self.ask_check.setToolTip("Saved in campaign.yaml as 'password: ask': a choice, not a password")
        self.ask_check.toggled.connect(self._edited)
        layout.addWidget(self.ask_check)
        return group

    # ---- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read campaign.yaml again (another folder was opened, or the file changed)."""
        self._generation += 1
        generation = self._generation
        workspace = self.session.workspace
        self.password_edit.clear()
        self._password_stored = None
        self._shown_once = False
        if workspace is None:
            self._loaded = None
            self._set_enabled(False)
            return
        path = workspace.campaign_path
        self.tasks.submit(
            lambda: read_form(path),
            lambda form: self._on_loaded(generation, form),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_part_changed(self, part: str) -> None:
        if part == "campaign" and not self._announcing and not self._saving and not self.is_dirty():
            self.reload()

    def _on_loaded(self, generation: int, form: CampaignForm) -> None:
        if generation != self._generation:
            return
        self._show_banner("")
        self._populate(form)
        self._set_enabled(True)
        self.status_label.setText("")
        if self.isVisible():
            self._shown_once = True
            self.check_keyring()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._loaded = None
        self._set_enabled(False)
        self._show_banner(f"campaign.yaml cannot be edited here until it is corrected:\n{_messages(exc)}")

    def _populate(self, form: CampaignForm) -> None:
        """Show ``form`` in the widgets (without counting it as an edit)."""
        self._populating = True
        try:
            self._loaded = form
            self._rebuild_texts(form)
            self.email_edit.setText(form.email)
            self.phone_edit.setText(form.phone)
            self.website_edit.setText(form.website)
            self.signatory_model.reset(form.signatories, form.languages)
            self._select_data(self.paper_combo, form.paper)
            self.follow_up_spin.setValue(form.follow_up_days or DEFAULT_FOLLOW_UP_DAYS)
            self.language_combo.clear()
            for lang in dict.fromkeys((*form.languages, form.default_language)):
                self.language_combo.addItem(language_title(lang), lang)
            self._select_data(self.language_combo, form.default_language)
            self.preview_language.clear()
            for lang in form.languages:
                self.preview_language.addItem(language_title(lang), lang)
            self._select_data(self.preview_language, form.default_language)
            self.preview_language.setVisible(len(form.languages) > 1)
            smtp = form.smtp
            self.host_edit.setText(smtp.host)
            self._select_data(self.security_combo, smtp.security)
            self.port_edit.setText(smtp.port)
            self.username_edit.setText(smtp.username)
            self.from_edit.setText(smtp.from_address)
            self.reply_to_edit.setText(smtp.reply_to)
            self.rate_spin.setValue(smtp.rate_per_minute or DEFAULT_RATE_PER_MINUTE)
            self.ask_check.setChecked(smtp.ask_password)
            self._update_port_placeholder()
        finally:
            self._populating = False
        self._edited()

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _set_enabled(self, enabled: bool) -> None:
        self.body.setEnabled(enabled)
        self.save_action.setEnabled(enabled)
        if not enabled:
            self.save_button.setEnabled(False)
            self.revert_button.setEnabled(False)

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # ---- the form as it is now ---------------------------------------------------------

    def _text(self, key: str) -> Text:
        editors = self.text_edits.get(key, {})

        def value(editor) -> str:
            raw = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            return raw.strip()

        if "" in editors:
            return value(editors[""])
        return {lang: value(editor) for lang, editor in editors.items()}

    def current_form(self) -> CampaignForm | None:
        if self._loaded is None:
            return None
        loaded = self._loaded
        smtp = SmtpForm(
            host=self.host_edit.text().strip(),
            port=self.port_edit.text().strip(),
            security=self.security_combo.currentData(),
            username=self.username_edit.text().strip(),
            from_address=self.from_edit.text().strip(),
            reply_to=self.reply_to_edit.text().strip(),
            rate_per_minute=self.rate_spin.value(),
            ask_password=self.ask_check.isChecked(),
        )
        # Widgets cannot show an invalid value from the file; keep "unchanged" unchanged.
        if loaded.smtp.rate_per_minute is None and smtp.rate_per_minute == DEFAULT_RATE_PER_MINUTE:
            smtp = replace(smtp, rate_per_minute=None)
        return replace(
            loaded,
            organisation=self._text("organisation"),
            address=self._text("address"),
            city=self._text("city"),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            website=self.website_edit.text().strip(),
            signatories=self.signatory_model.rows(),
            paper=self.paper_combo.currentData(),
            follow_up_days=self.follow_up_spin.value(),
            default_language=self.language_combo.currentData() or loaded.default_language,
            smtp=smtp,
        )

    def is_dirty(self) -> bool:
        form = self.current_form()
        return form is not None and form != self._loaded

    def field_problems(self, form: CampaignForm) -> dict[str, str]:
        """Messages for the fields that are wrong now (the same text the command line prints)."""
        problems: dict[str, str] = {}
        checks = {
            "email": lambda: check_address(form.email, "sender e-mail"),
            "host": lambda: check_host(form.smtp.host, form.smtp.username),
            "port": lambda: check_port(form.smtp.port) if form.smtp.port else None,
            "from": lambda: check_address(form.smtp.from_address, "SMTP 'from'"),
            "reply_to": lambda: check_address(form.smtp.reply_to, "SMTP 'reply_to'"),
        }
        for key, check in checks.items():
            try:
                check()
            except UserError as exc:
                problems[key] = str(exc)
        if not any(text_in(form.organisation, lang) for lang in form.languages):
            problems["organisation"] = "the organisation is empty — every letter needs a sender"
        return problems

    def _edited(self, *_args) -> None:
        """After any change: field messages, the letterhead preview, Save and the status line."""
        if self._populating:
            return
        form = self.current_form()
        if form is None:
            return
        problems = self.field_problems(form)
        for key, label in self.error_labels.items():
            if key == "password":
                continue
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        dirty = form != self._loaded
        self.save_button.setEnabled(dirty and not problems and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        if self._saving:
            pass
        elif problems and dirty:
            self.status_label.setText("Correct the marked fields to save.")
        elif dirty:
            self.status_label.setText("Unsaved changes.")
        elif not self.status_label.text().startswith("Saved"):
            self.status_label.setText("")
        self._update_preview()
        self._update_signatory_buttons()
        self._update_password_controls()

    def _security_changed(self) -> None:
        """Switching STARTTLS ↔ SSL also switches a port left at the other one's default."""
        if not self._populating:
            other = {587: "465", 465: "587"}
            port = self.port_edit.text().strip()
            new = self.security_combo.currentData()
            if port.isdigit() and int(port) in other and int(port) != DEFAULT_PORTS[new]:
                self.port_edit.setText(str(DEFAULT_PORTS[new]))
        self._update_port_placeholder()
        self._edited()

    def _update_port_placeholder(self) -> None:
        security = self.security_combo.currentData() or "starttls"
        self.port_edit.setPlaceholderText(f"{DEFAULT_PORTS[security]} (the default)")

    def _update_preview(self) -> None:
        form = self.current_form()
        if form is None:
            self.letterhead_preview.setText("")
            return
        language = self.preview_language.currentData() or form.default_language
        head = letterhead(form, language)
        lines = "<br>".join(html.escape(line) for line in head.lines)
        organisation = html.escape(head.organisation) or "<i>(no organisation)</i>"
        self.letterhead_preview.setText(
            f"<div style='font-size: 13pt; font-weight: 600;'>{organisation}</div>"
            f"<div style='color: #555; font-size: 9pt;'>{lines}</div>"
        )

    # ---- signatories -----------------------------------------------------------------

    def _current_signatory_row(self) -> int:
        index = self.signatory_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_signatory_buttons(self, *_args) -> None:
        row, count = self._current_signatory_row(), self.signatory_model.rowCount()
        self.remove_signatory_button.setEnabled(row >= 0)
        self.up_signatory_button.setEnabled(row > 0)
        self.down_signatory_button.setEnabled(0 <= row < count - 1)

    def _add_signatory(self) -> None:
        row = self.signatory_model.add()
        index = self.signatory_model.index(row, 0)
        self.signatory_view.setCurrentIndex(index)
        self.signatory_view.setFocus()
        self.signatory_view.edit(index)

    def _remove_signatory(self) -> None:
        row = self._current_signatory_row()
        if row >= 0:
            self.signatory_model.remove(row)
            self._update_signatory_buttons()

    def _move_signatory(self, delta: int) -> None:
        row = self._current_signatory_row()
        if row < 0:
            return
        column = self.signatory_view.currentIndex().column()
        target = self.signatory_model.move(row, delta)
        self.signatory_view.setCurrentIndex(self.signatory_model.index(target, column))
        self._update_signatory_buttons()

    # ---- saving ----------------------------------------------------------------------

    def save(self) -> None:
        """Write the changes to campaign.yaml (off the UI thread), then tell the other tabs."""
        workspace = self.session.workspace
        form = self.current_form()
        if workspace is None or form is None or self._saving or not self.save_button.isEnabled():
            return
        before, path, generation = self._loaded, workspace.campaign_path, self._generation
        self._saving = True
        self.save_button.setEnabled(False)
        self.status_label.setText("Saving…")
        self.tasks.submit(
            lambda: save_form(path, before, form),
            lambda saved: self._on_saved(generation, form, saved),
            lambda exc: self._on_save_failed(generation, exc),
        )

    def _on_saved(self, generation: int, sent: CampaignForm, saved: CampaignForm) -> None:
        self._saving = False
        if generation != self._generation:
            return
        self._show_banner("")
        if saved == sent:
            self._loaded = saved
        else:  # e.g. an invalid value from the file that the form corrected
            self._populate(saved)
        self.status_label.setText(f"Saved campaign.yaml at {time.strftime('%H:%M')}.")
        self._edited()
        self._announcing = True  # our own save: the form already shows what is on disk
        try:
            self.session.changed("campaign")
        finally:
            self._announcing = False

    def _on_save_failed(self, generation: int, exc: BaseException) -> None:
        self._saving = False
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        if generation != self._generation:
            return
        self._show_banner(f"Not saved: campaign.yaml is unchanged.\n{_messages(exc)}")
        self.status_label.setText("Not saved.")
        self._edited()

    def revert(self) -> None:
        if self._loaded is not None:
            self._show_banner("")
            self.status_label.setText("")
            self._populate(self._loaded)

    # ---- the keyring -----------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The keyring is looked at only when the user comes here: it may ask to be unlocked.
        if not self._shown_once and self._loaded is not None:
            self._shown_once = True
            self.check_keyring()

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
        generation = self._generation

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
        if generation != self._generation:
            return
        status, stored, problem = result
        self._keyring = status
        self._password_stored = stored if account == self._account() else None
        used = "none" if status.state == "none" else status.backend
        not_usable = "" if status.available or status.state == "none" else f" ({status.state}: not used)"
        self.keyring_label.setText(f"Keyring in use: {used}{not_usable}")
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
            text = "Looking at the system keyring…"
        elif ask:
            text = "The password will be asked for each time you send, and never saved."
        elif not available:
            text = "Nothing is stored: the password will be asked for each time you send."
        elif not account_ok:
            text = "Enter the server and the user name to store a password for that account."
        elif self._password_stored:
            text = f"A password for {username}@{host} is stored in the keyring."
        elif self._password_stored is None:
            text = ""
        else:
            text = f"No password is stored for {username}@{host} yet."
        self.password_state.setText(text)

    def _current_problems(self) -> dict[str, str]:
        form = self.current_form()
        return self.field_problems(form) if form is not None else {}

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
            lambda _none: self._on_password_done(True, "Stored in the keyring."),
            self._on_password_failed,
        )

    def forget_password(self) -> None:
        username, host = self._account()
        self._keyring_busy = True
        self.forget_button.setEnabled(False)
        self.tasks.submit(
            lambda: delete_password(username, host),
            lambda _deleted: self._on_password_done(False, "Removed from the keyring."),
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
        self._show_password_error(_messages(exc))
        self._update_password_controls()
