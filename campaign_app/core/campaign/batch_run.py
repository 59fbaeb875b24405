"""Running a batch: many letters, every core, resumable, and cancellable at any moment.

Letters are independent, so a large batch is spread over worker processes (one per core;
each loads the workspace once and renders each of its letters once; a worker that dies
stops the batch with a message, never a hang: core/common/worker_process.py). A small
batch stays in this process, where starting workers would cost more than it saves. Each
file is written atomically, so Ctrl-C or Cancel leaves complete letters only; the
manifest records every finished letter with an input fingerprint, and a re-run skips what
is already done. The plan (who, which files) is core/campaign/generate.py's.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_app.core.campaign.batch_files import WrittenFiles
from campaign_app.core.campaign.generate import (
    POOL_THRESHOLD,
    BatchPlan,
    BatchProgress,
    BatchResult,
    LetterJob,
    channel_of,
)
from campaign_app.core.campaign.letter_files import LetterFiles
from campaign_app.core.campaign.manifest import Manifest, ManifestEntry
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.atomic import FolderUnwritable, remove_stale_parts, sync_folder
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.processes import ctrl_c_cancels
from campaign_app.core.common.worker_process import Worker, WorkerEnded, Workers
from campaign_app.core.directory.recipients import Recipient

if TYPE_CHECKING:
    from campaign_app.core.campaign.last_letters import LastLetters

# ---- the work itself: the same writer runs in this process or in a worker process -------


# The workspace's inputs a worker needs, parsed once by the parent and sent to each worker
# (unpickling them takes a millisecond; parsing the case's YAML again took a quarter second).
_SHIPPED = ("campaign", "case", "template_scan")

# Letters asked of each worker at a time: enough that it never waits for this process (which
# saves the manifest now and then), few enough that Cancel and Ctrl-C stop within a letter.
IN_FLIGHT = 6

# A letter's job as a worker is asked for it: (its index in the plan, the job); and what it
# answers: (that index, the recipient's id, the manifest entries of its files, its problem).
Answer = tuple[int, str, list[ManifestEntry], str | None]


def parsed_inputs(ws: Workspace) -> dict[str, Any]:
    return {name: getattr(ws, name) for name in _SHIPPED}


def shipped_workspace(root: str, parsed: dict[str, Any]) -> Workspace:
    """In a worker: the workspace at ``root`` with the parent's ``parsed_inputs`` (cached
    properties), nothing parsed again."""
    ws = Workspace(Path(root))
    ws.__dict__.update(parsed)
    return ws


class _Writer:
    """Writes the batch's letters, each rendered once and written in each of its formats."""

    def __init__(self, files: LetterFiles):
        self.files = files

    def write(self, job: LetterJob) -> list[ManifestEntry]:
        files = self.files
        letter = files.render(job.recipient)
        # Not fsynced one by one: the batch syncs its folder before each manifest save.
        return [
            files.write(letter, job.recipient, fmt, durable=False, path=files.out_dir / rel)[1]
            for fmt, rel in zip(job.formats, job.paths, strict=True)
        ]

    def __call__(self, asked: tuple[int, LetterJob]) -> Answer:
        """One letter; its problem is part of the answer, except the first letter's, which
        is raised whole (a template mistake stops the batch at its line, nothing written)."""
        index, job = asked
        try:
            return index, job.recipient_id, self.write(job), None
        except FolderUnwritable:
            raise  # every other letter would fail the same way: the run stops (result.stopped)
        except UserError as exc:
            if index == 0:
                raise
            return index, job.recipient_id, [], str(exc)


def _start_writer(
    root: str,
    template_id: str,
    out_dir: str,
    paper: str,
    today: str,
    parsed: dict[str, Any],
    last_letters: LastLetters | None,
    niceness: int,
) -> _Writer:
    """In a worker process (core/common/worker_process.py), once: its letter writer."""
    if niceness and hasattr(os, "nice"):  # (not on Windows)
        os.nice(niceness)
    writer = _Writer(
        LetterFiles(
            shipped_workspace(root, parsed),
            template_id,
            Path(out_dir),
            paper,
            dt.date.fromisoformat(today),
            Manifest(Path(out_dir)),
            last_letters,  # the plan's reading of the log: a worker never opens it
        )
    )
    # What the worker has loaded lives as long as it does: the garbage collector's full
    # passes need not scan it again for every few letters (about 2% of a letter).
    gc.freeze()
    return writer


def _worker_ended() -> UserError:
    return UserError(
        _("a process writing the letters stopped unexpectedly (out of memory?)"),
        hint=_("run it again: the letters written so far are kept, and only the others are written"),
    )


