"""What one incoming message is: a reply, an automatic reply, or a bounce, and what of it
may be kept.

Two steps, so that a folder of thousands is read quickly: :func:`read_headers` reads the
few header fields fetched for every new message (enough to match most to a letter and to
tell whether the message could concern one), and :func:`read_message` the whole of the
few that do.

- **Automatic replies** are recognised as RFC 3834 asks (``Auto-Submitted`` other than
  "no"), by the headers other responders use (``X-Autoreply``, ``X-Autorespond``,
  ``Precedence: auto_reply``) and by the usual out-of-office subjects in English,
  Ukrainian, Russian, German and French.
- **Bounces** are delivery status notifications (RFC 3464: ``multipart/report`` with a
  ``message/delivery-status`` part) saying a recipient "failed": the final recipient,
  status and diagnostic code are kept, and the returned original's Message-ID names the
  letter; also a mail server's plain-text bounce that names the failed addresses in
  ``X-Failed-Recipients`` (Exim's) or in its text (qmail's), the server's answer read from
  under each address.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, field, replace
from email.message import Message

from campaign_app.core.mail.inbox.decode import address_of, header_charset, header_text, message_ids
from campaign_app.core.mail.inbox.text import body_text, first_lines, shown

REPLY, AUTO_REPLY, BOUNCE = "reply", "auto-reply", "bounce"

_OUT_OF_OFFICE = re.compile(
    r"(out\s+of\s+(the\s+)?office|automatic\s+reply|auto[\s-]?reply|autoresponse|auto[\s-]?response|"
    r"on\s+(annual\s+)?leave|away\s+from\s+(the\s+)?office|vacation\s+(reply|notice)|"
    r"abwesenheit|automatische\s+antwort|nicht\s+im\s+büro|außer\s+haus|"
    r"réponse\s+automatique|absence|absent\s+du\s+bureau|"
    r"автоматична\s+відповідь|автовідповідь|поза\s+офісом|відсутн|"
    r"автоматический\s+ответ|автоответ|вне\s+офиса|отсутств|нет\s+на\s+месте)",
    re.IGNORECASE,
)
_BOUNCE_SENDERS = ("mailer-daemon@", "postmaster@")
_BOUNCE_SUBJECT = re.compile(
    r"(undeliver|delivery\s+(status\s+notification|failure|has\s+failed)|returned\s+mail|"
    r"failure\s+notice|mail\s+delivery\s+failed|nicht\s+zustellbar|non\s+remis|"
    r"не\s+доставлено|недоставлен)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Bounce:
    """What a delivery status notification says about the failed recipient."""

    recipient: str  # the final recipient's address, lower case
    status: str  # "5.1.1"
    diagnostic: str  # "smtp; 550 5.1.1 <x@y>: user unknown"
    original_id: str = ""  # the returned letter's Message-ID


@dataclass(frozen=True)
class Incoming:
    """One message as far as matching and the log need it (nothing else is read)."""

    uid: int
    message_id: str
    refers_to: tuple[str, ...]  # In-Reply-To first, then References newest first
    sender: str  # the From address, lower case
    sender_name: str
    subject: str
    date: str  # ISO 8601 UTC
    kind: str = REPLY
    maybe_bounce: bool = False
    bounces: tuple[Bounce, ...] = field(default=())
    first_lines: str = ""


def parse(data: bytes) -> Message:
    """Bytes → a message (compat32, so undeclared 8-bit header bytes survive for guessing)."""
    return email.message_from_bytes(data, policy=email.policy.compat32)


def read_headers(uid: int, data: bytes, received: dt.datetime | None = None) -> Incoming:
    """The deciding header fields of one message; the kind from the headers alone."""
    msg = parse(data)
    charset = header_charset(msg)
    name, sender = address_of(msg, "From", charset)
    refs = message_ids(header_text(msg, "In-Reply-To"))
    refs += [r for r in reversed(message_ids(header_text(msg, "References"))) if r not in refs]
    ids = message_ids(header_text(msg, "Message-ID"))
    subject = header_text(msg, "Subject", charset)
    maybe_bounce = (
        msg.get_content_type() == "multipart/report"
        or sender.startswith(_BOUNCE_SENDERS)
        or bool(msg.get("X-Failed-Recipients"))
        or (not sender and bool(_BOUNCE_SUBJECT.search(subject)))
    )
    return Incoming(
        uid=uid,
        message_id=ids[0] if ids else "",
        refers_to=tuple(refs),
        sender=shown(sender, 254),
        sender_name=shown(name, 120),
        subject=shown(subject, 1000),
        date=_date(msg, received),
        kind=AUTO_REPLY if is_automatic(msg, subject) else REPLY,
        maybe_bounce=maybe_bounce,
    )


def read_message(head: Incoming, data: bytes) -> Incoming:
    """The whole message: a bounce's reports, or the first lines of a reply."""
    msg = parse(data)
    # a mail server's own notice only (a person's reply may quote one)
    bounces = delivery_reports(msg) or (failure_notice(msg) if head.maybe_bounce else ())
    if bounces:
        return replace(head, kind=BOUNCE, bounces=bounces, first_lines="")
    if head.maybe_bounce:
        # A report that names no failed recipient ("delayed", "relayed") or a mail server's
        # own notice: no person answered, so it never counts as a reply.
        return replace(head, kind=AUTO_REPLY, first_lines=first_lines(msg))
    return replace(head, first_lines=first_lines(msg))


