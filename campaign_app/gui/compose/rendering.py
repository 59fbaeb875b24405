"""The Compose tab's live preview: the letter as the editor's text makes it, and its mistakes.

Each keystroke restarts a 300 ms timer; when it fires the editor's text is handed to the
thread pool (``letters.render_preview``), never rendered on the UI thread. At most one render
runs at a time; a result that a newer request has overtaken is thrown away, so the preview
never flickers back to an older text. A mistake in the template is shown under the editor
with the text the command line prints, and its line is marked in the editor. The recipients
offered are the template's audience, as generate and send select it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from campaign_app.core.common.errors import Location, UserError, UserErrors, flatten
from campaign_app.core.letters.template_text import TemplateFile
from campaign_app.gui.base_tab import Generation
from campaign_app.gui.compose import letters
from campaign_app.gui.compose.letters import Audience, LetterRequest, Preview, audience_of
from campaign_app.gui.compose.widgets import ComposeWidgets
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner, making_lasting_objects

if TYPE_CHECKING:
    from campaign_app.core.campaign.workspace import Workspace

DEBOUNCE_MS = 300


class ComposeRendering(ComposeWidgets):
    """The Compose tab's widgets, with the letter rendered as the user types."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._current: TemplateFile | None = None
        self._names: dict[str, str] = {}  # recipient id → display name (for file names)
        self._audience: str | None = None  # the audience the picker was filled for
        self._epoch = Generation()  # moves on when the case, campaign, directory or workspace changes
        self._render_busy = False
        self._render_again = False
        self._shown_key: tuple | None = None
        self._last_template_id: str | None = None
        self._render_timer.timeout.connect(self._start_render)
        self.picker.recipientChanged.connect(lambda _id: self._schedule_render(0))

    # ---- recipients ---------------------------------------------------------------------

    def _refresh_recipients(self, audience: str) -> None:
        """Fill the picker with the template's audience (off the UI thread: it may be large)."""
        ws = self.session.workspace
        if ws is None:
            return
        if audience == self._audience:
            return
        self._audience = audience
        epoch = self._epoch.value
        self.tasks.submit(
            lambda: _audience_of(ws, audience),
            lambda result: self._recipients_loaded(epoch, audience, result),
            self._user_error_or_raise,
            responsive=True,  # 100,000 recipients: seconds of work while the picker is shown
        )

    def _recipients_loaded(self, epoch: int, audience: str, result: Audience) -> None:
        if not self._epoch.is_current(epoch) or audience != self._audience:
            return
        self._names = {rid: name for rid, _label, _folded, name in result.items}
        self.audience_label.setText(result.note)
        self.picker.set_recipients([(rid, label, folded) for rid, label, folded, _name in result.items])
        if not result.items:
            self.preview.show_message(self.tr("No recipient to write to."))

    def _user_error_or_raise(self, exc: BaseException) -> None:
        """A broken directory, case or campaign file: say so where the letter would be."""
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._audience = None
        self._show_problems(flatten(exc))
        self.preview.show_message(self.tr("The letter cannot be rendered: see the message under the editor."))

    # ---- live preview -------------------------------------------------------------------

    def _on_edit(self, doc: QTextDocument, removed: int, added: int) -> None:
        if doc is self.editor.document() and (removed or added):
            self._schedule_render(DEBOUNCE_MS)

    def _schedule_render(self, delay: int = DEBOUNCE_MS) -> None:
        self._render_timer.start(delay)

    def _request(self) -> LetterRequest | None:
        ws = self.session.workspace
        rid = self.picker.current_id()
        if ws is None or self._current is None or self._current.text is None or not rid:
            return None
        return LetterRequest(ws, self.editor.document().toPlainText(), self._current.path, rid)

    def _start_render(self) -> None:
        if self._render_busy:  # one at a time: run again with the newest text when it is back
            self._render_again = True
            return
        request = self._request()
        if request is None:
            return
        key = (request.text, request.path, request.recipient_id, self._epoch.value)
        if key == self._shown_key:
            return
        generation = self.requests.next()
        self._render_busy = True
        self.tasks.submit(
            lambda: letters.render_preview(request),
            lambda preview: self._render_done(generation, key, preview),
            lambda exc: self._render_failed(generation, key, exc),
        )

    def _render_finished(self, generation: int) -> bool:
        """Bookkeeping when a render is back; True if its result is still the newest."""
        self._render_busy = False
        current = self.requests.is_current(generation) and not self._render_again
        if self._render_again:
            self._render_again = False
            self._start_render()
        return current

    def _render_done(self, generation: int, key: tuple, preview: Preview) -> None:
        if not self._render_finished(generation):
            return
        self._shown_key = key
        self._last_template_id = preview.template_id
        self.preview.show_letter(preview.html)
        self.preview_note.hide()
        self.error_bar.clear()
        self.editor.mark_error_lines([])
        if preview.audience != self._audience:
            self._refresh_recipients(preview.audience)

    def _render_failed(self, generation: int, key: tuple, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            self._render_finished(generation)
            raise exc
        if not self._render_finished(generation):
            return
        self._shown_key = key
        self._show_problems(flatten(exc))
        if self.preview.html:
            self.preview_note.setText(self.tr("The preview shows the last version without mistakes."))
            self.preview_note.show()
        else:
            self.preview.show_message(
                self.tr("The letter cannot be rendered: see the message under the editor.")
            )

    def _show_problems(self, errors: list[UserError]) -> None:
        ws = self.session.workspace
        root = ws.root if ws is not None else None
        lines = [e.where.line for e in errors if e.where and e.where.line and self._in_current_file(e.where)]
        self.error_bar.show_problems([self._shown(e, root) for e in errors], lines[0] if lines else None)
        self.editor.mark_error_lines([line for line in lines if line])

    def _in_current_file(self, where: Location) -> bool:
        if self._current is None:
            return False
        path = Path(where.path)
        if path.name != self._current.path.name:
            return False
        return not path.is_absolute() or path.resolve() == self._current.path.resolve()

    @staticmethod
    def _shown(err: UserError, root: Path | None) -> str:
        """The CLI's text, with the path relative to the campaign folder as if run inside it."""
        where = err.where
        if where is not None and root is not None and Path(where.path).is_absolute():
            try:
                relative = Path(where.path).resolve().relative_to(root).as_posix()
            except ValueError:
                return str(err)
            return str(UserError(err.message, Location(relative, where.line, where.column), err.hint))
        return str(err)

    def _go_to_error(self) -> None:
        if self.error_bar.line is not None:
            self.editor.go_to_line(self.error_bar.line)


def _audience_of(ws: Workspace, audience: str) -> Audience:
    """On the thread pool: the picker's recipients (the directory's entries, made and kept
    when first asked for, and the picker's labels, kept as long as it shows them)."""
    with making_lasting_objects():
        return audience_of(ws, audience)
