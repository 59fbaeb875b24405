"""Sending letters by e-mail, so that no letter ever goes out twice.

A volunteer sends hundreds of letters to officials; a duplicate is embarrassing and a
letter silently lost is worse. So:

- Each letter is *claimed* in the contact log (a "sending" event, committed in its own
  transaction that first reads the letter's history) before its message goes to the
  server (SMTP's DATA: the envelope, MAIL and RCPT, is sent meanwhile and reset if the
  claim is refused; core/campaign/send_loop.py), and recorded as *sent* (with the
  server's reply and the Message-ID) once the server has accepted it. Whoever claims
  second (another window, terminal or computer on this log) skips the letter and says
  who has it. A crash in between leaves it *sending*: shown as uncertain and not sent
  again unless the user asks (``resend_uncertain``).
- A re-run sends only what is left: letters already sent (by e-mail or marked as posted)
  are skipped, letters that failed are tried again. A letter changed after it was sent is
  sent again only when the user names its recipient (``resend``).
- Each letter is rendered once: the same rendering is the e-mail's text and, where the
  file in the output folder is not current, the PDF written (core/campaign/letter_files.py).
  The file attached is copied first to the kept letters (``out/sent/``, see
  core/campaign/sent_letters.py): the official received exactly that file, the log points
  at it, and regenerating never touches it.
- What is sent, and what is refused before anything is sent, is planned once
  (core/campaign/send_plan.py).
- Recipients without an e-mail address are listed for post or web form with the file to
  print; they are logged with that channel when the user marks them sent.
- A dry run builds every message the same way and writes it as an .eml file to review;
  it contacts no server and records nothing as sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_app.core.campaign.generate import BatchProgress, channel_of
from campaign_app.core.campaign.letter_files import LetterFile, LetterFiles, PreparedLetter
from campaign_app.core.campaign.send_plan import SendPlan, check_can_send
from campaign_app.core.campaign.sent_letters import KeptLetter
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.atomic import remove_stale_parts
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.outreach.records import NewContact
from campaign_app.core.outreach.store import LogStore

if TYPE_CHECKING:
    import ssl
    from email.message import EmailMessage

    from campaign_app.core.letters.email.assembled import MessageData


# What happened to each letter, as the summary lists it.
# (How to send one anyway is each front end's to say: an option of the command line, a box
# of the Send dialog.)
OUTCOMES = {  # English; shown as _(OUTCOMES[key]) in the interface language
    "sent": N_("sent"),
    "failed": N_("failed"),
    "uncertain": N_("uncertain: it may have arrived, but the server's answer is not on record"),
    "already-sent": N_("already sent earlier: skipped"),
    "claimed": N_("sent or being sent by someone else meanwhile: skipped"),
    "skipped-uncertain": N_("uncertain from an earlier run: not sent again"),
    "revised": N_("changed since it was sent: not sent again"),
    "by-hand": N_("no e-mail address: send by post or web form"),
    "printed": N_("printed to go by post: not e-mailed as well"),
    "not-sent": N_("not sent"),
    "unrecorded": N_("kept in out/sent/ as sent, unknown to the contact log: not sent again"),
    "written": N_("written for review (dry run)"),
}


@dataclass(frozen=True)
class Outcome:
    recipient_id: str
    name: str
    address: str
    outcome: str  # a key of OUTCOMES
    detail: str = ""
    file: str = ""  # the letter file, relative to the workspace where possible


@dataclass
class SendProgress(BatchProgress):
    """Progress of a send: as a batch's, plus the recipient being written to."""

    current: str = ""


@dataclass
class SendResult:
    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False
    stopped_by: str = ""  # the problem that stopped the whole batch (wrong password…)
    elapsed: float = 0.0
    eml_files: list[Path] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(o.outcome == outcome for o in self.outcomes)


# ---- the message -------------------------------------------------------------------------------

_MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXAMPLE_HEADER = "X-Campaign-App-Example"
EXAMPLE_NOTE = "from the bundled example campaign's made-up sender: not to be sent"
EXAMPLE_PREFIX = "[EXAMPLE] "


def message_for(
    ws: Workspace, plan: SendPlan, prepared: PreparedLetter, kept: Sequence[KeptLetter] | None = None
) -> EmailMessage:
    """The e-mail for one letter, from its one rendering, its files attached as they are
    (``kept``: the copies being sent; without it the files in the output folder)."""
    from campaign_app.core.letters.email.message import build_message, with_marks

    message = build_message(prepared.letter, **_message_args(ws, plan, prepared, kept))
    return with_marks(message, *_marks(plan))