def is_automatic(msg: Message, subject: str) -> bool:
    """An answer no person wrote: RFC 3834, the common X- headers, or an out-of-office subject."""
    auto = header_text(msg, "Auto-Submitted").split(";")[0].strip().lower()
    if auto:
        return auto != "no"  # "no": a person wrote it, whatever its subject says (RFC 3834)
    if msg.get("X-Autoreply") or msg.get("X-Autorespond"):
        return True
    if header_text(msg, "Precedence").strip().lower() == "auto_reply":
        return True
    # Only where an automatic answer puts it, at the start ("Automatic reply: …"): a person's
    # "Re: … in the absence of her lawyers" is a reply.
    return bool(_OUT_OF_OFFICE.match(subject.lstrip(" \t[(*")))


def _date(msg: Message, received: dt.datetime | None) -> str:
    """The Date header in UTC; the server's arrival time when it is missing or unreadable."""
    when: dt.datetime | None = None
    text = header_text(msg, "Date")
    if text:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            when = None
    for candidate in (when, received, dt.datetime.now(dt.UTC)):
        if candidate is None:
            continue
        if candidate.tzinfo is None:
            candidate = candidate.replace(tzinfo=dt.UTC)
        try:  # a date such as 31 Dec 9999 -1200 lies beyond what a datetime holds in UTC
            return candidate.astimezone(dt.UTC).isoformat(timespec="seconds")
        except (OverflowError, ValueError):
            continue
    raise AssertionError("now is a date")


# ---- delivery status notifications (RFC 3464) ----------------------------------------------


def delivery_reports(msg: Message) -> tuple[Bounce, ...]:
    """The failed recipients a DSN reports, each with the returned original's Message-ID."""
    if msg.get_content_type() != "multipart/report":
        return ()
    reports = ("message/delivery-status", "message/global-delivery-status")
    status_part = next((part for part in msg.walk() if part.get_content_type() in reports), None)
    if status_part is None:
        return ()
    original_id = _original_id(_returned_part(msg))
    found = []
    for block in _status_blocks(status_part):
        action = block.get("action", "").lower()
        recipient = _typed_address(block.get("final-recipient") or block.get("original-recipient", ""))
        if action != "failed" or not recipient:
            continue
        status = block.get("status", "")
        diagnostic = " ".join(block.get("diagnostic-code", "").split())
        found.append(Bounce(recipient, status, diagnostic, original_id))
    return tuple(found)


