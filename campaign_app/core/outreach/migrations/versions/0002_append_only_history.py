"""2: the channel of each event, the history made append-only, an index for a history.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_REFUSE = "the contact history is append-only"


def upgrade() -> None:
    op.add_column("events", sa.Column("channel", sa.Text, nullable=False, server_default=""))
    op.create_index("events_by_contact", "events", ["contact_id", "at"])
    if op.get_bind().dialect.name == "sqlite":
        # PostgreSQL's log gets its own rules (privileges and triggers) in revision 0004.
        op.execute(
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END"
        )
        op.execute(
            "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("the contact log is never downgraded: restore the backup instead")
