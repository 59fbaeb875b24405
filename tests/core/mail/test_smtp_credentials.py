"""The SMTP password: any letters sign in, and no reply, error, log line or log event repeats it.

Against the real test server (tests/smtp_server.py): STARTTLS, AUTH PLAIN and LOGIN, the
user name and password compared as UTF-8 bytes. The careless server of ``echo_auth``
answers a refused sign-in with the AUTH line it got, the password's base64 and the
password itself, as some providers' servers do.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging

import pytest

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.email.message import build_message
from campaign_app.core.letters.render import render_letter
from campaign_app.core.mail.redact import HIDDEN, scrub
from campaign_app.core.mail.secrets import store_password
from campaign_app.core.mail.smtp import SmtpSession
from campaign_app.core.outreach.log import ContactLog

PASSWORD = "пароль-Zhanara-ß"
USER_UTF8 = "žanara@rights.example"


def forms_of(password: str, username: str) -> list[str]:
    """The password as typed and in the base64 forms AUTH PLAIN and AUTH LOGIN send it in."""
    raw, user = password.encode(), username.encode()
    return [
        password,
        base64.b64encode(raw).decode(),  # AUTH LOGIN
        base64.b64encode(b"\0" + user + b"\0" + raw).decode(),  # AUTH PLAIN, as smtplib sends it
        base64.b64encode(user + b"\0" + user + b"\0" + raw).decode(),  # AUTH PLAIN with an authzid
    ]


def assert_nowhere(texts: list[str], password: str, username: str) -> None:
    everything = "\n".join(texts)
    for form in forms_of(password, username):
        assert form not in everything, (form, everything)


@pytest.fixture
def letter(mini_ws):
    ws = Workspace(mini_ws.root)
    rendered = render_letter(
        ws.template("appeal-en"), ws.directory.get("mep-1"), ws.case, ws.campaign, dt.date(2026, 11, 24)
    )
    return build_message(
        rendered,
        from_address="office@rights.example",
        from_name="Rights Watchers",
        to_address="a@ep.example",
        to_name="A",
        attachments=[],
    )


def session(server, password: str) -> SmtpSession:
    return SmtpSession(
        server.settings(),
        password,
        ssl_context=server.ssl_context_for_client(),
        timeout=10,
        sleep=lambda s: None,
    )


# ---- a password beyond ASCII signs in ---------------------------------------------------


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
@pytest.mark.parametrize("username", ["ascii", USER_UTF8])
def test_a_utf8_password_signs_in_and_the_letter_arrives(smtp_server_factory, letter, mechanism, username):
    server = smtp_server_factory("starttls", auth=[mechanism])
    server.password = PASSWORD
    if username != "ascii":
        server.username = username
    with session(server, PASSWORD) as smtp:
        delivery = smtp.send(letter, "office@rights.example", ["a@ep.example"])
    assert delivery.status == "sent", delivery.detail
    assert [m.rcpt_tos for m in server.messages] == [("a@ep.example",)]


def test_a_utf8_password_is_still_checked(smtp_server):
    smtp_server.password = PASSWORD
    with pytest.raises(UserError, match="refused the user name or password"):
        session(smtp_server, PASSWORD.replace("ß", "ss")).connect()


def _use_server(mini_ws, server) -> None:
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    text += (
        f"smtp:\n  host: {server.host}\n  port: {server.port}\n  security: starttls\n"
        f"  username: {server.username}\n  from: office@rights.example\n  rate_per_minute: 60000\n"
    )
    (mini_ws.root / "campaign.yaml").write_text(text, encoding="utf-8")


def test_send_with_a_utf8_password_from_the_keyring(mini_ws, cli, smtp_server, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_server.ca_file))
    smtp_server.password = PASSWORD
    store_password(smtp_server.username, smtp_server.host, PASSWORD)
    _use_server(mini_ws, smtp_server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert len(smtp_server.messages) == 2
    assert "ordinal not in range" not in result.err


# ---- a server that repeats the credentials -----------------------------------------------


# A wrong password as typed: one in ASCII (which smtplib could always send), one not.
TYPED = ["Wr0ng-hunter2-Zhanara", "Wr0ng-" + PASSWORD]


@pytest.mark.parametrize("typed", TYPED, ids=["ascii", "utf8"])
@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_a_535_that_repeats_the_auth_line_is_shown_without_the_password(
    smtp_server_factory, mechanism, typed, caplog
):
    caplog.set_level(logging.DEBUG)
    server = smtp_server_factory("starttls", auth=[mechanism])
    server.configure(echo_auth=True)
    with pytest.raises(UserError) as caught:
        session(server, typed).connect()
    error = caught.value
    texts = [str(error), error.message, error.hint or "", repr(error)]
    texts += [str(e) for e in (error.__cause__, error.__context__) if e is not None]
    texts += [r.getMessage() for r in caplog.records if r.name.startswith("campaign_app")]
    assert_nowhere(texts, typed, server.username)
    # the server's words are still there, to say what went wrong
    assert "535 5.7.8 Authentication failed" in str(error) and HIDDEN in str(error)
    assert server.username in str(error)


@pytest.mark.parametrize("typed", TYPED, ids=["ascii", "utf8"])
def test_send_shows_the_servers_refusal_without_the_password_anywhere(
    mini_ws, cli, smtp_server, monkeypatch, caplog, typed
):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_server.ca_file))
    smtp_server.configure(echo_auth=True)
    store_password(smtp_server.username, smtp_server.host, typed)
    _use_server(mini_ws, smtp_server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1
    assert "refused the user name or password" in result.err and "535" in result.err
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        details = [f"{e.kind} {e.detail}" for e in log.events()]
    texts = [
        result.out,
        result.err,
        *details,
        *(r.getMessage() for r in caplog.records if r.name.startswith("campaign_app")),
    ]
    assert_nowhere(texts, typed, smtp_server.username)
    assert smtp_server.messages == []


# ---- the scrubbing itself ----------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "535 bad credentials: {password}",
        "535 5.7.8 AUTH PLAIN {plain} rejected",
        "535 5.7.8 AUTH PLAIN {plain_unpadded}",
        "535 LOGIN response {login} rejected",
        "535 your authorization {authz} is not allowed",
        "535 the base64 went {misaligned} somewhere",
        "(535, b'5.7.8 {escaped}')",
    ],
)
def test_scrub_hides_every_form_the_password_travels_in(reply):
    raw, user = PASSWORD.encode(), b"zh@rights.example"
    plain = base64.b64encode(b"\0" + user + b"\0" + raw).decode()
    text = reply.format(
        password=PASSWORD,
        plain=plain,
        plain_unpadded=plain.rstrip("="),
        login=base64.b64encode(raw).decode(),
        authz=base64.b64encode(b"someone-else\0" + user + b"\0" + raw).decode(),
        misaligned=base64.b64encode(b"x" + raw + b"y").decode(),
        escaped=repr(raw)[2:-1],
    )
    out = scrub(text, PASSWORD, user.decode())
    assert HIDDEN in out
    assert_nowhere([out], PASSWORD, user.decode())
    assert PASSWORD.encode() not in out.encode()
    assert out.split()[0] == text.split()[0]  # the reply code is kept


def test_scrub_leaves_a_reply_without_the_password_alone():
    reply = "550 5.1.1 <a@ep.example>: Recipient address rejected: User unknown in virtual mailbox table"
    assert scrub(reply, PASSWORD, "me") == reply
