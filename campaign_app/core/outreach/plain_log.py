"""The log's letters read through the database's driver alone: what a status table reads.

``log status``, the Outreach tab and the status queries read every letter of the case, its
digest, and the events of the few letters a digest cannot speak for
(core/outreach/digest.py). Those reads are written here once, as SQL both engines take,
and run two ways:

- by :class:`ContactLog` (core/outreach/reading.py) on its SQLAlchemy connection, inside
  whatever it is doing;
- by :class:`PlainLog` on a bare sqlite3 or psycopg connection, for a reading and nothing
  else. SQLAlchemy's import alone is a tenth of ``log status``'s one second over 100,000
  letters, and a reading needs none of it: no statement is built, no change is made, an
  older campaign.db is the one case that needs its migrations (then ContactLog reads it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from itertools import groupby, starmap
from operator import itemgetter
from pathlib import Path
from typing import Any, Self

from campaign_app.core.outreach.location import LogLocation, sqlite_location
from campaign_app.core.outreach.log_errors import translate_error
from campaign_app.core.outreach.records import CONTACT_COLUMNS, EVENT_COLUMNS, Contact, Event
from campaign_app.core.outreach.revisions import open_to_read, require_current


def _columns(names: Sequence[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)  # quoted: "by" is a keyword


def tie_column(shared: bool) -> str:
    """What orders a letter's events written in the same microsecond: the order written
    (SQLite's rowid; a ``seq`` identity column on PostgreSQL)."""
    return "seq" if shared else "rowid"


# ``?`` marks a value; on PostgreSQL it is written ``%s`` (psycopg's mark).
_LOG_ORDER = " ORDER BY created_at, id"  # the log's order of letters
_CONTACTS = f"SELECT {_columns(CONTACT_COLUMNS)} FROM contacts"
_BRIEF_COLUMNS = ("id", "recipient_id", "recipient_name", "category", "case_id", "template_id", "channel")
_BRIEFS = f"SELECT {_columns(_BRIEF_COLUMNS)} FROM contacts" + _LOG_ORDER
# a case's briefs, from the index kept in this order with these columns (migration 0007)
_CASE_BRIEFS = (
    f"SELECT {_columns([c for c in _BRIEF_COLUMNS if c != 'case_id'])} FROM contacts WHERE case_id = ?"
    + _LOG_ORDER
)
_DIGESTS = "SELECT contact_id, shape, times FROM letter_digests"
_EVENTS = f"SELECT {_columns(EVENT_COLUMNS)} FROM events"
_IN_CHUNK = 500  # values in one IN list
_new = tuple.__new__


class LetterReads:
    """The reads of a status table, over ``_rows`` (mixed into ContactLog's reading, and
    :class:`PlainLog`). Each read is one statement, a short transaction of its own."""

    shared: bool

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """The rows of one statement, its values marked ``?`` (this engine's mark given)."""
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self._rows(sql.replace("?", "%s") if self.shared else sql, params)

    def contacts(
        self, case_id: str | None = None, *, template_id: str | None = None, recipient_id: str | None = None
    ) -> list[Contact]:
        """The letters of the case (every case: None), from one template, to one recipient,
        in the log's order: chosen by the database, not read whole and filtered here (a
        team's log holds 100,000 letters; a send wants one template's, a mark one person's)."""
        wanted = {"case_id": case_id or None, "template_id": template_id, "recipient_id": recipient_id}
        chosen = {column: value for column, value in wanted.items() if value is not None}
        where = " WHERE " + " AND ".join(f"{column} = ?" for column in chosen) if chosen else ""
        return [Contact(*row) for row in self._query(_CONTACTS + where + _LOG_ORDER, list(chosen.values()))]

    def contact_briefs(self, case_id: str | None = None) -> list[Contact]:
        """Every letter of the case (all cases: None), in the log's order, without what a
        status table never reads (language, address, the draft's file and when the letter
        was made: blank; the channel is kept: the Outreach tab says "sent by post").
        ``log status`` reads 100,000 of them: the columns left out are half of the read.
        Only abridged states hold these (core/outreach/digest.py)."""
        # tuple.__new__: a Contact without the Python call of its constructor, a third of
        # the cost of making 100,000 of them (the fields are Contact's, in its order)
        if not case_id:
            return [
                _new(Contact, (cid, rid, name, category, case, template, "", channel, "", "", "", ""))
                for cid, rid, name, category, case, template, channel in self._query(_BRIEFS)
            ]
        return [  # the case asked for, not read 100,000 times
            _new(Contact, (cid, rid, name, category, case_id, template, "", channel, "", "", "", ""))
            for cid, rid, name, category, template, channel in self._query(_CASE_BRIEFS, (case_id,))
        ]

    def letter_digests(self) -> list[tuple[str, str, str]]:
        """One row per letter with events, every case's: (letter id, its events' kinds and
        members, its events' times), each event's kind and member joined with
        ``DIGEST_FIELD`` and the events with ``DIGEST_SEPARATOR``, in the order they
        happened. The database keeps them beside the events (migration 0007); ties in time
        come in the order written, which the reader does not take on trust
        (core/outreach/digest.py)."""
        return self._query(_DIGESTS)

    def events_by_letter(self, ids: Collection[str] | None = None) -> dict[str, list[Event]]:
        """Every letter's events in order (or only those of the letters ``ids``), by letter
        id: read in the order of the events' index (letter, time), so grouping them is one
        pass with no sorting (``log status`` over 100,000 letters reads 300,000 events)."""
        order = f" ORDER BY contact_id, at, {tie_column(self.shared)}"
        rows = (
            self._query(_EVENTS + order) if ids is None else self._rows_in(_EVENTS, "contact_id", ids, order)
        )
        return {cid: list(group) for cid, group in groupby(starmap(Event, rows), key=itemgetter(1))}

    def contacts_by_id(self, ids: Collection[str]) -> dict[str, Contact]:
        """The letters ``ids`` (those the log has), whole, by id."""
        return {row[0]: Contact(*row) for row in self._rows_in(_CONTACTS, "id", ids)}

    def _rows_in(self, sql: str, column: str, values: Collection[str], order: str = "") -> list[tuple]:
        """``sql``'s rows where ``column`` is one of ``values``: a bounded IN list per
        statement, in the order of ``values`` sorted (rows ordered by ``column`` stay so)."""
        wanted = sorted(values)
        rows: list[tuple] = []
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            rows += self._query(f"{sql} WHERE {column} IN ({', '.join('?' * len(chunk))}){order}", chunk)
        return rows


class PlainLog(LetterReads):
    """The contact log opened only to read its letters, on the driver's own connection (see
    the module's docstring). Use as a context manager, or call :meth:`close`."""

    def __init__(self, location: LogLocation, connection: Any, errors: tuple[type[Exception], ...]):
        self.location = location
        self.path = location.path
        self.shared = location.shared
        self._conn = connection
        self._errors = errors  # the driver's

    @classmethod
    def open(cls, path: Path) -> Self | None:
        """campaign.db, to read it, changing nothing; None when it is older than this program
        (ContactLog.open_readonly reads it, upgraded in memory). A newer one is refused."""
        conn, current = open_to_read(path)
        if not current:
            conn.close()
            return None
        return cls(sqlite_location(path), conn, (sqlite3.Error,))

    @classmethod
    def connect(cls, location: LogLocation, password: str | None) -> Self:
        """The team's log, as this member (without ``password``, libpq finds it: PGPASSWORD,
        .pgpass); refused when its schema is not this program's."""
        import psycopg
        from psycopg.conninfo import make_conninfo

        conninfo = make_conninfo(
            host=location.host,
            port=location.port,
            user=location.user,
            dbname=location.database,
            password=password,  # None: left out
            **location.libpq_options(),
        )
        try:
            conn = psycopg.connect(conninfo, autocommit=True)  # each reading its own transaction
        except psycopg.Error as exc:
            raise translate_error(exc, location, "opened") from None
        log = cls(location, conn, (psycopg.Error,))
        try:
            rows = log._rows("SELECT version_num FROM alembic_version", doing="opened")
            require_current(rows[0][0] if rows else None, location)
        except BaseException:
            log.close()
            raise
        return log

    def _rows(self, sql: str, params: Sequence[object] = (), doing: str = "read") -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except self._errors as exc:
            raise translate_error(exc, self.location, doing) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
