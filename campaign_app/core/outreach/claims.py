"""Whether an open claim is a send still at work, and how to say so.

Before a letter leaves, the sender claims it in the log (a "sending" event); the outcome
closes the claim. A claim left open is either a send at work right now or one that was
interrupted ("uncertain": the server may have the letter). Only the second may be resent,
and only on a person's word (``--resend-uncertain``). Which one it is:

- a claim made on this computer: whether its program still runs (we can ask);
- a claim made on another computer, which we cannot ask: a send at work while the claim is
  recent (:data:`SENDING_FRESH`; a send takes seconds a letter), interrupted after that.

One rule for the send's plan, the claim itself, ``log mark``, the status table and the
team's view, so none of them calls a letter another member is sending "uncertain".
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable

from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.records import Event, History, parse_time

# How long a claim made on another computer counts as "sending now".
SENDING_FRESH = dt.timedelta(minutes=10)


def same_host_alive(process: str) -> bool | None:
    """Whether the claiming program runs, when it is on this computer; None when it is not."""
    from campaign_app.core.common.processes import claimant_alive

    host = process.rpartition(" ")[0]
    if not host or host != socket.gethostname():
        return None
    return claimant_alive(process)


def sending_now(
    claim: Event, now: dt.datetime | None = None, alive: Callable[[str], bool | None] = same_host_alive
) -> bool:
    """Whether an open claim is someone sending right now (see the module's docstring). A
    claim that names no program was written by a version before claims named theirs."""
    if not claim.process:
        return False
    running = alive(claim.process)
    if running is not None:
        return running
    now = now or dt.datetime.now(dt.UTC)
    return now - parse_time(claim.at) <= SENDING_FRESH


def claim_running(history: History, now: dt.datetime | None = None) -> bool:
    """Whether this letter's open claim is a send still at work."""
    return history.claim is not None and sending_now(history.claim, now)


def describe_claim(history: History, now: dt.datetime | None = None) -> str:
    """Why a letter was not claimed, in a volunteer's words."""
    claim = history.claim
    if claim is not None:
        when = claim.at[:16].replace("T", " ")
        if sending_now(claim, now):
            if same_host_alive(claim.process) is None:  # another computer: we go by the time
                until = (parse_time(claim.at) + SENDING_FRESH).strftime("%H:%M")
                return _(
                    "being sent right now by {by} on another computer ({process}, since {when} UTC); "
                    "if that send stopped, the letter is uncertain from {until} UTC"
                ).format(by=claim.by, process=claim.process, when=when, until=until)
            return _("being sent right now by {by} (since {when} UTC, another window or terminal)").format(
                by=claim.by, when=when
            )
        return _(
            "claimed by {by} at {when} UTC, whose sending stopped before it was confirmed: uncertain"
        ).format(by=claim.by, when=when)
    if history.sent is not None:
        sent = history.sent
        return _("already sent by {by} at {when} UTC").format(by=sent.by, when=sent.at[:16].replace("T", " "))
    return _("its status is now {status}").format(status=history.status)
