"""Where the contact log is kept: campaign.db beside the campaign, or a team's PostgreSQL.

``log_database:`` in campaign.yaml names the shared log as a libpq URL,
``postgresql://anna@db.example.org:5432/akhmetova?sslmode=verify-full``. It is read here
and nowhere else, so every message about the log names it the same way, and a password
written into the URL is refused without ever being repeated: campaign.yaml is shared with
colleagues and error messages are pasted into chats. The password comes from the system
keyring (``USER@HOST``, as for SMTP) or from libpq's own ``.pgpass`` / ``PGPASSWORD``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _

SCHEMES = ("postgresql", "postgres")
# libpq parameters a URL may carry; anything else is more likely a typo than a wish.
URL_PARAMETERS = frozenset(
    {
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "sslcrl",
        "connect_timeout",
        "application_name",
        "target_session_attrs",
        "options",
        "keepalives",
        "keepalives_idle",
    }
)
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
EXAMPLE_URL = "postgresql://anna@db.example.org:5432/akhmetova?sslmode=verify-full"
CONNECT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class LogLocation:
    """The log's place: ``path`` (SQLite) or a PostgreSQL server (``user``, ``host``,
    ``port``, ``database``, libpq ``parameters``); never a password."""

    path: Path | None = None
    user: str = ""
    host: str = ""
    port: int = 5432
    database: str = ""
    parameters: tuple[tuple[str, str], ...] = ()

    @property
    def shared(self) -> bool:
        return self.path is None

    @property
    def keyring_user(self) -> str:
        """The keyring entry holding this member's database password."""
        return f"{self.user}@{self.host}"

    def password_file_hint(self) -> str:
        """Where this member's password goes when no system keyring can keep it: libpq's own
        password file (or PGPASSWORD), which every ``log`` command reads too."""
        file = r"%APPDATA%\postgresql\pgpass.conf" if os.name == "nt" else "~/.pgpass"
        line = f"{self.host}:{self.port}:{self.database}:{self.user}:PASSWORD"
        return _(
            "keep it in PostgreSQL's password file instead: the line {line} in {file}, "
            "readable only by you; or set PGPASSWORD"
        ).format(line=line, file=file)

    def libpq_options(self) -> dict[str, str]:
        """The URL's libpq parameters with this program's defaults where it gives none: TLS
        verified against the system's CAs off the loopback, a connect timeout, and the
        program's name in the server's list of sessions."""
        options = {"connect_timeout": str(CONNECT_TIMEOUT_SECONDS), "application_name": "campaign_app"}
        options.update(self.parameters)
        loopback = self.host in ("localhost", "127.0.0.1", "::1")
        options.setdefault("sslmode", "prefer" if loopback else "verify-full")
        if options["sslmode"].startswith("verify") and "sslrootcert" not in options:
            options["sslrootcert"] = "system"
        return options

    def describe(self) -> str:
        """How messages name the log."""
        if self.path is not None:
            return display_path(self.path)
        return _("the team's contact log {where}").format(
            where=f"{self.user}@{self.host}:{self.port}/{self.database}"
        )

    def where(self) -> Location:
        return Location(self.describe())


def password_hidden(text: str) -> str:
    """A ``log_database`` value as it may be shown: a password written into it (which the
    loader refuses) replaced by asterisks, the rest as written."""
    try:
        parts = urlsplit(text)
        secret = parts.password
    except ValueError:
        return text
    if not secret:
        return text
    at = parts.netloc.rfind("@")
    shown = parts._replace(netloc=parts.netloc[: parts.netloc.find(":") + 1] + "****" + parts.netloc[at:])
    return shown.geturl()


def sqlite_location(path: Path) -> LogLocation:
    return LogLocation(path=Path(path))


def parse_log_database(text: str, where: Location | None) -> LogLocation:
    """The shared log named by a ``log_database`` URL; a UserError at ``where`` when it is
    not one this program can use (the URL is not repeated: it may hold a password)."""
    hint = f"write it as {EXAMPLE_URL}"
    try:
        parts = urlsplit(text.strip())
        port = parts.port or 5432
    except ValueError:
        raise UserError(_("'log_database' is not a valid database URL"), where, hint) from None
    if parts.scheme not in SCHEMES:
        raise UserError(_("'log_database' must be a PostgreSQL URL starting with postgresql://"), where, hint)
    if parts.password is not None:
        raise UserError(
            _("'log_database' must not contain the database password"),
            where,
            _(
                "delete it from the URL (and change it if the file was shared); store it in the system "
                "keyring with 'campaign-app log password' or in the window's Settings, \"Team's contact "
                "log\"; or in PostgreSQL's .pgpass file"
            ),
        )
    user = unquote(parts.username or "")
    if not user:
        raise UserError(
            _("'log_database' must name your database user (each member connects as their own)"),
            where,
            hint,
        )
    database = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not database or "/" in database:
        raise UserError(_("'log_database' must name the server and the database"), where, hint)
    parameters = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in URL_PARAMETERS:
            raise UserError(
                _("'log_database' has an unknown parameter '{key}'").format(key=key),
                where,
                _("use only {url_parameters}").format(url_parameters=", ".join(sorted(URL_PARAMETERS))),
            )
        if key == "sslmode" and value not in SSL_MODES:
            raise UserError(
                _("'log_database' has sslmode '{value}'").format(value=value),
                where,
                _("use one of {ssl_modes}").format(ssl_modes=", ".join(SSL_MODES)),
            )
        parameters.append((key, value))
    return LogLocation(
        user=user, host=parts.hostname, port=port, database=database, parameters=tuple(parameters)
    )
