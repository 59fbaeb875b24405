"""A real, private PostgreSQL server for the team-log tests: TLS, passwords, several users.

The shared log is tested against the server a team would run, not a mock: a cluster made
with ``initdb`` in a fresh temporary folder and started with ``pg_ctl`` on a free port of
127.0.0.1 only (its unix socket stays inside that folder), so nothing depends on, or
touches, a system cluster. As on a real server, every TCP connection needs a password
(``scram-sha-256``; no ``trust`` entry) and may use TLS with a certificate for
``localhost`` and ``127.0.0.1`` issued by a ``trustme`` CA made for this run, so clients
can use ``sslmode=verify-full`` with :attr:`PgCluster.ca_file`.

Users: the superuser ``postgres`` (for test setup and assertions), a coordinator
``carol`` and volunteers ``anna`` and ``boris``; :meth:`PgCluster.add_user` makes more.
Passwords are made up per run and kept in memory only (``initdb`` needs the superuser's in
a file: it lives in the private folder, mode 600, for the length of that command). The
users get nothing beyond CONNECT: granting table rights is the product's job.

``initdb`` and the server refuse to run as root, and CI runs as root: there they run as
the ``postgres`` system user (made by Debian's package) or ``nobody``, who owns the folder.

One cluster per test session (per xdist worker; ``initdb`` takes a few seconds), one fresh
database per test (``pg_database``). Without the server's programs the tests skip, or fail
when ``CAMPAIGN_APP_REQUIRE_TOOLS=1`` (CI installs them).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
import trustme
from psycopg import sql

HOST = "127.0.0.1"
SUPERUSER = "postgres"
TEAM = ("carol", "anna", "boris")  # a coordinator and two volunteers
PROGRAMS = ("initdb", "pg_ctl", "postgres")
SETTINGS = """\
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{base}'
max_connections = 200
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
ssl = on
ssl_cert_file = '{base}/server.crt'
ssl_key_file = '{base}/server.key'
password_encryption = 'scram-sha-256'
"""
HBA = """\
# TCP only with a password (scram-sha-256), from loopback only; no trust anywhere.
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
"""


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None.

    Debian keeps them off PATH in /usr/lib/postgresql/<version>/bin: PATH is tried first,
    then ``pg_config --bindir``, then the newest of those folders."""
    candidates: list[Path] = []
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10)
            candidates.append(Path(out.stdout.strip()))
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda p: _version_key(p.parent.name), reverse=True)
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in PROGRAMS):
            return folder
    return None


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in name.split("."))


