"""campaign.db on SQLite: opening, upgrading and changing it safely.

Why these choices:

- WAL mode, ``BEGIN IMMEDIATE`` for every change, one change set per transaction: a crash
  or a full disk leaves the log as it was before the change, never half of it; two
  programs that change the log at once wait their turn (a claim is read and written in
  one such transaction, so two senders can never both get the same letter).
- The schema version is kept in the database (``PRAGMA user_version``). Every database,
  new or old, is built by the same list of migrations; an older one is first copied
  beside itself (SQLite's backup API, so the copy is consistent), then upgraded in one
  transaction. A newer one is refused, untouched. Reading only (``open_readonly``) never
  writes: an older log is upgraded in memory for that reading.
- Events cannot be changed or deleted (triggers refuse it): a correction is a new event.
- "Disk full", "read-only", "locked" and "not a database" are told to the user as such.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import astuple
from pathlib import Path
from typing import Self

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.outreach.records import EVENT_COLUMNS, Event, now_utc
from campaign_app.core.outreach.terms import EVENT_KINDS

LOG_NAME = "campaign.db"


_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: contacts and their history.
    (
        """CREATE TABLE contacts (
            id             TEXT PRIMARY KEY,
            recipient_id   TEXT NOT NULL,
            recipient_name TEXT NOT NULL,
            category       TEXT NOT NULL DEFAULT '',
            case_id        TEXT NOT NULL,
            template_id    TEXT NOT NULL,
            language       TEXT NOT NULL,
            channel        TEXT NOT NULL,
            address        TEXT NOT NULL DEFAULT '',
            letter_path    TEXT NOT NULL DEFAULT '',
            letter_sha256  TEXT NOT NULL DEFAULT '',
            created_at     TEXT NOT NULL,
            UNIQUE (recipient_id, case_id, template_id))""",
        """CREATE TABLE events (
            id         TEXT PRIMARY KEY,
            contact_id TEXT NOT NULL REFERENCES contacts(id),
            kind       TEXT NOT NULL,
            at         TEXT NOT NULL,
            by         TEXT NOT NULL,
            detail     TEXT NOT NULL DEFAULT '')""",
    ),
    # 2: the channel each event went by (a letter first e-mailed may be posted later),
    # the history made append-only, and an index for a contact's history.
    (
        "ALTER TABLE events ADD COLUMN channel TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX events_by_contact ON events (contact_id, at)",
        """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END""",
        """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the contact history is append-only'); END""",
    ),
    # 3: the file each event concerns (the draft written, or the kept copy that was sent),
    # and which program claimed a letter for sending.
    (
        "ALTER TABLE events ADD COLUMN letter_path TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN letter_sha256 TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN process TEXT NOT NULL DEFAULT ''",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)
EVENT_SELECT = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
EVENT_INSERT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)


