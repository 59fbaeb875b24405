"""``campaign-app log report FILE.pdf``: where the campaign stands, on one page.

Coordinators print this for a weekly meeting or attach it to a report to funders, so it
is one A4 page, always: the totals, a chart of the letters by status in each category of
recipient, a chart of each member's letters (replied, awaiting a reply, failed, drafts
waiting), and who is due a follow-up (the most overdue first). When more recipients are
due than fit, the page lists as many as fit and says how many more there are and how to
list them all; the chart groups the smallest categories into one bar for the same reason.

The statuses come from :mod:`log_status` (derived from the history, never stored); the
chart uses the same fixed order and colours in every report so two weeks' reports can be
compared at a glance. The colours are from Okabe and Ito's palette, which stays
distinguishable with the common colour-vision deficiencies, and every colour is named in
the legend with its count, so the chart also reads in black and white.

Names are printed in PT Serif (see core/common/fonts.py), so Cyrillic and Baltic names print as written.
:func:`report_data` gives the same figures to tests and to the desktop app; the campaign
layer (core/campaign/report.py) gathers them from a workspace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from campaign_app.core.outreach.status import RecipientState
    from campaign_app.core.outreach.team_view import MemberSummary

# Letter statuses in the order they are stacked and listed, with their colours.
STATUS_ORDER = ("drafted", "printed", "uncertain", "failed", "sent", "no-reply", "replied", "closed")
STATUS_COLOURS = {
    "drafted": "#BBBBBB",  # light grey: not yet out
    "printed": "#E69F00",  # orange: on its way by post
    "uncertain": "#F0E442",  # yellow: check by hand
    "failed": "#D55E00",  # vermillion
    "sent": "#0072B2",  # blue
    "no-reply": "#CC79A7",  # reddish purple
    "replied": "#009E73",  # bluish green
    "closed": "#555555",  # dark grey: done
}
MAX_CATEGORIES = 12  # more are grouped into one bar, so the chart keeps its size
NO_CATEGORY = "(no category)"
DUE_QUERY = "campaign-app log status --query status:followup-due"


@dataclass(frozen=True)
class FollowUp:
    recipient_id: str
    name: str
    category: str
    sent_on: dt.date
    due_since: dt.date


@dataclass
class ReportData:
    campaign_name: str
    case_id: str
    as_of: dt.datetime
    follow_up_days: int
    letters: int = 0
    recipients: int = 0
    sent: int = 0  # letters that went out
    replied: int = 0  # recipients who replied
    followups_due: int = 0  # recipients
    uncertain: int = 0  # letters whose sending was interrupted
    # category → status → letters; categories by number of letters, statuses in STATUS_ORDER
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    due: list[FollowUp] = field(default_factory=list)  # most overdue first
    # Each member who sent, drafted or failed to send a letter ("by": a team's database user,
    # or the name given in Settings; see team_view.py), the most letters first.
    members: list[MemberSummary] = field(default_factory=list)

    def totals(self) -> list[tuple[str, int]]:
        return [
            ("letters", self.letters),
            ("recipients", self.recipients),
            ("letters sent", self.sent),
            ("recipients replied", self.replied),
            ("follow-ups due", self.followups_due),
            ("uncertain sends", self.uncertain),
        ]


def report_data(
    states: Mapping[str, RecipientState],
    campaign_name: str,
    case_id: str,
    follow_up_days: int,
    now: dt.datetime | None = None,
) -> ReportData:
    """The report's figures from each recipient's state for the case (see status.py)."""
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    data = ReportData(campaign_name, case_id, now, follow_up_days)
    counts: dict[str, dict[str, int]] = {}
    for state in states.values():
        data.recipients += 1
        if any(letter.status == "replied" for letter in state.letters):
            data.replied += 1
        for letter in state.letters:
            data.letters += 1
            data.sent += letter.sent_at is not None
            data.uncertain += letter.status == "uncertain"
            category = letter.contact.category or NO_CATEGORY
            per = counts.setdefault(category, dict.fromkeys(STATUS_ORDER, 0))
            per[letter.status] = per.get(letter.status, 0) + 1
        sent = state.last_sent_at
        if state.due and state.followup_due_on is not None and sent is not None:
            data.due.append(
                FollowUp(state.recipient_id, state.name, state.category, sent.date(), state.followup_due_on)
            )
    data.followups_due = len(data.due)
    data.due.sort(key=lambda f: (f.due_since, f.name.casefold(), f.recipient_id))
    for category in sorted(counts, key=lambda c: (-sum(counts[c].values()), c.casefold())):
        data.by_category[category] = counts[category]
    from campaign_app.core.outreach.team_view import team_summary

    members = team_summary((letter for state in states.values() for letter in state.letters), now)
    data.members = sorted(
        (m for m in members if m.sent or m.failed or m.drafts),
        key=lambda m: (-(m.sent + m.failed + m.drafts), m.by.casefold()),
    )
    return data
