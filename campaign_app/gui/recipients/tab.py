"""The Recipients tab: search the directory, see what needs checking, add, edit and delete entries.

The search box takes the command line's query language (``category:mep country:SK
simecka``; a mistake shows the command line's message under the box), so a query tried
here can be pasted into ``campaign-app generate --query``. Typing is debounced and
filtered on a precomputed index, so even 100,000 entries filter without a stall.

Loading runs off the UI thread: the directory (validated by the core, as for the command
line) and its search index; a column's sort order is built off the UI thread the first
time the user sorts by it. Saving goes through :mod:`campaign_app.core.directory.edit`,
which rewrites only the entry's lines in its file; the other tabs then hear
``partChanged("directory")``. Import… (Ctrl+I) opens the :class:`ImportDialog`, which
shows what an import would do before it writes; the directory is read again afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.settings import DEFAULT_FRESHNESS_DAYS
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.directory.edit import (
    DEFAULT_FILE,
    add_recipient,
    delete_recipient,
    find_file,
    update_recipient,
)
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.directory.search import query_terms
from campaign_app.core.outreach.terms import QUERY_STATUSES
from campaign_app.gui.recipients.dialog import RecipientDialog
from campaign_app.gui.recipients.import_dialog import ImportDialog
from campaign_app.gui.recipients.model import COL_OFFICE, Counts, LoadedDirectory, RecipientsModel, SortOrder
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tables import record_table
from campaign_app.gui.tasks import TaskRunner

DEBOUNCE_MS = 150
FREEZE_AT = 20_000  # entries; see _load
COLUMN_WIDTHS = (150, 190, 130, 200, 62, 74, 220, 88)


_gc_lock = threading.Lock()
_gc_pauses = 0


@contextlib.contextmanager
def _gc_paused():
    """No cyclic garbage collection while a directory loads.

    Loading 100,000 entries allocates a few million objects that all survive; the
    collector would walk them again and again for nothing (a quarter of the load time).
    Reference counting still frees everything else meanwhile; the pause ends with the load.
    """
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.enable()


def _freshness_days(workspace) -> int:
    """The campaign's limit for a stale verified_on (as ``check`` uses); the default while
    campaign.yaml has a mistake (the Settings tab shows it; the table still loads)."""
    try:
        return workspace.campaign.freshness_days
    except (UserError, UserErrors):
        return DEFAULT_FRESHNESS_DAYS


def _load(workspace, today: dt.date) -> LoadedDirectory:
    """Runs off the UI thread: the directory as the command line reads it, the marks and the
    search index. All in one job: a table painted while a worker builds the index would wait
    for the GIL on every cell (the view calls Python thousands of times per paint)."""
    with _gc_paused():
        directory = workspace.directory
        loaded = LoadedDirectory.of(directory.recipients, directory.files, today, _freshness_days(workspace))
        if len(directory) >= FREEZE_AT:
            # A big directory lives as long as the window shows it: tell the collector to
            # leave what exists now alone, instead of re-walking ~200,000 objects (about
            # 0.1 s with the GIL held, so the window stalls) now and on every full collection.
            gc.freeze()
        return loaded


def _set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes: these run on every keystroke, and each call
    into Qt that returns nothing costs PySide6 6.12 on CPython 3.11 a reference to None."""
    if label.text() != text:
        label.setText(text)


