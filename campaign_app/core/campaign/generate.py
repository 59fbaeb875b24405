"""Batch generation: many letters, every core, resumable, and cancellable at any moment.

Letters are independent, so a large batch is spread over a process pool (one worker per
core; each worker loads the workspace once). A small batch stays in this process, where
starting workers would cost more than it saves. Each file is written atomically, so
Ctrl-C or Cancel leaves complete letters only; the manifest records every finished letter
with an input fingerprint, and a re-run skips what is already done.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.campaign.audience import template_audience
from campaign_app.core.campaign.letter_files import FORMATS, LetterFiles
from campaign_app.core.campaign.manifest import Manifest, ManifestEntry
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.atomic import remove_stale_parts
from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.recipients import Recipient

# Below this many letters the pool's start-up costs more than it saves.
POOL_THRESHOLD = 24


@dataclass(frozen=True)
class LetterJob:
    recipient: Recipient  # sent with the job, so workers never load the whole directory
    formats: tuple[str, ...]
    paths: tuple[str, ...]  # relative to the output folder, one per format

    @property
    def recipient_id(self) -> str:
        return self.recipient.id


@dataclass
class BatchPlan:
    template_id: str
    out_dir: Path
    paper: str
    query: str
    jobs: list[LetterJob]
    skipped: list[str]  # recipient ids whose letters are already current
    total_recipients: int
    nobody_due: str = ""  # why there is nobody to write to yet (core/campaign/audience.py), else ""


@dataclass
class BatchProgress:
    done: int
    total: int
    failed: int
    elapsed: float

    @property
    def remaining_seconds(self) -> float | None:
        if self.done == 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)


@dataclass
class BatchResult:
    written: list[ManifestEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (recipient id, message)
    cancelled: bool = False
    elapsed: float = 0.0
    workers: int = 1

    @property
    def letters_written(self) -> int:
        return len({e.recipient_id for e in self.written})


def parse_formats(value: str) -> tuple[str, ...]:
    if value == "both":
        return FORMATS
    if value in FORMATS:
        return (value,)
    raise UserError(f"unknown format '{value}'", hint="use pdf, docx or both")


def select_recipients(ws: Workspace, template_id: str, query: str | None) -> list[Recipient]:
    """The template's audience narrowed by ``query`` (audience.template_audience): empty when
    nobody is due yet; empty for any other reason is a UserError."""
    return template_audience(ws, template_id, query).recipients


def plan_batch(
    ws: Workspace,
    template_id: str,
    formats: Sequence[str],
    out_dir: Path,
    query: str | None = None,
    paper: str | None = None,
) -> BatchPlan:
    """Decide which letters to write; letters already current in the manifest are skipped."""
    template = ws.template(template_id)
    paper = paper or ws.campaign.paper
    audience = template_audience(ws, template_id, query)
    recipients = audience.recipients
    files = LetterFiles(ws, template_id, out_dir, paper)
    jobs: list[LetterJob] = []
    skipped: list[str] = []
    taken: dict[str, str] = {}  # path → recipient id: two letters must never share a file
    for r in recipients:
        todo_formats, todo_paths = [], []
        for fmt in formats:
            if files.current(r, fmt) is not None:
                continue
            todo_formats.append(fmt)
            todo_paths.append(files.path(r, fmt).relative_to(out_dir).as_posix())
        for path_text in todo_paths:
            if path_text.lower() in taken:  # a bug in letter_path: never write one letter over another
                raise AssertionError(
                    f"{r.id} and {taken[path_text.lower()]} would share the file {path_text}"
                )
            taken[path_text.lower()] = r.id
        if todo_formats:
            jobs.append(LetterJob(r, tuple(todo_formats), tuple(todo_paths)))
        else:
            skipped.append(r.id)
    return BatchPlan(
        template.id, out_dir, paper, query or "", jobs, skipped, len(recipients), audience.nobody_due_message
    )


# ---- the work itself: the same function runs in this process or in a pool worker -------


_FILES: LetterFiles | None = None  # this process's (or pool worker's) letter writer


def _init_worker(root: str, template_id: str, out_dir: str, paper: str, today: str, in_pool: bool) -> None:
    global _FILES
    if in_pool:
        # Ctrl-C goes to the whole process group: the parent decides what stops, and a
        # worker always finishes the file it is writing.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    ws = Workspace(Path(root))
    _FILES = LetterFiles(
        ws, template_id, Path(out_dir), paper, dt.date.fromisoformat(today), Manifest(Path(out_dir))
    )


def _write_job(job: LetterJob) -> list[ManifestEntry]:
    """Render one letter once and write its files from that rendering."""
    files = _FILES
    assert files is not None, "worker not initialised"
    letter = files.render(job.recipient)
    return [files.write(letter, job.recipient, fmt)[1] for fmt in job.formats]


def _run_jobs(jobs: list[LetterJob]) -> list[tuple[str, list[ManifestEntry], str | None]]:
    """Write a chunk of letters; returns per recipient its entries or its problem."""
    results: list[tuple[str, list[ManifestEntry], str | None]] = []
    for job in jobs:
        try:
            results.append((job.recipient_id, _write_job(job), None))
        except UserError as exc:
            results.append((job.recipient_id, [], str(exc)))
    return results


def channel_of(recipient: Recipient) -> str:
    """How a letter to this recipient goes: e-mail where there is an address."""
    if recipient.email:
        return "email"
    if recipient.web_form:
        return "web-form"
    return "post"


class _DraftRecorder:
    """Records written letters as drafted in the contact log, a group at a time (one
    transaction each), at the moments the manifest is saved: both then agree on what exists."""

    def __init__(self, ws: Workspace, plan: BatchPlan, by: str | None):
        self.ws, self.plan, self.by = ws, plan, by
        self.pending: list[ManifestEntry] = []
        self._recipients: dict[str, Recipient] | None = None

    def add(self, entries: list[ManifestEntry]) -> None:
        # One contact per letter: the PDF stands for the letter when both formats were written.
        if entries:
            self.pending.append(next((e for e in entries if e.format == "pdf"), entries[0]))

    def flush(self) -> None:
        if not self.pending:
            return
        from campaign_app.core.common.appstate import volunteer_name
        from campaign_app.core.outreach.log import NewContact

        if self._recipients is None:
            self._recipients = {j.recipient.id: j.recipient for j in self.plan.jobs}
        letters = []
        for e in self.pending:
            r = self._recipients[e.recipient_id]
            letters.append(
                NewContact(
                    recipient_id=r.id,
                    recipient_name=r.display_name,
                    category=r.category,
                    case_id=e.case_id,
                    template_id=e.template_id,
                    language=e.language,
                    channel=channel_of(r),
                    address=r.email,
                    letter_path=self.ws.relative(self.plan.out_dir / e.path),
                    letter_sha256=e.sha256,
                )
            )
        with self.ws.open_log() as log:
            log.record_drafts(letters, self.by or volunteer_name())
        self.pending.clear()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _chunks(jobs: list[LetterJob], size: int) -> Iterable[list[LetterJob]]:
    for i in range(0, len(jobs), size):
        yield jobs[i : i + size]


ProgressCallback = Callable[[BatchProgress], None]


def run_batch(
    ws: Workspace,
    plan: BatchPlan,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    progress_interval: float = 0.1,
    by: str | None = None,
) -> BatchResult:
    """Write the planned letters. Progress is reported at most every ``progress_interval``
    seconds (a GUI must not receive one event per letter); ``cancel`` stops after the
    letters in flight. KeyboardInterrupt is treated as cancel. The manifest is saved
    whatever happens, and each letter written is recorded as drafted in the contact log
    (by ``by``, default the volunteer's name from settings).

    The first letter is written here before any worker starts: a mistake in the template
    then stops the batch as one UserError at its line, not once per recipient."""
    today = today or dt.date.today()
    cancel = cancel or threading.Event()
    workers = workers or default_workers()
    total = len(plan.jobs)
    use_pool = workers > 1 and total >= POOL_THRESHOLD
    result = BatchResult(skipped=list(plan.skipped), workers=workers if use_pool else 1)
    manifest = Manifest.load(plan.out_dir)
    global _FILES
    _FILES = LetterFiles(ws, plan.template_id, plan.out_dir, plan.paper, today, manifest)
    # A template mistake raises here, before anything is written (no folder, no manifest).
    first = (plan.jobs[0].recipient_id, _write_job(plan.jobs[0]), None) if plan.jobs else None
    plan.out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(plan.out_dir)  # debris of a batch that was killed outright
    drafts = _DraftRecorder(ws, plan, by)
    start = time.monotonic()
    last_report = 0.0
    last_save = start
    done = 0

    def report(force: bool = False) -> None:
        nonlocal last_report
        now = time.monotonic()
        if progress and (force or now - last_report >= progress_interval):
            last_report = now
            progress(BatchProgress(done, total, len(result.failed), now - start))

    def absorb(chunk_results: list[tuple[str, list[ManifestEntry], str | None]]) -> None:
        nonlocal done, last_save
        for rid, entries, error in chunk_results:
            done += 1
            for e in entries:
                manifest.add(e)
                result.written.append(e)
            drafts.add(entries)
            if error:
                result.failed.append((rid, error))
        # Saved now and then, not per letter: rewriting 20,000 entries every few seconds is
        # quadratic work. A batch killed outright redoes at most these last letters.
        if time.monotonic() - last_save > 10.0:
            manifest.save()
            drafts.flush()
            last_save = time.monotonic()
        report()

    args = (str(ws.root), plan.template_id, str(plan.out_dir), plan.paper, today.isoformat())
    report(force=True)
    try:
        if first is not None:
            absorb([first])
        rest = plan.jobs[1:]
        if not use_pool:
            for job in rest:
                if cancel.is_set():
                    result.cancelled = True
                    break
                absorb(_run_jobs([job]))
        else:
            size = max(1, min(16, total // (workers * 8)))
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, context, _init_worker, (*args, True)) as pool:
                pending: set[Future] = set()
                chunks = iter(_chunks(rest, size))

                def refill() -> None:
                    # Keep at most three chunks per worker in flight, so Cancel takes effect
                    # within a few letters and memory stays flat however large the batch.
                    while len(pending) < workers * 3 and (chunk := next(chunks, None)) is not None:
                        pending.add(pool.submit(_run_jobs, chunk))

                try:
                    refill()
                    while pending:
                        finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            absorb(fut.result())
                        if cancel.is_set():
                            result.cancelled = True
                            continue  # let the chunks in flight finish, submit nothing new
                        refill()
                        report()
                except KeyboardInterrupt:
                    result.cancelled = True
                    for fut in pending:
                        fut.cancel()
                    for fut in pending:
                        if not fut.cancelled():
                            absorb(fut.result())
                    raise
    except KeyboardInterrupt:
        result.cancelled = True
    finally:
        manifest.save()
        drafts.flush()
        result.elapsed = time.monotonic() - start
        report(force=True)
    return result
