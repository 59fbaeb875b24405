"""Alembic's entry point for the contact log.

The program runs migrations itself (core/outreach/upgrade.py) on a connection it opened and
inside a transaction it began, so a failed upgrade leaves the log as it was; this file only
hands that connection to Alembic.
"""

from alembic import context

from campaign_app.core.outreach.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