class _DraftRecorder:
    """Records written letters as drafted in the contact log, a group at a time (one
    transaction each), at the moments the manifest is saved: both then agree on what exists."""

    def __init__(self, ws: Workspace, plan: BatchPlan, by: str | None, result: BatchResult):
        self.ws, self.plan, self.by, self.result = ws, plan, by, result
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
            r = self._recipients.get(e.recipient_id) or self.ws.directory.get(e.recipient_id)
            if r is None:  # gone from the directory since its letter was written
                continue
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
        if self.result.log_note:
            self.pending.clear()
            return
        try:
            with self.ws.open_log() as log:
                log.record_drafts(letters, self.by or volunteer_name())
        except UserError as exc:
            if self.ws.campaign.log_database is None:  # campaign.db damaged, say: it is said so
                raise UserError(
                    _(
                        "the letters written so far are kept, but they could not be recorded as drafts "
                        "in the contact log: {problem}"
                    ).format(problem=exc.message),
                    exc.where,
                    exc.hint,
                ) from None
            # Letters are written offline too; sending records each one before it leaves.
            self.result.log_note = _(
                "the letters were written but not recorded as drafts in the team's log ({problem}); "
                "sending records them, once the log can be reached"
            ).format(problem=exc.message)
        self.pending.clear()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


ProgressCallback = Callable[[BatchProgress], None]


