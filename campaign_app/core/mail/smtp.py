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
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from typing import TYPE_CHECKING

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.letters.email.message import ascii_address, message_bytes
from campaign_app.core.mail.client import Client, PhaseClient, TlsClient, ehlo_name, reply_words
from campaign_app.core.mail.connect import (
    ConnectProblem,
    connect_problem,
    failure_reason,
    sign_in,
    start_tls,
)
from campaign_app.core.mail.delivery import (
    UNCERTAIN_DETAIL,
    Delivery,
    Retry,
    SendCancelled,
    Withheld,
    default_backoff,
)
from campaign_app.core.mail.redact import scrubber
from campaign_app.core.mail.settings import SmtpSettings

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

# A connection unused for this long is checked with NOOP before the next letter: servers
# close idle connections, and finding that out at MAIL would cost a retry and a pause.
IDLE_CHECK_SECONDS = 20.0

_AUTH_NEEDED_CODES = (530, 534, 535, 538)


# Letters in a row whose every attempt failed at the server itself (421, connection lost)
# before a send stops: past that the server is down, and each further letter would only
# wait out its own retries (a quarter of a minute each, an hour for a batch of 300).
SERVER_DOWN_LETTERS = 2


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
        self._scrubber: Callable[[str], str] | None = None  # made at the first text scrubbed
        self._context = ssl_context or ssl.create_default_context()
        self._timeout = timeout
        self._cancel = cancel
        self._max_attempts = max(1, max_attempts)
        self._failed_at_server = 0  # letters given up on in a row because the server failed
        self._backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._conn: PhaseClient | None = None
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

    def __exit__(self, kind: object, *exc: object) -> None:
        # Interrupted (a second Ctrl-C) in the middle of a message, QUIT would first wait for
        # the server's answer to it, for minutes: the connection is dropped instead.
        if kind is KeyboardInterrupt:
            self._discard()
        else:
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
        except ConnectProblem as problem:
            error = problem.error
        raise self._scrubbed(error)  # outside the except: no __context__ keeps the unscrubbed text

    def _scrub(self, text: str) -> str:
        """``text`` (a server's words, an exception's) without the password in any form."""
        if self._scrubber is None:
            self._scrubber = scrubber(self._password, self.settings.username)
        return self._scrubber(text)

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
        conn: PhaseClient | None = None
        try:
            # local_hostname is given so smtplib does not look up the computer's name (slow, and
            # private); the EHLO below uses our address instead.
            if implicit:
                conn = TlsClient(s.host, s.port, "localhost", timeout=self._timeout, context=self._context)
            else:
                conn = Client(s.host, s.port, "localhost", timeout=self._timeout)
            # Each command is written whole; without this, Nagle's algorithm holds the last piece
            # of every message until the server's delayed ACK (~40 ms a letter on Linux).
            assert conn.sock is not None, "smtplib connects in its constructor"
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.local_hostname = ehlo_name(conn.sock)
            code, _ = conn.ehlo()
            if not implicit:
                start_tls(conn, s, code, self._context)
            sign_in(conn, s, self._password)
        except ConnectProblem:
            if conn is not None:
                conn.close()
            raise
        except (smtplib.SMTPException, OSError) as exc:
            if conn is not None:
                conn.close()
            raise connect_problem(exc, s, self._timeout) from exc
        self._conn = conn
        self._connections += 1
        self._last_used = self._clock()
        log.debug("connected to %s:%s (%s), connection %d", s.host, s.port, s.security, self._connections)

    # ---- sending ---------------------------------------------------------------------

    def send(
        self,
        message: EmailMessage | bytes,
        from_address: str,
        recipients: Sequence[str],
        *,
        gate: Callable[[], bool] | None = None,
    ) -> Delivery:
        """Send ``message`` to ``recipients`` over the open connection (reconnecting if needed);
        given as bytes (``message_bytes(message)``) when the caller made them already.

        ``gate``, when given, is asked once the server has accepted the recipients and before
        the message itself (DATA) goes out: the caller's last word, such as its claim in the
        contact log, committed meanwhile while the server answered. False: the transaction
        is reset and :class:`Withheld` raised; nothing was sent. It is asked again on a
        retry, so it should remember its answer.

        Waits for the rate limit first. Temporary problems are retried with backoff up to
        ``max_attempts``; a permanent refusal is a "failed" Delivery and the connection
        stays usable. Raises :class:`SendCancelled` if cancel is set while waiting (nothing
        was sent) and :class:`UserError` for problems that stop the batch (sign-in,
        certificate, server gone). What the server said is in them, without the password.
        """
        try:
            data = message if isinstance(message, bytes) else message_bytes(message)
            delivery = self._send(data, from_address, recipients, gate)
            return Delivery(delivery.status, self._scrub(delivery.detail), delivery.attempts)
        except UserError as exc:
            error = exc
        raise self._scrubbed(error)  # outside the except: no __context__ keeps the unscrubbed text

    def _send(
        self, data: bytes, from_address: str, recipients: Sequence[str], gate: Callable[[], bool] | None
    ) -> Delivery:
        self._check_cancel()
        self._pace()
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
                    except ConnectProblem as problem:
                        if not problem.transient or attempt >= self._max_attempts:
                            raise problem.error from None
                        raise Retry(problem.error.message) from None
                delivery = self._transaction(data, sender, rcpts, gate)
            except Retry as retry:
                log.debug("attempt %d failed: %s", attempt, self._scrub(retry.detail))
                if attempt >= self._max_attempts:
                    self._server_down(retry)
                    delivery = Delivery(
                        "failed", f"gave up after {attempt} attempts: {retry.detail}", attempt
                    )
                    log.debug("delivery to %s: %s", rcpts, self._scrub(delivery.detail))
                    return delivery
                continue
            finally:
                self._last_used = self._clock()
            delivery = Delivery(delivery.status, delivery.detail, attempt)
            self._failed_at_server = 0
            if delivery.status == "sent":
                self._sent += 1
            if log.isEnabledFor(logging.DEBUG):
                log.debug("delivery to %s: %s %s", rcpts, delivery.status, self._scrub(delivery.detail))
            return delivery

    def _transaction(
        self, data: bytes, sender: str, recipients: list[str], gate: Callable[[], bool] | None
    ) -> Delivery:
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
            if gate is not None and not gate():
                self._rset()
                raise Withheld()
            try:
                code, reply = conn.data(data)
            except smtplib.SMTPDataError as exc:
                return self._refused(exc.smtp_code, exc.smtp_error)
            if 200 <= code < 300:
                return Delivery("sent", reply_words(code, reply), 0)
            return self._refused(code, reply)
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPResponseException, OSError) as exc:
            sent = conn.message_sent
            self._discard()
            if sent:
                return Delivery("uncertain", UNCERTAIN_DETAIL, 0)
            raise Retry(f"connection lost ({failure_reason(exc)})", server_wide=True) from None

    def _refused(self, code: int, reply: bytes | str) -> Delivery:
        """A non-success reply: retry (4xx), give up on this letter (5xx), or stop (sign-in)."""
        words = reply_words(code, reply)
        if code == 421:  # the server is closing this connection: a new one may work
            self._discard()
            raise Retry(words, server_wide=True)
        if code in _AUTH_NEEDED_CODES:
            self._rset()
            s = self.settings
            hint = (
                _("enter the user name in Settings ▸ SMTP server")
                if not s.username
                else _("check the user name and the 'from' address in Settings ▸ SMTP server")
            )
            raise UserError(
                _("the mail server {host} requires signing in to send ({words})").format(
                    host=s.host, words=words
                ),
                hint=hint,
            )
        self._rset()
        if 400 <= code < 500:
            raise Retry(words)
        return Delivery("failed", words, 0)

    def _server_down(self, retry: Retry) -> None:
        """Count a letter given up on because the server failed; stop the send (UserError)
        once SERVER_DOWN_LETTERS letters in a row were: it is the server, not the letters."""
        if not retry.server_wide:
            self._failed_at_server = 0
            return
        self._failed_at_server += 1
        if self._failed_at_server >= SERVER_DOWN_LETTERS:
            raise UserError(
                _(
                    "the mail server {host} failed {count} letters in a row, each after {attempts} "
                    "tries ({detail}): sending stopped"
                ).format(
                    host=self.settings.host,
                    count=self._failed_at_server,
                    attempts=self._max_attempts,
                    detail=retry.detail,
                ),
                hint=_("send again later: the letters sent are on record and will not go twice"),
            )

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
