"""Hearing another member's change to the team's log, so the Outreach tab shows it at once.

A team's log announces every new event (PostgreSQL NOTIFY on ``campaign_log``). A Python
thread of this module holds its own connection that LISTENs (core/outreach/team.py's
``LogListener``) and waits for announcements a short while at a time, so it notices
promptly when asked to stop; each announcement becomes the ``changed`` signal, delivered
on the UI thread, where the tab reads the log again (debounced: a batch of fifty letters
is one reading, not fifty). The UI thread never waits on the database here.

campaign.db has no listener: only this computer writes it, and the tab reads it again
after everything done here.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from campaign_app.core.common.errors import UserError, UserErrors

WAIT_SECONDS = 0.25  # how long one wait lasts: the longest a stop waits for the thread


class TeamWatch(QObject):
    """Listens to one workspace's team log until :meth:`stop`; ``changed`` on others' changes,
    ``lost(message)`` when the connection fails (the tab says so; Refresh still works)."""

    changed = Signal()
    lost = Signal(str)

    def __init__(self, workspace, parent: QObject | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._stop = threading.Event()
        self._listening = threading.Event()
        # A daemon: while it connects to a server that does not answer (up to the connect
        # timeout), neither closing the window nor the program's exit waits for it; it only
        # listens, and writes nothing.
        self._thread = threading.Thread(target=self._run, name="team-log-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and wait for the thread (at most one wait, a quarter of a second);
        one still connecting is not waited for: it sees the stop once connected, and ends."""
        self._stop.set()
        if self._thread.is_alive() and self._listening.is_set():
            self._thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    @property
    def listening(self) -> bool:
        """Connected and listening: from now on every change by another member is heard."""
        return self._listening.is_set() and self.running

    def _run(self) -> None:
        listener = None
        try:
            listener = self._workspace.listen_to_log()
            if listener is None:
                return
            self._listening.set()
            while not self._stop.is_set():
                if listener.wait(WAIT_SECONDS) and not self._stop.is_set():
                    self.changed.emit()
        except (UserError, UserErrors) as exc:
            if not self._stop.is_set():
                self.lost.emit(str(exc))
        finally:
            if listener is not None:
                listener.close()
