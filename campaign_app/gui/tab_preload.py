"""The tabs not shown yet have their modules imported ahead, off the window's thread.

A tab is built on the window's thread when it is first shown (main_window.py): building
them all after the first paint kept the window from answering and delayed the first tab's
own reading. Most of a first show was importing the tab's modules (the template engine,
Markdown, the batch's planning, the keyring: 100-250 ms of the 170-330 ms the window froze
the first time a tab was opened). Imported on the task pool once the window's start is done
(its tasks idle: the case read and shown), they cost the window nothing: an import there
gives the window the interpreter's lock every few milliseconds (the longest wait measured
16 ms, importing SQLAlchemy). The tab is still built when first shown, from modules
already loaded (bench/bench_gui_tabs.py).

The window's own import of a tab's module and this one's never run at once (``IMPORTING``):
two threads importing modules that import each other can each wait for the other.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterable
from functools import partial
from types import ModuleType

from PySide6.QtCore import QObject, QTimer

from campaign_app.gui.tasks import TaskRunner

IMPORTING = threading.Lock()
SETTLE_MS = 300  # after the start's last task: the first tab's own painting comes first


def import_tab_module(name: str) -> ModuleType:
    """A tab's module, imported here or by the preload (never both at once)."""
    with IMPORTING:
        return importlib.import_module(name)


class TabPreload(QObject):
    """Imports ``modules`` one task after another once ``tasks`` first become idle, then
    finds the letters' font files (the font package's look-up: 40-60 ms the first time,
    for the first tab that shows a letter's typeface), then does the ``ahead`` steps (the
    campaign's templates read and compiled: the Batch tab's first show did that on the
    window's thread)."""

    def __init__(
        self,
        tasks: TaskRunner,
        modules: Iterable[str],
        parent: QObject | None = None,
        ahead: Iterable[Callable[[], object]] = (),
    ):
        super().__init__(parent)
        self._tasks = tasks
        self._steps: list[Callable[[], object]] = [partial(_import, name) for name in modules]
        self._steps.append(_letter_font_files)
        self._steps.extend(ahead)
        self.done = False
        tasks.becameIdle.connect(self._start)

    def _start(self) -> None:
        self._tasks.becameIdle.disconnect(self._start)
        QTimer.singleShot(SETTLE_MS, self._next)

    def _next(self, _result: object = None) -> None:
        if not self._steps:
            self.done = True
            return
        # A step that fails fails again, with its message, where the tab needs what it made.
        self._tasks.submit(self._steps.pop(0), self._next, self._next)


def _import(name: str) -> None:
    if name not in sys.modules:  # (the shown tab's, or one shown meanwhile)
        import_tab_module(name)


def _letter_font_files() -> None:
    from campaign_app.core.common.fonts import font_paths

    font_paths()
