"""The sending loop: each letter claimed, sent and recorded, the next one made ready ahead.

Sending a letter waits on things outside the program: the disk (its kept copy is synced
before it is claimed, and the claim is committed before the message leaves) and the mail
server's replies. So while one letter is claimed, sent and recorded here, the next one is
made ready in a thread (rendered, its files written where not current and kept, its
message built and its bytes made): about half of a letter's time, done while waiting.

The order that sends each letter at most once does not change: only this loop's thread
claims, sends and records, and a letter is sent only after its claim is committed. See
core/campaign/send.py for the guarantees, and ``_ready`` for what may be left written
when a send stops.

A letter's claim is committed durably (synced to disk) before its message leaves; its
"sent" record is committed after, but (campaign.db) synced to disk only with the next
letter's claim, a moment later, whose sync writes out the log up to it (``_relaxed``):
one wait for the disk a letter instead of two. Other programs see the record at once, and
a crash of this program keeps it. Only a power cut or a crash of the system in that
moment loses it, and then the letter stays "sending": shown as uncertain and never sent
again unless the user asks, as when the connection is lost before the server confirms.
The last letter's record, and the one before a send stops, are synced before the send
ends (``LogStore.make_durable``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campaign_app.core.campaign.letter_files import PreparedLetter
from campaign_app.core.campaign.send import Outcome, SendResult, _Run, describe, message_for
from campaign_app.core.campaign.sent_letters import KeptLetter, keep_letter
from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.recipients import Recipient

if TYPE_CHECKING:
    from concurrent.futures import Executor
    from email.message import EmailMessage

    from campaign_app.core.mail.smtp import SmtpSession


def send_all(
    run: _Run,
    result: SendResult,
    password: str | None,
    cancel: threading.Event,
    report,
    ssl_context,
    session_options: dict,
) -> None:
    """Send every planned letter over one connection, each made ready (``_Ready``) one ahead,
    in a thread, while the one before it is claimed, sent and recorded here."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from campaign_app.core.mail.smtp import SendCancelled, SmtpSession

    plan = run.plan
    resend = {r.id for r in plan.resend}
    report(0, "")
    assert plan.settings is not None, "a real send has its mail server (plan_send checks)"
    # The first letter is written before the server is contacted: a template mistake stops
    # the send without a connection, and what was made is on record even if sign-in fails.
    first = run.prepare(plan.to_send[0])
    with (
        SmtpSession(
            plan.settings, password, ssl_context=ssl_context, cancel=cancel, **session_options
        ) as session,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="next-letter") as ahead,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-letter") as keeper,
    ):
        following: Future[_Ready] | None = None
        relaxed = _relaxed(plan.settings.rate_per_minute)
        try:
            for i, r in enumerate(plan.to_send):
                if cancel.is_set():
                    result.cancelled = True
                    return
                report(i, r.display_name)
                current = following
                if i + 1 < len(plan.to_send):
                    following = ahead.submit(_ready_next, run, plan.to_send[i + 1], keeper)
                ready = _ready(run, first, keeper) if current is None else current.result()
                try:
                    session.wait_turn()
                except SendCancelled:
                    result.cancelled = True
                    return
                outcome = send_one(run, session, ready, resend_revised=r.id in resend, durable=not relaxed)
                if outcome is None:
                    result.cancelled = True
                    return
                if isinstance(outcome, UserError):
                    result.stopped_by = str(outcome)
                    return
                if outcome.outcome == "claimed" and relaxed:
                    run.log.make_durable()  # a refused claim may write nothing, so sync nothing
                result.outcomes.append(outcome)
        finally:
            if relaxed and result.outcomes:
                run.log.make_durable()


def _relaxed(rate_per_minute: int) -> bool:
    """Whether a letter's "sent" record may wait for the next letter's claim to reach the
    disk (see the module's docstring): when letters follow each other within a second; at
    a slower rate the wait for the disk costs nothing and the record is synced at once."""
    return rate_per_minute <= 0 or rate_per_minute >= 60


