"""The mailbox, read without changing it: one IMAP connection over TLS, the folder opened
read-only (EXAMINE), messages fetched with BODY.PEEK (nothing is marked read).

Speed on a folder of thousands: only UIDs above the last one read are asked for (the
position is UIDVALIDITY + last UID, kept by the caller), the header fields that decide
whether a message can concern a letter are fetched for all of them in chunks, and whole
messages only for those candidates.

Every failure is a :class:`UserError` in the user's words; the password never appears in
one (the server's words are scrubbed of it, core/mail/redact.py). The password is given
only once the connection is encrypted and the certificate verified.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.mail.inbox.refusal import LoginRefused
from campaign_app.core.mail.inbox.settings import InboxSettings
from campaign_app.core.mail.redact import scrub

# Header fields enough to tell whether a message answers a letter, is automatic or a bounce.
HEADER_FIELDS = (
    "MESSAGE-ID",
    "IN-REPLY-TO",
    "REFERENCES",
    "FROM",
    "SUBJECT",
    "DATE",
    "CONTENT-TYPE",
    "AUTO-SUBMITTED",
    "X-AUTOREPLY",
    "X-AUTORESPOND",
    "PRECEDENCE",
    "X-FAILED-RECIPIENTS",
)
_HEADER_ITEM = "BODY.PEEK[HEADER.FIELDS (" + " ".join(HEADER_FIELDS) + ")]"
CHUNK = 500  # UIDs per FETCH of headers: a few hundred KB per round trip
BODY_CHUNK = 50  # whole messages per FETCH
BODY_LIMIT = 1_048_576  # bytes of a message read at most: its text and a DSN come first
TIMEOUT = 60.0
_PORTS = "port 993 uses security 'ssl', port 143 uses 'starttls'"


@dataclass(frozen=True)
class FolderState:
    """What EXAMINE said: the folder's UIDVALIDITY, its next UID and how many messages it holds."""

    uidvalidity: int
    uidnext: int
    exists: int


