"""Sending a template's letters off the UI thread, through the core's one send path.

``run_send`` (core/campaign/send.py) renders each letter once, writes its file where the
output folder's is not current, keeps and claims it, and talks to the mail server for
minutes, one message every few seconds at the campaign's ``rate_per_minute``. The window
runs exactly that function on the task pool: there is no second copy of what the command
line does. (Letter writers take their own lock, so a PDF written here never meets one
written by the Batch tab or a Compose export at the same moment.)

Progress crosses to the UI thread as queued signals, at most ten a second (a dry run
writes hundreds of .eml files in a few seconds). Cancel sets the ``threading.Event`` that
``run_send`` and the SMTP session watch: the message being sent finishes, the rest stay
unsent and are sent by the next run. The preview is built by the same function as the
messages that go out (``preview_messages``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from campaign_app.core.campaign.send import SendProgress, SendResult, preview_messages, run_send
from campaign_app.core.campaign.send_plan import SendPlan
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.directory.recipients import Recipient
from campaign_app.gui.outreach.send_plan import PlanAnswer
from campaign_app.gui.tasks import TaskRunner, freeze_heap

PREVIEW_COUNT = 5
PROGRESS_INTERVAL = 0.1  # seconds between progress signals


@dataclass
class PreviewMessage:
    recipient: Recipient
    message: EmailMessage
    pdf: Path

    @property
    def sender(self) -> str:
        return str(self.message["From"])

    @property
    def to(self) -> str:
        return str(self.message["To"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part is not None else ""

    def attachments(self) -> list[tuple[str, int]]:
        """(file name, size in bytes) of each attachment."""
        return [
            (part.get_filename() or "attachment", len(part.get_payload(decode=True) or b""))
            for part in self.message.iter_attachments()
        ]


@dataclass
class SendOutcome:
    """How a run ended: a result, or the user mistake that stopped it before any message."""

    plan: SendPlan
    dry_run: bool
    result: SendResult | None
    error: UserError | UserErrors | None
    elapsed: float
    prepared: int = 0  # kept for the summary's wording; letters are written as they are sent
    messages: list[PreviewMessage] = field(default_factory=list)
    next_plan: PlanAnswer | None = None  # the plan made after the run (SendRun's ``replan``)

    @property
    def cancelled(self) -> bool:
        return self.result is not None and self.result.cancelled


def build_preview(ws: Workspace, plan: SendPlan, count: int = PREVIEW_COUNT) -> list[PreviewMessage]:
    """The first ``count`` messages exactly as they would go out (nothing is sent)."""
    return [PreviewMessage(p.recipient, p.message, p.pdf) for p in preview_messages(ws, plan, count)]


class SendRun(QObject):
    """One send (or dry run) of a plan; every signal arrives on the UI thread."""

    preparing = Signal(int)  # how many letters this run handles
    progressed = Signal(object)  # SendProgress, at most every PROGRESS_INTERVAL
    finished = Signal(object)  # SendOutcome, also after a user mistake
    crashed = Signal(object)  # an unexpected exception (a bug): for the crash handler

    def __init__(
        self,
        workspace: Workspace,
        plan: SendPlan,
        password: str | None,
        dry_run: bool,
        by: str,
        parent: QObject | None = None,
        replan: Callable[[], PlanAnswer] | None = None,
    ):
        """``replan``: the dialog's plan, made again on the same thread once the run ends, so
        the dialog shows what is left to send without a job of its own beside the Outreach
        tab's reload (two jobs at once held the interpreter lock from the window for 50-110 ms)."""
        super().__init__(parent)
        self.workspace = workspace
        self.replan = replan
        self.plan = plan
        self.dry_run = dry_run
        self.by = by
        self._password = password
        self.cancel_event = threading.Event()
        self.running = False
        self.started = 0.0
        self._last_progress = 0.0

    def start(self, tasks: TaskRunner) -> None:
        self.running = True
        self.started = time.monotonic()
        self.preparing.emit(len(self.plan.to_send) + len(self.plan.by_hand))
        tasks.submit(self._send, self._end, self._failed)

    def cancel(self) -> None:
        """Stop after the message being sent; safe to call from the UI thread at any time."""
        self.cancel_event.set()

    @property
    def cancelling(self) -> bool:
        return self.running and self.cancel_event.is_set()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    # ---- on the pool -------------------------------------------------------------------

    def _send(self) -> SendOutcome:
        freeze_heap()  # no full garbage collection of the window's objects mid-send
        try:
            result = run_send(
                self.workspace,
                self.plan,
                self._password,
                dry_run=self.dry_run,
                progress=self._progress,
                cancel=self.cancel_event,
                by=self.by,
            )
            outcome = SendOutcome(self.plan, self.dry_run, result, None, self.elapsed())
        except (UserError, UserErrors) as exc:
            outcome = SendOutcome(self.plan, self.dry_run, None, exc, self.elapsed())
        finally:
            self._password = None  # not kept once the session is over
        if self.replan is not None:
            try:
                outcome.next_plan = self.replan()
            except Exception:  # a bug in planning: the dialog plans again on its own and reports it
                outcome.next_plan = None
        return outcome

    def _progress(self, p: SendProgress) -> None:
        now = time.monotonic()
        final = p.done >= p.total or not p.current
        if final or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progressed.emit(p)

    # ---- back on the UI thread ----------------------------------------------------------

    def _end(self, outcome: SendOutcome) -> None:
        self.running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._password = None
        self.crashed.emit(exc)
