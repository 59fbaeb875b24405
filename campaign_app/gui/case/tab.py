"""The Case tab: read and edit the case file — facts, timeline, arguments, sources…

Left, the parts of the case; in the middle, the chosen list as a table (filterable); below
it, the selected item's fields with every language side by side. Edits go into the case
file's own round-trip tree (core.case_edit.CaseDocument); Save (Ctrl+S) validates the
result with the loader the command line uses and writes it only if it is valid, keeping
comments, key order, unknown keys and the languages the tab does not show. Problems come
back at the fields they concern, with the CLI's ``file:line: message — advice``.

Reading, validating and writing the case file (about 0.2 s each for the example case) run
on the thread pool; the editor is disabled while a save is under way so the tree is not
changed while it is being written. Deleting an item that a template or the case still
cites asks first and lists every ``file:line``.

The main window asks :meth:`CaseTab.has_unsaved_changes` before it closes or opens
another campaign.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.case.citations import case_citations, items_citing, template_uses
from campaign_app.core.case.edit import CaseChangedOnDisk, CaseDocument, validate_case_text
from campaign_app.core.case.save import SaveOutcome, problem_path, save_or_explain
from campaign_app.core.case.schema import OVERVIEW_FIELDS, SECTIONS, TOP_ORDER
from campaign_app.core.common.errors import UserError, UserErrors, display_path, flatten
from campaign_app.gui.case.editor import MESSAGE_STYLE, EditContext, ItemEditor, field_problems
from campaign_app.gui.case.models import STRETCH, SectionModel
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner

PARTS = (
    ("overview", "Overview"),
    ("timeline", "Timeline"),
    ("facts", "Facts"),
    ("arguments", "Arguments"),
    ("demands", "Demands"),
    ("supporters", "Supporters"),
    ("sources", "Sources"),
)
NOUNS = {
    "timeline": "event",
    "facts": "fact",
    "arguments": "argument",
    "demands": "demand",
    "supporters": "supporter",
    "sources": "source",
}
SHOWN_CITATIONS = 12  # in the warning itself; all of them under "Show Details…"

Problem = tuple[tuple, UserError]


def _read_case(workspace: Workspace) -> tuple[CaseDocument, list[Problem]]:
    """On the thread pool: read the case file and check it as the loader would."""
    doc = CaseDocument.load(workspace.case_path)
    try:
        validate_case_text(doc.original_text, doc.path)
    except (UserError, UserErrors) as exc:
        return doc, [(problem_path(doc.data, e), e) for e in flatten(exc)]
    return doc, []


class CaseTab(QWidget):
    """Overview, timeline, facts, arguments, demands, supporters and sources, editable."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.doc: CaseDocument | None = None
        self.section = "overview"
        self.problems: list[Problem] = []  # from the last load or save attempt
        self._generation = 0  # a load that finishes after a newer one started is dropped
        self._busy = False
        self._focus_before: QWidget | None = None
        self._own_change = False
        self._external_change = False
        self.dialog: QMessageBox | None = None  # the open question, if any (tests answer it)
        self._build()
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._part_changed)
        if session.workspace is not None:
            self.reload()

    # ---- building the widgets ----------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel("No campaign open", self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.path_label = QLabel(self)
        self.path_label.setEnabled(False)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.revert_button = QPushButton("R&evert", self)
        self.revert_button.setToolTip("Discard the changes made since the case was last saved")
        self.save_button = QPushButton("Save", self)
        self.save_button.setDefault(False)
        self.save_action = QAction("Save the case", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(lambda: self.save())
        self.addAction(self.save_action)
        shortcut = self.save_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(f"Check the case and write it to its file ({shortcut})")
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.path_label)
        top.addLayout(titles, 1)
        top.addWidget(self.state_label)
        top.addSpacing(8)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setVisible(False)

        # left: the parts of the case
        self.parts_model = QStringListModel(self)
        self.parts = QListView(self)
        self.parts.setModel(self.parts_model)
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.setAccessibleName("Parts of the case")
        parts_label = QLabel("Sectio&ns", self)
        parts_label.setBuddy(self.parts)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(parts_label)
        left_box.addWidget(self.parts)
        self._fill_parts()
        self.parts.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_part(cur.row()))

        # the list: filter, table, Add / Delete
        self.model = SectionModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 8)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Words in any column")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        filter_label = QLabel("&Quick filter", self)
        filter_label.setBuddy(self.filter)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: (self.filter.setFocus(), self.filter.selectAll()))
        self.addAction(find)
        self.add_button = QPushButton("&Add", self)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete the selected item (Del in the table)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)
        list_top = QHBoxLayout()
        list_top.addWidget(filter_label)
        list_top.addWidget(self.filter, 1)
        list_top.addSpacing(12)
        list_top.addWidget(self.add_button)
        list_top.addWidget(self.delete_button)
        list_panel = QWidget(self)
        list_box = QVBoxLayout(list_panel)
        list_box.setContentsMargins(0, 0, 0, 0)
        list_box.addLayout(list_top)
        list_box.addWidget(self.table, 1)
        list_box.addWidget(self.count_label)

        # the editors: one per part, the item's fields
        self.editors: dict[str, ItemEditor] = {"overview": ItemEditor(OVERVIEW_FIELDS, TOP_ORDER, self)}
        for key, spec in SECTIONS.items():
            self.editors[key] = ItemEditor(spec.fields, spec.order, self)
        self.editor_stack = QStackedWidget(self)  # the lists' editors, one per list
        for key in SECTIONS:
            self.editor_stack.addWidget(self.editors[key])
        for key, editor in self.editors.items():
            editor.setObjectName(f"editor_{key}")
            editor.edited.connect(lambda k, part=key: self._edited(part, k))
        self.editor_title = QLabel(self)
        self.editor_title.setStyleSheet("font-weight: bold;")
        editor_panel = QWidget(self)
        editor_box = QVBoxLayout(editor_panel)
        editor_box.setContentsMargins(4, 4, 12, 4)
        editor_box.addWidget(self.editor_title)
        editor_box.addWidget(self.editor_stack)
        editor_box.addStretch(1)
        self.editor_scroll = _scrolling(editor_panel, self)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(list_panel)
        self.right.addWidget(self.editor_scroll)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 3)
        self.right.setChildrenCollapsible(False)
        self.right.setSizes([330, 420])

        # the overview: title, person, summary
        self.case_info = QLabel(self)
        self.case_info.setEnabled(False)
        overview_title = QLabel("The case", self)
        overview_title.setStyleSheet("font-weight: bold;")
        overview = QWidget(self)
        overview_box = QVBoxLayout(overview)
        overview_box.setContentsMargins(4, 4, 12, 4)
        overview_box.addWidget(overview_title)
        overview_box.addWidget(self.case_info)
        overview_box.addWidget(self.editors["overview"])
        overview_box.addStretch(1)
        self.overview_scroll = _scrolling(overview, self)

        self.pages = QStackedWidget(self)  # the overview, or a list and its editor
        self.pages.addWidget(self.overview_scroll)
        self.pages.addWidget(self.right)

        # problems that stop saving, each one a link to its field
        self.problem_model = QStringListModel(self)
        self.problem_view = QListView(self)
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_view.setWordWrap(True)
        self.problem_view.setStyleSheet(MESSAGE_STYLE)
        self.problem_view.activated.connect(lambda index: self.go_to_problem(index.row()))
        self.problem_view.clicked.connect(lambda index: self.go_to_problem(index.row()))
        self.problem_box = QGroupBox("Problems in the case file", self)
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.addWidget(self.problem_view)
        self.problem_box.setVisible(False)

        self.main = QSplitter(Qt.Orientation.Horizontal, self)
        self.main.addWidget(left)
        self.main.addWidget(self.pages)
        self.main.setStretchFactor(1, 1)
        self.main.setSizes([170, 1000])
        self.main.setChildrenCollapsible(False)
        left.setMinimumWidth(140)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.main, 1)
        layout.addWidget(self.problem_box)
        self.setTabOrder(self.parts, self.filter)
        self.setTabOrder(self.filter, self.table)
        self._show_part(0)
        self._update_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del in the table deletes the selected item (after asking, if it is used)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def _fill_parts(self) -> None:
        names = []
        for key, title in PARTS:
            if key != "overview" and self.doc is not None:
                names.append(f"{title}  ({len(self.doc.items(key))})")
            else:
                names.append(title)
        current = self.parts.currentIndex().row()
        self.parts_model.setStringList(names)
        self.parts.setCurrentIndex(self.parts_model.index(max(current, 0)))

    # ---- loading ----------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the case file again (another campaign was opened, or Revert)."""
        workspace = self.session.workspace
        self._generation += 1
        generation = self._generation
        if workspace is None:
            self._set_doc(None, [])
            return
        self._set_busy(True, "Loading…")
        self.tasks.submit(
            lambda: _read_case(workspace),
            lambda result: self._loaded(generation, result),
            lambda exc: self._load_failed(generation, exc),
        )

    def _loaded(self, generation: int, result: tuple[CaseDocument, list[Problem]]) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._external_change = False
        doc, problems = result
        self._set_doc(doc, problems)
        self._show_banner("")
        if problems:
            self._show_banner(
                f"The case file has {_count(len(problems), 'problem')} (listed below). You can correct "
                "them here; the file is saved only once the case is valid."
            )

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_doc(None, [])
        self._show_banner(
            "The case file cannot be opened:\n" + "\n".join(str(e) for e in flatten(exc)), error=True
        )

    def _set_doc(self, doc: CaseDocument | None, problems: list[Problem]) -> None:
        """Show a (new or re-read) document, keeping the selected part and row."""
        section, row = self.section, self._current_row()
        self.doc = doc
        self.problems = list(problems)
        if doc is None:
            self.heading.setText("No case open")
            self.path_label.setText("")
        else:
            title = doc.get_text(doc.data, "title", doc.languages[0] if doc.languages else "en")
            self.heading.setText(title or doc.case_id or "Case")
            self.path_label.setText(display_path(doc.path))
            langs = ", ".join(doc.languages) or "none"
            self.case_info.setText(
                f"Case id: {doc.case_id or '(none)'} · letter languages: {langs} · "
                "the case id and languages are changed in the file itself"
            )
        self._fill_parts()
        self._show_section(section, row)
        self._refresh_problems()
        self._update_state()

    # ---- which part and item are shown ------------------------------------------------

    def _show_part(self, index: int) -> None:
        if 0 <= index < len(PARTS):
            self._show_section(PARTS[index][0], 0)

    def _show_section(self, section: str, row: int = 0) -> None:
        self.section = section
        index = next(i for i, (key, _t) in enumerate(PARTS) if key == section)
        if self.parts.currentIndex().row() != index:
            self.parts.blockSignals(True)
            self.parts.setCurrentIndex(self.parts_model.index(index))
            self.parts.blockSignals(False)
        is_list = section != "overview"
        self.pages.setCurrentWidget(self.right if is_list else self.overview_scroll)
        if not is_list:
            self.editors["overview"].bind(self.doc, self.doc.data if self.doc else None, self._overview_ctx())
            return
        self.editor_stack.setCurrentWidget(self.editors[section])
        self.model.set_section(self.doc, section, self._row_problems)
        self._size_columns()
        self.add_button.setText(f"&Add {NOUNS[section]}")
        self._update_count()
        self._select_row(row)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        stretch = STRETCH.get(self.section, 1)
        for column in range(self.model.columnCount()):
            if column == stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, self.model.column_width(column))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # file order until a header is clicked

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        noun = NOUNS.get(self.section, "item")
        text = _count(total, noun)
        if shown != total:
            text = f"{shown} of {text} shown"
        self.count_label.setText(text)
        self.delete_button.setEnabled(shown > 0 and self.doc is not None and not self._busy)
        self.add_button.setEnabled(self.doc is not None and not self._busy)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()
        if self.proxy.rowCount() and not self.table.selectionModel().currentIndex().isValid():
            self._select_proxy_row(0)
        elif not self.proxy.rowCount():
            self._show_item()

    def _current_row(self) -> int:
        """The selected item's row in the list (file order), or -1."""
        index = self.table.selectionModel().currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else -1

    def current_item(self) -> Any:
        return self.model.item(self._current_row()) if self.section != "overview" else None

    def _select_row(self, row: int) -> None:
        """Select an item by its row in the file order (clearing a filter that hides it)."""
        if not self.model.rowCount():
            self._show_item()
            return
        row = min(max(row, 0), self.model.rowCount() - 1)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._select_proxy_row(index.row())

    def _select_proxy_row(self, proxy_row: int) -> None:
        index = self.proxy.index(proxy_row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self._show_item()

    def _show_item(self) -> None:
        if self.section == "overview":
            return
        editor = self.editors[self.section]
        row = self._current_row()
        node = self.model.item(row)
        noun = NOUNS[self.section]
        if node is None or self.doc is None:
            self.editor_title.setText(f"No {noun} selected")
            editor.bind(None, None)
            return
        item_id = self.doc.get_plain(node, "id")
        self.editor_title.setText(f"{noun.capitalize()} “{item_id}”" if item_id else noun.capitalize())
        editor.bind(self.doc, node, self._item_ctx(self.section, node))

    # ---- contexts: ids, sources and saved problems for an editor --------------------------

    def _item_ctx(self, section: str, node: Any) -> EditContext:
        doc = self.doc
        assert doc is not None
        spec = SECTIONS[section]

        def row() -> int:
            return self.model.row_of(node) if self.model.section == section else -1

        def describe() -> str:
            return f"{spec.what} '{doc.get_plain(node, 'id')}'"

        def other_ids() -> list[str]:
            return [doc.get_plain(item, "id") for item in doc.items(section) if item is not node]

        return EditContext(
            spec.what,
            describe,
            other_ids,
            lambda: set(doc.source_ids()),
            lambda path: self._saved((section, row(), *path)),
            lambda path: self._forget((section, row(), *path)),
        )

    def _overview_ctx(self) -> EditContext:
        return EditContext(saved=self._saved, forget=self._forget)

    def _saved(self, path: tuple) -> list[UserError]:
        return [e for p, e in self.problems if p[: len(path)] == path]

    def _forget(self, path: tuple) -> None:
        before = len(self.problems)
        self.problems = [(p, e) for p, e in self.problems if p[: len(path)] != path]
        if len(self.problems) != before:
            self._refresh_problems()

    def _row_problems(self, row: int) -> list[str]:
        """The table's warning marks: saved problems of the item, and what its fields'
        checks find now (an unknown source after a source was deleted or renamed)."""
        saved = [str(e) for e in self._saved((self.model.section, row))]
        node = self.model.item(row)
        if self.doc is None or node is None:
            return saved
        ctx = self._item_ctx(self.model.section, node)
        live = [
            m
            for spec in SECTIONS[self.model.section].fields
            for m in field_problems(self.doc, spec, node, ctx)
        ]
        return saved + [m for m in live if m not in saved]

    # ---- editing ------------------------------------------------------------------------

    def _edited(self, part: str, key: str) -> None:
        if part != "overview" and part == self.section:
            row = self._current_row()
            self.model.refresh_row(row)
            if key == "id":
                node = self.model.item(row)
                noun = NOUNS[part]
                self.editor_title.setText(f"{noun.capitalize()} “{self.doc.get_plain(node, 'id')}”")
                if part == "sources":
                    self.model.refresh_all()
        if part == "overview" and key == "title" and self.doc is not None:
            lang = self.doc.languages[0] if self.doc.languages else "en"
            self.heading.setText(self.doc.get_text(self.doc.data, "title", lang) or self.doc.case_id)
        self._update_state()

    def add_item(self) -> None:
        if self.doc is None or self._busy or self.section == "overview":
            return
        after = self.current_item()
        node = self.doc.add_item(self.section, after)
        row = next(i for i, item in enumerate(self.doc.items(self.section)) if item is node)
        self._shift_problems((self.section,), row, +1)
        self.filter.clear()
        self.model.reload()
        self._fill_parts()
        self._update_count()
        self._select_row(row)
        self.editors[self.section].focus_field("date" if self.section == "timeline" else "id")
        self._update_state()

    def delete_selected(self) -> None:
        """Delete the selected item; if anything still uses it, say where and ask first."""
        node = self.current_item()
        workspace = self.session.workspace
        if self.doc is None or node is None or self._busy or workspace is None:
            return
        section, doc = self.section, self.doc
        item_id = doc.get_plain(node, "id")
        ids: dict[str, str | None] = {item_id: None} if item_id else {}
        found = []
        if section == "sources" and item_id:
            found = case_citations(doc.data, doc.path, item_id)
            for cited_by, what in items_citing(doc.data, item_id).items():
                ids.setdefault(cited_by, f"{what}, which cites it")
        files = workspace.template_files()
        self.tasks.submit(
            lambda: template_uses(files, ids),
            lambda uses: self._confirm_delete(section, node, item_id, found + uses),
        )

    def _confirm_delete(self, section: str, node: Any, item_id: str, citations: list) -> None:
        if self.doc is None or section != self.section or self.model.row_of(node) < 0:
            return  # the list changed meanwhile (another campaign was opened)
        if not citations:
            self._delete(section, node)
            return
        noun = NOUNS[section]
        lines = [str(c) for c in citations]
        shown = lines[:SHOWN_CITATIONS]
        if len(lines) > SHOWN_CITATIONS:
            shown.append(f"… and {len(lines) - SHOWN_CITATIONS} more (Show Details…)")
        verb = "cited" if section == "sources" else "used"
        if section == "sources":
            consequence = (
                "Deleting it changes nothing else: correct these citations yourself. The case "
                "will not save while a fact, event, supporter or argument point still cites it, "
                "and the templates listed fail until their cite() or fact() is changed."
            )
        else:
            consequence = "The templates listed fail until they no longer use it."
        box = QMessageBox(QMessageBox.Icon.Warning, f"Delete {noun} “{item_id}”?", "", parent=self)
        box.setText(f"The {noun} “{item_id}” is still {verb} in {_count(len(lines), 'place')}:")
        box.setInformativeText("\n".join(shown) + "\n\n" + consequence)
        box.setDetailedText("\n".join(lines))
        delete = box.addButton(f"Delete {noun}", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is delete and self.doc is not None and self.model.row_of(node) >= 0:
                self._delete(section, node)
                if section == "sources":
                    self._show_banner(
                        f"Source “{item_id}” deleted. Correct the places that cited it before saving."
                    )

        box.finished.connect(answered)
        self._ask(box)

    def _delete(self, section: str, node: Any) -> None:
        assert self.doc is not None
        row = self.model.row_of(node)
        self.doc.delete_item(section, node)
        self._forget((section, row))
        self._shift_problems((section,), row, -1)
        self.model.reload()
        self._fill_parts()
        self._update_count()
        self._select_row(min(row, self.model.rowCount() - 1))
        self._update_state()

    def _shift_problems(self, prefix: tuple, row: int, delta: int) -> None:
        """Keep saved problems on their items when rows above them are added or deleted."""
        n = len(prefix)
        shifted = []
        for path, error in self.problems:
            if path[:n] == prefix and len(path) > n and isinstance(path[n], int) and path[n] >= row:
                path = (*prefix, path[n] + delta, *path[n + 1 :])
            shifted.append((path, error))
        self.problems = shifted

    # ---- saving and reverting -----------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.doc is not None and self.doc.modified

    def save(self, force: bool = False) -> None:
        """Check the case with the loader and write it (off the UI thread)."""
        if self.doc is None or self._busy or not (self.doc.modified or force):
            return
        doc = self.doc
        self._set_busy(True, "Saving…")
        self.tasks.submit(lambda: save_or_explain(doc, force), self._saved_done, self._save_failed)

    def _saved_done(self, outcome: SaveOutcome) -> None:
        self._set_busy(False)
        if outcome.saved is None:
            self.problems = outcome.problems
            self._refresh_problems()
            self._show_banner(
                f"Not saved: the case has {_count(len(outcome.problems), 'problem')} (listed below and "
                "at their fields). Nothing was written.",
                error=True,
            )
            self._update_state()
            self._refresh_editor_messages()
            return
        self._set_doc(outcome.saved, [])
        self._show_banner("")
        self.state_label.setText(f"Saved at {dt.datetime.now():%H:%M}")
        self._own_change = True
        try:
            self.session.changed("case")
        finally:
            self._own_change = False

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, CaseChangedOnDisk):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "The case file was changed",
                "The case file was changed by another program since it was opened here.",
                parent=self,
            )
            box.setInformativeText(
                "Overwrite it with your version, or cancel and use Revert to load the other version "
                "(your changes here are then lost)."
            )
            overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(cancel)
            box.setWindowModality(Qt.WindowModality.WindowModal)

            def answered() -> None:
                self.dialog = None
                if box.clickedButton() is overwrite:
                    self.save(force=True)

            box.finished.connect(answered)
            self._ask(box)
            return
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._show_banner("Not saved:\n" + "\n".join(str(e) for e in flatten(exc)), error=True)
        self._update_state()

    def revert(self) -> None:
        """Re-read the file, discarding the edits (after asking)."""
        if self.doc is None or self._busy:
            return
        if not self.doc.modified and not self._external_change:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Revert the case",
            "Discard every change made to the case since it was last saved?",
            parent=self,
        )
        discard = box.addButton("Discard changes", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is discard:
                self.reload()

        box.finished.connect(answered)
        self._ask(box)

    def _ask(self, box: QMessageBox) -> None:
        self.dialog = box
        box.open()

    # ---- state shown to the user ---------------------------------------------------------

    def _set_busy(self, busy: bool, text: str = "") -> None:
        """While the file is read or written the editors are disabled (the tree must not
        change under the writer); the field being typed in gets its focus back after."""
        if busy and not self._busy:
            focused = QApplication.focusWidget()
            self._focus_before = focused if focused is not None and self.isAncestorOf(focused) else None
        self._busy = busy
        self._set_editable(not busy)
        if busy:
            self.state_label.setText(text)
        self._update_state()
        self._update_count()
        if not busy and self._focus_before is not None:
            focused, self._focus_before = self._focus_before, None
            if focused.isVisible() and focused.isEnabled():
                focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_state(self) -> None:
        modified = self.has_unsaved_changes()
        self.save_button.setEnabled(modified and not self._busy)
        self.save_action.setEnabled(modified and not self._busy)
        self.revert_button.setEnabled((modified or self._external_change) and not self._busy)
        self._set_editable(self.doc is not None and not self._busy)
        if self._busy:
            return
        if modified:
            self.state_label.setText("<b>Unsaved changes</b>")
        elif self._external_change:
            self.state_label.setText("Changed elsewhere: Revert to load it")
        elif not self.state_label.text().startswith("Saved"):
            self.state_label.setText("No changes" if self.doc is not None else "")

    def _set_editable(self, editable: bool) -> None:
        # the containers, not the editors: binding an editor enables it
        self.editor_stack.setEnabled(editable)
        self.overview_scroll.widget().setEnabled(editable)

    def _show_banner(self, text: str, error: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(MESSAGE_STYLE if error else "")
        self.banner.setVisible(bool(text))

    def _refresh_problems(self) -> None:
        self.problem_model.setStringList([str(e) for _p, e in self.problems])
        self.problem_box.setVisible(bool(self.problems))
        self.problem_box.setTitle(f"Problems in the case file ({len(self.problems)})")
        shown = min(max(len(self.problems), 1), 5)  # the list scrolls beyond five
        frame = 2 * self.problem_view.frameWidth() + 6
        self.problem_view.setFixedHeight(self.problem_view.fontMetrics().lineSpacing() * shown + frame)
        self.model.refresh_all()

    def _refresh_editor_messages(self) -> None:
        self.editors[self.section].refresh_messages()
        self.model.refresh_all()

    def go_to_problem(self, index: int) -> None:
        """Show the item and field a listed problem is about."""
        if not 0 <= index < len(self.problems):
            return
        path = self.problems[index][0]
        if path and path[0] in SECTIONS and len(path) > 1 and isinstance(path[1], int):
            self._show_section(path[0], path[1])
            editor = self.editors[path[0]]
            if len(path) > 3 and path[2] == "points" and isinstance(path[3], int):
                points = editor.inputs["points"]
                points.select(path[3])  # type: ignore[attr-defined]
                if len(path) > 4:
                    points.editor.focus_field(str(path[4]))  # type: ignore[attr-defined]
            elif len(path) > 2:
                editor.focus_field(str(path[2]))
        else:
            self._show_section("overview")
            if path:
                key = path[1] if path[0] == "person" and len(path) > 1 else path[0]
                self.editors["overview"].focus_field(str(key))

    def _part_changed(self, part: str) -> None:
        if part != "case" or self._own_change:
            return
        if self.has_unsaved_changes():
            self._external_change = True  # keep the user's edits; Revert loads the other version
            self._update_state()
        else:
            self.reload()


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
