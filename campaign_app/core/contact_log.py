"""campaign.db: who was written to, how, by whom, and what happened since.

A coordinator must be able to say, weeks into a campaign, which prosecutor received which
letter and on what day, and a volunteer must never send the same letter twice. So the
log is a SQLite database in the workspace with one *contact* per letter (recipient, case,
template) and an append-only history of *events* for it (drafted, sending, sent, failed,
replied, no-reply, closed, note), each with its time and who did it. The current status
is derived from the history, never stored, so it cannot drift from it.

Why these choices:

- A contact's id is derived from (recipient, case, template), and an event's id is a
  random UUID. The same letter is then the same contact in every volunteer's log, and a
  merge can tell which events it already holds: merging twice changes nothing.
- Events cannot be changed or deleted (triggers refuse it): a correction is a new event.
- WAL mode, ``BEGIN IMMEDIATE`` for every change, one change set per transaction: a crash
  or a full disk leaves the log as it was before the change, never half of it.
- The schema version is kept in the database (``PRAGMA user_version``). Every database,
  new or old, is built by the same list of migrations; an older one is first copied
  beside itself (SQLite's backup API, so the copy is consistent), then upgraded in one
  transaction. A newer one is refused, untouched.
- "Disk full", "read-only", "locked" and "not a database" are told to the user as such.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from .errors import Location, UserError, display_path
from .log_terms import CHANNELS, EVENT_KINDS, MARK_STATUSES

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
)
SCHEMA_VERSION = len(_MIGRATIONS)


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    recipient_id: str
    recipient_name: str
    category: str
    case_id: str
    template_id: str
    language: str
    channel: str
    address: str
    letter_path: str
    letter_sha256: str
    created_at: str


# The contacts table's columns, in the order of Contact's fields.
CONTACT_COLUMNS = tuple(f.name for f in fields(Contact))


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    contact_id: str
    kind: str
    at: str  # ISO 8601 UTC, microseconds: sorts as text
    by: str
    detail: str
    channel: str


@dataclass(frozen=True)
class NewContact:
    """A letter to record (generate and send hand these to :meth:`ContactLog.record_drafts`)."""

    recipient_id: str
    recipient_name: str
    category: str
    case_id: str
    template_id: str
    language: str
    channel: str
    address: str = ""
    letter_path: str = ""
    letter_sha256: str = ""


def contact_id(recipient_id: str, case_id: str, template_id: str) -> str:
    """The same letter has the same id in every volunteer's log."""
    key = "\0".join((recipient_id, case_id, template_id)).encode("utf-8")
    return hashlib.sha256(key).hexdigest()[:24]


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _translate(exc: sqlite3.Error, path: Path, doing: str) -> UserError:
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


