"""The Outreach tab's widgets, laid out: the search and the actions, the status filters, the
table (or a page saying the log is empty), a recipient's history, the counts.

Nothing here reads or writes the log: browsing it is ``browsing.OutreachBrowser``'s,
marking, exporting, reporting and sending ``tab.OutreachTab``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab
from campaign_app.gui.flow_layout import flow_row
from campaign_app.gui.outreach.model import COL_ACTION, FILTERS, OutreachModel
from campaign_app.gui.outreach.words import status_meaning, status_name
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tables import record_table
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

DEBOUNCE_MS = 120
COLUMN_WIDTHS = (230, 140, 120, 260, 115, 100, 165)
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "OutreachWidgets",
    "No letters in the log yet: generate letters in the Batch tab or send them with Send letters…\n\n"
    "Every letter generated or sent is recorded here, with what happened since.",
)
MARK_LABELS = {
    "replied": QT_TRANSLATE_NOOP("OutreachWidgets", "Mark &replied…"),
    "no-reply": QT_TRANSLATE_NOOP("OutreachWidgets", "Mark no reply…"),
    "closed": QT_TRANSLATE_NOOP("OutreachWidgets", "Mark closed…"),
    "sent": QT_TRANSLATE_NOOP("OutreachWidgets", "Mark sent by post, web form…"),
}
HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("OutreachWidgets", "When"),
    QT_TRANSLATE_NOOP("OutreachWidgets", "Letter"),
    QT_TRANSLATE_NOOP("OutreachWidgets", "Event"),
    QT_TRANSLATE_NOOP("OutreachWidgets", "By"),
    QT_TRANSLATE_NOOP("OutreachWidgets", "Channel"),
    QT_TRANSLATE_NOOP("OutreachWidgets", "Detail"),
)


def filter_label(status: str) -> str:
    """A filter button's word: the status in the interface language (the query keeps its key)."""
    return status_name(status)


