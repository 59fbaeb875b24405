"""Running work off the UI thread and getting the result back on it.

A callable runs on Qt's global thread pool; its result or its exception comes back
through a queued signal, so the callback always runs on the main thread where widgets
may be touched (the pattern of Picard's ``run_task``). Tests wait on ``idle()`` and fail
if a task is left running.
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)


def freeze_heap() -> None:
    """Leave every object alive now out of the cyclic garbage collector's passes, for good.

    Called when the window has just made objects that live as long as it does (a tab built:
    its modules and widgets) and when a long job starts off the UI thread (a batch, a send).
    Otherwise each burst of new objects sets off, sooner or later, a full collection that
    walks every object of the window (a few hundred thousand) with the GIL held, on whichever
    thread triggered it: the window could neither paint nor take a key for 0.1-0.6 s, in the
    middle of a batch or of typing. Frozen objects are still freed by reference counting;
    only a reference cycle among them that is dropped later stays until the window closes.
    ``gc.freeze`` only moves a list, so this costs nothing itself.
    """
    gc.freeze()


def pause_collection_while_starting(tasks: TaskRunner, longest_ms: int = 5000) -> Callable[[], None]:
    """Turn the cyclic garbage collector off for the window's start, until the tasks it
    started are done (the campaign read, the case checked) or ``longest_ms`` have passed;
    returns ``resume``, which ends the pause at once (nothing was started: nothing to wait for).

    The start makes some hundred thousand objects that live as long as the window (modules,
    widgets, the case's tree); each 700 new ones set off a collection that frees nothing,
    about 20 ms of CPU in all, half of it between the first paint and the case shown. When
    the collector resumes, what the start made is frozen (:func:`freeze_heap`), so no later
    collection walks it either."""
    if not gc.isenabled():
        return lambda: None
    gc.disable()
    state = {"paused": True}

    def resume() -> None:
        if state["paused"]:
            state["paused"] = False
            freeze_heap()
            gc.enable()

    tasks.becameIdle.connect(resume)
    QTimer.singleShot(longest_ms, resume)
    return resume


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Callable, on_error: Callable | None):
        super().__init__()
        self.fn, self.relay, self.on_done, self.on_error = fn, relay, on_done, on_error

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the main thread, never lost
            # the worker's traceback travels with the exception (an attribute no stub declares)
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.finished.emit((self.on_done, self.on_error), None, exc)
        else:
            self.relay.finished.emit((self.on_done, self.on_error), result, None)


class TaskRunner(QObject):
    """Submit callables to the thread pool; callbacks run on the main thread."""

    becameIdle = Signal()  # the last task running has delivered (and its callback has run)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        # reportlab and python-docx are not known to be thread-safe: every PDF/DOCX the
        # window writes goes through this pool of one thread (Picard's single saver).
        self.writer_pool = QThreadPool(self)
        self.writer_pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._pending = 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        writes_documents: bool = False,
    ) -> None:
        """Run ``fn`` off the UI thread; ``writes_documents`` serialises PDF/DOCX work."""
        self._pending += 1
        pool = self.writer_pool if writes_documents else self.pool
        pool.start(_Job(fn, self._relay, on_done, on_error))

    @Slot(object, object, object)
    def _deliver(self, callbacks: tuple, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        on_done, on_error = callbacks
        try:
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                raise error  # reaches the crash handler on the main thread
        finally:
            if self._pending == 0:
                self.becameIdle.emit()

    @property
    def pending(self) -> int:
        return self._pending

    def idle(self) -> bool:
        return self._pending == 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until both pools are empty (on quit, so no write is cut off)."""
        return self.pool.waitForDone(msecs) and self.writer_pool.waitForDone(msecs)
