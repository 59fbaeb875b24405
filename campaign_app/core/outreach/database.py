"""The contact log's database: opening it on SQLite or PostgreSQL, its schema revision, and
changing it safely.

Why these choices:

- One connection per open log, and every change one transaction: whole or not at all. On
  SQLite each change begins with ``BEGIN IMMEDIATE`` (two programs wait their turn; WAL
  mode); on PostgreSQL a claim inserts the letter if absent and locks its row (``SELECT …
  FOR UPDATE``), so two senders on any machines queue on the same letter and the second
  sees the first one's claim.
- The schema is built and upgraded by Alembic (core/outreach/upgrade.py). campaign.db
  upgrades itself after a backup copy; a team's database is upgraded by a coordinator
  (``log upgrade``), and a member's program on an older or missing schema says so instead
  of changing it. A log newer than this program is refused, untouched.
- Reading only (``open_readonly``) never writes to the campaign folder: an older
  campaign.db is upgraded in memory for that reading.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, literal_column, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from campaign_app.core.common.i18n import _
from campaign_app.core.outreach import upgrade
from campaign_app.core.outreach.location import LogLocation, sqlite_location
from campaign_app.core.outreach.log_errors import no_log_yet, translate_error
from campaign_app.core.outreach.plain_log import tie_column
from campaign_app.core.outreach.records import EVENT_COLUMNS, Event, now_utc
from campaign_app.core.outreach.revisions import SQLITE_USER_VERSION, copy_in_memory, open_to_read
from campaign_app.core.outreach.schema import contacts, events
from campaign_app.core.outreach.team import MemberRights
from campaign_app.core.outreach.terms import EVENT_KINDS

LOG_NAME = "campaign.db"
SCHEMA_VERSION = SQLITE_USER_VERSION
EVENT_SELECT = select(*(events.c[name] for name in EVENT_COLUMNS))


def _dialect(shared: bool) -> Any:
    """The engine's SQL dialect, for its INSERT … ON CONFLICT. PostgreSQL's is imported only
    for a team's log: with its async drivers it is a sixth of the log's imports, which every
    ``log status`` on campaign.db would pay for nothing."""
    if shared:
        from sqlalchemy.dialects import postgresql

        return postgresql
    return sqlite


class _Statements:
    """The statements a letter's claim and record run, made once per engine kind and then
    only given their values.

    Sending a letter runs about five of them; building each anew (and working out its
    cache key) was a third of the log's time per letter. A statement object made once keeps
    its cache key and its compiled form, and says the same SQL as one made per call."""

    def __init__(self, shared: bool):
        dialect = _dialect(shared)
        self.order: tuple[Any, ...] = (events.c.at, literal_column(f"events.{tie_column(shared)}"))
        self.insert_event = (
            dialect.insert(events).on_conflict_do_nothing().returning(events.c.at, events.c.by)
        )
        self.insert_contact = dialect.insert(contacts).on_conflict_do_nothing().returning(contacts.c.id)
        self.history = EVENT_SELECT.where(events.c.contact_id == bindparam("cid")).order_by(*self.order)
        self.find = select(contacts.c.id, contacts.c.letter_sha256).where(
            contacts.c.recipient_id == bindparam("recipient_id"),
            contacts.c.case_id == bindparam("case_id"),
            contacts.c.template_id == bindparam("template_id"),
        )
        self.find_locked = self.find.with_for_update() if shared else self.find
        # Only where it differs: a letter sent by e-mail is mostly "email" already, and a row
        # not changed is not written again with the event. Only until the letter went out:
        # then it keeps the channel it went by (a team's server refuses a volunteer's change).
        went_out = select(events.c.id).where(events.c.contact_id == bindparam("cid"), events.c.kind == "sent")
        self.set_channel = (
            update(contacts)
            .where(
                contacts.c.id == bindparam("cid"),
                contacts.c.channel != bindparam("channel"),
                ~went_out.exists(),
            )
            .values(channel=bindparam("channel"))
        )


_STATEMENTS: dict[bool, _Statements] = {}  # per engine kind, made when one is first opened


def _statements(shared: bool) -> _Statements:
    statements = _STATEMENTS.get(shared)
    if statements is None:
        statements = _STATEMENTS[shared] = _Statements(shared)
    return statements


def _sqlite_engine(connect: Any) -> Engine:
    """An engine over one sqlite3 connection that this module begins and ends itself: the
    driver's own transaction handling is off, and each transaction says whether it writes
    (``BEGIN IMMEDIATE``) or only reads."""
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.pop("immediate", False) else "BEGIN")

    return engine


def postgres_engine(location: LogLocation, password: str | None) -> Engine:
    """An engine for the team's database. Without ``password`` libpq finds it (PGPASSWORD,
    .pgpass). A verify-full/verify-ca connection without a CA file trusts the system's CAs."""
    url = URL.create(
        "postgresql+psycopg",
        username=location.user,
        password=password,
        host=location.host,
        port=location.port,
        database=location.database,
        query=location.libpq_options(),
    )
    return create_engine(url, poolclass=StaticPool)


