"""Running work off the UI thread and getting the result back on it.

A callable runs on Qt's global thread pool; its result or its exception comes back
through a queued signal, so the callback always runs on the main thread where widgets
may be touched (the pattern of Picard's ``run_task``). Tests wait on ``idle()`` and fail
if a task is left running.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_freeze_lock = threading.Lock()
_freezes = 0  # long jobs running inside heap_frozen()
_frozen_before = False  # the heap was frozen for good before the first of them began


@contextlib.contextmanager
def heap_frozen() -> Iterator[None]:
    """For a long job off the UI thread (a batch, a send): the objects alive when it starts
    are left out of the cyclic garbage collector's passes until it ends.

    Such a job allocates steadily, and every so often that sets off a full collection, which
    walks every object of the window (modules, widgets, the campaign: a few hundred thousand)
    with the GIL held, on whichever thread triggered it: the window could neither paint nor
    take a key for 0.1-0.6 s. Frozen, a collection walks only what the job made since.
    Reference counting still frees everything meanwhile. Afterwards the objects go back to
    the collector, unless the heap had been frozen for good before (a big directory:
    recipients/loading.py). ``gc.freeze`` only moves a list, so this costs nothing itself.
    """
    global _freezes, _frozen_before
    with _freeze_lock:
        if _freezes == 0:
            _frozen_before = gc.get_freeze_count() > 0
        _freezes += 1
        gc.freeze()
    try:
        yield
    finally:
        with _freeze_lock:
            _freezes -= 1
            if _freezes == 0 and not _frozen_before:
                gc.unfreeze()


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
        if error is None:
            on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            raise error  # reaches the crash handler on the main thread

    @property
    def pending(self) -> int:
        return self._pending

    def idle(self) -> bool:
        return self._pending == 0

    def wait(self, msecs: int = 30000) -> bool:
        """Block until both pools are empty (on quit, so no write is cut off)."""
        return self.pool.waitForDone(msecs) and self.writer_pool.waitForDone(msecs)
