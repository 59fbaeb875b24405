"""One encrypted SMTP connection that sends a batch of letters, each exactly once if it can.

The account is the campaigner's own mailbox, so three things matter more than speed:

* **Encryption, always.** Only implicit TLS ("ssl", port 465) or STARTTLS that the server
  actually offers; the certificate and host name are verified; the password is sent only
  inside TLS. A server that offers no encryption gets no password and no letter: there is
  no plain-text fallback and no "skip verification" escape hatch.
* **Never twice to an official.** A letter that reached the server must not be sent again
  because the connection dropped. smtplib's ``data()`` hides the moment that decides this
  (the end-of-data marker going out), so the client subclass below records it. Before
  that moment a failure is safe to retry; after it, and before the server's reply, the
  letter is reported "uncertain" and not retried: the caller asks a human.
* **Polite to the provider.** One connection for the whole batch, messages spaced to
  ``rate_per_minute``, temporary refusals (4xx) retried with growing pauses, permanent
  ones (5xx) reported with the server's own words while the batch goes on.

Problems that stop the whole batch (unknown host, bad certificate, wrong password) are
:class:`UserError` with a hint. Nothing here prints; the password is never logged, and
whatever the server or an exception says is scrubbed of it (core/mail/redact.py) before it leaves
the session as an error, a delivery's detail or a log line. The user name and password
are sent as UTF-8 (RFC 4616), so a password such as "пароль-ß" signs in.
"""

from __future__ import annotations

import logging
import random
import re
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING

from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.email.message import ascii_address, message_bytes
from campaign_app.core.mail.auth import Utf8AuthMixin
from campaign_app.core.mail.redact import scrub
from campaign_app.core.mail.settings import SmtpSettings

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger(__name__)

# A connection unused for this long is checked with NOOP before the next letter: servers
# close idle connections, and finding that out at MAIL would cost a retry and a pause.
IDLE_CHECK_SECONDS = 20.0

# How long to wait for the reply to the end of a message (RFC 5321 says 10 minutes).
FINAL_REPLY_TIMEOUT = 600.0

UNCERTAIN_DETAIL = "connection lost after the message was sent, before the server confirmed it"

_AUTH_NEEDED_CODES = (530, 534, 535, 538)


def default_backoff(attempt: int) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based): 1, 2, 4 … 60, ±20%."""
    base = min(60.0, 2.0 ** (attempt - 1))
    return min(60.0, base * random.uniform(0.8, 1.2))


@dataclass(frozen=True)
class Delivery:
    """What happened to one letter: "sent", "failed" or "uncertain", in the server's words."""

    status: str  # "sent" | "failed" | "uncertain"
    detail: str
    attempts: int


class SendCancelled(Exception):
    """Cancel was set while waiting (rate limit or backoff); this message was not sent."""


class _Retry(Exception):
    """This attempt failed in a way that is safe and worth retrying (``detail`` says why)."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class _ConnectProblem(Exception):
    """Opening the connection failed; ``transient`` problems may go away on a later try."""

    def __init__(self, error: UserError, transient: bool):
        super().__init__(error.message)
        self.error = error
        self.transient = transient


class _PhaseMixin(smtplib.SMTP):
    """smtplib's DATA, with a flag set once the end-of-data marker has gone out.

    The body is the same as ``smtplib.SMTP.data`` (Python 3.11): only the flag is new.
    A failed ``send`` means some bytes (at least the final ``.``) never left, so the
    server cannot have taken the message; once ``send`` has returned, it may have.
    """

    message_sent = False

    def data(self, msg: ReadableBuffer | str) -> tuple[int, bytes]:
        self.message_sent = False
        body = msg.encode("ascii") if isinstance(msg, str) else bytes(msg)  # we only send bytes
        self.putcmd("data")
        code, repl = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, repl)
        quoted = re.sub(rb"(?m)^\.", b"..", body)
        if quoted[-2:] != b"\r\n":
            quoted += b"\r\n"
        self.send(quoted + b".\r\n")
        self.message_sent = True
        # RFC 5321 (4.5.3.2.6) gives the server 10 minutes to answer the end of data (it may
        # be scanning the attachment); giving up sooner turns a sent letter into an uncertain one.
        assert self.sock is not None, "DATA goes over an open connection"
        self.sock.settimeout(max(self.timeout, FINAL_REPLY_TIMEOUT))
        try:
            return self.getreply()
        finally:
            if self.sock is not None:
                self.sock.settimeout(self.timeout)


class _Client(Utf8AuthMixin, _PhaseMixin):
    pass


class _TlsClient(Utf8AuthMixin, _PhaseMixin, smtplib.SMTP_SSL):
    pass


def _words(code: int, text: bytes | str) -> str:
    """A server reply on one line: ``550 5.1.1 <x@y>: Recipient address rejected``."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(f"{code} {text}".split())


