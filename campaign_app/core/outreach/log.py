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
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.outreach.records import (
    CONTACT_COLUMNS,
    DONE,
    EVENT_COLUMNS,
    Contact,
    Event,
    History,
    NewContact,
    contact_id,
    now_utc,
    parse_time,
    read_history,
    rename_detail,
    renames_of,
)
from campaign_app.core.outreach.terms import CHANNELS, EVENT_KINDS, MARK_STATUSES

__all__ = [
    "CONTACT_COLUMNS",
    "LOG_NAME",
    "SCHEMA_VERSION",
    "Claim",
    "Contact",
    "ContactLog",
    "Event",
    "NewContact",
    "contact_id",
    "now_utc",
    "parse_time",
]

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
_EVENT_SELECT = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
_EVENT_INSERT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a letter for sending: ``event`` is ours when it was granted;
    otherwise ``history`` says why not (sent already, or claimed by someone else)."""

    granted: bool
    history: History
    event: Event | None = None


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

    @classmethod
    def open_readonly(cls, path: Path) -> ContactLog:
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
                raise UserError(
                    f"campaign.db was written by a newer version of campaign_app (log version {version}, "
                    f"this one knows up to {SCHEMA_VERSION})",
                    Location(display_path(path)),
                    "update campaign_app; the log was not changed",
                )
            if version < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                conn.backup(memory)
                conn.close()
                conn = memory
                cls(path, conn)._migrate(version)
        except sqlite3.Error as exc:
            conn.close()
            raise _translate(exc, path, "read") from None
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
        raise _translate(problem, path, "opened")

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
        conn.execute(_EVENT_INSERT, astuple(event))
        return event

    @staticmethod
    def _history_in(conn: sqlite3.Connection, cid: str) -> History:
        rows = conn.execute(f"{_EVENT_SELECT} WHERE contact_id = ? ORDER BY at, rowid", (cid,)).fetchall()
        return read_history(Event(*row) for row in rows)

    @staticmethod
    def _find(conn: sqlite3.Connection, recipient_id: str, case_id: str, template_id: str) -> tuple | None:
        return conn.execute(
            "SELECT id, letter_sha256 FROM contacts "
            "WHERE recipient_id = ? AND case_id = ? AND template_id = ?",
            (recipient_id, case_id, template_id),
        ).fetchone()

    def record_drafts(self, letters: Iterable[NewContact], by: str) -> int:
        """Record generated letters as drafted, in one transaction; returns how many were new
        or changed.

        A letter whose file is unchanged is not recorded again. A letter that went out keeps
        the record of what was sent (its "sent" event names the kept copy); a changed draft
        of it is recorded, which makes it "revised after sending", never a draft to send
        again. A letter being sent right now (claimed) is left alone.
        """
        count = 0
        with self.transaction("updated") as conn:
            for letter in letters:
                found = self._find(conn, letter.recipient_id, letter.case_id, letter.template_id)
                if found is None:
                    cid = contact_id(letter.recipient_id, letter.case_id, letter.template_id)
                    conn.execute(
                        f"INSERT INTO contacts ({', '.join(CONTACT_COLUMNS)}) "
                        f"VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})",
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
                    cid, current_sha = found
                    if current_sha == letter.letter_sha256:
                        continue
                    history = self._history_in(conn, cid)
                    if history.status == "uncertain":
                        continue
                    conn.execute(
                        "UPDATE contacts SET letter_path = ?, letter_sha256 = ?, recipient_name = ? "
                        "WHERE id = ?",
                        (letter.letter_path, letter.letter_sha256, letter.recipient_name, cid),
                    )
                    if not history.went_out:
                        conn.execute(
                            "UPDATE contacts SET channel = ?, address = ? WHERE id = ?",
                            (letter.channel, letter.address, cid),
                        )
                self._insert_event(
                    conn,
                    cid,
                    "drafted",
                    by,
                    letter.letter_path,
                    letter.channel,
                    letter_path=letter.letter_path,
                    letter_sha256=letter.letter_sha256,
                )
                count += 1
        return count

    def claim(
        self,
        cid: str,
        by: str,
        detail: str,
        *,
        channel: str,
        letter_path: str,
        letter_sha256: str,
        resend_uncertain: bool = False,
        resend_revised: bool = False,
    ) -> Claim:
        """Claim a letter for sending, in its own transaction, before the mail server hears of it.

        Granted for a draft or a failed letter; for an uncertain one only with
        ``resend_uncertain`` and when the program that claimed it is gone; for a letter that
        went out only with ``resend_revised`` and when it was revised since. Whoever claims
        second (another window, terminal or machine on this log) is refused and told why.
        """
        from campaign_app.core.common.processes import claimant_alive, this_process

        with self.transaction("updated") as conn:
            history = self._history_in(conn, cid)
            status = history.status
            granted = (
                status in ("drafted", "failed")
                or (
                    status == "uncertain"
                    and resend_uncertain
                    and history.claim is not None
                    and not claimant_alive(history.claim.process)
                )
                or (resend_revised and history.went_out and history.revised and status in DONE)
            )
            if not granted:
                return Claim(False, history)
            event = self._insert_event(
                conn,
                cid,
                "sending",
                by,
                detail,
                channel,
                letter_path=letter_path,
                letter_sha256=letter_sha256,
                process=this_process(),
            )
            return Claim(True, history, event)

    def add_event(
        self,
        cid: str,
        kind: str,
        by: str,
        detail: str = "",
        channel: str = "",
        at: str | None = None,
        *,
        letter_path: str = "",
        letter_sha256: str = "",
    ) -> str:
        """Append one event to a contact's history (its own transaction)."""
        with self.transaction("updated") as conn:
            if channel:
                conn.execute("UPDATE contacts SET channel = ? WHERE id = ?", (channel, cid))
            event = self._insert_event(
                conn, cid, kind, by, detail, channel, at, letter_path=letter_path, letter_sha256=letter_sha256
            )
            return event.id

    def letters_to(
        self, recipient_id: str, case_id: str | None = None, template_id: str | None = None
    ) -> list[Contact]:
        """A recipient's letters (of the case, or from one template)."""
        return [
            c
            for c in self.contacts(case_id)
            if c.recipient_id == recipient_id and (template_id is None or c.template_id == template_id)
        ]

    def mark(
        self,
        recipient_id: str,
        status: str,
        by: str,
        note: str = "",
        channel: str = "",
        case_id: str | None = None,
        template_id: str | None = None,
        *,
        letter_path: str = "",
        letter_sha256: str = "",
    ) -> list[str]:
        """Mark a recipient's letter replied, no-reply, closed or sent; returns the contacts
        changed. "sent" is for letters that went by post, web form, fax or in person, and
        needs ``channel``. A recipient with several letters needs ``template_id``: marking
        them all at once is how a reply to one appeal closes another by mistake."""
        if status not in MARK_STATUSES:
            raise UserError(f"cannot mark a letter '{status}'", hint=f"use one of {', '.join(MARK_STATUSES)}")
        if channel and channel not in CHANNELS:
            raise UserError(f"unknown channel '{channel}'", hint=f"use one of {', '.join(CHANNELS)}")
        contacts = self.letters_to(recipient_id, case_id, template_id)
        if not contacts:
            what = f"letter from template '{template_id}'" if template_id else "letter"
            raise UserError(
                f"the contact log has no {what} to '{recipient_id}'",
                Location(display_path(self.path)),
                "generate the letter first (campaign-app generate), or check the recipient id "
                "with 'campaign-app log status'",
            )
        if len(contacts) > 1:
            templates = ", ".join(sorted(c.template_id for c in contacts))
            raise UserError(
                f"'{recipient_id}' has {len(contacts)} letters in the contact log (templates {templates}): "
                "nothing was marked",
                hint="say which letter with --template ID",
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
                self._insert_event(
                    conn,
                    c.id,
                    status,
                    by,
                    note,
                    channel,
                    letter_path=letter_path,
                    letter_sha256=letter_sha256,
                )
        return [c.id for c in contacts]

    def rename(self, kind: str, old: str, new: str, by: str) -> int:
        """Carry every letter recorded under case (or template) ``old`` over to ``new``, in one
        transaction; returns how many letters. Their ids and histories stay as they are,
        and each history records the rename, so a letter sent under the old name is still
        sent under the new one, and a volunteer's log with the old name merges onto it."""
        column = {"case": "case_id", "template": "template_id"}[kind]
        where = Location(display_path(self.path))
        for value in (old, new):
            if not value.strip() or "→" in value:
                raise UserError(
                    f"'{value}' cannot be a {kind} id", hint=f"give the {kind}'s id as its file has it"
                )
        if old == new:
            raise UserError(f"the old and the new {kind} id are both '{old}': nothing to rename")
        with self.transaction("updated") as conn:
            rows = conn.execute(
                f"SELECT id, recipient_id, case_id, template_id FROM contacts WHERE {column} = ?", (old,)
            ).fetchall()
            if not rows:
                raise UserError(
                    f"the contact log has no letter under {kind} '{old}'",
                    where,
                    f"check the old id with 'campaign-app log export' (in its {column} column)",
                )
            clashes = []
            for _cid, rid, case, template in rows:
                key = (rid, new, template) if kind == "case" else (rid, case, new)
                if self._find(conn, *key) is not None:
                    clashes.append(rid)
            if clashes:
                raise UserError(
                    f"the contact log already has letters under {kind} '{new}' to "
                    f"{', '.join(sorted(clashes))}: "
                    "renaming would make two letters one; nothing was renamed",
                    where,
                    f"if '{old}' and '{new}' are really different letters, keep both names",
                )
            conn.execute(f"UPDATE contacts SET {column} = ? WHERE {column} = ?", (new, old))
            for cid, *_ in rows:
                self._insert_event(conn, cid, "renamed", by, rename_detail(kind, old, new))
        return len(rows)

    def _renamed_to(self, conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
        """(kind, old id) → the id it has now, from every rename this log recorded."""
        found: dict[tuple[str, str], str] = {}
        rows = conn.execute(f"{_EVENT_SELECT} WHERE kind = 'renamed' ORDER BY at, rowid").fetchall()
        for kind, old, new in renames_of(Event(*row) for row in rows):
            found[(kind, old)] = new
        return found

    @staticmethod
    def _current(renamed: dict[tuple[str, str], str], kind: str, name: str) -> str:
        seen = {name}
        while (kind, name) in renamed and renamed[(kind, name)] not in seen:
            name = renamed[(kind, name)]
            seen.add(name)
        return name

    def import_rows(
        self, contacts: Iterable[Contact], events: Iterable[Event], by: str = ""
    ) -> tuple[int, int]:
        """Fold contacts and events from another log in (merge); returns (contacts, events) added.

        What is already here is kept as it is; running it twice adds nothing. A letter the
        other log holds under a case or template this log renamed joins the renamed letter;
        one this log holds under another id (recorded separately by two volunteers) keeps
        this log's id and gains the other's history.
        """
        added_c = added_e = 0
        with self.transaction("merged") as conn:
            renamed = self._renamed_to(conn)
            ids: dict[str, str] = {}
            for c in contacts:
                if conn.execute("SELECT 1 FROM contacts WHERE id = ?", (c.id,)).fetchone():
                    ids[c.id] = c.id
                    continue
                case = self._current(renamed, "case", c.case_id)
                template = self._current(renamed, "template", c.template_id)
                found = self._find(conn, c.recipient_id, case, template)
                if found is not None:
                    ids[c.id] = found[0]
                    continue
                row = list(astuple(c))
                row[CONTACT_COLUMNS.index("case_id")] = case
                row[CONTACT_COLUMNS.index("template_id")] = template
                conn.execute(
                    f"INSERT INTO contacts ({', '.join(CONTACT_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})",
                    row,
                )
                for kind, old, new in (("case", c.case_id, case), ("template", c.template_id, template)):
                    if old != new:
                        self._insert_event(conn, c.id, "renamed", by, rename_detail(kind, old, new))
                ids[c.id] = c.id
                added_c += 1
            for e in events:
                cur = conn.execute(
                    _EVENT_INSERT, astuple(replace(e, contact_id=ids.get(e.contact_id, e.contact_id)))
                )
                added_e += cur.rowcount
        return added_c, added_e

    # ---- reading -----------------------------------------------------------------------

    def contacts(self, case_id: str | None = None) -> list[Contact]:
        sql = f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts"
        sql += (" WHERE case_id = ?" if case_id else "") + " ORDER BY created_at, id"
        return [Contact(*row) for row in self._read(sql, (case_id,) if case_id else ())]

    def contact(self, cid: str) -> Contact | None:
        rows = self._read(f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts WHERE id = ?", (cid,))
        return Contact(*rows[0]) if rows else None

    def contact_for(self, recipient_id: str, case_id: str, template_id: str) -> Contact | None:
        """The letter to this recipient from this case and template (renamed ones included)."""
        rows = self._read(
            f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts "
            "WHERE recipient_id = ? AND case_id = ? AND template_id = ?",
            (recipient_id, case_id, template_id),
        )
        return Contact(*rows[0]) if rows else None

    def events(self, cid: str | None = None) -> list[Event]:
        """Events in the order they happened (ties: the order they were written)."""
        sql = _EVENT_SELECT + (" WHERE contact_id = ?" if cid else "") + " ORDER BY at, rowid"
        return [Event(*row) for row in self._read(sql, (cid,) if cid else ())]

    def history(self, cid: str) -> History:
        """What the letter's events say now (status, went out, revised, open claim)."""
        return read_history(self.events(cid))


def log_path(workspace_root: Path) -> Path:
    return Path(workspace_root) / LOG_NAME
