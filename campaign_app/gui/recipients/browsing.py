"""Browsing the directory on the Recipients tab: loading it, searching, counting, selecting.

The search box takes the command line's query language (``category:mep country:SK
simecka``; a mistake shows the command line's message under the box), so a query tried
here can be pasted into ``campaign-app generate --query``. Typing is debounced and
filtered on a precomputed index, so even 100,000 entries filter without a stall. A search
(or category) that leaves no row is said in the table's place, with the way back; while the
query has a mistake the table keeps the last valid search's rows, and the mistake's line
says so.

Loading runs off the UI thread: the directory (validated by the core, as for the command
line) and its search index; a column's sort order is built off the UI thread the first
time the user sorts by it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.outreach.terms import QUERY_STATUSES
from campaign_app.gui.base_tab import Generation
from campaign_app.gui.recipients.loading import doubtful_addresses, freshness_days, load_directory, sort_order
from campaign_app.gui.recipients.rows import Counts, LoadedDirectory, SortOrder
from campaign_app.gui.recipients.widgets import RecipientsWidgets
from campaign_app.gui.session import WorkspaceSession, log_on_a_server
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import number


def _set_text(label: QLabel | QAbstractButton, text: str) -> None:
    """Set a label's text only when it changes: these run on every keystroke, and each call
    into Qt that returns nothing costs PySide6 6.12 on CPython 3.11 a reference to None."""
    if label.text() != text:
        label.setText(text)


class RecipientsBrowser(RecipientsWidgets):
    """The directory in the table: loaded off the UI thread, searched, counted, selected."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._own_change = False  # this tab wrote the directory: no need to read it again
        self._selected_id: str | None = None
        self._query_text = ""  # the search the table shows: the last one without a mistake
        # The contact log's statuses for ``status:`` queries, read off the UI thread (a team's
        # log is on a server); kept while the search asks for a status, read afresh after
        self._statuses: dict[str, frozenset[str]] | None = None
        self._status_reads = Generation()
        self.search.textChanged.connect(self._schedule_query)
        self._debounce.timeout.connect(self._apply_query)
        self.facets.selectionModel().currentChanged.connect(self._facet_changed)
        self.clear_search_button.clicked.connect(self._clear_search)
        self.all_categories_button.clicked.connect(self._all_categories)
        # A mouse click makes the row current first and selects it after: the buttons follow
        # the selection (an entry is editable once its row is selected), not the current row.
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.model.countsChanged.connect(self._show_counts)
        self.model.orderNeeded.connect(self._build_order)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search, context=scope)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reread, context=scope)
        only_there = Qt.ShortcutContext.WidgetShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=only_there)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- loading ---------------------------------------------------------------------

    def reread(self) -> None:
        """Reload (F5): the files as they are on disk now, for this tab and the others."""
        if self.session.workspace is None:
            self.reload()
        else:
            self.session.changed("directory")  # dropped, announced: _part_changed reloads

    def reload(self) -> None:
        """Read the directory again (another workspace, a change on disk, another tab's save)."""
        workspace = self.session.workspace
        self._statuses = None
        self.model.set_directory(LoadedDirectory.empty())
        if workspace is None:
            self.requests.next()  # a load still on its way is for the old campaign
            self.loading.setText(self.tr("No campaign open"))
            self.stack.setCurrentWidget(self.loading)
            self._update_actions()
            return
        self.loading.setText(self.tr("Loading recipients…"))
        self.stack.setCurrentWidget(self.loading)
        self.count_label.setText(self.tr("Loading…"))
        self.marks_label.clear()
        self._update_actions()
        today, shared = self.model.today, log_on_a_server(workspace)
        self.submit_newest(
            lambda: load_directory(workspace, today, with_doubtful=not shared),
            self._loaded,
            self._load_failed,
        )

    def _loaded(self, loaded: LoadedDirectory) -> None:
        self.stack.setCurrentWidget(self.table)
        self.model.set_directory(loaded)
        self._update_actions()
        workspace = self.session.workspace
        if workspace is not None and log_on_a_server(workspace):  # its bounced addresses, now
            self.tasks.submit_read(
                lambda: doubtful_addresses(workspace),
                self.requests.guard(self.model.set_doubtful),
                only_waits=True,
            )

    def _build_order(self, column: int, version: int) -> None:
        """The user sorted by a column for the first time: build its order off the UI thread."""
        recipients = self.model.all_rows()
        self.status_label.setText(self.tr("Sorting…"))

        def done(order: SortOrder) -> None:
            self.model.set_order(order, version)
            if not self.model.sorting:
                self.status_label.clear()

        # dropped if the directory is read again meanwhile
        self.tasks.submit(lambda: sort_order(recipients, column), self.requests.guard(done))

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, UserError | UserErrors):
            raise error  # a bug: the crash handler shows it
        problems = flatten(error)
        count = len(problems)
        self.problems_title.setText(
            RecipientsBrowser.tr(
                "The recipient directory has %n problem(s). Correct them in the files named below, then "  # type: ignore[arg-type]
                "press Reload (F5).",
                "",
                count,  # type: ignore[arg-type]
            )
        )
        self.problems.setPlainText("\n".join(str(p) for p in problems))
        self.stack.setCurrentIndex(2)
        self.count_label.setText(self.tr("Directory not loaded"))
        self._update_actions()

    def _part_changed(self, part: str) -> None:
        if part == "directory" and not self._own_change:
            self.reload()
        elif part == "campaign" and self.model.searchable:
            workspace = self.session.workspace
            if workspace is not None and freshness_days(workspace) != self.model.stale_after:
                self.reload()  # freshness_days changed: the stale marks follow

    # ---- searching -------------------------------------------------------------------

    def _schedule_query(self) -> None:
        self._debounce.start()

    def _apply_query(self) -> None:
        workspace = self.session.workspace
        text = self.search.text()
        known = self._statuses
        try:
            query = parse_query(text, lambda: known or {}, QUERY_STATUSES)
        except UserError as exc:
            # The table keeps showing the last valid search (it does not flash empty at each
            # half-typed 'tag:'), and the line says so: its rows are not for what is typed.
            shown = self._query_text
            note = (
                self.tr("{error}. The table still shows the results of the last valid search, “{query}”.")
                if shown
                else self.tr("{error}. Until it is corrected, the search does not filter the table.")
            )
            _set_text(self.query_error, note.format(error=str(exc).rstrip("."), query=shown))
            self.query_error.show()
            return
        if not self.query_error.isHidden():
            self.query_error.hide()
        if not query.uses_status:
            self._statuses = None  # the next status: search reads the log as it is then
        elif known is None:
            if workspace is not None:
                self._read_statuses(workspace)  # and the search is applied once they are read
            return
        self._query_text = text.strip()
        self.model.set_query(query, known if query.uses_status else None)

    def _read_statuses(self, workspace) -> None:
        """The log's statuses off the UI thread: a team's log on a server that is slow, or does
        not answer, froze the window at each status: search typed (closing does not wait for
        such a read either)."""
        _set_text(self.count_label, self.tr("Reading the contact log…"))
        number_ = self._status_reads.next()
        self.tasks.submit_read(
            workspace.recipient_statuses,
            self._status_reads.guard(self._statuses_read, number_),
            self._status_reads.guard(self._statuses_failed, number_),
            only_waits=log_on_a_server(workspace),
        )

    def _statuses_read(self, statuses: dict[str, frozenset[str]]) -> None:
        self._statuses = statuses
        self._apply_query()

    def _statuses_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._show_counts(self.model.counts)  # the rows shown, as before the read
        _set_text(self.query_error, "\n".join(str(e) for e in flatten(exc)))
        self.query_error.show()

    def _clear_search(self) -> None:
        """The "Clear the search" button, where the table is empty: its rows back, the focus in the box."""
        self.search.clear()
        self._debounce.stop()
        self._apply_query()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _all_categories(self) -> None:
        self.facets.setCurrentIndex(self.facet_model.index(0, 0))
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _facet_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.model.set_category(current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None)

    def _show_counts(self, counts: Counts) -> None:
        if self.stack.currentWidget() is not self.table:
            return
        total = counts.total
        shown = RecipientsBrowser.tr("{shown} of %Ln recipient(s)", "", total)  # type: ignore[arg-type]
        shown = shown.format(shown=number(counts.shown))
        _set_text(self.count_label, shown)
        marks = []
        if counts.no_channel:
            marks.append(self.tr("{count} without a contact channel").format(count=number(counts.no_channel)))
        stale_after = self.model.stale_after
        if counts.stale:
            marks.append(
                RecipientsBrowser.tr("{count} not verified in %Ln day(s)", "", stale_after).format(  # type: ignore[arg-type]
                    count=number(counts.stale)
                )
            )
        _set_text(self.marks_label, " · ".join(marks))
        self._set_facet(
            0, self.tr("All categories ({count})").format(count=number(counts.matching)), counts.matching
        )
        for row, category in enumerate(CATEGORIES, start=1):
            count = counts.by_category.get(category, 0)
            self._set_facet(row, f"{category} ({number(count)})", count)
        self._show_no_match(counts)

    def _show_no_match(self, counts: Counts) -> None:
        """In the table's place, when the search or the category leaves none of the directory's
        entries: why, and the button that brings rows back. Every keystroke passes here, so a
        table with rows costs one test (the counts are already made)."""
        if counts.shown or not counts.total:
            if not self.no_match.isHidden():
                self.no_match.hide()
            return
        query, category = self._query_text, self.model.category
        narrowing = category is not None and counts.matching > 0  # rows in other categories
        if not narrowing:
            text = self.tr("No recipient matches “{query}”.\nCheck the spelling, or leave out a term.")
        elif query:
            text = self.tr("No recipient in the category “{category}” matches “{query}”.")
        else:
            text = self.tr("No recipient is in the category “{category}”.")
        _set_text(self.no_match_label, text.format(query=query, category=category))
        _set_text(
            self.all_categories_button,
            self.tr("Show all categories ({count})").format(count=number(counts.matching)),
        )
        if self.all_categories_button.isHidden() == narrowing:
            self.all_categories_button.setVisible(narrowing)
        if self.clear_search_button.isHidden() == bool(query):
            self.clear_search_button.setVisible(bool(query))
        if self.no_match.isHidden():
            self.no_match.show()

    def _set_facet(self, row: int, text: str, count: int) -> None:
        """Update one category's label; untouched when unchanged (this runs on every keystroke)."""
        item = self.facet_model.item(row)
        if item.text() != text:
            item.setText(text)
            empty = count == 0
            if item.data(Qt.ItemDataRole.UserRole + 1) != empty:
                item.setData(empty, Qt.ItemDataRole.UserRole + 1)
                item.setForeground(self.palette().placeholderText() if empty else self.palette().text())

    # ---- selection -------------------------------------------------------------------

    def current_recipient(self) -> Recipient | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.recipient_at(index.row())

    def select(self, recipient_id: str) -> None:
        row = self.model.row_of(recipient_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _remember_selection(self) -> None:
        current = self.current_recipient()
        self._selected_id = current.id if current is not None else None

    def _restore_selection(self) -> None:
        if self._selected_id is not None:
            self.select(self._selected_id)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self.session.workspace is not None and self.model.searchable and not self.busy
        selected = ready and self.current_recipient() is not None
        for button, enabled in (
            (self.add_button, ready),
            (self.import_button, self.session.workspace is not None and not self.busy),
            (self.edit_button, selected),
            (self.delete_button, selected),
        ):
            if button.isEnabled() != enabled:
                button.setEnabled(enabled)

    # ---- add, edit, delete -----------------------------------------------------------

    def busy_changed(self, busy: bool) -> None:
        self._update_actions()
