"""3: the file each event concerns, and which program claimed a letter for sending.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("letter_path", "letter_sha256", "process"):
        op.add_column("events", sa.Column(name, sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    raise NotImplementedError("the contact log is never downgraded: restore the backup instead")
