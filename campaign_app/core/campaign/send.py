"""Sending letters by e-mail, so that no letter ever goes out twice.

A volunteer sends hundreds of letters to officials; a duplicate is embarrassing and a
letter silently lost is worse. So:

- Each letter is *claimed* in the contact log (a "sending" event, committed in its own
  transaction that first reads the letter's history) before the SMTP transaction starts,
  and recorded as *sent* (with the server's reply and the Message-ID) once the server has
  accepted it. Whoever claims second (another window, terminal or computer on this log)
  skips the letter and says who has it. A crash in between leaves it *sending*: shown as
  uncertain and not sent again unless the user asks (``resend_uncertain``).
- A re-run sends only what is left: letters already sent (by e-mail or marked as posted)
  are skipped, letters that failed are tried again. A letter changed after it was sent is
  sent again only when the user names its recipient (``resend``).
- The letter attached is the file ``generate`` wrote (generated first if it is missing or
  stale), copied first to the kept letters (``out/sent/``, see core/campaign/sent_letters.py): the
  official received exactly that file, the log points at it, and regenerating never
  touches it.
- Letters the log holds as sent under a case or template id that no longer exists stop
  the send: a renamed template must not make every letter new (``log rename-template``).
- Recipients without an e-mail address are listed for post or web form with the file to
  print; they are logged with that channel when the user marks them sent.
- A dry run builds every message the same way and writes it as an .eml file to review;
  it contacts no server and records nothing as sent.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_app.core.campaign.audience import template_audience
from campaign_app.core.campaign.generate import BatchPlan, BatchProgress, channel_of, plan_batch, run_batch
from campaign_app.core.campaign.sent_letters import KeptLetter, keep_letter
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.mail.settings import SmtpSettings
from campaign_app.core.outreach.log import ContactLog, NewContact
from campaign_app.core.outreach.records import DONE, History

if TYPE_CHECKING:
    import ssl
    from email.message import EmailMessage

# What happened to each letter, as the summary lists it.
OUTCOMES = {
    "sent": "sent",
    "failed": "failed",
    "uncertain": "uncertain: the connection was lost before the server confirmed it",
    "already-sent": "already sent earlier: skipped",
    "claimed": "sent or being sent by someone else meanwhile: skipped",
    "skipped-uncertain": "uncertain from an earlier run: not sent again (use --resend-uncertain)",
    "revised": "changed since it was sent: not sent again (use --resend ID to send the new version)",
    "by-hand": "no e-mail address: send by post or web form",
    "not-sent": "not sent",
    "written": "written for review (dry run)",
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
class SendPlan:
    template_id: str
    query: str
    out_dir: Path
    formats: tuple[str, ...]  # attached: ("pdf",) or ("pdf", "docx")
    settings: SmtpSettings | None  # None: a dry run in a campaign with no mail server yet
    from_address: str
    to_send: list[Recipient]
    already_sent: list[Recipient] = field(default_factory=list)
    uncertain: list[Recipient] = field(default_factory=list)
    by_hand: list[Recipient] = field(default_factory=list)
    revised: list[Recipient] = field(default_factory=list)  # changed since sent, not resent
    resend: list[Recipient] = field(default_factory=list)  # changed since sent, named to resend
    limited: int = 0  # how many were left for a later run by ``limit``
    resend_uncertain: bool = False
    example: bool = False  # from the bundled example's made-up sender: never really sent
    nobody_due: str = ""  # why there is nobody to write to yet (core/campaign/audience.py), else ""

    @property
    def server(self) -> str:
        s = self.settings
        return f"{s.host}:{s.port} ({s.security})" if s else "no mail server (dry run only)"


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


def load_smtp_settings(ws: Workspace, required: bool = True) -> SmtpSettings | None:
    """campaign.yaml's smtp section (read with the campaign, once), or a clear message when
    there is none (None when it is not ``required``: a dry run needs no server)."""
    settings = ws.campaign.mail_settings()
    if not required and (settings is None or not settings.host):
        return None
    if settings is None or not settings.host:
        raise UserError(
            "campaign.yaml has no mail server (smtp: host) to send through",
            Location(display_path(ws.campaign_path)),
            "fill in the SMTP server in the Settings tab, or add 'smtp:' with host, username and from",
        )
    return settings


def check_can_send(ws: Workspace) -> None:
    """Refuse to send real e-mail in the name of the bundled example's made-up sender."""
    if ws.campaign.is_example:
        raise UserError(
            "campaign.yaml still has the bundled example's sender ('example: true'): nothing was sent",
            Location(display_path(ws.campaign_path)),
            "put your organisation, address and signatories in campaign.yaml (Settings tab) and remove "
            "'example: true'; --dry-run works meanwhile",
        )


