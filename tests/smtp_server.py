"""A real SMTP server on 127.0.0.1 for the sending tests: STARTTLS, AUTH, and scripted trouble.

Sending is tested against a server that speaks real SMTP over real TLS, so what is
checked is what a provider would see: the certificate must verify (a CA made by
``trustme`` for this run), the password is only accepted inside TLS, and every message's
DATA is kept byte for byte. Behaviours a provider shows on a bad day can be switched on
per test with :meth:`SmtpTestServer.configure`: temporary refusals (451), a refused
recipient (550), a connection dropped between messages, or dropped after the message was
taken but before the reply, or a careless 535 that repeats the AUTH line and the password.

The server runs in the test process (aiosmtpd's Controller thread), so a command run as a
subprocess can use it too: give the subprocess ``SSL_CERT_FILE=<server.ca_file>``.
The user name and password are made up per run and never written to a file.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import secrets
import ssl
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from campaign_app.core.mail.settings import SmtpSettings

HOST = "127.0.0.1"


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the server took it: envelope and the exact DATA bytes (CRLF)."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes


class _Behaviour:
    """The switchable misbehaviours, read by the server thread under a lock."""

    def __init__(self) -> None:
        self.tempfail = 0  # the next N transactions get a 451 (at tempfail_at)
        self.tempfail_at = "rcpt"  # "mail" | "rcpt" | "data"
        self.tempfail_reply: str | None = None  # instead of the usual 451 (e.g. a 421)
        self.reject: set[str] = set()  # recipients answered with 550
        self.drop_after: int | None = None  # drop the connection after this many accepted messages (once)
        self.drop_before_reply = 0  # the next N messages: keep the DATA, then drop without replying
        self.echo_auth = False  # a refused sign-in's 535 repeats the AUTH line, user name and password


class _Handler:
    def __init__(self, server: SmtpTestServer):
        self.server = server

    def _take_tempfail(self, phase: str, usual: str) -> str | None:
        b = self.server.behaviour
        with self.server.lock:
            if b.tempfail > 0 and b.tempfail_at == phase:
                b.tempfail -= 1
                self.server.tempfails_given += 1
                return b.tempfail_reply or usual
        return None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.server.lock:
            drop = self.server.drop_pending
            self.server.drop_pending = False
        if drop:
            await _abort(server)
        if reply := self._take_tempfail("mail", "451 4.3.0 Try again later"):
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.server.lock:
            rejected = address.lower() in self.server.behaviour.reject
        if rejected:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        if reply := self._take_tempfail("rcpt", "451 4.7.1 Greylisted, please try again later"):
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if reply := self._take_tempfail("data", "451 4.3.0 Temporary local problem, try again"):
            return reply
        received = ReceivedMessage(
            envelope.mail_from, tuple(envelope.rcpt_tos), bytes(envelope.original_content)
        )
        s = self.server
        with s.lock:
            s._messages.append(received)
            s._count += 1
            s.accepted_on_connection[id(server)] = s.accepted_on_connection.get(id(server), 0) + 1
            drop_now = s.behaviour.drop_before_reply > 0
            if drop_now:
                s.behaviour.drop_before_reply -= 1
            elif s.behaviour.drop_after is not None and s._count >= s.behaviour.drop_after:
                s.behaviour.drop_after = None
                s.drop_pending = True  # at the next MAIL, as when a server closes an idle connection
        if s.on_data is not None:  # a test's hook, e.g. to kill the sender while the server holds it
            s.on_data(s.received())
        if drop_now:
            await _abort(server)
        return f"250 2.0.0 Ok: queued as Q{s.received():05d}"


async def _abort(server: SMTP) -> None:
    """Close the TCP connection at once, without an SMTP reply or a TLS goodbye.

    Then wait: aiosmtpd cancels this handler when it sees the connection gone, so no
    reply is attempted on the dead connection."""
    transport = server._original_transport or server.transport
    if transport is not None:
        transport.abort()
    await asyncio.get_running_loop().create_future()


class _CountingSMTP(SMTP):
    """aiosmtpd's SMTP that counts AUTH commands (to prove none was sent in plain text)."""

    def __init__(self, test_server: SmtpTestServer, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._test_server = test_server

    async def smtp_AUTH(self, arg: str) -> None:
        with self._test_server.lock:
            self._test_server.auth_commands += 1
        self.auth_line = f"AUTH {arg}"  # for a server that repeats it (echo_auth)
        await super().smtp_AUTH(arg)


class _Controller(Controller):
    def __init__(self, test_server: SmtpTestServer, **kwargs):
        super().__init__(_Handler(test_server), hostname=HOST, port=0, **kwargs)
        self.test_server = test_server

    def factory(self):
        with self.test_server.lock:
            self.test_server._factory_calls += 1
        # The loop is passed so aiosmtpd does not look one up (deprecated outside a running loop).
        return _CountingSMTP(self.test_server, self.handler, loop=self.loop, **self.SMTP_kwargs)

    def _trigger_server(self):
        # Bound to port 0: read the port the system chose before the first connection.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SmtpTestServer:
    """A running test server: where it is, its credentials, what it received."""

    def __init__(self, tmp: Path, security: str = "starttls", auth: Iterable[str] = ("PLAIN", "LOGIN")):
        self.security = security  # "starttls", "ssl" or "none" (a server that offers no encryption)
        self.lock = threading.Lock()
        self.behaviour = _Behaviour()
        self.drop_pending = False
        self.on_data = None  # called with the number of messages received, before replying
        self.auth_commands = 0
        self.tempfails_given = 0
        self.accepted_on_connection: dict[int, int] = {}
        self._messages: list[ReceivedMessage] = []
        self._count = 0  # messages accepted, the forgotten ones too
        self._factory_calls = 0
        self._base_calls = 0
        self.username = "sender-" + secrets.token_hex(4)
        self.password = secrets.token_urlsafe(16)
        self.ca = trustme.CA()
        cert = self.ca.issue_cert(HOST)  # not "localhost": tests use that name for a mismatch
        self.ca_file = tmp / "smtp-test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(server_context)
        kwargs: dict = {
            "authenticator": self._authenticate,
            "auth_require_tls": True,
            "auth_required": True,
            "server_hostname": "mail.test.example",
            "ready_timeout": 10.0,
            "auth_exclude_mechanism": [m for m in ("PLAIN", "LOGIN") if m not in auth],
        }
        if security == "starttls":
            kwargs["tls_context"] = server_context
            kwargs["require_starttls"] = True
        elif security == "ssl":
            kwargs["ssl_context"] = server_context
            # aiosmtpd counts only STARTTLS as TLS and would hide AUTH on an implicit-TLS port;
            # here the whole connection is encrypted, so AUTH is offered (and optional).
            kwargs["auth_require_tls"] = False
            kwargs["auth_required"] = False
        self._controller = _Controller(self, **kwargs)
        self.host = HOST
        self.port = 0

    def start(self) -> SmtpTestServer:
        self._controller.start()
        self.port = self._controller.port
        with self.lock:
            self._base_calls = self._factory_calls  # the controller's own start-up probe
        return self

    def stop(self) -> None:
        self._controller.stop()

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        """The user name and password are compared as UTF-8 bytes (RFC 4616)."""
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == self.username.encode("utf-8")
            and auth_data.password == self.password.encode("utf-8")
        )
        if ok or not self.behaviour.echo_auth or not isinstance(auth_data, LoginPassword):
            return AuthResult(success=ok, handled=False)
        # The careless server of echo_auth: everything it got, in the reply (sent as UTF-8).
        import base64

        server.enable_SMTPUTF8 = True
        login, password = (auth_data.login.decode("utf-8"), auth_data.password.decode("utf-8"))
        return AuthResult(
            success=False,
            handled=False,
            message=f"535 5.7.8 Authentication failed: {server.auth_line} "
            f"{base64.b64encode(auth_data.password).decode()} (user {login!r}, password {password!r})",
        )

    # ---- what tests read -------------------------------------------------------------

    @property
    def messages(self) -> list[ReceivedMessage]:
        """Every message accepted so far, in order (a copy)."""
        with self.lock:
            return list(self._messages)

    def received(self) -> int:
        """How many messages were accepted so far (a long benchmark's way to count them)."""
        with self.lock:
            return self._count

    def forget_messages(self) -> None:
        """Let go of the messages accepted so far; the count goes on (a benchmark's rounds:
        a thousand kept messages slow the next round's every full garbage collection)."""
        with self.lock:
            self._messages.clear()

    def thread_cpu(self) -> float:
        """CPU seconds the server's thread has used so far (benchmarks: what the sink costs)."""
        import time

        thread = self._controller._thread
        assert thread is not None and thread.ident is not None, "the server runs"
        return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))

    @property
    def connections(self) -> int:
        """Client connections opened so far."""
        with self.lock:
            return self._factory_calls - self._base_calls

    def ssl_context_for_client(self) -> ssl.SSLContext:
        """A default client context (verifying host names) that trusts this run's CA."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    def settings(self, **changes) -> SmtpSettings:
        """SmtpSettings pointing at this server (security as the server's, fast rate)."""
        values = {
            "host": self.host,
            "port": self.port,
            "security": "ssl" if self.security == "ssl" else "starttls",
            "username": self.username,
            "from_address": "office@rights.example",
            "reply_to": "",
            "rate_per_minute": 60_000,
            "ask_password": False,
        }
        values.update(changes)
        return SmtpSettings(**values)

    def configure(
        self,
        *,
        tempfail: int | None = None,
        tempfail_at: str | None = None,
        tempfail_reply: str | None = None,
        reject: Iterable[str] | None = None,
        drop_after: int | None = None,
        drop_before_reply: int | None = None,
        echo_auth: bool | None = None,
    ) -> None:
        """Switch behaviours on: ``tempfail`` = the next N transactions get 451 (at "mail",
        "rcpt" or "data"), answered ``tempfail_reply`` if given; ``reject`` = addresses refused with 550; ``drop_after`` = drop the
        connection once, after that many messages in total were accepted; ``drop_before_reply``
        = the next N messages are kept but the connection drops before the reply; ``echo_auth`` =
        a refused sign-in is answered with the AUTH line, the password's base64 and the password."""
        b = self.behaviour
        with self.lock:
            if tempfail is not None:
                b.tempfail = tempfail
            if tempfail_at is not None:
                assert tempfail_at in ("mail", "rcpt", "data"), tempfail_at
                b.tempfail_at = tempfail_at
            if tempfail_reply is not None:
                b.tempfail_reply = tempfail_reply
            if reject is not None:
                b.reject = {r.lower() for r in reject}
            if drop_after is not None:
                b.drop_after = drop_after
            if drop_before_reply is not None:
                b.drop_before_reply = drop_before_reply
            if echo_auth is not None:
                b.echo_auth = echo_auth


@pytest.fixture
def smtp_server_factory(tmp_path_factory) -> Iterator:
    """Start test SMTP servers (``security`` = "starttls", "ssl" or "none"); all stop after the test."""
    started: list[SmtpTestServer] = []

    def start(security: str = "starttls", auth: Iterable[str] = ("PLAIN", "LOGIN")) -> SmtpTestServer:
        server = SmtpTestServer(tmp_path_factory.mktemp("smtp"), security, auth).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def smtp_server(smtp_server_factory) -> SmtpTestServer:
    """A STARTTLS + AUTH server on 127.0.0.1 with a certificate from this run's own CA."""
    return smtp_server_factory("starttls")


# ---- using the server from a workspace -----------------------------------------------------


def use_server(mini_ws, server, *, extra_meps: int = 0, rate: int = 60000) -> None:
    """Point the workspace's campaign.yaml at the test server (the password is in the keyring
    through the ``server`` fixture); ``extra_meps`` more MEPs with e-mail join the directory."""
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    text += (
        f"smtp:\n  host: {server.host}\n  port: {server.port}\n  security: starttls\n"
        f"  username: {server.username}\n  from: office@rights.example\n"
        f"  reply_to: replies@rights.example\n  rate_per_minute: {rate}\n"
    )
    (mini_ws.root / "campaign.yaml").write_text(text, encoding="utf-8")
    if extra_meps:
        rows = [
            f"mep-x{i},mep,Ms,Given{i},Family{i},f,Member,European Parliament,DE,en,m{i}@example.org,"
            for i in range(extra_meps)
        ]
        with (mini_ws.root / "recipients" / "people.csv").open("a", encoding="utf-8") as fh:
            fh.write("\n".join(rows) + "\n")


@pytest.fixture
def server(smtp_server, monkeypatch):
    """The test server, trusted by this process and its children, its password in the keyring."""
    from campaign_app.core.mail.secrets import store_password

    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_server.ca_file))
    store_password(smtp_server.username, smtp_server.host, smtp_server.password)
    return smtp_server


