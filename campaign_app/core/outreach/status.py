"""Where each letter and each recipient stands, derived from the contact log's history.

The status is never stored: it is read off the history every time, so a merge, a mark
or a crash can never leave a status that contradicts what happened. The rules:

- A letter's status comes from its history (see log_records.read_history): the latest
  event that is not a note, except that nothing drafted after a letter went out reopens
  it (it is then "revised after sending"), and a letter left "sending" is **uncertain**.
- A recipient is **follow-up due** when their latest letter that went out (sent, by any
  channel) left more than the campaign's follow-up period ago and no reply, and no
  closing, has been recorded for them since. A later letter (the follow-up itself) starts
  the period again. A coming event of the case (a hearing, a decision, a deadline) makes
  the follow-up due earlier: on its reminder day, when their letter went out before that
  day; ``followup_reason`` says why ("hearing on 2026-12-20").
- For queries (``status:sent``) a recipient has every status any of their letters has,
  plus ``followup-due``, ``auto-reply`` when an automatic answer came back, and ``none``
  when the log has no letter to them at all.
- A bounce (read from the inbox) ends the wait for an answer, like a reply, and makes the
  recipient's address **doubtful** (:attr:`RecipientState.bounce`) until a later letter to
  them goes out or they reply: derived from the log, the directory file is never edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import NamedTuple

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.i18n import ngettext
from campaign_app.core.outreach.records import (
    WENT_OUT,
    Contact,
    Event,
    History,
    letter_status,
    parse_time,
    read_history,
)
from campaign_app.core.outreach.store import LetterSource

__all__ = ["LetterState", "RecipientState", "Reminder", "letter_status", "recipient_states", "status_table"]


class Reminder(NamedTuple):
    """A day on which follow-ups fall due because of a coming event, and why."""

    on: dt.date
    reason: str  # "hearing on 2026-12-20"
    event_on: dt.date | None = None  # the event's (first possible) day


# What ends the wait for an answer to a letter that went out.
ANSWERS = ("replied", "closed", "bounced")


@dataclass(slots=True)
class LetterState:
    """One letter and what its events say. The facts the status rules ask of a letter over
    and over (when it went out, when it was answered, its latest event, who sent it) are
    read in one pass when it is built: ``log status`` builds 100,000 of these.

    An **abridged** state (``log status``, see core/outreach/digest.py) holds those facts
    without the events themselves (``events`` is empty, ``history`` has no ``sent`` or
    ``claim`` event): asking it for an event raises instead of answering wrongly."""

    contact: Contact
    events: list[Event]
    history: History
    sent_at: dt.datetime | None = None  # when it last went out (None: it has not)
    answered_at: dt.datetime | None = None  # the latest reply, closing or bounce
    auto_replied: bool = False
    last_kind: str = ""  # its latest event ("" when it has none)
    last_at: str = ""
    last_by: str = ""
    sent_by: str = ""  # who sent it, the latest time it was sent ("" when it was not)
    # Whose latest event of the status's own kind (a draft, a failure) it is; None: no such event.
    status_by: str | None = None
    abridged: bool = False
    # Abridged only: each member's latest event in this letter (member, time); None: one
    # member did all of it, and their latest is the letter's (``last_by``, ``last_at``).
    activity: tuple[tuple[str, str], ...] | None = ()

    @classmethod
    def of(cls, contact: Contact, events: list[Event]) -> LetterState:
        """The letter's state from its events, in the order they happened."""
        went_out, answered, auto = letter_facts(events)
        history = read_history(events)
        last = events[-1] if events else None
        status_event = last_of_kind(events, history.status)
        return cls(
            contact,
            events,
            history,
            parse_time(went_out.at) if went_out else None,
            parse_time(answered.at) if answered else None,
            auto,
            last.kind if last else "",
            last.at if last else "",
            last.by if last else "",
            history.sent.by if history.sent else "",
            status_event.by if status_event else None,
        )

    @property
    def status(self) -> str:
        return self.history.status

    @property
    def revised(self) -> bool:
        """Changed after it went out: sending it again needs an explicit resend."""
        return self.history.revised

    @property
    def last(self) -> Event | None:
        if self.abridged:
            raise ValueError("an abridged letter state holds no events: read the whole history")
        return self.events[-1] if self.events else None