def plan_send(
    ws: Workspace,
    template_id: str,
    query: str | None = None,
    out_dir: Path | None = None,
    attach_docx: bool = False,
    resend_uncertain: bool = False,
    limit: int | None = None,
    *,
    dry_run: bool = False,
    resend: Sequence[str] = (),
    not_renamed: bool = False,
) -> SendPlan:
    """Who gets this template's letter now, who already has it, and who needs it by hand.

    ``resend`` names recipients whose letter changed after it was sent and who are to get
    the new version; ``not_renamed`` says that letters logged under a case or template id
    that no longer exists are other letters, not this one under an old name.
    """
    settings = load_smtp_settings(ws, required=not dry_run)
    from_address = (settings.from_address if settings else "") or ws.campaign.sender.email
    if not from_address:
        raise UserError(
            "there is no address to send from",
            Location(display_path(ws.campaign_path)),
            "set 'from:' under smtp: (or the sender's email) in campaign.yaml",
        )
    template = ws.template(template_id)
    case_id = ws.case.id  # the case file's mistakes are said here, once, not once per letter
    audience = template_audience(ws, template_id, query)
    recipients = audience.recipients
    histories = _histories(ws, template.id)
    if not not_renamed:
        check_no_renamed_letters(ws, case_id, template.id, {r.id for r in recipients})
    plan = SendPlan(
        template.id,
        query or "",
        (out_dir or ws.out_dir).resolve(),
        ("pdf", "docx") if attach_docx else ("pdf",),
        settings,
        from_address,
        [],
        resend_uncertain=resend_uncertain,
        example=ws.campaign.is_example,
        nobody_due=audience.nobody_due_message,
    )
    wanted = set(resend)
    for r in recipients:
        history = histories.get(r.id)
        status = history.status if history else "none"
        if history is not None and history.revised and status in DONE and r.id in wanted:
            plan.resend.append(r)
        elif history is not None and history.revised and status in DONE:
            plan.revised.append(r)
        elif status in DONE:
            plan.already_sent.append(r)
        elif status == "uncertain" and not resend_uncertain:
            plan.uncertain.append(r)
        elif not r.email:
            plan.by_hand.append(r)
        else:
            plan.to_send.append(r)
    unknown = wanted - {r.id for r in plan.resend}
    if unknown:
        raise UserError(
            f"--resend {', '.join(sorted(unknown))}: no letter from template '{template.id}' to "
            "them was changed after it was sent",
            hint="--resend is only for letters revised after sending; 'campaign-app log status --query "
            "status:revised' lists them",
        )
    plan.to_send = [r for r in plan.resend if r.email] + plan.to_send
    if limit is not None and len(plan.to_send) > limit:
        plan.limited = len(plan.to_send) - limit
        plan.to_send = plan.to_send[:limit]
    return plan


def _histories(ws: Workspace, template_id: str) -> dict[str, History]:
    """recipient id → the history of this template's letter to them."""
    return {
        rid: letter.history
        for rid, state in ws.recipient_states().items()
        for letter in state.letters
        if letter.contact.template_id == template_id
    }


