"""The contact log's records, and what one letter's history says about it.

Kept free of any database code, so the rules that decide whether a letter may go out
(read by ``send``, by a claim inside a transaction, by ``log status``, by a merge and by
the window) are one pure function of the history: :func:`read_history`.

The rules, in the order they matter to someone who must never write to a minister twice:

- A letter's status is set by its latest event that is not a note or a rename. A letter
  whose latest event is "sending" was being handed to the mail server when its sender
  stopped: whether it left is unknown, so it is **uncertain** and not sent again without
  a person's word.
- Once a letter has gone out ("sent", by any channel), nothing drafted later reopens it: a
  volunteer who regenerated it in their own copy, merged in weeks later, does not make it
  a draft again. A draft whose file differs from the one that went out makes the letter
  **revised after sending**; sending it again needs an explicit resend.
- A letter **printed** (``campaign-app print``) is on its way by post: it is not sent yet
  (no follow-up is counted from it), but it is not a draft either. ``send`` does not
  e-mail it (the official would get it twice) and a later draft does not reopen it; it
  counts as sent once someone marks it posted (``log mark ID --status sent --channel
  post``), naming the file kept when it was printed; a draft made between the printing
  and the posting then makes it revised, as a draft after sending does. Printing a letter
  that already went out changes nothing: a paper copy of a sent letter is a copy, and the
  log keeps saying it was sent.
- A claim ("sending") that ends without the server's acceptance (cancelled, refused for
  every letter) is released by a "drafted" event: the letter returns to where it stood
  before the claim.
- A person's word on a letter that has not gone out (**replied**: they answered by phone,
  or to a letter sent another way; **no-reply**, **closed**) is not undone by a later
  draft either: regenerating the letter after a template edit made it a draft again, and
  ``send`` then e-mailed someone who had answered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple

# Events that only annotate a letter: they never change its status. An automatic reply
# (out of office, from the inbox) is one: nobody answered, so a follow-up stays due.
ANNOTATIONS = ("note", "renamed", "auto-reply")
# What a new draft of a letter that has not gone out leaves as it was (see the docstring).
_KEPT_BY_A_DRAFT = frozenset({"printed", "replied", "no-reply", "closed"})
# A letter that reached its recipient by any channel.
WENT_OUT = ("sent",)
# Statuses after which a letter is not sent again (unless revised and resent on purpose); a
# bounced letter (the inbox got a delivery failure) would only bounce again.
DONE = ("sent", "replied", "no-reply", "closed", "bounced")


class Contact(NamedTuple):
    """One letter (recipient, case, template) as the log holds it.

    ``id`` is derived from the recipient, case and template the letter was first recorded
    under, so every volunteer's log gives the same letter the same id; a renamed case or
    template changes the names here, never the id (see :func:`renames_of`).
    ``letter_path``/``letter_sha256`` name the latest draft; what went out is named by the
    "sent" event itself.
    """

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
CONTACT_COLUMNS = Contact._fields


class Event(NamedTuple):
    """One thing that happened to a letter. ``letter_path``/``letter_sha256`` name the
    file a "drafted" event wrote, or the kept copy a "sending"/"sent" event sent;
    ``process`` names the program that claimed a letter ("host pid"); ``message_id`` is
    the Message-ID of the e-mail a "sent" event sent (replies name it), or of a message
    read from the inbox.

    A named tuple, not a dataclass: ``log status`` over 100,000 letters reads 300,000 events,
    and a tuple is built from a database row about four times faster (immutable all the same)."""

    id: str
    contact_id: str
    kind: str
    at: str  # ISO 8601 UTC, microseconds: sorts as text
    by: str
    detail: str
    channel: str
    letter_path: str = ""
    letter_sha256: str = ""
    process: str = ""
    message_id: str = ""


EVENT_COLUMNS = Event._fields

# How a letter's digest joins its parts: each event's kind to its member, and the events
# (characters no name typed on a keyboard holds; the database's triggers join them,
# schema.py, and core/outreach/digest.py reads them back).
DIGEST_FIELD = "\x1e"
DIGEST_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class NewContact:
    """A letter to record (generate and send hand these to ``LogStore.record_drafts``)."""

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


@dataclass(frozen=True)
class History:
    """What a letter's events say: its status, whether it went out, and with which file."""

    status: str
    went_out: bool = False
    revised: bool = False  # a different draft was made after it went out
    sent: Event | None = None  # the latest event that sent it
    claim: Event | None = None  # the open claim, while the status is "uncertain"