def message_data_for(
    ws: Workspace, plan: SendPlan, prepared: PreparedLetter, kept: Sequence[KeptLetter] | None = None
) -> MessageData:
    """The bytes of ``message_for``'s message (and its Message-ID), made without the message
    object: what a send hands to the server (core/letters/email/assembled.py)."""
    from campaign_app.core.letters.email.assembled import message_data

    extra_headers, subject_prefix = _marks(plan)
    return message_data(
        prepared.letter,
        **_message_args(ws, plan, prepared, kept),
        subject_prefix=subject_prefix,
        extra_headers=extra_headers,
    )


def _marks(plan: SendPlan) -> tuple[list[tuple[str, str]], str]:
    """The headers added to an example campaign's message, and its Subject's prefix."""
    return ([(EXAMPLE_HEADER, EXAMPLE_NOTE)], EXAMPLE_PREFIX) if plan.example else ([], "")


def _message_args(
    ws: Workspace, plan: SendPlan, prepared: PreparedLetter, kept: Sequence[KeptLetter] | None
) -> dict[str, Any]:
    from campaign_app.core.letters.email.message import Attachment
    from campaign_app.core.letters.sender import SenderView

    datas = [f.data for f in prepared.files] if kept is None else [k.data for k in kept]
    attachments = [
        Attachment(f.path.name, data, _MIME[f.format]) for f, data in zip(prepared.files, datas, strict=True)
    ] + list(plan.attachments)
    recipient = prepared.recipient
    return {
        "from_address": plan.from_address,
        "from_name": SenderView(ws.campaign, prepared.letter.language).organisation,
        "to_address": recipient.email,
        "to_name": recipient.display_name,
        "reply_to": plan.settings.reply_to if plan.settings else "",
        "attachments": attachments,
    }


@dataclass
class Preview:
    recipient: Recipient
    message: EmailMessage
    pdf: Path


def preview_messages(ws: Workspace, plan: SendPlan, count: int, by: str | None = None) -> list[Preview]:
    """The first ``count`` messages exactly as they would go out; their letter files are
    written where not current (and recorded as drafted), nothing is sent or claimed."""
    run = _Run(ws, plan, by)
    try:
        previews = []
        for r in plan.to_send[:count]:
            prepared = run.prepare(r)
            previews.append(Preview(r, message_for(ws, plan, prepared), prepared.pdf.path))
        return previews
    finally:
        run.close()


# ---- the run -----------------------------------------------------------------------------------


class _Run:
    """What one send keeps open: the letter files (and their manifest) and the contact log."""

    def __init__(self, ws: Workspace, plan: SendPlan, by: str | None):
        from campaign_app.core.common.appstate import volunteer_name

        self.ws, self.plan = ws, plan
        self.by = by or volunteer_name()
        self.files = LetterFiles(ws, plan.template_id, plan.out_dir)
        self._log: LogStore | None = None
        self.in_flight: str | None = None  # the recipient whose letter the server has, unanswered

    @property
    def log(self) -> LogStore:
        if self._log is None:
            self._log = self.ws.open_log()
        return self._log

    def prepare(self, r: Recipient, record: bool = True) -> PreparedLetter:
        """Render the letter once and write its files where not current; record it as drafted
        when it is new to the log or its file changed (unless the caller records it with
        its claim: one transaction less per letter sent)."""
        prepared = self.files.prepare(r, self.plan.formats)
        ws, plan = self.ws, self.plan
        if plan.offline:  # a dry run while the team's log is out of reach: nothing recorded
            return prepared
        if record and (prepared.written or self.log.contact_for(r.id, ws.case.id, plan.template_id) is None):
            self.log.record_drafts([self.draft(r, prepared.pdf)], self.by)
        return prepared

    def draft(self, r: Recipient, pdf: LetterFile) -> NewContact:
        """The letter as the log records it: its draft file (``pdf``) in the output folder."""
        ws = self.ws
        return NewContact(
            r.id,
            r.display_name,
            r.category,
            ws.case.id,
            self.plan.template_id,
            self.files.template.language,
            channel_of(r),
            r.email,
            ws.relative(pdf.path),
            pdf.sha256,
        )

    def close(self) -> None:
        try:
            if self.files.written:
                self.files.manifest.save()
        finally:
            if self._log is not None:
                self._log.close()


