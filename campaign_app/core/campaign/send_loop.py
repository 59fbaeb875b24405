"""The sending loop: each letter claimed, sent and recorded, the next one made ready ahead.

Sending a letter waits on things outside the program: the disk (its kept copy is synced
before it is claimed, and the claim is committed before the message leaves) and the mail
server's replies. So while one letter is claimed, sent and recorded here, the next is made
ready ahead (rendered, its files written where not current and kept, its message built
and its bytes made), in a thread or, for a long send, a child process that works a few
letters ahead (core/campaign/send_ahead.py): about half of a letter's time, done while
waiting.

The order that sends each letter at most once does not change: only this loop's thread
claims, sends and records, and a letter is sent only after its claim is committed. See
core/campaign/send.py for the guarantees, and core/campaign/send_ahead.py for what may be
left written when a send stops.

A letter's claim is committed in a thread of its own (``_ClaimGate``) while the server
is asked to take the letter's envelope (MAIL FROM, RCPT TO), and its message (DATA) goes
only once the claim is committed and granted; refused (another sender has it) or not
made (the log out of reach), the server is told to forget the envelope (RSET) and the
connection goes on. The wait for the disk (or for a team's database) overlaps the
server's answers instead of coming before them. After a refused claim (another member is
sending the same letters) the next letter is claimed before its envelope goes, until a
claim is granted again: a run of refusals costs the mail server nothing. Nothing is promised twice: the next
letter's claim is asked for only after this letter's answer is recorded, so at most one
letter is ever claimed and unanswered, as before.

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
from collections import deque
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from campaign_app.core.campaign.send import Outcome, SendResult, _Run
from campaign_app.core.campaign.send_ahead import Ready, ThreadAhead, ahead_for
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.claims import describe_claim

if TYPE_CHECKING:
    from campaign_app.core.campaign.letter_files import PreparedLetter
    from campaign_app.core.mail.smtp import SmtpSession
    from campaign_app.core.outreach.log import Claim


def send_all(
    run: _Run,
    result: SendResult,
    password: str | None,
    cancel: threading.Event,
    report,
    ssl_context,
    session_options: dict,
) -> None:
    """Send every planned letter over one connection, each made ready ahead (a thread one
    letter ahead, or for a long send a child process a few letters ahead:
    core/campaign/send_ahead.py) while the one before it is claimed, sent and recorded here."""
    from campaign_app.core.mail.smtp import SmtpSession

    plan = run.plan
    resend = {r.id for r in plan.resend}
    report(0, "")
    assert plan.settings is not None, "a real send has its mail server (plan_send checks)"
    ahead = ahead_for(run, len(plan.to_send))  # a child process starts while the first letter is made
    claims = ThreadPoolExecutor(1, thread_name_prefix="claims")  # the log's one writer while sending
    try:
        # The first letter is written before the server is contacted: a template mistake
        # stops the send without a connection, and what was made is on record even if
        # sign-in fails.
        first = run.prepare(plan.to_send[0])
        with SmtpSession(
            plan.settings, password, ssl_context=ssl_context, cancel=cancel, **session_options
        ) as session:
            _send_each(run, result, session, ahead, first, resend, cancel, report, claims)
    finally:
        claims.shutdown()  # no claim still running once the log closes
        ahead.close()


def _send_each(
    run: _Run,
    result: SendResult,
    session: SmtpSession,
    ahead: ThreadAhead,
    first: PreparedLetter,
    resend: set[str],
    cancel: threading.Event,
    report,
    claims: Executor,
) -> None:
    """The loop of ``send_all``: each letter taken from ``ahead``, claimed, sent, recorded."""
    from campaign_app.core.mail.delivery import SendCancelled

    plan = run.plan
    assert plan.settings is not None
    following: deque[object] = deque()  # the next letters, asked for ahead (``ahead.depth``)
    asked = 1  # the letters asked for so far (the first is made already)
    relaxed = _relaxed(plan.settings.rate_per_minute)
    refused = False  # the last letter's claim was refused: another member sends these letters
    try:
        for i, r in enumerate(plan.to_send):
            if cancel.is_set():
                result.cancelled = True
                return
            report(i, r.display_name)
            while asked < len(plan.to_send) and asked <= i + ahead.depth:
                following.append(ahead.submit(plan.to_send[asked]))
                asked += 1
            ready = ahead.first(first) if i == 0 else ahead.take(following.popleft())
            try:
                session.wait_turn()
            except SendCancelled:
                result.cancelled = True
                return
            # While another member sends the same letters (a claim refused), each is claimed
            # before its envelope goes: a refused claim then costs the server nothing.
            outcome = send_one(
                run,
                session,
                ready,
                resend_revised=r.id in resend,
                durable=not relaxed,
                claims=None if refused else claims,
            )
            run.in_flight = None  # answered (whatever came of it); a second Ctrl-C leaves it set
            if outcome is None:
                result.cancelled = True
                return
            if isinstance(outcome, UserError):
                result.stopped_by = str(outcome)
                return
            if isinstance(outcome, Unrecorded):
                result.outcomes.append(outcome.outcome)
                result.stopped_by = str(outcome.error)
                return
            refused = outcome.outcome == "claimed"
            if refused and relaxed:
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


def send_one(
    run: _Run,
    session: SmtpSession,
    ready: Ready,
    *,
    resend_revised: bool,
    durable: bool = True,
    claims: Executor | None = None,
) -> Outcome | UserError | Unrecorded | None:
    """Claim, send and record one letter; None when cancelled before the server took it.
    Not ``durable``: the record of what the server said is synced with the next change
    (see the module's docstring); the claim always is before the message leaves. With
    ``claims`` (a one-thread executor) the claim is committed there while the server hears
    the envelope, and the message goes only once it is (``_ClaimGate``)."""
    from campaign_app.core.mail.delivery import SendCancelled, Withheld

    ws, plan, log, by = run.ws, run.plan, run.log, run.by
    r = ready.recipient
    pdf = ready.kept[0]
    kept_path = ws.relative(pdf.path)
    claiming = partial(
        log.claim,
        run.draft(r, ready.pdf),
        by,
        f"to {r.email}; {pdf.path.name} sha256 {pdf.sha256}",
        channel="email",
        letter_path=kept_path,
        letter_sha256=pdf.sha256,
        resend_uncertain=plan.resend_uncertain,
        resend_revised=resend_revised,
        email_printed=plan.email_printed,
        message_id=ready.message_id,
    )
    gate = _ClaimGate(run, r.id, claims.submit(claiming) if claims is not None else None, claiming)
    if claims is None and not gate():  # claimed here, before the server hears of the letter at all
        return gate.refusal(r)
    try:
        delivery = session.send(ready.data, plan.from_address, [r.email], gate=gate)
    except Withheld:
        return gate.refusal(r)
    except SendCancelled:
        if gate():
            log.add_event(
                gate.contact_id, "drafted", by, "cancelled before the server accepted it: not sent", "email"
            )
        return None
    except UserError as exc:
        if gate():
            log.add_event(gate.contact_id, "drafted", by, f"not sent: {exc.message}", "email")
        return exc
    if not gate():  # refused at MAIL or RCPT while the claim was refused or failed: nothing sent
        return gate.refusal(r)
    cid = gate.contact_id
    detail = delivery.detail
    kept_at = {"letter_path": kept_path, "letter_sha256": pdf.sha256}
    try:
        if delivery.status == "sent":
            message_id = ready.message_id
            detail = f"{delivery.detail}; Message-ID {message_id}"
            log.add_event(cid, "sent", by, detail, "email", message_id=message_id, durable=durable, **kept_at)
        elif delivery.status == "failed":
            log.add_event(cid, "failed", by, delivery.detail, "email", durable=durable)
        else:  # uncertain: stays "sending"; the note says why
            log.add_event(cid, "note", by, delivery.detail, "email", durable=durable)
    except UserError as exc:  # the log went away after the server answered: the claim stays open
        return Unrecorded(Outcome(r.id, r.display_name, r.email, *_unrecorded(delivery, r.id)), exc)
    return Outcome(r.id, r.display_name, r.email, delivery.status, detail, kept_path)


class _ClaimGate:
    """A letter's claim, asked for before its envelope goes to the server and waited for
    only before its message does: the claim's commit (a sync to disk, or a round trip to
    the team's database) overlaps the server's answers to MAIL and RCPT instead of
    preceding them. Called, it says whether the message may go (the claim granted), and
    marks the letter in flight from then on; it answers the same on a retry. Only one
    letter is ever claimed and unanswered: the next claim is asked for after this letter's
    answer is recorded."""

    def __init__(self, run: _Run, recipient_id: str, pending: Future | None, claiming) -> None:
        self._run, self._id, self._pending, self._claiming = run, recipient_id, pending, claiming
        self.claim: Claim | None = None
        self.error: UserError | None = None

    def __call__(self) -> bool:
        if self.claim is None and self.error is None:
            try:
                self.claim = self._pending.result() if self._pending is not None else self._claiming()
            except UserError as exc:
                self.error = exc
        if self.claim is None or not self.claim.granted:
            return False
        self._run.in_flight = self._id  # stopped from here until answered (a second Ctrl-C): uncertain
        return True

    @property
    def contact_id(self) -> str:
        """The claimed letter's contact (once the gate said yes)."""
        assert self.claim is not None
        return self.claim.contact_id

    def refusal(self, r) -> Outcome:
        """What a letter held back by its claim comes to: another sender's, or the log's error."""
        if self.error is not None:
            raise self.error from None  # the log is out of reach: the send stops, as at any claim
        assert self.claim is not None and not self.claim.granted
        return Outcome(r.id, r.display_name, r.email, "claimed", describe_claim(self.claim.history))


@dataclass(frozen=True)
class Unrecorded:
    """A letter the server answered for whose answer the log could not record: the send
    stops (nothing more can be promised), and the letter is shown as what it now is."""

    outcome: Outcome
    error: UserError


def _unrecorded(delivery, recipient_id: str) -> tuple[str, str]:
    """(outcome, detail) of a letter whose delivery the log could not record."""
    if delivery.status == "sent":
        return "uncertain", _(
            "the mail server accepted it ({answer}), but the contact log could not record that: it "
            "stays uncertain — once the log can be reached, 'campaign-app log mark {id} --status sent "
            "--channel email'"
        ).format(answer=delivery.detail, id=recipient_id)
    if delivery.status == "failed":
        return "failed", _("{answer} (the contact log could not record it: it stays uncertain there)").format(
            answer=delivery.detail
        )
    return "uncertain", delivery.detail
