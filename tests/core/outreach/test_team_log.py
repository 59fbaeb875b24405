"""The contact log's rules on both engines (SQLite and a real PostgreSQL), and what only a
team's log adds: the server says who and when, volunteers cannot rewrite history,
coordinators may, and the schema is the coordinator's to create."""

from __future__ import annotations

import psycopg
import pytest
from log_helpers import letter
from team_helpers import connect, location, make_team

from campaign_app.core.common.errors import UserError
from campaign_app.core.outreach.log import ContactLog
from campaign_app.core.outreach.records import Contact, Event


@pytest.fixture(params=["sqlite", "postgresql"])
def open_log(request, tmp_path):
    """A function giving the log as a member sees it: campaign.db, or the team's database as anna."""
    if request.param == "sqlite":
        return lambda user="anna": ContactLog.open(tmp_path / "campaign.db")
    db = request.getfixturevalue("pg_database")
    make_team(db)
    return lambda user="anna": connect(db, user)


def test_a_claim_is_granted_once_and_the_second_sender_is_told_who_has_it(open_log):
    with open_log("anna") as first, open_log("boris") as second:
        mine = first.claim(
            letter(), "anna", "sending", channel="email", letter_path="x", letter_sha256="a" * 64
        )
        theirs = second.claim(
            letter(), "boris", "sending", channel="email", letter_path="x", letter_sha256="a" * 64
        )
    assert mine.granted and not theirs.granted
    assert theirs.history.status == "uncertain"  # a claim nobody finished: being sent, or lost
    assert theirs.history.claim is not None and theirs.history.claim.by == "anna"


def test_history_is_kept_in_the_order_it_happened(open_log):
    with open_log() as log:
        cid = log.claim(
            letter(), "anna", "", channel="email", letter_path="x", letter_sha256="a" * 64
        ).contact_id
        log.add_event(cid, "sent", "anna", "250 OK", "email", message_id="<m1@example.org>")
        log.mark("ua-president", "replied", "anna", note="thanks")
        kinds = [e.kind for e in log.events(cid)]
        sent = [e for e in log.events(cid) if e.kind == "sent"]
    assert kinds == ["drafted", "sending", "sent", "replied"]
    assert sent[0].message_id == "<m1@example.org>"


def test_an_event_with_a_known_id_is_added_once(open_log):
    with open_log() as log:
        cid = log.record_drafts([letter()], "anna") and log.contacts()[0].id
        for _ in range(2):
            log.add_event(cid, "note", "anna", "reply read from the inbox", event_id="inbox-1")
        assert [e.id for e in log.events(cid) if e.kind == "note"] == ["inbox-1"]


def test_inbox_positions_are_remembered_and_moved_on(open_log):
    with open_log() as log:
        assert log.inbox_position("anna@example.org", "INBOX") is None
        log.set_inbox_position("anna@example.org", "INBOX", 7, 100)
        log.set_inbox_position("anna@example.org", "INBOX", 7, 140)
        assert log.inbox_position("anna@example.org", "INBOX") == (7, 140)


def test_a_merge_keeps_the_other_logs_author_and_adds_nothing_twice(open_log):
    contact = Contact(
        "c1", "mep-1", "Anna Example", "mep", "case", "appeal", "en", "email", "", "", "", "2026-01-01"
    )
    event = Event("e1", "c1", "sent", "2026-01-02T10:00:00.000000+00:00", "Olena", "by hand", "post")
    with open_log("carol") as log:  # merging in is a coordinator's (on a team's log)
        assert log.import_rows([contact], [event], "carol", "olena.db") == (1, 1)
        assert log.import_rows([contact], [event], "carol", "olena.db") == (0, 0)
        (merged,) = log.events("c1")
        origin = _origin(log, "e1")
    assert merged.at == "2026-01-02T10:00:00.000000+00:00"  # when it happened, not when merged
    assert "recorded there by Olena" in origin


def _origin(log, event_id: str) -> str:
    from sqlalchemy import select

    from campaign_app.core.outreach.schema import events

    with log.transaction() as conn:
        return conn.execute(select(events.c.origin).where(events.c.id == event_id)).scalar_one()


# ---- only a team's log ---------------------------------------------------------------------


@pytest.fixture
def team(pg_database):
    make_team(pg_database)
    return pg_database


