"""Before the Case tab breaks what uses an item, it says where and asks.

Deleting an item that a template or the case still cites lists every ``file:line`` first;
so does saving a case whose item ids were changed while templates still use the old ones
(``fact('roles')`` fails once the fact is called ``roles-2020``; the letters of a batch
would stop at it, under a deadline). The templates are searched off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from campaign_app.core.case.citations import item_ids, renamed_items, template_uses
from campaign_app.gui.case import questions
from campaign_app.gui.case.navigation import CaseNavigation


class CaseCitations(CaseNavigation):
    """Delete (after asking, if the item is used), Undo delete, and the question before
    saving renamed ids that templates still use."""

    _undo: tuple[Any, str, Any, int] | None = None  # (document, section, item, index) last deleted
    _ids_as_saved: dict[int, tuple[Any, str, str]] | None = None  # the items' ids as the file has them
    _renames_accepted: frozenset[tuple[str, str]] = frozenset()  # (old, new) the user let go
    dialog: QMessageBox | None = None

    def _ask(self, box: QMessageBox) -> None:
        self.dialog = box
        box.open()

    def _update_state(self) -> None:
        """Save, Revert and the state shown: the tab's (an edit here changes them)."""

    def _ids_saved(self) -> None:
        """The document now matches the file: its ids are the ones templates may use."""
        self._ids_as_saved = item_ids(self.doc.data) if self.doc is not None else {}
        self._renames_accepted = frozenset()

    def check_renames(self, then: Callable[[], None]) -> None:
        """Run ``then`` (the save), after asking if templates still use an id renamed here."""
        workspace = self.session.workspace
        renamed = [] if self.doc is None else renamed_items(self.doc.data, self._ids_as_saved or {})
        renamed = [r for r in renamed if (r.old, r.new) not in self._renames_accepted]
        if not renamed or workspace is None:
            then()
            return
        ids: dict[str, str | None] = {r.old: self.tr("now “{new}”").format(new=r.new) for r in renamed}
        files, doc = workspace.template_files(), self.doc
        self.tasks.submit(
            lambda: template_uses(files, ids),
            lambda uses: self._confirm_renames(doc, renamed, [str(u) for u in uses], then),
        )

    def _confirm_renames(self, doc: Any, renamed: list, uses: list[str], then: Callable[[], None]) -> None:
        if doc is not self.doc:
            return  # another campaign was opened, or the case re-read, meanwhile
        if not uses:
            then()
            return
        box, save = questions.renamed_still_used(self, uses)

        def answered() -> None:
            self.dialog = None
            if box.clickedButton() is save and doc is self.doc:
                self._renames_accepted |= {(r.old, r.new) for r in renamed}
                then()

        box.finished.connect(answered)
        self._ask(box)

    # ---- deleting (asking first is the tab's: delete_selected) ---------------------------

    def _delete(self, section: str, node: Any) -> None:
        assert self.doc is not None
        row = self.model.row_of(node)
        index = self.doc.delete_item(section, node)
        self._undo = (self.doc, section, node, index)  # a Del pressed by mistake is put back
        self.undo_delete_button.show()
        self._forget((section, row))
        self.problem_box.shift((section,), row, -1)
        self.model.reload()
        self._fill_parts()
        self._update_count()
        self._select_row(min(row, self.model.rowCount() - 1))
        self._update_state()

    def undo_delete(self) -> None:
        """Put the item deleted last back where it was (the other edits stay)."""
        undo, self._undo = self._undo, None
        self.undo_delete_button.hide()
        if undo is None or self.busy or undo[0] is not self.doc or self.doc is None:
            return
        _doc, section, node, index = undo
        self.doc.restore_item(section, node, index)
        self.model.reload()
        row = self.model.row_of(node)
        self.problem_box.shift((section,), row, +1)
        self._fill_parts()
        if section == self.section:
            self._update_count()
            self._select_row(row)
        self._update_state()
