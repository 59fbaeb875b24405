"""One batch of letters, run off the UI thread: plan, check the first letter, write, report.

``run_batch`` blocks for minutes, so it never runs on the UI thread. It runs on the
TaskRunner's single *writer* thread: a batch under ``POOL_THRESHOLD`` letters renders its
PDFs and DOCX files in the calling thread, and reportlab is not thread-safe, so a small
batch and a Compose export must never write at the same time. A large batch fans out to
``run_batch``'s own worker processes and the writer thread only waits and collects.

Progress is throttled by ``run_batch`` (at most every 0.1 s) and again here, so the UI
thread never gets more than ten reports a second whatever the core does; each crosses to
the UI thread as one queued signal carrying the ``BatchProgress``, and the last one (every
letter done) always goes. The run keeps the window's objects out of the garbage
collector's passes (``tasks.freeze_heap``), so a collection mid-batch does not freeze the
window. Cancel sets the ``threading.Event`` that ``run_batch`` watches: the letters in
flight finish (every file is written atomically) and the rest wait for the next run.

The steps are exactly those of ``campaign-app generate`` (cli/main.py ``_generate``), so
the window and the command line write the same files and say the same things.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.generate import BatchPlan, BatchProgress, BatchResult, plan_batch
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.tasks import TaskRunner, freeze_heap

PROGRESS_INTERVAL = 0.1  # seconds between progress signals (the last one always goes)
# The letter-writing processes yield the cores to the window (and to the rest of the desktop):
# with as many workers as cores, the window's thread otherwise waits its turn behind them.
WORKER_NICENESS = 10


@dataclass(frozen=True)
class BatchRequest:
    """What the user asked for in the form (the same choices as ``campaign-app generate``)."""

    template_id: str
    query: str
    formats: tuple[str, ...]
    out_dir: Path
    paper: str | None = None
    workers: int | None = None  # None: one process per core, as the CLI's default


@dataclass
class BatchOutcome:
    """How a run ended: a result, or the user mistake that stopped it before any letter."""

    request: BatchRequest
    plan: BatchPlan | None
    result: BatchResult | None
    error: UserError | UserErrors | None
    elapsed: float  # seconds from the click to the end, planning included

    @property
    def cancelled(self) -> bool:
        return self.result is not None and self.result.cancelled


class BatchRun(QObject):
    """Runs one request on the writer thread; every signal arrives on the UI thread.

    The object lives on the UI thread, so signals emitted from the worker are queued
    (Qt's automatic connection type) and slots may touch widgets.
    """

    planned = Signal(object)  # BatchPlan: how many letters will be written
    progressed = Signal(object)  # BatchProgress, at most every PROGRESS_INTERVAL
    finished = Signal(object)  # BatchOutcome, also after a user mistake
    crashed = Signal(object)  # an unexpected exception (a bug): for the crash handler

    def __init__(self, workspace: Workspace, request: BatchRequest, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.request = request
        self.cancel_event = threading.Event()
        self.running = False
        self._started = 0.0
        self._last_progress = 0.0

    def start(self, tasks: TaskRunner) -> None:
        self.running = True
        self._started = time.monotonic()
        tasks.submit(self._work, self._done, self._failed, writes_documents=True)

    def cancel(self) -> None:
        """Stop after the letters in flight; safe to call from the UI thread at any time."""
        self.cancel_event.set()

    @property
    def cancelling(self) -> bool:
        return self.running and self.cancel_event.is_set()

    # ---- on the writer thread ---------------------------------------------------------

    def _work(self) -> BatchOutcome:
        # What run_batch records drafts with, imported now rather than mid-batch (where it
        # would add a few hundred thousand objects for the collector to walk); then the heap,
        # as it is, is left out of collections while the letters are written.
        import campaign_app.core.outreach.log  # noqa: F401

        freeze_heap()
        ws, req = self.workspace, self.request
        plan: BatchPlan | None = None
        try:
            plan = plan_batch(ws, req.template_id, req.formats, req.out_dir, req.query, req.paper)
            if plan.nobody_due:  # a follow-up nobody is due for: write nothing (the tab says why)
                return BatchOutcome(req, plan, None, None, self._elapsed())
            self.planned.emit(plan)
            if self.cancel_event.is_set():  # cancelled while planning: write nothing
                result = BatchResult(skipped=list(plan.skipped), cancelled=True)
            else:
                result = run_batch(
                    ws,
                    plan,
                    progress=self._progress,
                    cancel=self.cancel_event,
                    workers=req.workers,
                    niceness=WORKER_NICENESS,
                )
        except (UserError, UserErrors) as exc:
            return BatchOutcome(req, plan, None, exc, self._elapsed())
        return BatchOutcome(req, plan, result, None, self._elapsed())

    def _progress(self, p: BatchProgress) -> None:
        """Pass a report on to the UI thread: the last one always, others at most every
        PROGRESS_INTERVAL."""
        now = time.monotonic()
        if p.done >= p.total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progressed.emit(p)

    def _elapsed(self) -> float:
        return time.monotonic() - self._started

    # ---- back on the UI thread (TaskRunner delivers there) ----------------------------

    def _done(self, outcome: BatchOutcome) -> None:
        self.running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.crashed.emit(exc)
