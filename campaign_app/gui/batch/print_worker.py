"""One print pack, made off the UI thread: plan, prepare each letter, write the PDF, record.

The same steps as ``campaign-app print`` (core/campaign/print_pack.py), on the TaskRunner's
writer thread (letters are typeset with reportlab, which is not thread-safe). Progress
crosses to the UI thread as queued signals; Cancel sets the event ``run_print`` watches
between letters, and then no pack is written and nothing is recorded as printed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from campaign_app.core.campaign.print_pack import PrintPlan, PrintResult, plan_print, run_print
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.tasks import TaskRunner


@dataclass(frozen=True)
class PrintRequest:
    template_id: str
    query: str
    out: Path
    envelope: str | None = None
    labels: str | None = None


@dataclass
class PrintOutcome:
    request: PrintRequest
    plan: PrintPlan | None
    result: PrintResult | None
    error: UserError | UserErrors | None


class PrintRun(QObject):
    """Runs one request on the writer thread; every signal arrives on the UI thread."""

    planned = Signal(object)  # PrintPlan: who is in the pack, who is not
    progressed = Signal(object)  # PrintProgress
    finished = Signal(object)  # PrintOutcome, also after a user mistake
    crashed = Signal(object)  # a bug: for the crash handler

    def __init__(self, workspace: Workspace, request: PrintRequest, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace, self.request = workspace, request
        self.cancel_event = threading.Event()
        self.running = False

    def start(self, tasks: TaskRunner) -> None:
        self.running = True
        tasks.submit(self._work, self._done, self._failed, writes_documents=True)

    def cancel(self) -> None:
        self.cancel_event.set()

    def _work(self) -> PrintOutcome:
        req, plan = self.request, None
        try:
            plan = plan_print(self.workspace, req.template_id, req.out, req.query, req.envelope, req.labels)
            self.planned.emit(plan)
            if plan.nobody_due:
                return PrintOutcome(req, plan, None, None)
            result = run_print(self.workspace, plan, progress=self.progressed.emit, cancel=self.cancel_event)
        except (UserError, UserErrors) as exc:
            return PrintOutcome(req, plan, None, exc)
        return PrintOutcome(req, plan, result, None)

    def _done(self, outcome: PrintOutcome) -> None:
        self.running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.crashed.emit(exc)
