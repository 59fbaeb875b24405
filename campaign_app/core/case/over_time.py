"""The case over time: how old each fact is, what is coming, and what is new since a letter.

Campaigns live for months, and every letter must say what is true today. So a fact says
``as_of`` (the day it was known to be true), a timeline event has its date and ``kind``,
and three questions are answered here, once, for ``check``, the Case tab, the contact
log's follow-ups, the calendar export and the templates' ``updates`` alike:

- how old is a fact, and is it too old to be stated as current (:func:`fact_age`,
  :func:`is_stale`)?
- which events are still to come, and when should follow-ups remind of them
  (:func:`coming_events`, :func:`reminders`)?
- what has happened since a recipient's last letter (:func:`updates_since`)?

A date known only to the month or year counts from its last possible day for a fact's
age (it was true at least until then) and from its first day for a coming event (the
hearing may be on the 1st).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from campaign_app.core.case.model import Case, Event, Fact
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.localized import Localized


def last_day(date: PartialDate) -> dt.date:
    """The last day a partial date may mean (2020-05 → 31 May 2020; 2020 → 31 December)."""
    if date.day:
        return date.first_day()
    import calendar  # here: the Case tab imports this module before it shows anything

    month = date.month or 12
    return dt.date(date.year, month, calendar.monthrange(date.year, month)[1])


def fact_age(fact: Fact, today: dt.date) -> int | None:
    """Days since the fact's ``as_of`` (None: the fact is not dated)."""
    if fact.as_of is None:
        return None
    return (today - last_day(fact.as_of)).days


def is_stale(fact: Fact, today: dt.date, stale_after_days: int) -> bool:
    """True when the fact was last known true more than ``stale_after_days`` ago."""
    age = fact_age(fact, today)
    return age is not None and age > stale_after_days


# ---- what is coming ----------------------------------------------------------------------


def event_label(event: Event) -> str:
    """What a reminder calls the event: "hearing on 2026-12-20" ("event" without a kind)."""
    word = "on" if event.date.precision == "day" else "in"
    return f"{event.kind or 'event'} {word} {event.date.isoformat()}"


def coming_events(case: Case, today: dt.date) -> list[Event]:
    """Timeline events that have not happened yet (on or after ``today``), soonest first."""
    coming = [e for e in case.timeline if e.date.first_day() >= today or last_day(e.date) > today]
    return sorted(coming, key=lambda e: e.date.first_day())


@dataclass(frozen=True)
class Reminder:
    """A follow-up date set by a coming event: ``on`` is ``remind_days_before`` it."""

    on: dt.date
    event: Event

    @property
    def reason(self) -> str:
        return event_label(self.event)


def reminders(case: Case, remind_days_before: int, today: dt.date) -> list[Reminder]:
    """One reminder per coming event, ``remind_days_before`` its (first possible) day."""
    gap = dt.timedelta(days=remind_days_before)
    return [Reminder(e.date.first_day() - gap, e) for e in coming_events(case, today)]


# ---- what is new since a letter --------------------------------------------------------------


@dataclass(frozen=True)
class Update:
    """An event or fact dated after a recipient's last letter, as templates see it in
    ``updates``: ``date``, ``text``, ``sources`` (for ``cite(*u.sources)``), ``id``, and
    ``kind`` ("fact", or the event's kind, "event" when it has none)."""

    id: str
    date: PartialDate
    text: Localized
    sources: tuple[str, ...]
    kind: str


def updates_since(case: Case, since: dt.date, today: dt.date) -> list[Update]:
    """The events and dated facts whose date lies after ``since``, in date order: what has
    happened since, so not the events still to come (:func:`coming_events`), which a
    "what has happened since our last letter" list would present as past."""
    coming = {e.id for e in coming_events(case, today)}
    found = [
        Update(e.id, e.date, e.text, e.sources, e.kind or "event")
        for e in case.timeline
        if last_day(e.date) > since and e.id not in coming
    ]
    found += [
        Update(f.id, f.as_of, f.text, f.sources, "fact")
        for f in case.facts
        if f.as_of is not None and last_day(f.as_of) > since
    ]
    return sorted(found, key=lambda u: (u.date.first_day(), u.kind == "fact"))