def check_no_renamed_letters(ws: Workspace, case_id: str, template_id: str, recipient_ids: set[str]) -> None:
    """Refuse to send when the log holds letters that went out to these recipients under a
    case or template id that no longer exists: a renamed id would make every letter new."""
    if not ws.log_path.exists():
        return
    from campaign_app.core.outreach.records import read_history

    scan = ws.template_scan
    # A template file that does not load right now may still hold its id: never call it gone.
    templates = set(scan.templates) | {Path(p.where.path).stem for p in scan.problems if p.where}
    stale: dict[tuple[str, str], set[str]] = {}
    with ContactLog.open_readonly(ws.log_path) as log:
        by_contact: dict[str, list] = {}
        for e in log.events():
            by_contact.setdefault(e.contact_id, []).append(e)
        for c in log.contacts():
            if c.recipient_id not in recipient_ids:
                continue
            if c.case_id == case_id and c.template_id in templates:
                continue
            if not read_history(by_contact.get(c.id, [])).went_out:
                continue
            key = ("case", c.case_id) if c.case_id != case_id else ("template", c.template_id)
            stale.setdefault(key, set()).add(c.recipient_id)
    if not stale:
        return
    problems = []
    for (kind, old), rids in sorted(stale.items()):
        now = case_id if kind == "case" else template_id
        problems.append(
            UserError(
                f"the contact log holds {len(rids)} letter(s) already sent to these recipients under {kind} "
                f"'{old}', which "
                + (f"is not this campaign's case ('{case_id}')" if kind == "case" else "no longer exists")
                + ": nothing was sent",
                Location(display_path(ws.log_path)),
                f"if the {kind} was renamed, run 'campaign-app log rename-{kind} {old} {now}' so those "
                "letters count as sent; if it really is another letter, send with --not-renamed",
            )
        )
    from campaign_app.core.common.errors import UserErrors

    if len(problems) == 1:
        raise problems[0]
    raise UserErrors(problems)


def _letter_files(ws: Workspace, plan: SendPlan, recipients: list[Recipient], by: str | None) -> BatchPlan:
    """Generate (or confirm current) the letters to attach; returns the batch plan used."""
    ids = {r.id for r in recipients}
    batch = plan_batch(ws, plan.template_id, plan.formats, plan.out_dir, plan.query or None)
    batch.jobs = [j for j in batch.jobs if j.recipient_id in ids]
    if batch.jobs:
        result = run_batch(ws, batch, workers=1, by=by)
        if result.failed:
            rid, message = result.failed[0]
            raise UserError(f"the letter to {rid} could not be written: {message}")
    return batch


def letter_files(ws: Workspace, plan: SendPlan, recipient: Recipient) -> list[Path]:
    """The files attached to this recipient's e-mail, the PDF first."""
    return [
        letter_path(plan.out_dir, plan.template_id, recipient.id, recipient.display_name, fmt)
        for fmt in plan.formats
    ]


_MIME = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXAMPLE_HEADER = "X-Campaign-App-Example"


