"""The Compose tab: edit a letter template and watch the letter it makes, as you type.

Left, the workspace's templates (a broken one is listed with its error, so it can be
opened and fixed). Middle, the template file itself, front matter and body, highlighted.
Right, the letter for one recipient of the template's audience.

The preview is rendered from the editor's *current* text, through the same core
functions as ``campaign-app generate`` (template_from_text → render_letter →
letter_html), never on the UI thread: each keystroke restarts a 300 ms timer, and when
it fires the text is handed to the thread pool. At most one render runs at a time; a
result that a newer request has overtaken is thrown away, so the preview never flickers
back to an older text. A mistake in the template is shown under the editor with the
text the command line prints, and its line is marked in the editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextDocumentLayout,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.audience import match_audience, parse_campaign_query
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, UserErrors, flatten
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.email.html import letter_html
from campaign_app.core.letters.render import render_letter
from campaign_app.core.letters.template_text import TemplateFile, scan_templates, template_from_text
from campaign_app.gui.compose.highlighter import TemplateEditor, TemplateHighlighter, colours_for
from campaign_app.gui.compose.preview import LetterPreview, RecipientPicker
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner

DEBOUNCE_MS = 300
EXPORT_FORMATS = {"pdf": "PDF document (*.pdf)", "docx": "Word document (*.docx)"}
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


# --------------------------------------------------------------------------------------
# Work done off the UI thread: plain functions over core objects, no widgets.


@dataclass(frozen=True)
class LetterRequest:
    """What to render: the editor's text as if it were the file at ``path``, for one recipient."""

    workspace: Workspace
    text: str
    path: Path
    recipient_id: str


@dataclass(frozen=True)
class Preview:
    html: str
    template_id: str
    audience: str


@dataclass(frozen=True)
class Audience:
    """The recipients offered for a template: (id, label, search text, display name), and a note."""

    items: list[tuple[str, str, str, str]]
    note: str


def _letter(request: LetterRequest):
    template = template_from_text(request.text, request.path)
    ws = request.workspace
    recipient = ws.directory.get(request.recipient_id)
    if recipient is None:
        raise UserError(
            f"recipient '{request.recipient_id}' is no longer in the directory", hint="choose another one"
        )
    return template, render_letter(template, recipient, ws.case, ws.campaign)


def render_preview(request: LetterRequest) -> Preview:
    """Editor text → Letter → HTML. Runs on the thread pool; template mistakes raise UserError."""
    template, letter = _letter(request)
    return Preview(letter_html(letter), template.id, template.audience)


def export_letter(request: LetterRequest, target: Path, fmt: str) -> Path:
    """Render the letter as previewed and write it as PDF or DOCX (on the writer thread)."""
    from campaign_app.core.letters.docx.writer import write_docx
    from campaign_app.core.letters.pdf.writer import write_pdf

    _template, letter = _letter(request)
    (write_docx if fmt == "docx" else write_pdf)(letter, target)
    return target


def _label(r: Recipient) -> str:
    view = r.view(r.language or "en")
    name = r.display_name
    detail = next((d for d in (view.organisation, view.position) if d and d not in name), "")
    country = f" ({r.country})" if r.country else ""
    return f"{name} — {detail}{country}" if detail else f"{name}{country}"


def audience_of(workspace: Workspace, audience: str) -> Audience:
    """The template's audience as generate and send select it (status: terms answered by
    the contact log); a follow-up nobody is due for yet offers whom it will go to; an
    audience that names nobody offers everybody."""
    directory = workspace.directory
    note = ""
    chosen: list[Recipient] = []
    found = None
    try:
        parse_campaign_query(audience, dict)  # the query itself; the log is read only to match it, below
    except UserError as exc:
        note = f"The audience is not a valid query ({exc.message}). "
    else:  # (a broken case file, which the log's statuses need, is shown under the editor)
        found = match_audience(workspace, audience) if audience.strip() else None
    if found is not None and found.recipients:
        chosen = found.recipients
        note = f"{len(chosen)} of {len(directory)} recipients match the audience “{audience}”."
    elif found is not None and found.nobody_due:
        chosen = found.waiting
        note = (
            f"Nobody is due yet: no recipient matches {' '.join(found.status_terms)} in the contact log. "
            f"Showing the {len(chosen)} recipients of “{found.base_query}” it will go to when they are."
        )
    elif len(directory):
        chosen = list(directory)
        if audience.strip() and not note:
            note = f"No recipient matches the audience “{audience}”. "
        note += f"Showing all {len(directory)} recipients."
    else:
        note = "The directory has no recipients yet: add some on the Recipients tab."
    items = []
    for r in chosen:
        label = _label(r)
        items.append((r.id, label, RecipientPicker.search_text(r.id, label), r.display_name))
    return Audience(items, note)


