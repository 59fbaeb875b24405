"""Each letter's digest is kept by the database itself (migration 0007): it follows every
change to the letter's events, whoever makes it and however many at once, and nobody's
program can write it (the coordinator's view must not say what the events do not)."""

from __future__ import annotations

import threading
import time
from unittest.mock import ANY

import psycopg
import pytest
from log_helpers import letter
from team_helpers import connect, make_team

from campaign_app.core.outreach.digest import letter_states
from campaign_app.core.outreach.log import ContactLog


@pytest.fixture
def team(pg_database):
    make_team(pg_database)
    return pg_database


def _sent_letter(team) -> str:
    with connect(team, "anna") as log:
        claim = log.claim(
            letter(), "anna", "sending", channel="email", letter_path="x", letter_sha256="a" * 64
        )
        log.add_event(claim.contact_id, "sent", "anna")
    return claim.contact_id


def _shape(team, cid: str) -> list[str]:
    with connect(team, "carol") as log:
        digests = {row[0]: row for row in log.letter_digests()}
    return digests[cid][1].split("\x1f") if cid in digests else []


@pytest.mark.parametrize("user", ["anna", "carol"])  # a volunteer; the coordinator who owns the tables
def test_no_member_writes_a_digest_not_even_the_tables_owner(team, user):
    cid = _sent_letter(team)
    for statement in (
        "UPDATE letter_digests SET shape = 'replied\x1eanna'",
        "DELETE FROM letter_digests",
        f"INSERT INTO letter_digests VALUES ('{cid}x', 'replied\x1eanna', '2026-01-01')",
    ):
        with team.connect(user) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    with team.connect("carol") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("TRUNCATE letter_digests")
    assert _shape(team, cid) == ["drafted\x1eanna", "sending\x1eanna", "sent\x1eanna"]


def test_a_coordinators_correction_of_an_event_renews_the_digest(team):
    cid = _sent_letter(team)
    with team.connect("carol") as conn:
        conn.execute("UPDATE events SET kind = 'failed' WHERE contact_id = %s AND kind = 'sent'", (cid,))
    assert _shape(team, cid) == ["drafted\x1eanna", "sending\x1eanna", "failed\x1eanna"]
    with team.connect("carol") as conn:
        conn.execute("DELETE FROM events WHERE contact_id = %s AND kind <> 'drafted'", (cid,))
    assert _shape(team, cid) == ["drafted\x1eanna"]
    with team.connect("carol") as conn:
        conn.execute("DELETE FROM events WHERE contact_id = %s", (cid,))
    assert _shape(team, cid) == []  # no events, no digest: the letter reads as never drafted
    with connect(team, "carol") as log:
        [state] = letter_states(log, None)
    assert (state.contact.id, state.last_kind, state.last_at) == (cid, "", "")


def test_two_members_writing_to_one_letter_at_once_leave_both_events_in_its_digest(team):
    """The second member's trigger waits for the first one's transaction, then reads its
    event: without the lock it would read the letter's events without the first's."""
    cid = _sent_letter(team)
    first = team.connect("anna")
    first.execute("BEGIN")
    first.execute(
        "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('r1', %s, 'replied', '', '')", (cid,)
    )
    done = threading.Event()

    def second_member() -> None:
        with team.connect("boris") as conn:
            conn.execute(
                "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('n1', %s, 'note', '', '')", (cid,)
            )
        done.set()

    thread = threading.Thread(target=second_member)
    thread.start()
    time.sleep(0.5)
    assert not done.is_set()  # waiting for the first member's transaction
    first.execute("COMMIT")
    first.close()
    thread.join(10)
    assert done.is_set()
    assert _shape(team, cid)[-2:] == ["replied\x1eanna", "note\x1eboris"]


def _team_at_revision_6(db) -> tuple[str, str]:
    """carol's team log as the previous version of the program made it (revision 6, no roles
    yet); returns the names of its (volunteers, coordinators) roles, not yet created."""
    from team_helpers import hand_to_coordinator, location

    from campaign_app.core.outreach.database import postgres_engine
    from campaign_app.core.outreach.team import role_names
    from campaign_app.core.outreach.upgrade import migrate

    hand_to_coordinator(db)
    engine = postgres_engine(location(db, "carol"), db.cluster.password("carol"))
    with engine.connect() as conn, conn.begin():
        migrate(conn, to="0006")
    engine.dispose()
    return role_names(db.name)


