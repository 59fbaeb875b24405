"""Running work off the UI thread and getting the result back on it.

A callable runs on Qt's global thread pool; its result or its exception comes back
through a queued signal, so the callback always runs on the main thread where widgets
may be touched (the pattern of Picard's ``run_task``). Tests wait on ``idle()`` and fail
if a task is left running.

Closing the window waits for the pool, so that no write is cut off (and Qt's own exit
waits for it too). Work that only waits on another computer, and may wait for a whole
connect timeout, runs instead on a thread nothing waits for (``submit_abandonable``):
closing drops it, and what it would keep it keeps only if still wanted
(core/common/abandoning.py).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from campaign_app.core.common.abandoning import Abandonable
from campaign_app.core.common.bulk import collector_paused

log = logging.getLogger(__name__)


# While a ``responsive`` job runs, the lock goes to the window's thread within this many
# seconds of its asking (see TaskRunner.submit).
RESPONSIVE_SWITCH_INTERVAL = 0.0005


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


@contextlib.contextmanager
def making_lasting_objects() -> Iterator[None]:
    """For a job off the UI thread that may make the directory's entries (the directory makes
    a Recipient from its columns when first asked for it, and keeps it: an audience of
    everyone makes 100,000): the collector paused meanwhile, and what was made frozen
    (:func:`freeze_heap`). Made with the collector on, they set off full collections of
    40-90 ms each with the GIL held, and the window waited up to 117 ms."""
    with collector_paused():
        yield
        freeze_heap()


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
    finished = Signal(object, object, object)  # the job, its result, its error


class _Job(QRunnable):
    def __init__(
        self,
        fn: Callable[[], Any],
        relay: _Relay,
        on_done: Callable,
        on_error: Callable | None,
        asked: Abandonable | None = None,
    ):
        super().__init__()
        self.fn, self.relay, self.on_done, self.on_error, self.asked = fn, relay, on_done, on_error, asked
        self.responsive = False  # submitted with TaskRunner.submit(..., responsive=True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the main thread, never lost
            # the worker's traceback travels with the exception (an attribute no stub declares)
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._send(None, exc)
        else:
            self._send(result, None)

    def _send(self, result: Any, error: BaseException | None) -> None:
        if self.asked is None:
            self.relay.finished.emit(self, result, error)
        elif not self.asked.abandoned:  # else nobody takes it: the window (and its runner) is gone
            with contextlib.suppress(RuntimeError):  # ... just gone: "already deleted"
                self.relay.finished.emit(self, result, error)


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
        self._abandonable: list[_Job] = []  # submitted with submit_abandonable, not yet delivered
        self._responsive = 0  # jobs running with the switch interval shortened
        self._switch_interval = sys.getswitchinterval()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        writes_documents: bool = False,
        responsive: bool = False,
    ) -> None:
        """Run ``fn`` off the UI thread; ``writes_documents`` serialises PDF/DOCX work.

        ``responsive``: a job that keeps the processor busy for seconds while the window
        shows what it is working on (an import's preview, a picker of 100,000 recipients).
        The window calls Python for every cell and header it paints, and CPython hands the
        interpreter's lock to a waiting thread only after its switch interval (5 ms): one
        repaint then took up to 1.4 s. So the interval is shortened while such a job runs
        (the job takes ~5% longer while the window asks for the lock) and put back when the
        last one ends."""
        self._pending += 1
        pool = self.writer_pool if writes_documents else self.pool
        job = _Job(fn, self._relay, on_done, on_error)
        if responsive:
            if self._responsive == 0:
                self._switch_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(self._switch_interval, RESPONSIVE_SWITCH_INTERVAL))
            self._responsive += 1
            job.responsive = True
        pool.start(job)

    def submit_abandonable(
        self,
        fn: Callable[[Abandonable], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "task",
    ) -> None:
        """Run ``fn`` on a thread of its own that neither closing the window nor the program's
        exit waits for: work that waits on another computer, which may not answer for the
        whole connect timeout (a check of the team's database password). ``fn`` is given the
        Abandonable that :meth:`abandon` abandons, and takes its lasting step under it."""
        asked = Abandonable()
        job = _Job(lambda: fn(asked), self._relay, on_done, on_error, asked)
        self._pending += 1
        self._abandonable.append(job)
        threading.Thread(target=job.run, name=f"abandonable: {name}", daemon=True).start()

    def submit_read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        only_waits: bool,
    ) -> None:
        """Run ``fn``, a read; ``only_waits``: it waits on another computer (a team's log) and
        writes nothing, so closing the window does not wait for it (``submit_abandonable``)."""
        if only_waits:
            self.submit_abandonable(lambda _asked: fn(), on_done, on_error, name="read")
        else:
            self.submit(fn, on_done, on_error)

    def abandon(self) -> None:
        """Drop the abandonable tasks under way (the window closes): once this returns none
        of them takes its lasting step (one under way is waited for a moment), and their
        answers are never delivered. They end on their own; nothing waits for them."""
        jobs, self._abandonable = self._abandonable, []
        for job in jobs:
            assert job.asked is not None
            job.asked.abandon()
        self._pending -= len(jobs)
        if jobs and self._pending == 0:
            self.becameIdle.emit()

    @Slot(object, object, object)
    def _deliver(self, job: _Job, result: Any, error: BaseException | None) -> None:
        if job.asked is not None:
            if job.asked.abandoned:
                return  # dropped by abandon(), which counted it as done
            self._abandonable.remove(job)
        self._pending -= 1
        if job.responsive:
            self._responsive -= 1
            if self._responsive == 0:
                sys.setswitchinterval(self._switch_interval)
        on_done, on_error = job.on_done, job.on_error
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
