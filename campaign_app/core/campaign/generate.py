"""Batch generation: many letters, every core, resumable, and cancellable at any moment.

Letters are independent, so a large batch is spread over worker processes (one per core;
each loads the workspace once: core/campaign/batch_run.py). A small batch stays in this
process, where starting workers would cost more than it saves. Each file is written
atomically, so Ctrl-C or Cancel leaves complete letters only; the manifest records every
finished letter with an input fingerprint, and a re-run skips what is already done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_app.core.campaign.before_writing import before_writing
from campaign_app.core.campaign.letter_files import FORMATS, LetterFiles
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.recipients import Recipient

if TYPE_CHECKING:
    from campaign_app.core.campaign.last_letters import LastLetters

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
    # For a template using `updates`: each recipient's last letters, read from the log once
    # while planning; the run and its workers write from the same reading, never the log.
    last_letters: LastLetters | None = None
    # check's warning for each recipient of a letter to write who has left the office the
    # letter addresses them in (in_office_until): said again when the letters are written
    before_writing: list[str] = field(default_factory=list)  # check's warnings, for those written to
    # The template's letters in the output folder to recipients no longer in the directory
    # (file, recipient id): said, not removed; whoever removed them may want them kept
    not_in_directory: list[tuple[str, str]] = field(default_factory=list)


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
    letters_written: int = 0
    files_written: int = 0  # counts, not the files' entries: those are the manifest's
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (recipient id, message)
    cancelled: bool = False
    elapsed: float = 0.0
    workers: int = 1
    log_note: str = ""  # the team's log could not be reached: the drafts were not recorded
    # Why the batch stopped before its end (a worker process died, the disk is full): the
    # letters written are kept and listed in the manifest, a rerun writes the others.
    stopped: UserError | None = None
    # Letters written again under a new file name (the recipient's name changed): the
    # earlier files, relative to the output folder, removed as written (a letter to a former
    # minister must not lie beside the new one), or kept because they were changed since.
    replaced: list[str] = field(default_factory=list)
    replaced_kept: list[tuple[str, str]] = field(default_factory=list)  # (file, why)


def parse_formats(value: str) -> tuple[str, ...]:
    if value == "both":
        return FORMATS
    if value in FORMATS:
        return (value,)
    raise UserError(_("unknown format '{value}'").format(value=value), hint=_("use pdf, docx or both"))


def select_recipients(ws: Workspace, template_id: str, query: str | None) -> list[Recipient]:
    """The template's audience narrowed by ``query`` (audience.template_audience): empty when
    nobody is due yet; empty for any other reason is a UserError."""
    # Imported here, not with this module: a process that only makes letters (a send's letter
    # maker, a batch's writers) imports this module and needs no query parser
    # (tests/core/campaign/test_letter_maker_start.py).
    from campaign_app.core.campaign.audience import template_audience

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
    from campaign_app.core.campaign.audience import template_audience  # (see select_recipients)

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
        template.id,
        out_dir,
        paper,
        query or "",
        jobs,
        skipped,
        len(recipients),
        audience.nobody_due_message,
        files.last_letters,
        before_writing(template.id, [job.recipient for job in jobs]),
        _not_in_directory(ws, template.id, files),
    )


def _not_in_directory(ws: Workspace, template_id: str, files: LetterFiles) -> list[tuple[str, str]]:
    """The template's letters (file, recipient) the manifest lists, still in the output
    folder, to recipients the directory no longer holds: a folder printed or attached
    whole would send them too."""
    directory = ws.directory
    return sorted(
        (e.path, e.recipient_id)
        for e in files.manifest.entries.values()
        if e.template_id == template_id
        and not directory.holds(e.recipient_id)
        and (files.out_dir / e.path).is_file()
    )


def channel_of(recipient: Recipient) -> str:
    """How a letter to this recipient goes: e-mail where there is an address."""
    if recipient.email:
        return "email"
    if recipient.web_form:
        return "web-form"
    return "post"
