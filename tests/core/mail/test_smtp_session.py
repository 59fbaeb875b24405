"""Sending over a real SMTP server: encrypted, signed in, every letter once, the server's words kept.

The server is aiosmtpd on 127.0.0.1 with STARTTLS and a certificate from a CA made for
this run (tests/smtp_server.py). Waits (rate limit, backoff) go through an injected
``sleep`` so no test waits for real.
"""

from __future__ import annotations

import datetime as dt
import email
import socket
import ssl
import threading
from email import policy

import pytest

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.email.message import Attachment, build_message, message_bytes
from campaign_app.core.letters.render import render_letter
from campaign_app.core.mail.smtp import SendCancelled, SmtpSession, Withheld

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 200 + b"\n.\n..\n%%EOF\n"  # dots at line starts, too


@pytest.fixture
def letter(mini_ws):
    ws = Workspace(mini_ws.root)
    return render_letter(
        ws.template("appeal-en"), ws.directory.get("mep-1"), ws.case, ws.campaign, dt.date(2026, 11, 24)
    )


def send_one(smtp: SmtpSession, letter, to: str):
    return smtp.send(make(letter, to), "office@rights.example", [to])


def make(letter, to: str, name: str = "Michal Šimečka"):
    return build_message(
        letter,
        from_address="office@rights.example",
        from_name="Rights Watchers",
        to_address=to,
        to_name=name,
        attachments=[Attachment(f"Appeal — {name}.pdf", PDF, "application/pdf")],
    )


