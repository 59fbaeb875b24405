"""``log status`` reads letters as digests (core/outreach/digest.py): it must say exactly
what reading every event says, on SQLite and on PostgreSQL, whatever the histories; and
read through the driver alone (core/outreach/plain_log.py), what ContactLog reads."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from team_helpers import connect, make_team

from campaign_app.core.outreach.log import ContactLog
from campaign_app.core.outreach.plain_log import PlainLog
from campaign_app.core.outreach.records import Contact, Event, contact_id
from campaign_app.core.outreach.status import Reminder, recipient_states
from campaign_app.core.outreach.team_view import team_summary
from campaign_app.core.outreach.terms import EVENT_KINDS

KINDS = tuple(k for k in EVENT_KINDS if k != "renamed")  # a rename also renames the letter
BASE = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
MEMBERS = ("olena", "Smith, Anna", "x\x1fy", "x\x1ey")  # a comma, and the digest's own separators

an_event = st.tuples(
    st.sampled_from(KINDS),
    st.integers(0, 40),  # days after BASE: few values, so two events often share a time
    st.sampled_from(MEMBERS),
    st.sampled_from(("", "a" * 64, "b" * 64)),  # the file a draft wrote, or that went out
)
a_letter = st.tuples(st.sampled_from(("mep-1", "mep-2", "un-1")), st.lists(an_event, max_size=7))
# Written in the order they happened (as one program writes them), or not (a merge).
a_log = st.tuples(st.lists(a_letter, min_size=1, max_size=6), st.none() | st.randoms(use_true_random=False))

_cases = itertools.count()


def _rows(letters, shuffle: random.Random | None) -> tuple[str, list[Contact], list[Event]]:
    """A case of its own, its letters, and their events (in a shuffled order of writing)."""
    case = f"case-{next(_cases)}"
    contacts, events = [], []
    for n, (rid, history) in enumerate(letters):
        cid = contact_id(rid, case, f"t{n}")
        created = (BASE - dt.timedelta(days=n % 3)).isoformat(timespec="microseconds")
        contacts.append(
            Contact(
                cid,
                rid,
                rid.upper(),
                "mep",
                case,
                f"t{n}",
                "en",
                "email",
                f"{rid}@example.org",
                f"letters/{cid}.pdf",
                "ab" * 32,
                created,
            )
        )
        for k, (kind, day, by, sha) in enumerate(history):
            at = (BASE + dt.timedelta(days=day)).isoformat(timespec="microseconds")
            process = "elsewhere 42" if kind == "sending" else ""
            events.append(Event(f"{cid}-{k}", cid, kind, at, by, "", "email", "", sha, process))
    if shuffle is not None:
        shuffle.shuffle(events)
    return case, contacts, events


def _brief(contact: Contact) -> Contact:
    """What a status table reads of a letter's contact (an abridged state holds no more)."""
    return contact._replace(language="", address="", letter_path="", letter_sha256="", created_at="")


def _letter_facts(letter):
    # A letter read in full keeps its whole contact; an abridged one, its brief.
    assert letter.abridged or letter.contact.address
    return (
        _brief(letter.contact),
        letter.status,
        letter.revised,
        letter.history.went_out,
        letter.sent_at,
        letter.answered_at,
        letter.auto_replied,
        letter.last_kind,
        letter.last_at,
        letter.last_by,
        letter.sent_by,
        letter.status_by,
    )


def _recipient_facts(state):
    latest = state.latest
    return (
        state.status,
        state.statuses,
        state.followup_due_on,
        state.followup_reason,
        state.due,
        (latest.contact.id, latest.last_kind, latest.last_at, latest.last_by),
        [_letter_facts(letter) for letter in state.letters],
    )


def _plain(log: ContactLog, password: str | None = None) -> PlainLog:
    """The same log opened through its driver alone, as ``log status`` opens it."""
    if log.path is not None:
        plain = PlainLog.open(log.path)
        assert plain is not None  # a current log: no upgrade in memory
        return plain
    return PlainLog.connect(log.location, password)


def _both_ways(log: ContactLog, case: str, plain: PlainLog | None = None):
    """Every letter read in full, and as digests; and (given ``plain``) both again
    through the driver alone."""
    reminders = [Reminder(dt.date(2026, 10, 20), "hearing on 2026-10-20")]
    sources = (log,) if plain is None else (log, plain)
    return [
        recipient_states(source, case, 14, NOW, reminders, abridged=abridged)
        for source in sources
        for abridged in (False, True)
    ]


def _assert_same(full, *others) -> None:
    def summary(states):
        letters = [letter for state in states.values() for letter in state.letters]
        return team_summary(letters, NOW, alive=lambda process: None)

    for other in others:
        assert list(full) == list(other)  # the same recipients, in the same order
        for rid in full:
            assert _recipient_facts(other[rid]) == _recipient_facts(full[rid]), rid
        assert summary(other) == summary(full)


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(a_log)
def test_digests_say_what_the_whole_histories_say_on_sqlite(generated):
    letters, shuffle = generated
    case, contacts, events = _rows(letters, shuffle)
    with tempfile.TemporaryDirectory() as folder, ContactLog.open(Path(folder) / "campaign.db") as log:
        log.import_rows(contacts, events, "olena", "test")
        with _plain(log) as plain:
            ways = _both_ways(log, case, plain)
    _assert_same(*ways)