def test_a_team_upgraded_to_revision_7_has_its_letters_digests_and_its_volunteers_read_them(pg_database):
    """A team's log from before: the letters already recorded get their digests, and a
    volunteer granted then (whose role had no such table to read) reads them after
    ``log upgrade``, with nothing granted again."""
    from team_helpers import location

    db = pg_database
    volunteers, _ = _team_at_revision_6(db)
    db.cluster.add_user("anna")
    with db.connect("carol") as conn:  # what 'log grant anna' gave a volunteer at revision 6
        conn.execute(f'CREATE ROLE "{volunteers}" NOLOGIN')
        conn.execute(f'GRANT USAGE ON SCHEMA public TO "{volunteers}"')
        conn.execute(f'GRANT SELECT ON alembic_version TO "{volunteers}"')
        conn.execute(f'GRANT SELECT, INSERT ON contacts, events, inbox_positions TO "{volunteers}"')
        conn.execute(f'GRANT "{volunteers}" TO anna')
    coordinator = ContactLog.connect(location(db, "carol"), db.cluster.password("carol"), check_schema=False)
    with coordinator:
        claim = coordinator.claim(
            letter(), "carol", "sending", channel="email", letter_path="x", letter_sha256="a" * 64
        )
        coordinator.add_event(claim.contact_id, "sent", "carol")
        assert "0006 to 0007" in coordinator.upgrade_schema()
    with connect(db, "anna") as log:
        assert log.letter_digests() == [
            (claim.contact_id, "drafted\x1ecarol\x1fsending\x1ecarol\x1fsent\x1ecarol", ANY)
        ]
        [state] = letter_states(log, None)
    assert (state.status, state.sent_by, state.abridged) == ("sent", "carol", True)


def test_a_coordinator_who_does_not_own_the_tables_is_told_whose_upgrade_it_is(pg_database):
    """Boris, a coordinator, ran 'log upgrade' on the team's log of revision 6: refused by the
    server, he was told to have himself made a coordinator, which he was."""
    from team_helpers import location

    from campaign_app.core.common.errors import UserError

    db = pg_database
    volunteers, coordinators = _team_at_revision_6(db)
    db.cluster.add_user("boris")
    with db.connect("carol") as conn:  # what 'log grant boris --coordinator' gave at revision 6
        conn.execute(f'CREATE ROLE "{volunteers}" NOLOGIN')
        conn.execute(f'CREATE ROLE "{coordinators}" NOLOGIN')
        conn.execute(f'GRANT "{volunteers}" TO "{coordinators}"')
        conn.execute(f'GRANT USAGE ON SCHEMA public TO "{volunteers}"')
        conn.execute(f'GRANT SELECT ON alembic_version TO "{volunteers}"')
        conn.execute(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON contacts, events, inbox_positions TO "{coordinators}"'
        )
        conn.execute(f'GRANT "{coordinators}" TO boris')
    boris = ContactLog.connect(location(db, "boris"), db.cluster.password("boris"), check_schema=False)
    with boris, pytest.raises(UserError) as refused:
        boris.upgrade_schema()
    assert refused.value.message == (
        "the log's schema belongs to database user 'carol', who created it: 'boris' may not upgrade it"
    )
    assert refused.value.hint == "ask carol to run 'campaign-app log upgrade'"