class Waits:
    """A fake clock and sleep: sleeping moves the clock, nothing waits for real."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def session(server, password=None, *, waits: Waits | None = None, **kwargs) -> SmtpSession:
    waits = waits or Waits()
    kwargs.setdefault("settings", server.settings())
    kwargs.setdefault("ssl_context", server.ssl_context_for_client())
    kwargs.setdefault("backoff", lambda n: 2.0 ** (n - 1))
    kwargs.setdefault("sleep", waits.sleep)
    kwargs.setdefault("clock", waits.clock)
    return SmtpSession(password=server.password if password is None else password, timeout=10, **kwargs)


def test_a_batch_arrives_byte_for_byte_on_one_connection(smtp_server, letter) -> None:
    recipients = ["michal@ep.example", "rasa@ep.example", "ivan@gov.example", "anna@un.example"]
    messages = [make(letter, to) for to in recipients]
    with session(smtp_server) as smtp:
        deliveries = [
            smtp.send(m, "office@rights.example", [to]) for m, to in zip(messages, recipients, strict=True)
        ]
    assert [d.status for d in deliveries] == ["sent"] * 4
    assert all(d.detail.startswith("250 2.0.0 Ok: queued as") and d.attempts == 1 for d in deliveries)
    assert smtp.sent_count == 4
    assert smtp.connections == 1 and smtp_server.connections == 1
    got = smtp_server.messages
    assert [m.rcpt_tos for m in got] == [(to,) for to in recipients]
    assert {m.mail_from for m in got} == {"office@rights.example"}
    for sent, received in zip(messages, got, strict=True):
        assert received.data == message_bytes(sent)
        parsed = email.message_from_bytes(received.data, policy=policy.default)
        (pdf,) = parsed.iter_attachments()
        assert pdf.get_content() == PDF
        assert pdf.get_filename() == "Appeal — Michal Šimečka.pdf"


def test_implicit_tls_server(smtp_server_factory, letter) -> None:
    server = smtp_server_factory("ssl")
    with session(server) as smtp:
        assert send_one(smtp, letter, "a@ep.example").status == "sent"
    assert len(server.messages) == 1


def test_wrong_password_is_a_clear_error_without_the_password(smtp_server) -> None:
    wrong = "Wrong-" + smtp_server.password
    with pytest.raises(UserError) as caught:
        session(smtp_server, wrong).connect()
    text = str(caught.value)
    assert "user name or password" in text
    assert smtp_server.username in text and "535" in text
    assert "Settings" in caught.value.hint
    assert wrong not in text and smtp_server.password not in text
    assert smtp_server.messages == []


def test_connection_dropped_between_messages_every_letter_once(smtp_server, letter) -> None:
    smtp_server.configure(drop_after=2)
    recipients = [f"member{i}@ep.example" for i in range(5)]
    messages = [make(letter, to) for to in recipients]
    with session(smtp_server) as smtp:
        deliveries = [
            smtp.send(m, "office@rights.example", [to]) for m, to in zip(messages, recipients, strict=True)
        ]
    assert [d.status for d in deliveries] == ["sent"] * 5
    assert [d.attempts for d in deliveries] == [1, 1, 2, 1, 1]
    got = smtp_server.messages
    assert [m.rcpt_tos[0] for m in got] == recipients
    assert [m.data for m in got] == [message_bytes(m) for m in messages]
    assert smtp.connections == 2 and smtp_server.connections == 2


@pytest.mark.parametrize("phase", ["mail", "rcpt", "data"])
def test_temporary_refusal_is_retried_after_a_pause(smtp_server, letter, phase) -> None:
    smtp_server.configure(tempfail=1, tempfail_at=phase)
    waits = Waits()
    with session(smtp_server, waits=waits) as smtp:
        delivery = smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        assert smtp.connections == 1
    assert delivery.status == "sent" and delivery.attempts == 2
    assert waits.sleeps == [1.0]
    assert len(smtp_server.messages) == 1


def test_service_closing_421_reconnects_and_sends(smtp_server, letter) -> None:
    smtp_server.configure(tempfail=1, tempfail_at="mail", tempfail_reply="421 4.7.0 Too busy, closing")
    with session(smtp_server) as smtp:
        delivery = smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        assert smtp.connections == 2
    assert (delivery.status, delivery.attempts) == ("sent", 2)
    assert len(smtp_server.messages) == 1


def test_gives_up_after_max_attempts_with_the_servers_words(smtp_server, letter) -> None:
    smtp_server.configure(tempfail=10)
    waits = Waits()
    with session(smtp_server, waits=waits, max_attempts=3) as smtp:
        delivery = smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        smtp_server.configure(tempfail=0)
        after = smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])
    assert delivery.status == "failed" and delivery.attempts == 3
    assert delivery.detail == "gave up after 3 attempts: 451 4.7.1 Greylisted, please try again later"
    assert waits.sleeps[:2] == [1.0, 2.0]
    assert after.status == "sent"
    assert [m.rcpt_tos for m in smtp_server.messages] == [("b@ep.example",)]


def test_a_server_that_is_down_stops_the_send_after_two_letters_not_three_hundred(
    smtp_server, letter
) -> None:
    """A server answering 421 to everything: each letter waited out its five tries (about a
    quarter of a minute), for every letter of the batch. The second letter in a row that
    fails at the server stops the send with one message; the first is recorded failed."""
    from campaign_app.core.common.errors import UserError

    smtp_server.configure(tempfail=1000, tempfail_at="mail", tempfail_reply="421 4.3.2 Service shutting down")
    waits = Waits()
    with session(smtp_server, waits=waits, max_attempts=3) as smtp:
        first = smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        with pytest.raises(UserError) as stopped:
            smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])
    assert first.status == "failed" and first.detail.startswith("gave up after 3 attempts: 421 4.3.2")
    assert str(stopped.value.message) == (
        f"the mail server {smtp_server.settings().host} failed 2 letters in a row, each after 3 tries "
        "(421 4.3.2 Service shutting down): sending stopped"
    )
    assert "send again later" in str(stopped.value.hint)
    assert [w for w in waits.sleeps if w >= 0.5] == [1.0, 2.0, 1.0, 2.0] and smtp_server.messages == []


def test_letters_refused_for_themselves_in_a_row_do_not_stop_the_send(smtp_server, letter) -> None:
    """Greylisting (451 at RCPT) is about one address: two such letters in a row are two
    failed letters, and the third goes."""
    smtp_server.configure(tempfail=6)
    with session(smtp_server, max_attempts=3) as smtp:
        deliveries = [
            smtp.send(make(letter, to), "office@rights.example", [to])
            for to in ("a@ep.example", "b@ep.example", "c@ep.example")
        ]
    assert [d.status for d in deliveries] == ["failed", "failed", "sent"]


def test_permanent_refusal_fails_that_letter_and_the_batch_goes_on(smtp_server, letter) -> None:
    smtp_server.configure(reject=["gone@ep.example"])
    recipients = ["a@ep.example", "gone@ep.example", "c@ep.example"]
    waits = Waits()
    with session(smtp_server, waits=waits) as smtp:
        deliveries = [smtp.send(make(letter, to), "office@rights.example", [to]) for to in recipients]
    assert [d.status for d in deliveries] == ["sent", "failed", "sent"]
    assert deliveries[1].detail == (
        "550 5.1.1 <gone@ep.example>: Recipient address rejected: User unknown in virtual mailbox table"
    )
    assert deliveries[1].attempts == 1
    assert sum(waits.sleeps) < 0.01  # no backoff for a permanent refusal (only the rate's spacing)
    assert [m.rcpt_tos for m in smtp_server.messages] == [("a@ep.example",), ("c@ep.example",)]
    assert smtp_server.connections == 1


def test_one_refused_recipient_fails_the_whole_letter(smtp_server, letter) -> None:
    smtp_server.configure(reject=["gone@ep.example"])
    with session(smtp_server) as smtp:
        delivery = smtp.send(
            make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example", "gone@ep.example"]
        )
    assert delivery.status == "failed" and "550" in delivery.detail
    assert smtp_server.messages == []


def test_untrusted_certificate_is_refused_before_anything_is_sent(smtp_server, monkeypatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    smtp = SmtpSession(smtp_server.settings(), smtp_server.password, timeout=10)  # the system's CAs only
    with pytest.raises(UserError) as caught:
        smtp.connect()
    assert "the certificate of 127.0.0.1 could not be verified" in str(caught.value)
    assert "skip" not in str(caught.value).lower()
    assert smtp_server.auth_commands == 0


def test_certificate_for_another_host_name_is_refused(smtp_server) -> None:
    context = smtp_server.ssl_context_for_client()
    # The certificate names 127.0.0.1 only; "localhost" reaches the same server under another name.
    smtp = session(smtp_server, settings=smtp_server.settings(host="localhost"), ssl_context=context)
    with pytest.raises(UserError, match="certificate of localhost could not be verified"):
        smtp.connect()


def test_trusts_the_ca_named_by_ssl_cert_file(smtp_server, letter, monkeypatch) -> None:
    # What a subprocess (campaign-app send) relies on: the default context honours SSL_CERT_FILE.
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_server.ca_file))
    with SmtpSession(smtp_server.settings(), smtp_server.password, timeout=10) as smtp:
        assert send_one(smtp, letter, "a@ep.example").status == "sent"


def test_server_without_starttls_gets_no_password_and_no_letter(smtp_server_factory) -> None:
    server = smtp_server_factory("none")
    with pytest.raises(UserError) as caught:
        session(server).connect()
    assert "offers no encryption" in caught.value.message and "nothing was sent" in caught.value.message
    assert "ssl" in caught.value.hint and "465" in caught.value.hint
    assert server.auth_commands == 0
    assert server.messages == []


def test_drop_after_the_data_is_uncertain_and_not_sent_again(smtp_server, letter) -> None:
    smtp_server.configure(drop_before_reply=1)
    waits = Waits()
    with session(smtp_server, waits=waits) as smtp:
        first = smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        second = smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])
    assert first.status == "uncertain" and first.attempts == 1
    assert first.detail == "connection lost after the message was sent, before the server confirmed it"
    assert second.status == "sent"
    assert [m.rcpt_tos for m in smtp_server.messages] == [("a@ep.example",), ("b@ep.example",)]
    assert smtp_server.connections == 2
    assert smtp.sent_count == 1


def test_rate_limit_spaces_messages_without_real_waiting(smtp_server, letter) -> None:
    waits = Waits()
    settings = smtp_server.settings(rate_per_minute=60)
    with session(smtp_server, waits=waits, settings=settings) as smtp:
        for to in ["a@ep.example", "b@ep.example", "c@ep.example"]:
            assert smtp.send(make(letter, to), "office@rights.example", [to]).status == "sent"
    assert waits.sleeps == pytest.approx([1.0, 1.0])
    assert len(smtp_server.messages) == 3


def test_cancel_during_backoff_sends_nothing(smtp_server, letter) -> None:
    smtp_server.configure(tempfail=5)
    cancel = threading.Event()
    waits = Waits()

    def sleep(seconds: float) -> None:
        waits.sleep(seconds)
        cancel.set()  # the user presses Cancel while we wait

    with session(smtp_server, waits=waits, cancel=cancel, sleep=sleep) as smtp, pytest.raises(SendCancelled):
        smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
    assert smtp_server.messages == []


def test_cancel_during_the_rate_wait(smtp_server, letter) -> None:
    cancel = threading.Event()
    settings = smtp_server.settings(rate_per_minute=1)
    with session(smtp_server, cancel=cancel, settings=settings) as smtp:
        smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        cancel.set()
        with pytest.raises(SendCancelled):
            smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])
    assert [m.rcpt_tos for m in smtp_server.messages] == [("a@ep.example",)]


def test_real_wait_ends_as_soon_as_cancel_is_set(smtp_server, letter) -> None:
    # No injected sleep: the session waits on the cancel event itself (rate 1/min = 60 s).
    cancel = threading.Event()
    smtp = SmtpSession(
        smtp_server.settings(rate_per_minute=1),
        smtp_server.password,
        ssl_context=smtp_server.ssl_context_for_client(),
        cancel=cancel,
        timeout=10,
    )
    with smtp:
        smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
        threading.Timer(0.05, cancel.set).start()
        with pytest.raises(SendCancelled):
            smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])


def test_password_refused_on_reconnect_stops_the_batch(smtp_server, letter) -> None:
    smtp_server.configure(drop_after=1)
    with session(smtp_server) as smtp:
        assert send_one(smtp, letter, "a@ep.example").status == "sent"
        smtp_server.password = "changed-on-the-server"
        with pytest.raises(UserError, match="user name or password"):
            smtp.send(make(letter, "b@ep.example"), "office@rights.example", ["b@ep.example"])
    assert len(smtp_server.messages) == 1


def test_server_that_requires_sign_in_when_no_user_name_is_set(smtp_server, letter) -> None:
    smtp = session(smtp_server, settings=smtp_server.settings(username=""))
    with smtp, pytest.raises(UserError) as caught:
        smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
    assert "requires signing in" in caught.value.message and "530" in caught.value.message
    assert "user name" in caught.value.hint
    assert smtp_server.auth_commands == 0


def test_missing_password_is_asked_for(smtp_server) -> None:
    smtp = SmtpSession(smtp_server.settings(), None, ssl_context=smtp_server.ssl_context_for_client())
    with pytest.raises(UserError, match="no password"):
        smtp.connect()


def test_connection_refused(smtp_server) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    smtp = session(smtp_server, settings=smtp_server.settings(port=free_port))
    with pytest.raises(UserError, match=f"refused the connection on port {free_port}"):
        smtp.connect()


def test_unknown_host(smtp_server, monkeypatch) -> None:
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    smtp = session(smtp_server, settings=smtp_server.settings(host="smtp.no-such-provider.example"))
    with pytest.raises(UserError) as caught:
        smtp.connect()
    assert caught.value.message == "the mail server smtp.no-such-provider.example could not be found"
    assert "host name" in caught.value.hint


def test_ssl_setting_against_a_starttls_port(smtp_server) -> None:
    smtp = session(smtp_server, settings=smtp_server.settings(security="ssl"))
    with pytest.raises(UserError) as caught:
        smtp.connect()
    assert "no encrypted connection could be made" in caught.value.message
    assert "587" in caught.value.hint and "465" in caught.value.hint


def test_the_session_never_shows_the_password(smtp_server) -> None:
    smtp = session(smtp_server)
    assert smtp_server.password not in repr(smtp)
    assert smtp_server.password not in str(vars(smtp).get("settings"))


def test_default_context_verifies(smtp_server) -> None:
    smtp = SmtpSession(smtp_server.settings(), "x")
    context = smtp._context
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_debug_log_has_the_servers_words_but_no_password_or_letter(smtp_server, letter, caplog) -> None:
    caplog.set_level("DEBUG", logger="campaign_app")
    with session(smtp_server) as smtp:
        smtp.send(make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"])
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("campaign_app"))
    assert "250 2.0.0 Ok: queued as" in ours
    assert smtp_server.password not in ours
    assert "extradition" not in ours


def test_lines_starting_with_a_dot_arrive_unchanged(smtp_server) -> None:
    from email.message import EmailMessage

    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = "dots"
    msg.set_content(".hidden line\n..two dots\n.\nend\n")
    with session(smtp_server) as smtp:
        assert smtp.send(msg, "office@rights.example", ["a@ep.example"]).status == "sent"
    (got,) = smtp_server.messages
    assert got.data == message_bytes(msg)
    assert b"\r\n.hidden line\r\n..two dots\r\n.\r\nend\r\n" in got.data


def test_a_gate_asked_after_the_recipients_holds_the_message_back_and_keeps_the_connection(
    smtp_server, letter
) -> None:
    """The caller's last word (its claim) comes once the server has the envelope: "no" resets
    the transaction, nothing arrives, and the next letter goes over the same connection."""
    asked: list[int] = []

    def refuse() -> bool:
        asked.append(len(smtp_server.messages))
        return False

    with session(smtp_server) as smtp:
        with pytest.raises(Withheld):
            smtp.send(
                make(letter, "michal@ep.example"), "office@rights.example", ["michal@ep.example"], gate=refuse
            )
        delivery = smtp.send(
            make(letter, "rasa@ep.example"), "office@rights.example", ["rasa@ep.example"], gate=lambda: True
        )
    assert asked == [0]
    assert delivery.status == "sent"
    assert [m.rcpt_tos for m in smtp_server.messages] == [("rasa@ep.example",)]
    assert smtp.connections == 1 and smtp_server.connections == 1


def test_a_gate_is_not_asked_for_a_letter_the_server_refuses_at_its_envelope(smtp_server, letter) -> None:
    """A recipient refused (550) or greylisted (451, retried) is settled before the gate:
    it is asked once, on the attempt whose envelope the server took."""
    smtp_server.behaviour.reject = {"nobody@ep.example"}
    smtp_server.behaviour.tempfail = 1
    asked: list[str] = []

    def gate(to: str):
        return lambda: asked.append(to) or True

    with session(smtp_server) as smtp:
        refused = smtp.send(
            make(letter, "nobody@ep.example"),
            "office@rights.example",
            ["nobody@ep.example"],
            gate=gate("nobody"),
        )
        retried = smtp.send(
            make(letter, "a@ep.example"), "office@rights.example", ["a@ep.example"], gate=gate("a")
        )
    assert refused.status == "failed" and refused.detail.startswith("550")
    assert retried.status == "sent" and retried.attempts == 2
    assert asked == ["a"]
    assert [m.rcpt_tos for m in smtp_server.messages] == [("a@ep.example",)]
