"""Which part, item and field the Case tab shows, and the problems shown at their fields.

A part is the overview or one of the case's lists; choosing a list shows it as a table (in
the file's order until a header is clicked) and the selected item in its editor. Every
editor gets an ``EditContext``: the ids it must not repeat, the case's source ids, and the
problems the last load or save found under it (``problems.ProblemList`` keeps them by path).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QWidget

from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.rules import described
from campaign_app.core.case.schema import SECTIONS
from campaign_app.core.common.errors import UserError
from campaign_app.gui.case.editor import PointsEditor
from campaign_app.gui.case.field_checks import EditContext, field_problems
from campaign_app.gui.case.models import STRETCH
from campaign_app.gui.case.widgets import PARTS, CaseWidgets, part_title
from campaign_app.gui.case.words import section_count, section_words
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner


class CaseNavigation(CaseWidgets):
    """The Case tab's widgets, showing the chosen part and item of ``doc``."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        self.doc: CaseDocument | None = None
        self.section = "overview"
        super().__init__(session, tasks, parent)
        self._fill_parts()
        self.parts.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_part(cur.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.filter.textChanged.connect(self._filter)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_filter)
        self.addAction(find)
        self.problem_box.chosen.connect(self.go_to_problem)
        self._show_part(0)

    def _focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _fill_parts(self) -> None:
        names = []
        for key, title in PARTS:
            if key != "overview" and self.doc is not None:
                names.append(f"{part_title(title)}  ({len(self.doc.items(key))})")
            else:
                names.append(part_title(title))
        current = self.parts.currentIndex().row()
        self.parts_model.setStringList(names)
        self.parts.setCurrentIndex(self.parts_model.index(max(current, 0)))

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
        self.add_button.setText(section_words(section).add)
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
        text = section_count(self.section, total)
        if shown != total:
            text = self.tr("{shown} of {total} shown").format(shown=shown, total=text)
        self.count_label.setText(text)
        self.delete_button.setEnabled(shown > 0 and self.doc is not None and not self.busy)
        self.add_button.setEnabled(self.doc is not None and not self.busy)

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
        node = self.model.item(self._current_row())
        words = section_words(self.section)
        if node is None or self.doc is None:
            self.editor_title.setText(words.none_selected)
            editor.bind(None, None)
            return
        item_id = self.doc.get_plain(node, "id")
        self.editor_title.setText(f"{words.noun} “{item_id}”" if item_id else words.noun)
        editor.bind(self.doc, node, self._item_ctx(self.section, node))

    # ---- contexts: ids, sources and saved problems for an editor --------------------------

    def _item_ctx(self, section: str, node: Any) -> EditContext:
        doc = self.doc
        assert doc is not None
        spec = SECTIONS[section]

        def row() -> int:
            return self.model.row_of(node) if self.model.section == section else -1

        def describe() -> str:
            return described(spec.what, doc.get_plain(node, "id"))

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
        return self.problem_box.saved(path)

    def _forget(self, path: tuple) -> None:
        if self.problem_box.forget(path):
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

    # ---- problems ---------------------------------------------------------------------

    def _refresh_problems(self) -> None:
        self.problem_box.refresh()
        self.model.refresh_all()

    def _refresh_editor_messages(self) -> None:
        self.editors[self.section].refresh_messages()
        self.model.refresh_all()

    def go_to_problem(self, index: int) -> None:
        """Show the item and field a listed problem is about."""
        path = self.problem_box.path_of(index)
        if path is None:
            return
        if path and path[0] in SECTIONS and len(path) > 1 and isinstance(path[1], int):
            self._show_section(path[0], path[1])
            editor = self.editors[path[0]]
            points = editor.inputs.get("points")
            if len(path) > 3 and path[2] == "points" and isinstance(path[3], int):
                assert isinstance(points, PointsEditor)
                points.select(path[3])
                if len(path) > 4:
                    points.editor.focus_field(str(path[4]))
            elif len(path) > 2:
                editor.focus_field(str(path[2]))
        else:
            self._show_section("overview")
            if path:
                key = path[1] if path[0] == "person" and len(path) > 1 else path[0]
                self.editors["overview"].focus_field(str(key))
