"""``campaign-app send`` end to end, against a real SMTP server with STARTTLS and AUTH.

What a volunteer checks: every official got the letter, once, with the PDF that is in the
output folder; what failed says why; nothing went out twice, even after a crash.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from smtp_server import parsed, send_command, send_killed_at, use_server

from campaign_app.core.mail.secrets import store_password
from campaign_app.core.outreach.log import ContactLog, contact_id

EMAILS = {
    "mep-1": "michal.simecka@europarl.europa.eu",
    "mep-2": "rasa.jukneviciene@europarl.europa.eu",
}


def events(root: Path, rid: str, template: str = "appeal-en") -> list[str]:
    with ContactLog.open(root / "campaign.db") as log:
        return [e.kind for e in log.events(contact_id(rid, "test-case", template))]


def test_send_delivers_each_letter_with_its_pdf_and_logs_it(mini_ws, cli, server):
    use_server(mini_ws, server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "About to send 2 letter(s) from office@rights.example through 127.0.0.1" in result.out
    assert "2 sent" in result.out
    received = {m.rcpt_tos[0]: parsed(m) for m in server.messages}
    assert set(received) == set(EMAILS.values())
    assert server.connections == 1  # one connection for the whole batch
    msg = received[EMAILS["mep-1"]]
    assert msg["Subject"] == "Stop the extradition of Zhanara Akhmetova"
    assert msg["Reply-To"].addresses[0].addr_spec == "replies@rights.example"
    assert "Rights Watchers" in msg["From"] and "Šimečka" in msg["To"]
    body = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Dear Mr Šimečka," in body
    assert msg.get_body(preferencelist=("html",)) is not None
    (attachment,) = list(msg.iter_attachments())
    pdf = attachment.get_content()
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        contact = log.contact(contact_id("mep-1", "test-case", "appeal-en"))
        sent = log.events(contact.id)[-1]
    # What the official received is byte for byte the file in the output folder, as logged.
    on_disk = (mini_ws.root / contact.letter_path).read_bytes()
    assert pdf == on_disk and hashlib.sha256(pdf).hexdigest() == contact.letter_sha256
    assert sent.kind == "sent" and "250" in sent.detail and msg["Message-ID"] in sent.detail
    assert [k for k in events(mini_ws.root, "mep-1")] == ["drafted", "sending", "sent"]
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        sending = log.events(contact.id)[1]
    assert EMAILS["mep-1"] in sending.detail and contact.letter_sha256 in sending.detail


def test_a_rerun_sends_only_what_is_left(mini_ws, cli, server):
    use_server(mini_ws, server, extra_meps=3)
    first = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes", "--limit", "2")
    assert first.code == 0, first.err
    assert "3 more left for a later run" in first.out
    second = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert second.code == 0, second.err
    assert "2 already sent earlier: skipped." in second.out
    third = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert "Nothing to send now." in third.out and "About to send" not in third.out
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 5 and set(counts.values()) == {1}


def test_a_550_fails_that_letter_with_the_servers_words_and_the_batch_goes_on(mini_ws, cli, server):
    use_server(mini_ws, server)
    server.configure(reject=[EMAILS["mep-1"]])
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1
    assert "failed:" in result.out and "550" in result.out
    assert [m.rcpt_tos[0] for m in server.messages] == [EMAILS["mep-2"]]
    assert events(mini_ws.root, "mep-1")[-1] == "failed"
    assert events(mini_ws.root, "mep-2")[-1] == "sent"
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        detail = log.events(contact_id("mep-1", "test-case", "appeal-en"))[-1].detail
    assert detail.startswith("550")
    # The address is corrected at the server's end: a re-run tries the failed letter again.
    server.configure(reject=[])
    again = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert again.code == 0 and "1 sent" in again.out


def test_a_451_is_retried_and_the_letter_arrives_once(mini_ws, cli, server):
    use_server(mini_ws, server)
    server.configure(tempfail=1)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert sorted(m.rcpt_tos[0] for m in server.messages) == sorted(EMAILS.values())


def test_a_wrong_password_stops_before_anything_is_sent(mini_ws, cli, server):
    use_server(mini_ws, server)
    store_password(server.username, server.host, "not-the-password")
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1
    assert "user name or password" in result.err and "not-the-password" not in result.err + result.out
    assert server.messages == []
    assert events(mini_ws.root, "mep-1") == ["drafted"]


def test_dry_run_writes_eml_files_and_sends_nothing(mini_ws, cli, server):
    use_server(mini_ws, server)
    out = mini_ws.root / "review"
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--dry-run", "--out", out)
    assert result.code == 0, result.err
    emls = sorted((out / "appeal-en").glob("*.eml"))
    assert len(emls) == 2
    msg = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "Stop the extradition of Zhanara Akhmetova"
    assert [a.get_content_type() for a in msg.iter_attachments()] == ["application/pdf"]
    assert server.connections == 0 and server.messages == []
    assert "sent" not in events(mini_ws.root, "mep-1")


def test_without_a_terminal_and_without_yes_nothing_is_sent(mini_ws, cli, server):
    use_server(mini_ws, server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en")
    assert result.code == 1
    assert "add --yes" in result.err
    assert server.messages == []


def test_recipients_without_email_are_listed_for_post_with_the_file(mini_ws, cli, server):
    use_server(mini_ws, server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-uk", "--yes")
    assert result.code == 0, result.err
    assert "no e-mail address: send by post or web form:" in result.out
    line = next(ln for ln in result.out.splitlines() if ln.strip().startswith("ua-president"))
    assert "post" in line and ".pdf]" in line
    assert server.messages == []


def test_no_smtp_section_is_one_clear_error(mini_ws, cli):
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1
    assert "campaign.yaml" in result.err and "smtp" in result.err and "Traceback" not in result.err


def test_killed_mid_batch_then_rerun_every_letter_arrives_exactly_once(mini_ws, server, tmp_path):
    """SIGKILL while the server holds a message: that letter stays uncertain and is not sent
    again; the re-run sends the rest. The server has each letter once."""
    use_server(mini_ws, server, extra_meps=6)
    rerun = send_killed_at(mini_ws.root, server, at=4)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 uncertain from an interrupted run: not sent" in rerun.stdout
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 8 and set(counts.values()) == {1}, counts
    status = subprocess.run(
        [
            sys.executable,
            "-m",
            "campaign_app",
            "log",
            "status",
            "-w",
            str(mini_ws.root),
            "--query",
            "status:uncertain",
        ],
        env=send_command(mini_ws.root, server)[1],
        capture_output=True,
        text=True,
    )
    assert "1 recipient(s)" in status.stdout


def test_on_a_terminal_send_says_what_it_will_do_and_asks(mini_ws, server):
    """Answering no at the prompt sends nothing."""
    import pty

    use_server(mini_ws, server)
    env = {**os.environ, "SSL_CERT_FILE": str(server.ca_file)}
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "campaign_app", "send", "-w", str(mini_ws.root), "--template", "appeal-en"],
        env=env,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        close_fds=True,
    )
    os.close(secondary)
    seen = b""
    while b"[y/N]" not in seen:
        chunk = os.read(primary, 4096)
        assert chunk, seen
        seen += chunk
    os.write(primary, b"n\n")
    assert proc.wait(timeout=60) == 0
    try:
        while chunk := os.read(primary, 4096):
            seen += chunk
    except OSError:  # the terminal closes with the process
        pass
    os.close(primary)
    text = seen.decode()
    assert "About to send 2 letter(s) from office@rights.example through 127.0.0.1" in text
    assert f"as {server.username}" in text
    assert "Nothing was sent." in text
    assert server.messages == []


def test_the_example_campaigns_made_up_sender_never_sends(tmp_path, cli, server):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    text = (ws / "campaign.yaml").read_text(encoding="utf-8")
    text += (
        f"smtp:\n  host: {server.host}\n  port: {server.port}\n  username: {server.username}\n"
        "  from: office@rights.example\n"
    )
    (ws / "campaign.yaml").write_text(text, encoding="utf-8")
    result = cli("send", "-w", ws, "--template", "mep-appeal-en", "--yes")
    assert result.code == 1
    assert "example" in result.err and "nothing was sent" in result.err
    assert "About to send" not in result.out  # refused before it says it is about to
    assert server.connections == 0
    dry = cli("send", "-w", ws, "--template", "mep-appeal-en", "--dry-run", "--limit", "1")
    assert dry.code == 0, dry.err


def test_each_letter_is_rendered_once_and_the_file_written_is_the_file_sent(
    mini_ws, cli, server, monkeypatch
):
    """One rendering per letter: it is the e-mail's text and the PDF written, attached and logged."""
    from campaign_app.core.campaign import letter_files

    renders = Counter()
    real = letter_files.render_letter

    def counting(template, recipient, *args, **kwargs):
        renders[recipient.id] += 1
        return real(template, recipient, *args, **kwargs)

    monkeypatch.setattr(letter_files, "render_letter", counting)
    use_server(mini_ws, server)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err
    assert renders == Counter({"mep-1": 1, "mep-2": 1})
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        for m in server.messages:
            (attachment,) = list(parsed(m).iter_attachments())
            rid = next(r for r, address in EMAILS.items() if address == m.rcpt_tos[0])
            contact = log.contact(contact_id(rid, "test-case", "appeal-en"))
            assert attachment.get_content() == (mini_ws.root / contact.letter_path).read_bytes()


