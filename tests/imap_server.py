"""A real IMAP server for the inbox tests: a private Dovecot, its own configuration, real TLS.

Reading replies is tested against the server most providers run, so what is checked is
what a user's provider would see: the certificate must verify (a CA made by ``trustme``
for this run), the password is only given inside TLS, and the folder is opened without
changing it. The server listens on free ports of 127.0.0.1: implicit TLS (as 993) and
STARTTLS (as 143); :meth:`DovecotServer.plain` is a second server that offers no
encryption at all, to test refusal. The user lives in a passwd-file with a salted hash
of a random password that is kept in memory only.

Dovecot must be started as root in CI (it runs as root) and then needs unprivileged
users for its own processes (``dovecot``/``dovenull`` from the Debian package, else
``nobody``) and mail owned by the passwd-file user's uid; run by anyone else, everything
runs as that user. Its files live in a temporary folder under /tmp (not the 0700 pytest
folder, which the unprivileged mail user could not enter), removed after the test.

Messages are put in the mailbox either by writing maildir files (fast: the benchmark's
10,000) with :meth:`DovecotServer.deliver`, or by APPEND as the user with :meth:`append`.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pwd
import secrets
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

HOST = "127.0.0.1"
REQUIRE_TOOLS = os.environ.get("CAMPAIGN_APP_REQUIRE_TOOLS") == "1"


def dovecot_binary() -> str:
    """The dovecot program, or skip (fail in CI, where it must be installed)."""
    path = shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)), None
    )
    if path is None:
        if REQUIRE_TOOLS:
            pytest.fail("dovecot is required in CI but missing (apt-get install dovecot-imapd)")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _user(*names: str) -> pwd.struct_passwd:
    for name in names:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise LookupError(f"none of the users {names} exists")


def ssha512(password: str) -> str:
    """Dovecot's {SSHA512} scheme: base64(sha512(password + salt) + salt)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.sha512(password.encode("utf-8") + salt).digest()
    return "{SSHA512}" + base64.b64encode(digest + salt).decode("ascii")


CONFIG = """\
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = imap
listen = {host}
ssl = {ssl}
{ssl_files}
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused password is said at once: a real server waits 2 s against guessing, and longer
# after each failure from the same address (its anvil's penalty; tests need no wait)
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
auth_verbose = yes
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = {d}/passwd
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
{imaps}}}
service anvil {{
  chroot =
}}
"""


