"""Letter states read from digests: ``log status`` over a whole team's log, fast.

A coordinator's ``log status`` reads every letter of the case: 100,000 letters and their
300,000 events. Building every event in Python costs seconds, though the table needs only a
few facts per letter. So the database hands over one row per letter, its *digest*: the
letter, its events' kinds and members (its *shape*), and their times, each joined in the
order they happened (``LetterSource.letter_digests``). The database keeps each digest beside
the letter's events, renewed by its own trigger in the transaction that changes them
(migration 0007): reading them is one pass over one row per letter. The rules
are not written again for digests: a letter's status is still :func:`read_history`, and its
facts are still :func:`letter_facts`, run once per distinct shape (a log of 100,000 letters
has a few dozen) over stand-in events that carry their position, which then picks the times
and members out of the digest.

The digest says the same as the whole history, or it is not used: the letter's events are
read in full instead when

- the history's status depends on more than the kinds (a draft after the letter went out:
  revised or not depends on the files' digests), or the letter is uncertain (whether its
  claim is someone sending now depends on the claim's program);
- the digest cannot be proven in order: its times must rise strictly, which leaves no
  other order than the one the events happened in (two events at the same microsecond,
  where the order written decides, are read in full); or a member's name holds one of
  the separators.

So a digest is trusted for its order and its parts only where they prove themselves; that
it holds all of the letter's events is the database's promise (its trigger, which no
member's program can bypass or write around).

tests/core/outreach/test_log_digest.py checks that both ways give the same states, on
SQLite and on PostgreSQL, for generated histories.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any, NamedTuple

from campaign_app.core.outreach.records import (
    DIGEST_FIELD,
    DIGEST_SEPARATOR,
    Contact,
    Event,
    History,
    parse_time,
    read_history,
)
from campaign_app.core.outreach.status import LetterState, last_of_kind, letter_facts, letters_in_full
from campaign_app.core.outreach.store import LetterSource

# Join a letter's events in its digest, and each event's kind to its member (as the
# database joins them: schema.py; a digest whose parts do not split evenly is not used).
SEPARATOR = DIGEST_SEPARATOR
FIELD = DIGEST_FIELD


class _Plan(NamedTuple):
    """What one sequence of kinds says, with the events it names given by position."""

    history: History  # status, went out, revised: no events
    exact: bool  # False: the kinds alone do not decide; read the letter's events
    went_out: int  # positions, -1 for none
    answered: int
    sent: int
    status_event: int
    auto_replied: bool
    size: int  # how many events
    last_kind: str


_plans: dict[str, _Plan] = {}


def plan_of(kinds: str) -> _Plan:
    """The plan for one sequence of kinds (``SEPARATOR``-joined), made once per process."""
    plan = _plans.get(kinds)
    if plan is None:
        plan = _plans[kinds] = _make_plan(kinds.split(SEPARATOR))
    return plan


def _make_plan(kinds: list[str]) -> _Plan:
    """Run the rules over stand-in events whose id is their position. ``read_history`` reads
    nothing of an event but its kind and file digest: run with every file the same and with
    every file different, the status agrees whenever the files cannot change it."""
    same = [Event(str(i), "", kind, "", "", "", "") for i, kind in enumerate(kinds)]
    different = [e._replace(letter_sha256=e.id) for e in same]
    history, other = read_history(same), read_history(different)
    went_out, answered, auto = letter_facts(same)
    status_event = last_of_kind(same, history.status)
    exact = history == _without_files(other) and history.status != "uncertain"

    def at(event: Event | None) -> int:
        return int(event.id) if event is not None else -1

    return _Plan(
        History(history.status, history.went_out, history.revised),
        exact,
        at(went_out),
        at(answered),
        at(history.sent),
        at(status_event),
        auto,
        len(kinds),
        kinds[-1],
    )


def _without_files(history: History) -> History:
    """``history`` as the same-files run would give it (its events without their files)."""

    def plain(e: Event | None) -> Event | None:
        return e._replace(letter_sha256="") if e is not None else None

    return History(
        history.status, history.went_out, history.revised, plain(history.sent), plain(history.claim)
    )


def letter_states(log: LetterSource, case_id: str | None) -> list[LetterState]:
    """Every letter of the case (all cases: None), in the log's order, abridged where its
    digest says what its history says (see the module's docstring). An abridged letter's
    contact is brief (``LetterSource.contact_briefs``); a letter read in full is whole.

    Run over 100,000 letters by ``log status``: the abridging is written in the loop, each
    step the cheapest that says it (a call per letter was a fifteenth of the loop)."""
    rows = log.letter_digests()
    digest_of = dict(zip(map(itemgetter(0), rows), rows, strict=True)).get
    shapes: dict[str, _Shape | None] = {}
    letters: list[LetterState | Contact] = []
    add = letters.append
    unread: list[Contact] = []
    for contact in log.contact_briefs(case_id):
        digest = digest_of(contact.id)
        if digest is None:
            add(LetterState(contact, [], _NO_EVENTS, abridged=True))
            continue
        joined = digest[1]
        shape = shapes.get(joined, _UNSEEN)
        if shape is _UNSEEN:
            shape = shapes[joined] = _shape_of(joined)
        times = digest[2].split(SEPARATOR)
        if shape is None or len(times) != shape.plan.size or not _rising(times):
            unread.append(contact)  # only the events can say (see the module's docstring)
            add(contact)
            continue
        plan, members = shape.plan, shape.members
        went_out, answered = plan.went_out, plan.answered
        add(
            LetterState(
                contact,
                [],
                plan.history,
                _utc(times[went_out]) if went_out >= 0 else None,
                _utc(times[answered]) if answered >= 0 else None,
                plan.auto_replied,
                plan.last_kind,
                times[-1],
                shape.member,
                shape.sent_by,
                shape.status_by,
                True,
                None if members is None else _latest_by_member(members, times),
            )
        )
    if not unread:
        return letters  # type: ignore[return-value]
    full = letters_in_full(log, unread)
    return [full[x.id] if isinstance(x, Contact) else x for x in letters]


_NO_EVENTS = read_history(())  # a letter without events
_UNSEEN: Any = object()  # a shape not yet worked out (None: one that does not decide)


class _Shape(NamedTuple):
    """What a digest's kinds and members say, whatever its times: a log of 100,000 letters
    has a few dozen shapes, so each is worked out once (``_shape_of``)."""

    plan: _Plan
    member: str  # who did the last event
    members: list[str] | None  # every event's member; None: one member did them all
    sent_by: str
    status_by: str | None


def _shape_of(joined: str) -> _Shape | None:
    """The shape of a digest's kinds and members, or None when its kinds do not decide its
    status, or it does not split into one kind and one member per event (a member's name
    holds a separator)."""
    events = [event.split(FIELD) for event in joined.split(SEPARATOR)]
    if any(len(event) != 2 for event in events):
        return None
    plan = plan_of(SEPARATOR.join(kind for kind, _ in events))
    if not plan.exact:
        return None
    each = [member for _, member in events]
    return _Shape(
        plan,
        each[-1],
        None if len(set(each)) == 1 else each,
        each[plan.sent] if plan.sent >= 0 else "",
        each[plan.status_event] if plan.status_event >= 0 else None,
    )


def _utc(at: str) -> dt.datetime:
    """``parse_time``, for the times the log writes (with their offset), in one call."""
    value = _from_iso(at)
    return value if value.tzinfo is not None else parse_time(at)


_from_iso = dt.datetime.fromisoformat


def _rising(times: list[str]) -> bool:
    """Whether the times rise strictly. Most letters have three or four events: compared
    directly, which costs a tenth of the general way."""
    if len(times) == 3:
        return times[0] < times[1] < times[2]
    if len(times) == 4:
        return times[0] < times[1] < times[2] < times[3]
    return all(map(str.__lt__, times, times[1:]))


def _latest_by_member(members: list[str], times: list[str]) -> tuple[tuple[str, str], ...]:
    """Each member's latest event in this letter (member, time), for the team's summary."""
    latest: dict[str, str] = {}
    for by, at in zip(members, times, strict=True):
        latest[by] = at  # in order: the last seen is the latest
    return tuple(latest.items())
