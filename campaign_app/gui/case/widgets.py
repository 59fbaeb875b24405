"""The Case tab's widgets, laid out: the parts of the case, a list, an item's fields, problems.

Left, the parts of the case; in the middle, the chosen list as a table (filterable); below
it, the selected item's fields with every language side by side; at the bottom, the
problems that stop the case from saving. Nothing here reads or writes the case: what is
shown is ``navigation.CaseNavigation``'s, what is done is ``tab.CaseTab``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.case.schema import OVERVIEW_FIELDS, SECTIONS, TOP_ORDER
from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab
from campaign_app.gui.case.editor import ItemEditor
from campaign_app.gui.case.models import SectionModel
from campaign_app.gui.case.problems import ProblemList
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

PARTS = (
    ("overview", QT_TRANSLATE_NOOP("CaseWidgets", "Overview")),
    ("timeline", QT_TRANSLATE_NOOP("CaseWidgets", "Timeline")),
    ("facts", QT_TRANSLATE_NOOP("CaseWidgets", "Facts")),
    ("arguments", QT_TRANSLATE_NOOP("CaseWidgets", "Arguments")),
    ("demands", QT_TRANSLATE_NOOP("CaseWidgets", "Demands")),
    ("supporters", QT_TRANSLATE_NOOP("CaseWidgets", "Supporters")),
    ("sources", QT_TRANSLATE_NOOP("CaseWidgets", "Sources")),
)


def part_title(title: str) -> str:
    """A part's title from PARTS in the interface language."""
    return QCoreApplication.translate("CaseWidgets", title)


class CaseWidgets(BaseTab):
    """Every widget of the Case tab, built and laid out."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        top = self._build_top()
        left = self._build_parts()
        self.right = QSplitter(Qt.Orientation.Vertical, self)  # a list and its editor
        self.right.addWidget(self._build_list())
        self.right.addWidget(self._build_editors())
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 3)
        self.right.setChildrenCollapsible(False)
        self.right.setSizes([330, 420])
        self.overview_scroll = self._build_overview()
        self.pages = QStackedWidget(self)  # the overview, or a list and its editor
        self.pages.addWidget(self.overview_scroll)
        self.pages.addWidget(self.right)
        self.problem_box = ProblemList(self)

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
        layout.addWidget(self.make_banner("banner"))
        layout.addWidget(self.main, 1)
        layout.addWidget(self.problem_box)
        self.setTabOrder(self.parts, self.filter)
        self.setTabOrder(self.filter, self.table)

    def _build_top(self) -> QHBoxLayout:
        """The case's title and file, whether it is saved, Revert and Save."""
        self.heading = QLabel(self.tr("No campaign open"), self)
        self.heading.setFont(style.scaled(style.bold(self.heading.font()), 1.25))
        self.heading.setWordWrap(True)
        self.path_label = QLabel(self)
        self.path_label.setEnabled(False)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.revert_button = QPushButton(self.tr("R&evert"), self)
        self.revert_button.setToolTip(self.tr("Discard the changes made since the case was last saved"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(False)
        self.save_action = QAction(self.tr("Save the case"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_action)
        shortcut = self.save_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.save_button.setToolTip(
            self.tr("Check the case and write it to its file ({shortcut})").format(shortcut=shortcut)
        )
        self.export_translation_button = QPushButton(self.tr("Export for translation…"), self)
        self.export_translation_button.setToolTip(
            self.tr("Write the case's texts to a PO file for a translator (letters in another language)")
        )
        self.import_translation_button = QPushButton(self.tr("Import translation…"), self)
        self.import_translation_button.setToolTip(self.tr("Bring a translated PO file's texts into the case"))

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.path_label)
        top.addLayout(titles, 1)
        top.addWidget(self.state_label)
        top.addSpacing(8)
        top.addWidget(self.export_translation_button)
        top.addWidget(self.import_translation_button)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        return top

    def _build_parts(self) -> QWidget:
        """Left: the parts of the case (with their counts)."""
        self.parts_model = QStringListModel(self)
        self.parts = QListView(self)
        self.parts.setModel(self.parts_model)
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.setAccessibleName(self.tr("Parts of the case"))
        parts_label = QLabel(self.tr("Sectio&ns"), self)
        parts_label.setBuddy(self.parts)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(parts_label)
        left_box.addWidget(self.parts)
        return left

    def _build_list(self) -> QWidget:
        """The chosen list: a quick filter, the table, Add and Delete, how many are shown."""
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
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Words in any column"))
        self.filter.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Quick filter"), self)
        filter_label.setBuddy(self.filter)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected item (Del in the table)"))
        self.undo_delete_button = QPushButton(self.tr("&Undo delete"), self)
        self.undo_delete_button.setToolTip(self.tr("Put the item just deleted back (Ctrl+Z in the table)"))
        self.undo_delete_button.hide()
        self.count_label = QLabel(self)
        self.count_label.setEnabled(False)
        list_top = QHBoxLayout()
        list_top.addWidget(filter_label)
        list_top.addWidget(self.filter, 1)
        list_top.addSpacing(12)
        list_top.addWidget(self.add_button)
        list_top.addWidget(self.delete_button)
        list_top.addWidget(self.undo_delete_button)
        list_panel = QWidget(self)
        list_box = QVBoxLayout(list_panel)
        list_box.setContentsMargins(0, 0, 0, 0)
        list_box.addLayout(list_top)
        list_box.addWidget(self.table, 1)
        list_box.addWidget(self.count_label)
        return list_panel

    def _build_editors(self) -> QScrollArea:
        """The editors: one per part, for the selected item's fields."""
        self.editors: dict[str, ItemEditor] = {"overview": ItemEditor(OVERVIEW_FIELDS, TOP_ORDER, self)}
        for key, spec in SECTIONS.items():
            self.editors[key] = ItemEditor(spec.fields, spec.order, self)
        self.editors["sources"].renames_citations = True
        self.editor_stack = QStackedWidget(self)  # the lists' editors, one per list
        for key in SECTIONS:
            self.editor_stack.addWidget(self.editors[key])
        for key, editor in self.editors.items():
            editor.setObjectName(f"editor_{key}")
        self.editor_title = QLabel(self)
        style.embolden(self.editor_title)
        editor_panel = QWidget(self)
        editor_box = QVBoxLayout(editor_panel)
        editor_box.setContentsMargins(4, 4, 12, 4)
        editor_box.addWidget(self.editor_title)
        editor_box.addWidget(self.editor_stack)
        editor_box.addStretch(1)
        return _scrolling(editor_panel, self)

    def _build_overview(self) -> QScrollArea:
        """The overview: the case's id and languages, its title, person and summary."""
        self.case_info = QLabel(self)
        self.case_info.setEnabled(False)
        overview_title = QLabel(self.tr("The case"), self)
        style.embolden(overview_title)
        overview = QWidget(self)
        overview_box = QVBoxLayout(overview)
        overview_box.setContentsMargins(4, 4, 12, 4)
        overview_box.addWidget(overview_title)
        overview_box.addWidget(self.case_info)
        overview_box.addWidget(self.editors["overview"])
        overview_box.addStretch(1)
        return _scrolling(overview, self)


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
