"""The Recipients tab: search the directory, see what needs checking, add, edit and delete entries.

Loading and searching are ``browsing.RecipientsBrowser``'s. Saving goes through
:mod:`campaign_app.core.directory.edit`, which rewrites only the entry's lines in its file;
the other tabs then hear ``partChanged("directory")``. Import… (Ctrl+I) opens the
:class:`ImportDialog`, which shows what an import would do before it writes; the directory
is read again afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.directory.edit import (
    DEFAULT_FILE,
    add_recipient,
    delete_recipient,
    find_file,
    update_recipient,
)
from campaign_app.core.directory.recipients import Recipient
from campaign_app.gui.recipients.browsing import RecipientsBrowser
from campaign_app.gui.recipients.dialog import RecipientDialog
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import problems

if TYPE_CHECKING:
    from campaign_app.gui.recipients.import_dialog import ImportDialog


class RecipientsTab(RecipientsBrowser):
    """The directory as a table; add, edit, delete and import entries."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self.dialog: RecipientDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.import_summary: QMessageBox | None = None
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.import_button.clicked.connect(self.import_file)
        self.reload_button.clicked.connect(self.reread)
        self.table.activated.connect(lambda _index: self.edit())
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add, context=scope)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_file, context=scope)
        # Only while the table has focus: Delete in the search box deletes a letter, not an entry.
        only_there = Qt.ShortcutContext.WidgetShortcut
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.table, self.edit, context=only_there)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete, context=only_there)
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._part_changed)
        self._update_actions()
        if session.workspace is not None:
            self.reload()

    # ---- add, edit, delete -----------------------------------------------------------

    def _ready(self) -> bool:
        return self.session.workspace is not None and self.model.searchable and not self.busy

    def add(self) -> None:
        workspace = self.session.workspace
        if workspace is None or not self._ready():
            return
        root = workspace.root
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
        # Imported when first asked for: the importer's modules were a fifth of building this tab
        # on the window's thread.
        from campaign_app.gui.recipients.import_dialog import ImportDialog

        workspace = self.session.workspace
        if workspace is None or self.busy:
            return
        dialog = ImportDialog(workspace.root, self.tasks, parent=self)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(lambda _result: dialog.dispose())
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, report) -> None:
        written = ", ".join(report.written) or self.tr("nothing")
        self.status_label.setText(self.tr("Imported: {summary}.").format(summary=report.summary()))
        self.session.changed("directory")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import done"),
            self.tr("Imported {file}: {summary}.\n\nWritten: {written}").format(
                file=Path(report.source).name, summary=report.summary(), written=written
            ),
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
        where = self.tr(" from {file}").format(file=self._shown(path)) if path is not None else ""
        answer = QMessageBox.question(
            self,
            self.tr("Delete recipient"),
            self.tr(
                "Delete {name} ({id}){where}?\n\nThe entry is removed from the file. This cannot be undone."
            ).format(name=recipient.display_name, id=recipient.id, where=where),
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
            self._saved(self.tr("Deleted {id} from {file}.").format(id=rid, file=self._shown(target)))

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
            hidden = (
                ""
                if self.model.row_of(saved.id) is not None
                else self.tr(" (hidden by the search or category)")
            )
            self._saved(
                self.tr("Added {id} to {file}{hidden}.").format(
                    id=saved.id, file=self._shown(path), hidden=hidden
                )
            )

        self._run(job, lambda: target, done, with_path=True)

    def _save_edit(self, recipient: Recipient, dialog: RecipientDialog) -> None:
        changes = dialog.changes()
        if not changes:
            self.status_label.setText(self.tr("No changes to save."))
            return
        old_id = recipient.id
        taken = self.model.used_elsewhere(old_id)

        def done(result: tuple[Path, Recipient]) -> None:
            path, saved = result
            self.model.replace(old_id, saved)
            self.select(saved.id)
            self._saved(self.tr("Saved {id} in {file}.").format(id=saved.id, file=self._shown(path)))

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
                    QCoreApplication.translate(
                        "RecipientsTab", "no file of the directory holds '{id}' any more"
                    ).format(id=rid),
                    hint=QCoreApplication.translate(
                        "RecipientsTab", "the files changed on disk: press Reload (F5)"
                    ),
                )
            return path

        return locate

    def _run(self, write: Callable[[Path], Any], locate: Callable[[], Path], done, with_path=False) -> None:
        """Write off the UI thread; a user mistake (disk full, file changed) is a warning."""
        self.set_busy(True)
        self.status_label.setText(self.tr("Saving…"))

        def job():
            path = locate()
            result = write(path)
            return (path, result) if with_path else path

        self.tasks.submit(job, partial(self._write_done, done), self._write_failed)

    def _write_done(self, done, result) -> None:
        self.set_busy(False)
        done(result)
        self._update_actions()

    def _write_failed(self, error: BaseException) -> None:
        self.set_busy(False)
        self.status_label.setText(self.tr("Not saved."))
        if not isinstance(error, UserError | UserErrors):
            raise error
        QMessageBox.warning(self, self.tr("Not saved"), problems(error))

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