class LogDatabase(MemberRights):
    """One open contact log: its connection, schema and transactions. Use as a context
    manager, or call :meth:`close`."""

    upgraded_from: tuple[int, Path] | None = None
    wal: bool = False  # campaign.db in WAL mode: a change may wait for the next one's sync

    def __init__(self, location: LogLocation, engine: Engine, conn: Connection):
        self.location = location
        self.path = location.path
        self._engine = engine
        self._conn = conn
        self.shared = engine.dialect.name == "postgresql"
        self._statements = _statements(self.shared)

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, timeout: float = 5.0) -> Self:
        """Open (and create, or upgrade after a backup) campaign.db at ``path``; a change waits
        up to ``timeout`` seconds for another program that is writing to it."""
        location = sqlite_location(path)
        path = Path(path)
        if not create and not path.exists():
            raise no_log_yet(path)

        def connect() -> sqlite3.Connection:
            conn = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            return conn

        log = cls._start(location, _sqlite_engine(connect), "opened")
        try:
            log.upgraded_from = upgrade.bring_sqlite_up_to_date(log._conn, path)
            raw = log._conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            # After the version check (a newer log stays byte for byte as it was), outside
            # any transaction (SQLite changes the journal only there).
            mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":  # e.g. on a network share: the rollback journal still works
                raw.execute("PRAGMA journal_mode = DELETE")
            log.wal = str(mode).lower() == "wal"
            raw.execute("PRAGMA synchronous = FULL")
        except (DBAPIError, sqlite3.Error) as exc:
            log.close()
            raise translate_error(exc, location, "opened") from None
        except BaseException:
            log.close()
            raise
        return log

    @classmethod
    def open_readonly(cls, path: Path) -> Self:
        """Open campaign.db only to read it: nothing in the campaign folder is written, not even
        an upgrade (an older log is upgraded in memory, for this reading only)."""
        path = Path(path)
        location = sqlite_location(path)
        source, current = open_to_read(path)
        memory = None
        if not current:
            try:
                memory = copy_in_memory(source, path)
            finally:
                source.close()
        connection = memory or source
        log = cls._start(location, _sqlite_engine(lambda: connection), "read")
        if memory is not None:
            try:
                upgrade.bring_sqlite_up_to_date(log._conn, None)
            except SQLAlchemyError as exc:
                log.close()
                raise translate_error(exc, location, "read") from None
        return log

    @classmethod
    def connect(cls, location: LogLocation, password: str | None, *, check_schema: bool = True) -> Self:
        """Connect to the team's log on PostgreSQL; refused (untouched) when its schema is
        missing, older or newer than this program's (unless not ``check_schema``: to upgrade
        or grant)."""
        log = cls._start(location, postgres_engine(location, password), "opened")
        try:
            if check_schema:
                log.check_schema()
        except BaseException:
            log.close()
            raise
        return log

    def check_schema(self) -> None:
        """Refused (a UserError) when the team's log's schema is missing, older or newer
        than this program's, or this member may not even read it."""
        upgrade.check_shared(self._conn, self.location)

    @classmethod
    def _start(cls, location: LogLocation, engine: Engine, doing: str) -> Self:
        try:
            conn = engine.connect()
        except SQLAlchemyError as exc:
            engine.dispose()
            raise translate_error(exc, location, doing) from None
        return cls(location, engine, conn)

    def upgrade_schema(self) -> str:
        """Create or migrate the team's schema (``log upgrade``); says what it did."""
        if not self.shared:
            return _("{log} is up to date (campaign.db upgrades itself).").format(
                log=self.location.describe()
            )
        before, after = upgrade.upgrade_shared(self._conn, self.location)
        if before == after:
            return _("{log} is up to date (revision {after}); nothing changed.").format(
                log=self.location.describe(), after=after
            )
        if before is None:
            return _("Created {log} (revision {after}).").format(log=self.location.describe(), after=after)
        return _("Upgraded {log} from revision {before} to {after}.").format(
            log=self.location.describe(), before=before, after=after
        )

    def close(self) -> None:
        with suppress(SQLAlchemyError):
            self._conn.close()
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions --------------------------------------------------------------------

    @contextmanager
    def transaction(self, doing: str = "changed", *, durable: bool = True) -> Iterator[Connection]:
        """One change set: all of it is written, or none of it.

        Not ``durable`` (campaign.db in WAL mode only): committed without waiting for the disk
        (``synchronous = NORMAL``): other programs see it at once and a crash of this program
        keeps it; only a power cut or a crash of the system before the next durable change
        (whose sync writes out the log's WAL up to it) or :meth:`make_durable` loses it. A
        sent letter's record is written so, its durability left to the next letter's claim
        (core/campaign/send_loop.py says why that is safe)."""
        relaxed = not durable and self.wal
        if relaxed:
            self._sqlite().execute("PRAGMA synchronous = NORMAL")
        try:
            with self._transaction(doing) as conn:
                yield conn
        finally:
            if relaxed:
                self._sqlite().execute("PRAGMA synchronous = FULL")

    def make_durable(self) -> None:
        """Sync to disk what changes were committed without waiting for it (``durable=False``):
        SQLite's write-ahead log file, which holds them, as a durable commit would."""
        if not self.wal or self.path is None:
            return
        wal = Path(f"{self.path}-wal")
        try:
            fd = os.open(wal, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:  # checkpointed into campaign.db (synced) and removed
            return
        except OSError as exc:
            raise translate_error(exc, self.location, "updated") from None
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _sqlite(self) -> sqlite3.Connection:
        raw = self._conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[Connection]:
        self._conn.info["immediate"] = True
        try:
            tx = self._conn.begin()
        except DBAPIError as exc:
            raise translate_error(exc, self.location, doing) from None
        finally:
            self._conn.info.pop("immediate", None)
        try:
            yield self._conn
            tx.commit()
        except DBAPIError as exc:
            self._rollback(tx)
            raise translate_error(exc, self.location, doing) from None
        except BaseException:
            self._rollback(tx)
            raise

    @staticmethod
    def _rollback(tx: Any) -> None:
        with suppress(SQLAlchemyError):
            tx.rollback()

    def _read(self, statement: Any, params: tuple = ()) -> list[tuple]:
        """Rows of one query (a statement, or SQL in the driver's words with its ``params``),
        in a short read transaction of its own (or the one under way). The driver's own
        cursor fetches them all at once (a log of 100,000 letters holds hundreds of
        thousands of events: row-by-row fetching through the engine doubled ``log status``)."""
        try:
            if self._conn.in_transaction():
                return self._fetch_all(statement, params)
            with self._conn.begin():
                return self._fetch_all(statement, params)
        except DBAPIError as exc:
            raise translate_error(exc, self.location, "read") from None

    def _fetch_all(self, statement: Any, params: tuple) -> list[tuple]:
        if isinstance(statement, str):
            result = (
                self._conn.exec_driver_sql(statement, params)
                if params
                else self._conn.exec_driver_sql(statement)
            )
        else:
            result = self._conn.execute(statement)
        rows = list(result.cursor.fetchall()) if result.cursor is not None else []
        result.close()
        return rows

    # ---- what every change needs --------------------------------------------------------

    def _insert(self, table: Any) -> Any:
        """An INSERT that does nothing where the row is already there (same id)."""
        return _dialect(self.shared).insert(table).on_conflict_do_nothing()

    def event_order(self) -> tuple[Any, ...]:
        """Events in the order they happened; ties (same microsecond) in the order written."""
        return self._statements.order

    def _insert_event(
        self, conn: Connection, cid: str, kind: str, by: str, *args: Any, **fields: Any
    ) -> Event | None:
        """Append one event (the fields of :meth:`_event_row`); None when ``event_id`` was
        recorded already. On PostgreSQL the server sets who and when (the row it returns says
        what it recorded)."""
        values = self._event_row(cid, kind, by, *args, **fields)
        # RETURNING, not rowcount, tells whether the row was added (psycopg's rowcount is -1
        # for an INSERT … ON CONFLICT DO NOTHING here).
        row = conn.execute(self._statements.insert_event, values).first()
        if row is None:
            return None
        values["at"], values["by"] = row
        return Event(**values)

    @staticmethod
    def _event_row(
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
        message_id: str = "",
        event_id: str | None = None,
    ) -> dict[str, str]:
        """An event's row as it is inserted (a new id unless ``event_id``; now unless ``at``)."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        return {
            "id": event_id or uuid.uuid4().hex,
            "contact_id": cid,
            "kind": kind,
            "at": at or now_utc(),
            "by": by,
            "detail": detail,
            "channel": channel,
            "letter_path": letter_path,
            "letter_sha256": letter_sha256,
            "process": process,
            "message_id": message_id,
        }

    def _find(
        self, conn: Connection, recipient_id: str, case_id: str, template_id: str, *, lock: bool = False
    ) -> tuple | None:
        """The letter's (id, letter_sha256), its row locked until the transaction ends when
        ``lock`` (PostgreSQL; SQLite's writer already holds the whole database)."""
        query = self._statements.find_locked if lock else self._statements.find
        key = {"recipient_id": recipient_id, "case_id": case_id, "template_id": template_id}
        row = conn.execute(query, key).first()
        return tuple(row) if row is not None else None
