"""The Recipients tab's widgets, laid out: the search box, the categories, the table, the counts.

Nothing here reads or writes the directory: browsing it is ``browsing.RecipientsBrowser``'s,
changing it ``tab.RecipientsTab``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.directory.recipients import CATEGORIES
from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab, error_label
from campaign_app.gui.recipients.model import RecipientsModel
from campaign_app.gui.recipients.rows import COL_OFFICE
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tables import record_table, unshaped_font
from campaign_app.gui.tasks import TaskRunner

DEBOUNCE_MS = 150
COLUMN_WIDTHS = (150, 190, 130, 200, 62, 74, 220, 88)


class RecipientsWidgets(BaseTab):
    """Every widget of the Recipients tab, built and laid out; the query's debounce timer."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.model = RecipientsModel(self)
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)

        top = QHBoxLayout()
        search_label = QLabel(self.tr("S&earch:"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("e.g. simecka   category:mep country:SK   tag:supporter -language:uk")
        )
        self.search.setToolTip(
            self.tr(
                "The same queries as campaign-app --query: words are looked for in names, positions and "
                "organisations (case and accents ignored); field:value compares one field; -term excludes."
            )
        )
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setToolTip(self.tr("Add a recipient (Insert)"))
        self.edit_button = QPushButton(self.tr("Ed&it…"))
        self.edit_button.setToolTip(self.tr("Edit the selected recipient (Enter or F2)"))
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setToolTip(self.tr("Delete the selected recipient (Delete)"))
        self.import_button = QPushButton(self.tr("I&mport…"))
        self.import_button.setToolTip(
            self.tr(
                "Import recipients from a CSV, Excel, European Parliament XML or YAML file (Ctrl+I): "
                "see what would be added, merged and skipped before anything is written"
            )
        )
        self.reload_button = QPushButton(self.tr("Reloa&d"))
        self.reload_button.setToolTip(
            self.tr("Read the recipient files again (F5), e.g. after editing them elsewhere")
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.import_button,
            self.reload_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)

        self.query_error = error_label("query_error")
        # Its line is kept while no mistake shows: as a half-typed 'tag:' comes and goes, the
        # table does not jump up and down (nor is the whole tab laid out and painted again).
        policy = self.query_error.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.query_error.setSizePolicy(policy)
        self.query_error.setMinimumHeight(self.query_error.sizeHint().height())
        layout.addWidget(self.query_error)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        facets_label = QLabel(self.tr("Ca&tegory"))
        self.facet_model = QStandardItemModel(self)
        for category in (None, *CATEGORIES):
            item = QStandardItem(category or self.tr("All categories"))
            item.setData(category, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.facet_model.appendRow(item)
        self.facets = QListView()
        self.facets.setObjectName("facets")
        self.facets.setModel(self.facet_model)
        self.facets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facets.setCurrentIndex(self.facet_model.index(0, 0))
        facets_label.setBuddy(self.facets)
        side_layout.addWidget(facets_label)
        side_layout.addWidget(self.facets)
        splitter.addWidget(side)

        self.table = record_table(self, "recipients_table", self.model, COLUMN_WIDTHS, COL_OFFICE)
        self.model.shaped_font = unshaped_font(self.table)
        self.table.setAlternatingRowColors(True)
        self._build_no_match()

        self.loading = QLabel(self.tr("Loading recipients…"))
        self.loading.setObjectName("loading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading.setEnabled(False)
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_title = QLabel()
        self.problems_title.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("problems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        problems_layout.addWidget(self.problems_title)
        problems_layout.addWidget(self.problems)
        self.stack = QStackedWidget()
        for page in (self.loading, self.table, problems_page):
            self.stack.addWidget(page)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1000])
        layout.addWidget(splitter, 1)

        footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.marks_label = QLabel()
        self.marks_label.setObjectName("marks")
        self.marks_label.setToolTip(
            self.tr(
                "Marked in the table: the Contact column of entries no letter can reach, "
                "and the Verified column of entries not checked at their source within the campaign's "
                "freshness_days (campaign.yaml)."
            )
        )
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setEnabled(False)
        footer.addWidget(self.count_label)
        footer.addSpacing(16)
        footer.addWidget(self.marks_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)
        layout.addLayout(footer)

    def _build_no_match(self) -> None:
        """What is said in the table's place when the search or the category leaves no row of
        a directory that has some, and the buttons that undo the narrowing (hidden until then)."""
        self.no_match = QWidget(self.table.viewport())
        self.no_match.setObjectName("no_match")
        self.no_match_label = QLabel()
        self.no_match_label.setObjectName("no_match_label")
        self.no_match_label.setTextFormat(Qt.TextFormat.PlainText)  # a query may hold '<'
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setStyleSheet(f"{style.MUTED_STYLE} font-size: 11pt;")
        self.clear_search_button = QPushButton(self.tr("Clear the search"))
        self.clear_search_button.setToolTip(self.tr("Empty the search box (Esc in the box)"))
        self.all_categories_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.all_categories_button)
        buttons.addWidget(self.clear_search_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self.no_match)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(self.no_match_label)
        column.addLayout(buttons)
        column.addStretch(3)
        # laid over the rows' area, which it fills; hidden, it takes nothing from the table
        over = QVBoxLayout(self.table.viewport())
        over.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        over.setContentsMargins(0, 0, 0, 0)
        over.addWidget(self.no_match)
        self.no_match.hide()
