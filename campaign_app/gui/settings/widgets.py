"""The Settings tab's widgets, laid out: the banner, the sender, letterhead and signatories on
the left, the right-hand column (``field_widgets.py``), and Save and Revert at the bottom.

Widgets only: loading, checking and showing campaign.yaml is ``form.py``'s, the keyring
``keyring.py``'s, saving ``tab.py``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.gui import style
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.settings.field_widgets import SettingsFieldWidgets
from campaign_app.gui.settings.signatory_model import SignatoryModel
from campaign_app.gui.settings.team_log import TeamLogBox
from campaign_app.gui.tab_order import chain_by_position
from campaign_app.gui.tasks import TaskRunner


class SettingsWidgets(SettingsFieldWidgets):
    """Every widget of the Settings tab, built and laid out."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.text_edits: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 8)
        outer.addWidget(self.make_banner("settingsBanner"))

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
        self.team_box = TeamLogBox(self.tasks)  # a field of the form, and its own password
        self.line_edits.append(self.team_box.address_edit)
        self.error_labels["log_database"] = self.team_box.error_label
        right.addWidget(self.team_box)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self._columns = (left, right)  # Tab goes down the left, then the right (order_tab_keys)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)

        bar = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setStyleSheet(style.MUTED_STYLE)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Forget the changes not saved yet"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.save_action = QAction(self.tr("Save settings"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_action)
        self.save_button.setToolTip(
            self.tr("Write campaign.yaml ({keys})").format(keys=self.save_action.shortcut().toString())
        )

    def _build_sender(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sender"))
        layout = QVBoxLayout(group)
        self.texts_box = QWidget()
        self.texts_grid = grid = QGridLayout(self.texts_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self._text_widgets: list[QWidget] = []  # the per-language part, rebuilt for each campaign
        self.email_edit = self._line_edit(self.tr("office@example.org"))
        self.phone_edit = self._line_edit("+32 2 123 45 67")
        self.website_edit = self._line_edit(self.tr("https://example.org"))
        self.logo_edit = self._line_edit(self.tr("images/logo.png (a PNG or JPEG in the campaign folder)"))
        self.logo_button = QPushButton(self.tr("Choose image…"))
        self.logo_button.setToolTip(self.tr("Choose the logo printed at the top of every letter"))
        logo_row = QWidget()
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_edit, 1)
        logo_layout.addWidget(self.logo_button)
        logo_row.setFocusProxy(self.logo_edit)
        # Rows 1-3 hold the per-language texts; these rows span every language column (-1).
        grid.addWidget(self._error_label("organisation"), 9, 1, 1, -1)
        for row, (title, widget, key) in enumerate(
            (
                (self.tr("&E-mail:"), self.email_edit, "email"),
                (self.tr("&Phone:"), self.phone_edit, None),
                (self.tr("Website:"), self.website_edit, None),
                (self.tr("Logo:"), logo_row, "logo"),
            ),
            start=10,
        ):
            label = QLabel(title)
            label.setBuddy(widget)
            label.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._with_error(widget, key) if key else widget, row, 1, 1, -1)
        layout.addWidget(self.texts_box)
        # Unticked once the sender is the campaign's own: only then are e-mails sent. What it
        # means is a line of its own that wraps: a check box's text does not, and in Ukrainian
        # or Russian it made the page wider than a 1024-pixel screen.
        self.example_check = QCheckBox(self.tr("The bundled e&xample's sender"))
        example_note = QLabel(
            self.tr(
                "While ticked, letters are marked EXAMPLE and never sent: "
                "untick it once the sender above is your own."
            )
        )
        example_note.setWordWrap(True)
        example_note.setStyleSheet(style.MUTED_STYLE)
        example_note.setContentsMargins(24, 0, 0, 0)  # under the box's text, not its square
        self.example_check.setToolTip(example_note.text())
        layout.addWidget(self.example_check)
        layout.addWidget(example_note)
        return group

    def _build_letterhead(self) -> QGroupBox:
        group = QGroupBox(self.tr("Letterhead"))
        layout = QVBoxLayout(group)
        top = QHBoxLayout()
        note = QLabel(self.tr("Printed at the top of every letter, from the sender above."))
        note.setWordWrap(True)
        note.setStyleSheet(style.MUTED_STYLE)
        self.preview_language = QComboBox()
        self.preview_language.setToolTip(self.tr("Language of the letterhead preview"))
        self.preview_language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(note, 1)
        top.addWidget(self.preview_language, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.letterhead_preview = QLabel()
        self.letterhead_preview.setObjectName("letterheadPreview")
        self.letterhead_preview.setTextFormat(Qt.TextFormat.RichText)
        self.letterhead_preview.setWordWrap(True)
        self.letterhead_preview.setStyleSheet(
            f"QLabel#letterheadPreview {{ background: {style.PAPER}; color: {style.LETTERHEAD_INK};"
            f" border: 1px solid {style.PAPER_BORDER}; padding: 10px 14px; }}"
        )
        self.letterhead_preview.setFont(style.letter_font())
        layout.addWidget(self.letterhead_preview)
        return group

    def _build_signatories(self) -> QGroupBox:
        group = QGroupBox(self.tr("Signatories"))
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
        self.signatory_view.setAccessibleName(self.tr("Signatories"))
        layout.addWidget(self.signatory_view, 1)
        buttons = QHBoxLayout()
        self.add_signatory_button = QPushButton(self.tr("&Add"))
        self.remove_signatory_button = QPushButton(self.tr("Remove"))
        self.up_signatory_button = QPushButton(self.tr("Move up"))
        self.down_signatory_button = QPushButton(self.tr("Move down"))
        for button, key in (
            (self.remove_signatory_button, QKeySequence.StandardKey.Delete),
            (self.up_signatory_button, QKeySequence("Ctrl+Up")),
            (self.down_signatory_button, QKeySequence("Ctrl+Down")),
        ):
            action = QAction(button.text(), self.signatory_view)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(button.click)  # a disabled button ignores its key too
            self.signatory_view.addAction(action)
            button.setToolTip(
                f"{button.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        for button in (
            self.add_signatory_button,
            self.remove_signatory_button,
            self.up_signatory_button,
            self.down_signatory_button,
        ):
            buttons.addWidget(button)
        hint = QLabel(self.tr("F2 or double-click to edit. They sign in this order."))
        hint.setStyleSheet(style.MUTED_STYLE)
        hint.setWordWrap(True)  # longer in Ukrainian and Russian: wraps rather than widening the tab
        buttons.addWidget(hint, 1)
        layout.addLayout(buttons)
        return group

    def order_tab_keys(self) -> None:
        """Tab down the left column, then the right, as the fields are placed now (the
        sender's fields are made anew for each campaign's languages)."""
        chain_by_position(list(self._columns), self.body, after=self._scroll)