def build_messages(
    ws: Workspace,
    plan: SendPlan,
    recipient: Recipient,
    today: dt.date | None = None,
    kept: Sequence[KeptLetter] | None = None,
) -> tuple[EmailMessage, Path]:
    """The e-mail for one recipient, with its letter attached; and the PDF's path.

    ``kept`` are the copies being sent (their bytes are attached as they are); without it
    the files in the output folder are attached (a preview or a dry run).
    """
    from campaign_app.core.letters.email.message import Attachment, build_message
    from campaign_app.core.letters.render import render_letter
    from campaign_app.core.letters.sender import SenderView

    template = ws.template(plan.template_id)
    letter = render_letter(template, recipient, ws.case, ws.campaign, today)
    files = letter_files(ws, plan, recipient)
    datas = [path.read_bytes() for path in files] if kept is None else [k.data for k in kept]
    attachments = [
        Attachment(path.name, data, _MIME[path.suffix]) for path, data in zip(files, datas, strict=True)
    ]
    message = build_message(
        letter,
        from_address=plan.from_address,
        from_name=SenderView(ws.campaign, template.language).organisation,
        to_address=recipient.email,
        to_name=recipient.display_name,
        reply_to=plan.settings.reply_to if plan.settings else "",
        attachments=attachments,
    )
    if plan.example:
        message[EXAMPLE_HEADER] = "from the bundled example campaign's made-up sender: not to be sent"
        subject = message["Subject"]
        del message["Subject"]
        message["Subject"] = f"[EXAMPLE] {subject}"
    return message, files[0]


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
    from campaign_app.core.common.appstate import volunteer_name

    by = by or volunteer_name()
    cancel = cancel or threading.Event()
    result = SendResult()
    start = time.monotonic()
    for key, recipients in (("already-sent", plan.already_sent), ("skipped-uncertain", plan.uncertain)):
        for r in recipients:
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, key))
    for r in plan.revised:
        result.outcomes.append(Outcome(r.id, r.display_name, r.email, "revised"))
    _letter_files(ws, plan, plan.to_send + plan.by_hand, by)
    for r in plan.by_hand:
        pdf = letter_files(ws, plan, r)[0]
        how = f"web form: {r.web_form}" if r.web_form else "post"
        result.outcomes.append(Outcome(r.id, r.display_name, "", "by-hand", how, ws.relative(pdf)))
    total = len(plan.to_send)

    def report(done: int, current: str) -> None:
        if progress:
            failed = result.count("failed")
            progress(SendProgress(done, total, failed, time.monotonic() - start, current))

    try:
        if dry_run:
            _write_eml_files(ws, plan, result, cancel, report)
        elif plan.to_send:
            check_can_send(ws)
            _send_all(ws, plan, result, password, by, cancel, report, ssl_context, session_options or {})
    except UserError as exc:
        result.stopped_by = str(exc)
    except KeyboardInterrupt:
        result.cancelled = True
    finally:
        _not_sent(result, plan.to_send)
        result.elapsed = time.monotonic() - start
        report(sum(o.outcome in ("sent", "failed", "uncertain", "written") for o in result.outcomes), "")
    return result


def _write_eml_files(ws: Workspace, plan: SendPlan, result: SendResult, cancel, report) -> None:
    """A dry run: every message built as it would go out, written as an .eml file to review."""
    from campaign_app.core.letters.email.message import write_eml

    for i, r in enumerate(plan.to_send):
        if cancel.is_set():
            result.cancelled = True
            break
        report(i, r.display_name)
        message, _pdf = build_messages(ws, plan, r)
        target = letter_path(plan.out_dir, plan.template_id, r.id, r.display_name, "eml")
        write_eml(message, target)
        result.eml_files.append(target)
        result.outcomes.append(Outcome(r.id, r.display_name, r.email, "written", ws.relative(target)))


def _send_all(
    ws: Workspace,
    plan: SendPlan,
    result: SendResult,
    password: str | None,
    by: str,
    cancel: threading.Event,
    report,
    ssl_context,
    session_options: dict,
) -> None:
    from campaign_app.core.mail.smtp import SendCancelled, SmtpSession

    resend = {r.id for r in plan.resend}
    with ws.open_log() as log:
        # generate recorded the letters it wrote; one already current in out/ from before
        # the log existed is recorded here, with its file.
        missing = [r for r in plan.to_send if log.contact_for(r.id, ws.case.id, plan.template_id) is None]
        log.record_drafts([_draft(ws, plan, r) for r in missing], by)
        report(0, "")
        with SmtpSession(
            plan.settings, password, ssl_context=ssl_context, cancel=cancel, **session_options
        ) as session:
            for i, r in enumerate(plan.to_send):
                if cancel.is_set():
                    result.cancelled = True
                    return
                report(i, r.display_name)
                try:
                    session.wait_turn()
                except SendCancelled:
                    result.cancelled = True
                    return
                outcome = _send_one(ws, plan, log, session, r, by, resend_revised=r.id in resend)
                if outcome is None:
                    result.cancelled = True
                    return
                if isinstance(outcome, UserError):
                    result.stopped_by = str(outcome)
                    return
                result.outcomes.append(outcome)


