"""``campaign-app inbox sync`` end to end: letters sent through the test SMTP server, real-shaped
answers put into a real Dovecot, the sync run twice, the log and the mailbox checked."""

from __future__ import annotations

import subprocess

import inbox_messages as shapes
import pytest
from smtp_server import parsed, send_command, use_server

from campaign_app.core.outreach.log import ContactLog

MEP1, MEP2 = "michal.simecka@europarl.europa.eu", "rasa.jukneviciene@europarl.europa.eu"


@pytest.fixture
def sent(mini_ws, server, imap, monkeypatch):
    """appeal-en sent to 5 MEPs by a real ``send``; the workspace reads the test Dovecot."""
    use_server(mini_ws, server, extra_meps=3)
    command, env = send_command(mini_ws.root, server)
    done = subprocess.run(command, env=env, input=server.password + "\n", capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    monkeypatch.setenv("SSL_CERT_FILE", str(imap.ca_file))  # sent: from now on the IMAP server's CA
    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(imap.settings_yaml())
    return {parsed(m).get("To").addresses[0].addr_spec: parsed(m) for m in server.messages}


def answers(imap, letters) -> None:
    imap.deliver(shapes.reply(letters[MEP1]))
    imap.deliver(shapes.reply_by_address(letters[MEP2], "Відп:"), flags="S")
    imap.deliver(shapes.out_of_office(letters["m0@example.org"]))
    imap.deliver(shapes.bounce(letters["m1@example.org"]), flags="F")
    imap.deliver(shapes.unrelated())
    imap.deliver(shapes.unrelated(sender="m2@example.org"))  # from a recipient, about something else


def test_a_sync_records_reply_auto_reply_and_bounce_once_and_changes_no_message(cli, mini_ws, imap, sent):
    answers(imap, sent)
    flags = imap.flags()
    first = cli("inbox", "sync", "-w", mini_ws.root)
    assert first.code == 0, first.err
    out = first.out
    assert "6 new messages in INBOX" in out
    assert "Recorded 2 replies, 1 automatic reply, 1 bounce." in out
    assert (
        "replied     mep-1  Michal Šimečka:" in out and "Thank you, I will raise it with the minister." in out
    )
    assert "replied     mep-2" in out and "Дякую, лист отримано." in out
    assert "auto-reply  mep-x0" in out and "I am out of the office until 17 June" in out
    assert "bounced     mep-x1" in out and "m1@example.org 5.1.1 smtp; 550 5.1.1" in out
    assert "newsletter" not in out and "mep-x2" not in out
    assert imap.flags() == flags  # nothing marked read, flagged or unflagged

    second = cli("inbox", "sync", "-w", mini_ws.root)
    assert second.code == 0, second.err
    assert "0 new messages in INBOX" in second.out and "Nothing new to record." in second.out

    with ContactLog.open_readonly(mini_ws.root / "campaign.db") as log:
        kinds = sorted(e.kind for e in log.events() if e.kind in ("replied", "auto-reply", "bounced"))
        text = " ".join(e.detail for e in log.events())
        kept_ids = {e.message_id for e in log.events() if e.kind == "sent"}
    assert kept_ids == {str(m["Message-ID"]) for m in sent.values()}  # send keeps each letter's Message-ID
    assert kinds == ["auto-reply", "bounced", "replied", "replied"]
    assert "Our June newsletter" not in text and "Dear Mr" not in text  # only matched, only first lines

    bounced = cli("log", "status", "-w", mini_ws.root, "--query", "status:bounced").out
    assert "mep-x1" in bounced and "1 recipient(s)" in bounced
    auto = cli("log", "status", "-w", mini_ws.root, "--query", "status:auto-reply").out
    assert "mep-x0" in auto and "1 recipient(s)" in auto
    replied = cli("log", "status", "-w", mini_ws.root, "--query", "status:replied").out
    assert "mep-1" in replied and "mep-2" in replied and "2 recipient(s)" in replied


@pytest.mark.parametrize("shape", [shapes.exim_bounce, shapes.qmail_bounce], ids=["exim", "qmail"])
def test_a_bounce_in_plain_text_marks_the_letter_bounced(cli, mini_ws, imap, sent, shape):
    """A hosting provider's Exim (or qmail) returns the letter in plain text, without a
    delivery report: the letter is bounced and the address doubtful, not an automatic reply
    that keeps the follow-up due to an address that does not exist."""
    imap.deliver(shape(sent["m1@example.org"]))
    result = cli("inbox", "sync", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "Recorded 1 bounce." in result.out
    assert "bounced     mep-x1" in result.out and "m1@example.org 5.1.1" in result.out
    bounced = cli("log", "status", "-w", mini_ws.root, "--query", "status:bounced").out
    assert "mep-x1" in bounced and "1 recipient(s)" in bounced


def test_a_sync_read_again_from_the_start_records_nothing_twice(cli, mini_ws, imap, sent):
    answers(imap, sent)
    assert cli("inbox", "sync", "-w", mini_ws.root).code == 0
    with ContactLog.open(mini_ws.root / "campaign.db") as log:  # as if interrupted before saving where it was
        log.set_inbox_position(f"{imap.username}@{imap.host}", "INBOX", 1, 0)
    again = cli("inbox", "sync", "-w", mini_ws.root)
    assert again.code == 0, again.err
    assert "renumbered INBOX" in again.out
    assert "Nothing new to record." in again.out and "4 already recorded by an earlier sync." in again.out


def test_later_messages_only_are_read_by_the_next_sync(cli, mini_ws, imap, sent):
    imap.deliver(shapes.unrelated())
    assert "1 new message in INBOX" in cli("inbox", "sync", "-w", mini_ws.root).out
    imap.deliver(shapes.reply(sent[MEP1]))
    out = cli("inbox", "sync", "-w", mini_ws.root).out
    assert "1 new message in INBOX" in out and "Recorded 1 reply." in out


def test_starttls_port_works_too(cli, mini_ws, imap, sent):
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    (mini_ws.root / "campaign.yaml").write_text(
        text.replace(imap.settings_yaml(), imap.settings_yaml(security="starttls")), encoding="utf-8"
    )
    imap.deliver(shapes.reply(sent[MEP1]))
    result = cli("inbox", "sync", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "Recorded 1 reply." in result.out


def test_a_wrong_password_is_one_clear_line(cli, mini_ws, imap, sent):
    from campaign_app.core.mail.secrets import store_password

    store_password(imap.username, imap.host, "not-the-Password-42")
    result = cli("inbox", "sync", "-w", mini_ws.root)
    assert result.code == 1
    assert f"error: the server refused the user name or password for {imap.username}" in result.err
    assert "not-the-Password-42" not in result.err + result.out and "Traceback" not in result.err


def test_an_untrusted_certificate_is_refused(cli, mini_ws, imap, sent, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE")
    result = cli("inbox", "sync", "-w", mini_ws.root)
    assert result.code == 1
    assert f"error: the certificate of {imap.host} could not be verified" in result.err


def test_no_inbox_section_says_what_to_add(cli, mini_ws):
    result = cli("inbox", "sync", "-w", mini_ws.root)
    assert result.code == 1
    assert "campaign.yaml has no 'inbox:' section" in result.err and "add inbox:" in result.err


def test_inbox_password_stores_it_in_the_keyring_without_showing_it(cli, mini_ws, monkeypatch):
    import io

    from campaign_app.core.mail.secrets import get_password

    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write("inbox:\n  host: imap.example.org\n  username: anna@example.org\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("Sekret-Imap-1\n"))
    result = cli("inbox", "password", "-w", mini_ws.root, "--password-stdin")
    assert result.code == 0, result.err
    assert "The password for anna@example.org@imap.example.org is in the system keyring." in result.out
    assert "Sekret-Imap-1" not in result.out + result.err
    assert get_password("anna@example.org", "imap.example.org") == "Sekret-Imap-1"


def test_a_since_that_is_not_a_date_is_refused(cli, mini_ws):
    result = cli("inbox", "sync", "-w", mini_ws.root, "--since", "last week")
    assert result.code == 2
    assert "'last week' is not a date like 2024-06-01" in result.err


def test_with_no_keyring_inbox_password_says_the_inbox_will_ask(cli, mini_ws, monkeypatch):
    import io

    import keyring
    import keyring.backends.null

    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write("inbox:\n  host: imap.example.org\n  username: anna@example.org\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("Sekret-Imap-1\n"))
    keyring.set_keyring(keyring.backends.null.Keyring())  # the in-memory one comes back after the test
    result = cli("inbox", "password", "-w", mini_ws.root, "--password-stdin")
    assert result.code == 1
    assert "no system keyring is available on this computer" in result.err
    assert "asked for each time you read the inbox" in result.err and "plain file" not in result.err


def stranger(subject: str, sender: str, auto: bool = False) -> bytes:
    """A message about the campaign from an address no letter went to, without the headers
    that would name a letter (another account, an assistant, an office answering by post)."""
    import email.policy
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "office@rights.example", subject
    msg["Date"] = format_datetime(shapes.WHEN)
    msg["Message-ID"] = make_msgid(domain="elsewhere.example")
    if auto:
        msg["Auto-Submitted"] = "auto-replied"
    msg.set_content("Thank you for your letter. We will look into it.\n")
    return msg.as_bytes(policy=email.policy.SMTPUTF8)


def test_an_answer_from_an_address_no_letter_went_to_is_shown_not_recorded(cli, mini_ws, imap, sent):
    """A reply from an MEP's private account and an office answering a letter sent by post
    name no letter the log can tell; they were left without a word, among '4 new messages'."""
    printed = cli("print", "-w", mini_ws.root, "-t", "appeal-uk", "--out", mini_ws.root / "pack.pdf")
    assert printed.code == 0, printed.err
    imap.deliver(stranger("Re: Stop the extradition of Zhanara Akhmetova", "Michal <michal@private.example>"))
    imap.deliver(
        stranger("Відповідь на звернення щодо екстрадиції Жанари Ахметової", "info@president.gov.ua")
    )
    imap.deliver(stranger("Automatic reply: Stop the extradition of Zhanara", "x@away.example", auto=True))
    imap.deliver(shapes.unrelated(sender="m2@example.org"))  # a recipient, about something else
    first = cli("inbox", "sync", "-w", mini_ws.root)
    assert first.code == 0, first.err
    out = first.out
    assert "4 new messages in INBOX" in out and "Nothing new to record." in out
    assert (
        "2 messages speak of a letter but come from addresses no letter went to; nothing was recorded. "
        "If one answers a letter: campaign-app log mark ID --status replied --note TEXT" in out
    )
    assert (
        "  2024-06-03 09:30 UTC from Michal <michal@private.example>: “Re: Stop the extradition of Zhanara "
        "Akhmetova” (appeal-en)" in out
    )
    assert (
        "  2024-06-03 09:30 UTC from info@president.gov.ua: “Відповідь на звернення щодо екстрадиції "
        "Жанари Ахметової” (appeal-uk)" in out
    )
    assert "away.example" not in out and "newsletter" not in out and "m2@example.org" not in out
    with ContactLog.open_readonly(mini_ws.root / "campaign.db") as log:
        assert not [e for e in log.events() if e.kind in ("replied", "auto-reply")]

    second = cli("inbox", "sync", "-w", mini_ws.root)
    assert "0 new messages in INBOX" in second.out and "speak of a letter" not in second.out


def test_answers_naming_no_letter_are_said_apart_from_those_from_a_shared_address():
    """An answer by its subject alone from an address two officials share is not one "from
    an address no letter went to": the report says which it is, and whom it may answer."""
    from campaign_app.cli.inbox_command import _report
    from campaign_app.core.campaign.inbox_sync import SyncResult, Unattributed

    detail = "2024-06-03 09:30 UTC from secretariat@minjust.example: “Re: Stop the extradition”"
    result = SyncResult("anna@rights.example", "INBOX", new_messages=2)
    result.unattributed = [
        Unattributed("appeal-uk", "2024-06-03 09:30 UTC from info@president.gov.ua: “Відповідь”"),
        Unattributed("appeal-en", detail, shared_by=("denys-maliuska", "oleh-petrenko")),
    ]

    lines = _report(result).splitlines()

    assert lines[-4:] == [
        "1 message speaks of a letter but comes from an address no letter went to; nothing was recorded. "
        "If it answers one: campaign-app log mark ID --status replied --note TEXT",
        "  2024-06-03 09:30 UTC from info@president.gov.ua: “Відповідь” (appeal-uk)",
        "1 message answers a letter by its subject alone, from an address several recipients share; "
        "nothing was recorded. If it answers one of them: campaign-app log mark ID --status replied "
        "--note TEXT",
        f"  {detail} (appeal-en: denys-maliuska, oleh-petrenko)",
    ]