@dataclass(frozen=True)
class _Ready:
    """A letter ready to be claimed and sent: rendered, its files kept (``out/sent``, synced),
    its message built and its bytes made."""

    prepared: PreparedLetter
    kept: list[KeptLetter]
    message: EmailMessage
    data: bytes


def _ready(run: _Run, prepared: PreparedLetter, keeper: Executor) -> _Ready:
    """Keep the letter's files and build its message (nothing is claimed or sent here).

    The copies are kept by ``keeper``, in a thread of their own, while the message is
    built here: keeping a copy is mostly waiting for the disk (the file's sync and its
    folder's), building the message is work for the processor. The message attaches the
    very bytes kept (``keep_letter`` returns the bytes it was given).

    For every letter but the first this runs in a thread, while the letter before it is
    on the wire: only the main thread claims, sends and records, so a letter's claim is
    still committed before its message leaves. When the send stops before the letter made
    ready ahead goes, that one letter's draft and kept copy stay written, as for a letter
    someone else claimed: the copy is named by its content and not in the log, and a
    later send keeps the same letter under that same name."""
    from campaign_app.core.letters.email.message import message_bytes

    ws, plan, r = run.ws, run.plan, prepared.recipient
    keeping = [
        keeper.submit(keep_letter, ws.out_dir, plan.template_id, r.id, f.path, f.data, f.sha256)
        for f in prepared.files
    ]
    try:
        message = message_for(ws, plan, prepared)
        data = message_bytes(message)
    finally:
        kept = [k.result() for k in keeping]  # kept (synced) before the letter is claimed
    assert all(k.data is f.data for k, f in zip(kept, prepared.files, strict=True))
    return _Ready(prepared, kept, message, data)


def _ready_next(run: _Run, r: Recipient, keeper: Executor) -> _Ready:
    """The next letter, in the thread ahead: rendered and its files written where not current
    (recorded in the log with its claim), kept and built."""
    return _ready(run, run.prepare(r, record=False), keeper)


def send_one(
    run: _Run, session: SmtpSession, ready: _Ready, *, resend_revised: bool, durable: bool = True
) -> Outcome | UserError | None:
    """Claim, send and record one letter; None when cancelled before the server took it.
    Not ``durable``: the record of what the server said is synced with the next change
    (see the module's docstring); the claim always is before the message leaves."""
    from campaign_app.core.mail.smtp import SendCancelled

    ws, plan, log, by = run.ws, run.plan, run.log, run.by
    prepared, message, r = ready.prepared, ready.message, ready.prepared.recipient
    pdf = ready.kept[0]
    claim = log.claim(
        run.draft(prepared),
        by,
        f"to {r.email}; {pdf.path.name} sha256 {pdf.sha256}",
        channel="email",
        letter_path=ws.relative(pdf.path),
        letter_sha256=pdf.sha256,
        resend_uncertain=plan.resend_uncertain,
        resend_revised=resend_revised,
    )
    cid = claim.contact_id
    if not claim.granted:
        return Outcome(r.id, r.display_name, r.email, "claimed", describe(claim.history))
    try:
        delivery = session.send(message, plan.from_address, [r.email], ready.data)
    except SendCancelled:
        log.add_event(cid, "drafted", by, "cancelled before the server accepted it: not sent", "email")
        return None
    except UserError as exc:
        log.add_event(cid, "drafted", by, f"not sent: {exc.message}", "email")
        return exc
    detail = delivery.detail
    kept_at = {"letter_path": ws.relative(pdf.path), "letter_sha256": pdf.sha256}
    if delivery.status == "sent":
        detail = f"{delivery.detail}; Message-ID {message['Message-ID']}"
        message_id = str(message["Message-ID"])
        log.add_event(cid, "sent", by, detail, "email", message_id=message_id, durable=durable, **kept_at)
    elif delivery.status == "failed":
        log.add_event(cid, "failed", by, delivery.detail, "email", durable=durable)
    else:  # uncertain: stays "sending"; the note says why
        log.add_event(cid, "note", by, delivery.detail, "email", durable=durable)
    return Outcome(r.id, r.display_name, r.email, delivery.status, detail, ws.relative(pdf.path))