def test_a_connection_dropped_mid_batch_is_opened_again_and_each_letter_goes_once(mini_ws, cli, server):
    """The server closes the connection after the third letter: the fourth opens a new one,
    and every official gets the letter once, each recorded sent."""
    use_server(mini_ws, server, extra_meps=6)
    server.configure(drop_after=3)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "8 sent" in result.out
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 8 and set(counts.values()) == {1}, counts
    assert server.connections == 2
    for rid in ["mep-1", "mep-2"] + [f"mep-x{i}" for i in range(6)]:
        assert events(mini_ws.root, rid) == ["drafted", "sending", "sent"], rid


def test_a_letter_that_cannot_be_made_stops_the_send_before_it_is_claimed(mini_ws, cli, server, ahead):
    """The fourth official's address cannot be sent to (non-Latin letters before the @): the
    three before it go, the send stops saying why (made in a child process, the problem
    comes back whole: what, where, what to do), and that letter is not left claimed (it
    would show as uncertain: perhaps sent) nor any after it sent."""
    use_server(mini_ws, server, extra_meps=1)
    rows = [
        "mep-y1,mep,Mr,Pavel,Bad,m,Member,European Parliament,DE,en,павел@example.org,",
        "mep-y2,mep,Ms,Anna,After,f,Member,European Parliament,DE,en,anna@example.org,",
    ]
    with (mini_ws.root / "recipients" / "people.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1, result.err + result.out
    assert "павел@example.org" in result.err and "non-Latin letters before the @" in result.err
    assert [m.rcpt_tos[0] for m in server.messages] == [
        "michal.simecka@europarl.europa.eu",
        "rasa.jukneviciene@europarl.europa.eu",
        "m0@example.org",
    ]
    assert "sending" not in events(mini_ws.root, "mep-y1")
    assert "sending" not in events(mini_ws.root, "mep-y2")
