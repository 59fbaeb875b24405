"""Reading the contact log: letters, their events, and their digests (mixed into ContactLog).

The same on SQLite and on a team's PostgreSQL; each read is one short transaction (see
``LogDatabase._read``). What a status table reads is written once for this and for a
reading through the driver alone (core/outreach/plain_log.py). What the events mean is
core/outreach/records.py's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import or_, select

from campaign_app.core.outreach.database import EVENT_SELECT, LogDatabase
from campaign_app.core.outreach.plain_log import LetterReads
from campaign_app.core.outreach.records import CONTACT_COLUMNS, Contact, Event, History, read_history
from campaign_app.core.outreach.schema import contacts, events, inbox_positions


class LogReading(LogDatabase, LetterReads):
    """What the contact log says (mixed into ContactLog)."""

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        return self._read(sql, tuple(params))

    def inbox_position(self, account: str, folder: str) -> tuple[int, int] | None:
        """(UIDVALIDITY, last UID) of a mailbox folder's last sync, or None."""
        rows = self._read(
            select(inbox_positions.c.uidvalidity, inbox_positions.c.last_uid).where(
                inbox_positions.c.account == account, inbox_positions.c.folder == folder
            )
        )
        return (int(rows[0][0]), int(rows[0][1])) if rows else None

    def contacts_elsewhere(self, case_id: str, template_ids: Collection[str]) -> list[Contact]:
        """The letters under another case than ``case_id``, or under it and a template not
        in ``template_ids``: where a renamed case or template leaves its letters."""
        query = _CONTACT_SELECT.where(
            or_(contacts.c.case_id != case_id, contacts.c.template_id.not_in(sorted(template_ids)))
        )
        return [Contact(*row) for row in self._read(query.order_by(*_LOG_ORDER))]

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

    def history(self, cid: str) -> History:
        """What the letter's events say now (status, went out, revised, open claim)."""
        return read_history(self.events(cid))


_LOG_ORDER = (contacts.c.created_at, contacts.c.id)  # the log's order of letters
_CONTACT_SELECT = select(*(contacts.c[name] for name in CONTACT_COLUMNS))
