"""Sending letters by e-mail, so that no letter ever goes out twice.

A volunteer sends hundreds of letters to officials; a duplicate is embarrassing and a
letter silently lost is worse. So:

- Each letter is recorded in the contact log as *sending* (committed) before the SMTP
  transaction starts, and as *sent* (with the server's reply and the Message-ID) once the
  server has accepted it. A crash in between leaves it *sending*: shown as uncertain and
  not sent again unless the user asks (``resend_uncertain``).
- A re-run sends only what is left: letters already sent (by e-mail or marked as posted)
  are skipped, letters that failed are tried again.
- The letter attached is the file ``generate`` wrote (generated first if it is missing or
  stale), so the PDF in the output folder is exactly what the official received, and its
  sha256 is in the log.
- Recipients without an e-mail address are listed for post or web form with the file to
  print; they are logged with that channel when the user marks them sent.
- A dry run builds every message the same way and writes it as an .eml file to review;
  it contacts no server and records nothing as sent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .audience import template_audience
from .batch import BatchPlan, BatchProgress, plan_batch, run_batch
from .campaign_edit import SmtpSettings, smtp_settings
from .contact_log import NewContact, contact_id
from .errors import Location, UserError, display_path
from .filenames import letter_path
from .recipients import Recipient
from .workspace import Workspace
from .yamlio import load_yaml_text

if TYPE_CHECKING:
    import ssl
    from email.message import EmailMessage

# What happened to each letter, as the summary lists it.
OUTCOMES = {
    "sent": "sent",
    "failed": "failed",
    "uncertain": "uncertain: the connection was lost before the server confirmed it",
    "already-sent": "already sent earlier: skipped",
    "skipped-uncertain": "uncertain from an earlier run: not sent again (use --resend-uncertain)",
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
    settings: SmtpSettings
    from_address: str
    to_send: list[Recipient]
    already_sent: list[Recipient] = field(default_factory=list)
    uncertain: list[Recipient] = field(default_factory=list)
    by_hand: list[Recipient] = field(default_factory=list)
    limited: int = 0  # how many were left for a later run by ``limit``
    nobody_due: str = ""  # why there is nobody to write to yet (audience.py), else ""

    @property
    def server(self) -> str:
        return f"{self.settings.host}:{self.settings.port} ({self.settings.security})"


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


def load_smtp_settings(ws: Workspace) -> SmtpSettings:
    """campaign.yaml's smtp section, or a clear message when there is none."""
    from .textfiles import read_text

    path = ws.campaign_path
    settings = smtp_settings(load_yaml_text(read_text(path), path), path)
    if settings is None or not settings.host:
        raise UserError(
            "campaign.yaml has no mail server (smtp: host) to send through",
            Location(display_path(path)),
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
) -> SendPlan:
    """Who gets this template's letter now, who already has it, and who needs it by hand."""
    settings = load_smtp_settings(ws)
    from_address = settings.from_address or ws.campaign.sender.email
    if not from_address:
        raise UserError(
            "there is no address to send from",
            Location(display_path(ws.campaign_path)),
            "set 'from:' under smtp: (or the sender's email) in campaign.yaml",
        )
    template = ws.template(template_id)
    audience = template_audience(ws, template_id, query)
    recipients = audience.recipients
    states = _letter_statuses(ws, template.id)
    plan = SendPlan(
        template.id,
        query or "",
        (out_dir or ws.out_dir).resolve(),
        ("pdf", "docx") if attach_docx else ("pdf",),
        settings,
        from_address,
        [],
        nobody_due=audience.nobody_due_message,
    )
    for r in recipients:
        status = states.get(r.id)
        if status in ("sent", "replied", "no-reply", "closed"):
            plan.already_sent.append(r)
        elif status == "uncertain" and not resend_uncertain:
            plan.uncertain.append(r)
        elif not r.email:
            plan.by_hand.append(r)
        else:
            plan.to_send.append(r)
    if limit is not None and len(plan.to_send) > limit:
        plan.limited = len(plan.to_send) - limit
        plan.to_send = plan.to_send[:limit]
    return plan


def _letter_statuses(ws: Workspace, template_id: str) -> dict[str, str]:
    """recipient id → the status of this template's letter to them."""
    return {
        rid: letter.status
        for rid, state in ws.recipient_states().items()
        for letter in state.letters
        if letter.contact.template_id == template_id
    }


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


