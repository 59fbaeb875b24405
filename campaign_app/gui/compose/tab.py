"""The Compose tab: edit a letter template and watch the letter it makes, as you type.

Left, the workspace's templates (a broken one is listed with its error, so it can be
opened and fixed). Middle, the template file itself, front matter and body, highlighted.
Right, the letter for one recipient of the template's audience, rendered as the user types
(``rendering.py``). Save writes the template file atomically, off the UI thread; Export
writes the letter as PDF or DOCX (``exporting.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QWidget

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.letters.template_text import (
    TemplateChangedOnDisk,
    TemplateFile,
    save_template_text,
    scan_templates,
)
from campaign_app.gui import style
from campaign_app.gui.base_tab import Generation
from campaign_app.gui.compose import exporting
from campaign_app.gui.compose.highlighter import TemplateHighlighter
from campaign_app.gui.compose.rendering import ComposeRendering
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner


class ComposeTab(ComposeRendering):
    """Template list, template editor, live letter preview, save and export."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._docs: dict[Path, QTextDocument] = {}
        self._highlighters: dict[Path, TemplateHighlighter] = {}
        self._newlines: dict[Path, str] = {}
        self._on_disk: dict[Path, str] = {}  # each file's text as last read or written here
        self._overwrite: Path | None = None  # its change on disk was shown: Save overwrites it
        self._save_busy = False
        self._save_again = False
        self._listing = Generation()  # a scan of letter_templates/ overtaken by a newer one is dropped
        self._empty = self._new_document("")
        self.editor.setDocument(self._empty)
        self._build_actions()
        self.template_view.selectionModel().currentRowChanged.connect(self._on_template_row)
        self.save_button.clicked.connect(self.save)
        self.export_button.clicked.connect(self.export)
        session.workspaceChanged.connect(self._on_workspace)
        session.partChanged.connect(self._on_part_changed)
        session.unsavedChanged.connect(self._on_unsaved)
        self._on_unsaved("case")
        self._set_enabled(False)
        if session.workspace is not None:
            self._on_workspace()

    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut) -> QAction:
            act = QAction(text, self)
            act.setShortcut(shortcut)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action(self.tr("Save template"), self.save, QKeySequence.StandardKey.Save)
        self.export_action = action(self.tr("Export this letter…"), self.export, QKeySequence("Ctrl+E"))
        self.go_to_error_action = action(self.tr("Go to the error"), self._go_to_error, QKeySequence("F8"))

    def _set_enabled(self, editing: bool) -> None:
        for widget in (self.export_button, self.picker):
            widget.setEnabled(editing)
        self.save_button.setEnabled(editing and self.editor.document().isModified())
        self.editor.setReadOnly(not editing)

    # ---- workspace and templates ------------------------------------------------------

    def _on_workspace(self) -> None:
        """Another campaign folder was opened: forget everything of the old one."""
        self._epoch.next()
        self.requests.next()  # a render still on its way is for the old campaign
        self._current = None
        self._audience = None
        self._shown_key = None
        self._last_template_id = None
        self.editor.setDocument(self._empty)
        for doc in self._docs.values():
            doc.deleteLater()
        self._docs.clear()
        self._highlighters.clear()
        self._newlines.clear()
        self.template_model.unsaved.clear()
        self.template_model.set_files([])
        self.error_bar.clear()
        self.editor.mark_error_lines([])
        self.file_label.clear()
        self.picker.set_recipients([])
        self.preview.show_message(self.tr("Loading the templates…"))
        self._set_enabled(False)
        self.reload_templates()

    def _on_part_changed(self, part: str) -> None:
        if part == "templates":
            self.reload_templates()
            return
        self._epoch.next()
        if part == "directory":
            audience, self._audience = self._audience or "", None
            self._refresh_recipients(audience)
        self._schedule_render(0)

    def _on_unsaved(self, part: str) -> None:
        """Edits on the Case tab reach the letters here only once saved: say so, or a fact
        just added there is "not in the case" here."""
        if part == "case":
            self.case_note.setVisible(self.session.is_unsaved("case"))

    def reload_templates(self) -> None:
        """Read every template file off the UI thread, then list them."""
        ws = self.session.workspace
        if ws is None:
            return
        listing = self._listing.next()
        self.tasks.submit(
            lambda: scan_templates(ws.template_files()),
            lambda files: self._templates_loaded(listing, ws, files),
        )

    def _templates_loaded(self, listing: int, ws: Workspace, files: list[TemplateFile]) -> None:
        if not self._listing.is_current(listing) or ws is not self.session.workspace:
            return
        present = {f.path for f in files}
        for f in files:
            doc = self._docs.get(f.path)
            if f.text is not None:
                self._newlines[f.path] = "\r\n" if "\r\n" in f.text else "\n"
                if doc is None or not doc.isModified():  # edited here: what it was read as stays
                    self._on_disk[f.path] = f.text
            if doc is not None and not doc.isModified() and f.text is not None:
                text = f.text.replace("\r\n", "\n")
                if doc.toPlainText() != text:  # changed on disk by someone else
                    doc.setPlainText(text)
                    doc.setModified(False)
        for path in [p for p in self._docs if p not in present]:
            doc = self._docs.pop(path)
            self._highlighters.pop(path, None)
            if self.editor.document() is doc:
                self.editor.setDocument(self._empty)
            doc.deleteLater()
        keep = self._current.path if self._current else None
        self.template_model.set_files(files)
        broken = sum(1 for f in files if f.errors)
        if not files:
            hint = self.tr("No templates yet: add a .md file to letter_templates/.")
        elif broken:
            hint = self.tr("%n template(s) in letter_templates/", "", len(files)) + self.tr(
                "; {broken} with a problem (hover for details)."
            ).format(broken=broken)
        else:
            hint = self.tr("%n template(s) in letter_templates/", "", len(files)) + "."
        self.template_hint.setText(hint)
        row = self.template_model.row_of(keep)
        if row < 0 and files:
            row = 0
        if row >= 0:
            index = self.template_model.index(row, 0)
            # After the model reset there is no current row, so this always reaches _select_file.
            self.template_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._current = None
            self.preview.show_message(self.tr("No template to preview."))
            self._set_enabled(False)

    def _on_template_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._select_file(self.template_model.files[current.row()])

    def select_template(self, template_id: str) -> bool:
        """Select a template by id (as a click on its row would)."""
        for row, f in enumerate(self.template_model.files):
            if f.template is not None and f.template.id == template_id:
                self.template_view.setCurrentIndex(self.template_model.index(row, 0))
                return True
        return False

    def _new_document(self, text: str) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setDefaultFont(self.editor.font())
        doc.setPlainText(text)
        doc.setModified(False)
        return doc

    def _document_for(self, f: TemplateFile) -> QTextDocument:
        doc = self._docs.get(f.path)
        if doc is None:
            doc = self._new_document((f.text or "").replace("\r\n", "\n"))
            self._highlighters[f.path] = TemplateHighlighter(doc, style.editor_colours(self.editor.palette()))
            doc.contentsChange.connect(lambda _pos, removed, added, d=doc: self._on_edit(d, removed, added))
            doc.modificationChanged.connect(lambda modified, p=f.path: self._on_modified(p, modified))
            self._docs[f.path] = doc
        return doc

    def _select_file(self, f: TemplateFile) -> None:
        same = self._current is not None and self._current.path == f.path
        self._current = f
        doc = self._document_for(f)
        if self.editor.document() is not doc:
            self.editor.setDocument(doc)
            self.editor.mark_error_lines([])
            self.error_bar.clear()
        self._set_enabled(f.text is not None)
        self.file_label.setText(f.path.name)
        self.file_label.setToolTip(str(f.path))
        self._update_unsaved()
        if f.text is None:  # unreadable (not UTF-8): not editable, nothing to render
            self._show_problems(list(f.errors))
            self.preview.show_message(self.tr("This template cannot be shown."))
            return
        if not same:  # (for the same file, each render keeps the picker on the editor's audience)
            self._last_template_id = f.template.id if f.template else None
            self._refresh_recipients(f.template.audience if f.template else "")
        self._schedule_render(0)

    # ---- saving -------------------------------------------------------------------------

    def _on_modified(self, path: Path, modified: bool) -> None:
        self.template_model.set_unsaved(path, modified)
        self._update_unsaved()

    def _update_unsaved(self) -> None:
        unsaved = self._current is not None and self.editor.document().isModified()
        self.unsaved_label.setVisible(unsaved)
        self.save_button.setEnabled(unsaved)

    def has_unsaved_changes(self) -> bool:
        """Edited templates not yet saved (the main window asks before dropping them)."""
        return any(doc.isModified() for doc in self._docs.values())

    def shutdown(self) -> None:
        """The window is closing: start no new render; one in flight is dropped when back."""
        self._render_timer.stop()
        self.requests.next()

    def save(self) -> None:
        """Write the template file atomically (off the UI thread), then tell the other tabs."""
        f, doc = self._current, self.editor.document()
        if f is None or f.text is None or not doc.isModified():
            return
        if self._save_busy:  # two writes of one file must not race: save again afterwards
            self._save_again = True
            return
        text = doc.toPlainText()
        data = text.replace("\n", self._newlines.get(f.path, "\n")).encode("utf-8")
        path = f.path
        read_as = None if self._overwrite == path else self._on_disk.get(path)
        self._save_busy = True
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving {file}…").format(file=path.name))
        self.tasks.submit(
            lambda: save_template_text(path, data, read_as),
            lambda _none: self._saved(path, doc, text),
            lambda exc: self._save_failed(exc, path),
        )

    def _save_finished(self) -> None:
        self._save_busy = False
        self._update_unsaved()
        if self._save_again:
            self._save_again = False
            self.save()

    def _saved(self, path: Path, doc: QTextDocument, text: str) -> None:
        self._on_disk[path], self._overwrite = text, None
        if doc.toPlainText() == text:  # typing during the write leaves it unsaved
            doc.setModified(False)
        self._set_status(self.tr("Saved letter_templates/{file}.").format(file=path.name))
        self.session.changed("templates")
        self._save_finished()

    def _save_failed(self, exc: BaseException, path: Path | None = None) -> None:
        if isinstance(exc, TemplateChangedOnDisk):
            self._overwrite, self._save_again = path, False  # said once: saving again overwrites
        self._save_finished()
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_status(
            self.tr("Not saved: {problems}").format(problems="; ".join(str(e) for e in flatten(exc))),
            error=True,
        )

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet(style.error_style() if error else "")
        self.status_label.setText(text)

    # ---- export -------------------------------------------------------------------------

    def suggested_export_path(self, fmt: str = "pdf") -> Path | None:
        request = self._request()
        if request is None:
            return None
        template_id = self._last_template_id or request.path.stem
        name = self._names.get(request.recipient_id, request.recipient_id)
        out_dir = request.workspace.out_dir
        path = letter_path(out_dir, template_id, request.recipient_id, name, fmt)
        folder = next((d for d in (path.parent, out_dir, request.workspace.root) if d.is_dir()), Path.home())
        # outside the template's own folder the name says which template it is
        return folder / (path.name if folder == path.parent else f"{template_id}_{path.name}")

    def export(self) -> None:
        """Ask where, then render and write the letter on the writer thread and open it."""
        request = self._request()
        suggested = self.suggested_export_path()
        if request is None or suggested is None:
            self._set_status(self.tr("Choose a template and a recipient first."), error=True)
            return
        target = exporting.ask_export_target(self, suggested)
        if target is None:
            return
        fmt = "docx" if target.suffix.lower() == ".docx" else "pdf"
        self.export_button.setEnabled(False)
        self._set_status(self.tr("Writing {file}…").format(file=target.name))
        self.tasks.submit(
            lambda: exporting.export_letter(request, target, fmt),
            self._exported,
            self._export_failed,
            writes_documents=True,
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self._set_status(self.tr("Exported to {path}").format(path=path))
        exporting.open_in_viewer(path)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_status(
            self.tr("Not exported: {problems}").format(problems="; ".join(str(e) for e in flatten(exc))),
            error=True,
        )