class ContactLog:
    """One open campaign.db. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self._conn = conn

    # ---- opening and upgrading ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool = True, timeout: float = 5.0) -> ContactLog:
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
            raise _translate(exc, path, "opened") from None
        log = cls(path, conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise UserError(
                    f"campaign.db was written by a newer version of campaign_app (log version {version}, "
                    f"this one knows up to {SCHEMA_VERSION})",
                    Location(display_path(path)),
                    "update campaign_app; the log was not changed",
                )
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
            raise _translate(exc, path, "opened") from None
        except BaseException:
            conn.close()
            raise
        return log

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

    def __enter__(self) -> ContactLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, doing: str = "changed") -> Iterator[sqlite3.Connection]:
        """One change set: all of it is written, or none of it."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path, doing) from None
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _translate(exc, self.path, doing) from None
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
            raise _translate(exc, self.path, "read") from None

    # ---- writing -----------------------------------------------------------------------

    @staticmethod
    def _insert_event(
        conn: sqlite3.Connection, cid: str, kind: str, by: str, detail: str, channel: str, at: str | None
    ) -> str:
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        eid = uuid.uuid4().hex
        conn.execute(
            "INSERT INTO events (id, contact_id, kind, at, by, detail, channel) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (eid, cid, kind, at or now_utc(), by, detail, channel),
        )
        return eid

    def record_drafts(self, letters: Iterable[NewContact], by: str) -> int:
        """Record generated letters as drafted, in one transaction; returns how many were new.

        A letter already in the log is recorded again only while it is still a draft and its
        file changed (the campaign edited the case, say); a letter already sent keeps its
        history: the letter that went out is the one on record.
        """
        count = 0
        with self.transaction("updated") as conn:
            for letter in letters:
                cid = contact_id(letter.recipient_id, letter.case_id, letter.template_id)
                row = conn.execute("SELECT letter_sha256 FROM contacts WHERE id = ?", (cid,)).fetchone()
                if row is None:
                    conn.execute(
                        "INSERT INTO contacts (id, recipient_id, recipient_name, category, case_id, "
                        "template_id, language, channel, address, letter_path, letter_sha256, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            cid,
                            letter.recipient_id,
                            letter.recipient_name,
                            letter.category,
                            letter.case_id,
                            letter.template_id,
                            letter.language,
                            letter.channel,
                            letter.address,
                            letter.letter_path,
                            letter.letter_sha256,
                            now_utc(),
                        ),
                    )
                else:
                    kinds = [
                        k
                        for (k,) in conn.execute(
                            "SELECT kind FROM events WHERE contact_id = ? AND kind != 'note'", (cid,)
                        )
                    ]
                    if any(k != "drafted" for k in kinds) or row[0] == letter.letter_sha256:
                        continue
                    conn.execute(
                        "UPDATE contacts SET letter_path = ?, letter_sha256 = ?, channel = ?, address = ?, "
                        "recipient_name = ? WHERE id = ?",
                        (
                            letter.letter_path,
                            letter.letter_sha256,
                            letter.channel,
                            letter.address,
                            letter.recipient_name,
                            cid,
                        ),
                    )
                self._insert_event(conn, cid, "drafted", by, letter.letter_path, letter.channel, None)
                count += 1
        return count

    def add_event(
        self, cid: str, kind: str, by: str, detail: str = "", channel: str = "", at: str | None = None
    ) -> str:
        """Append one event to a contact's history (its own transaction)."""
        with self.transaction("updated") as conn:
            if channel:
                conn.execute("UPDATE contacts SET channel = ? WHERE id = ?", (channel, cid))
            return self._insert_event(conn, cid, kind, by, detail, channel, at)

    def mark(
        self,
        recipient_id: str,
        status: str,
        by: str,
        note: str = "",
        channel: str = "",
        case_id: str | None = None,
        template_id: str | None = None,
    ) -> list[str]:
        """Mark a recipient's letters (of the case, or one template) replied, no-reply, closed or
        sent; returns the contacts changed. "sent" is for letters that went by post, web form,
        fax or in person, and needs ``channel``."""
        if status not in MARK_STATUSES:
            raise UserError(f"cannot mark a letter '{status}'", hint=f"use one of {', '.join(MARK_STATUSES)}")
        if channel and channel not in CHANNELS:
            raise UserError(f"unknown channel '{channel}'", hint=f"use one of {', '.join(CHANNELS)}")
        contacts = [
            c
            for c in self.contacts(case_id)
            if c.recipient_id == recipient_id and (template_id is None or c.template_id == template_id)
        ]
        if not contacts:
            what = f"letter from template '{template_id}'" if template_id else "letter"
            raise UserError(
                f"the contact log has no {what} to '{recipient_id}'",
                Location(display_path(self.path)),
                "generate the letter first (campaign-app generate), or check the recipient id "
                "with 'campaign-app log status'",
            )
        if status == "sent" and (not channel or channel == "email"):
            raise UserError(
                "a letter marked as sent by hand needs its channel",
                hint="add --channel post, web-form, fax or in-person (e-mails are recorded by send)",
            )
        with self.transaction("updated") as conn:
            for c in contacts:
                if channel:
                    conn.execute("UPDATE contacts SET channel = ? WHERE id = ?", (channel, c.id))
                self._insert_event(conn, c.id, status, by, note, channel, None)
        return [c.id for c in contacts]

    def import_rows(self, contacts: Iterable[Contact], events: Iterable[Event]) -> tuple[int, int]:
        """Fold contacts and events from another log in (merge); returns (contacts, events) added.
        What is already here is kept as it is; running it twice adds nothing."""
        added_c = added_e = 0
        with self.transaction("merged") as conn:
            for c in contacts:
                cur = conn.execute(
                    f"INSERT OR IGNORE INTO contacts ({', '.join(CONTACT_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})",
                    astuple(c),
                )
                added_c += cur.rowcount
            for e in events:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO events (id, contact_id, kind, at, by, detail, channel) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (e.id, e.contact_id, e.kind, e.at, e.by, e.detail, e.channel),
                )
                added_e += cur.rowcount
        return added_c, added_e

    # ---- reading -----------------------------------------------------------------------

    def contacts(self, case_id: str | None = None) -> list[Contact]:
        sql = (
            "SELECT * FROM contacts" + (" WHERE case_id = ?" if case_id else "") + " ORDER BY created_at, id"
        )
        return [_contact(row) for row in self._read(sql, (case_id,) if case_id else ())]

    def contact(self, cid: str) -> Contact | None:
        rows = self._read(f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE id = ?", (cid,))
        return _contact(rows[0]) if rows else None

    def events(self, cid: str | None = None) -> list[Event]:
        """Events in the order they happened (ties: the order they were written)."""
        sql = "SELECT id, contact_id, kind, at, by, detail, channel FROM events"
        sql += (" WHERE contact_id = ?" if cid else "") + " ORDER BY at, rowid"
        return [Event(*row) for row in self._read(sql, (cid,) if cid else ())]


def _contact(row: tuple) -> Contact:
    return Contact(*row)


def log_path(workspace_root: Path) -> Path:
    return Path(workspace_root) / LOG_NAME