# --------------------------------------------------------------------------------------
# Things a test replaces: the save dialog and the system viewer.


def ask_export_target(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to write the letter; the extension (.pdf or .docx) chooses the format."""
    filters = ";;".join(EXPORT_FORMATS.values())
    name, chosen = QFileDialog.getSaveFileName(parent, "Export this letter", str(suggested), filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(path.name + (".docx" if chosen == EXPORT_FORMATS["docx"] else ".pdf"))
    return path


def open_in_viewer(path: Path) -> None:
    """Show a written letter in the system's PDF viewer or word processor."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --------------------------------------------------------------------------------------
# The template list


SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateListModel(QAbstractTableModel):
    """The files in letter_templates/: title, id, language; a broken file shows its error.

    A table (title, id, language) for tests and any future table view; the list on the
    tab shows column 0 with the id and language as a second line (SUBTITLE_ROLE).
    """

    HEADERS = ("Title", "ID", "Lang.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.files: list[TemplateFile] = []
        self.unsaved: set[Path] = set()
        self._warning = None

    def set_files(self, files: list[TemplateFile]) -> None:
        self.beginResetModel()
        self.files = files
        self.endResetModel()

    def set_unsaved(self, path: Path, unsaved: bool) -> None:
        before = path in self.unsaved
        (self.unsaved.add if unsaved else self.unsaved.discard)(path)
        row = self.row_of(path)
        if before != unsaved and row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def row_of(self, path: Path | None) -> int:
        return next((i for i, f in enumerate(self.files) if f.path == path), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.files[index.row()]
        col = index.column()
        t = f.template
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                title = t.title if t else f.path.name
                return f"● {title}" if f.path in self.unsaved else title
            if col == 1:
                return t.id if t else "error"
            return t.language if t else ""
        if role == SUBTITLE_ROLE:
            if f.errors:
                return f.errors[0].message
            return f"{t.id} · {t.language}" if t else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f.path.name if t is None else f"{t.title}\n{f.path.name} · audience: {t.audience}"
            return f"{tip}\n\n{f.problem}" if f.errors else tip
        if role == Qt.ItemDataRole.ForegroundRole and f.errors:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and f.errors:
            if self._warning is None:
                self._warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        return None


class TemplateDelegate(QStyledItemDelegate):
    """Two lines per template: its title, and its id and language (or its error) in small grey."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if selected:
            main = sub = opt.palette.color(QPalette.ColorRole.HighlightedText)
        else:
            main = (
                foreground if isinstance(foreground, QColor) else opt.palette.color(QPalette.ColorRole.Text)
            )
            sub = (
                foreground
                if isinstance(foreground, QColor)
                else opt.palette.color(QPalette.ColorRole.PlaceholderText)
            )
        line = opt.fontMetrics.height()
        top = rect.top() + (rect.height() - 2 * line - 2) // 2
        painter.save()
        bold = QFont(opt.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(main)
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(
            QRect(rect.left(), top, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(title, elide, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.9)
        painter.setFont(small)
        painter.setPen(sub)
        subtitle = str(index.data(SUBTITLE_ROLE) or "")
        painter.drawText(
            QRect(rect.left(), top + line + 2, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(subtitle, elide, rect.width()),
        )
        painter.restore()


# --------------------------------------------------------------------------------------
# The error bar under the editor


class ErrorBar(QFrame):
    """The template's problems, as the command line words them; click to go to the line."""

    jump = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorBar")
        self.setStyleSheet(
            "#errorBar { background: #fdecea; border: 1px solid #f1b8b4; border-radius: 4px; }"
            "#errorBar QLabel { color: #7f1d1d; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(18, 18))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.message, 1)
        self.go_button = QPushButton("&Go to line")
        self.go_button.setToolTip("Put the cursor on the line with the mistake (F8)")
        self.go_button.clicked.connect(self._go)
        layout.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignTop)
        self.line: int | None = None
        self.hide()

    def show_problems(self, texts: list[str], line: int | None) -> None:
        self.line = line
        self.message.setText("\n".join(texts))
        self.message.setToolTip("Click to go to the line" if line else "")
        self.go_button.setVisible(line is not None)
        if line is not None:
            self.go_button.setText(f"&Go to line {line}")
        self.show()

    def clear(self) -> None:
        self.line = None
        self.message.clear()
        self.hide()

    def text(self) -> str:
        return self.message.text() if self.isVisible() else ""

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._go()
        super().mousePressEvent(event)

    def _go(self) -> None:
        if self.line is not None:
            self.jump.emit(self.line)


def _muted(label: QLabel) -> None:
    """Secondary text in the theme's placeholder colour."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)


def _heading(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


# --------------------------------------------------------------------------------------
# The tab


class ComposeTab(QWidget):
    """Template list, template editor, live letter preview, save and export."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._docs: dict[Path, QTextDocument] = {}
        self._highlighters: dict[Path, TemplateHighlighter] = {}
        self._newlines: dict[Path, str] = {}
        self._current: TemplateFile | None = None
        self._names: dict[str, str] = {}  # recipient id → display name (for file names)
        self._audience: str | None = None  # the audience the picker was filled for
        self._epoch = 0  # bumped when the case, campaign, directory or workspace changes
        self._generation = 0  # of the newest render request; older results are dropped
        self._render_busy = False
        self._render_again = False
        self._save_busy = False
        self._save_again = False
        self._shown_key: tuple | None = None
        self._list_generation = 0
        self._last_template_id: str | None = None
        self._build()
        self._empty = self._new_document("")
        self.editor.setDocument(self._empty)
        self._build_actions()
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._start_render)
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part_changed)
        self._set_enabled(False)
        if session.workspace is not None:
            self._on_workspace()

    # ---- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.template_model = TemplateListModel(self)
        self.template_view = QListView()
        self.template_view.setModel(self.template_model)
        self.template_view.setItemDelegate(TemplateDelegate(self.template_view))
        self.template_view.setUniformItemSizes(True)
        self.template_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.template_view.setMinimumWidth(220)
        self.template_view.selectionModel().currentRowChanged.connect(self._on_template_row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_heading("&Templates", self.template_view))
        left_layout.addWidget(self.template_view)
        self.template_hint = QLabel("Templates are the .md files in letter_templates/.")
        self.template_hint.setWordWrap(True)
        _muted(self.template_hint)
        left_layout.addWidget(self.template_hint)

        self.editor = TemplateEditor()
        self.editor.setPlaceholderText("Choose a template on the left.")
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.unsaved_label = QLabel("● Unsaved changes")
        self.unsaved_label.setStyleSheet("color: #b35900;")
        self.unsaved_label.hide()
        self.save_button = QPushButton("S&ave")
        save_keys = QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.save_button.setToolTip(f"Save the template file ({save_keys})")
        self.save_button.clicked.connect(self.save)
        self.error_bar = ErrorBar()
        self.error_bar.jump.connect(self.editor.go_to_line)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_heading("Template t&ext", self.editor))
        row.addWidget(self.file_label, 1)  # takes the room that is left, never widens the window
        row.addWidget(self.unsaved_label)
        row.addWidget(self.save_button)
        middle_layout.addLayout(row)
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addWidget(self.error_bar)

        self.picker = RecipientPicker()
        self.picker.recipientChanged.connect(lambda _id: self._schedule_render(0))
        self.export_button = QPushButton("E&xport this letter…")
        self.export_button.setToolTip("Write this letter as PDF or DOCX and open it (Ctrl+E)")
        self.export_button.clicked.connect(self.export)
        self.audience_label = QLabel()
        self.audience_label.setWordWrap(True)
        _muted(self.audience_label)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet("color: #b35900;")
        self.preview_note.hide()
        self.preview = LetterPreview()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(_heading("Letter for rec&ipient", self.picker))
        row.addWidget(self.picker, 1)
        row.addWidget(self.export_button)
        right_layout.addLayout(row)
        right_layout.addWidget(self.audience_label)
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
        self.splitter.setSizes([270, 520, 520])
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

    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut) -> QAction:
            act = QAction(text, self)
            act.setShortcut(shortcut)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action("Save template", self.save, QKeySequence.StandardKey.Save)
        self.export_action = action("Export this letter…", self.export, QKeySequence("Ctrl+E"))
        self.go_to_error_action = action("Go to the error", self._go_to_error, QKeySequence("F8"))

    def _set_enabled(self, editing: bool) -> None:
        for widget in (self.export_button, self.picker):
            widget.setEnabled(editing)
        self.save_button.setEnabled(editing and self.editor.document().isModified())
        self.editor.setReadOnly(not editing)

    # ---- workspace and templates ------------------------------------------------------

    def _on_workspace(self) -> None:
        """Another campaign folder was opened: forget everything of the old one."""
        self._epoch += 1
        self._generation += 1
        self._current = None
        self._audience = None
        self._shown_key = None
        self._last_template_id = None
        self.editor.setDocument(self._empty)
        for doc in self._docs.values():
            doc.deleteLater()
        self._docs.clear()
        self._highlighters.clear()
        self._newlines.clear()
        self.template_model.unsaved.clear()
        self.template_model.set_files([])
        self.error_bar.clear()
        self.editor.mark_error_lines([])
        self.file_label.clear()
        self.picker.set_recipients([])
        self.preview.show_message("Loading the templates…")
        self._set_enabled(False)
        self.reload_templates()

    def _on_part_changed(self, part: str) -> None:
        if part == "templates":
            self.reload_templates()
            return
        self._epoch += 1
        if part == "directory":
            audience, self._audience = self._audience or "", None
            self._refresh_recipients(audience)
        self._schedule_render(0)

    def reload_templates(self) -> None:
        """Read every template file off the UI thread, then list them."""
        ws = self.session.workspace
        if ws is None:
            return
        self._list_generation += 1
        generation = self._list_generation
        self.tasks.submit(
            lambda: scan_templates(ws.template_files()),
            lambda files: self._templates_loaded(generation, ws, files),
        )

    def _templates_loaded(self, generation: int, ws: Workspace, files: list[TemplateFile]) -> None:
        if generation != self._list_generation or ws is not self.session.workspace:
            return
        present = {f.path for f in files}
        for f in files:
            doc = self._docs.get(f.path)
            if f.text is not None:
                self._newlines[f.path] = "\r\n" if "\r\n" in f.text else "\n"
            if doc is not None and not doc.isModified() and f.text is not None:
                text = f.text.replace("\r\n", "\n")
                if doc.toPlainText() != text:  # changed on disk by someone else
                    doc.setPlainText(text)
                    doc.setModified(False)
        for path in [p for p in self._docs if p not in present]:
            doc = self._docs.pop(path)
            self._highlighters.pop(path, None)
            if self.editor.document() is doc:
                self.editor.setDocument(self._empty)
            doc.deleteLater()
        keep = self._current.path if self._current else None
        self.template_model.set_files(files)
        broken = sum(1 for f in files if f.errors)
        self.template_hint.setText(
            f"{len(files)} template(s) in letter_templates/"
            + (f"; {broken} with a problem (hover for details)." if broken else ".")
            if files
            else "No templates yet: add a .md file to letter_templates/."
        )
        row = self.template_model.row_of(keep)
        if row < 0 and files:
            row = 0
        if row >= 0:
            index = self.template_model.index(row, 0)
            # After the model reset there is no current row, so this always reaches _select_file.
            self.template_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._current = None
            self.preview.show_message("No template to preview.")
            self._set_enabled(False)

    def _on_template_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._select_file(self.template_model.files[current.row()])

    def select_template(self, template_id: str) -> bool:
        """Select a template by id (as a click on its row would)."""
        for row, f in enumerate(self.template_model.files):
            if f.template is not None and f.template.id == template_id:
                self.template_view.setCurrentIndex(self.template_model.index(row, 0))
                return True
        return False

    def _new_document(self, text: str) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setDefaultFont(self.editor.font())
        doc.setPlainText(text)
        doc.setModified(False)
        return doc

    def _document_for(self, f: TemplateFile) -> QTextDocument:
        doc = self._docs.get(f.path)
        if doc is None:
            doc = self._new_document((f.text or "").replace("\r\n", "\n"))
            self._highlighters[f.path] = TemplateHighlighter(doc, colours_for(self.editor.palette()))
            doc.contentsChange.connect(lambda _pos, removed, added, d=doc: self._on_edit(d, removed, added))
            doc.modificationChanged.connect(lambda modified, p=f.path: self._on_modified(p, modified))
            self._docs[f.path] = doc
        return doc

    def _select_file(self, f: TemplateFile) -> None:
        same = self._current is not None and self._current.path == f.path
        self._current = f
        doc = self._document_for(f)
        if self.editor.document() is not doc:
            self.editor.setDocument(doc)
            self.editor.mark_error_lines([])
            self.error_bar.clear()
        self._set_enabled(f.text is not None)
        self.file_label.setText(f.path.name)
        self.file_label.setToolTip(str(f.path))
        self._update_unsaved()
        if f.text is None:  # unreadable (not UTF-8): not editable, nothing to render
            self._show_problems(list(f.errors))
            self.preview.show_message("This template cannot be shown.")
            return
        if not same:  # (for the same file, each render keeps the picker on the editor's audience)
            self._last_template_id = f.template.id if f.template else None
            self._refresh_recipients(f.template.audience if f.template else "")
        self._schedule_render(0)

    # ---- recipients ---------------------------------------------------------------------

    def _refresh_recipients(self, audience: str) -> None:
        """Fill the picker with the template's audience (off the UI thread: it may be large)."""
        ws = self.session.workspace
        if ws is None:
            return
        if audience == self._audience:
            return
        self._audience = audience
        epoch = self._epoch
        self.tasks.submit(
            lambda: audience_of(ws, audience),
            lambda result: self._recipients_loaded(epoch, audience, result),
            self._user_error_or_raise,
        )

    def _recipients_loaded(self, epoch: int, audience: str, result: Audience) -> None:
        if epoch != self._epoch or audience != self._audience:
            return
        self._names = {rid: name for rid, _label, _folded, name in result.items}
        self.audience_label.setText(result.note)
        self.picker.set_recipients([(rid, label, folded) for rid, label, folded, _name in result.items])
        if not result.items:
            self.preview.show_message("No recipient to write to.")

    def _user_error_or_raise(self, exc: BaseException) -> None:
        """A broken directory, case or campaign file: say so where the letter would be."""
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._audience = None
        self._show_problems(flatten(exc))
        self.preview.show_message("The letter cannot be rendered: see the message under the editor.")

    # ---- live preview -------------------------------------------------------------------

    def _on_edit(self, doc: QTextDocument, removed: int, added: int) -> None:
        if doc is self.editor.document() and (removed or added):
            self._schedule_render(DEBOUNCE_MS)

    def _schedule_render(self, delay: int = DEBOUNCE_MS) -> None:
        self._render_timer.start(delay)

    def _request(self) -> LetterRequest | None:
        ws = self.session.workspace
        rid = self.picker.current_id()
        if ws is None or self._current is None or self._current.text is None or not rid:
            return None
        return LetterRequest(ws, self.editor.document().toPlainText(), self._current.path, rid)

    def _start_render(self) -> None:
        if self._render_busy:  # one at a time: run again with the newest text when it is back
            self._render_again = True
            return
        request = self._request()
        if request is None:
            return
        key = (request.text, request.path, request.recipient_id, self._epoch)
        if key == self._shown_key:
            return
        self._generation += 1
        generation = self._generation
        self._render_busy = True
        self.tasks.submit(
            lambda: render_preview(request),
            lambda preview: self._render_done(generation, key, preview),
            lambda exc: self._render_failed(generation, key, exc),
        )

    def _render_finished(self, generation: int) -> bool:
        """Bookkeeping when a render is back; True if its result is still the newest."""
        self._render_busy = False
        current = generation == self._generation and not self._render_again
        if self._render_again:
            self._render_again = False
            self._start_render()
        return current

    def _render_done(self, generation: int, key: tuple, preview: Preview) -> None:
        if not self._render_finished(generation):
            return
        self._shown_key = key
        self._last_template_id = preview.template_id
        self.preview.show_letter(preview.html)
        self.preview_note.hide()
        self.error_bar.clear()
        self.editor.mark_error_lines([])
        if preview.audience != self._audience:
            self._refresh_recipients(preview.audience)

    def _render_failed(self, generation: int, key: tuple, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            self._render_finished(generation)
            raise exc
        if not self._render_finished(generation):
            return
        self._shown_key = key
        self._show_problems(flatten(exc))
        if self.preview.html:
            self.preview_note.setText("The preview shows the last version without mistakes.")
            self.preview_note.show()
        else:
            self.preview.show_message("The letter cannot be rendered: see the message under the editor.")

    def _show_problems(self, errors: list[UserError]) -> None:
        ws = self.session.workspace
        root = ws.root if ws is not None else None
        lines = [e.where.line for e in errors if e.where and e.where.line and self._in_current_file(e.where)]
        self.error_bar.show_problems([self._shown(e, root) for e in errors], lines[0] if lines else None)
        self.editor.mark_error_lines([line for line in lines if line])

    def _in_current_file(self, where: Location) -> bool:
        if self._current is None:
            return False
        path = Path(where.path)
        if path.name != self._current.path.name:
            return False
        return not path.is_absolute() or path.resolve() == self._current.path.resolve()

    @staticmethod
    def _shown(err: UserError, root: Path | None) -> str:
        """The CLI's text, with the path relative to the campaign folder as if run inside it."""
        where = err.where
        if where is not None and root is not None and Path(where.path).is_absolute():
            try:
                relative = Path(where.path).resolve().relative_to(root).as_posix()
            except ValueError:
                return str(err)
            return str(UserError(err.message, Location(relative, where.line, where.column), err.hint))
        return str(err)

    def _go_to_error(self) -> None:
        if self.error_bar.line is not None:
            self.editor.go_to_line(self.error_bar.line)

    # ---- saving -------------------------------------------------------------------------

    def _on_modified(self, path: Path, modified: bool) -> None:
        self.template_model.set_unsaved(path, modified)
        self._update_unsaved()

    def _update_unsaved(self) -> None:
        unsaved = self._current is not None and self.editor.document().isModified()
        self.unsaved_label.setVisible(unsaved)
        self.save_button.setEnabled(unsaved)

    def has_unsaved_changes(self) -> bool:
        """Edited templates not yet saved (the main window asks before dropping them)."""
        return any(doc.isModified() for doc in self._docs.values())

    def shutdown(self) -> None:
        """The window is closing: start no new render; one in flight is dropped when back."""
        self._render_timer.stop()
        self._generation += 1

    def save(self) -> None:
        """Write the template file atomically (off the UI thread), then tell the other tabs."""
        f, doc = self._current, self.editor.document()
        if f is None or f.text is None or not doc.isModified():
            return
        if self._save_busy:  # two writes of one file must not race: save again afterwards
            self._save_again = True
            return
        text = doc.toPlainText()
        data = text.replace("\n", self._newlines.get(f.path, "\n")).encode("utf-8")
        path = f.path
        self._save_busy = True
        self.save_button.setEnabled(False)
        self.status_label.setText(f"Saving {path.name}…")
        self.tasks.submit(
            lambda: atomic_write_bytes(path, data),
            lambda _none: self._saved(path, doc, text),
            lambda exc: self._save_failed(exc),
        )

    def _save_finished(self) -> None:
        self._save_busy = False
        self._update_unsaved()
        if self._save_again:
            self._save_again = False
            self.save()

    def _saved(self, path: Path, doc: QTextDocument, text: str) -> None:
        if doc.toPlainText() == text:  # typing during the write leaves it unsaved
            doc.setModified(False)
        self._set_status(f"Saved letter_templates/{path.name}.")
        self.session.changed("templates")
        self._save_finished()

    def _save_failed(self, exc: BaseException) -> None:
        self._save_finished()
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_status(f"Not saved: {'; '.join(str(e) for e in flatten(exc))}", error=True)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #c62828;" if error else "")
        self.status_label.setText(text)

    # ---- export -------------------------------------------------------------------------

    def suggested_export_path(self, fmt: str = "pdf") -> Path | None:
        request = self._request()
        if request is None:
            return None
        template_id = self._last_template_id or request.path.stem
        name = self._names.get(request.recipient_id, request.recipient_id)
        out_dir = request.workspace.out_dir
        path = letter_path(out_dir, template_id, request.recipient_id, name, fmt)
        folder = next((d for d in (path.parent, out_dir, request.workspace.root) if d.is_dir()), Path.home())
        return folder / path.name

    def export(self) -> None:
        """Ask where, then render and write the letter on the writer thread and open it."""
        request = self._request()
        suggested = self.suggested_export_path()
        if request is None or suggested is None:
            self._set_status("Choose a template and a recipient first.", error=True)
            return
        target = ask_export_target(self, suggested)
        if target is None:
            return
        fmt = "docx" if target.suffix.lower() == ".docx" else "pdf"
        self.export_button.setEnabled(False)
        self._set_status(f"Writing {target.name}…")
        self.tasks.submit(
            lambda: export_letter(request, target, fmt),
            self._exported,
            self._export_failed,
            writes_documents=True,
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self._set_status(f"Exported to {path}")
        open_in_viewer(path)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_status(f"Not exported: {'; '.join(str(e) for e in flatten(exc))}", error=True)