@pytest.fixture(scope="module")
def team_log(pg_cluster):
    """One team database for the module's examples (each example has a case of its own)."""
    from pg_server import PgDatabase

    db = PgDatabase(pg_cluster, pg_cluster.create_database())
    make_team(db)
    with (
        connect(db, "carol") as log,  # histories are merged in: a coordinator's work
        _plain(log, db.cluster.password("carol")) as plain,
    ):
        yield log, plain
    pg_cluster.drop_database(db.name)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a_log)
def test_digests_say_what_the_whole_histories_say_on_postgresql(team_log, generated):
    letters, shuffle = generated
    case, contacts, events = _rows(letters, shuffle)
    log, plain = team_log
    log.import_rows(contacts, events, "carol", "test")
    _assert_same(*_both_ways(log, case, plain))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_log(request, tmp_path):
    """A log, and its member's password (None for campaign.db)."""
    if request.param == "sqlite":
        with ContactLog.open(tmp_path / "campaign.db") as log:
            yield log, None
        return
    db = request.getfixturevalue("pg_database")
    make_team(db)
    with connect(db, "carol") as log:  # histories are merged in: a coordinator's work
        yield log, db.cluster.password("carol")


def test_a_plain_log_is_read_as_digests_and_only_a_doubtful_letter_in_full(any_log):
    """The fast way is the one taken: letters whose events are in order are abridged; the
    one whose status depends on its files (a draft after it went out) is read in full."""
    history = [("drafted", 0, "olena", "a" * 64), ("sending", 1, "olena", ""), ("sent", 2, "olena", "a" * 64)]
    revised = [*history, ("drafted", 5, "olena", "b" * 64)]
    letters = [("mep-1", history), ("mep-2", [*history, ("replied", 9, "olena", "")]), ("un-1", revised)]
    case, contacts, events = _rows(letters, None)  # written in the order they happened
    log, password = any_log
    log.import_rows(contacts, events, "carol", "test")

    with _plain(log, password) as plain:
        full, abridged, plain_full, plain_abridged = _both_ways(log, case, plain)

    _assert_same(full, abridged, plain_full, plain_abridged)
    for states in (abridged, plain_abridged):
        assert {rid: [letter.abridged for letter in s.letters] for rid, s in states.items()} == {
            "mep-1": [True],
            "mep-2": [True],
            "un-1": [False],
        }
        assert states["un-1"].statuses == {"sent", "revised", "followup-due"}
        assert states["un-1"].letters[0].contact.address == "un-1@example.org"  # read whole
        assert states["mep-2"].status == "replied"
        with pytest.raises(ValueError, match="abridged"):
            states["mep-1"].bounce  # noqa: B018 (a doubtful address needs the events themselves)


@pytest.mark.parametrize(
    ("times", "rising"),
    [
        (["1", "2", "3"], True),
        (["1", "2", "2"], False),  # a tie: only the order written can say, the events are read
        (["1", "3", "2"], False),
        (["1", "2", "3", "4"], True),
        (["1", "2", "4", "4"], False),
        (["2", "1", "3", "4"], False),
        (["1", "2", "3", "4", "5"], True),
        (["1", "2", "3", "5", "5"], False),
        (["1", "1"], False),
        (["1"], True),
    ],
)
def test_a_digest_is_used_only_where_its_times_rise_strictly(times, rising):
    from campaign_app.core.outreach.digest import _rising

    assert _rising(times) is rising


def test_events_of_the_same_microsecond_are_read_in_the_order_written(any_log):
    """Two events at one time: the order written decides (a reply read from the inbox in the
    same microsecond as the letter's "sent" comes after it), whichever id sorts first, through
    ContactLog and through the driver alone."""
    log, password = any_log
    case, contacts, _ = _rows([("mep-1", [])], None)
    cid = contacts[0].id
    at = BASE.isoformat(timespec="microseconds")
    written = [
        Event(f"z-{cid}", cid, "sent", at, "olena", "", "email"),
        Event(f"a-{cid}", cid, "replied", at, "olena", "", "email"),
    ]
    log.import_rows(contacts, written, "carol", "test")

    with _plain(log, password) as plain:
        for source in (log, plain):
            assert [e.kind for e in source.events_by_letter()[cid]] == ["sent", "replied"]
            assert [e.kind for e in source.events_by_letter([cid])[cid]] == ["sent", "replied"]
        assert [e.kind for e in log.events(cid)] == ["sent", "replied"]
        assert {s.status for s in recipient_states(plain, case, 14, NOW).values()} == {"replied"}