class OutreachWidgets(BaseTab):
    """Every widget of the Outreach tab, built and laid out; the search's debounce timer."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.model = OutreachModel(self)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)

        layout.addWidget(self.make_banner("outreachBanner"))
        layout.addLayout(self._build_top())
        layout.addWidget(self._build_filters())
        # The team's work per member (a team's log only), refreshed as members record it.
        self.team_label = QLabel()
        self.team_label.setObjectName("team_summary")
        self.team_label.setTextFormat(Qt.TextFormat.RichText)
        self.team_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.team_label.hide()
        layout.addWidget(self.team_label)
        layout.addWidget(self._build_lists(), 1)
        layout.addLayout(self._build_footer())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus, context=scope)
        only_there = Qt.ShortcutContext.WidgetShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=only_there)
        self.setTabOrder(self.search, self.mark_button)
        self.setTabOrder(self.refresh_button, self.table)

    def _build_top(self) -> QHBoxLayout:
        """Search, Mark (with its menu), Send letters…, Export CSV…, Report PDF…, Refresh."""
        top = QHBoxLayout()
        search_label = QLabel(self.tr("S&earch:"))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("name or category, e.g. simecka   mep"))
        self.search.setToolTip(
            self.tr("Words looked for in names, ids and categories (case and accents ignored)")
        )
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)

        self.mark_button = QToolButton()
        self.mark_button.setObjectName("mark_button")
        self.mark_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.mark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.mark_actions: dict[str, QAction] = {}
        menu = QMenu(self.mark_button)
        for status, label in MARK_LABELS.items():
            action = QAction(self.tr(label), self)
            menu.addAction(action)
            self.mark_actions[status] = action
        self.mark_actions["replied"].setShortcut(QKeySequence("Ctrl+R"))
        self.mark_actions["replied"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.mark_actions["replied"])
        self.mark_button.setMenu(menu)
        self.mark_button.setDefaultAction(self.mark_actions["replied"])
        self.mark_button.setToolTip(
            self.tr(
                "Record a reply for the selected recipients (Ctrl+R; Shift+click or Ctrl+click selects "
                "several, Ctrl+A all); the arrow offers no reply, closed, and letters sent by post or "
                "web form"
            )
        )
        self.send_button = QPushButton(self.tr("Se&nd letters…"))
        self.send_button.setToolTip(self.tr("E-mail a template's letters through the campaign's mail server"))
        self.inbox_button = QPushButton(self.tr("Check &inbox"))
        self.inbox_button.setObjectName("inbox_button")
        self.inbox_button.setToolTip(
            self.tr(
                "Read the mailbox named under inbox: in campaign.yaml, without changing it, and record "
                "replies, automatic replies and bounces to the letters sent"
            )
        )
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        self.export_button.setToolTip(
            self.tr("The whole log, one row per event, for a spreadsheet or a merge")
        )
        self.report_button = QPushButton(self.tr("Re&port PDF…"))
        self.report_button.setToolTip(self.tr("A one-page summary for coordinators"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the contact log again (F5)"))
        for widget in (
            self.mark_button,
            self.send_button,
            self.inbox_button,
            self.export_button,
            self.report_button,
            self.refresh_button,
        ):
            top.addWidget(widget)
        return top

    def _build_filters(self) -> QWidget:
        """One button per status (with its count), and whether to show everyone; the row wraps
        when the window is too narrow for it (the words are longer in Ukrainian and Russian)."""
        holder, filters = flow_row()
        filters_label = QLabel(self.tr("Show:"))
        filters.addWidget(filters_label)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QPushButton] = {}
        for status in (*FILTERS, "none"):
            button = QPushButton(filter_label(status))
            button.setObjectName(f"filter_{status}")
            button.setCheckable(True)
            button.setFlat(False)
            button.setToolTip(
                self.tr("Every recipient in the log")
                if status == "all"
                else self.tr("{status}: {meaning} (as the query status:{key})").format(
                    status=status_name(status), meaning=status_meaning(status), key=status
                )
            )
            self.filter_group.addButton(button)
            self.filter_buttons[status] = button
            filters.addWidget(button)
        self.filter_buttons["all"].setChecked(True)
        self.filter_buttons["none"].hide()
        self.unwritten_check = QCheckBox(self.tr("Also show recipients not yet &written to"))
        self.unwritten_check.setToolTip(
            self.tr("Everyone in the directory, with status 'none' if the log has no letter to them")
        )
        filters.addWidget(self.unwritten_check)
        return holder

    def _build_lists(self) -> QSplitter:
        """The log's table (or the page saying it is empty) above the selected recipient's history."""
        self.table = record_table(self, "outreach_table", self.model, COLUMN_WIDTHS, COL_ACTION)
        # Several recipients at once (Shift+click, Ctrl+click, Ctrl+A): a print pack posted,
        # the replies of a meeting, marked in one go
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.empty = QLabel(self.tr(EMPTY_TEXT))
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(style.EMPTY_PAGE_STYLE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.setSpacing(4)
        # Several recipients selected: how many, and whose history the panel shows
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selection_note")
        self.selection_label.setWordWrap(True)
        self.selection_label.hide()
        self.history_title = QLabel()
        self.history_title.setObjectName("history_title")
        self.history_title.setTextFormat(Qt.TextFormat.RichText)
        self.history_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = QStandardItemModel(0, len(HISTORY_COLUMNS), self)
        self.history_model.setHorizontalHeaderLabels([self.tr(h) for h in HISTORY_COLUMNS])
        self.history = QTableView()
        self.history.setObjectName("history")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(False)
        self.history.setShowGrid(False)
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().hide()
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        hheader = self.history.horizontalHeader()
        hheader.setHighlightSections(False)
        for column, width in enumerate((210, 150, 90, 120, 90)):
            self.history.setColumnWidth(column, width)
        hheader.setStretchLastSection(True)
        history_layout.addWidget(self.selection_label)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 220])
        return splitter

    def _build_footer(self) -> QHBoxLayout:
        """The counts, the last action's outcome, Open report."""
        footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long message (the team's log lost, a path) wraps in the room there is: unwrapped,
        # it once made the window 2,545 pixels wide, past the screen's edge.
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_report_button = QPushButton(self.tr("&Open report"))
        self.open_report_button.hide()
        footer.addWidget(self.count_label)
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.open_report_button)
        return footer
