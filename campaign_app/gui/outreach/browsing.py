"""Browsing the contact log on the Outreach tab: reading it, filtering, a recipient's history.

The contact log (campaign.db) holds every letter and its history; this tab shows it as a
table, one row per recipient, with the status the command line's ``log status`` gives.
Follow-ups that are due come first and are highlighted; a letter whose sending was
interrupted ("uncertain") or refused ("failed") is marked in a warning tone, and the
status text says the same for anyone who cannot tell the colours apart. The log is read off
the UI thread when the tab is shown, after every change made here, after a send, and when
another campaign is opened.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem
from PySide6.QtWidgets import QWidget

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui import style
from campaign_app.gui.base_tab import Generation
from campaign_app.gui.outreach.model import (
    HistoryLine,
    OutreachData,
    OutreachRow,
    date_text,
    load_history,
    load_outreach,
    team_html,
)
from campaign_app.gui.outreach.selection import make_current, select_ids, selected_rows
from campaign_app.gui.outreach.team_watch import TeamWatch
from campaign_app.gui.outreach.widgets import EMPTY_TEXT, OutreachWidgets, filter_label
from campaign_app.gui.session import WorkspaceSession, log_on_a_server
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import problems

OTHERS_DEBOUNCE_MS = 300  # a batch of letters by another member is one reading, not fifty


class OutreachBrowser(OutreachWidgets):
    """The contact log in the table: read off the UI thread, filtered, one recipient's history."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._loading = False
        self._loaded_once = False
        self._selected_id: str | None = None  # the recipient with the focus (their history shown)
        self._selected_ids: list[str] = []  # every recipient selected, kept across a reading
        # The shown recipient's history, read off the UI thread (a team's log is a server away)
        self.history_requests = Generation()
        self._last_report: Path | None = None
        self._data = OutreachData()
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self._debounce.timeout.connect(lambda: self.model.set_filter(text=self.search.text()))
        for status, button in self.filter_buttons.items():
            button.toggled.connect(lambda checked, s=status: self._filter_toggled(s, checked))
        self.unwritten_check.toggled.connect(self._unwritten_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh_button.clicked.connect(self.reload)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload, context=scope)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        # Another member's changes (a team's log): read again once they pause a moment.
        self.team_watch: TeamWatch | None = None
        self._lost_message = ""  # what the listener said when its connection failed
        self.inbox_note = ""  # what the last inbox check could not record: kept above the table
        self._others_changed = QTimer(self)
        self._others_changed.setSingleShot(True)
        self._others_changed.setInterval(OTHERS_DEBOUNCE_MS)
        self._others_changed.timeout.connect(self.reload)
        self.watch_team()

    def _filter_toggled(self, status: str, checked: bool) -> None:
        if checked:
            self.set_status_filter(status)

    # ---- loading -------------------------------------------------------------------------

    # ---- other members' changes ----------------------------------------------------------

    def watch_team(self) -> None:
        """Listen to the open workspace's team log (none for campaign.db); stops the last one."""
        self.stop_watching()
        ws = self.session.workspace
        try:
            shared = ws is not None and ws.campaign.log_database is not None
        except (UserError, UserErrors):
            shared = False  # campaign.yaml is broken: the tab says so when it reads the log
        if not shared:
            return
        watch = TeamWatch(ws, self)
        watch.changed.connect(self._others_changed.start)
        watch.lost.connect(self._listener_lost)
        self.team_watch = watch
        watch.start()

    def _listener_lost(self, message: str) -> None:
        self._lost_message = message
        self.status_label.setText(message)

    def stop_watching(self) -> None:
        """Stop listening (a closing window, another campaign, a changed campaign.yaml)."""
        if self.team_watch is not None:
            self.team_watch.stop()
            self.team_watch.deleteLater()
            self.team_watch = None
        self._others_changed.stop()

    def _on_workspace(self) -> None:
        self.watch_team()
        self.team_label.hide()  # until the new campaign's log says whose it is
        self.model.set_data(OutreachData())
        self._loaded_once = False
        self._selected_id = None
        self._selected_ids = []
        self._last_report = None
        self.open_report_button.hide()
        self.status_label.setText("")
        self.inbox_note = ""
        self.show_banner("")
        self.reload()

    def _on_part(self, part: str) -> None:
        if part == "campaign":  # log_database may have changed
            self.watch_team()
        if part in ("campaign", "case", "directory"):  # follow-up period, case, names
            self.reload()

    def reload(self) -> None:
        """Read the log again, off the UI thread (later, if the tab is not shown)."""
        if not self.isVisible():
            self.requests.next()  # a read on its way is stale: the tab reads again when shown
            self._show_page()
            return
        ws = self.session.workspace
        self._update_actions()
        if ws is None:
            self.requests.next()
            self._show_page()
            return
        include = self.unwritten_check.isChecked()
        self._loading = True
        if not self._loaded_once:
            self.count_label.setText(self.tr("Reading the contact log…"))
        # A team's log is read from its server, which may not answer for the whole connect
        # timeout: closing the window does not wait for that read (it writes nothing; a
        # campaign.db may be upgraded as it is opened, which is waited for).
        self.submit_newest(
            lambda: load_outreach(ws, include),
            self._loaded,
            self._load_failed,
            only_waits=log_on_a_server(ws),
        )

    def _loaded(self, data: OutreachData) -> None:
        self._loading = False
        self._loaded_once = True
        self._data = data
        self.show_banner(self.inbox_note, error=False)
        self.model.set_data(data)
        if data.shared and self.team_watch is not None and not self.team_watch.running:
            # The team's log is readable again (a password kept since, the server back): so
            # may it be listened to again, instead of a lost listener's message staying up.
            if self.status_label.text() == self._lost_message:
                self.status_label.clear()
            self.watch_team()
        self.team_label.setVisible(data.shared)
        self.team_label.setText(team_html(data.team) if data.shared else "")
        if self.current_row() is None and self.model.rowCount():
            make_current(self.table, 0)  # its history shows at once
        self._show_counts()
        self._show_page()
        self._update_actions()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self.show_banner(self.tr("The contact log cannot be read:") + "\n" + problems(exc))
        self.empty.setText(self.tr("Nothing to show until the contact log can be read (see above)."))
        # What the last reading showed is not shown as if current (its team, its counts, a
        # recipient's history, Mark): the log may have changed, or be closed to this member.
        self._data = OutreachData()
        self.model.set_data(self._data)
        self.team_label.hide()
        self._show_counts()
        self.count_label.setText("")
        self.stack.setCurrentWidget(self.empty)
        self._update_actions()

    def _show_counts(self) -> None:
        counts = self.model.counts
        for status, button in self.filter_buttons.items():
            button.setText(f"{filter_label(status)} ({counts.get(status, 0)})")
        due = counts.get("followup-due", 0)
        self.filter_buttons["followup-due"].setStyleSheet(style.BOLD_STYLE if due else "")
        self._update_count_label()

    def _update_count_label(self) -> None:
        data = self._data
        if not self._loaded_once:
            return
        shown, total = self.model.rowCount(), self.model.total()
        written = data.written
        text = OutreachBrowser.tr("%n recipient(s) in the log", "", written)  # type: ignore[arg-type]
        if data.unwritten:
            text += self.tr(", {count} not written to yet").format(count=data.unwritten)
        if shown != total:
            text += self.tr(" · {count} shown").format(count=shown)
        due = self.model.counts.get("followup-due", 0)
        if due:
            days = data.follow_up_days
            text += " · " + OutreachBrowser.tr("%n follow-up(s) due", "", due)  # type: ignore[arg-type]
            text += " " + OutreachBrowser.tr("(after %n day(s))", "", days)  # type: ignore[arg-type]
        self.count_label.setText(text)

    def _show_page(self) -> None:
        empty = self._loaded_once and self.model.total() == 0
        if self.session.workspace is None:
            self.empty.setText(
                self.tr("No campaign is open: open a campaign folder with File ▸ Open campaign folder…")
            )
            empty = True
        else:
            self.empty.setText(self.tr(EMPTY_TEXT))
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

    def selected_rows(self) -> list[OutreachRow]:
        """The recipients selected (several with Shift+click, Ctrl+click or Ctrl+A), in the
        table's order: whom a mark is for."""
        return selected_rows(self.table, self.model)

    def select(self, recipient_id: str) -> bool:
        """Select this one recipient (False: not shown)."""
        row = self.model.row_of_id(recipient_id)
        if row < 0:
            return False
        make_current(self.table, row)
        return True

    def _remember_selection(self) -> None:
        row = self.current_row()
        if row is not None:
            self._selected_id = row.recipient_id
        selected = self.selected_rows()
        if row is not None or selected:  # none shown (a search, a filter): kept for later
            self._selected_ids = [r.recipient_id for r in selected]

    def _restore_selection(self) -> None:
        self._update_count_label()
        if not select_ids(self.table, self.model, self._selected_ids, self._selected_id):
            self._show_history(None)
        self._update_actions()

    def _selection_changed(self, *_args) -> None:
        count = len(self.selected_rows())
        self.selection_label.setVisible(count > 1)
        if count > 1:
            self.selection_label.setText(
                "<b>"
                + OutreachBrowser.tr("%n recipient(s) selected", "", count)  # type: ignore[arg-type]
                + "</b>: "
                + self.tr(
                    "a mark is recorded for each of them; the history below is of the row with the focus."
                )
            )
        self._update_actions()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self._selected_id = row.recipient_id
        self._show_history(row)
        self._update_actions()

    def _show_history(self, row: OutreachRow | None) -> None:
        number = self.history_requests.next()  # what an earlier selection asked for is stale
        self.history_model.removeRows(0, self.history_model.rowCount())
        if row is None:
            self.history_title.setText(
                "<b>"
                + self.tr("History")
                + "</b> — "
                + self.tr("select a recipient to see every letter and event")
            )
            return
        count = row.letters
        letters = OutreachBrowser.tr("%n letter(s)", "", count)  # type: ignore[arg-type]
        due = (
            self.tr(" · follow-up due since {date}").format(date=date_text(row.due_on))
            if row.due and row.due_on
            else ""
        )
        self.history_title.setText(
            "<b>"
            + self.tr("History of {name}").format(name=html.escape(row.name))
            + f"</b> ({html.escape(row.recipient_id)}) · {letters}"
            + due
            + (f": {html.escape(row.due_reason)}" if row.due and row.due_reason else "")
        )
        ws = self.session.workspace
        if ws is None or not row.letter_states:
            return
        self.tasks.submit_read(  # a team's log: closing the window does not wait for it
            lambda: load_history(ws, row),
            self.history_requests.guard(self._history_read, number),
            self.history_requests.guard(self._history_failed, number),
            only_waits=log_on_a_server(ws),
        )

    def _history_read(self, lines: tuple[HistoryLine, ...]) -> None:
        for line in reversed(lines):  # the latest first
            items = [
                QStandardItem(text)
                for text in (line.when, line.template_id, line.kind, line.by, line.channel, line.detail)
            ]
            items[-1].setToolTip(line.detail)
            self.history_model.appendRow(items)

    def _history_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self.history_title.setText(
            self.history_title.text()
            + "<br>"
            + html.escape(self.tr("The history cannot be read:") + " " + problems(exc))
        )

    def history_lines(self) -> list[tuple[str, ...]]:
        """The history panel's rows as text (latest first): for tests and accessibility checks."""
        model = self.history_model
        return [
            tuple(model.item(r, c).text() for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]

    def _update_actions(self) -> None:
        ws = self.session.workspace is not None
        can_mark = ws and any(row.letters > 0 for row in self.selected_rows()) and not self.busy
        for action in self.mark_actions.values():
            action.setEnabled(can_mark)
        self.mark_button.setEnabled(can_mark)
        has_log = ws and self.model.total() > 0
        self.export_button.setEnabled(bool(has_log) and not self.busy)
        self.report_button.setEnabled(bool(has_log) and not self.busy)
        self.send_button.setEnabled(ws)
        self.inbox_button.setEnabled(bool(has_log) and not self.busy)
        self.refresh_button.setEnabled(ws)

    def busy_changed(self, busy: bool) -> None:
        self._update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Read the log each time the tab is shown: a batch, a send or the command line may
        # have changed it since (cheap: one query per table, off the UI thread).
        self.reload()
