"""Reading the contact log: letters, their events, and their digests (mixed into ContactLog).

The same on SQLite and on a team's PostgreSQL; each read is one short transaction (see
``LogDatabase._read``). What the events mean is core/outreach/records.py's.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import groupby, starmap
from operator import itemgetter
from typing import Any

from sqlalchemy import bindparam, or_, select

from campaign_app.core.outreach.database import EVENT_SELECT, LogDatabase
from campaign_app.core.outreach.records import CONTACT_COLUMNS, Contact, Event, History, read_history
from campaign_app.core.outreach.schema import contacts, events, inbox_positions, letter_digests


class LogReading(LogDatabase):
    """What the contact log says (mixed into ContactLog)."""

    def inbox_position(self, account: str, folder: str) -> tuple[int, int] | None:
        """(UIDVALIDITY, last UID) of a mailbox folder's last sync, or None."""
        rows = self._read(
            select(inbox_positions.c.uidvalidity, inbox_positions.c.last_uid).where(
                inbox_positions.c.account == account, inbox_positions.c.folder == folder
            )
        )
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    def contacts(
        self, case_id: str | None = None, *, template_id: str | None = None, recipient_id: str | None = None
    ) -> list[Contact]:
        """The letters of the case (every case: None), from one template, to one recipient,
        in the log's order: chosen by the database, not read whole and filtered here (a
        team's log holds 100,000 letters; a send wants one template's, a mark one person's)."""
        query = _CONTACT_SELECT.order_by(*_LOG_ORDER)
        if case_id:
            query = query.where(contacts.c.case_id == case_id)
        if template_id is not None:
            query = query.where(contacts.c.template_id == template_id)
        if recipient_id is not None:
            query = query.where(contacts.c.recipient_id == recipient_id)
        return [Contact(*row) for row in self._read(query)]

    def contacts_elsewhere(self, case_id: str, template_ids: Collection[str]) -> list[Contact]:
        """The letters under another case than ``case_id``, or under it and a template not
        in ``template_ids``: where a renamed case or template leaves its letters."""
        query = _CONTACT_SELECT.where(
            or_(contacts.c.case_id != case_id, contacts.c.template_id.not_in(sorted(template_ids)))
        )
        return [Contact(*row) for row in self._read(query.order_by(*_LOG_ORDER))]

    def contact_briefs(self, case_id: str | None = None) -> list[Contact]:
        """Every letter of the case (all cases: None), in the log's order, without what a
        status table never reads (language, address, the draft's file and when the letter
        was made: blank; the channel is kept: the Outreach tab says "sent by post").
        ``log status`` reads 100,000 of them: the columns left out are half of the read.
        Only abridged states hold these (core/outreach/digest.py)."""
        if not case_id:
            return [
                Contact(cid, rid, name, category, case, template, "", channel, "", "", "", "")
                for cid, rid, name, category, case, template, channel in self._read(_BRIEFS)
            ]
        return [  # the case asked for, not read 100,000 times
            Contact(cid, rid, name, category, case_id, template, "", channel, "", "", "", "")
            for cid, rid, name, category, template, channel in self._read(
                _CASE_BRIEFS.params(case_id=case_id)
            )
        ]

    def contact(self, cid: str) -> Contact | None:
        rows = self._read(_CONTACT_SELECT.where(contacts.c.id == cid))
        return Contact(*rows[0]) if rows else None

    def contact_for(self, recipient_id: str, case_id: str, template_id: str) -> Contact | None:
        """The letter to this recipient from this case and template (renamed ones included)."""
        rows = self._read(
            _CONTACT_SELECT.where(
                contacts.c.recipient_id == recipient_id,
                contacts.c.case_id == case_id,
                contacts.c.template_id == template_id,
            )
        )
        return Contact(*rows[0]) if rows else None

    def events(self, cid: str | None = None) -> list[Event]:
        """Events in the order they happened (ties: the order they were written)."""
        query = EVENT_SELECT.order_by(*self.event_order())
        if cid:
            query = query.where(events.c.contact_id == cid)
        return [Event(*row) for row in self._read(query)]

    def events_by_letter(self, ids: Collection[str] | None = None) -> dict[str, list[Event]]:
        """Every letter's events in order (or only those of the letters ``ids``), by letter
        id: read in the order of the events' index (letter, time), so grouping them is one
        pass with no sorting (``log status`` over 100,000 letters reads 300,000 events)."""
        query = EVENT_SELECT.order_by(events.c.contact_id, *self.event_order())
        rows = self._read(query) if ids is None else self._read_in(query, events.c.contact_id, ids)
        return {cid: list(group) for cid, group in groupby(starmap(Event, rows), key=itemgetter(1))}

    def contacts_by_id(self, ids: Collection[str]) -> dict[str, Contact]:
        """The letters ``ids`` (those the log has), whole, by id."""
        return {row[0]: Contact(*row) for row in self._read_in(_CONTACT_SELECT, contacts.c.id, ids)}

    def _read_in(self, query: Any, column: Any, values: Collection[str]) -> list[tuple]:
        """``query``'s rows where ``column`` is one of ``values``: a bounded IN list per query,
        in the order of ``values`` sorted (a query ordered by ``column`` stays ordered)."""
        wanted = sorted(values)
        return [
            row
            for start in range(0, len(wanted), 500)
            for row in self._read(query.where(column.in_(wanted[start : start + 500])))
        ]

    def letter_digests(self) -> list[tuple[str, str, str]]:
        """One row per letter with events, every case's: (letter id, its events' kinds and
        members, its events' times), each event's kind and member joined with
        ``digest.FIELD`` and the events with ``digest.SEPARATOR``, in the order they
        happened. The database keeps them beside the events (migration 0007); ties in time
        come in the order written, which the reader does not take on trust
        (core/outreach/digest.py)."""
        return self._read(_DIGESTS)

    def history(self, cid: str) -> History:
        """What the letter's events say now (status, went out, revised, open claim)."""
        return read_history(self.events(cid))


_LOG_ORDER = (contacts.c.created_at, contacts.c.id)  # the log's order of letters
_CONTACT_SELECT = select(*(contacts.c[name] for name in CONTACT_COLUMNS))
_BRIEF_COLUMNS = ("id", "recipient_id", "recipient_name", "category", "case_id", "template_id", "channel")
_BRIEFS = select(*(contacts.c[name] for name in _BRIEF_COLUMNS)).order_by(*_LOG_ORDER)
_CASE_BRIEFS = (
    select(*(contacts.c[name] for name in _BRIEF_COLUMNS if name != "case_id"))
    .where(contacts.c.case_id == bindparam("case_id"))
    .order_by(*_LOG_ORDER)
)

_DIGESTS = select(letter_digests.c.contact_id, letter_digests.c.shape, letter_digests.c.times)