def translate_error(exc: sqlite3.Error, path: Path, doing: str) -> UserError:
    """sqlite's error, as something the user can act on."""
    text = str(exc).lower()
    where = Location(display_path(path))
    if "locked" in text or "busy" in text:
        return UserError(
            f"the contact log is in use by another program and could not be {doing}",
            where,
            "close the other campaign-app window or command using this campaign, then try again",
        )
    if "readonly" in text or "read-only" in text:
        return UserError(
            f"the contact log is read-only and could not be {doing}",
            where,
            "check that you may write to the campaign folder (is it on a read-only drive or share?)",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(
            f"the disk is full: the contact log could not be {doing}; it is unchanged",
            where,
            "free some space and try again",
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return UserError(
            "campaign.db is not a contact log or is damaged",
            where,
            "restore it from a backup (campaign.db.*-backup files sit beside it), or move it aside "
            "to start a new log",
        )
    if "unable to open" in text:
        return UserError(
            f"the contact log could not be opened ({exc})",
            where,
            "check that the campaign folder exists and that you may write to it",
        )
    return UserError(f"the contact log could not be {doing} ({exc})", where)


def _newer(path: Path, version: int) -> UserError:
    """A log this version cannot read: left as it is."""
    return UserError(
        f"campaign.db was written by a newer version of campaign_app (log version {version}, "
        f"this one knows up to {SCHEMA_VERSION})",
        Location(display_path(path)),
        "update campaign_app; the log was not changed",
    )


class SqliteLog:
    """One open campaign.db: the connection, its schema and its transactions. Use as a
    context manager, or call :meth:`close`."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn

    # ---- opening and upgrading ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, timeout: float = 5.0) -> Self:
        """Open (and create or upgrade) the log at ``path``; a change waits up to ``timeout``
        seconds for another program that is writing to the log."""
        path = Path(path)
        if not create and not path.exists():
            raise UserError(
                "there is no contact log yet", Location(display_path(path)), "generate or send letters first"
            )
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=False)
        except sqlite3.Error as exc:
            raise translate_error(exc, path, "opened") from None
        log = cls(path, conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _newer(path, version)
            if version < SCHEMA_VERSION:
                if version > 0:
                    log._backup(version)
                log._migrate(version)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":  # e.g. on a network share: the rollback journal still works
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            conn.close()
            raise translate_error(exc, path, "opened") from None
        except BaseException:
            conn.close()
            raise
        return log

    @classmethod
    def open_readonly(cls, path: Path) -> Self:
        """Open the log only to read it: nothing in the campaign folder is written, not even
        an upgrade (an older log is upgraded in memory, for this reading only)."""
        path = Path(path)
        if not path.exists():
            raise UserError(
                "there is no contact log yet", Location(display_path(path)), "generate or send letters first"
            )
        conn = cls._connect_to_read(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _newer(path, version)
            if version < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                conn.backup(memory)
                conn.close()
                conn = memory
                cls(path, conn)._migrate(version)
        except sqlite3.Error as exc:
            conn.close()
            raise translate_error(exc, path, "read") from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    @staticmethod
    def _connect_to_read(path: Path) -> sqlite3.Connection:
        """A connection that changes nothing. Read-write where the folder allows it: SQLite
        then removes the -wal and -shm files it needs when the reading ends (a read-only
        connection would leave them behind); read-only on a share one may not write to."""
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
        raise translate_error(problem, path, "opened")

    def _backup(self, version: int) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.v{version}-backup-{stamp}")
        copy = sqlite3.connect(target)
        try:
            self._conn.backup(copy)
        finally:
            copy.close()
        self.upgraded_from = (version, target)
        return target

    def _migrate(self, version: int, target: int = SCHEMA_VERSION) -> None:
        with self.transaction("upgraded"):
            for number in range(version, target):
                for statement in _MIGRATIONS[number]:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {target}")

    upgraded_from: tuple[int, Path] | None = None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, doing: str = "changed") -> Iterator[sqlite3.Connection]:
        """One change set: all of it is written, or none of it."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path, doing) from None
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise translate_error(exc, self.path, doing) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path, "read") from None

    # ---- the rows every change needs ----------------------------------------------------

    @staticmethod
    def _insert_event(
        conn: sqlite3.Connection,
        cid: str,
        kind: str,
        by: str,
        detail: str = "",
        channel: str = "",
        at: str | None = None,
        *,
        letter_path: str = "",
        letter_sha256: str = "",
        process: str = "",
    ) -> Event:
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        event = Event(
            uuid.uuid4().hex,
            cid,
            kind,
            at or now_utc(),
            by,
            detail,
            channel,
            letter_path,
            letter_sha256,
            process,
        )
        conn.execute(EVENT_INSERT, astuple(event))
        return event

    @staticmethod
    def _find(conn: sqlite3.Connection, recipient_id: str, case_id: str, template_id: str) -> tuple | None:
        return conn.execute(
            "SELECT id, letter_sha256 FROM contacts "
            "WHERE recipient_id = ? AND case_id = ? AND template_id = ?",
            (recipient_id, case_id, template_id),
        ).fetchone()
