"""The coordinator's view of the team: what each member did, and who is sending right now.

Read off the same letter histories as the status table (core/outreach/status.py), so the
figures never disagree with it. On a team's log "by" is the member's database user, set
by the server; on campaign.db it is the name each person gave in Settings (a merged log
keeps every volunteer's name), so the view works the same on both.

Each letter counts for one member, the one a coordinator would ask about it:

- **sent** — letters that went out, for whoever sent them (the latest "sent" event);
- **replied** — of those, the ones answered since (their status is "replied");
- **failed** — letters whose last sending failed, for whoever tried;
- **drafts** — letters waiting to be sent, for whoever drafted them last;
- **last activity** — the time of the member's latest event of any kind;
- **sending now** — open claims: a "sending" event not yet followed by its outcome, whose
  program still runs (on this computer), or, on another computer we cannot ask, whose
  claim is recent (:data:`SENDING_FRESH`). An older open claim is an interrupted send
  ("uncertain"), not someone at work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from campaign_app.core.common.i18n import N_, _
from campaign_app.core.outreach.claims import same_host_alive, sending_now
from campaign_app.core.outreach.status import LetterState


@dataclass
class MemberSummary:
    """One member's work on the case's letters (see the module's docstring)."""

    by: str
    sent: int = 0
    replied: int = 0
    failed: int = 0
    drafts: int = 0
    last_at: str = ""  # ISO 8601 UTC of their latest event; "" when none
    sending: list[str] = field(default_factory=list)  # names of the recipients being sent to now

    @property
    def last_activity(self) -> str:
        """Their latest event's time, ``YYYY-MM-DD HH:MM`` UTC (as ``log status`` prints times)."""
        return self.last_at[:16].replace("T", " ")


def team_summary(
    letters: Iterable[LetterState],
    now: dt.datetime | None = None,
    alive: Callable[[str], bool | None] = same_host_alive,
) -> list[MemberSummary]:
    """Each member's summary over ``letters`` (their histories in order), the most recently
    active first; ``alive`` tells whether a claiming program on this computer still runs."""
    now = now or dt.datetime.now(dt.UTC)
    # Counted by member in plain dicts, one pass over 100,000 letters (a team's log), the
    # summaries made after: a letter costs a few lookups, not a call.
    last_at: dict[str, str] = {}  # member → their latest event
    sent: dict[str, int] = {}
    replied: dict[str, int] = {}
    failed: dict[str, int] = {}
    drafts: dict[str, int] = {}
    sending: dict[str, list[str]] = {}
    for letter in letters:
        if letter.abridged and letter.activity is None:  # one member did all of it
            by, at = letter.last_by, letter.last_at
            if at > last_at.get(by, ""):
                last_at[by] = at
        else:
            activity = letter.activity if letter.abridged else ((e.by, e.at) for e in letter.events)
            for by, at in activity or ():
                if at > last_at.get(by, ""):
                    last_at[by] = at
        history = letter.history
        status = history.status
        if history.went_out:
            by = letter.sent_by
            sent[by] = sent.get(by, 0) + 1
            if status == "replied":
                replied[by] = replied.get(by, 0) + 1
        if status in ("failed", "drafted") and letter.status_by is not None:
            counts = failed if status == "failed" else drafts
            counts[letter.status_by] = counts.get(letter.status_by, 0) + 1
        elif status == "uncertain" and history.claim is not None and sending_now(history.claim, now, alive):
            contact = letter.contact
            sending.setdefault(history.claim.by, []).append(contact.recipient_name or contact.recipient_id)
    members = {
        by: MemberSummary(
            by,
            sent.get(by, 0),
            replied.get(by, 0),
            failed.get(by, 0),
            drafts.get(by, 0),
            last_at.get(by, ""),
            sending.get(by, []),
        )
        for by in (*sent, *failed, *drafts, *sending, *last_at)
    }
    return sorted(members.values(), key=lambda m: (m.last_at, m.by), reverse=True)


def summary_lines(members: list[MemberSummary]) -> list[tuple[str, ...]]:
    """The summary as table rows (member, sent, replied, failed, drafts, last activity, sending now)."""
    rows: list[tuple[str, ...]] = []
    for m in members:
        now_text = ""
        if m.sending:
            shown = ", ".join(sorted(m.sending)[:3])
            more = len(m.sending) - 3
            now_text = f"{len(m.sending)}: {shown}" + (
                _(" and {more} more").format(more=more) if more > 0 else ""
            )
        rows.append(
            (m.by, str(m.sent), str(m.replied), str(m.failed), str(m.drafts), m.last_activity, now_text)
        )
    return rows


# Translated where printed: ``tuple(_(h) for h in SUMMARY_HEADER)``.
SUMMARY_HEADER = (
    N_("MEMBER"),
    N_("SENT"),
    N_("REPLIED"),
    N_("FAILED"),
    N_("DRAFTS"),
    N_("LAST ACTIVITY (UTC)"),
    N_("SENDING NOW"),
)
