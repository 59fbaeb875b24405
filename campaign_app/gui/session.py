"""The open workspace, shared by every tab.

Tabs never keep their own copy of the campaign: they read ``session.workspace`` and listen
to ``workspaceChanged`` (another folder was opened) and ``partChanged`` (one tab saved the
case, the directory, the templates or campaign.yaml, so the others must re-read it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.appstate import AppState
from campaign_app.core.common.errors import set_display_root


class WorkspaceSession(QObject):
    workspaceChanged = Signal()
    partChanged = Signal(str)  # "campaign" | "case" | "directory" | "templates"
    unsavedChanged = Signal(str)  # a tab's edits of that part were made, saved or dropped

    def __init__(self, parent: QObject | None = None, remember: bool = True):
        super().__init__(parent)
        self._workspace: Workspace | None = None
        self._remember = remember
        self._unsaved: set[str] = set()

    def set_unsaved(self, part: str, unsaved: bool) -> None:
        """A tab holds edits of ``part`` not yet written (the other tabs still read the file:
        the Compose tab's letters use the case as last saved, and say so)."""
        if unsaved != (part in self._unsaved):
            (self._unsaved.add if unsaved else self._unsaved.discard)(part)
            self.unsavedChanged.emit(part)

    def is_unsaved(self, part: str) -> bool:
        return part in self._unsaved

    @property
    def workspace(self) -> Workspace | None:
        return self._workspace

    def open(self, root: Path) -> Workspace:
        """Open a campaign folder (raises UserError if it is not one) and tell every tab."""
        workspace = Workspace.open(root)
        # Messages name files relative to the campaign folder, as a campaigner sees them.
        set_display_root(workspace.root)
        self._workspace = workspace
        if self._remember:
            state = AppState.load()
            state.remember(workspace.root)
            state.save()
        self.workspaceChanged.emit()
        return workspace

    def check_disk(self) -> list[str]:
        """Parts another program changed on disk since they were read (an editor, a script,
        a synced folder): each is dropped and announced as a tab's save is, so no tab goes on
        showing, or writing letters from, what the files no longer say."""
        workspace = self._workspace
        if workspace is None:
            return []
        parts = workspace.changed_on_disk()
        for part in parts:
            self.changed(part)
        return parts

    def changed(self, part: str) -> None:
        """A tab wrote ``part`` to disk: drop the cached copy and tell the other tabs."""
        if self._workspace is not None:
            self._workspace.invalidate(part)
        self.partChanged.emit(part)


def log_on_a_server(workspace: Workspace) -> bool:
    """Whether the workspace's contact log is a team's, on a server that may not answer for
    the whole connect timeout: its reads are not waited for when the window closes
    (``TaskRunner.submit_read``). A campaign.yaml that cannot be read: no (its problem is
    said where the campaign is read)."""
    from campaign_app.core.common.errors import UserError, UserErrors

    try:
        return workspace.campaign.log_database is not None
    except (UserError, UserErrors):
        return False
