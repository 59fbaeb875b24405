"""A letter's e-mail made straight into its bytes: the very bytes ``message.py`` makes.

A long send makes one message a letter, and building it as an ``EmailMessage`` and then
writing that out was two thirds of making a letter ready (send_ahead.py): some forty header
objects set, moved and parsed again, each body part re-encoded line by line, and the
attached PDF (80 kB of base64) copied and re-split as text. The sending loop needs only
the bytes and the Message-ID, so they are put together here directly, in the shape
``build_message`` gives (text, HTML alternative, then the attachments):

- each header line is folded by the same policy (``MAIL_POLICY``) from the same value,
  and a value the messages repeat (the sender, the subject, the parts' own headers) is
  folded once;
- each body is encoded by the standard library's own chooser (``_encode_text``: 7-bit,
  quoted-printable or base64, whichever it would take) and the attachment by
  ``base64.encodebytes``, as ``message._attach`` does;
- the boundaries are drawn as ``message._Generator`` draws them, in the same order (the
  inner part's first), and checked against the same texts.

The tests compare these bytes with ``message_bytes(build_message(...))`` for random
letters, names and files (tests/core/letters/email/test_assembled_message.py). Where
the standard library lacks the chooser (a Python that renamed it), ``build_message`` is
used: slower, the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from email import contentmanager
from email.utils import format_datetime, make_msgid

from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.email.html import letter_html
from campaign_app.core.letters.email.message import (
    _LINE_ENDS,
    MAIL_POLICY,
    Attachment,
    _address,
    _Generator,
    build_message,
    email_body,
    message_bytes,
    with_marks,
)
from campaign_app.core.letters.email.text import letter_text

_encode_text = getattr(contentmanager, "_encode_text", None)

CRLF = b"\r\n"


@dataclass(frozen=True)
class MessageData:
    """A message as it goes into SMTP's DATA, and its Message-ID (the log keeps it)."""

    message_id: str
    data: bytes


def message_data(
    letter: Letter,
    *,
    from_address: str,
    from_name: str,
    to_address: str,
    to_name: str,
    reply_to: str = "",
    attachments: Sequence[Attachment] = (),
    date: dt.datetime | None = None,
    message_id: str | None = None,
    subject_prefix: str = "",
    extra_headers: Sequence[tuple[str, str]] = (),
) -> MessageData:
    """``message_bytes(build_message(...))`` with the same arguments, made directly.

    ``extra_headers`` and ``subject_prefix`` are what send.py's ``message_for`` adds to an
    example campaign's message afterwards (its headers, then the Subject moved last)."""
    sender = _sender(from_name, from_address)
    to = _address(to_name, to_address)
    reply = _sender(from_name, reply_to) if reply_to else None
    when = date or dt.datetime.now().astimezone()
    if when.tzinfo is None:
        when = when.astimezone()
    msgid = message_id or make_msgid(domain=sender.domain)
    subject = " ".join(letter.subject.split())
    if _encode_text is None:  # the standard library's way: the same bytes, slower
        return _built(letter, sender, to, reply_to, attachments, when, msgid, subject_prefix, extra_headers)
    body = email_body(letter)
    texts = [_text_part(letter_text(body), "plain"), _text_part(letter_html(body), "html")]
    top, content_type = _multipart("alternative", texts)
    if attachments:  # the alternative becomes the first part, its Content-Type heading it
        alternative = content_type + CRLF + top
        top, content_type = _multipart("mixed", [alternative, *map(_attachment_part, attachments)])
    head = [_folded("From", str(sender)), _folded("To", str(to), keep=False)]
    if reply is not None:
        head.append(_folded("Reply-To", str(reply)))
    if not subject_prefix:
        head.append(_folded("Subject", subject))
    head += [
        _date(format_datetime(when)),
        _folded("Message-ID", msgid, keep=False),
        _folded("MIME-Version", "1.0"),
        content_type,
    ]
    if letter.language:
        head.append(_folded("Content-Language", letter.language))
    head += [_folded(name, value) for name, value in extra_headers]
    if subject_prefix:  # message_for reads the Subject back (its words decoded), then prefixes it
        shown = str(MAIL_POLICY.header_store_parse("Subject", subject)[1])
        head.append(_folded("Subject", subject_prefix + shown))
    return MessageData(msgid, b"".join(head) + CRLF + top)


# The campaign's own addresses (From, Reply-To): every message of a send has the same.
_sender = functools.lru_cache(maxsize=16)(_address)


# ---- the parts ---------------------------------------------------------------------------------

_FOLDED: dict[tuple[str, str], bytes] = {}
_KEPT = 256  # the values every message repeats come in the first message


def _folded(name: str, value: str, keep: bool = True) -> bytes:
    """``Name: value`` as the generator writes it (folded, encoded words, CRLF); kept for the
    next message unless ``keep`` is false (a value no other message has)."""
    key = (name, value)
    line = _FOLDED.get(key)
    if line is None:
        line = MAIL_POLICY.fold_binary(name, MAIL_POLICY.header_store_parse(name, value)[1])
        if keep and len(_FOLDED) < _KEPT:
            _FOLDED[key] = line
    return line


_LAST_DATE: list[tuple[str, bytes]] = []


