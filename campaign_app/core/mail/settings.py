"""The ``smtp:`` section of campaign.yaml: how letters leave by e-mail, declared once.

Every key is declared here with its default and its check (:data:`SMTP_OPTIONS`), and
the same checks serve the campaign loader (``campaign-app check``, ``send``) and the
Settings tab's fields, so a mistake reads the same wherever it is made.

``host``, ``port``, ``security`` (``starttls`` or ``ssl``: TLS only, never plain text),
``username``, ``from``, ``reply_to``, ``rate_per_minute``, and optionally
``password: ask`` — the word "ask", a choice, never a password: the password itself lives
only in the system keyring (core/mail/secrets.py); campaign.yaml with anything else under
``password`` is refused by the campaign loader, which never repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from campaign_app.core.common.email_words import email_problem
from campaign_app.core.common.errors import ProblemCollector, UserError, did_you_mean
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.limits import PORT_MAX, RATE_PER_MINUTE_MAX
from campaign_app.core.common.numbers import shown_value, whole_number
from campaign_app.core.common.yamlio import YamlPlace

SECURITIES = ("starttls", "ssl")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465}
DEFAULT_RATE_PER_MINUTE = 20
# 'password: ask' under smtp: is a choice (ask each time), the only password campaign.yaml may hold.
ASK_PASSWORD = "ask"

_HOST = re.compile(r"^[A-Za-z0-9.\-\[\]:]+$")


def is_host_name(host: str) -> bool:
    """A server name or address as a mail program takes it: letters, digits, dots and
    hyphens, with no empty part ("smtp..gmail.com") and no part starting or ending with a
    hyphen; an IP address (IPv6 in brackets) too."""
    if not _HOST.match(host):
        return False
    if host.startswith("[") or ":" in host:
        return True
    labels = host.removesuffix(".").split(".")
    return all(label and not label.startswith("-") and not label.endswith("-") for label in labels)


# ---- the checks: the same messages at the Settings tab's field and in `check` ---------------


def check_port(value: object) -> int:
    """A TCP port, 1–65535 (digits 0-9 only: int() would choke on '²' or 5,000 digits)."""
    text = shown_value(value).strip()
    digits = text.isascii() and text.isdigit() and len(text) <= len(str(PORT_MAX))
    if isinstance(value, bool) or not digits or not 1 <= int(text) <= PORT_MAX:
        raise UserError(
            _("SMTP port '{text}' is not a number from 1 to {port_max}").format(text=text, port_max=PORT_MAX),
            hint=_("use 587 for STARTTLS or 465 for SSL, or leave it empty"),
        )
    return int(text)


def check_security(value: object) -> str:
    """``starttls`` or ``ssl``: there is no setting that sends a password in plain text."""
    text = str(value).strip().lower()
    if text not in SECURITIES:
        raise UserError(
            _("SMTP security '{value}' is not allowed: letters are sent over TLS only").format(value=value),
            hint=_("use 'starttls' (usually port 587) or 'ssl' (usually port 465)"),
        )
    return text


def check_host(host: str, username: str) -> str:
    """The server name; needed as soon as a user name is given."""
    host = host.strip()
    if not host:
        if username.strip():
            raise UserError(
                _("the SMTP server (host) is empty but a user name is set"),
                hint=_("enter the server's name, e.g. smtp.example.org"),
            )
        return host
    if not is_host_name(host):
        raise UserError(
            _("SMTP host '{host}' is not a server name").format(host=host),
            hint=_("enter only the name, e.g. smtp.example.org (no 'smtp://', no spaces)"),
        )
    return host


def check_address(value: str, what: str) -> str:
    """An e-mail address (syntax only: the tool works offline), or "" when empty. ``what``
    names the field, as marked for translation where it is written (``N_``)."""
    value = value.strip()
    if not value:
        return ""
    # Imported here: a process that makes letters for a send unpickles these settings and
    # never checks an address (email_validator compiles its patterns at import: 20 ms).
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise UserError(
            _("{what} '{value}' is not an e-mail address ({exc})").format(
                what=_(what), value=value, exc=email_problem(exc)
            ),
            hint=_("correct it or leave it empty"),
        ) from None


def check_rate(value: object) -> int:
    """How many e-mails a minute at most: providers block accounts that send faster."""
    return whole_number(
        value,
        1,
        RATE_PER_MINUTE_MAX,
        f"rate_per_minute '{shown_value(value)}' must be a whole number of e-mails per minute, "
        f"from 1 to {RATE_PER_MINUTE_MAX:,}",
        f"{DEFAULT_RATE_PER_MINUTE} is a safe rate for most providers",
    )


# ---- the declaration ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpOption:
    """One key of the smtp section: its default (None: absent) and the check of its value."""

    key: str
    default: Any
    check: Callable[[Any, Mapping[str, Any]], Any]
    doc: str


def _text(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key)
    return "" if value is None else str(value)


SMTP_OPTIONS: tuple[SmtpOption, ...] = (
    SmtpOption("host", "", lambda v, n: check_host(_text(n, "host"), _text(n, "username")), "the server"),
    SmtpOption(
        "port", None, lambda v, n: None if v is None else check_port(v), "587 for starttls, 465 for ssl"
    ),
    SmtpOption("security", "starttls", lambda v, n: check_security(v or "starttls"), "starttls or ssl"),
    SmtpOption("username", "", lambda v, n: _text(n, "username"), "the account to sign in as"),
    SmtpOption("from", "", lambda v, n: check_address(_text(n, "from"), N_("SMTP 'from'")), "sender address"),
    SmtpOption(
        "reply_to",
        "",
        lambda v, n: check_address(_text(n, "reply_to"), N_("SMTP 'reply_to'")),
        "replies go to",
    ),
    SmtpOption(
        "rate_per_minute",
        DEFAULT_RATE_PER_MINUTE,
        lambda v, n: DEFAULT_RATE_PER_MINUTE if v is None else check_rate(v),
        "e-mails a minute at most",
    ),
    SmtpOption("password", False, lambda v, n: v == ASK_PASSWORD, "only 'ask': ask for it each time"),
)
# The order keys are written in when the Settings tab adds one.
SMTP_ORDER = tuple(o.key for o in SMTP_OPTIONS)


@dataclass(frozen=True)
class SmtpSettings:
    """The validated smtp section, defaults filled in (for sending)."""

    host: str
    port: int
    security: str
    username: str
    from_address: str
    reply_to: str
    rate_per_minute: int
    ask_password: bool


def parse_smtp(root: YamlPlace) -> SmtpSettings | None:
    """The ``smtp:`` section under ``root`` (campaign.yaml's top), checked key by key as
    declared in :data:`SMTP_OPTIONS`; None when there is none. Every problem is raised
    together, each at its line."""
    data = root.node
    if not isinstance(data, Mapping) or data.get("smtp") is None:
        return None
    node = data["smtp"]
    if not isinstance(node, Mapping):
        raise UserError(
            _("'smtp' must be a mapping of keys"), root.at("smtp"), _("see the host:, port: … keys")
        )
    place = root.child("smtp")
    problems = ProblemCollector()
    values: dict[str, Any] = {}
    for option in SMTP_OPTIONS:
        try:
            values[option.key] = option.check(node.get(option.key), node)
        except UserError as exc:
            where = place.at(option.key) if option.key in node else place.here()
            problems.add(exc.message, where, exc.hint)
            values[option.key] = option.default
    for key in node:
        if str(key) not in {o.key for o in SMTP_OPTIONS} and not str(key).startswith("x-"):
            known = [o.key for o in SMTP_OPTIONS]
            problems.add(
                _("unknown key '{key}' under 'smtp'").format(key=key),
                place.at(key),
                did_you_mean(str(key).replace("-", "_").lower(), known)
                or _("the keys are: {known}").format(known=", ".join(known)),
            )
    problems.errors.sort(key=lambda e: (e.where.line or 0) if e.where else 0)  # in the file's order
    problems.raise_if_any()
    security = values["security"]
    return SmtpSettings(
        host=values["host"],
        port=values["port"] if values["port"] is not None else DEFAULT_PORTS[security],
        security=security,
        username=values["username"],
        from_address=values["from"],
        reply_to=values["reply_to"],
        rate_per_minute=values["rate_per_minute"],
        ask_password=bool(values["password"]),
    )
