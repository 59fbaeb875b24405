"""The ``inbox:`` section of campaign.yaml: where replies are read from, declared once.

The same style as the smtp section (core/mail/settings.py): every key with its default
and its check in :data:`INBOX_OPTIONS`, every problem at its line. ``host``, ``port``
(993: implicit TLS, 143: STARTTLS), ``security`` (``ssl`` or ``starttls``, for servers on
other ports: never plain text), ``username``, ``folder`` (INBOX). The password lives only
in the system keyring, under ``USERNAME@HOST`` (core/mail/secrets.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from campaign_app.core.common.errors import ProblemCollector, UserError, did_you_mean
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import PORT_MAX
from campaign_app.core.common.numbers import shown_value
from campaign_app.core.common.yamlio import YamlPlace
from campaign_app.core.mail.settings import is_host_name

SECURITIES = ("ssl", "starttls")
DEFAULT_PORTS = {"ssl": 993, "starttls": 143}
# A port says its security when none is given: 143 is STARTTLS, anything else implicit TLS.
SECURITY_OF_PORT = {993: "ssl", 143: "starttls"}
DEFAULT_FOLDER = "INBOX"
_FOLDER_MAX = 200


def check_port(value: object) -> int:
    """A TCP port, 1–65535, digits only."""
    text = shown_value(value).strip()
    digits = text.isascii() and text.isdigit() and len(text) <= len(str(PORT_MAX))
    if isinstance(value, bool) or not digits or not 1 <= int(text) <= PORT_MAX:
        raise UserError(
            _("IMAP port '{text}' is not a number from 1 to {port_max}").format(text=text, port_max=PORT_MAX),
            hint=_("use 993 for SSL or 143 for STARTTLS, or leave it empty"),
        )
    return int(text)


def check_security(value: object) -> str:
    """``ssl`` or ``starttls``: no setting reads the mailbox, or gives its password, in plain text."""
    text = str(value).strip().lower()
    if text not in SECURITIES:
        raise UserError(
            _("IMAP security '{value}' is not allowed: the inbox is read over TLS only").format(value=value),
            hint=_("use 'ssl' (usually port 993) or 'starttls' (usually port 143)"),
        )
    return text


def check_host(value: object) -> str:
    host = "" if value is None else str(value).strip()
    if not host:
        raise UserError(
            _("the inbox needs a server: 'host' is missing"), hint=_("e.g. host: imap.example.org")
        )
    if not is_host_name(host):
        raise UserError(
            _("IMAP host '{host}' is not a server name").format(host=host),
            hint=_("enter only the name, e.g. imap.example.org (no 'imap://', no spaces)"),
        )
    return host


def check_username(value: object) -> str:
    name = "" if value is None else str(value).strip()
    if not name:
        raise UserError(
            _("the inbox needs the account to sign in as: 'username' is missing"),
            hint=_("e.g. username: anna@example.org (with many providers the whole address)"),
        )
    return name


def check_folder(value: object) -> str:
    folder = DEFAULT_FOLDER if value in (None, "") else str(value).strip()
    if not folder or len(folder) > _FOLDER_MAX or any(ord(c) < 32 for c in folder):
        raise UserError(
            _("IMAP folder '{shown_value}' is not a folder name").format(shown_value=shown_value(value)),
            hint=_("leave it out for INBOX, or write the folder's name as your mail program shows it"),
        )
    return folder


@dataclass(frozen=True)
class InboxOption:
    """One key of the inbox section: its default and the check of its value."""

    key: str
    default: Any
    check: Callable[[Any], Any]
    doc: str


INBOX_OPTIONS: tuple[InboxOption, ...] = (
    InboxOption("host", "", check_host, "the IMAP server"),
    InboxOption(
        "port", None, lambda v: None if v is None else check_port(v), "993 for ssl, 143 for starttls"
    ),
    InboxOption("security", None, lambda v: None if v is None else check_security(v), "ssl or starttls"),
    InboxOption("username", "", check_username, "the account to sign in as"),
    InboxOption("folder", DEFAULT_FOLDER, check_folder, "the folder replies arrive in"),
)


@dataclass(frozen=True)
class InboxSettings:
    """The validated inbox section, defaults filled in."""

    host: str
    port: int
    security: str
    username: str
    folder: str = DEFAULT_FOLDER

    @property
    def account(self) -> str:
        """The account as the log keeps its reading position: ``USERNAME@HOST``."""
        return f"{self.username}@{self.host}"


def settle(port: int | None, security: str | None) -> tuple[int, str]:
    """The port and security, one derived from the other when only one is given."""
    if security is None:
        security = SECURITY_OF_PORT.get(port or 993, "ssl")
    return (port if port is not None else DEFAULT_PORTS[security]), security


def parse_inbox(root: YamlPlace) -> InboxSettings | None:
    """The ``inbox:`` section under ``root`` (campaign.yaml's top), checked key by key as
    declared in :data:`INBOX_OPTIONS`; None when there is none. Every problem is raised
    together, each at its line."""
    data = root.node
    if not isinstance(data, Mapping) or data.get("inbox") is None:
        return None
    node = data["inbox"]
    if not isinstance(node, Mapping):
        raise UserError(
            _("'inbox' must be a mapping of keys"),
            root.at("inbox"),
            _("see the host:, port:, username: … keys"),
        )
    place = root.child("inbox")
    problems = ProblemCollector()
    values: dict[str, Any] = {}
    for option in INBOX_OPTIONS:
        try:
            values[option.key] = option.check(node.get(option.key))
        except UserError as exc:
            where = place.at(option.key) if option.key in node else root.at("inbox")
            problems.add(exc.message, where, exc.hint)
            values[option.key] = option.default
    for key in node:
        if key not in {o.key for o in INBOX_OPTIONS} and str(key).lower() not in ("password", "passwd"):
            known = [o.key for o in INBOX_OPTIONS]
            problems.add(
                _("unknown key '{key}' under 'inbox'").format(key=key),
                place.at(key),
                did_you_mean(str(key).replace("-", "_").lower(), known)
                or _("the keys are: {known}").format(known=", ".join(known)),
            )
    problems.errors.sort(key=lambda e: (e.where.line or 0) if e.where else 0)
    problems.raise_if_any()
    port, security = settle(values["port"], values["security"])
    return InboxSettings(values["host"], port, security, values["username"], values["folder"])
