"""7: each letter's digest kept by the database beside its events, and a case's letters
read in order from an index.

``log status`` over a team's 100,000 letters read each letter's digest (its events' kinds,
members and times, joined in order: core/outreach/digest.py) by joining 300,000 events
from their index, 0.2-0.3 s of every run. The table ``letter_digests`` now holds each
letter's digest, and the database renews it in the same transaction as every change to
the letter's events; reading it is one pass over one row per letter.

Nobody's program writes it:

- on SQLite, a trigger after each new event (campaign.db's events are never changed or
  deleted);
- on PostgreSQL, a trigger after each new, corrected or deleted event, running with the
  rights of the tables' owner: a member may read the digests, never write them (nor may
  the owner by hand: another trigger refuses any change not made by the first), so the
  coordinator's view cannot be told what the events do not say. The trigger first locks
  the letter's row (as a sender does), so each statement after it sees every other
  member's committed event of that letter: two members writing to one letter at once
  leave a digest with both events.

The digests of the events already recorded are built here.

On PostgreSQL an event's kind must be one the program knows and its time ISO 8601 in UTC:
a member's hand-written row (a kind holding a terminal's escape codes, a time as psql
prints times, which sorts before the program's) is refused.

The index ``contacts_in_log_order`` holds a case's letters in the log's order with the
columns a status table reads (``LogStore.contact_briefs``): SQLite read them from the
table and sorted 100,000 of them at each ``log status``.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from campaign_app.core.outreach.schema import SQLITE_TRIGGERS

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_SQLITE_BUILD = (
    "INSERT INTO letter_digests (contact_id, shape, times) "
    'SELECT contact_id, group_concat(kind || char(30) || "by", char(31)), group_concat(at, char(31)) '
    'FROM (SELECT contact_id, kind, "by", at FROM events ORDER BY contact_id, at, rowid) '
    "GROUP BY contact_id"
)

# Digests in the order the events happened (ties: the order written), one row per letter.
_PG_DIGESTS = """
    SELECT contact_id, string_agg(kind || chr(30) || "by", chr(31) ORDER BY at, seq),
           string_agg(at, chr(31) ORDER BY at, seq)
    FROM events {where} GROUP BY contact_id"""


# The kinds of event this revision knows (core/outreach/terms.py), and the shape of a time:
# ISO 8601 in UTC with a "T", as the program writes it (a day alone, from the oldest logs).
# Times sort as text: a coordinator's correction typed as psql shows times
# ("2026-12-05 03:00:00+00") sorted before the letter's claim and made a sent letter
# "uncertain", which a resend then sent twice.
_KINDS = (
    "drafted", "sending", "sent", "failed", "replied", "no-reply", "closed", "printed",
    "note", "renamed", "auto-reply", "bounced",
)  # fmt: skip
_ISO_UTC = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(\+00:00|Z)?)?$"
_PG_CHECKS = (
    # A trigger rather than CHECK constraints: it holds for new and changed rows only, as
    # "NOT VALID" would (a log corrected by hand before may hold others), and named after
    # the stamp (events_stamp), it sees the time the server gave.
    f"""CREATE FUNCTION campaign_log_check_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.kind NOT IN ({", ".join(f"'{kind}'" for kind in _KINDS)}) THEN
            RAISE EXCEPTION 'an event''s kind must be one of: {", ".join(_KINDS)}'
                USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.at !~ '{_ISO_UTC}' THEN
            RAISE EXCEPTION 'an event''s time must be ISO 8601 in UTC, as 2026-12-05T03:00:00.000000+00:00'
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER events_valid BEFORE INSERT OR UPDATE ON events "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_check_event()",
)


def _pg_statements(schema: str) -> tuple[str, ...]:
    path = f"SET search_path = {schema}, pg_temp"
    return (
        *_PG_CHECKS,
        f"""CREATE FUNCTION campaign_log_renew_digest(letter text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        BEGIN
            -- Locked first: another member's event of this letter, committed before the lock
            -- is ours, is seen by the statements after it (each reads what is committed).
            PERFORM 1 FROM contacts WHERE id = letter FOR NO KEY UPDATE;
            DELETE FROM letter_digests WHERE contact_id = letter;
            INSERT INTO letter_digests (contact_id, shape, times)
            {_PG_DIGESTS.format(where="WHERE contact_id = letter")};
        END $$""",
        f"""CREATE FUNCTION campaign_log_keep_digest() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                PERFORM campaign_log_renew_digest(OLD.contact_id);
            END IF;
            IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.contact_id <> OLD.contact_id) THEN
                PERFORM campaign_log_renew_digest(NEW.contact_id);
            END IF;
            RETURN NULL;
        END $$""",
        "REVOKE ALL ON FUNCTION campaign_log_renew_digest(text) FROM PUBLIC",
        "CREATE TRIGGER events_digest AFTER INSERT OR UPDATE OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION campaign_log_keep_digest()",
        # TRUNCATE fires no row's trigger: the digests go with the events (the tables' owner
        # alone may empty them)
        f"""CREATE FUNCTION campaign_log_forget_digests() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        BEGIN
            DELETE FROM letter_digests;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER events_emptied AFTER TRUNCATE ON events "
        "FOR EACH STATEMENT EXECUTE FUNCTION campaign_log_forget_digests()",
        "INSERT INTO letter_digests (contact_id, shape, times) " + _PG_DIGESTS.format(where=""),
        # From here on only the trigger above writes a digest (it runs one level down):
        # not a member's program, nor the tables' owner by hand.
        """CREATE FUNCTION campaign_log_refuse_digest_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF pg_trigger_depth() < 2 THEN
                RAISE EXCEPTION 'a letter''s digest is kept by the database: change its events'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$""",
        "CREATE TRIGGER letter_digests_kept BEFORE INSERT OR UPDATE OR DELETE ON letter_digests "
        "FOR EACH ROW EXECUTE FUNCTION campaign_log_refuse_digest_change()",
        "CREATE TRIGGER letter_digests_not_emptied BEFORE TRUNCATE ON letter_digests "
        "FOR EACH STATEMENT EXECUTE FUNCTION campaign_log_refuse_digest_change()",
    )


def upgrade() -> None:
    op.create_table(
        "letter_digests",
        sa.Column("contact_id", sa.Text, primary_key=True),
        sa.Column("shape", sa.Text, nullable=False),
        sa.Column("times", sa.Text, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "contacts_in_log_order",
        "contacts",
        [
            "case_id",
            "created_at",
            "id",
            "recipient_id",
            "recipient_name",
            "category",
            "template_id",
            "channel",
        ],
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
        for statement in _pg_statements(schema):
            op.execute(statement)
        _grant_reading(bind)
    else:
        op.execute(next(s for s in SQLITE_TRIGGERS if "events_digest" in s))
        op.execute(_SQLITE_BUILD)
        op.execute("PRAGMA user_version = 7")


def _grant_reading(bind: sa.Connection) -> None:
    """The team's members read the digests (``log grant`` gives it to new ones: core/outreach/team.py)."""
    from campaign_app.core.outreach.team import role_names

    database = bind.exec_driver_sql("SELECT current_database()").scalar_one()
    volunteers, _ = role_names(database)
    if bind.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": volunteers}).first():
        quoted = bind.dialect.identifier_preparer.quote(volunteers)
        op.execute(f"GRANT SELECT ON letter_digests TO {quoted}")


def downgrade() -> None:
    raise NotImplementedError("the contact log is never downgraded: restore the backup instead")