def test_an_event_written_by_hand_must_have_a_known_kind_and_a_time_that_sorts(team):
    """Found by trying them: a coordinator's correction typed in psql's way of showing times
    sorted before the letter's claim and made a sent letter "uncertain" (a resend then sent
    it twice); a volunteer's event kind could hold a terminal's escape codes."""
    cid = _sent_letter(team)
    with team.connect("carol") as conn, pytest.raises(psycopg.errors.CheckViolation, match="ISO 8601"):
        conn.execute(
            "UPDATE events SET at = '2026-12-05 03:00:00+00' WHERE contact_id = %s AND kind = 'sent'", (cid,)
        )
    with (
        team.connect("anna") as conn,
        pytest.raises(psycopg.errors.CheckViolation, match="kind must be one of"),
    ):
        conn.execute(
            "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('x', %s, %s, '', '')",
            (cid, "\x1b[2Jreplied"),
        )
    with team.connect("carol") as conn:  # a correction in the program's own form is taken
        conn.execute(
            "UPDATE events SET at = '2026-01-05T03:00:00.000000+00:00' WHERE contact_id = %s AND kind = 'drafted'",
            (cid,),
        )
    assert _shape(team, cid) == ["drafted\x1eanna", "sending\x1eanna", "sent\x1eanna"]


def test_two_merges_into_the_same_letters_at_once_both_finish(team):
    """Each event renews its letter's digest under the letter's lock: two coordinators
    merging volunteers' logs at once, adding to the same letters in opposite orders,
    deadlocked (one merge failed) until a merge took its letters' locks all at once, in order."""
    from campaign_app.core.outreach.records import Event

    with connect(team, "carol") as log:
        log.record_drafts([letter(f"mep-{i}", name=f"MEP {i}") for i in range(300)], "carol")
        ids = sorted(c.id for c in log.contacts())
    contacts_ = []

    def merge(name: str, order: list[str], failures: list[BaseException]) -> None:
        events = [
            Event(f"{name}-{cid}", cid, "note", f"2026-01-02T10:00:00.{n:06d}+00:00", name, "", "")
            for n, cid in enumerate(order)
        ]
        try:
            with connect(team, "carol") as log:
                log.import_rows(contacts_, events, source=name)
        except BaseException as exc:
            failures.append(exc)

    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=merge, args=("first.db", ids, failures)),
        threading.Thread(target=merge, args=("second.db", ids[::-1], failures)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    with connect(team, "carol") as log:
        digests = {cid: shape.count("note") for cid, shape, _ in log.letter_digests()}
    assert set(digests.values()) == {2} and len(digests) == 300


def test_the_digest_follows_an_insert_or_ignore_on_campaign_db(tmp_path):
    """SQLite lets an outer INSERT OR IGNORE impose its rule on a trigger's statements: an
    INSERT OR REPLACE of the digest was ignored, and the digest said "drafted" of a letter sent."""
    import sqlite3

    with ContactLog.open(tmp_path / "campaign.db") as log:
        log.record_drafts([letter()], "olena")
        [contact] = log.contacts()
    with sqlite3.connect(tmp_path / "campaign.db") as conn:
        conn.execute(
            "INSERT OR IGNORE INTO events (id, contact_id, kind, at, by) VALUES ('s', ?, 'sent', ?, 'olena')",
            (contact.id, "2030-01-01T00:00:00.000000+00:00"),
        )
    with ContactLog.open(tmp_path / "campaign.db") as log:
        [(_, shape, _times)] = log.letter_digests()
        [state] = letter_states(log, None)
    assert shape == "drafted\x1eolena\x1fsent\x1eolena"
    assert state.status == "sent"


def test_emptying_the_events_empties_the_digests(team):
    """TRUNCATE fires no row's trigger: the tables' owner emptying the events left every
    letter's digest, and log status said "sent" of letters with no history."""
    _sent_letter(team)
    with team.connect("carol") as conn:
        conn.execute("TRUNCATE events")
        assert conn.execute("SELECT count(*) FROM letter_digests").fetchone() == (0,)


def test_the_team_log_takes_every_kind_of_event_the_program_writes():
    """Revision 0007 lists the kinds a team's log takes (a migration keeps its own copy): a
    kind added to the program without a revision taking it would be refused by the server."""
    import importlib.util

    from campaign_app.core.outreach.terms import EVENT_KINDS
    from campaign_app.core.outreach.upgrade import MIGRATIONS

    spec = importlib.util.spec_from_file_location("r0007", MIGRATIONS / "versions" / "0007_letter_digests.py")
    assert spec is not None and spec.loader is not None
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    assert set(revision._KINDS) == set(EVENT_KINDS)
