"""``log status`` reads letters as digests (core/outreach/digest.py): it must say exactly
what reading every event says, on SQLite and on PostgreSQL, whatever the histories."""

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


def _both_ways(log: ContactLog, case: str):
    reminders = [Reminder(dt.date(2026, 10, 20), "hearing on 2026-10-20")]
    return [recipient_states(log, case, 14, NOW, reminders, abridged=abridged) for abridged in (False, True)]


def _assert_same(full, abridged) -> None:
    assert list(full) == list(abridged)  # the same recipients, in the same order
    for rid in full:
        assert _recipient_facts(abridged[rid]) == _recipient_facts(full[rid]), rid

    def summary(states):
        letters = [letter for state in states.values() for letter in state.letters]
        return team_summary(letters, NOW, alive=lambda process: None)

    assert summary(abridged) == summary(full)


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
        full, abridged = _both_ways(log, case)
    _assert_same(full, abridged)


@pytest.fixture(scope="module")
def team_log(pg_cluster):
    """One team database for the module's examples (each example has a case of its own)."""
    from pg_server import PgDatabase

    db = PgDatabase(pg_cluster, pg_cluster.create_database())
    make_team(db)
    with connect(db, "carol") as log:  # histories are merged in: a coordinator's work
        yield log
    pg_cluster.drop_database(db.name)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a_log)
def test_digests_say_what_the_whole_histories_say_on_postgresql(team_log, generated):
    letters, shuffle = generated
    case, contacts, events = _rows(letters, shuffle)
    team_log.import_rows(contacts, events, "carol", "test")
    full, abridged = _both_ways(team_log, case)
    _assert_same(full, abridged)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_log(request, tmp_path):
    if request.param == "sqlite":
        with ContactLog.open(tmp_path / "campaign.db") as log:
            yield log
        return
    db = request.getfixturevalue("pg_database")
    make_team(db)
    with connect(db, "carol") as log:  # histories are merged in: a coordinator's work
        yield log


def test_a_plain_log_is_read_as_digests_and_only_a_doubtful_letter_in_full(any_log):
    """The fast way is the one taken: letters whose events are in order are abridged; the
    one whose status depends on its files (a draft after it went out) is read in full."""
    history = [("drafted", 0, "olena", "a" * 64), ("sending", 1, "olena", ""), ("sent", 2, "olena", "a" * 64)]
    revised = [*history, ("drafted", 5, "olena", "b" * 64)]
    letters = [("mep-1", history), ("mep-2", [*history, ("replied", 9, "olena", "")]), ("un-1", revised)]
    case, contacts, events = _rows(letters, None)  # written in the order they happened
    any_log.import_rows(contacts, events, "carol", "test")

    full, abridged = _both_ways(any_log, case)

    _assert_same(full, abridged)
    assert {rid: [letter.abridged for letter in s.letters] for rid, s in abridged.items()} == {
        "mep-1": [True],
        "mep-2": [True],
        "un-1": [False],
    }
    assert abridged["un-1"].statuses == {"sent", "revised", "followup-due"}
    assert abridged["mep-2"].status == "replied"
    with pytest.raises(ValueError, match="abridged"):
        abridged["mep-1"].bounce  # noqa: B018 (a doubtful address needs the events themselves)


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
