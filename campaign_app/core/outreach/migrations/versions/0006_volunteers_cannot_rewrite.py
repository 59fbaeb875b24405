"""6: on PostgreSQL, a volunteer can neither backdate work nor rewrite a letter that went out.

Two gaps revision 4 left, found by trying them as a volunteer:

- An event with an ``origin`` (merged in from another log) keeps the time it happened
  there; anyone could write one, so a volunteer could record work at any past time
  (``log merge`` of an edited export, or an INSERT naming an origin). Merging history in
  is now a coordinator's: the server refuses a volunteer's event with an origin.
- A merged event keeps who did it in the other log (the coordinator who merged it was
  credited with the volunteer's work in the team's view and the report); the event's
  origin still names the log it came from.
- A volunteer's program may change a recorded letter's channel and address until it goes
  out (a new draft); after that they are what the letter went by. The server now refuses a
  volunteer's change of either once the letter has a "sent" event; a coordinator may
  correct them.

On SQLite (one person's campaign.db) nothing changes but the version.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_PG = (
    """CREATE OR REPLACE FUNCTION campaign_log_event_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.origin <> '' AND NOT campaign_log_is_coordinator() THEN
            RAISE EXCEPTION 'only a coordinator may merge history from another log into the team''s'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.origin = '' OR NEW."by" IS NULL OR NEW."by" = '' THEN
            NEW."by" := session_user;
        END IF;
        IF NEW.origin = '' OR NEW.at IS NULL OR NEW.at = '' THEN
            NEW.at := campaign_log_now();
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION campaign_log_keep_sent_letter() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF (NEW.channel IS DISTINCT FROM OLD.channel OR NEW.address IS DISTINCT FROM OLD.address)
           AND NOT campaign_log_is_coordinator()
           AND EXISTS (SELECT 1 FROM events WHERE contact_id = OLD.id AND kind = 'sent') THEN
            RAISE EXCEPTION 'a sent letter keeps its channel and address: a coordinator may correct them'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER contacts_sent_kept BEFORE UPDATE OF channel, address ON contacts "
    "FOR EACH ROW EXECUTE FUNCTION campaign_log_keep_sent_letter()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG:
            op.execute(statement)
    else:
        op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    raise NotImplementedError("the contact log is never downgraded: restore the backup instead")
