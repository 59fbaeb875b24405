"""The Case tab: read and edit the case file — facts, timeline, arguments, sources…

Edits go into the case file's own round-trip tree (core.case_edit.CaseDocument); Save
(Ctrl+S) validates the result with the loader the command line uses and writes it only if
it is valid, keeping comments, key order, unknown keys and the languages the tab does not
show. Problems come back at the fields they concern, with the CLI's ``file:line: message —
advice``. (The widgets are ``widgets.py``'s; what is shown, ``navigation.py``'s.)

Reading, validating and writing the case file (about 0.2 s each for the example case) run
on the thread pool. A save writes a copy of the tree taken when it starts, so typing goes
on meanwhile (the editors were once disabled and dropped those keys); what was typed after
the copy stays in the tab, unsaved. Deleting an item that a template or the case still
cites asks first and lists every ``file:line``.

The main window asks :meth:`CaseTab.has_unsaved_changes` before it closes or opens
another campaign.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTime, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from campaign_app.core.campaign.settings_options import DEFAULT_FACTS_STALE_AFTER_DAYS
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.case.citations import case_citations, item_ids, items_citing, template_uses
from campaign_app.core.case.edit import CaseChangedOnDisk, CaseDocument, validate_case_text
from campaign_app.core.case.save import SaveOutcome, problem_path, save_or_explain
from campaign_app.core.common.errors import UserError, UserErrors, display_path, flatten
from campaign_app.gui.case import questions
from campaign_app.gui.case.citing import CaseCitations
from campaign_app.gui.case.problems import Problem
from campaign_app.gui.case.translation import TranslationActions
from campaign_app.gui.case.words import section_words
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import interface_locale, look_up_language_names, problems


def _read_case(workspace: Workspace, ui_locale: str) -> tuple[CaseDocument, list[Problem], int]:
    """On the thread pool: read the case file, and the campaign's facts_stale_after_days, by
    which the Facts list marks old facts. The tab shows it at once; ``_check_case`` follows.
    The names of the case's languages are looked up here too, so that showing the editors,
    captioned with them, does not read Babel's locale data on the UI thread."""
    doc = CaseDocument.load(workspace.case_path)
    look_up_language_names(doc.languages, ui_locale)
    return doc, [], _stale_after(workspace)


def _check_case(text: str, path) -> list[UserError]:
    """On the thread pool, after the case is shown: its problems as the loader finds them
    (checking parses the file again: as long as reading it, so the tab does not wait)."""
    try:
        validate_case_text(text, path)
    except (UserError, UserErrors) as exc:
        return flatten(exc)
    return []


def _stale_after(workspace: Workspace) -> int:
    """The campaign's limit for a fact's age (the default while campaign.yaml has a mistake)."""
    try:
        return workspace.campaign.facts_stale_after_days
    except (UserError, UserErrors):
        return DEFAULT_FACTS_STALE_AFTER_DAYS