def _send_one(
    ws: Workspace,
    plan: SendPlan,
    log: ContactLog,
    session,
    r: Recipient,
    by: str,
    *,
    resend_revised: bool,
) -> Outcome | UserError | None:
    """Claim, send and record one letter; None when cancelled before the server took it."""
    from campaign_app.core.mail.smtp import SendCancelled

    contact = log.contact_for(r.id, ws.case.id, plan.template_id)
    assert contact is not None, "recorded as drafted before sending"
    kept = [keep_letter(ws.out_dir, plan.template_id, r.id, path) for path in letter_files(ws, plan, r)]
    pdf = kept[0]
    claim = log.claim(
        contact.id,
        by,
        f"to {r.email}; {pdf.path.name} sha256 {pdf.sha256}",
        channel="email",
        letter_path=ws.relative(pdf.path),
        letter_sha256=pdf.sha256,
        resend_uncertain=plan.resend_uncertain,
        resend_revised=resend_revised,
    )
    if not claim.granted:
        return Outcome(r.id, r.display_name, r.email, "claimed", describe(claim.history))
    message, _files = build_messages(ws, plan, r, kept=kept)
    try:
        delivery = session.send(message, plan.from_address, [r.email])
    except SendCancelled:
        log.add_event(contact.id, "drafted", by, "cancelled before the server accepted it: not sent", "email")
        return None
    except UserError as exc:
        log.add_event(contact.id, "drafted", by, f"not sent: {exc.message}", "email")
        return exc
    detail = delivery.detail
    kept_at = {"letter_path": ws.relative(pdf.path), "letter_sha256": pdf.sha256}
    if delivery.status == "sent":
        detail = f"{delivery.detail}; Message-ID {message['Message-ID']}"
        log.add_event(contact.id, "sent", by, detail, "email", **kept_at)
    elif delivery.status == "failed":
        log.add_event(contact.id, "failed", by, delivery.detail, "email")
    else:  # uncertain: stays "sending"; the note says why
        log.add_event(contact.id, "note", by, delivery.detail, "email")
    return Outcome(r.id, r.display_name, r.email, delivery.status, detail, ws.relative(pdf.path))


def describe(history: History) -> str:
    """Why a letter was not claimed, in a volunteer's words."""
    from campaign_app.core.common.processes import claimant_alive

    if history.claim is not None:
        claim = history.claim
        when = claim.at[:16].replace("T", " ")
        if claimant_alive(claim.process):
            return f"being sent right now by {claim.by} (since {when} UTC, another window or terminal)"
        return (
            f"claimed by {claim.by} at {when} UTC, whose sending stopped before it was confirmed: uncertain"
        )
    if history.sent is not None:
        sent = history.sent
        return f"already sent by {sent.by} at {sent.at[:16].replace('T', ' ')} UTC"
    return f"its status is now {history.status}"


def _draft(ws: Workspace, plan: SendPlan, r: Recipient) -> NewContact:
    from campaign_app.core.campaign.manifest import sha256_file

    pdf = letter_files(ws, plan, r)[0]
    return NewContact(
        r.id,
        r.display_name,
        r.category,
        ws.case.id,
        plan.template_id,
        ws.template(plan.template_id).language,
        channel_of(r),
        r.email,
        ws.relative(pdf),
        sha256_file(pdf),
    )


def _not_sent(result: SendResult, recipients: list[Recipient]) -> None:
    done = {o.recipient_id for o in result.outcomes}
    for r in recipients:
        if r.id not in done:
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, "not-sent"))
