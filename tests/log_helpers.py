"""What the contact-log tests share: letters as generate records them, logs with a past, and
a log as version 1 of the schema wrote it."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from campaign_app.core.outreach.log import Contact, ContactLog, Event, NewContact, contact_id


def letter(
    recipient_id: str = "ua-president",
    name: str = "Володимир Зеленський",
    category: str = "national_official",
    template_id: str = "appeal-uk",
    sha: str = "a" * 64,
    case_id: str = "test-case",
    channel: str = "post",
) -> NewContact:
    """A generated letter as generate hands it to the log."""
    return NewContact(
        recipient_id=recipient_id,
        recipient_name=name,
        category=category,
        case_id=case_id,
        template_id=template_id,
        language="uk",
        channel=channel,
        address="вул. Банкова, 11\nм. Київ",
        letter_path=f"out/{recipient_id}.pdf",
        letter_sha256=sha,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# The schema as earlier versions of the program wrote it (PRAGMA user_version 1..3 before
# Alembic, 4 with it), frozen here: their logs must keep opening whatever the migrations become.
LEGACY_SCHEMA: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE contacts (
            id TEXT PRIMARY KEY, recipient_id TEXT NOT NULL, recipient_name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '', case_id TEXT NOT NULL, template_id TEXT NOT NULL,
            language TEXT NOT NULL, channel TEXT NOT NULL, address TEXT NOT NULL DEFAULT '',
            letter_path TEXT NOT NULL DEFAULT '', letter_sha256 TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, UNIQUE (recipient_id, case_id, template_id))""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, contact_id TEXT NOT NULL REFERENCES contacts(id),
            kind TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')""",
    ),
    2: (
        "ALTER TABLE events ADD COLUMN channel TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX events_by_contact ON events (contact_id, at)",
        """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END""",
        """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END""",
    ),
    3: (
        "ALTER TABLE events ADD COLUMN letter_path TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN letter_sha256 TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN process TEXT NOT NULL DEFAULT ''",
    ),
    # Alembic's revision 0004, as it built campaign.db (with its alembic_version table).
    4: (
        "ALTER TABLE events ADD COLUMN message_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE inbox_positions (
            account TEXT NOT NULL, folder TEXT NOT NULL, uidvalidity BIGINT NOT NULL,
            last_uid BIGINT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (account, folder))""",
        "CREATE INDEX events_message_id ON events (message_id)",
        """CREATE TABLE alembic_version (
            version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))""",
        "INSERT INTO alembic_version VALUES ('0004')",
    ),
}


def make_legacy_schema(conn: sqlite3.Connection, version: int) -> None:
    """An empty log as the program of schema ``version`` (1..4) made it."""
    for number in range(1, version + 1):
        for statement in LEGACY_SCHEMA[number]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")


def make_v1_log(path: Path) -> None:
    """A campaign.db as version 1 of the schema wrote it (events without a channel)."""
    conn = sqlite3.connect(path, isolation_level=None)
    make_legacy_schema(conn, 1)
    cid = contact_id("ua-president", "test-case", "appeal-uk")
    conn.execute(
        "INSERT INTO contacts VALUES (?, 'ua-president', 'Володимир Зеленський', 'national_official', "
        "'test-case', 'appeal-uk', 'uk', 'post', '', 'out/ua-president.pdf', ?, '2024-03-01T10:00:00.000000+00:00')",
        (cid, "b" * 64),
    )
    conn.execute(
        "INSERT INTO events VALUES ('old-1', ?, 'drafted', '2024-03-01T10:00:00.000000+00:00', 'olena', '')",
        (cid,),
    )
    conn.execute(
        "INSERT INTO events VALUES ('old-2', ?, 'sent', '2024-03-02T09:00:00.000000+00:00', 'olena', 'by post')",
        (cid,),
    )
    conn.close()


def _days_ago(days: float) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="microseconds")


def history(
    root, rid: str, template: str, *events: tuple[str, float], case: str = "test-case", by: str = "me"
):
    """Put a letter with a past history into the log: (kind, days ago) pairs, oldest first."""
    cid = contact_id(rid, case, template)
    contact = Contact(
        cid,
        rid,
        rid,
        "mep",
        case,
        template,
        "en",
        "email",
        f"{rid}@example.org",
        f"out/{template}/{rid}.pdf",
        "0" * 64,
        _days_ago(events[0][1]),
    )
    rows = [
        Event(f"{cid}-{i}", cid, kind, _days_ago(days), by, "", "email")
        for i, (kind, days) in enumerate(events)
    ]
    with ContactLog.open(root / "campaign.db") as log:
        log.import_rows([contact], rows)
    return cid