class CaseTab(CaseCitations):
    """Overview, timeline, facts, arguments, demands, supporters and sources, editable."""

    keeps_focus_while_busy = True  # the field being typed in gets its focus back after a save
    _saving = False  # a copy is being written: the editors go on taking edits

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._own_change = False
        self._external_change = False
        self._saved_message = ""  # "Saved at 14:05" stays until the next edit
        self.dialog: QMessageBox | None = None  # the open question, if any (tests answer it)
        self.save_action.triggered.connect(lambda: self.save())
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_delete_button.clicked.connect(self.undo_delete)
        self.translation = TranslationActions(self)
        self.table.installEventFilter(self)
        for key, editor in self.editors.items():
            editor.edited.connect(lambda k, part=key: self._edited(part, k))
        self._update_state()
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._part_changed)
        if session.workspace is not None:
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del in the table deletes the selected item (after asking, if it is used); Ctrl+Z
        there puts the item deleted last back."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Undo) and self._undo is not None:
                self.undo_delete()
                return True
        return super().eventFilter(watched, event)

    # ---- loading ----------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the case file again (another campaign was opened, or Revert)."""
        workspace = self.session.workspace
        if workspace is None:
            self.requests.next()  # a load still on its way is for the old campaign
            self._set_doc(None, [])
            return
        self.state_label.setText(self.tr("Loading…"))
        self.set_busy(True)
        ui_locale = interface_locale()
        self.submit_newest(lambda: _read_case(workspace, ui_locale), self._read, self._load_failed)

    def _read(self, result: tuple[CaseDocument, list[Problem], int]) -> None:
        """Show the case as read, then check it off the UI thread; its problems, if any,
        come back to the same document (dropped if another read started meanwhile)."""
        self._loaded(result)
        doc = result[0]
        text, path = doc.original_text, doc.path

        def checked(errors: list[UserError]) -> None:
            if errors and self.doc is doc and not self.busy:
                found = [(problem_path(doc.data, e), e) for e in errors]
                self._loaded((doc, found, self.model.stale_after_days))

        self.tasks.submit(lambda: _check_case(text, path), self.requests.guard(checked))

    def _loaded(self, result: tuple[CaseDocument, list[Problem], int]) -> None:
        self.set_busy(False)
        self._external_change = False
        doc, found, self.model.stale_after_days = result
        self.model.today = dt.date.today()
        self._set_doc(doc, found)
        self.show_banner("")
        if found:
            self.show_banner(
                self.tr(
                    "The case file has %n problem(s) (listed below). You can correct them here; the "
                    "file is saved only once the case is valid.",
                    "",
                    len(found),
                ),
                error=False,
            )

    def _load_failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._set_doc(None, [])
        self.show_banner(self.tr("The case file cannot be opened:") + "\n" + problems(exc))

    def _set_doc(self, doc: CaseDocument | None, found: list[Problem]) -> None:
        """Show a (new or re-read) document, keeping the selected part and row."""
        section, row, fresh = self.section, self._current_row(), doc is not self.doc
        self.doc = doc
        if fresh:  # as read from the file: its ids are those the templates may use
            self._ids_saved()
        if self._undo is not None and self._undo[0] is not doc:  # saved, reverted or reread
            self._undo = None
            self.undo_delete_button.hide()
        self.problem_box.problems = list(found)
        if doc is None:
            self.heading.setText(self.tr("No case open"))
            self.path_label.setText("")
        else:
            title = doc.get_text(doc.data, "title", doc.languages[0] if doc.languages else "en")
            self.heading.setText(title or doc.case_id or self.tr("Case"))
            self.path_label.setText(display_path(doc.path))
            langs = ", ".join(doc.languages) or self.tr("none")
            self.case_info.setText(
                self.tr(
                    "Case id: {id} · letter languages: {languages} · the case id and languages are "
                    "changed in the file itself"
                ).format(id=doc.case_id or self.tr("(none)"), languages=langs)
            )
        self._fill_parts()
        self._show_section(section, row)
        self._refresh_problems()
        self._update_state()

    # ---- editing ------------------------------------------------------------------------

    def _edited(self, part: str, key: str) -> None:
        if part != "overview" and part == self.section and self.doc is not None:
            row = self._current_row()
            self.model.refresh_row(row)
            if key == "id":
                node = self.model.item(row)
                noun = section_words(part).noun
                self.editor_title.setText(f"{noun} “{self.doc.get_plain(node, 'id')}”")
                if part == "sources":
                    self.model.refresh_all()
        if part == "overview" and key == "title" and self.doc is not None:
            lang = self.doc.languages[0] if self.doc.languages else "en"
            self.heading.setText(self.doc.get_text(self.doc.data, "title", lang) or self.doc.case_id)
        self._update_state()

    def add_item(self) -> None:
        if self.doc is None or self.busy or self.section == "overview":
            return
        after = self.current_item()
        node = self.doc.add_item(self.section, after)
        row = next(i for i, item in enumerate(self.doc.items(self.section)) if item is node)
        self.problem_box.shift((self.section,), row, +1)
        self.filter.clear()
        self.model.reload()
        self._fill_parts()
        self._update_count()
        self._select_row(row)
        self.editors[self.section].focus_field("date" if self.section == "timeline" else "id")
        self._update_state()

    def delete_selected(self) -> None:
        """Delete the selected item; if anything still uses it, say where and ask first."""
        node = self.current_item()
        workspace = self.session.workspace
        if self.doc is None or node is None or self.busy or workspace is None:
            return
        section, doc = self.section, self.doc
        item_id = doc.get_plain(node, "id")
        ids: dict[str, str | None] = {item_id: None} if item_id else {}
        found = []
        if section == "sources" and item_id:
            found = case_citations(doc.data, doc.path, item_id)
            for cited_by, what in items_citing(doc.data, item_id).items():
                ids.setdefault(cited_by, self.tr("{item}, which cites it").format(item=what))
        files = workspace.template_files()
        self.tasks.submit(
            lambda: template_uses(files, ids),
            lambda uses: self._confirm_delete(section, node, item_id, found + uses),
        )

    def _confirm_delete(self, section: str, node: Any, item_id: str, citations: list) -> None:
        if self.doc is None or section != self.section or self.model.row_of(node) < 0:
            return  # the list changed meanwhile (another campaign was opened)
        if not citations:
            self._delete(section, node)
            return
        box, delete = questions.delete_still_used(self, section, item_id, [str(c) for c in citations])

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is delete and self.doc is not None and self.model.row_of(node) >= 0:
                self._delete(section, node)
                if section == "sources":
                    self.show_banner(
                        self.tr(
                            "Source “{id}” deleted. Correct the places that cited it before saving."
                        ).format(id=item_id),
                        error=False,
                    )

        box.finished.connect(answered)
        self._ask(box)

    # ---- saving and reverting -----------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.doc is not None and self.doc.modified

    def save(self, force: bool = False) -> None:
        """Check the case with the loader and write it (off the UI thread); first, if
        templates still use an id renamed here, say where and ask."""
        if self.doc is None or self.busy or not (self.doc.modified or force):
            return
        self.check_renames(lambda: self._save_now(force))

    def _save_now(self, force: bool) -> None:
        if self.doc is None or self.busy:
            return
        doc = self.doc
        copy, revision, ids = doc.snapshot(), doc.revision, item_ids(doc.data)
        self.state_label.setText(self.tr("Saving…"))
        self._saving = True
        self.set_busy(True)
        self.tasks.submit(
            lambda: save_or_explain(copy, force),
            lambda outcome: self._saved_done(outcome, doc, revision, ids),
            self._save_failed,
        )

    def _saved_done(
        self, outcome: SaveOutcome, doc: CaseDocument | None = None, revision: int = 0, ids: Any = None
    ) -> None:
        """Show what the save found; ``doc`` took the user's typing while its copy as of
        ``revision`` (whose items had ``ids``) was written, and keeps what came after."""
        self._saving = False
        self.set_busy(False)
        if outcome.saved is None:
            self.problem_box.problems = outcome.problems
            self._refresh_problems()
            self.show_banner(
                self.tr(
                    "Not saved: the case has %n problem(s) (listed below and at their fields). "
                    "Nothing was written.",
                    "",
                    len(outcome.problems),
                )
            )
            self._update_state()
            self._refresh_editor_messages()
            return
        now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self._saved_message = self.tr("Saved at {time}").format(time=now)
        if doc is not None and doc is self.doc and doc.revision != revision:
            doc.written_as(outcome.saved.original_text)  # typed on meanwhile: those edits stay
            self._ids_as_saved, self._renames_accepted = ids, frozenset()
            self.problem_box.problems = []
            self._refresh_problems()
            self._refresh_editor_messages()
            self.show_banner("")
            self._update_state()
        else:
            self._set_doc(outcome.saved, [])
            self.show_banner("")
            self.state_label.setText(self._saved_message)
        self._own_change = True
        try:
            self.session.changed("case")
        finally:
            self._own_change = False

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.set_busy(False)
        if isinstance(exc, CaseChangedOnDisk):
            box, overwrite = questions.overwrite_changed_file(self)

            def answered() -> None:
                self.dialog = None
                if box.clickedButton() is overwrite:
                    self.save(force=True)

            box.finished.connect(answered)
            self._ask(box)
            return
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self.show_banner(self.tr("Not saved:") + "\n" + problems(exc))
        self._update_state()

    def revert(self) -> None:
        """Re-read the file, discarding the edits (after asking)."""
        if self.doc is None or self.busy:
            return
        if not self.doc.modified and not self._external_change:
            return
        box, discard = questions.discard_changes(self)

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is discard:
                self.reload()

        box.finished.connect(answered)
        self._ask(box)

    # ---- state shown to the user ---------------------------------------------------------

    def busy_changed(self, busy: bool) -> None:
        """While the file is read the editors are disabled; while it is written they take
        edits (a copy is written), but items are not added or deleted."""
        self._set_editable(not busy or self._saving)
        self._update_state()
        self._update_count()

    def _update_state(self) -> None:
        modified = self.has_unsaved_changes()
        self.session.set_unsaved("case", modified)
        self.save_button.setEnabled(modified and not self.busy)
        self.save_action.setEnabled(modified and not self.busy)
        self.revert_button.setEnabled((modified or self._external_change) and not self.busy)
        self._set_editable(self.doc is not None and (not self.busy or self._saving))
        for button in (self.export_translation_button, self.import_translation_button):
            button.setEnabled(self.doc is not None and not self.busy)
        if self.busy:
            return
        if modified:
            self.state_label.setText("<b>" + self.tr("Unsaved changes") + "</b>")
        elif self._external_change:
            self.state_label.setText(self.tr("Changed elsewhere: Revert to load it"))
        elif self.state_label.text() != self._saved_message or not self._saved_message:
            self.state_label.setText(self.tr("No changes") if self.doc is not None else "")

    def _set_editable(self, editable: bool) -> None:
        # the containers, not the editors: binding an editor enables it
        self.editor_stack.setEnabled(editable)
        overview = self.overview_scroll.widget()
        if overview is not None:
            overview.setEnabled(editable)

    def showEvent(self, event) -> None:
        """Coming back to the tab: a case file edited in another program meanwhile is read
        again, or, with edits here, said to have changed (Revert loads it)."""
        super().showEvent(event)
        self.check_file()

    def check_file(self) -> None:
        if (
            self.doc is not None
            and not self.busy
            and not self._external_change
            and self.doc.changed_on_disk()
        ):
            self.session.changed("case")  # every tab re-reads it; this one as _part_changed says

    def _part_changed(self, part: str) -> None:
        if part != "case" or self._own_change:
            return
        if self.has_unsaved_changes():
            self._external_change = True  # keep the user's edits; Revert loads the other version
            self._update_state()
        else:
            self.reload()
