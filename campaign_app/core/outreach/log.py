"""campaign.db: who was written to, how, by whom, and what happened since.

A coordinator must be able to say, weeks into a campaign, which prosecutor received which
letter and on what day, and a volunteer must never send the same letter twice. So the
log is a SQLite database in the workspace with one *contact* per letter (recipient, case,
template) and an append-only history of *events* for it (drafted, sending, sent, failed,
replied, no-reply, closed, note), each with its time and who did it. The current status
is derived from the history, never stored, so it cannot drift from it.

A contact's id is derived from (recipient, case, template), and an event's id is a random
UUID. The same letter is then the same contact in every volunteer's log, and a merge can
tell which events it already holds: merging twice changes nothing.

This module holds what the log does with letters (record drafts, claim one for sending,
mark, read), the same on SQLite (campaign.db) and on a team's PostgreSQL;
core/outreach/database.py how the database is opened and changed, schema.py its tables,
renames.py renamed cases and templates and folding another log in, store.py the
interface the rest of the program uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import Connection, select, update

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.database import LOG_NAME, SCHEMA_VERSION
from campaign_app.core.outreach.reading import LogReading
from campaign_app.core.outreach.records import (
    CONTACT_COLUMNS,
    DONE,
    Contact,
    Event,
    History,
    NewContact,
    contact_id,
    now_utc,
    parse_time,
    read_history,
)
from campaign_app.core.outreach.renames import RenamesAndMerging
from campaign_app.core.outreach.schema import contacts, inbox_positions
from campaign_app.core.outreach.terms import CHANNELS, MARK_STATUSES

# A new letter's row, as NewContact gives it (its id and creation time are the log's).
_NEW_CONTACT_FIELDS = tuple(f.name for f in fields(NewContact))

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


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a letter for sending: ``event`` is ours when it was granted;
    otherwise ``history`` says why not (sent already, or claimed by someone else)."""

    granted: bool
    history: History
    contact_id: str
    event: Event | None = None


