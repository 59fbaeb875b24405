"""Renamed cases and templates, and folding another volunteer's log in.

Correcting a case or template id must not make every letter new: ``log rename-case`` and
``log rename-template`` carry the letters over (their ids and histories unchanged, the
rename recorded in each history). A merge follows those renames, so a volunteer's letters
under the old id join the renamed ones instead of coming back as new letters.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, update

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.database import EVENT_SELECT, LogDatabase
from campaign_app.core.outreach.records import (
    CONTACT_COLUMNS,
    Contact,
    Event,
    rename_detail,
    renames_of,
)
from campaign_app.core.outreach.schema import contacts as contacts_table
from campaign_app.core.outreach.schema import events as events_table


class RenamesAndMerging(LogDatabase):
    """The rename and merge operations of the contact log (mixed into ContactLog)."""

    def rename(self, kind: str, old: str, new: str, by: str) -> int:
        """Carry every letter recorded under case (or template) ``old`` over to ``new``, in one
        transaction; returns how many letters. Their ids and histories stay as they are,
        and each history records the rename, so a letter sent under the old name is still
        sent under the new one, and a volunteer's log with the old name merges onto it."""
        column = {"case": "case_id", "template": "template_id"}[kind]
        field = contacts_table.c[column]
        where = self.location.where()
        for value in (old, new):
            if not value.strip() or "→" in value:
                raise UserError(
                    _("'{value}' cannot be a {kind} id").format(value=value, kind=kind),
                    hint=_("give the {kind}'s id as its file has it").format(kind=kind),
                )
        if old == new:
            raise UserError(
                _("the old and the new {kind} id are both '{old}': nothing to rename").format(
                    kind=kind, old=old
                )
            )
        with self.transaction("updated") as conn:
            c = contacts_table.c
            query = select(c.id, c.recipient_id, c.case_id, c.template_id).where(field == old)
            rows = conn.execute(query).all()
            if not rows:
                raise UserError(
                    _("the contact log has no letter under {kind} '{old}'").format(kind=kind, old=old),
                    where,
                    _("check the old id with 'campaign-app log export' (in its {column} column)").format(
                        column=column
                    ),
                )
            clashes = []
            for _cid, rid, case, template in rows:
                key = (rid, new, template) if kind == "case" else (rid, case, new)
                if self._find(conn, *key) is not None:
                    clashes.append(rid)
            if clashes:
                raise UserError(
                    _(
                        "the contact log already has letters under {kind} '{new}' to {clashes}: "
                        "renaming would make two letters one; nothing was renamed"
                    ).format(kind=kind, new=new, clashes=", ".join(sorted(clashes))),
                    where,
                    _("if '{old}' and '{new}' are really different letters, keep both names").format(
                        old=old, new=new
                    ),
                )
            conn.execute(update(contacts_table).where(field == old).values({column: new}))
            for cid, *_rest in rows:
                self._insert_event(conn, cid, "renamed", by, rename_detail(kind, old, new))
        return len(rows)

    def _renamed_to(self, conn: Connection) -> dict[tuple[str, str], str]:
        """(kind, old id) → the id it has now, from every rename this log recorded."""
        found: dict[tuple[str, str], str] = {}
        query = EVENT_SELECT.where(events_table.c.kind == "renamed").order_by(*self.event_order())
        rows = conn.execute(query).all()
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
        self, contacts: Iterable[Contact], events: Iterable[Event], by: str = "", source: str = ""
    ) -> tuple[int, int]:
        """Fold contacts and events from another log in (merge); returns (contacts, events) added.

        What is already here is kept as it is; running it twice adds nothing. A letter the
        other log holds under a case or template this log renamed joins the renamed letter;
        one this log holds under another id (recorded separately by two volunteers) keeps
        this log's id and gains the other's history. Each event notes where it came from
        (``source``, and the author the other log names): on a team's log the server records
        who merged it as "by".
        """
        added_c = added_e = 0
        with self.transaction("merged") as conn:
            renamed = self._renamed_to(conn)
            ids: dict[str, str] = {}
            for c in contacts:
                if conn.execute(select(contacts_table.c.id).where(contacts_table.c.id == c.id)).first():
                    ids[c.id] = c.id
                    continue
                case = self._current(renamed, "case", c.case_id)
                template = self._current(renamed, "template", c.template_id)
                found = self._find(conn, c.recipient_id, case, template)
                if found is not None:
                    ids[c.id] = found[0]
                    continue
                row = {name: getattr(c, name) for name in CONTACT_COLUMNS}
                row.update(case_id=case, template_id=template)
                conn.execute(contacts_table.insert().values(**row))
                for kind, old, new in (("case", c.case_id, case), ("template", c.template_id, template)):
                    if old != new:
                        self._insert_event(conn, c.id, "renamed", by, rename_detail(kind, old, new))
                ids[c.id] = c.id
                added_c += 1
            events = list(events)
            if self.shared:
                self._lock_in_order(conn, {ids.get(e.contact_id, e.contact_id) for e in events})
            insert = self._insert(events_table)
            for e in events:
                row = e._asdict()
                row.update(
                    contact_id=ids.get(e.contact_id, e.contact_id),
                    origin=f"merged from {source or 'another log'}, recorded there by {e.by or 'someone'}",
                )
                added_e += len(conn.execute(insert.values(**row).returning(events_table.c.id)).all())
        return added_c, added_e

    @staticmethod
    def _lock_in_order(conn: Connection, letters: set[str]) -> None:
        """Lock the letters a merge adds events to, all at once and in one order: each event
        renews its letter's digest under the letter's lock (migration 0007), and two merges
        at once that took them event by event, in different orders, deadlocked."""
        wanted = sorted(letters)
        for start in range(0, len(wanted), 500):
            conn.execute(
                select(contacts_table.c.id)
                .where(contacts_table.c.id.in_(wanted[start : start + 500]))
                .order_by(contacts_table.c.id)
                .with_for_update(key_share=True)
            ).all()