def build_messages(
    ws: Workspace, plan: SendPlan, recipient: Recipient, today: dt.date | None = None
) -> tuple[EmailMessage, Path]:
    """The e-mail for one recipient, with its letter attached; and the PDF's path."""
    from .campaign import SenderView
    from .mail_message import Attachment, build_message
    from .render import render_letter

    template = ws.template(plan.template_id)
    letter = render_letter(template, recipient, ws.case, ws.campaign, today)
    attachments = []
    pdf = letter_path(plan.out_dir, template.id, recipient.id, recipient.display_name, "pdf")
    for fmt in plan.formats:
        path = letter_path(plan.out_dir, template.id, recipient.id, recipient.display_name, fmt)
        mime = (
            "application/pdf"
            if fmt == "pdf"
            else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        attachments.append(Attachment(path.name, path.read_bytes(), mime))
    message = build_message(
        letter,
        from_address=plan.from_address,
        from_name=SenderView(ws.campaign, template.language).organisation,
        to_address=recipient.email,
        to_name=recipient.display_name,
        reply_to=plan.settings.reply_to,
        attachments=attachments,
    )
    return message, pdf


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
    from .appstate import volunteer_name

    by = by or volunteer_name()
    cancel = cancel or threading.Event()
    result = SendResult()
    start = time.monotonic()
    for r in plan.already_sent:
        result.outcomes.append(Outcome(r.id, r.display_name, r.email, "already-sent"))
    for r in plan.uncertain:
        result.outcomes.append(Outcome(r.id, r.display_name, r.email, "skipped-uncertain"))
    _letter_files(ws, plan, plan.to_send + plan.by_hand, by)
    template = ws.template(plan.template_id)
    for r in plan.by_hand:
        pdf = letter_path(plan.out_dir, template.id, r.id, r.display_name, "pdf")
        how = f"web form: {r.web_form}" if r.web_form else "post"
        result.outcomes.append(Outcome(r.id, r.display_name, "", "by-hand", how, ws.relative(pdf)))
    total = len(plan.to_send)

    def report(done: int, current: str) -> None:
        if progress:
            failed = result.count("failed")
            progress(SendProgress(done, total, failed, time.monotonic() - start, current))

    if dry_run:
        from .mail_message import write_eml

        for i, r in enumerate(plan.to_send):
            if cancel.is_set():
                result.cancelled = True
                break
            report(i, r.display_name)
            message, pdf = build_messages(ws, plan, r)
            target = letter_path(plan.out_dir, template.id, r.id, r.display_name, "eml")
            write_eml(message, target)
            result.eml_files.append(target)
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, "written", ws.relative(target)))
        _not_sent(result, plan.to_send)
        result.elapsed = time.monotonic() - start
        report(len(result.eml_files), "")
        return result

    if not plan.to_send:
        result.elapsed = time.monotonic() - start
        return result
    check_can_send(ws)
    from .smtp_session import SendCancelled, SmtpSession

    log = ws.open_log()
    try:
        # generate recorded the letters it wrote; one already current in out/ from before
        # the log existed is recorded here, with its file.
        missing = [r for r in plan.to_send if log.contact(contact_id(r.id, ws.case.id, template.id)) is None]
        log.record_drafts([_draft(ws, plan, r) for r in missing], by)
        report(0, "")
        with SmtpSession(
            plan.settings, password, ssl_context=ssl_context, cancel=cancel, **(session_options or {})
        ) as session:
            for i, r in enumerate(plan.to_send):
                if cancel.is_set():
                    result.cancelled = True
                    break
                report(i, r.display_name)
                message, pdf = build_messages(ws, plan, r)
                cid = contact_id(r.id, ws.case.id, template.id)
                try:
                    session.wait_turn()
                except SendCancelled:
                    result.cancelled = True
                    break
                # Which exact file went out: its sha256, as the manifest and the contact record it.
                digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
                log.add_event(cid, "sending", by, f"to {r.email}; {pdf.name} sha256 {digest}", "email")
                try:
                    delivery = session.send(message, plan.from_address, [r.email])
                except SendCancelled:
                    log.add_event(
                        cid, "drafted", by, "cancelled before the server accepted it: not sent", "email"
                    )
                    result.cancelled = True
                    break
                except UserError as exc:
                    log.add_event(cid, "drafted", by, f"not sent: {exc.message}", "email")
                    result.stopped_by = str(exc)
                    break
                detail = delivery.detail
                if delivery.status == "sent":
                    detail = f"{delivery.detail}; Message-ID {message['Message-ID']}"
                    log.add_event(cid, "sent", by, detail, "email")
                elif delivery.status == "failed":
                    log.add_event(cid, "failed", by, delivery.detail, "email")
                else:  # uncertain: stays "sending"; the note says why
                    log.add_event(cid, "note", by, delivery.detail, "email")
                result.outcomes.append(
                    Outcome(r.id, r.display_name, r.email, delivery.status, detail, ws.relative(pdf))
                )
    except UserError as exc:
        result.stopped_by = str(exc)
    except KeyboardInterrupt:
        result.cancelled = True
    finally:
        log.close()
        _not_sent(result, plan.to_send)
        result.elapsed = time.monotonic() - start
        report(sum(o.outcome in ("sent", "failed", "uncertain") for o in result.outcomes), "")
    return result


def _draft(ws: Workspace, plan: SendPlan, r: Recipient) -> NewContact:
    from .manifest import sha256_file

    template = ws.template(plan.template_id)
    pdf = letter_path(plan.out_dir, template.id, r.id, r.display_name, "pdf")
    return NewContact(
        r.id,
        r.display_name,
        r.category,
        ws.case.id,
        template.id,
        template.language,
        "email",
        r.email,
        ws.relative(pdf),
        sha256_file(pdf),
    )


def _not_sent(result: SendResult, recipients: list[Recipient]) -> None:
    done = {o.recipient_id for o in result.outcomes}
    for r in recipients:
        if r.id not in done:
            result.outcomes.append(Outcome(r.id, r.display_name, r.email, "not-sent"))