ProgressCallback = Callable[[SendProgress], None]


def run_send(
    ws: Workspace,
    plan: SendPlan,
    password: str | None = None,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    by: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
    session_options: dict | None = None,
) -> SendResult:
    """Send (or, dry run, write as .eml) the planned letters; every outcome is in the result.

    A problem that concerns every letter (the server is unreachable, the password is
    refused) stops the batch: it is in ``stopped_by`` and the letters not attempted are
    "not-sent". Cancel stops between letters.
    """
    cancel = cancel or threading.Event()
    result = SendResult()
    start = time.monotonic()
    result.outcomes.extend(
        Outcome(r.id, r.display_name, r.email, "claimed", plan.being_sent_by.get(r.id, ""))
        for r in plan.being_sent
    )
    result.outcomes.extend(
        Outcome(r.id, r.display_name, r.email, "unrecorded", _(UNRECORDED_DETAIL)) for r in plan.unrecorded
    )
    for key, recipients in (
        ("already-sent", plan.already_sent),
        ("printed", plan.printed),
        ("skipped-uncertain", plan.uncertain),
        ("revised", plan.revised),
    ):
        result.outcomes.extend(Outcome(r.id, r.display_name, r.email, key) for r in recipients)
    total = len(plan.to_send)

    def report(done: int, current: str) -> None:
        if progress:
            progress(SendProgress(done, total, result.count("failed"), time.monotonic() - start, current))

    run = _Run(ws, plan, by)
    remove_stale_parts(plan.out_dir)  # debris of a send or batch that was killed outright
    try:
        _by_hand(run, result)
        if dry_run:
            _write_eml_files(run, result, cancel, report)
        elif plan.to_send:
            check_can_send(ws)
            from campaign_app.core.campaign.send_loop import send_all

            send_all(run, result, password, cancel, report, ssl_context, session_options or {})
    except UserError as exc:
        result.stopped_by = str(exc)
    except KeyboardInterrupt:
        result.cancelled = True
    finally:
        try:
            run.close()
        except UserError as exc:  # the manifest could not be saved (disk full): said after the outcomes
            result.stopped_by = "\n".join(filter(None, (result.stopped_by, str(exc))))
        _not_sent(result, plan.to_send, run.in_flight)
        result.elapsed = time.monotonic() - start
        report(sum(o.outcome in ("sent", "failed", "uncertain", "written") for o in result.outcomes), "")
    return result


def _by_hand(run: _Run, result: SendResult) -> None:
    """Recipients with no e-mail address: their letter is written, to print or upload."""
    for r in run.plan.by_hand:
        pdf = run.prepare(r).pdf
        how = f"web form: {r.web_form}" if r.web_form else "post"
        result.outcomes.append(Outcome(r.id, r.display_name, "", "by-hand", how, run.ws.relative(pdf.path)))


def _write_eml_files(run: _Run, result: SendResult, cancel: threading.Event, report) -> None:
    """A dry run: every message built as it would go out, written as an .eml file to review."""
    from campaign_app.core.letters.email.message import write_eml

    ws, plan = run.ws, run.plan
    for i, r in enumerate(plan.to_send):
        if cancel.is_set():
            result.cancelled = True
            break
        report(i, r.display_name)
        message = message_for(ws, plan, run.prepare(r))
        target = letter_path(plan.out_dir, plan.template_id, r.id, r.display_name, "eml")
        write_eml(message, target)
        result.eml_files.append(target)
        result.outcomes.append(Outcome(r.id, r.display_name, r.email, "written", ws.relative(target)))


UNRECORDED_DETAIL = N_(
    "the contact log has no record of this letter although its copy was kept when it was sent: "
    "was campaign.db moved, replaced or lost? Put it back; if the letter surely did not go out, "
    "delete its copy in out/sent/ and send again"
)


def _not_sent(result: SendResult, recipients: list[Recipient], in_flight: str | None = None) -> None:
    """Every planned letter without an outcome; the one the send stopped in the middle of
    (claimed, handed to the server, no answer recorded) is uncertain, never "not sent"."""
    done = {o.recipient_id for o in result.outcomes}
    for r in recipients:
        if r.id == in_flight and r.id not in done:
            detail = _(
                "stopped while the mail server had it: it may have arrived — if it is in your Sent "
                "folder, 'campaign-app log mark {id} --status sent --channel email'"
            ).format(id=r.id)
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, "uncertain", detail))
        elif r.id not in done:
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, "not-sent"))
