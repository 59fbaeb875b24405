"""The log's schema revision: the one this program writes, and whether a log it opens
stands at it.

Told without SQLAlchemy: ``log status`` reads a current log through its driver alone
(core/outreach/plain_log.py), and SQLAlchemy's import is a tenth of a second of its
budget. Bringing an older log up to date is upgrade.py's, with Alembic.

campaign.db carries its revision twice: Alembic's ``alembic_version`` table, and SQLite's
``PRAGMA user_version`` (4 and up), which versions of the program from before Alembic
read to refuse a log newer than they are.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from campaign_app.core.outreach.location import LogLocation, sqlite_location
from campaign_app.core.outreach.log_errors import (
    missing_schema,
    newer_schema,
    no_log_yet,
    older_schema,
    translate_error,
)

# The schema revision this program writes (Alembic's head); SQLite's user_version mirrors
# it, so versions of the program from before Alembic refuse a log they cannot read.
HEAD = "0007"
SQLITE_USER_VERSION = 7
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
# campaign.db files from before Alembic carry only PRAGMA user_version 1..3; each is the
# state after the Alembic revision of the same number.
LEGACY_REVISIONS = {1: "0001", 2: "0002", 3: "0003"}
assert REVISIONS[-1] == HEAD


def sqlite_revision(version: int, revision: str | None, location: LogLocation) -> str | None:
    """The Alembic revision a campaign.db stands at (one from before Alembic: the revision of
    its user_version); refused, untouched, when newer than this program."""
    if version > SQLITE_USER_VERSION or (revision is not None and revision not in REVISIONS):
        raise newer_schema(location, version, SQLITE_USER_VERSION)
    return revision if revision is not None else LEGACY_REVISIONS.get(version)


def require_current(revision: str | None, location: LogLocation) -> None:
    """A team's log stands at this program's revision, or a member's program refuses it
    (``revision``: its ``alembic_version``, None when it has none): upgrading is the
    coordinator's."""
    if revision is None:
        raise missing_schema(location)
    if revision not in REVISIONS:
        raise newer_schema(location, revision, HEAD)
    if revision != HEAD:
        raise older_schema(location, revision)


def connect_to_read(path: Path, location: LogLocation) -> sqlite3.Connection:
    """A connection to campaign.db that changes nothing. Read-write where the folder allows
    it: SQLite then removes the -wal and -shm files it needs when the reading ends (a
    read-only connection would leave them behind); read-only on a share one may not write to."""
    uri = path.resolve().as_uri()
    problem: sqlite3.Error | None = None
    for mode in ("rw", "ro"):
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                f"{uri}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.Error as exc:
            problem = exc
            if conn is not None:
                conn.close()
    assert problem is not None
    raise translate_error(problem, location, "opened")


def is_current(source: sqlite3.Connection, location: LogLocation) -> bool:
    """Whether campaign.db stands at this program's revision (False: older, to be upgraded
    before it is read); a newer one is refused."""
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            revision = source.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise translate_error(exc, location, "read") from None
    return sqlite_revision(version, revision, location) == HEAD or (
        revision is None and version == SQLITE_USER_VERSION
    )


def open_to_read(path: Path) -> tuple[sqlite3.Connection, bool]:
    """campaign.db opened to read it (:func:`connect_to_read`; a UserError when there is no
    log yet), and whether it stands at this program's revision (False: older, to be
    upgraded first, :func:`copy_in_memory`); a newer one is refused."""
    location = sqlite_location(path)
    if not path.exists():
        raise no_log_yet(path)
    conn = connect_to_read(path, location)
    try:
        return conn, is_current(conn, location)
    except BaseException:
        conn.close()
        raise


def copy_in_memory(source: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """For reading an older campaign.db without writing it: a copy in memory, to be upgraded
    there."""
    try:
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        source.backup(memory)
    except sqlite3.Error as exc:
        raise translate_error(exc, sqlite_location(path), "read") from None
    return memory