def _server_account() -> pwd.struct_passwd | None:
    """Who runs the server: None for the current user, an unprivileged account for root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    raise RuntimeError("running as root, but there is no 'postgres' or 'nobody' user to run PostgreSQL")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class PgCluster:
    """A private PostgreSQL cluster: where it is, its users and passwords, its databases."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.account = _server_account()
        self.base = Path(tempfile.mkdtemp(prefix="campaign-app-pg-"))
        self.data = self.base / "data"
        self.ca_file = self.base / "ca.pem"
        self.port = 0
        self.running = False
        self._passwords = {SUPERUSER: secrets.token_urlsafe(24)}
        self._names = itertools.count(1)

    # ---- life cycle ---------------------------------------------------------------------

    def init(self) -> PgCluster:
        """initdb, the TLS files, the settings; then start and add the team's users."""
        pwfile = self.base / "pwfile"
        pwfile.touch(mode=0o600)
        pwfile.write_text(self._passwords[SUPERUSER] + "\n", encoding="utf-8")
        self._give(self.base, pwfile)
        try:
            self._run(
                "initdb", "-D", self.data, "-U", SUPERUSER, f"--pwfile={pwfile}", "--auth=scram-sha-256",
                "-E", "UTF8", "--no-locale", "--no-sync",
            )  # fmt: skip
        finally:
            pwfile.unlink()
        self._write_tls()
        (self.data / "pg_hba.conf").write_text(HBA, encoding="utf-8")
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\ninclude = 'tests.conf'\n")
        self.start()
        for name in TEAM:
            self.add_user(name)
        return self

    def _write_tls(self) -> None:
        """A certificate for localhost and 127.0.0.1 from this run's CA; the key is mode 600
        and the server's own (PostgreSQL refuses a key that others could read)."""
        ca = trustme.CA()
        ca.cert_pem.write_to_path(str(self.ca_file))
        leaf = ca.issue_cert("localhost", HOST)
        key, crt = self.base / "server.key", self.base / "server.crt"
        key.touch(mode=0o600)
        leaf.private_key_pem.write_to_path(str(key))
        leaf.cert_chain_pems[0].write_to_path(str(crt))
        self._give(key, crt, self.ca_file)

    def start(self, attempts: int = 3) -> None:
        """Start on a free port (a new one if another process took it in the meantime)."""
        error: subprocess.CalledProcessError | None = None
        for _ in range(attempts):
            self.port = self.port or _free_port()
            settings = self.data / "tests.conf"
            settings.write_text(SETTINGS.format(port=self.port, base=self.base), encoding="utf-8")
            self._give(settings)
            try:
                self._run(
                    "pg_ctl", "start", "-w", "-t", "60", "-D", self.data, "-l", self.base / "server.log"
                )
            except subprocess.CalledProcessError as exc:
                error, self.port = exc, 0
                continue
            self.running = True
            return
        raise RuntimeError(f"the test PostgreSQL did not start:\n{self.log_tail()}") from error

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate`` at the end of the session: nothing to keep)."""
        if self.running:
            self._run("pg_ctl", "stop", "-w", "-m", mode, "-D", self.data)
            self.running = False

    @contextlib.contextmanager
    def down(self) -> Iterator[None]:
        """The server stopped inside the ``with`` block, running again after it (same port)."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    def destroy(self) -> None:
        """Stop at once and remove the folder (data, key, log): nothing of the run remains."""
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def log_tail(self, lines: int = 30) -> str:
        log = self.base / "server.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def _run(self, program: str, *args: object) -> None:
        """Run a server program, as the server's account when we are root."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        ids = {}
        if self.account is not None:
            ids = {"user": self.account.pw_uid, "group": self.account.pw_gid, "extra_groups": []}
        command = [str(self.bindir / program), *map(str, args)]
        result = subprocess.run(
            command, cwd=self.base, env=env, capture_output=True, text=True, timeout=120, **ids
        )
        if result.returncode != 0:
            raise subprocess.CalledProcessError(result.returncode, command, result.stdout, result.stderr)

    def _give(self, *paths: Path) -> None:
        """Hand files to the server's account (when it is not us)."""
        if self.account is not None:
            for path in paths:
                os.chown(path, self.account.pw_uid, self.account.pw_gid)

    # ---- users, databases, connections ----------------------------------------------------

    def add_user(self, name: str) -> str:
        """A login role with a fresh password (returned); the same one if it already exists.
        It gets no rights: tests grant what the product would grant."""
        if name in self._passwords:
            return self._passwords[name]
        password = secrets.token_urlsafe(18)
        create = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}")
        with self.admin_connect() as conn:
            conn.execute(create.format(sql.Identifier(name), sql.Literal(password)))
        self._passwords[name] = password
        return password

    def password(self, user: str) -> str:
        return self._passwords[user]

    def libpq_env(self, user: str) -> dict[str, str]:
        """Environment for a client that takes its password from libpq's PGPASSWORD."""
        return {"PGPASSWORD": self._passwords[user]}

    def create_database(self, name: str | None = None) -> str:
        """A new empty database owned by the superuser; everyone may CONNECT, nothing more."""
        name = name or f"test_{next(self._names)}_{secrets.token_hex(3)}"
        ident = sql.Identifier(name)
        with self.admin_connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(ident))
            conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(ident))
            conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO PUBLIC").format(ident))
        return name

    def drop_database(self, name: str) -> None:
        """Drop it, closing any connection a test left open."""
        with self.admin_connect() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def url(
        self,
        user: str,
        database: str,
        *,
        sslmode: str | None = "verify-full",
        sslrootcert: str | Path | None = None,
    ) -> str:
        """``postgresql://USER@127.0.0.1:PORT/DB?sslmode=...&sslrootcert=CA``, never with the
        password. The CA is named only for verify-ca/verify-full: with ``require``, a root
        certificate would make libpq verify anyway."""
        url = f"postgresql://{quote(user, safe='')}@{HOST}:{self.port}/{quote(database, safe='')}"
        if sslmode is None:
            return url
        url += f"?sslmode={sslmode}"
        if sslmode.startswith("verify"):
            url += f"&sslrootcert={quote(str(sslrootcert or self.ca_file), safe='/')}"
        return url

    def connect(self, user: str, database: str = "postgres", **params) -> psycopg.Connection:
        """A psycopg connection as USER over verified TLS (autocommit; close it or use ``with``)."""
        params = {"sslmode": "verify-full", "sslrootcert": str(self.ca_file), "connect_timeout": 10, **params}
        login = {"user": user, "password": self._passwords[user], "dbname": database}
        return psycopg.connect(host=HOST, port=self.port, autocommit=True, **login, **params)

    def admin_connect(self, database: str = "postgres") -> psycopg.Connection:
        """A psycopg connection as the superuser, for test setup and assertions."""
        return self.connect(SUPERUSER, database)


@dataclass(frozen=True)
class PgDatabase:
    """One test's fresh database on the session's cluster."""

    cluster: PgCluster
    name: str

    def url(self, user: str = "anna", **options) -> str:
        return self.cluster.url(user, self.name, **options)

    def connect(self, user: str = "anna", **params) -> psycopg.Connection:
        return self.cluster.connect(user, self.name, **params)

    def admin_connect(self) -> psycopg.Connection:
        return self.cluster.admin_connect(self.name)


def _missing(reason: str) -> None:
    """Skip, or fail in CI (CAMPAIGN_APP_REQUIRE_TOOLS=1), as the other tool-backed tests do."""
    if os.environ.get("CAMPAIGN_APP_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """The session's private PostgreSQL cluster (users postgres, carol, anna, boris)."""
    bindir = find_bindir()
    if bindir is None:
        _missing("PostgreSQL's server programs (initdb, pg_ctl, postgres) are not installed")
    cluster = PgCluster(bindir)
    try:
        yield cluster.init()
    finally:
        cluster.destroy()


@pytest.fixture
def pg_database(pg_cluster: PgCluster) -> Iterator[PgDatabase]:
    """A fresh, empty database for this test, dropped afterwards."""
    database = PgDatabase(pg_cluster, pg_cluster.create_database())
    yield database
    if not pg_cluster.running:  # a test that stopped the server and did not start it again
        pg_cluster.start()
    pg_cluster.drop_database(database.name)
