"""Opening the connection to the mail server: TLS, sign-in, and every way it can fail,
told in the user's terms with whether trying again later may help.
"""

from __future__ import annotations

import smtplib
import socket
import ssl

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.mail.client import reply_words
from campaign_app.core.mail.settings import SmtpSettings


class ConnectProblem(Exception):
    """Opening the connection failed; ``transient`` problems may go away on a later try."""

    def __init__(self, error: UserError, transient: bool):
        super().__init__(error.message)
        self.error = error
        self.transient = transient


def start_tls(conn: smtplib.SMTP, s: SmtpSettings, ehlo_code: int, context: ssl.SSLContext) -> None:
    """Upgrade the connection with STARTTLS, or refuse: no encryption, no password, no letter."""
    if ehlo_code != 250 or not conn.has_extn("starttls"):
        raise ConnectProblem(
            UserError(
                _(
                    "the mail server {host}:{port} offers no encryption (STARTTLS), so "
                    "nothing was sent and no password was given to it"
                ).format(host=s.host, port=s.port),
                hint=_(
                    "use security 'ssl' with port 465 if your provider offers it, "
                    "or ask your provider for the encrypted server and port"
                ),
            ),
            transient=False,
        )
    code, reply = conn.starttls(context=context)
    if code != 220:
        raise ConnectProblem(
            UserError(
                _(
                    "the mail server {host} would not start encryption ({reply_words}), so nothing was sent"
                ).format(host=s.host, reply_words=reply_words(code, reply)),
                hint=_("try again later, or ask your provider"),
            ),
            transient=400 <= code < 500,
        )
    code, reply = conn.ehlo()
    if code != 250:
        raise ConnectProblem(
            UserError(
                _("the mail server {host} answered unexpectedly ({reply_words})").format(
                    host=s.host, reply_words=reply_words(code, reply)
                )
            ),
            transient=400 <= code < 500,
        )


def sign_in(conn: smtplib.SMTP, s: SmtpSettings, password: str | None) -> None:
    """Sign in when a user name is set; every refusal told in the user's terms."""
    if not s.username:
        return
    if not password:
        raise ConnectProblem(
            UserError(
                _("no password for {username} at {host}").format(username=s.username, host=s.host),
                hint=_("enter the password in Settings ▸ SMTP server"),
            ),
            transient=False,
        )
    try:
        conn.login(s.username, password)
    except smtplib.SMTPAuthenticationError as exc:
        words = reply_words(exc.smtp_code, exc.smtp_error)
        if 400 <= exc.smtp_code < 500:
            raise ConnectProblem(
                UserError(
                    _("the mail server {host} could not check the password just now ({words})").format(
                        host=s.host, words=words
                    ),
                    hint=_("try again in a few minutes"),
                ),
                transient=True,
            ) from None
        raise ConnectProblem(
            UserError(
                _("the server refused the user name or password for {username} at {host} ({words})").format(
                    username=s.username, host=s.host, words=words
                ),
                hint=_(
                    "re-enter the password in Settings ▸ SMTP server, and check the user name "
                    "(with many providers it is the whole e-mail address)"
                ),
            ),
            transient=False,
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise ConnectProblem(
            UserError(
                _("the mail server {host}:{port} offers no sign-in (AUTH), but a user name is set").format(
                    host=s.host, port=s.port
                ),
                hint=_("leave the user name empty if your provider needs none, or check the host and port"),
            ),
            transient=False,
        ) from None
    except smtplib.SMTPException as exc:
        if "No suitable authentication method" in str(exc):
            raise ConnectProblem(
                UserError(
                    _("the mail server {host} offers no sign-in method this program knows").format(
                        host=s.host
                    ),
                    hint=_("ask your provider for the settings for other mail programs"),
                ),
                transient=False,
            ) from None
        raise


def connect_problem(exc: BaseException, s: SmtpSettings, timeout: float) -> ConnectProblem:
    """A failure while connecting, told in the user's terms, with whether to retry it."""
    where = f"{s.host}:{s.port}"
    ports = "port 587 uses security 'starttls', port 465 uses 'ssl'"
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = exc.verify_message or exc.reason or str(exc)
        return ConnectProblem(
            UserError(
                _("the certificate of {host} could not be verified ({reason}), so nothing was sent").format(
                    host=s.host, reason=reason
                ),
                hint=_(
                    "check the host name in Settings ▸ SMTP server: it must be the name your "
                    "provider gives; if it is, this network may be intercepting the connection"
                ),
            ),
            transient=False,
        )
    if isinstance(exc, ssl.SSLError):
        return ConnectProblem(
            UserError(
                _("no encrypted connection could be made with {where} ({value})").format(
                    where=where, value=exc.reason or exc
                ),
                hint=_("check the port and security in Settings ▸ SMTP server: {ports}").format(ports=ports),
            ),
            transient=False,
        )
    if isinstance(exc, socket.gaierror):
        return ConnectProblem(
            UserError(
                _("the mail server {host} could not be found").format(host=s.host),
                hint=_("check the host name in Settings ▸ SMTP server and the internet connection"),
            ),
            transient=True,
        )
    if isinstance(exc, ConnectionRefusedError):
        return ConnectProblem(
            UserError(
                _("the mail server {host} refused the connection on port {port}").format(
                    host=s.host, port=s.port
                ),
                hint=_("check the host and port in Settings ▸ SMTP server: {ports}").format(ports=ports),
            ),
            transient=True,
        )
    if isinstance(exc, TimeoutError):
        return ConnectProblem(
            UserError(
                _("the mail server {where} did not answer within {timeout:g} seconds").format(
                    where=where, timeout=timeout
                ),
                hint=_("check the host and port; some networks block mail ports (try another network)"),
            ),
            transient=True,
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return ConnectProblem(
            UserError(
                _("the mail server {where} closed the connection before it was ready").format(where=where),
                hint=_("check the port and security in Settings ▸ SMTP server: {ports}").format(ports=ports),
            ),
            transient=True,
        )
    if isinstance(exc, smtplib.SMTPConnectError):
        return ConnectProblem(
            UserError(
                _("the mail server {host} is not accepting mail now ({reply_words})").format(
                    host=s.host, reply_words=reply_words(exc.smtp_code, exc.smtp_error)
                ),
                hint=_("try again later"),
            ),
            transient=400 <= exc.smtp_code < 500,
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return ConnectProblem(
            UserError(
                _("the mail server {where} answered unexpectedly ({reply_words})").format(
                    where=where, reply_words=reply_words(exc.smtp_code, exc.smtp_error)
                )
            ),
            transient=400 <= exc.smtp_code < 500,
        )
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return ConnectProblem(
        UserError(
            _("could not talk to the mail server {where} ({reason})").format(where=where, reason=reason)
        ),
        transient=True,
    )


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return reply_words(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = str(exc) or getattr(exc, "strerror", None) or type(exc).__name__
    return " ".join(text.split())