class ContactLog(RenamesAndMerging, LogReading):
    """One open campaign.db and what the program does with its letters (see
    core/outreach/store.py for the interface). Use as a context manager, or call :meth:`close`."""

    # ---- writing -----------------------------------------------------------------------

    def _history_in(self, conn: Connection, cid: str) -> History:
        rows = conn.execute(self._statements.history, {"cid": cid})
        return read_history(Event(*row) for row in rows)

    def record_drafts(self, letters: Iterable[NewContact], by: str) -> int:
        """Record generated letters as drafted, in one transaction; returns how many were new
        or changed.

        A letter whose file is unchanged is not recorded again. A letter that went out keeps
        the record of what was sent (its "sent" event names the kept copy); a changed draft
        of it is recorded, which makes it "revised after sending", never a draft to send
        again. A letter being sent right now (claimed) is left alone.
        """
        letters = list(letters)
        count, rest = 0, []
        with self.transaction("updated") as conn:
            # A hundred letters a statement: a thousand made the SQL and its compiled form
            # megabytes, which the process kept (a batch's memory grew with it).
            for start in range(0, len(letters), 100):
                done, left = self._record_new_drafts(conn, letters[start : start + 100], by)
                count += done
                rest += left
            for letter in rest:
                count += self._record_draft(conn, letter, by)[1]
        return count

    def _record_new_drafts(
        self, conn: Connection, letters: list[NewContact], by: str
    ) -> tuple[int, list[NewContact]]:
        """Record the letters new to the log (all of a first batch's) with one statement for
        their rows and one for their events, in the caller's transaction: a statement per
        letter was a millisecond of each letter. Returns how many it recorded, and the letters
        left for :meth:`_record_draft`: those the log knows (a changed draft, a letter sent),
        and any another member recorded in the meantime."""
        new = self._not_in_log(conn, letters)
        if not new:
            return 0, letters
        rows = []
        for letter in new:
            cid = contact_id(letter.recipient_id, letter.case_id, letter.template_id)
            row = {name: getattr(letter, name) for name in _NEW_CONTACT_FIELDS}
            rows.append(row | {"id": cid, "created_at": now_utc()})
        inserted = {row[0] for row in conn.execute(self._statements.insert_contact, rows)}
        events = [
            self._event_row(
                row["id"],
                "drafted",
                by,
                row["letter_path"],
                row["channel"],
                letter_path=row["letter_path"],
                letter_sha256=row["letter_sha256"],
            )
            for row in rows
            if row["id"] in inserted
        ]
        if events:
            conn.execute(self._statements.insert_event, events)
        recorded = {id(letter) for letter, row in zip(new, rows, strict=True) if row["id"] in inserted}
        return len(events), [letter for letter in letters if id(letter) not in recorded]

    def _not_in_log(self, conn: Connection, letters: list[NewContact]) -> list[NewContact]:
        """The letters the log has no row for (the first under each key)."""
        known: set[tuple[str, str, str]] = set()
        groups: dict[tuple[str, str], list[str]] = {}
        for letter in letters:
            groups.setdefault((letter.case_id, letter.template_id), []).append(letter.recipient_id)
        for (case_id, template_id), ids in groups.items():
            query = select(contacts.c.recipient_id).where(
                contacts.c.case_id == case_id,
                contacts.c.template_id == template_id,
                contacts.c.recipient_id.in_(ids),
            )
            known.update((rid, case_id, template_id) for (rid,) in conn.execute(query))
        new = []
        for letter in letters:
            key = (letter.recipient_id, letter.case_id, letter.template_id)
            if key not in known:
                known.add(key)  # a second letter under the same key is recorded after the first
                new.append(letter)
        return new

    def _record_draft(self, conn: Connection, letter: NewContact, by: str) -> tuple[str, bool]:
        """The letter's contact id, and whether a new or changed draft was recorded (see
        :meth:`record_drafts`); inside the caller's transaction, which holds the letter's row
        locked from here on (a team's senders queue on it)."""
        key = (letter.recipient_id, letter.case_id, letter.template_id)
        found = self._find(conn, *key, lock=True)
        if found is None:
            cid = contact_id(*key)
            row = dict(
                id=cid,
                recipient_id=letter.recipient_id,
                recipient_name=letter.recipient_name,
                category=letter.category,
                case_id=letter.case_id,
                template_id=letter.template_id,
                language=letter.language,
                channel=letter.channel,
                address=letter.address,
                letter_path=letter.letter_path,
                letter_sha256=letter.letter_sha256,
                created_at=now_utc(),
            )
            inserted = conn.execute(self._statements.insert_contact, row).first()
            if inserted is None:
                # Another member recorded it a moment ago: wait for their claim, then go on.
                found = self._find(conn, *key, lock=True)
                assert found is not None
        if found is not None:
            cid, current_sha = found
            if current_sha == letter.letter_sha256:
                return cid, False
            history = self._history_in(conn, cid)
            if history.status == "uncertain":
                return cid, False
            changes = {
                "letter_path": letter.letter_path,
                "letter_sha256": letter.letter_sha256,
                "recipient_name": letter.recipient_name,
            }
            if not history.went_out:
                changes.update(channel=letter.channel, address=letter.address)
            conn.execute(update(contacts).where(contacts.c.id == cid).values(**changes))
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
        return cid, True

    def claim(
        self,
        letter: NewContact,
        by: str,
        detail: str,
        *,
        channel: str,
        letter_path: str,
        letter_sha256: str,
        resend_uncertain: bool = False,
        resend_revised: bool = False,
        email_printed: bool = False,
        message_id: str = "",
    ) -> Claim:
        """Claim a letter for sending, in its own transaction, before its message goes to the server.

        The letter (as generated: its draft file) is recorded first, in the same
        transaction, when it is new to the log or its file changed. Granted for a draft or a
        failed letter; for an uncertain one only with ``resend_uncertain`` and when the
        program that claimed it is gone; for a letter that went out only with
        ``resend_revised`` and when it was revised since; for one printed to go by post
        (and not marked posted) only with ``email_printed``. Whoever claims second (another
        window, terminal or machine on this log) is refused and told why.
        """
        from campaign_app.core.common.processes import this_process
        from campaign_app.core.outreach.claims import claim_running

        with self.transaction("updated") as conn:
            cid = self._record_draft(conn, letter, by)[0]
            history = self._history_in(conn, cid)
            status = history.status
            granted = (
                status in ("drafted", "failed")
                or (
                    status == "uncertain"
                    and resend_uncertain
                    and history.claim is not None
                    and not claim_running(history)
                )
                or (resend_revised and history.went_out and history.revised and status in DONE)
                or (email_printed and status == "printed")
            )
            if not granted:
                return Claim(False, history, cid)
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
                message_id=message_id,  # a reply to it is known even if the send is cut off
            )
            assert event is not None  # a new id
            return Claim(True, history, cid, event)

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
        message_id: str = "",
        event_id: str | None = None,
        durable: bool = True,
    ) -> str:
        """Append one event to a contact's history (its own transaction). With ``event_id``
        (an event read from the inbox, say) nothing is added when it is recorded already.
        Not ``durable``: see ``LogDatabase.transaction``."""
        with self.transaction("updated", durable=durable) as conn:
            if channel:  # before the event: a "sent" one would make the letter gone out
                conn.execute(self._statements.set_channel, {"cid": cid, "channel": channel})
            event = self._insert_event(
                conn,
                cid,
                kind,
                by,
                detail,
                channel,
                at,
                letter_path=letter_path,
                letter_sha256=letter_sha256,
                message_id=message_id,
                event_id=event_id,
            )
            if event is None:
                return event_id or ""
            return event.id

    def letters_to(
        self, recipient_id: str, case_id: str | None = None, template_id: str | None = None
    ) -> list[Contact]:
        """A recipient's letters (of the case, or from one template)."""
        return self.contacts(case_id, template_id=template_id, recipient_id=recipient_id)

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
        check_only: bool = False,
    ) -> list[str]:
        """Mark a recipient's letter replied, no-reply, closed or sent; returns the contacts
        changed. "sent" is for letters that went by post, web form, fax or in person, and
        needs ``channel``. A recipient with several letters needs ``template_id``: marking
        them all at once is how a reply to one appeal closes another by mistake."""
        if status not in MARK_STATUSES:
            raise UserError(
                _("cannot mark a letter '{status}'").format(status=status),
                hint=_("use one of {mark_statuses}").format(mark_statuses=", ".join(MARK_STATUSES)),
            )
        if channel and channel not in CHANNELS:
            raise UserError(
                _("unknown channel '{channel}'").format(channel=channel),
                hint=_("use one of {channels}").format(channels=", ".join(CHANNELS)),
            )
        letters = self.letters_to(recipient_id, case_id, template_id)
        if not letters:
            said = (
                _("the contact log has no letter from template '{template_id}' to '{recipient_id}'")
                if template_id
                else _("the contact log has no letter to '{recipient_id}'")
            )
            raise UserError(
                said.format(template_id=template_id, recipient_id=recipient_id),
                self.location.where(),
                _(
                    "generate the letter first (campaign-app generate), or check the recipient id "
                    "with 'campaign-app log status'"
                ),
            )
        if len(letters) > 1:
            templates = ", ".join(sorted(c.template_id for c in letters))
            raise UserError(
                _(
                    "'{recipient_id}' has {count} letters in the contact log (templates "
                    "{templates}): nothing was marked"
                ).format(recipient_id=recipient_id, count=len(letters), templates=templates),
                hint=_("say which letter with --template ID"),
            )
        if status == "sent" and channel == "email":
            # The person's word on an uncertain e-mail (the send was cut off while the server
            # had it): found in the Sent folder, it went, and the claim is closed with it.
            claim = self._uncertain_claim(letters[0].id)
            letter_path, letter_sha256 = claim.letter_path, claim.letter_sha256
        elif status == "sent" and not channel:
            raise UserError(
                _("a letter marked as sent by hand needs its channel"),
                hint=_(
                    "add --channel post, web-form, fax or in-person; or --channel email for an "
                    "uncertain e-mail you found in your Sent folder"
                ),
            )
        if check_only:  # every refusal above said; nothing recorded
            return [c.id for c in letters]
        with self.transaction("updated") as conn:
            for c in letters:
                if channel:  # until it went out (a later channel is the event's own)
                    conn.execute(self._statements.set_channel, {"cid": c.id, "channel": channel})
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
        return [c.id for c in letters]

    def _uncertain_claim(self, cid: str) -> Event:
        """The open claim of an uncertain e-mail, which ``mark … sent --channel email``
        confirms; any other letter's e-mails are recorded by send alone."""
        from campaign_app.core.outreach.claims import claim_running

        history = self.history(cid)
        if history.claim is not None and claim_running(history):
            raise UserError(
                _("this e-mail is being sent right now ({process}): nothing was marked").format(
                    process=history.claim.process
                ),
                hint=_("wait until that send ends: it records what it sent"),
            )
        if history.status != "uncertain" or history.claim is None:
            raise UserError(
                _("only an uncertain e-mail can be marked as sent by hand (this letter is {status})").format(
                    status=history.status
                ),
                hint=_("e-mails are recorded by send; use --channel post, web-form, fax or in-person"),
            )
        return history.claim

    def set_inbox_position(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Remember how far a mailbox folder was read, so the next sync fetches only what is new."""
        position = {"uidvalidity": uidvalidity, "last_uid": last_uid, "updated_at": now_utc()}
        with self.transaction("updated") as conn:
            key = (inbox_positions.c.account == account) & (inbox_positions.c.folder == folder)
            changed = conn.execute(update(inbox_positions).where(key).values(**position))
            if changed.rowcount == 0:
                conn.execute(inbox_positions.insert().values(account=account, folder=folder, **position))


def log_path(workspace_root: Path) -> Path:
    return Path(workspace_root) / LOG_NAME