_STATUS_CODE = re.compile(r"\b[45]\.\d{1,3}\.\d{1,3}\b")
_COPY_MARK = re.compile(r"^-{3,}[^\n]*\bcopy of the message\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
_COPIED_ID = re.compile(r"^message-id:[ \t]*(.*)$", re.IGNORECASE | re.MULTILINE)
_QMAIL_FAILURE = re.compile(r"qmail-send program.*\bpermanent error\b", re.IGNORECASE | re.DOTALL)
_QMAIL_ADDRESS = re.compile(r"^<([^<>\s]+@[^<>\s]+)>:[ \t]*$", re.MULTILINE)


def failure_notice(msg: Message) -> tuple[Bounce, ...]:
    """A mail server's own plain-text bounce, without a report part: the failed addresses,
    the server's answer under each in the text, then a copy of the letter whose Message-ID
    names it. Exim (the server of many small organisations' hosting) names the addresses in
    X-Failed-Recipients, set only when delivery failed for good (a delay notice has none);
    qmail in the text, as "<address>:" lines under "This is a permanent error"."""
    text = body_text(msg).replace("\r\n", "\n")
    mark = _COPY_MARK.search(text)
    notice, copy = (text[: mark.start()], text[mark.end() :]) if mark else (text, "")
    named = header_text(msg, "X-Failed-Recipients").split(",")
    if not any(n.strip() for n in named) and _QMAIL_FAILURE.search(notice):
        named = _QMAIL_ADDRESS.findall(notice)
    addresses = list(dict.fromkeys(a for a in (_typed_address(n) for n in named) if a))
    if not addresses:
        return ()
    original = _original_id(_returned_part(msg)) or _copied_id(copy)
    found = []
    for address in addresses:
        diagnostic = _answer_under(address, notice)
        status = _STATUS_CODE.search(diagnostic)
        found.append(Bounce(address, status.group(0) if status else "", diagnostic, original))
    return tuple(found)


def _answer_under(address: str, notice: str) -> str:
    """The lines under the failed address in a notice, up to a blank line: the server's answer."""
    lines = notice.splitlines()
    for i, line in enumerate(lines):
        if line.strip().strip("<>:").lower() != address:
            continue
        answer = []
        for below in lines[i + 1 :]:
            if not below.strip():
                break
            answer.append(below.strip())
        return shown(" ".join(answer), 500)
    return ""


def _copied_id(copy: str) -> str:
    """The Message-ID among the header lines of a letter copied into a notice's text."""
    head = copy.lstrip("\n").split("\n\n", 1)[0]
    found = _COPIED_ID.search(head)
    ids = message_ids(found.group(1)) if found else []
    return ids[0] if ids else ""


def _returned_part(msg: Message) -> Message | None:
    """The letter returned with a notice as a part of its own, if it is."""
    kinds = ("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers")
    return next((part for part in msg.walk() if part.get_content_type() in kinds), None)


def _status_blocks(part: Message) -> list[dict[str, str]]:
    """The per-recipient field groups of a delivery-status part, keys in lower case."""
    payload = part.get_payload()
    blocks: list[dict[str, str]] = []
    if isinstance(payload, list):  # the email package parses it into header blocks
        for sub in payload:
            if isinstance(sub, Message):
                blocks.append({k.lower(): " ".join(str(v).split()) for k, v in sub.items()})
    else:
        raw = part.get_payload(decode=True)
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(payload)
        for chunk in re.split(r"\r?\n\s*\r?\n", text):
            block = email.message_from_string(chunk.strip() + "\n\n", policy=email.policy.compat32)
            blocks.append({k.lower(): " ".join(str(v).split()) for k, v in block.items()})
    return blocks


def _typed_address(value: str) -> str:
    """ "rfc822; anna@example.org" → "anna@example.org"."""
    address = value.split(";", 1)[-1].strip().strip("<>").strip()
    return address.lower() if "@" in address else ""


def _original_id(part: Message | None) -> str:
    if part is None:
        return ""
    if part.get_content_type() in ("message/rfc822", "message/global"):
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if isinstance(inner, Message):
            ids = message_ids(header_text(inner, "Message-ID"))
            return ids[0] if ids else ""
    raw = part.get_payload(decode=True)
    if isinstance(raw, bytes):
        ids = message_ids(header_text(parse(raw), "Message-ID"))
        return ids[0] if ids else ""
    return ""