def letter_facts(events: Sequence[Event]) -> tuple[Event | None, Event | None, bool]:
    """What the follow-up rules ask of a letter: its latest event that went out, its latest
    answer (a reply, closing or bounce), and whether an automatic reply came."""
    went_out = answered = None
    auto = False
    for e in events:
        kind = e.kind
        if kind in WENT_OUT:
            went_out = e  # in order: the last seen is the latest
        elif kind in ANSWERS:
            answered = e
        elif kind == "auto-reply":
            auto = True
    return went_out, answered, auto


def last_of_kind(events: Sequence[Event], kind: str) -> Event | None:
    """The latest event of ``kind`` among a letter's events (in order)."""
    return next((e for e in reversed(events) if e.kind == kind), None)


_LAST_AT = attrgetter("last_at")


@dataclass
class RecipientState:
    recipient_id: str
    name: str
    category: str
    letters: list[LetterState] = field(default_factory=list)
    followup_due_on: dt.date | None = None  # set when a follow-up is or will be due
    due: bool = False
    followup_reason: str = ""  # why it is (or will be) due
    followup_event: str = ""  # the coming event that set the date ("hearing on 2026-12-20"), if one did

    @property
    def latest(self) -> LetterState:
        """The letter whose latest event is the latest (the first such, on a tie)."""
        return max(self.letters, key=_LAST_AT)

    @property
    def status(self) -> str:
        """Follow-up due, or the status of the letter that changed last: "revised" for a
        letter sent and changed since (it is not sent again by itself: the README's word,
        and what ``status:revised`` selects), rather than a plain "sent"."""
        return self.status_with(self.latest)

    def status_with(self, latest: LetterState) -> str:
        """:attr:`status`, ``latest`` (:attr:`latest`) already known: a table that shows the
        latest letter too looks for it once (``log status``: 20,000 recipients)."""
        if self.due:
            return "followup-due"
        return "revised" if latest.revised and latest.status == "sent" else latest.status

    @property
    def last_event(self) -> Event | None:
        """The latest event of any of their letters (each letter's events are in order)."""
        lasts = [last for s in self.letters if (last := s.last) is not None]
        return max(lasts, key=lambda e: e.at) if lasts else None

    @property
    def last_sent_at(self) -> dt.datetime | None:
        """When their latest letter went out (None: none has)."""
        sent = [t for s in self.letters if (t := s.sent_at) is not None]
        return max(sent) if sent else None

    @property
    def statuses(self) -> frozenset[str]:
        found = {s.status for s in self.letters}
        if any(s.revised for s in self.letters):
            found.add("revised")
        if self.due:
            found.add("followup-due")
        if any(s.auto_replied for s in self.letters):
            found.add("auto-reply")
        return frozenset(found)

    @property
    def bounce(self) -> Event | None:
        """The delivery failure that makes their address doubtful: the latest "bounced" event
        of a letter still bounced (a later letter that went out, or a reply, clears it)."""
        if any(s.abridged for s in self.letters):
            raise ValueError("an abridged letter state holds no events: read the whole history")
        bounces = [e for s in self.letters if s.status == "bounced" for e in s.events if e.kind == "bounced"]
        latest = max(bounces, key=lambda e: e.at) if bounces else None
        later = [
            e
            for s in self.letters
            for e in s.events
            if e.kind in ("sent", "replied") and latest and e.at > latest.at
        ]
        return None if later else latest


def recipient_states(
    log: LetterSource,
    case_id: str | None,
    follow_up_days: int,
    now: dt.datetime | None = None,
    reminders: Sequence[Reminder] = (),
    *,
    abridged: bool = False,
) -> dict[str, RecipientState]:
    """Every recipient the log has a letter to (for the case), by recipient id;
    ``reminders``: the coming events' reminder days (see the module's docstring).
    ``abridged``: read each letter's digest instead of its events where that says the same
    (``log status`` over a whole team's log; see core/outreach/digest.py)."""
    now = now or dt.datetime.now(dt.UTC)
    states: dict[str, RecipientState] = {}
    with collector_paused():
        letters: Iterable[LetterState]
        if abridged:
            from campaign_app.core.outreach.digest import letter_states

            letters = letter_states(log, case_id)
        else:
            by_contact = log.events_by_letter()
            letters = (LetterState.of(c, by_contact.get(c.id, [])) for c in log.contacts(case_id))
        for letter in letters:
            c = letter.contact
            state = states.get(c.recipient_id)
            if state is None:
                state = states[c.recipient_id] = RecipientState(c.recipient_id, c.recipient_name, c.category)
            state.letters.append(letter)
    # why a follow-up is due, in the interface language: looked up once, and written once
    # per day a letter went out, not per recipient (20,000 of them, a few hundred days)
    reason = ngettext(
        "no reply {days} day after the letter of {date}",
        "no reply {days} days after the letter of {date}",
        follow_up_days,
    )
    why = cache(lambda day: reason.format(days=follow_up_days, date=day))
    in_order = sorted(reminders)  # once, not per recipient
    for state in states.values():
        _follow_up(state, follow_up_days, now, in_order, why)
    return states