class _BatchRun:
    """One run of a batch plan: what it has written, its progress, and its manifest."""

    def __init__(
        self, ws: Workspace, plan: BatchPlan, progress: ProgressCallback | None, interval: float, by
    ):
        self.ws, self.plan, self.progress, self.interval = ws, plan, progress, interval
        self.result = BatchResult(skipped=list(plan.skipped))
        self.manifest = Manifest.load(plan.out_dir)
        self.files = WrittenFiles(plan.jobs, plan.template_id)  # what this run adds to the manifest
        self.drafts = _DraftRecorder(ws, plan, by, self.result)
        self.start = self.last_save = time.monotonic()
        self.last_report = 0.0
        self.done = 0

    def report(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.progress and (force or now - self.last_report >= self.interval):
            self.last_report = now
            total = len(self.plan.jobs)
            self.progress(BatchProgress(self.done, total, len(self.result.failed), now - self.start))

    def absorb(self, index: int, rid: str, entries: list[ManifestEntry], error: str | None) -> None:
        """Take in the plan's letter ``index`` (to ``rid``): its files' entries, or its problem."""
        self.done += 1
        for e in entries:
            self.manifest.drop_for(e)  # the file just written replaces its old entry
        for e in self.files.add(index, entries):
            self.manifest.add(e)
        self.result.files_written += len(entries)
        self.result.letters_written += bool(entries)
        self.drafts.add(entries)
        if error:
            self.result.failed.append((rid, error))
        # Saved now and then, not per letter: rewriting 20,000 entries every few seconds is
        # quadratic work. A batch killed outright redoes at most these last letters.
        if time.monotonic() - self.last_save > 10.0:
            self.save()
        self.report()

    def save(self) -> None:
        if not self.done:  # nothing written (a template mistake stopped it first): nothing to save
            self.drafts.flush()  # the drafts of letters already current, if the log lacked them
            return
        sync_folder(self.plan.out_dir)  # the letters on disk before the manifest lists them
        self.manifest.save(self.files.entries())
        self.result.replaced, self.result.replaced_kept = self.manifest.replaced, self.manifest.replaced_kept
        self.drafts.flush()
        self.last_save = time.monotonic()

    def record_unrecorded(self) -> None:
        """Letters already current whose drafts the log lacks are recorded with this run's: a
        run the log refused (in use, read-only) saved its manifest first, and the next run
        found every letter current and said all was fine while the log knew nothing of them."""
        if not self.plan.skipped or not self.ws.has_log():
            return
        try:
            with self.ws.read_log() as log:
                known = {
                    c.recipient_id for c in log.contacts(self.ws.case.id, template_id=self.plan.template_id)
                }
        except UserError:
            return  # said when the drafts are recorded
        missing = set(self.plan.skipped) - known
        if not missing:
            return
        letters: dict[str, list[ManifestEntry]] = {}
        for e in self.manifest.entries.values():
            if e.recipient_id in missing and e.template_id == self.plan.template_id:
                letters.setdefault(e.recipient_id, []).append(e)
        for entries in letters.values():
            self.drafts.add(entries)

    def in_process(self, writer: _Writer, start: int, cancel: threading.Event) -> None:
        try:
            for index in range(start, len(self.plan.jobs)):
                if cancel.is_set():
                    self.result.cancelled = True
                    return
                self.absorb(*writer((index, self.plan.jobs[index])))
        except FolderUnwritable as exc:  # the disk is full: the letters written are kept
            self.result.stopped = exc

    def in_workers(self, jobs: list[LetterJob], cancel: threading.Event, workers: int, args: tuple) -> None:
        """The letters spread over worker processes, one per core, each asked for a few at a
        time (``IN_FLIGHT``), so that Cancel takes effect within a letter and memory stays
        flat however large the batch. A worker that dies (out of memory, killed), or a disk
        that fills up, stops the batch (``result.stopped`` says why); the letters written are
        kept, and a rerun writes the others.

        The first letter goes alone, and the rest only once it is written: a template mistake
        is then raised as one UserError at its line, with nothing written."""
        pool = Workers(multiprocessing.get_context("spawn"), _start_writer, args, workers, "letter-writer")
        try:
            pool.all[0].ask((0, jobs[0]))
            while (first := pool.take(0.2)) is None:
                if cancel.is_set():
                    self.result.cancelled = True
                    return  # the first letter is finished and kept (wind_up)
                self.report()
            self.absorb(*first[1])
            self._spread(pool, jobs, cancel)
        except WorkerEnded:
            if cancel.is_set():
                self.result.cancelled = True  # Ctrl-C reached a worker too: it is what stopped
            else:
                self.result.stopped = _worker_ended()
        finally:
            for answer in pool.wind_up():  # the letters in hand are finished and kept
                self.absorb(*answer)

    def _spread(self, pool: Workers, jobs: list[LetterJob], cancel: threading.Event) -> None:
        upcoming = iter(range(1, len(jobs)))

        def feed(worker: Worker) -> None:
            while worker.waiting < IN_FLIGHT and (index := next(upcoming, None)) is not None:
                worker.ask((index, jobs[index]))

        for worker in pool.all:
            feed(worker)
        while pool.waiting:
            if cancel.is_set():
                self.result.cancelled = True
                return  # each worker finishes the letter in hand (wind_up)
            try:
                taken = pool.take(0.2)
            except FolderUnwritable as exc:  # the disk is full: the letters written are kept
                self.result.stopped = exc
                return
            if taken is not None:
                worker, answer = taken
                self.absorb(*answer)
                feed(worker)
            self.report()


def run_batch(
    ws: Workspace,
    plan: BatchPlan,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    progress_interval: float = 0.1,
    by: str | None = None,
    niceness: int = 0,
) -> BatchResult:
    """Write the planned letters. Progress is reported at most every ``progress_interval``
    seconds (a GUI must not receive one event per letter); ``cancel`` stops after the
    letters in flight. KeyboardInterrupt is treated as cancel. The manifest is saved
    whatever happens, and each letter written is recorded as drafted in the contact log
    (by ``by``, default the volunteer's name from settings). ``niceness`` lowers the pool's
    workers' CPU priority by that much (``os.nice``): the window gives a positive one, so that
    on a machine with as many cores as workers its own thread still gets a core when it needs
    one; the command line leaves it at 0.

    The first letter is written here before any worker starts: a mistake in the template
    then stops the batch as one UserError at its line, not once per recipient."""
    today = today or dt.date.today()
    cancel = cancel or threading.Event()
    workers = workers or default_workers()
    use_pool = workers > 1 and len(plan.jobs) >= POOL_THRESHOLD
    run = _BatchRun(ws, plan, progress, progress_interval, by)
    run.result.workers = workers if use_pool else 1
    first = writer = None
    if not use_pool:  # (the workers write their first letter alone the same way: in_workers)
        writer = _Writer(
            LetterFiles(
                ws, plan.template_id, plan.out_dir, plan.paper, today, run.manifest, plan.last_letters
            )
        )
        # A template mistake raises here, before anything is written (no folder, no manifest).
        first = writer((0, plan.jobs[0])) if plan.jobs else None
    remove_stale_parts(plan.out_dir)  # debris of a batch that was killed outright
    run.record_unrecorded()
    run.report(force=True)
    try:
        with ctrl_c_cancels(cancel):  # Ctrl-C: as Cancel, between letters (twice: at once)
            if use_pool:
                args = (
                    str(ws.root),
                    plan.template_id,
                    str(plan.out_dir),
                    plan.paper,
                    today.isoformat(),
                    parsed_inputs(ws),
                    plan.last_letters,
                    niceness,
                )
                run.in_workers(plan.jobs, cancel, workers, args)
            elif writer is not None:
                if first is not None:
                    run.absorb(*first)
                run.in_process(writer, 1, cancel)
    except KeyboardInterrupt:
        run.result.cancelled = True
    finally:
        run.save()
        run.result.elapsed = time.monotonic() - run.start
        run.report(force=True)
    return run.result