def _date(value: str) -> bytes:
    """The Date line: the same for every message sent within one second."""
    last = _LAST_DATE[-1] if _LAST_DATE else None  # read once: another thread may replace it
    if last is not None and last[0] == value:
        return last[1]
    line = _folded("Date", value, keep=False)
    _LAST_DATE[:] = [(value, line)]
    return line


_DRAWN = re.compile(r"={15}[0-9]{19}==")  # a boundary as the generator draws it
_PLACEHOLDER = "=" * 15 + "0" * 19 + "=="


@functools.cache
def _boundary_template(subtype: str) -> bytes | None:
    """A multipart Content-Type line with a placeholder boundary: every drawn boundary is the
    same run of digits between the same signs, so its line folds the same way (None where
    the placeholder is not found once, whole, in the folded line)."""
    line = _folded("Content-Type", f'multipart/{subtype}; boundary="{_PLACEHOLDER}"', keep=False)
    return line if line.count(_PLACEHOLDER.encode("ascii")) == 1 else None


def _content_type(subtype: str, boundary: str) -> bytes:
    template = _boundary_template(subtype)
    if template is not None and _DRAWN.fullmatch(boundary):
        return template.replace(_PLACEHOLDER.encode("ascii"), boundary.encode("ascii"))
    return _folded("Content-Type", f'multipart/{subtype}; boundary="{boundary}"', keep=False)


def _text_part(text: str, subtype: str) -> bytes:
    """A text body part as ``set_content(text, subtype=…)`` makes it and the generator writes
    it: its Content-Type with the charset, the encoding the standard library chooses."""
    assert _encode_text is not None
    cte, payload = _encode_text(text, "utf-8", None, MAIL_POLICY)
    return _text_headers(subtype, cte) + CRLF + _lines(payload).encode("ascii", "surrogateescape")


_TEXT_HEADERS: dict[tuple[str, str], bytes] = {}


def _text_headers(subtype: str, cte: str) -> bytes:
    made = _TEXT_HEADERS.get((subtype, cte))
    if made is None:
        # As set_text_content sets them: the type, then its charset as set_param writes it.
        made = _folded("Content-Type", f'text/{subtype}; charset="utf-8"') + _folded(
            "Content-Transfer-Encoding", cte
        )
        _TEXT_HEADERS[(subtype, cte)] = made
    return made


def _lines(payload: str) -> str:
    """The generator's line ends (``message._Generator._write_lines``)."""
    if "\r" in payload:
        return "\r\n".join(_LINE_ENDS.split(payload))
    return payload.replace("\n", "\r\n")


_ATTACHMENT_HEADERS: dict[tuple[str, str], bytes] = {}


def _attachment_part(attachment: Attachment) -> bytes:
    """An attached file as ``message._attach`` makes it: its type, base64, its name."""
    key = (attachment.mime_type, attachment.filename)
    head = _ATTACHMENT_HEADERS.get(key)
    if head is None:
        head = _attachment_headers(attachment)
        if len(_ATTACHMENT_HEADERS) < _KEPT:
            _ATTACHMENT_HEADERS[key] = head
    return head + CRLF + _base64_lines(attachment.data)


def _base64_lines(data: bytes) -> bytes:
    """``base64.encodebytes(data)`` with CRLF line ends: the data encoded at once and cut into
    76-character lines in C (``encodebytes`` calls the encoder once a line, 1,100 times for a
    letter's PDF)."""
    encoded = base64.b64encode(data)
    if not encoded:
        return b""
    size = len(encoded)
    lines = map(encoded.__getitem__, map(slice, range(0, size, 76), range(76, size + 76, 76)))
    return CRLF.join(lines) + CRLF


def _attachment_headers(attachment: Attachment) -> bytes:
    """The part's headers made by the standard library's own steps (the file's name may
    need RFC 2231 encoding), without its body."""
    from email.message import MIMEPart

    maintype, _, subtype = attachment.mime_type.partition("/")
    part = MIMEPart(policy=MAIL_POLICY)
    part.set_content(b"", maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename)
    return b"".join(MAIL_POLICY.fold_binary(name, value) for name, value in part.raw_items())


def _multipart(subtype: str, parts: list[bytes]) -> tuple[bytes, bytes]:
    """A multipart part's body and its Content-Type line, as the generator writes them: the
    boundary drawn after its parts were written, and checked against them."""
    boundary = _Generator._make_boundary(CRLF.join(parts))
    delimiter = b"--" + boundary.encode("ascii")
    body = [delimiter, CRLF]
    for n, part in enumerate(parts):
        if n:
            body += [CRLF, delimiter, CRLF]
        body.append(part)
    body += [CRLF, delimiter, b"--", CRLF]
    content_type = _content_type(subtype, boundary)
    return b"".join(body), content_type


def _built(
    letter, sender, to, reply_to, attachments, when, msgid, subject_prefix, extra_headers
) -> MessageData:
    """The standard library's way, for a Python without the body encoder used here."""
    msg = build_message(
        letter,
        from_address=sender.addr_spec,
        from_name=sender.display_name,
        to_address=to.addr_spec,
        to_name=to.display_name,
        reply_to=reply_to,
        attachments=attachments,
        date=when,
        message_id=msgid,
    )
    return MessageData(msgid, message_bytes(with_marks(msg, extra_headers, subject_prefix)))