def _ehlo_name(sock: socket.socket) -> str:
    """Our address as an RFC 5321 address literal: the computer's own name is not sent."""
    try:
        address = sock.getsockname()[0]
    except OSError:
        return "[127.0.0.1]"
    return f"[IPv6:{address}]" if ":" in address else f"[{address}]"


class SmtpSession:
    """A connection to the campaign's SMTP server, reused for every letter of a batch.

    Use as a context manager (``with SmtpSession(...) as smtp: smtp.send(...)``); it
    connects on entry and says QUIT on exit. ``sleep`` and ``clock`` can be replaced
    (tests); by default waits end early when ``cancel`` is set.
    """

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 60.0,
        cancel: threading.Event | None = None,
        max_attempts: int = 5,
        backoff: Callable[[int], float] = default_backoff,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings
        self._password = password
        self._context = ssl_context or ssl.create_default_context()
        self._timeout = timeout
        self._cancel = cancel
        self._max_attempts = max(1, max_attempts)
        self._backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._conn: _PhaseMixin | None = None
        self._last_start: float | None = None
        self._last_used = 0.0
        self._sent = 0
        self._connections = 0

    def __repr__(self) -> str:  # never shows the password
        s = self.settings
        return f"SmtpSession({s.username or '-'}@{s.host}:{s.port}, {s.security})"

    # ---- connection ------------------------------------------------------------------

    def __enter__(self) -> SmtpSession:
        self.connect()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def sent_count(self) -> int:
        """Letters the server accepted in this session."""
        return self._sent

    @property
    def connections(self) -> int:
        """Connections opened so far (one for a whole batch unless the server dropped it)."""
        return self._connections

    def connect(self) -> None:
        """Open, encrypt and sign in; every problem is a :class:`UserError` with a hint."""
        if self._conn is not None:
            return
        try:
            self._open()
            return
        except _ConnectProblem as problem:
            error = problem.error
        raise self._scrubbed(error)  # outside the except: no __context__ keeps the unscrubbed text

    def _scrub(self, text: str) -> str:
        """``text`` (a server's words, an exception's) without the password in any form."""
        return scrub(text, self._password, self.settings.username)

    def _scrubbed(self, error: UserError) -> UserError:
        return UserError(
            self._scrub(error.message), error.where, self._scrub(error.hint) if error.hint else None
        )

    def close(self) -> None:
        """Say QUIT and close; errors are ignored (the server may be gone already)."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            conn.close()

    def _discard(self) -> None:
        """Forget a connection that failed, without talking to the server."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def _open(self) -> None:
        s = self.settings
        implicit = s.security == "ssl"
        conn: _PhaseMixin | None = None
        try:
            # local_hostname is given so smtplib does not look up the computer's name (slow, and
            # private); the EHLO below uses our address instead.
            if implicit:
                conn = _TlsClient(s.host, s.port, "localhost", timeout=self._timeout, context=self._context)
            else:
                conn = _Client(s.host, s.port, "localhost", timeout=self._timeout)
            # Each command is written whole; without this, Nagle's algorithm holds the last piece
            # of every message until the server's delayed ACK (~40 ms a letter on Linux).
            assert conn.sock is not None, "smtplib connects in its constructor"
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.local_hostname = _ehlo_name(conn.sock)
            code, _ = conn.ehlo()
            if not implicit:
                self._start_tls(conn, code)
            self._sign_in(conn)
        except _ConnectProblem:
            if conn is not None:
                conn.close()
            raise
        except (smtplib.SMTPException, OSError) as exc:
            if conn is not None:
                conn.close()
            raise self._problem(exc) from exc
        self._conn = conn
        self._connections += 1
        self._last_used = self._clock()
        log.debug("connected to %s:%s (%s), connection %d", s.host, s.port, s.security, self._connections)

    def _start_tls(self, conn: smtplib.SMTP, ehlo_code: int) -> None:
        s = self.settings
        if ehlo_code != 250 or not conn.has_extn("starttls"):
            raise _ConnectProblem(
                UserError(
                    f"the mail server {s.host}:{s.port} offers no encryption (STARTTLS), "
                    "so nothing was sent and no password was given to it",
                    hint="use security 'ssl' with port 465 if your provider offers it, "
                    "or ask your provider for the encrypted server and port",
                ),
                transient=False,
            )
        code, reply = conn.starttls(context=self._context)
        if code != 220:
            raise _ConnectProblem(
                UserError(
                    f"the mail server {s.host} would not start encryption ({_words(code, reply)}), "
                    "so nothing was sent",
                    hint="try again later, or ask your provider",
                ),
                transient=400 <= code < 500,
            )
        code, reply = conn.ehlo()
        if code != 250:
            raise _ConnectProblem(
                UserError(f"the mail server {s.host} answered unexpectedly ({_words(code, reply)})"),
                transient=400 <= code < 500,
            )

    def _sign_in(self, conn: smtplib.SMTP) -> None:
        s = self.settings
        if not s.username:
            return
        if not self._password:
            raise _ConnectProblem(
                UserError(
                    f"no password for {s.username} at {s.host}",
                    hint="enter the password in Settings ▸ SMTP server",
                ),
                transient=False,
            )
        try:
            conn.login(s.username, self._password)
        except smtplib.SMTPAuthenticationError as exc:
            words = _words(exc.smtp_code, exc.smtp_error)
            if 400 <= exc.smtp_code < 500:
                raise _ConnectProblem(
                    UserError(
                        f"the mail server {s.host} could not check the password just now ({words})",
                        hint="try again in a few minutes",
                    ),
                    transient=True,
                ) from None
            raise _ConnectProblem(
                UserError(
                    f"the server refused the user name or password for {s.username} at {s.host} ({words})",
                    hint="re-enter the password in Settings ▸ SMTP server, and check the user name "
                    "(with many providers it is the whole e-mail address)",
                ),
                transient=False,
            ) from None
        except smtplib.SMTPNotSupportedError:
            raise _ConnectProblem(
                UserError(
                    f"the mail server {s.host}:{s.port} offers no sign-in (AUTH), but a user name is set",
                    hint="leave the user name empty if your provider needs none, or check the host and port",
                ),
                transient=False,
            ) from None
        except smtplib.SMTPException as exc:
            if "No suitable authentication method" in str(exc):
                raise _ConnectProblem(
                    UserError(
                        f"the mail server {s.host} offers no sign-in method this program knows",
                        hint="ask your provider for the settings for other mail programs",
                    ),
                    transient=False,
                ) from None
            raise

    def _problem(self, exc: BaseException) -> _ConnectProblem:
        """A failure while connecting, told in the user's terms, with whether to retry it."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        ports = "port 587 uses security 'starttls', port 465 uses 'ssl'"
        if isinstance(exc, ssl.SSLCertVerificationError):
            reason = exc.verify_message or exc.reason or str(exc)
            return _ConnectProblem(
                UserError(
                    f"the certificate of {s.host} could not be verified ({reason}), so nothing was sent",
                    hint="check the host name in Settings ▸ SMTP server: it must be the name your "
                    "provider gives; if it is, this network may be intercepting the connection",
                ),
                transient=False,
            )
        if isinstance(exc, ssl.SSLError):
            return _ConnectProblem(
                UserError(
                    f"no encrypted connection could be made with {where} ({exc.reason or exc})",
                    hint=f"check the port and security in Settings ▸ SMTP server: {ports}",
                ),
                transient=False,
            )
        if isinstance(exc, socket.gaierror):
            return _ConnectProblem(
                UserError(
                    f"the mail server {s.host} could not be found",
                    hint="check the host name in Settings ▸ SMTP server and the internet connection",
                ),
                transient=True,
            )
        if isinstance(exc, ConnectionRefusedError):
            return _ConnectProblem(
                UserError(
                    f"the mail server {s.host} refused the connection on port {s.port}",
                    hint=f"check the host and port in Settings ▸ SMTP server: {ports}",
                ),
                transient=True,
            )
        if isinstance(exc, TimeoutError):
            return _ConnectProblem(
                UserError(
                    f"the mail server {where} did not answer within {self._timeout:g} seconds",
                    hint="check the host and port; some networks block mail ports (try another network)",
                ),
                transient=True,
            )
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return _ConnectProblem(
                UserError(
                    f"the mail server {where} closed the connection before it was ready",
                    hint=f"check the port and security in Settings ▸ SMTP server: {ports}",
                ),
                transient=True,
            )
        if isinstance(exc, smtplib.SMTPConnectError):
            return _ConnectProblem(
                UserError(
                    f"the mail server {s.host} is not accepting mail now "
                    f"({_words(exc.smtp_code, exc.smtp_error)})",
                    hint="try again later",
                ),
                transient=400 <= exc.smtp_code < 500,
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            return _ConnectProblem(
                UserError(
                    f"the mail server {where} answered unexpectedly ({_words(exc.smtp_code, exc.smtp_error)})"
                ),
                transient=400 <= exc.smtp_code < 500,
            )
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return _ConnectProblem(
            UserError(f"could not talk to the mail server {where} ({reason})"), transient=True
        )

    # ---- sending ---------------------------------------------------------------------

    def send(self, message: EmailMessage, from_address: str, recipients: Sequence[str]) -> Delivery:
        """Send ``message`` to ``recipients`` over the open connection (reconnecting if needed).

        Waits for the rate limit first. Temporary problems are retried with backoff up to
        ``max_attempts``; a permanent refusal is a "failed" Delivery and the connection
        stays usable. Raises :class:`SendCancelled` if cancel is set while waiting (nothing
        was sent) and :class:`UserError` for problems that stop the batch (sign-in,
        certificate, server gone). What the server said is in them, without the password.
        """
        try:
            delivery = self._send(message, from_address, recipients)
            return Delivery(delivery.status, self._scrub(delivery.detail), delivery.attempts)
        except UserError as exc:
            error = exc
        raise self._scrubbed(error)  # outside the except: no __context__ keeps the unscrubbed text

    def _send(self, message: EmailMessage, from_address: str, recipients: Sequence[str]) -> Delivery:
        self._check_cancel()
        self._pace()
        data = message_bytes(message)
        try:
            sender = ascii_address(from_address)
            rcpts = [ascii_address(r) for r in recipients]
        except UserError as exc:
            return Delivery("failed", str(exc), 0)
        if not rcpts:
            return Delivery("failed", "the letter has no recipient", 0)
        attempt = 0
        while True:
            attempt += 1
            if attempt > 1:
                self._wait(self._backoff(attempt - 1))
            self._last_start = self._clock()
            try:
                if self._conn is not None and self._clock() - self._last_used > IDLE_CHECK_SECONDS:
                    self._check_alive()
                if self._conn is None:
                    try:
                        self._open()
                    except _ConnectProblem as problem:
                        if not problem.transient or attempt >= self._max_attempts:
                            raise problem.error from None
                        raise _Retry(problem.error.message) from None
                delivery = self._transaction(data, sender, rcpts)
            except _Retry as retry:
                log.debug("attempt %d failed: %s", attempt, self._scrub(retry.detail))
                if attempt >= self._max_attempts:
                    delivery = Delivery(
                        "failed", f"gave up after {attempt} attempts: {retry.detail}", attempt
                    )
                    log.debug("delivery to %s: %s", rcpts, self._scrub(delivery.detail))
                    return delivery
                continue
            finally:
                self._last_used = self._clock()
            delivery = Delivery(delivery.status, delivery.detail, attempt)
            if delivery.status == "sent":
                self._sent += 1
            log.debug("delivery to %s: %s %s", rcpts, delivery.status, self._scrub(delivery.detail))
            return delivery

    def _transaction(self, data: bytes, sender: str, recipients: list[str]) -> Delivery:
        conn = self._conn
        assert conn is not None
        conn.message_sent = False
        options = [f"SIZE={len(data)}"] if conn.has_extn("size") else []
        try:
            code, reply = conn.mail(sender, options)
            if code != 250:
                return self._refused(code, reply)
            refusals = []
            for rcpt in recipients:
                code, reply = conn.rcpt(rcpt)
                if code not in (250, 251):
                    refusals.append((code, reply))
            if refusals:
                # One refused recipient fails the whole letter; a permanent refusal outranks a temporary one.
                return self._refused(*max(refusals, key=lambda r: r[0] >= 500))
            try:
                code, reply = conn.data(data)
            except smtplib.SMTPDataError as exc:
                return self._refused(exc.smtp_code, exc.smtp_error)
            if 200 <= code < 300:
                return Delivery("sent", _words(code, reply), 0)
            return self._refused(code, reply)
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException, OSError) as exc:
            sent = conn.message_sent
            self._discard()
            if sent:
                return Delivery("uncertain", UNCERTAIN_DETAIL, 0)
            raise _Retry(f"connection lost ({_reason(exc)})") from None

    def _refused(self, code: int, reply: bytes | str) -> Delivery:
        """A non-success reply: retry (4xx), give up on this letter (5xx), or stop (sign-in)."""
        words = _words(code, reply)
        if code == 421:  # the server is closing this connection: a new one may work
            self._discard()
            raise _Retry(words)
        if code in _AUTH_NEEDED_CODES:
            self._rset()
            s = self.settings
            hint = (
                "enter the user name in Settings ▸ SMTP server"
                if not s.username
                else "check the user name and the 'from' address in Settings ▸ SMTP server"
            )
            raise UserError(f"the mail server {s.host} requires signing in to send ({words})", hint=hint)
        self._rset()
        if 400 <= code < 500:
            raise _Retry(words)
        return Delivery("failed", words, 0)

    def _rset(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            code, _ = conn.rset()
        except (smtplib.SMTPException, OSError):
            self._discard()
            return
        if code != 250:
            self._discard()

    def _check_alive(self) -> None:
        """NOOP on an idle connection; a dead one is dropped so the letter opens a new one."""
        conn = self._conn
        assert conn is not None
        try:
            code, _ = conn.noop()
        except (smtplib.SMTPException, OSError):
            code = 0
        if code != 250:
            self._discard()

    # ---- waiting ---------------------------------------------------------------------

    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise SendCancelled("cancelled before the message was sent")

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            if self._sleep is not None:
                self._sleep(seconds)
            elif self._cancel is not None:
                self._cancel.wait(seconds)
            else:
                time.sleep(seconds)
        self._check_cancel()

    def wait_turn(self) -> None:
        """Wait for the rate limit now (interruptible; SendCancelled if cancelled), so that the
        caller can record "sending" only when the transaction is about to start."""
        self._check_cancel()
        self._pace()

    def _pace(self) -> None:
        """Wait until ``60 / rate_per_minute`` seconds have passed since the last message began."""
        rate = self.settings.rate_per_minute
        if rate <= 0 or self._last_start is None:
            return
        remaining = self._last_start + 60.0 / rate - self._clock()
        if remaining > 0:
            self._wait(remaining)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _words(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = str(exc) or getattr(exc, "strerror", None) or type(exc).__name__
    return " ".join(text.split())