def test_by_is_the_database_user_whatever_the_program_says(team):
    with connect(team, "anna") as log:
        cid = log.record_drafts([letter()], "carol (forged)") and log.contacts()[0].id
        log.add_event(cid, "note", "boris", "written by anna")
        assert {e.by for e in log.events(cid)} == {"anna"}
    with team.connect("anna") as conn:  # not even by hand, in SQL
        conn.execute(
            "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('x', %s, 'note', '2000-01-01', 'carol')",
            (cid,),
        )
        assert conn.execute("SELECT by, at > '2026' FROM events WHERE id = 'x'").fetchone() == ("anna", True)


def test_a_volunteer_cannot_change_or_delete_history_but_a_coordinator_may(team):
    with connect(team, "anna") as log:
        log.record_drafts([letter()], "anna")
    with team.connect("anna") as conn:
        for statement in ("DELETE FROM events", "UPDATE events SET kind = 'replied'", "DELETE FROM contacts"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE contacts SET case_id = 'other'")
    with team.connect("carol") as conn:
        assert conn.execute("UPDATE events SET detail = 'corrected'").rowcount == 1
    with connect(team, "anna") as log, pytest.raises(UserError, match="may not do this") as info:
        log.rename("case", "test-case", "renamed", "anna")
    assert "log grant anna" in (info.value.hint or "")


def test_a_volunteer_cannot_backdate_work_even_as_a_merge(team):
    """An event with an origin keeps the time it claims (a merge keeps when it happened):
    only a coordinator may write one. A volunteer could record a reply of 2020."""
    contact = Contact(
        "c1", "mep-1", "Anna Example", "mep", "case", "appeal", "en", "email", "", "", "", "2026-01-01"
    )
    event = Event("e1", "c1", "replied", "2020-01-02T10:00:00.000000+00:00", "boris", "by hand", "post")
    with connect(team, "anna") as log, pytest.raises(UserError, match="may not do this") as info:
        log.import_rows([contact], [event], "anna", "forged.csv")
    assert "only a coordinator may merge history from another log" in info.value.message
    with team.connect("anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO events (id, contact_id, kind, at, by, origin) "
            "VALUES ('x', 'c1', 'replied', '2020-01-01T00:00:00+00:00', 'anna', 'merge:whatever')"
        )
    with connect(team, "carol") as log:  # the coordinator's merge keeps the times
        assert log.import_rows([contact], [event], "carol", "olena.db") == (1, 1)
        assert [e.at for e in log.events("c1")] == ["2020-01-02T10:00:00.000000+00:00"]


def test_a_volunteer_cannot_rewrite_where_a_sent_letter_went(team):
    with connect(team, "anna") as log:
        cid = log.record_drafts([letter(channel="email")], "anna") and log.contacts()[0].id
        log.add_event(cid, "sent", "anna", "250 OK", "email")
        log.mark("ua-president", "sent", "anna", channel="post", template_id="appeal-uk")  # by post too
        assert log.contacts()[0].channel == "email", "what went out keeps its channel"
    with team.connect("anna") as conn:
        for statement in (
            "UPDATE contacts SET address = 'evil@x.org'",
            "UPDATE contacts SET channel = 'post'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        conn.rollback()
        assert conn.execute("UPDATE contacts SET recipient_name = 'Володимир Зеленський'").rowcount == 1
    with team.connect("carol") as conn:
        assert conn.execute("UPDATE contacts SET address = 'corrected'").rowcount == 1


def test_a_member_on_a_missing_or_old_schema_is_told_to_ask_for_log_upgrade(pg_database):
    with pytest.raises(UserError, match="has no contact log yet") as info:
        connect(pg_database, "carol")
    assert "log upgrade" in (info.value.hint or "")
    make_team(pg_database)
    with pg_database.admin_connect() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    with pytest.raises(UserError, match="older version") as info:
        connect(pg_database, "anna")
    with pg_database.admin_connect() as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(UserError, match="newer version"):
        connect(pg_database, "anna")


def test_a_team_log_of_revision_4_is_upgraded_by_log_upgrade_and_read_from_its_index(pg_database):
    from team_helpers import hand_to_coordinator

    from campaign_app.core.outreach.database import postgres_engine
    from campaign_app.core.outreach.upgrade import migrate

    hand_to_coordinator(pg_database)
    engine = postgres_engine(location(pg_database, "carol"), pg_database.cluster.password("carol"))
    with engine.connect() as conn, conn.begin():
        migrate(conn, to="0004")  # the schema the previous version of the program made
    engine.dispose()
    with pytest.raises(UserError, match="older version"):
        connect(pg_database, "carol")
    coordinator = ContactLog.connect(
        location(pg_database, "carol"), pg_database.cluster.password("carol"), check_schema=False
    )
    with coordinator:
        assert "0004" in coordinator.upgrade_schema()
        coordinator.grant("carol", coordinator=True)
    with connect(pg_database, "carol") as log:
        claim = log.claim(
            letter(), "carol", "sending", channel="email", letter_path="x", letter_sha256="a" * 64
        )
        log.add_event(claim.contact_id, "sent", "carol")
        [(cid, shape, times)] = log.letter_digests()
    assert cid == claim.contact_id
    assert shape.split("\x1f") == ["drafted\x1ecarol", "sending\x1ecarol", "sent\x1ecarol"]
    assert len(times.split("\x1f")) == 3
    with pg_database.admin_connect() as conn:
        [definition] = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_by_contact'")
    assert "(contact_id, at, kind, by)" in definition[0]


def test_log_upgrade_twice_changes_nothing(team):
    coordinator = ContactLog.connect(
        location(team, "carol"), team.cluster.password("carol"), check_schema=False
    )
    with coordinator:
        assert "nothing changed" in coordinator.upgrade_schema()


def test_a_wrong_password_and_a_server_that_is_down_are_plain_messages(team):
    with pytest.raises(UserError, match="password is wrong or missing") as info:
        ContactLog.connect(location(team, "anna"), "not-her-password")
    assert "not-her-password" not in str(info.value)
    with team.cluster.down(), pytest.raises(UserError, match="cannot be reached") as info:
        connect(team, "anna")
    assert "generate" in (info.value.hint or "")  # what still works offline


def test_an_untrusted_certificate_is_refused(team, tmp_path):
    import trustme

    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    bad = location(team, "anna").__class__(
        user="anna",
        host="127.0.0.1",
        port=team.cluster.port,
        database=team.name,
        parameters=(("sslmode", "verify-full"), ("sslrootcert", str(other))),
    )
    with pytest.raises(UserError, match="not trusted"):
        ContactLog.connect(bad, team.cluster.password("anna"))


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_a_campaign_db_of_every_earlier_version_is_upgraded_after_a_backup(tmp_path, version):
    import sqlite3

    from log_helpers import make_legacy_schema

    path = tmp_path / "campaign.db"
    conn = sqlite3.connect(path, isolation_level=None)
    make_legacy_schema(conn, version)
    conn.execute(
        "INSERT INTO contacts VALUES ('c1', 'mep-1', 'Anna', 'mep', 'case', 'appeal', 'en', 'email', '', '', '', "
        "'2024-01-01')"
    )
    conn.execute(
        "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('e1', 'c1', 'sent', '2024-01-02', 'olena')"
    )
    conn.close()
    with ContactLog.open(path) as log:
        assert log.upgraded_from is not None and log.upgraded_from[0] == version
        assert [(e.id, e.kind, e.by) for e in log.events()] == [("e1", "sent", "olena")]
        log.add_event("c1", "replied", "olena", message_id="<r@x>")  # the new columns work
        replied_at = log.events()[-1].at
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0007",)
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)
        # The letters' digests (0007): the event recorded before built on upgrading, the new one added.
        assert conn.execute("SELECT * FROM letter_digests").fetchall() == [
            ("c1", "sent\x1eolena\x1freplied\x1eolena", f"2024-01-02\x1f{replied_at}")
        ]
        # The index a status reads digests from (0005) holds each event's kind and member.
        columns = [row[2] for row in conn.execute("PRAGMA index_info(events_by_contact)")]
        assert columns == ["contact_id", "at", "kind", "by"]
    finally:
        conn.close()
    assert len(list(tmp_path.glob(f"campaign.db.v{version}-backup-*"))) == 1


def test_the_migrations_build_what_schema_py_declares(open_log):
    """One schema: what Alembic built on either engine is what the queries are written against
    (PostgreSQL adds only its write-order column)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from campaign_app.core.outreach.schema import metadata

    with open_log("carol") as log, log.transaction() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert _meaningful(differences) == []


def test_a_new_campaign_db_is_what_the_migrations_build_from_version_1(tmp_path):
    """A new campaign.db is made from schema.py directly (no migration files read); an old one
    goes through every migration: both end the same."""
    import sqlite3

    from log_helpers import make_legacy_schema

    from campaign_app.core.outreach.schema import metadata

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    make_legacy_schema(conn, 1)
    conn.close()
    ContactLog.open(old).close()
    ContactLog.open(tmp_path / "new.db").close()
    dumps = []
    for path in (old, tmp_path / "new.db"):
        conn = sqlite3.connect(path)
        tables = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        columns = {t: conn.execute(f"PRAGMA table_info({t})").fetchall() for _, t in tables if _ == "table"}
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        conn.close()
        dumps.append(
            (
                tables,
                # A primary key's NOT NULL differs only where SQLite's old DDL did not say it.
                {
                    t: [(c[1], c[2].upper(), c[3] and not c[5], c[5]) for c in cols]
                    for t, cols in columns.items()
                },
                versions,
            )
        )
    assert dumps[0] == dumps[1]
    with ContactLog.open(tmp_path / "new.db") as log, log.transaction() as conn:
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        assert _meaningful(compare_metadata(MigrationContext.configure(conn), metadata)) == []


def _meaningful(differences):
    """What differs beyond PostgreSQL's write-order column and Alembic's own table."""
    return [
        d
        for d in differences
        if not (isinstance(d, tuple) and d[0] == "remove_column" and d[3].name == "seq")
        and not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "alembic_version")
    ]


def test_letters_are_chosen_by_template_recipient_or_another_case_in_the_database(open_log):
    """What a send reads of a team's log: one template's letters (its plan), one person's (a
    mark), and those under another case or a template that is gone (a renamed id)."""
    written = [
        letter("ua-president", template_id="appeal-uk"),
        letter("ua-president", template_id="appeal-en"),
        letter("kz-prosecutor", template_id="appeal-uk"),
        letter("kz-prosecutor", template_id="appeal-old"),
        letter("ua-president", template_id="appeal-uk", case_id="other-case"),
    ]
    with open_log() as log:
        log.record_drafts(written, "anna")

        def keys(letters):
            return sorted((c.recipient_id, c.case_id, c.template_id) for c in letters)

        assert keys(log.contacts("test-case", template_id="appeal-uk")) == [
            ("kz-prosecutor", "test-case", "appeal-uk"),
            ("ua-president", "test-case", "appeal-uk"),
        ]
        assert keys(log.letters_to("ua-president", "test-case")) == [
            ("ua-president", "test-case", "appeal-en"),
            ("ua-president", "test-case", "appeal-uk"),
        ]
        assert log.letters_to("nobody", "test-case") == []
        assert keys(log.contacts_elsewhere("test-case", {"appeal-uk", "appeal-en"})) == [
            ("kz-prosecutor", "test-case", "appeal-old"),
            ("ua-president", "other-case", "appeal-uk"),
        ]
        # No template left: every letter is elsewhere.
        assert len(log.contacts_elsewhere("test-case", set())) == len(written)


def _claim(log, sha: str = "a" * 64, **flags):
    return log.claim(
        letter(sha=sha), "anna", "sending", channel="email", letter_path="x", letter_sha256=sha, **flags
    )


def test_a_letter_claimed_by_a_send_still_at_work_is_refused_even_when_uncertain_ones_are_resent(open_log):
    """``--resend-uncertain`` is for a letter whose send stopped, never for one a window or
    terminal is sending right now (this very process holds the first claim)."""
    with open_log() as log:
        assert _claim(log).granted
        again = _claim(log, resend_uncertain=True)
    assert not again.granted and again.history.status == "uncertain"


def test_a_sent_letter_goes_again_only_when_revised_since(open_log):
    with open_log() as log:
        first = _claim(log)
        log.add_event(
            first.contact_id,
            "sent",
            "anna",
            "250 OK",
            "email",
            letter_path="out/ua-president.pdf",
            letter_sha256="a" * 64,
        )
        same = _claim(log, resend_revised=True)
        revised = _claim(log, sha="b" * 64, resend_revised=True)
    assert not same.granted and same.history.status == "sent"
    assert revised.granted


def test_a_letter_printed_for_the_post_is_e_mailed_only_when_asked(open_log):
    with open_log() as log:
        log.record_drafts([letter()], "anna")
        cid = log.contacts()[0].id
        log.add_event(cid, "printed", "anna", "", "post")
        unasked = _claim(log)
        asked = _claim(log, email_printed=True)
    assert not unasked.granted and unasked.history.status == "printed"
    assert asked.granted