def read_history(events: Iterable[Event]) -> History:
    """The letter's state from its events in order (see the module's docstring)."""
    status, went_out, revised = "drafted", False, False
    sent: Event | None = None
    claim: Event | None = None
    draft: Event | None = None  # the latest draft
    before_claim = "drafted"
    for e in events:
        kind = e.kind
        if kind in ANNOTATIONS:
            continue
        if kind == "sending":
            if status != "sending":
                before_claim = status
            status, claim = "sending", e
        elif kind == "printed":
            status = "printed" if not went_out and status != "sending" else status
        elif kind == "drafted":
            draft = e
            if status == "sending":  # a claim released without sending
                status, claim = before_claim, None
            elif went_out:
                revised = _revised(e, sent, revised)
            elif status not in _KEPT_BY_A_DRAFT:  # printed: the copy still goes by post
                status = "drafted"
        elif kind == "sent":
            # a letter printed, drafted again, then marked posted: the printed one went, and
            # the draft since is a revision of it (as a draft after sending would be)
            revised = draft is not None and status == "printed" and _revised(draft, e, False)
            status, went_out, sent, claim = "sent", True, e, None
        elif kind == "failed":
            # A resend the server refused leaves the letter where it stood: it went out before.
            if not went_out:
                status = "failed"
            elif status == "sending":
                status = before_claim
            claim = None
        else:  # replied, no-reply, closed, bounced
            status, claim = kind, None
    if status == "sending":
        return History("uncertain", went_out, revised, sent, claim)
    return History(status, went_out, revised, sent, None)


def _revised(draft: Event, sent: Event | None, revised: bool) -> bool:
    """A new draft after the letter went out never reopens it; it is a revision when it
    differs from the file that went out (where the log knows that file), as a file of the
    same kind: a DOCX made after the PDF went out says nothing about whether the letter
    changed (its bytes always differ from the PDF's)."""
    if draft.letter_sha256 and sent is not None and sent.letter_sha256:
        kinds = [PurePosixPath(e.letter_path).suffix.lower() for e in (draft, sent)]
        if all(kinds) and kinds[0] != kinds[1]:
            return revised
        return draft.letter_sha256 != sent.letter_sha256
    return revised


def letter_status(events: Iterable[Event]) -> str:
    """The status of one letter from its history (events in order)."""
    return read_history(events).status


# ---- renamed cases and templates ------------------------------------------------------------

RENAME_KINDS = ("case", "template")
_RENAME_DETAIL = re.compile(r"(case|template) (.+) → (.+)")


def rename_detail(kind: str, old: str, new: str) -> str:
    """The "renamed" event's text, read back by :func:`renames_of`."""
    return f"{kind} {old} → {new}"


def renames_of(events: Iterable[Event]) -> list[tuple[str, str, str]]:
    """(kind, old, new) for each rename in a letter's history, in order."""
    found = []
    for e in events:
        if e.kind == "renamed" and (m := _RENAME_DETAIL.fullmatch(e.detail)):
            found.append((m.group(1), m.group(2), m.group(3)))
    return found


def identity_holds(contact: Contact, events: Iterable[Event]) -> bool:
    """True when the letter's id belongs to its recipient, case and template now, or to the
    names it had before a recorded rename: anything else means the record was edited."""
    case, template = contact.case_id, contact.template_id
    names = {(case, template)}
    for kind, old, new in reversed(renames_of(events)):
        if kind == "case":
            names |= {(old, t) for c, t in names if c == new}
        else:
            names |= {(c, old) for c, t in names if t == new}
    return any(contact.id == contact_id(contact.recipient_id, c, t) for c, t in names)
