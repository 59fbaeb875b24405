"""The contact log's tables, defined once for every engine that keeps them.

SQLite (campaign.db, one person) and PostgreSQL (a team's shared log) hold the same
tables; the queries in core/outreach are written against these definitions with
SQLAlchemy Core, so a rule is one piece of code on both. Alembic migrations
(core/outreach/migrations) build and upgrade the tables; ``tests/core/outreach`` checks
that a database built by the migrations matches what is declared here.

Times are ISO 8601 UTC text with microseconds (they sort as text, the same on both
engines); events written in the same microsecond keep their write order (SQLite's rowid,
a ``seq`` identity column on PostgreSQL, see ``database.event_order``). On PostgreSQL the
server sets ``events.at`` and ``events.by`` itself (see the
migration that creates the team's triggers): nobody records work in another's name, and
the order of events does not depend on the clocks of the members' laptops.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

from campaign_app.core.outreach.records import DIGEST_FIELD, DIGEST_SEPARATOR
from campaign_app.core.outreach.revisions import HEAD, LEGACY_REVISIONS, SQLITE_USER_VERSION

metadata = MetaData()

contacts = Table(
    "contacts",
    metadata,
    Column("id", Text, primary_key=True),
    Column("recipient_id", Text, nullable=False),
    Column("recipient_name", Text, nullable=False),
    Column("category", Text, nullable=False, server_default=""),
    Column("case_id", Text, nullable=False),
    Column("template_id", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("address", Text, nullable=False, server_default=""),
    Column("letter_path", Text, nullable=False, server_default=""),
    Column("letter_sha256", Text, nullable=False, server_default=""),
    Column("created_at", Text, nullable=False),
    # The letter's identity: one recipient, one case, one template. A claim inserts the
    # letter if absent and locks this row, so two senders anywhere queue on it.
    UniqueConstraint("recipient_id", "case_id", "template_id"),
    # A case's letters in the log's order with what a status table reads of them (migration
    # 0007): ``log status`` reads 100,000 of them from this index alone, with no sort.
    Index(
        "contacts_in_log_order",
        "case_id",
        "created_at",
        "id",
        "recipient_id",
        "recipient_name",
        "category",
        "template_id",
        "channel",
    ),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("contact_id", Text, ForeignKey("contacts.id"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("by", Text, nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
    Column("channel", Text, nullable=False, server_default=""),
    Column("letter_path", Text, nullable=False, server_default=""),
    Column("letter_sha256", Text, nullable=False, server_default=""),
    Column("process", Text, nullable=False, server_default=""),
    # The Message-ID of the e-mail a "sent" event sent (replies name it), or of the message
    # an inbox event was read from.
    Column("message_id", Text, nullable=False, server_default=""),
    # Where an event came from when it was not recorded here first: a merged log, with
    # the name that log gave its author.
    Column("origin", Text, nullable=False, server_default=""),
    # A letter's events in order, with what its digest reads (migration 0005): ``log status``
    # reads every letter's digest from this index alone.
    Index("events_by_contact", "contact_id", "at", "kind", "by"),
    Index("events_message_id", "message_id"),
)

# Each letter's *digest*, kept by the database beside its events (migration 0007): its
# events' kinds and members (``kind \x1e by``) and their times, each joined with ``\x1f``
# in the order they happened. ``log status`` reads 100,000 letters' digests from here in
# one pass instead of joining 300,000 events (core/outreach/digest.py). Only the database's
# own triggers write it, in the transaction that changes the letter's events; nobody's
# program does (a team's members may only read it).
letter_digests = Table(
    "letter_digests",
    metadata,
    Column("contact_id", Text, primary_key=True),
    Column("shape", Text, nullable=False),
    Column("times", Text, nullable=False),
    sqlite_with_rowid=False,
)

# Where each member's inbox was read up to (IMAP UIDVALIDITY and the last UID seen), so a
# sync fetches only what is new and an interrupted one resumes.
inbox_positions = Table(
    "inbox_positions",
    metadata,
    Column("account", Text, primary_key=True),
    Column("folder", Text, primary_key=True),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("last_uid", BigInteger, nullable=False),
    Column("updated_at", Text, nullable=False),
)


# A letter's digest from its events, in the order they happened (ties: written).
_FIELD_SQL, _SEPARATOR_SQL = f"char({ord(DIGEST_FIELD)})", f"char({ord(DIGEST_SEPARATOR)})"
_SQLITE_DIGEST_OF = (
    f'SELECT {{letter}}, group_concat(kind || {_FIELD_SQL} || "by", {_SEPARATOR_SQL}),'
    f" group_concat(at, {_SEPARATOR_SQL})"
    ' FROM (SELECT kind, "by", at FROM events WHERE contact_id = {letter} ORDER BY at, rowid)'
)

# campaign.db's history is append-only (a team's log has its own rules: migration 0004),
# and each new event renews its letter's digest (an event may come before others of its
# letter: a merged log's).
SQLITE_TRIGGERS = (
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END",
    # (deleted and inserted, not INSERT OR REPLACE: an outer INSERT OR IGNORE would impose
    # its own conflict rule on the trigger's statements and leave the old digest)
    "CREATE TRIGGER events_digest AFTER INSERT ON events BEGIN "
    "DELETE FROM letter_digests WHERE contact_id = NEW.contact_id; "
    "INSERT INTO letter_digests (contact_id, shape, times) "
    + _SQLITE_DIGEST_OF.format(letter="NEW.contact_id")
    + "; END",
)

__all__ = [
    "DIGEST_FIELD",
    "DIGEST_SEPARATOR",
    "HEAD",
    "LEGACY_REVISIONS",
    "SQLITE_USER_VERSION",
    "contacts",
    "events",
    "inbox_positions",
    "letter_digests",
    "metadata",
]