class DovecotServer:
    """A running Dovecot: where it listens, its user, its mailbox."""

    def __init__(self, *, tls: bool = True, password: str | None = None):
        self.tls = tls
        self.dir = Path(tempfile.mkdtemp(prefix="campaign-imap-"))
        os.chmod(self.dir, 0o755)
        self.username = "anna-" + secrets.token_hex(4) + "@rights.example"
        self.password = password or secrets.token_urlsafe(16)
        self.host = HOST
        self.starttls_port = free_port()
        self.ssl_port = free_port() if tls else 0
        self.ca = trustme.CA()
        self.ca_file = self.dir / "ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self.home = self.dir / "home"
        self.maildir = self.home / "Maildir"
        self._counter = 0
        self._process: subprocess.Popen | None = None
        self._configure()

    # ---- start and stop --------------------------------------------------------------------

    def _configure(self) -> None:
        root = os.geteuid() == 0
        me = pwd.getpwuid(os.geteuid())
        mail = _user("nobody") if root else me
        self.uid, self.gid = mail.pw_uid, mail.pw_gid
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True)
        ssl_files = ""
        if self.tls:
            cert = self.ca.issue_cert(HOST)
            cert.cert_chain_pems[0].write_to_path(str(self.dir / "cert.pem"))
            for pem in cert.cert_chain_pems[1:]:
                pem.write_to_path(str(self.dir / "cert.pem"), append=True)
            cert.private_key_pem.write_to_path(str(self.dir / "key.pem"))
            os.chmod(self.dir / "key.pem", 0o600)
            ssl_files = f"ssl_cert = <{self.dir}/cert.pem\nssl_key = <{self.dir}/key.pem\n"
        (self.dir / "passwd").write_text(
            f"{self.username}:{ssha512(self.password)}:{self.uid}:{self.gid}::{self.home}::\n",
            encoding="utf-8",
        )
        os.chmod(self.dir / "passwd", 0o644)
        config = CONFIG.format(
            d=self.dir,
            host=HOST,
            ssl="yes" if self.tls else "no",
            ssl_files=ssl_files,
            internal=_user("dovecot", "nobody").pw_name if root else me.pw_name,
            login=_user("dovenull", "nobody").pw_name if root else me.pw_name,
            uid=self.uid,
            gid=self.gid,
            port=self.starttls_port,
            imaps=f"  inet_listener imaps {{\n    address = {HOST}\n    port = {self.ssl_port}\n    ssl = yes\n  }}\n"
            if self.tls
            else "  inet_listener imaps {\n    port = 0\n  }\n",
        )
        self.config = self.dir / "dovecot.conf"
        self.config.write_text(config, encoding="utf-8")
        self._own(self.home)

    def _own(self, path: Path) -> None:
        """Hand mail files to the mail user (when run as root)."""
        if os.geteuid() != 0:
            return
        os.chown(path, self.uid, self.gid)
        for parent, dirs, files in os.walk(path):
            for name in dirs + files:
                os.chown(os.path.join(parent, name), self.uid, self.gid)

    def start(self) -> DovecotServer:
        self._process = subprocess.Popen(
            [dovecot_binary(), "-F", "-c", str(self.config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        ports = [self.starttls_port] + ([self.ssl_port] if self.tls else [])
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                out = self._process.stdout.read().decode(errors="replace") if self._process.stdout else ""
                raise RuntimeError(f"dovecot stopped at start:\n{out}\n{self.log()}")
            if all(_listening(port) for port in ports):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not listen within 20 s:\n{self.log()}")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)
        if self._process is not None and self._process.stdout:
            self._process.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def log(self) -> str:
        path = self.dir / "dovecot.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    # ---- the mailbox -------------------------------------------------------------------------

    def deliver(self, message: bytes, flags: str = "", received: float | None = None) -> None:
        """Put one message into INBOX as a maildir file (``flags`` in maildir letters, e.g. "S"
        for \\Seen, "F" for \\Flagged; ``received``: its arrival time, a POSIX timestamp, which
        Dovecot reads from the file's time); Dovecot sees it at the next look."""
        self._counter += 1
        name = f"{int(time.time())}.M{self._counter}P{os.getpid()}.test"
        sub = "cur" if flags else "new"
        path = self.maildir / sub / (f"{name}:2,{flags}" if flags else name)
        path.write_bytes(message.replace(b"\r\n", b"\n"))
        if received is not None:
            os.utime(path, (received, received))
        self._own(path)

    def deliver_many(self, messages: list[bytes]) -> None:
        """Many messages at once (the benchmark): written in order, owned by the mail user."""
        for message in messages:
            self.deliver(message)

    def client(self):
        """An imapclient connection signed in as the user, over implicit TLS (or STARTTLS)."""
        from imapclient import IMAPClient

        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        if self.tls:
            conn = IMAPClient(HOST, self.ssl_port, ssl=True, ssl_context=context, timeout=30)
        else:
            conn = IMAPClient(HOST, self.starttls_port, ssl=False, timeout=30)
        conn.login(self.username, self.password)
        return conn

    def append(self, message: bytes, flags: tuple[str, ...] = ()) -> None:
        """APPEND one message to INBOX as the user (as a mail program would file it)."""
        with self.client() as conn:
            conn.append("INBOX", message, flags=flags)

    def flags(self) -> dict[int, tuple[bytes, ...]]:
        """Every message's flags in INBOX, by UID, read without changing anything."""
        with self.client() as conn:
            conn.select_folder("INBOX", readonly=True)
            uids = conn.search("ALL")
            found = conn.fetch(uids, ["FLAGS"]) if uids else {}
            return {uid: tuple(sorted(d[b"FLAGS"])) for uid, d in found.items()}

    def settings_yaml(self, *, port: int | None = None, security: str = "ssl", folder: str = "INBOX") -> str:
        """The ``inbox:`` section of campaign.yaml pointing at this server."""
        port = port or (self.ssl_port if security == "ssl" else self.starttls_port)
        return (
            f"inbox:\n  host: {HOST}\n  port: {port}\n  security: {security}\n"
            f"  username: {self.username}\n  folder: {folder}\n"
        )


def _listening(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def dovecot_factory() -> Iterator:
    """Start private Dovecot servers (``tls=False``: one that offers no encryption); all stop
    after the test."""
    started: list[DovecotServer] = []

    def start(tls: bool = True, password: str | None = None) -> DovecotServer:
        dovecot_binary()
        server = DovecotServer(tls=tls, password=password)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def dovecot(dovecot_factory) -> DovecotServer:
    """A Dovecot with implicit TLS and STARTTLS on free ports of 127.0.0.1, certificate from this
    run's own CA, one user with a random password and an empty INBOX."""
    return dovecot_factory()


@pytest.fixture
def imap(dovecot, monkeypatch) -> DovecotServer:
    """The Dovecot, trusted by this process and its children, its password in the keyring."""
    from campaign_app.core.mail.secrets import store_password

    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.ca_file))
    store_password(dovecot.username, dovecot.host, dovecot.password)
    return dovecot
