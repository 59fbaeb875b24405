"""4: a shared log for a team: Message-IDs, merged events' origin, inbox positions, and on
PostgreSQL the rules the server keeps itself.

On PostgreSQL, the server and not the member's program decides who and when:

- ``events.by`` is the connected database user (``session_user``), whatever the program
  sends; ``events.at`` is the server's clock, except for events merged in from another log
  (``origin`` says so), which keep the time they happened.
- Recorded history cannot be changed or deleted except by a coordinator (members of the
  role ``<database>_coordinators``, see core/outreach/team.py): privileges already refuse
  volunteers; the triggers also hold for the tables' owner.
- Every new event is announced on the channel ``campaign_log`` (LISTEN/NOTIFY), so the
  coordinator's window refreshes as the team works.
- ``seq`` keeps the order in which events were written.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PG_FUNCTIONS = (
    # Whether the connected user is one of this campaign's coordinators.
    """CREATE FUNCTION campaign_log_is_coordinator() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
            SELECT 1 FROM pg_roles r
            WHERE r.rolname = left(current_database(), 45) || '_coordinators'
              AND pg_has_role(session_user, r.oid, 'MEMBER'))
    $$""",
    """CREATE FUNCTION campaign_log_now() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
    $$""",
    """CREATE FUNCTION campaign_log_event_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.by := session_user;
        IF NEW.origin = '' OR NEW.at IS NULL OR NEW.at = '' THEN
            NEW.at := campaign_log_now();
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION campaign_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF campaign_log_is_coordinator() THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'the contact history is append-only: only a coordinator may correct it'
            USING ERRCODE = 'insufficient_privilege';
    END $$""",
    """CREATE FUNCTION campaign_log_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('campaign_log', NEW.contact_id);
        RETURN NULL;
    END $$""",
)

_PG_TRIGGERS = (
    "CREATE TRIGGER events_stamp BEFORE INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_event_stamp()",
    "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_refuse_change()",
    "CREATE TRIGGER contacts_no_delete BEFORE DELETE ON contacts "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_refuse_change()",
    "CREATE TRIGGER contacts_identity_kept BEFORE UPDATE OF id, recipient_id, case_id, template_id, "
    "created_at ON contacts FOR EACH ROW EXECUTE FUNCTION campaign_log_refuse_change()",
    "CREATE TRIGGER events_announce AFTER INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_announce()",
)


def upgrade() -> None:
    op.add_column("events", sa.Column("message_id", sa.Text, nullable=False, server_default=""))
    op.add_column("events", sa.Column("origin", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "inbox_positions",
        sa.Column("account", sa.Text, primary_key=True),
        sa.Column("folder", sa.Text, primary_key=True),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("last_uid", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("events", sa.Column("seq", sa.BigInteger, sa.Identity(), nullable=False))
        op.create_index("events_message_id", "events", ["message_id"])
        op.alter_column("events", "by", server_default=sa.text("session_user"))
        for statement in (*_PG_FUNCTIONS, *_PG_TRIGGERS):
            op.execute(statement)
    else:
        op.create_index("events_message_id", "events", ["message_id"])
        op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    raise NotImplementedError("the contact log is never downgraded: restore the backup instead")
