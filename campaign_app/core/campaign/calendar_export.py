"""``campaign-app case calendar FILE.ics``: the case's coming events and the follow-up
dates, for the calendar a campaigner already lives in.

Written with the ``icalendar`` library. Every entry has a UID made of the case and the
event (or the recipient a follow-up is for), never of the export: importing a new export
into the same calendar updates the entries already there (a follow-up moved earlier by a
newly set hearing moves) instead of adding a second copy of each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as CalendarEntry

from campaign_app import __version__
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.campaign.workspace_files import refuse_campaign_file
from campaign_app.core.case.model import Case, Event
from campaign_app.core.case.over_time import coming_events
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import pick

UID_DOMAIN = "campaign-app"


@dataclass(frozen=True)
class CalendarSummary:
    events: int
    follow_ups: int


def event_uid(case_id: str, event_id: str) -> str:
    return f"event.{case_id}.{event_id}@{UID_DOMAIN}"


def follow_up_uid(case_id: str, recipient_id: str) -> str:
    """One entry per recipient: when their follow-up date moves, the entry moves."""
    return f"follow-up.{case_id}.{recipient_id}@{UID_DOMAIN}"


def _language(ws: Workspace) -> str:
    case = ws.case
    wanted = ws.campaign.default_language
    return wanted if wanted in case.languages else case.languages[0]


def _entry(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime) -> CalendarEntry:
    """An all-day entry (a hearing's hour is rarely known; a follow-up is a day's task)."""
    entry = CalendarEntry()
    entry.add("uid", uid)
    entry.add("dtstamp", stamp)
    entry.add("dtstart", day)
    entry.add("dtend", day + dt.timedelta(days=1))
    entry.add("summary", summary)
    entry.add("description", description)
    entry.add("transp", "TRANSPARENT")
    return entry


def _event_entry(case: Case, event: Event, language: str, stamp: dt.datetime) -> CalendarEntry:
    person = pick(case.person.name, language) or ""
    text = pick(event.text, language) or ""
    links = [s.url for sid in event.sources if (s := case.source(sid)) is not None and s.url]
    description = "\n".join([text, *links])
    if event.date.precision != "day":
        known = _("Date known only to the month: {date}.") if event.date.precision == "month" else None
        known = known or _("Date known only to the year: {date}.")
        description = known.format(date=event.date) + "\n" + description
    summary = f"{(event.kind or 'event').capitalize()}: {person}"
    entry = _entry(event_uid(case.id, event.id), event.date.first_day(), summary, description, stamp)
    if event.kind:
        entry.add("categories", [event.kind])
    return entry


def case_calendar(ws: Workspace, now: dt.datetime | None = None) -> tuple[bytes, CalendarSummary]:
    """The iCalendar file's bytes: every coming event of the case, and a follow-up entry for
    each recipient whose follow-up is due or will be (with the reason)."""
    now = now or dt.datetime.now(dt.UTC)
    case, language = ws.case, _language(ws)
    cal = Calendar()
    cal.add("prodid", f"-//campaign-app {__version__}//{case.id}//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", pick(case.title, language) or case.id)
    events = coming_events(case, now.date())
    for event in events:
        cal.add_component(_event_entry(case, event, language, now))
    states = ws.recipient_states(now, abridged=True)  # follow-up dates need no events
    names = {r.id: r.display_name for r in ws.directory}
    follow_ups = 0
    for rid, state in sorted(states.items()):
        if state.followup_due_on is None:
            continue
        name = names.get(rid, state.name or rid)
        # in the interface language, as the reason (a Ukrainian calendar said "Why: немає відповіді…")
        description = _("Why: {reason}.\nRecipient id: {id} (campaign-app log status -q id:{id})").format(
            reason=state.followup_reason, id=rid
        )
        summary = _("Follow-up: {name}").format(name=name)
        uid = follow_up_uid(case.id, rid)
        cal.add_component(_entry(uid, state.followup_due_on, summary, description, now))
        follow_ups += 1
    return cal.to_ical(), CalendarSummary(len(events), follow_ups)


def write_case_calendar(ws: Workspace, target: Path, now: dt.datetime | None = None) -> CalendarSummary:
    """Write the calendar to ``target`` whole (or not at all); never over a file of the
    campaign (workspace_files)."""
    refuse_campaign_file(ws.root, target, "calendar.ics")
    data, summary = case_calendar(ws, now)
    atomic_write_bytes(target, data)
    return summary
