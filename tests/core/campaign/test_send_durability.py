"""What ``campaign-app send`` waits for the disk for, and what is on disk when it ends.

Each letter's claim is synced to disk before its message leaves; its "sent" record is
committed after, and synced with the next letter's claim (one wait for the disk a letter,
not two); the last records are synced before the send ends. The statements campaign.db
runs are watched (SQLite's trace), with the moments the messages go to the server.
"""

from __future__ import annotations

import pytest
from smtp_server import use_server

from campaign_app.core.mail import client, smtp
from campaign_app.core.outreach import database
from campaign_app.core.outreach.log import ContactLog, contact_id

MEPS = ["mep-1", "mep-2"] + [f"mep-x{i}" for i in range(4)]


@pytest.fixture
def watched(monkeypatch):
    """The log's statements, each message handed to the server and each sync, in order."""
    trail: list[tuple[str, str]] = []
    opened = database.LogDatabase.open.__func__

    def open_watched(cls, *args, **kwargs):
        log = opened(cls, *args, **kwargs)
        log._sqlite().set_trace_callback(lambda sql: trail.append(("sql", sql)))
        return log

    def sync_watched(self):
        trail.append(("sync", ""))
        real_sync(self)

    def data_watched(self, message):  # the moment the message itself goes to the server
        trail.append(("send", ""))
        return real_data(self, message)

    real_sync, real_data = database.LogDatabase.make_durable, client.PhaseClient.data
    monkeypatch.setattr(database.LogDatabase, "open", classmethod(open_watched))
    monkeypatch.setattr(database.LogDatabase, "make_durable", sync_watched)
    monkeypatch.setattr(client.PhaseClient, "data", data_watched)
    return trail


def commits(trail: list[tuple[str, str]]) -> list[tuple[int, bool, str]]:
    """Each committed change: its place in the trail, whether it was synced (FULL) and what
    event kinds it inserted."""
    synchronous, kinds, found = "FULL", [], []
    for n, (what, text) in enumerate(trail):
        if what != "sql":
            continue
        if text.startswith("PRAGMA synchronous"):
            synchronous = text.rsplit(" ", 1)[-1]
        elif text.startswith("INSERT INTO events") and trail[n - 1] != (what, text):
            # (SQLite's trace names an insert again for each step of the trigger it fires:
            # its letter's digest, migration 0007)
            kinds.append(text.split("VALUES (", 1)[1].split(",")[2].strip(" '"))
        elif text == "COMMIT":
            found.append((n, synchronous == "FULL", ",".join(kinds)))
            kinds = []
    return found


def test_each_claim_is_synced_before_its_message_and_each_record_before_the_send_ends(
    mini_ws, cli, server, watched
):
    use_server(mini_ws, server, extra_meps=4)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "6 sent" in result.out
    done = commits(watched)
    sends = [n for n, (what, _) in enumerate(watched) if what == "send"]
    claims = [(n, synced) for n, synced, kinds in done if "sending" in kinds]
    assert len(claims) == len(sends) == 6
    for (claimed_at, synced), sent_at in zip(claims, sends, strict=True):
        assert synced and claimed_at < sent_at  # the claim is on disk before the message leaves
    records = [(n, synced) for n, synced, kinds in done if kinds == "sent"]
    assert len(records) == 6
    for n, synced in records:  # each record synced itself, or a later sync covers it
        later_sync = any(what == "sync" for what, _ in watched[n:]) or any(
            m > n and s and k for m, s, k in done
        )
        assert synced or later_sync
    assert watched[-1][0] == "sync" or records[-1][1]
    # One wait for the disk a letter: the claims (and the first letter's draft), not the records.
    assert sum(synced for _, synced, kinds in done if kinds) <= 6 + 1
    for rid in MEPS:
        with ContactLog.open(mini_ws.root / "campaign.db") as log:
            assert [e.kind for e in log.events(contact_id(rid, "test-case", "appeal-en"))] == [
                "drafted",
                "sending",
                "sent",
            ]


def test_at_a_slow_rate_each_record_is_synced_at_once(mini_ws, cli, server, watched, monkeypatch):
    """At fewer than one letter a second the wait for the disk costs nothing: no record waits."""
    monkeypatch.setattr(smtp.SmtpSession, "_wait", lambda self, seconds: None)
    use_server(mini_ws, server, rate=30)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert all(synced for _, synced, kinds in commits(watched) if kinds)


def test_a_message_waits_for_its_claim_however_slow_the_log(mini_ws, cli, server, monkeypatch):
    """The claim is committed while the server hears the envelope (MAIL, RCPT), and the
    message itself (DATA) goes only once it is: a claim slower than the server's answers
    still comes first. Each DATA finds as many claims on record as messages started."""
    import sqlite3
    import time

    use_server(mini_ws, server, extra_meps=2)
    real_claim, real_data = ContactLog.claim, client.PhaseClient.data
    found: list[tuple[int, int]] = []

    def slow_claim(self, *args, **kwargs):
        time.sleep(0.2)  # a team's database far away
        return real_claim(self, *args, **kwargs)

    def data_counting(self, message):
        with sqlite3.connect(mini_ws.root / "campaign.db") as db:
            (claims,) = db.execute("SELECT count(*) FROM events WHERE kind = 'sending'").fetchone()
        found.append((len(found) + 1, claims))
        return real_data(self, message)

    monkeypatch.setattr(ContactLog, "claim", slow_claim)
    monkeypatch.setattr(client.PhaseClient, "data", data_counting)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "4 sent" in result.out
    assert found == [(n, n) for n in range(1, 5)]