def send_command(root, server) -> tuple[list[str], dict[str, str]]:
    """``campaign-app send`` of appeal-en as a real process (a terminal), and its environment:
    it trusts the test server and reads the password from its standard input."""
    import os
    import sys

    command = [
        sys.executable,
        "-m",
        "campaign_app",
        "send",
        "-w",
        str(root),
        "--template",
        "appeal-en",
        "--yes",
        "--password-stdin",
    ]
    return command, {**os.environ, "SSL_CERT_FILE": str(server.ca_file)}


def parsed(message: ReceivedMessage) -> email.message.EmailMessage:
    return email.message_from_bytes(message.data, policy=email.policy.default)


def send_killed_at(root, server, at: int = 4):
    """``campaign-app send`` (``send_command``) killed with SIGKILL while the server holds its
    ``at``-th message, then run again to the end; returns the rerun (its exit code 0 checked
    by the caller). The server has received exactly ``at`` messages when it is killed."""
    import signal
    import subprocess

    command, env = send_command(root, server)
    holder: dict[str, subprocess.Popen] = {}

    def kill_at(count: int) -> None:
        if count == at:
            holder["proc"].send_signal(signal.SIGKILL)
            holder["proc"].wait(timeout=30)

    server.on_data = kill_at
    proc = subprocess.Popen(
        command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    holder["proc"] = proc
    out, err = proc.communicate(server.password + "\n", timeout=120)
    assert proc.returncode == -signal.SIGKILL, (out, err)
    server.on_data = None
    assert len(server.messages) == at
    return subprocess.run(
        command, env=env, input=server.password + "\n", capture_output=True, text=True, timeout=180
    )


def letters_made_in_a_child(monkeypatch) -> None:
    """Sends of two letters or more make their letters in a child process, on any machine
    (core/campaign/send_ahead.py: from 40 letters, with a second core), every one but the
    first there (none made here while the child starts)."""
    from campaign_app.core.campaign import batch_run, send_ahead

    monkeypatch.setattr(send_ahead, "PROCESS_THRESHOLD", 2)
    monkeypatch.setattr(send_ahead.ProcessAhead, "made_here_while_starting", False)
    monkeypatch.setattr(batch_run, "default_workers", lambda: 2)


@pytest.fixture(params=["thread", "child process"])
def ahead(request, monkeypatch):
    """Where the next letter is made while one is sent: a thread (a short send), or a child
    process (a long one; here from two letters on)."""
    if request.param == "child process":
        letters_made_in_a_child(monkeypatch)
    return request.param
