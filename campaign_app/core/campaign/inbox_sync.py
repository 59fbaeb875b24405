"""Replies from the inbox: what came back to the letters that were sent, into the contact log.

``campaign-app inbox sync`` and the Outreach tab's "Check inbox" call :func:`sync_inbox`.
It reads the ``inbox:`` folder without changing it (core/mail/inbox/imap.py), only the
messages that arrived since the last sync (UIDVALIDITY + last UID, kept in the log per
account and folder), and for each message that concerns a sent letter
(core/mail/inbox/match.py) records one event on that letter:

- **replied**: a person answered; date, sender, subject and the first lines of the new text;
- **auto-reply**: an out-of-office or other automatic answer: noted, the follow-up stays due;
- **bounced**: a delivery status notification: the failed address, status and diagnostic.

The campaign's own mail (from its sender's, mail server's or inbox's address: a copy of a
letter, a campaigner's chaser by hand that names the letter it follows) answers nothing,
whatever it names: an official who did not answer stays due for the follow-up.

A message that concerns no letter leaves no trace in the log. One that speaks of a
letter's subject from an address no letter went to (a reply from another account, an
assistant's, or an office answering a letter sent by post) is told to the person syncing,
who knows whom it answers (``log mark ID --status replied``). Event ids are derived from the letter
and the incoming message's Message-ID, so a second sync (or a sync resumed after an
interruption: the position is saved after each chunk's events) records nothing twice.
"""

from __future__ import annotations

import datetime as dt
import re
import ssl
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.common.i18n import _
from campaign_app.core.mail.inbox.imap import CHUNK, ImapReader
from campaign_app.core.mail.inbox.match import Mentions, SentLetter, SentLetters
from campaign_app.core.mail.inbox.message import (
    AUTO_REPLY,
    BOUNCE,
    REPLY,
    Incoming,
    read_headers,
    read_message,
)
from campaign_app.core.mail.inbox.settings import InboxSettings
from campaign_app.core.outreach.records import Contact, Event
from campaign_app.core.outreach.store import LogStore

# The log's event kind for each kind of incoming message.
EVENT_KIND = {"reply": "replied", AUTO_REPLY: "auto-reply", BOUNCE: "bounced"}
_NAMESPACE = uuid.UUID("6f1c3a52-5d0e-4d7e-9a51-3b1f0c2e7a10")  # campaign_app's inbox events
_DETAIL_ID = re.compile(r"Message-ID (<[^<>\s]+>)")


class Cancelled(Exception):
    """The user stopped the sync; what was recorded so far stays, and the next sync resumes."""


@dataclass(frozen=True)
class Recorded:
    """One event recorded from the inbox (what ``inbox sync`` prints)."""

    kind: str  # replied, auto-reply, bounced
    recipient_id: str
    recipient_name: str
    date: str
    sender: str
    subject: str
    detail: str


@dataclass(frozen=True)
class Unattributed:
    """A message that speaks of a template's letters but answers none the log can name: it
    comes from an address none of them went to. Shown, never recorded."""

    template_id: str
    detail: str  # date, sender and subject, as an event's detail says them
    recipient_id: str = ""  # the sender is this directory entry, written to another way
    # Or: an answer by its subject alone from an address these recipients share, each sent
    # a letter from the template: which one it answers, a person says.
    shared_by: tuple[str, ...] = ()


@dataclass
class SyncResult:
    account: str
    folder: str
    new_messages: int = 0
    recorded: list[Recorded] = field(default_factory=list)
    unattributed: list[Unattributed] = field(default_factory=list)
    already: int = 0  # matched, but recorded by an earlier sync
    renumbered: bool = False  # the server renumbered the folder (UIDVALIDITY changed): read again

    @property
    def strangers(self) -> list[Unattributed]:
        """The messages about a letter from an address no letter went to."""
        return [u for u in self.unattributed if not u.shared_by]

    @property
    def shared(self) -> list[Unattributed]:
        """The answers by subject alone from an address several recipients share."""
        return [u for u in self.unattributed if u.shared_by]


Progress = Callable[[int, int], None]


