"""The contact log as the rest of the program sees it: one interface, whatever keeps it.

The log is campaign.db, a SQLite file in the workspace, or, for a team, one PostgreSQL
database every member's program connects to (both are :class:`ContactLog`, on one schema:
core/outreach/schema.py). Everything outside
core/outreach (generate, send, mark, the Outreach tab, status queries) goes through
:class:`LogStore`, so a second way of keeping the log is a second implementation of these
operations with the same guarantees, not a change to its callers:

- every change is one transaction, whole or not at all;
- history is append-only: events are never changed or deleted;
- :meth:`LogStore.claim` reads a letter's history and records the claim atomically, so
  two senders never both get the same letter;
- the ids of letters and events are the same in every copy of the log, so merging is
  idempotent.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Self

from campaign_app.core.outreach.location import LogLocation
from campaign_app.core.outreach.records import Contact, Event, History, NewContact

if TYPE_CHECKING:
    from campaign_app.core.outreach.log import Claim


class LetterSource(Protocol):
    """What the letters' states are read from: the log (:class:`LogStore`), or the log
    opened only for that (core/outreach/plain_log.py)."""

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def contacts(
        self, case_id: str | None = None, *, template_id: str | None = None, recipient_id: str | None = None
    ) -> list[Contact]: ...

    def contact_briefs(self, case_id: str | None = None) -> list[Contact]: ...

    def contacts_by_id(self, ids: Collection[str]) -> dict[str, Contact]: ...

    def events_by_letter(self, ids: Collection[str] | None = None) -> dict[str, list[Event]]:
        """Every letter's events (or those of the letters ``ids``) in the order they happened,
        by letter id."""
        ...

    def letter_digests(self) -> list[tuple[str, str, str]]:
        """One row per letter with events: its id, its events' kinds and members, and their
        times, joined (see core/outreach/digest.py)."""
        ...


class LogStore(LetterSource, Protocol):
    """What the program does with the contact log (see the module's docstring)."""

    # campaign.db's path; None for a team's log on PostgreSQL (``location`` names either).
    path: Path | None
    location: LogLocation
    # True for a team's log: the server records who ("by") and when.
    shared: bool

    # ---- changes, each its own transaction ------------------------------------------

    def record_drafts(self, letters: Iterable[NewContact], by: str) -> int:
        """Record generated letters (new, or a changed file) as drafted."""
        ...

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
        """Record the letter if new or changed, and claim it for sending before the mail server
        hears of it, in one transaction (or say who has it)."""
        ...

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
        """Append one event to a letter's history (nothing when ``event_id`` is recorded).
        Not ``durable``: on disk only with the next durable change or :meth:`make_durable`
        (campaign.db; a team's log is always durable)."""
        ...

    def make_durable(self) -> None:
        """Sync to disk the changes made not ``durable``."""
        ...

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
        """Record a reply, no reply, a closing or a letter sent by hand (``check_only``: say
        what is wrong with it, record nothing)."""
        ...

    def rename(self, kind: str, old: str, new: str, by: str) -> int:
        """Carry the letters under case or template ``old`` over to ``new``."""
        ...

    def import_rows(
        self, contacts: Iterable[Contact], events: Iterable[Event], by: str = "", source: str = ""
    ) -> tuple[int, int]:
        """Fold another log's letters and events in (a merge); idempotent."""
        ...

    def set_inbox_position(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Remember how far a mailbox folder was read (IMAP UIDVALIDITY and last UID)."""
        ...

    # ---- reading ----------------------------------------------------------------------

    def inbox_position(self, account: str, folder: str) -> tuple[int, int] | None: ...

    def contacts_elsewhere(self, case_id: str, template_ids: Collection[str]) -> list[Contact]:
        """The letters under another case, or under this one and another template."""
        ...

    def contact(self, cid: str) -> Contact | None: ...

    def contact_for(self, recipient_id: str, case_id: str, template_id: str) -> Contact | None: ...

    def letters_to(
        self, recipient_id: str, case_id: str | None = None, template_id: str | None = None
    ) -> list[Contact]: ...

    def events(self, cid: str | None = None) -> list[Event]: ...

    def history(self, cid: str) -> History: ...