class ImapReader:
    """A read-only session on one folder (use as a context manager)."""

    def __init__(
        self,
        settings: InboxSettings,
        password: str,
        *,
        context: ssl.SSLContext | None = None,
        timeout: float = TIMEOUT,
    ):
        self.s = settings
        self._password = password
        self._context = context or ssl.create_default_context()
        self._timeout = timeout
        self._conn: IMAPClient | None = None

    # ---- connecting ------------------------------------------------------------------------

    def __enter__(self) -> ImapReader:
        self._conn = self._connect()
        try:
            self._login(self._conn)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.logout()
        except (IMAPClientError, OSError):
            with contextlib.suppress(IMAPClientError, OSError):
                conn.shutdown()

    def _connect(self) -> IMAPClient:
        s = self.s
        try:
            if s.security == "ssl":
                return IMAPClient(s.host, s.port, ssl=True, ssl_context=self._context, timeout=self._timeout)
            conn = IMAPClient(s.host, s.port, ssl=False, timeout=self._timeout)
        except (OSError, IMAPClientError) as exc:
            raise self._problem(exc) from None
        try:
            self._start_tls(conn)
        except BaseException:
            conn.shutdown()
            raise
        return conn

    def _start_tls(self, conn: IMAPClient) -> None:
        """STARTTLS, or refuse: no encryption, no password."""
        s = self.s
        try:
            offered = b"STARTTLS" in conn.capabilities()
            if offered:
                conn.starttls(self._context)
        except (OSError, IMAPClientError) as exc:
            raise self._problem(exc) from None
        if not offered:
            raise UserError(
                _(
                    "the mail server {host}:{port} offers no encryption (STARTTLS), so no "
                    "password was given to it and nothing was read"
                ).format(host=s.host, port=s.port),
                hint=_("use security 'ssl' with port 993 if your provider offers it ({ports})").format(
                    ports=_PORTS
                ),
            )

    def _login(self, conn: IMAPClient) -> None:
        s = self.s
        try:
            if (s.username + self._password).isascii():
                conn.login(s.username, self._password)
            else:  # LOGIN is ASCII only; AUTHENTICATE PLAIN carries UTF-8 (RFC 4616)
                conn.plain_login(s.username, self._password)
        except LoginError as exc:
            words = scrub(" ".join(_server_words(exc).split()), self._password, s.username)
            raise LoginRefused(
                _("the server refused the user name or password for {username} at {host} ({words})").format(
                    username=s.username, host=s.host, words=words
                ),
                hint=_(
                    "check the password, and the user name under inbox: in campaign.yaml (with many "
                    "providers it is the whole e-mail address); a password kept in the system keyring "
                    "is replaced with 'campaign-app inbox password'"
                ),
            ) from None
        except (OSError, IMAPClientError) as exc:
            raise self._problem(exc) from None

    def _problem(self, exc: BaseException) -> UserError:
        """A failure while talking to the server, in the user's terms (never the password)."""
        s = self.s
        where = f"{s.host}:{s.port}"
        if isinstance(exc, ssl.SSLCertVerificationError):
            reason = exc.verify_message or exc.reason or str(exc)
            return UserError(
                _(
                    "the certificate of {host} could not be verified ({reason}), so no password was given"
                ).format(host=s.host, reason=reason),
                hint=_(
                    "check the inbox host name in campaign.yaml: it must be the name your provider "
                    "gives; if it is, this network may be intercepting the connection"
                ),
            )
        if isinstance(exc, ssl.SSLError):
            return UserError(
                _("no encrypted connection could be made with {where} ({value})").format(
                    where=where, value=exc.reason or exc
                ),
                hint=_("check the inbox port and security in campaign.yaml: {ports}").format(ports=_PORTS),
            )
        if isinstance(exc, socket.gaierror):
            return UserError(
                _("the mail server {host} could not be found").format(host=s.host),
                hint=_("check the inbox host name in campaign.yaml and the internet connection"),
            )
        if isinstance(exc, ConnectionRefusedError):
            return UserError(
                _("the mail server {host} refused the connection on port {port}").format(
                    host=s.host, port=s.port
                ),
                hint=_("check the inbox host and port in campaign.yaml: {ports}").format(ports=_PORTS),
            )
        if isinstance(exc, TimeoutError):
            return UserError(
                _("the mail server {where} did not answer within {timeout:g} seconds").format(
                    where=where, timeout=self._timeout
                ),
                hint=_("check the host and port; some networks block mail ports (try another network)"),
            )
        reason = scrub(" ".join((str(exc) or type(exc).__name__).split()), self._password, s.username)
        return UserError(
            _("could not read the mailbox at {where} ({reason})").format(where=where, reason=reason),
            hint=_("try again later; if it persists, check the inbox settings in campaign.yaml"),
        )

    @property
    def conn(self) -> IMAPClient:
        assert self._conn is not None, "use ImapReader as a context manager"
        return self._conn

    # ---- reading ---------------------------------------------------------------------------

    def examine(self) -> FolderState:
        """Open the folder read-only (EXAMINE): nothing in it can change."""
        folder = self.s.folder
        try:
            info = self.conn.select_folder(folder, readonly=True)
        except IMAPClientError as exc:
            raise self._missing_folder(exc) from None
        except OSError as exc:
            raise self._problem(exc) from None
        return FolderState(
            int(info.get(b"UIDVALIDITY", 0)), int(info.get(b"UIDNEXT", 0)), int(info.get(b"EXISTS", 0))
        )

    def _missing_folder(self, exc: IMAPClientError) -> UserError:
        try:
            names = [name for _flags, _sep, name in self.conn.list_folders()]
        except (IMAPClientError, OSError):
            names = []
        shown = ", ".join(sorted(str(n) for n in names)[:20])
        words = scrub(" ".join(str(exc).split()), self._password, self.s.username)
        return UserError(
            _("the folder '{folder}' could not be opened on {host} ({words})").format(
                folder=self.s.folder, host=self.s.host, words=words
            ),
            hint=_("set 'folder:' under 'inbox:' to one of: {shown}").format(shown=shown)
            if shown
            else _("check 'folder:' under 'inbox:'"),
        )

    def new_uids(self, after: int, since: dt.date | None = None) -> list[int]:
        """The UIDs above ``after`` (received on or after ``since``), in order."""
        criteria: list[object] = ["UID", f"{after + 1}:*"]
        if since is not None:
            criteria += ["SINCE", since]
        uids = self._call(self.conn.search, criteria)
        return sorted(u for u in uids if u > after)

    def headers(self, uids: Sequence[int]) -> dict[int, bytes]:
        """The deciding header fields of these messages (BODY.PEEK: nothing is marked read)."""
        return self._fetch(uids, _HEADER_ITEM)

    def messages(self, uids: Sequence[int]) -> Iterator[dict[int, bytes]]:
        """Whole messages (up to :data:`BODY_LIMIT` bytes each), a few at a time."""
        for start in range(0, len(uids), BODY_CHUNK):
            yield self._fetch(uids[start : start + BODY_CHUNK], f"BODY.PEEK[]<0.{BODY_LIMIT}>")

    def _fetch(self, uids: Sequence[int], item: str) -> dict[int, bytes]:
        if not uids:
            return {}
        found = self._call(self.conn.fetch, list(uids), [item])
        result: dict[int, bytes] = {}
        for uid, data in found.items():
            body = next((v for k, v in data.items() if k.startswith(b"BODY[")), None)
            if isinstance(body, bytes):
                result[uid] = body
        return result

    def _call(self, method, *args):
        try:
            return method(*args)
        except (OSError, IMAPClientError) as exc:
            raise self._problem(exc) from None


def _server_words(exc: BaseException) -> str:
    """What the server said, as text: imaplib hands it on as bytes, printed "b'[AUTH…]'"."""
    text = str(exc).strip()
    quoted = re.fullmatch(r"b(['\"])(.*)\1", text, re.DOTALL)
    return quoted.group(2) if quoted else text