def sync_inbox(
    ws: Workspace,
    password: str,
    *,
    since: dt.date | None = None,
    context: ssl.SSLContext | None = None,
    by: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncResult:
    """Read what arrived in the inbox since the last sync and record what answers a letter."""
    settings = inbox_settings(ws)
    with ws.open_log() as log:
        ours = own_addresses(ws, settings)
        letters = sent_letters(ws, log, ours)
        strangers = _Strangers(ws, log, ours, letters)
        result = SyncResult(settings.account, settings.folder)
        recorder = _Recorder(log, settings, by)
        with ImapReader(settings, password, context=context) as reader:
            state = reader.examine()
            start = recorder.start(state.uidvalidity, result)
            # A day asked for is read from, whatever an earlier sync read: a reply that came
            # before the inbox was set up, or before an earlier --since (nothing is recorded
            # twice, and the position kept never goes back).
            uids = reader.new_uids(0 if since is not None else start, since)
            result.new_messages = len(uids)
            for done in range(0, len(uids), CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled
                chunk = uids[done : done + CHUNK]
                heads = {uid: read_headers(uid, data) for uid, data in reader.headers(chunk).items()}
                for message in _answers(reader, chunk, heads, letters):
                    letter = letters.match(message)
                    if letter is not None:
                        recorder.record(message, letter, result)
                        heads.pop(message.uid, None)
                result.unattributed += strangers.among(heads[uid] for uid in chunk if uid in heads)
                recorder.advance(state.uidvalidity, max(start, chunk[-1]))
                if progress is not None:
                    progress(done + len(chunk), len(uids))
        if not uids:
            recorder.advance(state.uidvalidity, start)
    return result


def inbox_settings(ws: Workspace) -> InboxSettings:
    settings = ws.campaign.inbox_settings()
    if settings is None:
        raise UserError(
            _("campaign.yaml has no 'inbox:' section, so there is no mailbox to read replies from"),
            hint=_(
                "add inbox: with host:, username: (and port:, folder: if not 993 and INBOX); "
                "then store its password in the keyring"
            ),
        )
    return settings


def _answers(
    reader: ImapReader, uids: list[int], heads: dict[int, Incoming], letters: SentLetters
) -> Iterable[Incoming]:
    """The messages of one chunk that may concern a letter, read whole (headers first: only
    those are fetched in full)."""
    wanted = [uid for uid in uids if uid in heads and letters.could_concern(heads[uid])]
    for bodies in reader.messages(wanted):
        for uid, data in sorted(bodies.items()):
            yield read_message(heads[uid], data)


class _Strangers:
    """Messages a person wrote about the campaign's letters from an address none of them
    went to: their subject holds a logged template's fixed words (match.Mentions). And the
    answers, by their subject alone, from an address several recipients share."""

    def __init__(self, ws: Workspace, log: LogStore, ours: frozenset[str], letters: SentLetters):
        self.ws, self.log, self.ours, self.letters = ws, log, ours, letters
        self._mentions: Mentions | None = None  # read when a message needs it: most are matched
        self._by_email: dict[str, str] | None = None

    def among(self, heads: Iterable[Incoming]) -> list[Unattributed]:
        found = []
        for head in heads:
            if head.kind != REPLY or head.maybe_bounce or head.sender in self.ours:
                continue
            shared = self.letters.shared_by(head)
            if shared:
                contact = self.log.contact(shared[-1].contact_id)
                template_id = contact.template_id if contact is not None else ""
                people = tuple(sorted({x.recipient_id for x in shared}))
                found.append(Unattributed(template_id, event_detail(head), shared_by=people))
                continue
            named = self.mentions().template_of(head.subject)
            if named is not None:
                found.append(Unattributed(named, event_detail(head), self.recipient_of(head.sender)))
        return found

    def mentions(self) -> Mentions:
        if self._mentions is None:
            logged = {c.template_id for c in self.log.contacts()}
            templates = self.ws.template_scan.templates
            self._mentions = Mentions({t: templates[t].subject_source for t in logged if t in templates})
        return self._mentions

    def recipient_of(self, address: str) -> str:
        if self._by_email is None:
            self._by_email = {r.email.lower(): r.id for r in self.ws.directory if r.email}
        return self._by_email.get(address, "")


# ---- the letters that went out -----------------------------------------------------------------


def own_addresses(ws: Workspace, settings: InboxSettings) -> frozenset[str]:
    """The campaign's own addresses, in lower case: the sender's, the mail server's From,
    Reply-To and user name, the inbox's user name. Mail from them is the campaign's own (a
    copy of a letter, a campaigner's chaser by hand filed beside the letter it follows), never
    an official's answer."""
    found = [settings.username, ws.campaign.sender.email]
    try:
        smtp = ws.campaign.mail_settings()
    except (UserError, UserErrors):  # the Settings tab and send say what is wrong with it
        smtp = None
    if smtp is not None:
        found += [smtp.from_address, smtp.reply_to, smtp.username]
    return frozenset(a.strip().lower() for a in found if a and "@" in a)


def sent_letters(ws: Workspace, log: LogStore, ours: frozenset[str] = frozenset()) -> SentLetters:
    """Every letter sent by e-mail, with its Message-ID (its subject found when needed); and
    every e-mail whose send was cut off after the claim named its Message-ID: the server may
    have delivered it, and an answer to it says it did. Mail from ``ours`` answers none."""
    contacts = {c.id: c for c in log.contacts()}
    letters = []
    for event in log.events():
        contact = contacts.get(event.contact_id)
        if contact is None or event.channel not in ("email", ""):
            continue
        if event.kind != "sent" and not (event.kind == "sending" and event.message_id):
            continue
        mid, address = sent_message_id(event), contact.address.lower()
        letters.append(SentLetter(contact.id, mid, address, "", event.at, contact.recipient_id))
    return SentLetters(letters, _subject_finder(ws, contacts), ours)


def sent_message_id(event: Event) -> str:
    """The Message-ID a "sent" event recorded (its own field, or its detail in older logs)."""
    if event.message_id:
        return event.message_id
    found = _DETAIL_ID.search(event.detail)
    return found.group(1) if found else ""


def _subject_finder(ws: Workspace, contacts: dict[str, Contact]) -> Callable[[SentLetter], str]:
    """A letter's subject, as its template gives it to its recipient today ("" when the
    template or the recipient is gone)."""

    def subject_of(letter: SentLetter) -> str:
        from campaign_app.core.campaign.letter_files import LetterFiles

        contact = contacts[letter.contact_id]
        try:
            recipient = ws.directory.get(contact.recipient_id)
            if recipient is None or contact.template_id not in ws.templates:
                return ""
            rendered = LetterFiles(ws, contact.template_id, ws.out_dir).render(recipient)
        except UserError:
            return ""
        return " ".join(rendered.subject.split())

    return subject_of


# ---- the log's part ------------------------------------------------------------------------------


class _Recorder:
    """Everything the sync writes to the log: its reading position and one event per answer."""

    def __init__(self, log: LogStore, settings: InboxSettings, by: str):
        self.log, self.by = log, by or "inbox"
        self.account, self.folder = settings.account, settings.folder

    def start(self, uidvalidity: int, result: SyncResult) -> int:
        """The last UID read, or 0 when the folder is new to the log or was renumbered."""
        position = self.log.inbox_position(self.account, self.folder)
        if position is None:
            return 0
        kept_validity, last_uid = position
        if kept_validity != uidvalidity:
            result.renumbered = True
            return 0
        return last_uid

    def advance(self, uidvalidity: int, last_uid: int) -> None:
        self.log.set_inbox_position(self.account, self.folder, uidvalidity, last_uid)

    def record(self, message: Incoming, letter: SentLetter, result: SyncResult) -> None:
        kind = EVENT_KIND[message.kind]
        event_id = inbox_event_id(letter.contact_id, message, self.account)
        contact = self.log.contact(letter.contact_id)
        if contact is None:
            return
        if any(e.id == event_id for e in self.log.events(letter.contact_id)):
            result.already += 1
            return
        detail = event_detail(message)
        at = max(_precise(message.date), _later(letter.sent_at))
        self.log.add_event(letter.contact_id, kind, self.by, detail, "email", at, event_id=event_id)
        result.recorded.append(
            Recorded(
                kind,
                contact.recipient_id,
                contact.recipient_name,
                message.date,
                message.sender,
                message.subject,
                detail,
            )
        )


def inbox_event_id(contact_id: str, message: Incoming, account: str) -> str:
    """The same answer to the same letter has the same event id in every sync and every copy
    of the log (from its Message-ID; a message without one, from where it lies)."""
    source = message.message_id or f"{account}\0{message.uid}\0{message.date}\0{message.subject}"
    return uuid.uuid5(_NAMESPACE, f"{contact_id}\0{source}").hex


def event_detail(message: Incoming) -> str:
    """Only what the privacy rule allows: date, sender, subject, first lines (a bounce: the
    failed address, status and diagnostic)."""
    sender = f"{message.sender_name} <{message.sender}>" if message.sender_name else message.sender
    head = f"{message.date[:16].replace('T', ' ')} UTC from {sender}: “{message.subject}”"
    if message.kind == BOUNCE:
        reports = "; ".join(f"{b.recipient} {b.status} {b.diagnostic}".strip() for b in message.bounces)
        return f"{head} — undeliverable: {reports}"
    return f"{head} — {message.first_lines}" if message.first_lines else head


def _precise(date: str) -> str:
    return dt.datetime.fromisoformat(date).astimezone(dt.UTC).isoformat(timespec="microseconds")


def _later(at: str) -> str:
    """Just after ``at``: an answer is never placed before the letter it answers (a clock
    that runs slow must not make a reply look older than the letter)."""
    if not at:
        return ""
    when = dt.datetime.fromisoformat(at)
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return (when + dt.timedelta(microseconds=1)).astimezone(dt.UTC).isoformat(timespec="microseconds")
