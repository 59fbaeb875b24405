"""The Outreach tab: who was written to, what happened since, and who needs a follow-up.

The contact log (campaign.db) holds every letter and its history; this tab shows it as a
table, one row per recipient, with the status the command line's ``log status`` gives.
Follow-ups that are due come first and are highlighted; a letter whose sending was
interrupted ("uncertain") or refused ("failed") is marked in a warning tone, and the
status text says the same for anyone who cannot tell the colours apart.

What a volunteer does here is what ``campaign-app log`` does: mark a reply (with a note),
no reply, closed, or a letter sent by post or web form; export the log as CSV; write the
coordinators' PDF report; and open the send dialog. The log is read off the UI thread
when the tab is shown, after every change made here, after a send, and when another
campaign is opened; a change is written off the UI thread too, with the volunteer's name
from Settings, and a locked or read-only log is said plainly in the banner.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.outreach.terms import QUERY_STATUSES
from campaign_app.gui.outreach.mark_dialog import MarkDialog, MarkRequest
from campaign_app.gui.outreach.model import (
    COL_ACTION,
    FILTERS,
    OutreachData,
    OutreachModel,
    OutreachRow,
    load_outreach,
)
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tables import record_table
from campaign_app.gui.tasks import TaskRunner

DEBOUNCE_MS = 120
COLUMN_WIDTHS = (230, 140, 120, 260, 115, 100, 165)
EMPTY_TEXT = (
    "No letters in the log yet: generate letters in the Batch tab or send them with Send letters…\n\n"
    "Every letter generated or sent is recorded here, with what happened since."
)
MARK_LABELS = {
    "replied": "Mark &replied…",
    "no-reply": "Mark no reply…",
    "closed": "Mark closed…",
    "sent": "Mark sent by post, web form…",
}
HISTORY_COLUMNS = ("When", "Letter", "Event", "By", "Channel", "Detail")


def _problems(exc: UserError | UserErrors) -> str:
    return "\n".join(str(e) for e in flatten(exc))


def _filter_label(status: str) -> str:
    return "All" if status == "all" else status


class OutreachTab(QWidget):
    """The contact log as a table; marks, export, report and the send dialog."""

    def __init__(
        self,
        session: WorkspaceSession,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        # Injectable so tests never start a PDF viewer or show a native file dialog.
        self.open_url: Callable[[QUrl], bool] = open_url or QDesktopServices.openUrl
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save_path
        self.model = OutreachModel(self)
        self.mark_dialog: MarkDialog | None = None
        self.send_dialog = None  # SendDialog, built on first use
        self._generation = 0
        self._loading = False
        self._loaded_once = False
        self._busy = False  # a mark, export or report is being written
        self._selected_id: str | None = None
        self._last_report: Path | None = None
        self._data = OutreachData()
        self._build()
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part)
        self._update_actions()
        self._show_page()

    # ---- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)

        self.banner = QLabel()
        self.banner.setObjectName("outreachBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel#outreachBanner { color: #8c1d18; background: #fdecea; border: 1px solid #f1b0aa;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)

        top = QHBoxLayout()
        search_label = QLabel("S&earch:")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("name or category, e.g. simecka   mep")
        self.search.setToolTip("Words looked for in names, ids and categories (case and accents ignored)")
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        top.addWidget(search_label)
        top.addWidget(self.search, 1)

        self.mark_button = QToolButton()
        self.mark_button.setObjectName("mark_button")
        self.mark_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.mark_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.mark_actions: dict[str, QAction] = {}
        menu = QMenu(self.mark_button)
        for status, label in MARK_LABELS.items():
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, s=status: self.mark(s))
            menu.addAction(action)
            self.mark_actions[status] = action
        self.mark_actions["replied"].setShortcut(QKeySequence("Ctrl+R"))
        self.mark_actions["replied"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.mark_actions["replied"])
        self.mark_button.setMenu(menu)
        self.mark_button.setDefaultAction(self.mark_actions["replied"])
        self.mark_button.setToolTip(
            "Record a reply for the selected recipient (Ctrl+R); the arrow offers no reply, closed, "
            "and letters sent by post or web form"
        )
        self.send_button = QPushButton("Se&nd letters…")
        self.send_button.setToolTip("E-mail a template's letters through the campaign's mail server")
        self.send_button.clicked.connect(self.open_send_dialog)
        self.export_button = QPushButton("E&xport CSV…")
        self.export_button.setToolTip("The whole log, one row per event, for a spreadsheet or a merge")
        self.export_button.clicked.connect(self.export_csv)
        self.report_button = QPushButton("Re&port PDF…")
        self.report_button.setToolTip("A one-page summary for coordinators")
        self.report_button.clicked.connect(self.write_report)
        self.refresh_button = QPushButton("Re&fresh")
        self.refresh_button.setToolTip("Read the contact log again (F5)")
        self.refresh_button.clicked.connect(self.reload)
        for widget in (
            self.mark_button,
            self.send_button,
            self.export_button,
            self.report_button,
            self.refresh_button,
        ):
            top.addWidget(widget)
        layout.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters_label = QLabel("Show:")
        filters.addWidget(filters_label)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[str, QPushButton] = {}
        for status in (*FILTERS, "none"):
            button = QPushButton(_filter_label(status))
            button.setObjectName(f"filter_{status}")
            button.setCheckable(True)
            button.setFlat(False)
            button.setToolTip(
                "Every recipient in the log"
                if status == "all"
                else f"{status}: {QUERY_STATUSES.get(status, '')} (as the query status:{status})"
            )
            button.toggled.connect(lambda checked, s=status: checked and self.set_status_filter(s))
            self.filter_group.addButton(button)
            self.filter_buttons[status] = button
            filters.addWidget(button)
        self.filter_buttons["all"].setChecked(True)
        self.filter_buttons["none"].hide()
        filters.addStretch(1)
        self.unwritten_check = QCheckBox("Also show recipients not yet &written to")
        self.unwritten_check.setToolTip(
            "Everyone in the directory, with status 'none' if the log has no letter to them"
        )
        self.unwritten_check.toggled.connect(self._unwritten_toggled)
        filters.addWidget(self.unwritten_check)
        layout.addLayout(filters)

        self.table = record_table(self, "outreach_table", self.model, COLUMN_WIDTHS, COL_ACTION)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.mark("replied"))

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text); font-size: 11pt; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.setSpacing(4)
        self.history_title = QLabel()
        self.history_title.setObjectName("history_title")
        self.history_title.setTextFormat(Qt.TextFormat.RichText)
        self.history_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = QStandardItemModel(0, len(HISTORY_COLUMNS), self)
        self.history_model.setHorizontalHeaderLabels(list(HISTORY_COLUMNS))
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
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 220])
        layout.addWidget(splitter, 1)

        footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_report_button = QPushButton("&Open report")
        self.open_report_button.clicked.connect(self.open_report)
        self.open_report_button.hide()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)
        footer.addWidget(self.open_report_button)
        layout.addLayout(footer)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.model.set_filter(text=self.search.text()))

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus, context=scope)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload, context=scope)
        only_there = Qt.ShortcutContext.WidgetShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=only_there)
        self.setTabOrder(self.search, self.mark_button)
        self.setTabOrder(self.refresh_button, self.table)

    # ---- loading -------------------------------------------------------------------------

    def _on_workspace(self) -> None:
        self.model.set_data(OutreachData())
        self._loaded_once = False
        self._selected_id = None
        self._last_report = None
        self.open_report_button.hide()
        self.status_label.setText("")
        self._show_banner("")
        self.reload()

    def _on_part(self, part: str) -> None:
        if part in ("campaign", "case", "directory"):  # follow-up period, case, names
            self.reload()

    def reload(self) -> None:
        """Read the log again, off the UI thread (later, if the tab is not shown)."""
        self._generation += 1
        if not self.isVisible():
            self._show_page()
            return
        ws = self.session.workspace
        self._update_actions()
        if ws is None:
            self._show_page()
            return
        generation = self._generation
        include = self.unwritten_check.isChecked()
        self._loading = True
        if not self._loaded_once:
            self.count_label.setText("Reading the contact log…")
        self.tasks.submit(
            lambda: load_outreach(ws, include),
            lambda data: self._loaded(generation, data),
            lambda exc: self._load_failed(generation, exc),
        )

    def _loaded(self, generation: int, data: OutreachData) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._loaded_once = True
        self._data = data
        self._show_banner("")
        self.model.set_data(data)
        if self.current_row() is None and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))  # its history shows at once
        self._show_counts()
        self._show_page()
        self._update_actions()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._show_banner(f"The contact log cannot be read:\n{_problems(exc)}")
        self.count_label.setText("")
        self._update_actions()

    def _show_counts(self) -> None:
        counts = self.model.counts
        for status, button in self.filter_buttons.items():
            button.setText(f"{_filter_label(status)} ({counts.get(status, 0)})")
        due = counts.get("followup-due", 0)
        self.filter_buttons["followup-due"].setStyleSheet("font-weight: 600;" if due else "")
        self._update_count_label()

    def _update_count_label(self) -> None:
        data = self._data
        if not self._loaded_once:
            return
        shown, total = self.model.rowCount(), self.model.total()
        written = data.written
        text = f"{written} recipient{'s' if written != 1 else ''} in the log"
        if data.unwritten:
            text += f", {data.unwritten} not written to yet"
        if shown != total:
            text += f" · {shown} shown"
        due = self.model.counts.get("followup-due", 0)
        if due:
            text += f" · {due} follow-up{'s' if due != 1 else ''} due (after {data.follow_up_days} days)"
        self.count_label.setText(text)

    def _show_page(self) -> None:
        empty = self._loaded_once and self.model.total() == 0
        if self.session.workspace is None:
            self.empty.setText(
                "No campaign is open: open a campaign folder with File ▸ Open campaign folder…"
            )
            empty = True
        else:
            self.empty.setText(EMPTY_TEXT)
        self.stack.setCurrentWidget(self.empty if empty else self.table)

    def _unwritten_toggled(self, checked: bool) -> None:
        self.filter_buttons["none"].setVisible(checked)
        if not checked and self.model.status_filter == "none":
            self.filter_buttons["all"].setChecked(True)
        self.reload()

    def set_status_filter(self, status: str) -> None:
        """Show only the recipients with that status ("all": everyone)."""
        button = self.filter_buttons[status]
        if not button.isChecked():
            button.setChecked(True)  # comes back here through toggled
            return
        self.model.set_filter(status=status)
        self._update_count_label()

    # ---- selection and history -----------------------------------------------------------

    def current_row(self) -> OutreachRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, recipient_id: str) -> bool:
        row = self.model.row_of_id(recipient_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _remember_selection(self) -> None:
        row = self.current_row()
        if row is not None:
            self._selected_id = row.recipient_id

    def _restore_selection(self) -> None:
        self._update_count_label()
        if self._selected_id is None or not self.select(self._selected_id):
            self._show_history(None)
        self._update_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self._selected_id = row.recipient_id
        self._show_history(row)
        self._update_actions()

    def _show_history(self, row: OutreachRow | None) -> None:
        self.history_model.removeRows(0, self.history_model.rowCount())
        if row is None:
            self.history_title.setText("<b>History</b> — select a recipient to see every letter and event")
            return
        letters = f"{row.letters} letter{'s' if row.letters != 1 else ''}"
        self.history_title.setText(
            f"<b>History of {html.escape(row.name)}</b> ({html.escape(row.recipient_id)}) · {letters}"
            + (f" · follow-up due since {row.due_on:%d %b %Y}" if row.due and row.due_on else "")
        )
        for line in reversed(row.history):  # the latest first
            items = [
                QStandardItem(text)
                for text in (line.when, line.template_id, line.kind, line.by, line.channel, line.detail)
            ]
            items[-1].setToolTip(line.detail)
            self.history_model.appendRow(items)

    def history_lines(self) -> list[tuple[str, ...]]:
        """The history panel's rows as text (latest first): for tests and accessibility checks."""
        model = self.history_model
        return [
            tuple(model.item(r, c).text() for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]

    # ---- actions -------------------------------------------------------------------------

    def _update_actions(self) -> None:
        ws = self.session.workspace is not None
        row = self.current_row()
        can_mark = ws and row is not None and row.letters > 0 and not self._busy
        for action in self.mark_actions.values():
            action.setEnabled(can_mark)
        self.mark_button.setEnabled(can_mark)
        has_log = ws and self.model.total() > 0
        self.export_button.setEnabled(bool(has_log) and not self._busy)
        self.report_button.setEnabled(bool(has_log) and not self._busy)
        self.send_button.setEnabled(ws)
        self.refresh_button.setEnabled(ws)

    def mark(self, status: str = "replied") -> None:
        """Open the mark dialog for the selected recipient (``status`` chosen in it)."""
        from campaign_app.core.common.appstate import volunteer_name

        row = self.current_row()
        if row is None or row.letters == 0 or self.session.workspace is None or self._busy:
            return
        templates = sorted({line.template_id for line in row.history if line.template_id})
        dialog = MarkDialog(row.recipient_id, row.name, templates, status, by=volunteer_name(), parent=self)
        dialog.accepted.connect(lambda: self._record(dialog.request(), row.name))
        dialog.finished.connect(dialog.deleteLater)
        self.mark_dialog = dialog
        dialog.open()

    def _record(self, request: MarkRequest, name: str) -> None:
        from campaign_app.core.common.appstate import volunteer_name

        ws = self.session.workspace
        if ws is None:
            return
        by = volunteer_name()

        def job() -> int:
            from campaign_app.core.campaign.marking import mark_letter

            changed = mark_letter(
                ws,
                request.recipient_id,
                request.status,
                by,
                note=request.note,
                channel=request.channel,
                template_id=request.template_id,
            )
            return len(changed)

        def done(count: int) -> None:
            self._busy = False
            what = request.status + (f" ({request.channel})" if request.channel else "")
            letters = f"{count} letter{'s' if count != 1 else ''}"
            self.status_label.setText(f"Marked {name} {what} · {letters} · {time.strftime('%H:%M')}")
            self._selected_id = request.recipient_id
            self.reload()

        self._busy = True
        self._update_actions()
        self.status_label.setText("Recording…")
        self.tasks.submit(job, done, self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_actions()
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self.status_label.setText("Nothing was recorded." if "Record" in self.status_label.text() else "")
        self._show_banner(_problems(exc))

    def _ask_save_path(self, title: str, default: str, filters: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, title, default, filters)
        return path

    def _default_path(self, name: str) -> str:
        ws = self.session.workspace
        return str((ws.root if ws is not None else Path.home()) / name)

    def export_csv(self) -> None:
        """The whole log for the case as CSV (``campaign-app log export``)."""
        ws = self.session.workspace
        if ws is None or self._busy:
            return
        case = self._case_id()
        chosen = self.ask_save_path(
            "Export the contact log",
            self._default_path(f"contact-log-{case or 'all'}.csv"),
            "CSV files (*.csv)",
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".csv")

        def job() -> int:
            from campaign_app.core.outreach.export import export_log

            with ws.read_log() as log:
                return export_log(log, target, case)

        def done(rows: int) -> None:
            self._busy = False
            self._update_actions()
            self.open_report_button.hide()
            self.status_label.setText(f"Exported {rows} row{'s' if rows != 1 else ''} to {target}")

        self._busy = True
        self._update_actions()
        self.status_label.setText("Exporting…")
        self.tasks.submit(job, done, self._write_failed)

    def write_report(self) -> None:
        """The coordinators' one-page PDF (``campaign-app log report``); then "Open report"."""
        ws = self.session.workspace
        if ws is None or self._busy:
            return
        chosen = self.ask_save_path(
            "Write the outreach report",
            self._default_path(f"outreach-report-{self._case_id() or 'all'}.pdf"),
            "PDF files (*.pdf)",
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(".pdf")

        def job() -> Path:
            from campaign_app.core.campaign.report import write_campaign_report

            write_campaign_report(ws, target)
            return target

        def done(path: Path) -> None:
            self._busy = False
            self._update_actions()
            self._last_report = path
            self.status_label.setText(f"Wrote the report to {path}")
            self.open_report_button.show()

        self._busy = True
        self._update_actions()
        self.status_label.setText("Writing the report…")
        # reportlab: through the single writer thread, like every PDF the window writes.
        self.tasks.submit(job, done, self._write_failed, writes_documents=True)

    def open_report(self) -> None:
        if self._last_report is not None:
            self.open_url(QUrl.fromLocalFile(str(self._last_report)))

    def _case_id(self) -> str | None:
        ws = self.session.workspace
        try:
            return ws.case.id if ws is not None else None
        except (UserError, UserErrors):
            return None

    def open_send_dialog(self) -> None:
        from campaign_app.gui.outreach.send_dialog import SendDialog

        if self.session.workspace is None:
            return
        dialog = self.send_dialog
        if dialog is None or dialog.workspace is not self.session.workspace:
            if dialog is not None and dialog.running():
                dialog.show()
                dialog.raise_()
                return
            if dialog is not None:
                dialog.deleteLater()
            dialog = SendDialog(self.session, self.tasks, parent=self, open_settings=self._open_settings)
            dialog.sent.connect(self.reload)
            self.send_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _open_settings(self) -> None:
        window = self.window()
        select = getattr(window, "select_tab", None)
        if select is not None:
            select("settings")

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # ---- visibility and closing ------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Read the log each time the tab is shown: a batch, a send or the command line may
        # have changed it since (cheap: one query per table, off the UI thread).
        self.reload()

    def shutdown(self) -> None:
        """The window is closing: a send in progress is cancelled (the message in flight finishes)."""
        if self.send_dialog is not None:
            self.send_dialog.shutdown()