class RecipientsTab(QWidget):
    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.model = RecipientsModel(self)
        self.dialog: RecipientDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.import_summary: QMessageBox | None = None
        self._generation = 0  # a newer load makes older results stale
        self._busy = False  # a save is running
        self._own_change = False
        self._selected_id: str | None = None
        self._build()
        self.model.countsChanged.connect(self._show_counts)
        self.model.orderNeeded.connect(self._build_order)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._part_changed)
        self._update_actions()
        if session.workspace is not None:
            self.reload()

    # ---- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)

        top = QHBoxLayout()
        search_label = QLabel("S&earch:")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText("e.g. simecka   category:mep country:SK   tag:supporter -language:uk")
        self.search.setToolTip(
            "The same queries as campaign-app --query: words are looked for in names, positions and "
            "organisations (case and accents ignored); field:value compares one field; -term excludes."
        )
        search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._schedule_query)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.add_button = QPushButton("&Add…")
        self.add_button.setToolTip("Add a recipient (Insert)")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_button.setToolTip("Edit the selected recipient (Enter or F2)")
        self.delete_button = QPushButton("De&lete")
        self.delete_button.setToolTip("Delete the selected recipient (Delete)")
        self.import_button = QPushButton("I&mport…")
        self.import_button.setToolTip(
            "Import recipients from a CSV, Excel, European Parliament XML or YAML file (Ctrl+I): "
            "see what would be added, merged and skipped before anything is written"
        )
        self.reload_button = QPushButton("Reloa&d")
        self.reload_button.setToolTip(
            "Read the recipient files again (F5), e.g. after editing them elsewhere"
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.import_button,
            self.reload_button,
        ):
            top.addWidget(button)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.import_file)
        self.reload_button.clicked.connect(self.reload)
        layout.addLayout(top)

        self.query_error = QLabel()
        self.query_error.setObjectName("query_error")
        self.query_error.setWordWrap(True)
        self.query_error.setStyleSheet("color: #b3261e;")
        self.query_error.hide()
        layout.addWidget(self.query_error)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        facets_label = QLabel("Ca&tegory")
        self.facet_model = QStandardItemModel(self)
        for category in (None, *CATEGORIES):
            item = QStandardItem(category or "All categories")
            item.setData(category, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.facet_model.appendRow(item)
        self.facets = QListView()
        self.facets.setObjectName("facets")
        self.facets.setModel(self.facet_model)
        self.facets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.facets.setCurrentIndex(self.facet_model.index(0, 0))
        self.facets.selectionModel().currentChanged.connect(self._facet_changed)
        facets_label.setBuddy(self.facets)
        side_layout.addWidget(facets_label)
        side_layout.addWidget(self.facets)
        splitter.addWidget(side)

        self.table = record_table(self, "recipients_table", self.model, COLUMN_WIDTHS, COL_OFFICE)
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(lambda _index: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        self.loading = QLabel("Loading recipients…")
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
            "Marked in the table: the Contact column of entries no letter can reach, "
            "and the Verified column of entries not checked at their source within the campaign's "
            "freshness_days (campaign.yaml)."
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

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_query)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search, context=scope)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add, context=scope)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload, context=scope)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_file, context=scope)
        # Only while the table has focus: Delete in the search box deletes a letter, not an entry.
        only_there = Qt.ShortcutContext.WidgetShortcut
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.table, self.edit, context=only_there)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete, context=only_there)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=only_there)
        self.setTabOrder(self.search, self.add_button)
        self.setTabOrder(self.reload_button, self.facets)
        self.setTabOrder(self.facets, self.table)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the directory again (another workspace, a change on disk, another tab's save)."""
        workspace = self.session.workspace
        self._generation += 1
        generation = self._generation
        self.model.set_directory(LoadedDirectory.empty())
        if workspace is None:
            self.loading.setText("No campaign open")
            self.stack.setCurrentWidget(self.loading)
            self._update_actions()
            return
        self.loading.setText("Loading recipients…")
        self.stack.setCurrentWidget(self.loading)
        self.count_label.setText("Loading…")
        self.marks_label.clear()
        self._update_actions()
        today = self.model.today
        self.tasks.submit(
            lambda: _load(workspace, today),
            partial(self._loaded, generation),
            partial(self._load_failed, generation),
        )

    def _loaded(self, generation: int, loaded: LoadedDirectory) -> None:
        if generation != self._generation:
            return
        self.stack.setCurrentWidget(self.table)
        self.model.set_directory(loaded)
        self._update_actions()

    def _build_order(self, column: int, version: int) -> None:
        """The user sorted by a column for the first time: build its order off the UI thread."""
        recipients = self.model.all_rows()
        generation = self._generation
        self.status_label.setText("Sorting…")

        def done(order: SortOrder) -> None:
            if generation == self._generation:
                self.model.set_order(order, version)
                if not self.model.sorting:
                    self.status_label.clear()

        self.tasks.submit(lambda: SortOrder.of(recipients, column), done)

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, UserError | UserErrors):
            raise error  # a bug: the crash handler shows it
        problems = flatten(error)
        self.problems_title.setText(
            f"The recipient directory has {len(problems)} problem{'s' if len(problems) != 1 else ''}. "
            "Correct them in the files named below, then press Reload (F5)."
        )
        self.problems.setPlainText("\n".join(str(p) for p in problems))
        self.stack.setCurrentIndex(2)
        self.count_label.setText("Directory not loaded")
        self._update_actions()

    def _part_changed(self, part: str) -> None:
        if part == "directory" and not self._own_change:
            self.reload()
        elif part == "campaign" and self.model.searchable:
            workspace = self.session.workspace
            if workspace is not None and _freshness_days(workspace) != self.model.stale_after:
                self.reload()  # freshness_days changed: the stale marks follow

    # ---- searching -------------------------------------------------------------------

    def _schedule_query(self) -> None:
        self._debounce.start()

    def _apply_query(self) -> None:
        workspace = self.session.workspace
        table: list = []

        def statuses():  # the contact log is read only when the query asks for a status
            if not table:
                table.append(workspace.recipient_statuses() if workspace is not None else {})
            return table[0]

        try:
            terms = query_terms(self.search.text(), statuses, QUERY_STATUSES)
            if any(t.field == "status" for t in terms):
                statuses()
        except UserError as exc:
            self.query_error.setText(str(exc))
            self.query_error.show()
            return  # keep showing the last valid search
        if not self.query_error.isHidden():
            self.query_error.hide()
        self.model.set_query(terms, table[0] if table else None)

    def _facet_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.model.set_category(current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None)

    def _show_counts(self, counts: Counts) -> None:
        if self.stack.currentWidget() is not self.table:
            return
        _set_text(self.count_label, f"{counts.shown:,} of {counts.total:,} recipients")
        marks = []
        if counts.no_channel:
            marks.append(f"{counts.no_channel:,} without a contact channel")
        if counts.stale:
            marks.append(f"{counts.stale:,} not verified in {self.model.stale_after:,} days")
        _set_text(self.marks_label, " · ".join(marks))
        self._set_facet(0, f"All categories ({counts.matching:,})", counts.matching)
        for row, category in enumerate(CATEGORIES, start=1):
            count = counts.by_category.get(category, 0)
            self._set_facet(row, f"{category} ({count:,})", count)

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
        ready = self.session.workspace is not None and self.model.searchable and not self._busy
        selected = ready and self.current_recipient() is not None
        for button, enabled in (
            (self.add_button, ready),
            (self.import_button, self.session.workspace is not None and not self._busy),
            (self.edit_button, selected),
            (self.delete_button, selected),
        ):
            if button.isEnabled() != enabled:
                button.setEnabled(enabled)

    # ---- add, edit, delete -----------------------------------------------------------

    def _ready(self) -> bool:
        return self.session.workspace is not None and self.model.searchable and not self._busy

    def add(self) -> None:
        if not self._ready():
            return
        root = self.session.workspace.root  # type: ignore[union-attr]
        dialog = RecipientDialog(
            None,
            self.model.used_elsewhere(None),
            files=self.model.files,
            default_file=root / DEFAULT_FILE,
            recipients_folder=root / DEFAULT_FILE.parent,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._save_new(dialog))
        self._open(dialog)

    def edit(self) -> None:
        recipient = self.current_recipient()
        if recipient is None or not self._ready():
            return
        dialog = RecipientDialog(recipient, self.model.used_elsewhere(recipient.id), parent=self)
        dialog.accepted.connect(lambda: self._save_edit(recipient, dialog))
        self._open(dialog)

    def import_file(self) -> None:
        """Open the Import dialog; after an import the directory is read again, here and in
        every tab (``partChanged("directory")``)."""
        workspace = self.session.workspace
        if workspace is None or self._busy:
            return
        dialog = ImportDialog(workspace.root, self.tasks, parent=self)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _result: dialog.dispose())
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, report) -> None:
        written = ", ".join(report.written) or "nothing"
        self.status_label.setText(f"Imported: {report.summary()}.")
        self.session.changed("directory")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Import done",
            f"Imported {Path(report.source).name}: {report.summary()}.\n\nWritten: {written}",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.finished.connect(box.deleteLater)
        self.import_summary = box
        box.open()

    def _open(self, dialog: RecipientDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete(self) -> None:
        recipient = self.current_recipient()
        if recipient is None or not self._ready():
            return
        path = self.model.file_of(recipient)
        where = f" from {self._shown(path)}" if path is not None else ""
        answer = QMessageBox.question(
            self,
            "Delete recipient",
            f"Delete {recipient.display_name} ({recipient.id}){where}?\n\n"
            "The entry is removed from the file. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        next_row = self.table.currentIndex().row()
        rid = recipient.id

        def done(target: Path) -> None:
            self.model.remove(rid)
            rows = self.model.rowCount()
            if rows:
                follower = self.model.recipient_at(min(next_row, rows - 1))
                if follower is not None:
                    self.select(follower.id)
            self._saved(f"Deleted {rid} from {self._shown(target)}.")

        self._run(lambda target: delete_recipient(target, rid), self._file_for(recipient), done)

    def _save_new(self, dialog: RecipientDialog) -> None:
        record, target = dialog.record(), dialog.target_file()
        assert target is not None
        taken = self.model.used_elsewhere(None)

        def job(path: Path) -> Recipient:
            path.parent.mkdir(parents=True, exist_ok=True)
            return add_recipient(path, record, taken)

        def done(result: tuple[Path, Recipient]) -> None:
            path, saved = result
            self.model.remember_file(path)
            self.model.append(saved)
            self.select(saved.id)
            hidden = "" if self.model.row_of(saved.id) is not None else " (hidden by the search or category)"
            self._saved(f"Added {saved.id} to {self._shown(path)}{hidden}.")

        self._run(job, lambda: target, done, with_path=True)

    def _save_edit(self, recipient: Recipient, dialog: RecipientDialog) -> None:
        changes = dialog.changes()
        if not changes:
            self.status_label.setText("No changes to save.")
            return
        old_id = recipient.id
        taken = self.model.used_elsewhere(old_id)

        def done(result: tuple[Path, Recipient]) -> None:
            path, saved = result
            self.model.replace(old_id, saved)
            self.select(saved.id)
            self._saved(f"Saved {saved.id} in {self._shown(path)}.")

        self._run(
            lambda path: update_recipient(path, old_id, changes, taken),
            self._file_for(recipient),
            done,
            with_path=True,
        )

    def _file_for(self, recipient: Recipient) -> Callable[[], Path]:
        """Which file holds the entry: known from where it was read, else looked for (off-thread)."""
        known = self.model.file_of(recipient)
        files = self.model.files
        rid = recipient.id

        def locate() -> Path:
            path = known or find_file(files, rid)
            if path is None:
                raise UserError(
                    f"no file of the directory holds '{rid}' any more",
                    hint="the files changed on disk: press Reload (F5)",
                )
            return path

        return locate

    def _run(self, write: Callable[[Path], Any], locate: Callable[[], Path], done, with_path=False) -> None:
        """Write off the UI thread; a user mistake (disk full, file changed) is a warning."""
        self._busy = True
        self._update_actions()
        self.status_label.setText("Saving…")

        def job():
            path = locate()
            result = write(path)
            return (path, result) if with_path else path

        self.tasks.submit(job, partial(self._write_done, done), self._write_failed)

    def _write_done(self, done, result) -> None:
        self._busy = False
        done(result)
        self._update_actions()

    def _write_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_actions()
        self.status_label.setText("Not saved.")
        if not isinstance(error, UserError | UserErrors):
            raise error
        QMessageBox.warning(self, "Not saved", "\n".join(str(e) for e in flatten(error)))

    def _saved(self, message: str) -> None:
        self.status_label.setText(message)
        self._own_change = True
        try:
            self.session.changed("directory")
        finally:
            self._own_change = False

    def _shown(self, path: Path | None) -> str:
        if path is None:
            return "?"
        workspace = self.session.workspace
        if workspace is not None:
            try:
                return path.resolve().relative_to(workspace.root).as_posix()
            except ValueError:
                pass
        return str(path)
