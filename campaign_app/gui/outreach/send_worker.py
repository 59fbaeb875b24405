"""Sending a template's letters off the UI thread: the letters first, then the e-mails.

``run_send`` does two kinds of work. It first makes sure every letter file to attach is
written and current (``run_batch``: reportlab and python-docx), then it talks to the mail
server for minutes, one message every few seconds at the campaign's ``rate_per_minute``.
reportlab is not thread-safe, so every PDF the window writes goes through the
TaskRunner's single writer thread; but holding that thread for a quarter of an hour of
SMTP would stop the Compose tab's exports and the Batch tab for as long. So a run is two
jobs: the letters are brought up to date on the writer thread (exactly what ``run_send``
would do first), then ``run_send`` runs on the ordinary pool, where it finds every letter
current and only builds and sends messages.

Progress crosses to the UI thread as queued signals, at most ten a second (a dry run
writes hundreds of .eml files in a few seconds). Cancel sets the ``threading.Event`` that
``run_send`` and the SMTP session watch: the message being sent finishes, the rest stay
unsent and are sent by the next run. The preview is built the same way as the messages
that go out (``build_messages``), from the same letter files.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from campaign_app.core.campaign.generate import plan_batch, run_batch
from campaign_app.core.campaign.send import (
    Outcome,
    SendPlan,
    SendProgress,
    SendResult,
    build_messages,
    run_send,
)
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.directory.recipients import Recipient
from campaign_app.gui.tasks import TaskRunner

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
    prepared: int = 0  # letter files written before sending
    messages: list[PreviewMessage] = field(default_factory=list)

    @property
    def cancelled(self) -> bool:
        return self.result is not None and self.result.cancelled


def prepare_letters(
    ws: Workspace,
    plan: SendPlan,
    recipients: list[Recipient],
    cancel: threading.Event | None = None,
    by: str | None = None,
) -> int:
    """Write (or confirm current) the letter files the messages attach, as run_send would;
    returns how many were written. Runs reportlab: on the writer thread only."""
    ids = {r.id for r in recipients}
    if not ids:
        return 0
    batch = plan_batch(ws, plan.template_id, plan.formats, plan.out_dir, plan.query or None)
    batch.jobs = [j for j in batch.jobs if j.recipient_id in ids]
    if not batch.jobs:
        return 0
    result = run_batch(ws, batch, cancel=cancel, by=by)
    if result.failed:
        rid, message = result.failed[0]
        raise UserError(f"the letter to {rid} could not be written: {message}")
    return result.letters_written


def build_preview(ws: Workspace, plan: SendPlan, count: int = PREVIEW_COUNT) -> list[PreviewMessage]:
    """The first ``count`` messages exactly as they would go out (nothing is sent or logged
    as sent; their letter files are written if missing). On the writer thread."""
    chosen = plan.to_send[:count]
    prepare_letters(ws, plan, chosen)
    previews = []
    for r in chosen:
        message, pdf = build_messages(ws, plan, r)
        previews.append(PreviewMessage(r, message, pdf))
    return previews


class SendRun(QObject):
    """One send (or dry run) of a plan; every signal arrives on the UI thread."""

    preparing = Signal(int)  # how many letters the messages need (their files are checked first)
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
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.plan = plan
        self.dry_run = dry_run
        self.by = by
        self._password = password
        self.cancel_event = threading.Event()
        self.running = False
        self.started = 0.0
        self._prepared = 0
        self._last_progress = 0.0
        self._tasks: TaskRunner | None = None

    def start(self, tasks: TaskRunner) -> None:
        self.running = True
        self.started = time.monotonic()
        self._tasks = tasks
        self.preparing.emit(len(self.plan.to_send) + len(self.plan.by_hand))
        tasks.submit(self._prepare, self._prepared_done, self._failed, writes_documents=True)

    def cancel(self) -> None:
        """Stop after the message being sent; safe to call from the UI thread at any time."""
        self.cancel_event.set()

    @property
    def cancelling(self) -> bool:
        return self.running and self.cancel_event.is_set()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    # ---- on the writer thread, then on the pool --------------------------------------------

    def _prepare(self) -> int | UserError | UserErrors:
        try:
            return prepare_letters(
                self.workspace, self.plan, self.plan.to_send + self.plan.by_hand, self.cancel_event, self.by
            )
        except (UserError, UserErrors) as exc:
            return exc

    def _send(self) -> SendOutcome:
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
        except (UserError, UserErrors) as exc:
            return SendOutcome(self.plan, self.dry_run, None, exc, self.elapsed(), self._prepared)
        finally:
            self._password = None  # not kept once the session is over
        return SendOutcome(self.plan, self.dry_run, result, None, self.elapsed(), self._prepared)

    def _progress(self, p: SendProgress) -> None:
        now = time.monotonic()
        final = p.done >= p.total or not p.current
        if final or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.progressed.emit(p)

    # ---- back on the UI thread ----------------------------------------------------------

    def _prepared_done(self, prepared: int | UserError | UserErrors) -> None:
        if isinstance(prepared, UserError | UserErrors):
            self._password = None
            self._end(SendOutcome(self.plan, self.dry_run, None, prepared, self.elapsed()))
            return
        self._prepared = prepared
        if self.cancel_event.is_set() or self._tasks is None:
            self._password = None
            result = SendResult(cancelled=True, elapsed=self.elapsed())
            for r in self.plan.to_send:
                result.outcomes.append(Outcome(r.id, r.display_name, r.email, "not-sent"))
            self._end(SendOutcome(self.plan, self.dry_run, result, None, self.elapsed(), prepared))
            return
        self._tasks.submit(self._send, self._end, self._failed)

    def _end(self, outcome: SendOutcome) -> None:
        self.running = False
        self.finished.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._password = None
        self.crashed.emit(exc)
