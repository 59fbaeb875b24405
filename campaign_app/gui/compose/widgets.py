"""The Compose tab's widgets, laid out: templates on the left, the template's text in the
middle, the letter for one recipient on the right.

Nothing here renders, reads or writes: the preview is ``rendering.ComposeRendering``'s, the
templates, saving and export ``tab.ComposeTab``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab
from campaign_app.gui.compose.error_bar import ErrorBar
from campaign_app.gui.compose.highlighter import TemplateEditor
from campaign_app.gui.compose.preview import LetterPreview, RecipientPicker
from campaign_app.gui.compose.template_list import TemplateDelegate, TemplateListModel
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner


def _heading(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    style.embolden(label)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class ComposeWidgets(BaseTab):
    """Every widget of the Compose tab, built and laid out; the preview's debounce timer."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._build()
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)

    def _build(self) -> None:
        self.template_model = TemplateListModel(self)
        self.template_view = QListView()
        self.template_view.setModel(self.template_model)
        self.template_view.setItemDelegate(TemplateDelegate(self.template_view))
        self.template_view.setUniformItemSizes(True)
        self.template_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_view.setMinimumWidth(220)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_heading(self.tr("&Templates"), self.template_view))
        left_layout.addWidget(self.template_view)
        self.template_hint = QLabel(self.tr("Templates are the .md files in letter_templates/."))
        self.template_hint.setWordWrap(True)
        style.mute(self.template_hint)
        left_layout.addWidget(self.template_hint)

        self.editor = TemplateEditor()
        self.editor.setPlaceholderText(self.tr("Choose a template on the left."))
        self.file_label = ElidedLabel()
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.unsaved_label = QLabel("● " + self.tr("Unsaved changes"))
        self.unsaved_label.setStyleSheet(style.text_style(style.WARNING))
        self.unsaved_label.hide()
        self.save_button = QPushButton(self.tr("S&ave"))
        save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.save_button.setToolTip(self.tr("Save the template file ({keys})").format(keys=save_keys))
        self.error_bar = ErrorBar()
        self.error_bar.jump.connect(self.editor.go_to_line)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_heading(self.tr("Template t&ext"), self.editor))
        row.addWidget(self.file_label, 1)  # takes the room that is left, never widens the window
        row.addWidget(self.unsaved_label)
        row.addWidget(self.save_button)
        middle_layout.addLayout(row)
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addWidget(self.error_bar)

        self.picker = RecipientPicker()
        self.export_button = QPushButton(self.tr("E&xport this letter…"))
        self.export_button.setToolTip(self.tr("Write this letter as PDF or DOCX and open it (Ctrl+E)"))
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)
        style.mute(self.audience_label)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet(style.text_style(style.WARNING))
        self.preview_note.hide()
        self.case_note = QLabel(
            self.tr(
                "The Case tab has unsaved changes: letters here use the case as last saved. "
                "Save the case to use them."
            )
        )
        self.case_note.setWordWrap(True)
        self.case_note.setStyleSheet(style.text_style(style.WARNING))
        self.case_note.hide()
        self.preview = LetterPreview()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_heading(self.tr("Letter for rec&ipient"), self.picker))
        row.addWidget(self.picker, 1)
        row.addWidget(self.export_button)
        right_layout.addLayout(row)
        right_layout.addWidget(self.audience_label)
        right_layout.addWidget(self.case_note)
        right_layout.addWidget(self.preview_note)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, middle, right):
            self.splitter.addWidget(widget)
            self.splitter.setCollapsible(self.splitter.indexOf(widget), False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([230, 520, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.splitter)
        for a, b in (
            (self.template_view, self.editor),
            (self.editor, self.save_button),
            (self.save_button, self.picker),
            (self.picker, self.export_button),
            (self.export_button, self.preview),
        ):
            QWidget.setTabOrder(a, b)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" where the room runs out ("un-special-rapporteu"
    read like a whole name); the whole text is its tooltip."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def clear(self) -> None:
        self.setText("")

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(0, self.width()))
        super().setText(shown)