def _follow_up(
    state: RecipientState,
    follow_up_days: int,
    now: dt.datetime,
    reminders: Sequence[Reminder],
    reason_after: Callable[[dt.date], str],
) -> None:
    """When (and why) a follow-up to this recipient is due: ``follow_up_days`` after their
    last letter, or a coming event's reminder day if that comes first (or is already here);
    ``reason_after``: the first, in the interface language, for the day the letter went out;
    ``reminders`` in their order (sorted)."""
    last_sent = state.last_sent_at
    if last_sent is None:
        return
    if any(s.answered_at is not None and s.answered_at >= last_sent for s in state.letters):
        return
    after_period = last_sent + dt.timedelta(days=follow_up_days)
    due_on, reason = (
        after_period.date(),
        reason_after(last_sent.date()),
    )
    due = now >= after_period
    for r in reminders:
        if r.on <= last_sent.date():  # written to within the reminder's window already:
            event_on = r.event_on  # no reminder before it, but no follow-up only after it either
            if event_on is not None and last_sent.date() < event_on <= due_on:
                due_on, reason = (
                    max(last_sent.date() + dt.timedelta(days=1), event_on - dt.timedelta(days=1)),
                    r.reason,
                )
                due = now.date() >= due_on
                state.followup_event = r.reason
                break
            continue
        if now.date() >= r.on or (not due and r.on < due_on):
            due_on, reason, due = r.on, r.reason, due or now.date() >= r.on
            state.followup_event = r.reason
            break
    state.followup_due_on, state.followup_reason, state.due = due_on, reason, due


def doubtful_addresses(states: Mapping[str, RecipientState]) -> dict[str, tuple[str, str]]:
    """Recipient id → (the address that bounced, what the bounce said): the directory view's
    "doubtful address" mark, derived from the log (the directory file is not touched)."""
    found = {}
    for rid, state in states.items():
        bounce = state.bounce
        if bounce is None:
            continue
        address = next((s.contact.address for s in state.letters if s.contact.id == bounce.contact_id), "")
        found[rid] = (address, bounce.detail)
    return found


def letters_in_full(log: LetterSource, contacts: Sequence[Contact]) -> dict[str, LetterState]:
    """The letters ``contacts`` read in full, their events and whole contacts, by id: where
    a letter's digest does not say enough (core/outreach/digest.py)."""
    ids = [c.id for c in contacts]
    events, whole = log.events_by_letter(ids), log.contacts_by_id(ids)
    return {c.id: LetterState.of(whole.get(c.id, c), events.get(c.id, [])) for c in contacts}


def with_bounced_letters(states: Mapping[str, RecipientState]) -> dict[str, RecipientState]:
    """The recipients who can have a doubtful address: a letter of theirs is "bounced"
    (``RecipientState.bounce`` reads no other letter's bounces). A log of 100,000 letters has a
    handful: only their letters need reading in full (:func:`doubtful_addresses_read`)."""
    return {rid: s for rid, s in states.items() if any(letter.status == "bounced" for letter in s.letters)}


def doubtful_addresses_read(
    log: LetterSource, bounced: Mapping[str, RecipientState]
) -> dict[str, tuple[str, str]]:
    """:func:`doubtful_addresses` of the recipients ``with_bounced_letters`` of states read as
    digests (abridged): their letters read again in full, events and whole contacts."""
    full = letters_in_full(log, [letter.contact for s in bounced.values() for letter in s.letters])
    return doubtful_addresses(
        {
            rid: RecipientState(rid, s.name, s.category, [full[letter.contact.id] for letter in s.letters])
            for rid, s in bounced.items()
        }
    )


def status_table(states: Mapping[str, RecipientState]) -> dict[str, frozenset[str]]:
    """Recipient id → the statuses a query matches (recipients not listed have 'none')."""
    return {rid: s.statuses for rid, s in states.items()}
