"""A letter claimed on another computer is being sent there: not "uncertain", never resent
while that claim is recent. Found with two volunteers on one team log: the second one's
--resend-uncertain sent a letter the first one's send was still delivering."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import time_machine
from log_helpers import letter
from smtp_server import use_server

from campaign_app.core.common import processes
from campaign_app.core.outreach.log import ContactLog, contact_id

SIMECKA = "michal.simecka@europarl.europa.eu"


def claim_elsewhere(root, monkeypatch) -> None:
    """Ben's send on his laptop has claimed the letter to Šimečka and not yet answered."""
    with monkeypatch.context() as m:
        m.setattr(processes, "this_process", lambda: "laptop-ben 4242")
        with ContactLog.open(root / "campaign.db") as log:
            claim = log.claim(
                letter("mep-1", "Michal Šimečka", "mep", "appeal-en", channel="email"),
                "ben",
                f"to {SIMECKA}",
                channel="email",
                letter_path="out/x.pdf",
                letter_sha256="b" * 64,
            )
    assert claim.granted


def ben_ahead_on(root, monkeypatch, ids: set[str]) -> list[str]:
    """Ben's send claims each letter to ``ids`` just before this send asks for it (while
    this one's envelope may be out); returns the recipients of this send's claims, in order."""
    real = ContactLog.claim
    order: list[str] = []

    def raced(self, letter_, *args, **kwargs):
        order.append(letter_.recipient_id)
        if letter_.recipient_id in ids:
            with monkeypatch.context() as m:
                m.setattr(processes, "this_process", lambda: "laptop-ben 4242")
                with ContactLog.open(root / "campaign.db") as other:
                    assert real(other, letter_, "ben", "to them", **kwargs).granted
        return real(self, letter_, *args, **kwargs)

    monkeypatch.setattr(ContactLog, "claim", raced)
    return order


def test_a_letter_another_computer_is_sending_is_left_to_it(mini_ws, cli, server, monkeypatch):
    use_server(mini_ws, server)
    claim_elsewhere(mini_ws.root, monkeypatch)

    for extra in ((), ("--resend-uncertain",)):
        result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes", *extra)
        assert result.code == 0, result.err
        assert "uncertain from an interrupted run" not in result.out
        assert "1 being sent right now from another window or computer: left to that send." in result.out
        line = next(ln for ln in result.out.splitlines() if ln.strip().startswith("mep-1:"))
        assert "being sent right now by ben on another computer (laptop-ben 4242" in line, result.out
    assert Counter(m.rcpt_tos[0] for m in server.messages) == Counter(
        {"rasa.jukneviciene@europarl.europa.eu": 1}
    )

    marked = cli("log", "mark", "mep-1", "--status", "sent", "--channel", "email", "-w", mini_ws.root)
    assert marked.code == 1 and "is being sent right now (laptop-ben 4242)" in marked.err


def test_once_the_claim_is_old_the_letter_is_uncertain_and_resent_only_when_asked(
    mini_ws, cli, server, monkeypatch
):
    use_server(mini_ws, server)
    claim_elsewhere(mini_ws.root, monkeypatch)
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=11), tick=True):
        plain = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
        assert "1 uncertain from an interrupted run: not sent" in plain.out, plain.out
        assert [m.rcpt_tos[0] for m in server.messages] == ["rasa.jukneviciene@europarl.europa.eu"]
        resent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes", "--resend-uncertain")
        assert resent.code == 0, resent.err
    assert Counter(m.rcpt_tos[0] for m in server.messages)[SIMECKA] == 1
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert log.history(contact_id("mep-1", "test-case", "appeal-en")).status == "sent"


def test_a_letter_the_server_took_but_the_log_could_not_record_is_uncertain_not_unsent(
    mini_ws, cli, server, monkeypatch
):
    """The team's database went down between the server's 250 and the record of it: the
    summary said 'not sent' of a letter the official had received."""
    from campaign_app.core.common.errors import UserError

    use_server(mini_ws, server)
    real = ContactLog.add_event

    def add_event(self, cid, kind, *args, **kwargs):
        if kind == "sent":
            raise UserError("the team's contact log cannot be reached (connection refused)")
        return real(self, cid, kind, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(ContactLog, "add_event", add_event)
        result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")

    assert result.code == 1
    assert len(server.messages) == 1, "the send stops: nothing more can be promised"
    first = server.messages[0].rcpt_tos[0]
    section = result.out.split("uncertain: it may have arrived", 1)[1]
    entry = next(ln for ln in section.splitlines() if first in ln)
    assert "the mail server accepted it (250" in entry and "the contact log could not record that" in entry
    assert "log mark" in entry
    not_sent = result.out.split("not sent:\n", 1)[1] if "not sent:\n" in result.out else ""
    assert first not in not_sent
    assert "Done in" in result.out and "1 uncertain" in result.out
    assert "error: the team's contact log cannot be reached" in result.err


def test_the_summary_says_how_this_command_sends_a_letter_it_left_alone(mini_ws, cli, server):
    """The core's outcome says what happened; the command line adds its option (the window
    says its box: tests/gui/outreach/test_send_dialog.py)."""
    from log_helpers import history

    use_server(mini_ws, server)
    history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 2), ("sending", 1))  # sender vanished
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err
    assert "uncertain from an earlier run: not sent again (use --resend-uncertain):\n  mep-1:" in result.out


def test_a_letter_claimed_elsewhere_while_its_envelope_is_out_is_withheld(mini_ws, cli, server, monkeypatch):
    """Ben's send claims the letter to Rasa Juknevičienė just as this send asks the server to
    take it: this claim is refused, the server is told to forget the envelope (RSET), and
    the letters after it go on over the same connection."""
    use_server(mini_ws, server, extra_meps=2)
    ben_ahead_on(mini_ws.root, monkeypatch, {"mep-2"})
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    line = next(ln for ln in result.out.splitlines() if ln.strip().startswith("mep-2:"))
    assert "being sent right now by ben on another computer (laptop-ben 4242" in line, result.out
    received = [m.rcpt_tos[0] for m in server.messages]
    assert "rasa.jukneviciene@europarl.europa.eu" not in received
    assert sorted(received) == sorted([SIMECKA, "m0@example.org", "m1@example.org"])
    assert server.connections == 1
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        history = log.history(contact_id("mep-2", "test-case", "appeal-en"))
    assert history.claim is not None and history.claim.by == "ben" and not history.went_out


def test_while_another_member_sends_the_same_letters_each_is_claimed_before_its_envelope(
    mini_ws, cli, server, monkeypatch
):
    """Ben's send is ahead of this one on two letters in a row: the first refusal costs the
    server an envelope (reset), the second is claimed, and refused, before any is sent."""
    from campaign_app.core.mail.smtp import SmtpSession

    use_server(mini_ws, server, extra_meps=2)
    order = ben_ahead_on(mini_ws.root, monkeypatch, {"mep-2", "mep-x0"})
    real_rset = SmtpSession._rset
    resets: list[str] = []

    def rset(self):
        resets.append(order[-1])
        return real_rset(self)

    monkeypatch.setattr(SmtpSession, "_rset", rset)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")

    assert result.code == 0, result.err + result.out
    assert order.index("mep-x0") == order.index("mep-2") + 1  # (the two in a row)
    assert resets == ["mep-2"]  # the second refusal reached no server
    received = sorted(m.rcpt_tos[0] for m in server.messages)
    assert received == sorted([SIMECKA, "m1@example.org"])
    assert "being sent right now by ben" in result.out
