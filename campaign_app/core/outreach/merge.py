"""``campaign-app log merge OTHER``: fold a volunteer's contact log into this one.

Volunteers write and send letters on their own machines; the coordinator collects their
logs (their campaign.db, or a ``log export`` CSV when that is easier to send) and merges
them, usually more than once as the campaign goes on. So a merge must be safe to repeat:
letters are matched by their id, which every log derives from (recipient, case,
template), and events by their own id, and nothing already in this log is changed.
Merging the same file twice, or the CSV and then the database it came from, adds nothing.

The volunteer's file is only read, never changed: not upgraded, not touched by SQLite
(which would leave ``-wal``/``-shm`` files beside it even on a read-only open of a WAL
database). It is copied into a temporary folder and read there, column by column, so a
log written by an older version (schema 1 has no event channel) merges as it is.

When both logs hold the same letter with a different file (two volunteers generated it
from different inputs), this log's letter is kept and the difference is reported; the
volunteer's history of it is still added, because it happened.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.outreach.database import LOG_NAME, SCHEMA_VERSION
from campaign_app.core.outreach.export import read_export
from campaign_app.core.outreach.records import CONTACT_COLUMNS, EVENT_COLUMNS, Contact, Event, identity_holds
from campaign_app.core.outreach.store import LogStore
from campaign_app.core.outreach.terms import EVENT_KINDS

_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class MergeReport:
    contacts_added: int
    events_added: int
    contacts_seen: int
    events_seen: int
    conflicts: list[str] = field(default_factory=list)
    source: str = ""

    def lines(self) -> list[str]:
        """What the command line prints."""
        source = self.source or _("the other log")
        seen = _("{letters} and {events}").format(
            letters=_letters(self.contacts_seen), events=_events(self.events_seen)
        )
        if self.contacts_added == 0 and self.events_added == 0:
            lines = [
                _("Nothing new in {source}: its {seen} were already in the log.").format(
                    source=source, seen=seen
                )
            ]
        else:
            lines = [
                _("Merged {source}: {letters}, {events} (it holds {seen}).").format(
                    source=source,
                    letters=ngettext("{n} new letter", "{n} new letters", self.contacts_added).format(
                        n=self.contacts_added
                    ),
                    events=ngettext("{n} new event", "{n} new events", self.events_added).format(
                        n=self.events_added
                    ),
                    seen=seen,
                )
            ]
        lines.extend(_("conflict: {problem}").format(problem=c) for c in self.conflicts)
        return lines


def _letters(count: int) -> str:
    return ngettext("{n} letter", "{n} letters", count).format(n=count)


def _events(count: int) -> str:
    return ngettext("{n} event", "{n} events", count).format(n=count)


def merge_log(log: LogStore, other: Path, by: str = "") -> MergeReport:
    """Merge ``other`` (a campaign.db, a folder holding one, or a log export .csv) into ``log``
    in one transaction."""
    other = Path(other)
    if other.is_dir() and (other / LOG_NAME).is_file():
        other = other / LOG_NAME
    where = Location(display_path(other))
    if not other.is_file():
        raise UserError(
            _("{name} does not exist").format(name=other.name)
            if not other.exists()
            else _("{name} is not a file").format(name=other.name),
            where,
            _("give the volunteer's campaign.db or their 'log export' .csv"),
        )
    if log.path is not None and log.path.exists() and os.path.samefile(other, log.path):
        raise UserError(
            _("this is the campaign's own contact log: there is nothing to merge"),
            where,
            _("give the volunteer's campaign.db or their 'log export' .csv"),
        )
    try:
        with other.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(
            _("cannot read {name} ({value})").format(name=other.name, value=exc.strerror or exc), where
        ) from None
    if head == _SQLITE_MAGIC:
        contacts, events = _read_database(other)
    elif other.suffix.lower() == ".csv":
        contacts, events = read_export(other)
    else:
        raise UserError(
            _("{name} is neither a campaign.db nor a log export (.csv)").format(name=other.name),
            where,
            _("give the volunteer's campaign.db or the file 'campaign-app log export' wrote"),
        )
    return _fold(log, contacts, events, display_path(other), by)


def _fold(
    log: LogStore, contacts: list[Contact], events: list[Event], source: str, by: str = ""
) -> MergeReport:
    ours = {c.id: c for c in log.contacts()}
    conflicts: list[str] = []
    accepted: list[Contact] = []
    by_contact: dict[str, list[Event]] = {}
    for e in events:
        by_contact.setdefault(e.contact_id, []).append(e)
    for c in contacts:
        if not identity_holds(c, by_contact.get(c.id, [])):
            conflicts.append(
                _(
                    "letter {id} to {value} does not match its recipient, case and template "
                    "(was the file edited?); it was skipped"
                ).format(id=c.id, value=c.recipient_name or c.recipient_id)
            )
            continue
        mine = ours.get(c.id)
        if (
            mine is not None
            and mine.letter_sha256
            and c.letter_sha256
            and mine.letter_sha256 != c.letter_sha256
        ):
            # Said again at each merge of the file (it is still true), but its history only once.
            here = {e.id for e in log.events(c.id)}
            added = any(e.id not in here and e.kind in EVENT_KINDS for e in by_contact.get(c.id, []))
            conflicts.append(
                _(
                    "letter to {value} ({recipient_id}, template {template_id}): {source} "
                    "has a different letter file (sha256 {letter_sha256}…) than this log "
                    "({letter_sha2562}…); {outcome}"
                ).format(
                    outcome=_("this log's letter was kept, its history added")
                    if added
                    else _("this log's letter is kept, and its history was merged before"),
                    value=mine.recipient_name or mine.recipient_id,
                    recipient_id=mine.recipient_id,
                    template_id=mine.template_id,
                    source=source,
                    letter_sha256=c.letter_sha256[:12],
                    letter_sha2562=mine.letter_sha256[:12],
                )
            )
        accepted.append(c)
    known = set(ours) | {c.id for c in accepted}
    kept = [e for e in events if e.contact_id in known and e.kind in EVENT_KINDS]
    if len(kept) < len(events):
        skipped = len(events) - len(kept)
        conflicts.append(
            ngettext(
                "{n} event in {source} belongs to no letter it holds or is of an unknown kind; "
                "it was skipped",
                "{n} events in {source} belong to no letter it holds or are of an unknown kind; "
                "they were skipped",
                skipped,
            ).format(n=skipped, source=source)
        )
    added_c, added_e = log.import_rows(accepted, kept, by, source)
    return MergeReport(added_c, added_e, len(contacts), len(events), conflicts, source)


def _read_database(path: Path) -> tuple[list[Contact], list[Event]]:
    """Read another campaign.db through a private copy (its ``-wal`` and ``-journal`` with it,
    so changes not yet checkpointed are seen): the original is never opened by SQLite."""
    where = Location(display_path(path))
    with tempfile.TemporaryDirectory(prefix="campaign-merge-") as tmp:
        copy = Path(tmp) / LOG_NAME
        try:
            shutil.copyfile(path, copy)
            for suffix in ("-wal", "-journal"):
                side = path.with_name(path.name + suffix)
                if side.is_file():
                    shutil.copyfile(side, copy.with_name(copy.name + suffix))
        except OSError as exc:
            raise UserError(
                _("cannot read {name} ({value})").format(name=path.name, value=exc.strerror or exc), where
            ) from None
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            return _read_tables(conn, path, where)
        except sqlite3.Error as exc:
            raise UserError(
                _("{name} is not a contact log or is damaged ({exc})").format(name=path.name, exc=exc),
                where,
                _("ask the volunteer for their campaign.db again, or for a 'campaign-app log export' .csv"),
            ) from None
        finally:
            conn.close()


def _read_tables(conn: sqlite3.Connection, path: Path, where: Location) -> tuple[list[Contact], list[Event]]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise UserError(
            _(
                "{name} was written by a newer version of campaign_app (log version "
                "{version}, this one knows up to {schema_version})"
            ).format(name=path.name, version=version, schema_version=SCHEMA_VERSION),
            where,
            _("update campaign_app, or ask the volunteer for a 'campaign-app log export' .csv"),
        )
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"contacts", "events"} <= tables:
        raise UserError(
            _("{name} is an SQLite database but not a contact log (it has no contacts and events)").format(
                name=path.name
            ),
            where,
            _("give the volunteer's campaign.db from their campaign folder"),
        )
    present = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    # Columns an older log lacks (schema 1: channel; before 3: the event's file) read as ''.
    columns = ", ".join(c if c in present else "''" for c in EVENT_COLUMNS)
    contacts = [
        Contact(*(str(v) if v is not None else "" for v in row))
        for row in conn.execute(f"SELECT {', '.join(CONTACT_COLUMNS)} FROM contacts ORDER BY created_at, id")
    ]
    events = [
        Event(*(str(v) if v is not None else "" for v in row))
        for row in conn.execute(f"SELECT {columns} FROM events ORDER BY at, rowid")
    ]
    return contacts, events
