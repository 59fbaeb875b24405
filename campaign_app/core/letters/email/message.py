"""A rendered letter as an e-mail: the exact bytes that go on the wire or into a ``.eml``.

The letter is sent the way a careful person would send it by hand: a plain-text body
(what every client and every screen reader can show), the same letter as an HTML
alternative, and the typeset PDF (or DOCX) attached, so that an official's office can
file or print it. Both bodies come from the letter's document model through the same
writers as the preview, so the e-mail cannot say something the PDF does not.

Officials' names, our organisation's name and the subject are often Cyrillic or carry
diacritics (Šimečka, Juknevičienė). Header words are therefore encoded as RFC 2047
encoded-words, international domains as IDNA, attachment names as RFC 2231 parameters,
and every body part is 7-bit (quoted-printable or base64, whichever is shorter), so the
message passes through any server, including one that does not offer 8BITMIME, without
being mangled. The policy is ``email.policy.SMTP``: CRLF line ends and folded headers.

``Date`` and ``Message-ID`` are set here, not left to the server: the Message-ID is the
letter's identity in the contact log and in the official's replies.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from email import policy as email_policy
from email.generator import BytesGenerator
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.letters.document import Letter, Letterhead
from campaign_app.core.letters.email.html import letter_html
from campaign_app.core.letters.email.text import letter_text


class _HeaderClasses(HeaderRegistry):
    """The standard header classes, each made once per header name, and the headers that
    every message repeats parsed once.

    ``HeaderRegistry`` makes a new class (``type(...)``) every time a header is set or read,
    some forty times a message: a fifth of building one. The classes it makes hold nothing
    of their own, so the first one made for a name serves every later message.

    Most of a message's twenty-odd headers are the same in every message
    (``Content-Type: text/plain; charset="utf-8"``, ``Content-Transfer-Encoding: base64``,
    ``MIME-Version: 1.0``…), and parsing each was a third of building a message. A parsed
    header is a string that nothing changes afterwards (setting a parameter makes a new
    one), so one parsed header serves every message that sets the same name, spelled the
    same, to the same text. The first ``_KEPT`` texts are kept: the repeated ones come in
    the first message."""

    _KEPT = 512

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type[BaseHeader]] = {}
        self._parsed: dict[tuple[str, str], BaseHeader] = {}

    def __call__(self, name: str, value: Any) -> BaseHeader:
        if not isinstance(value, str):  # an Address, say: made anew
            return super().__call__(name, value)
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            header = super().__call__(name, value)
            if len(self._parsed) < self._KEPT:
                self._parsed[key] = header
        return header

    def __getitem__(self, name: str) -> type[BaseHeader]:
        made = self._made.get(name.lower())
        if made is None:
            made = self._made[name.lower()] = super().__getitem__(name)
        return made


# SMTP's CRLF and line length, and 7-bit bodies: no reliance on the server's 8BITMIME.
MAIL_POLICY = email_policy.SMTP.clone(cte_type="7bit", header_factory=_HeaderClasses())


_LINE_ENDS = re.compile(r"\r\n|\r|\n")  # email.generator's own NLCRE


class _Generator(BytesGenerator):
    """``BytesGenerator`` writing each body in one piece, the same bytes.

    The standard one writes a body line by line, two writes and two encodings a line: a
    60 KB PDF in base64 is 1,100 lines, and writing them was a third of making a message's
    bytes. ``_write_lines`` is the standard library's own (Python 3.11-3.13); where it is
    not called, the generator works as before, only slower."""

    def _write_lines(self, lines: str) -> None:
        if not lines:
            return
        if "\r" in lines:
            self.write(self._NL.join(_LINE_ENDS.split(lines)))  # type: ignore[attr-defined]
        else:  # the usual body (base64, quoted-printable): the same, without a regex
            self.write(lines.replace("\n", self._NL))  # type: ignore[attr-defined]

    @classmethod
    def _make_boundary(cls, text: bytes | str | None = None) -> str:
        """The standard library's boundary (the same random draw), checked with a substring
        search: found anywhere in ``text``, the next one (``.0``, ``.1``…) is taken.

        The standard library compiles a new regular expression for every boundary and scans
        the whole message with it (half a millisecond a message with its PDF), and with
        SMTP's CRLF line ends that expression never matches, so a body line equal to the
        boundary would end the part early. Searching for the bare string is faster and
        refuses such a boundary."""
        boundary = BytesGenerator._make_boundary()  # type: ignore[attr-defined]
        if text is None:
            return boundary
        chosen, counter = boundary, 0
        while _holds(text, "--" + chosen):
            chosen, counter = f"{boundary}.{counter}", counter + 1
        return chosen


def _holds(text: bytes | str, needle: str) -> bool:
    if isinstance(text, bytes):
        return needle.encode("ascii") in text
    return needle in text


def _attach(msg: EmailMessage, attachment: Attachment) -> None:
    """Attach the file as ``msg.add_attachment(data, …)`` would, its base64 made by
    ``base64.encodebytes`` (the same 76-character lines) instead of a Python loop a line:
    the part is added empty, then given its body."""
    maintype, _, subtype = attachment.mime_type.partition("/")
    msg.add_attachment(
        b"", maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename
    )
    part = list(msg.iter_parts())[-1]  # the one just added
    part.set_payload(base64.encodebytes(attachment.data).decode("ascii"))


@dataclass(frozen=True)
class Attachment:
    """A file sent with the letter, e.g. its PDF (``mime_type`` "application/pdf")."""

    filename: str
    data: bytes
    mime_type: str


def ascii_address(address: str) -> str:
    """``address`` with an international domain in its ASCII (IDNA) form, as SMTP needs it.

    A non-ASCII part before the ``@`` cannot be sent without the server's SMTPUTF8
    extension, which this program does not use: that is a :class:`UserError`.
    """
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise UserError(
            _("'{address}' is not an e-mail address").format(address=address),
            hint=_("write it as name@example.org"),
        )
    if not local.isascii():
        raise UserError(
            _(
                "the e-mail address '{address}' has non-Latin letters before the @, which cannot be sent"
            ).format(address=address),
            hint=_("use the person's other address, or write to them from your mail program"),
        )
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise UserError(
                _("the domain of the e-mail address '{address}' is not a valid name").format(address=address),
                hint=_("check the address for typing mistakes"),
            ) from exc
    return f"{local}@{domain}"


def _address(name: str, address: str) -> Address:
    # Address() encodes the display name as RFC 2047 words when the message is generated.
    return Address(display_name=" ".join(name.split()), addr_spec=ascii_address(address))


def email_body(letter: Letter) -> Letter:
    """The letter as an e-mail body: from the salutation on. The letterhead, place and date,
    address block and subject line belong to the paper letter (attached as the PDF); in an
    e-mail the headers already say who writes to whom, when and about what."""
    return replace(letter, letterhead=Letterhead("", ()), place_and_date="", recipient_lines=(), subject="")


def build_message(
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
) -> EmailMessage:
    """The e-mail for ``letter``: text body, HTML alternative, then the attachments.

    ``date`` defaults to now (local time zone); ``message_id`` to a new one on the
    sender's domain. Raises :class:`UserError` for an address that cannot be sent to.
    """
    sender = _address(from_name, from_address)
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["From"] = sender
    msg["To"] = _address(to_name, to_address)
    if reply_to:
        msg["Reply-To"] = _address(from_name, reply_to)
    msg["Subject"] = " ".join(letter.subject.split())
    when = date or dt.datetime.now().astimezone()
    if when.tzinfo is None:
        when = when.astimezone()
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id or make_msgid(domain=sender.domain)
    body = email_body(letter)
    msg.set_content(letter_text(body))
    msg.add_alternative(letter_html(body), subtype="html")
    for attachment in attachments:
        _attach(msg, attachment)
    # EmailMessage repeats MIME-Version in every part it creates; it belongs at the top only.
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]
    if letter.language:
        # Set last: making the message multipart moves every Content-* header into its first part.
        msg["Content-Language"] = letter.language
    return msg


def with_marks(
    msg: EmailMessage, extra_headers: Sequence[tuple[str, str]] = (), subject_prefix: str = ""
) -> EmailMessage:
    """``msg`` with ``extra_headers`` added and its Subject prefixed (moved last, its words
    read back first): how an example campaign's message says what it is."""
    for name, value in extra_headers:
        msg[name] = value
    if subject_prefix:
        subject = msg["Subject"]
        del msg["Subject"]
        msg["Subject"] = subject_prefix + subject
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    """The message exactly as it goes into SMTP's DATA or a ``.eml`` file (CRLF, 7-bit)."""
    buffer = io.BytesIO()
    _Generator(buffer, policy=MAIL_POLICY).flatten(msg)
    return buffer.getvalue()


def write_eml(msg: EmailMessage, target: Path) -> None:
    """Write ``msg`` as a ``.eml`` file (the dry run), complete or not at all."""
    atomic_write_bytes(Path(target), message_bytes(msg))
