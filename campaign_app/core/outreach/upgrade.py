"""Bringing a log up to date with Alembic (which revision a log stands at, and whether
that will do, is revisions.py's).

A campaign.db from before Alembic has only ``user_version`` 1, 2 or 3; it is stamped with
the Alembic revision of the same state and upgraded from there, after a backup copy
beside it.

Alembic is imported only when something is to be migrated: opening an up-to-date log
reads one row.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Column, Connection, MetaData, String, Table, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.location import LogLocation, sqlite_location
from campaign_app.core.outreach.log_errors import newer_schema, not_the_owner, translate_error
from campaign_app.core.outreach.revisions import (
    HEAD,
    REVISIONS,
    SQLITE_USER_VERSION,
    require_current,
    sqlite_revision,
)
from campaign_app.core.outreach.schema import SQLITE_TRIGGERS, metadata

MIGRATIONS = Path(__file__).with_name("migrations")


def _alembic_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(conn: Connection, stamp: str | None = None, to: str = "head") -> None:
    """Run every migration the log lacks, on ``conn`` and inside its transaction (the caller
    commits). ``stamp`` first records the revision of a log from before Alembic; ``to``
    stops at an earlier revision (tests build the logs earlier versions of the program made)."""
    from alembic import command
    from alembic.config import Config

    if not (MIGRATIONS / "versions").is_dir():
        raise UserError(
            _("this installation of campaign_app is incomplete: the contact log's migrations are missing"),
            hint=_("reinstall campaign_app (looked in {migrations})").format(migrations=MIGRATIONS),
        )

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    if stamp is not None:
        command.stamp(config, stamp)
    command.upgrade(config, to)


# ---- campaign.db -----------------------------------------------------------------------------


def _sqlite_state(conn: Connection, location: LogLocation) -> tuple[int, str | None]:
    """(user_version, the Alembic revision it stands at); refused when newer than this program."""
    version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
    return version, sqlite_revision(version, _alembic_revision(conn), location)


def bring_sqlite_up_to_date(conn: Connection, path: Path | None) -> tuple[int, Path] | None:
    """Create or upgrade campaign.db in one ``BEGIN IMMEDIATE`` transaction (a second program
    opening it at the same moment waits, then finds it done). An existing older log is first
    copied beside itself (``campaign.db.vN-backup-STAMP``); returns (old version, backup)."""
    location = sqlite_location(path or Path("campaign.db"))
    with conn.begin():
        version, revision = _sqlite_state(conn, location)
    if revision == HEAD:
        return None
    # SQLite copies a database only outside a write transaction: the copy comes first (two
    # programs opening the old log at once may both make one; only one upgrades it).
    backup = _backup(conn, path, version) if path is not None and version > 0 else None
    conn.info["immediate"] = True
    with conn.begin():
        version, revision = _sqlite_state(conn, location)
        if revision == HEAD:
            return None
        if revision is None and not inspect(conn).get_table_names():
            _create_new(conn)  # a new campaign.db: no migration files need reading
        else:
            has_table = _alembic_revision(conn) is not None
            migrate(conn, stamp=None if has_table or revision is None else revision)
        conn.exec_driver_sql(f"PRAGMA user_version = {SQLITE_USER_VERSION}")
    return (version, backup) if backup is not None else None


def _create_new(conn: Connection) -> None:
    """A new campaign.db built from the declared tables, as the migrations would build it
    (tests/core/outreach compares both), and stamped with the head revision."""
    metadata.create_all(conn)
    for statement in SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)
    version_table = Table("alembic_version", MetaData(), Column("version_num", String(32), primary_key=True))
    version_table.create(conn)
    conn.execute(version_table.insert().values(version_num=HEAD))


def _backup(conn: Connection, path: Path, version: int) -> Path:
    """A consistent copy through SQLite's backup API, before anything is changed."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.v{version}-backup-{stamp}")
    copy = sqlite3.connect(target)
    try:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.backup(copy)
    finally:
        copy.close()
    return target


# ---- the team's database -------------------------------------------------------------------


def check_shared(conn: Connection, location: LogLocation) -> None:
    """A member's program works only on the schema it knows; upgrading is the coordinator's."""
    try:
        with conn.begin():
            revision = _alembic_revision(conn)
    except SQLAlchemyError as exc:
        raise translate_error(exc, location, "opened") from None
    require_current(revision, location)


def upgrade_shared(conn: Connection, location: LogLocation) -> tuple[str | None, str]:
    """Create or migrate the team's schema in one transaction (PostgreSQL's DDL is
    transactional), one coordinator at a time; returns (revision before, after)."""
    try:
        with conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('campaign_app log upgrade'))"))
            before = _alembic_revision(conn)
            if before is not None and before not in REVISIONS:
                raise newer_schema(location, before, HEAD)
            if before != HEAD:
                migrate(conn)
    except SQLAlchemyError as exc:
        refused = getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"
        owner = _tables_owner(conn) if refused else None
        if owner is not None and owner != location.user:
            raise not_the_owner(location, owner) from None
        raise translate_error(exc, location, "upgraded") from None
    return before, HEAD


def _tables_owner(conn: Connection) -> str | None:
    """The database user who owns the log's tables (who created them with ``log upgrade``):
    only they may change the schema, whatever else a coordinator may do."""
    try:
        with conn.begin():
            return conn.execute(
                text(
                    "SELECT tableowner FROM pg_tables"
                    " WHERE tablename = 'events' AND schemaname = current_schema()"
                )
            ).scalar()
    except SQLAlchemyError:
        return None
