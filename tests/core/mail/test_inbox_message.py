"""Telling a reply from an automatic answer or a bounce, matching it to the letter, and
keeping only its first new lines: on messages shaped as mail programs and servers write them."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage

import inbox_messages as shapes
import pytest

from campaign_app.core.mail.inbox.match import SentLetter, SentLetters, reply_subject
from campaign_app.core.mail.inbox.message import AUTO_REPLY, BOUNCE, REPLY, read_headers, read_message
from campaign_app.core.mail.inbox.text import html_to_text, strip_quoted

TO = "michal.simecka@europarl.europa.eu"


def read(data: bytes):
    return read_message(read_headers(7, data), data)


@pytest.fixture
def letter() -> EmailMessage:
    return shapes.letter(TO)


@pytest.fixture
def sent(letter) -> SentLetters:
    return SentLetters([SentLetter("c-1", letter["Message-ID"], TO, "Stop the extradition", "2024-06-02")])


def test_a_reply_with_in_reply_to_matches_and_keeps_only_the_new_lines(letter, sent):
    message = read(shapes.reply(letter))
    assert message.kind == REPLY
    assert sent.match(message).contact_id == "c-1"
    assert message.first_lines == "Thank you, I will raise it with the minister. / Best regards, / Michal"
    assert "Akhmetova" not in message.first_lines  # the quoted letter is not kept
    assert message.sender == TO and message.date == "2024-06-03T09:30:00+00:00"


@pytest.mark.parametrize("prefix", ["Відп:", "Ответ:", "AW:", "RE :", "Re: Re:", "SV:", "[EXT] Re:"])
def test_a_reply_by_address_only_matches_by_the_subject_after_a_localised_prefix(letter, sent, prefix):
    message = read(shapes.reply_by_address(letter, prefix))
    assert sent.match(message).contact_id == "c-1"
    # the HTML body (koi8-u) as text, without its style and the Gmail quote
    assert message.first_lines == "Дякую, лист отримано. / Розгляну найближчим часом."


@pytest.mark.parametrize("prefix", ["Fwd:", "", "Re: Other matter —"])
def test_a_forward_a_new_message_or_another_subject_from_the_recipient_matches_nothing(letter, sent, prefix):
    assert sent.match(read(shapes.reply_by_address(letter, prefix))) is None


def test_a_reply_from_another_address_without_references_matches_nothing(letter, sent):
    data = shapes.reply_by_address(letter).replace(TO.encode(), b"someone@else.example")
    assert sent.match(read(data)) is None


def test_an_out_of_office_is_an_automatic_reply_matched_to_the_letter(letter, sent):
    message = read(shapes.out_of_office(letter))
    assert message.kind == AUTO_REPLY
    assert sent.match(message).contact_id == "c-1"


@pytest.mark.parametrize(
    "header, subject",
    [
        ("X-Autoreply: yes", "Re: Stop the extradition"),
        ("Precedence: auto_reply", "Re: Stop the extradition"),
        ("X-Mailer: Outlook", "Abwesenheitsnotiz: Stop the extradition"),
        ("X-Mailer: Outlook", "Réponse automatique : Stop the extradition"),
        ("X-Mailer: Outlook", "Автоматична відповідь: Stop the extradition"),
        ("X-Mailer: Outlook", "Автоматический ответ: Stop the extradition"),
        ("X-Mailer: Outlook", "Out of Office: Stop the extradition"),
    ],
)
def test_automatic_replies_by_header_or_out_of_office_subject(header, subject, sent):
    name, value = header.split(": ")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg[name] = TO, "office@rights.example", subject, value
    msg.set_content("Away until Monday.")
    message = read(msg.as_bytes(policy=email.policy.SMTP))
    assert message.kind == AUTO_REPLY
    assert sent.match(message).contact_id == "c-1"


def test_auto_submitted_no_is_a_person(letter):
    data = shapes.reply(letter).replace(b"In-Reply-To:", b"Auto-Submitted: no\r\nIn-Reply-To:", 1)
    assert read(data).kind == REPLY


def test_a_dsn_bounce_keeps_recipient_status_and_diagnostic_and_names_the_letter(letter, sent):
    message = read(shapes.bounce(letter))
    assert message.kind == BOUNCE
    (b,) = message.bounces
    assert (b.recipient, b.status) == (TO, "5.1.1")
    assert b.diagnostic.startswith("smtp; 550 5.1.1") and "User unknown" in b.diagnostic
    assert b.original_id == letter["Message-ID"]
    assert sent.match(message).contact_id == "c-1"
    assert message.first_lines == ""  # nothing of the returned letter is kept


def test_a_bounce_without_the_original_is_matched_by_its_final_recipient(letter, sent):
    data = shapes.bounce(letter).replace(letter["Message-ID"].encode(), b"<lost@elsewhere>")
    assert sent.match(read(data)).contact_id == "c-1"


def test_exims_plain_text_bounce_is_a_bounce_that_names_the_letter(letter, sent):
    """Exim (the mail server of many small organisations' hosting) bounces without a report
    part: its notice was filed as an automatic reply, matched no letter, and the letter
    stayed "sent", its follow-up due to an address that does not exist."""
    message = read(shapes.exim_bounce(letter))
    assert message.kind == BOUNCE
    (b,) = message.bounces
    assert (b.recipient, b.status) == (TO, "5.1.1")
    assert b.diagnostic.startswith("host mx.rada.example [192.0.2.25] SMTP error from remote mail server")
    assert b.diagnostic.endswith("550 5.1.1 <" + TO + ">: Recipient address rejected: User unknown")
    assert b.original_id == letter["Message-ID"]
    assert sent.match(message).contact_id == "c-1"
    assert message.first_lines == ""
    lost = shapes.exim_bounce(letter).replace(letter["Message-ID"].encode(), b"<lost@elsewhere>")
    assert sent.match(read(lost)).contact_id == "c-1"  # by the failed address, as for a report


def test_qmails_plain_text_bounce_is_a_bounce_that_names_the_letter(letter, sent):
    message = read(shapes.qmail_bounce(letter))
    assert message.kind == BOUNCE
    (b,) = message.bounces
    assert (b.recipient, b.status) == (TO, "5.1.1")
    assert b.diagnostic.startswith("192.0.2.30 does not like recipient. Remote host said: 550 5.1.1")
    assert b.original_id == letter["Message-ID"]
    assert sent.match(message).contact_id == "c-1"


def test_a_persons_reply_quoting_a_servers_notice_is_a_reply(letter):
    """An official forwards the notice their server sent them: their message is a reply."""
    data = shapes.qmail_bounce(letter).replace(
        b"From: MAILER-DAEMON@mail.ombudsman.example", f"From: {TO}".encode()
    )
    data = data.replace(b"Subject: failure notice", b"Subject: Re: " + str(letter["Subject"]).encode())
    message = read(data)
    assert message.kind == REPLY and message.bounces == ()


def test_a_notice_without_x_failed_recipients_names_no_failure(letter):
    """Exim's delay warning has no X-Failed-Recipients: the letter may yet arrive."""
    data = shapes.exim_bounce(letter).replace(b"X-Failed-Recipients: ", b"X-Delayed-For: ")
    data = data.replace(b"Mail delivery failed: returning message to sender", b"Warning: message delayed")
    message = read(data)
    assert message.kind == AUTO_REPLY and message.bounces == ()


def test_a_bounce_naming_only_the_original_recipient_is_matched_by_it(letter, sent):
    """A report without Final-Recipient (a relay's) names the address by Original-Recipient."""
    data = shapes.bounce(letter).replace(letter["Message-ID"].encode(), b"<lost@elsewhere>")
    data = b"".join(
        line for line in data.splitlines(keepends=True) if not line.startswith(b"Final-Recipient:")
    )
    message = read(data)
    assert message.kind == BOUNCE and message.bounces[0].recipient == TO
    assert sent.match(message).contact_id == "c-1"


def two_letters_to_one_address(first: EmailMessage, second: EmailMessage) -> SentLetters:
    """The appeal, and a second letter to the same official with the same subject later."""
    return SentLetters(
        [
            SentLetter("c-2", second["Message-ID"], TO, "Stop the extradition", "2024-06-20", "mep-1"),
            SentLetter("c-1", first["Message-ID"], TO, "Stop the extradition", "2024-06-02", "mep-1"),
        ]
    )


def test_an_answer_naming_no_letter_goes_to_the_latest_letter_to_that_address(letter):
    """By the subject or a bounce's recipient alone, the answer is to the letter that went
    last (the one the official has just read), whichever order the log lists them in."""
    later = shapes.letter(TO)
    sent = two_letters_to_one_address(letter, later)
    assert sent.match(read(shapes.reply_by_address(letter))).contact_id == "c-2"
    bounce = shapes.bounce(letter).replace(letter["Message-ID"].encode(), b"<lost@elsewhere>")
    assert sent.match(read(bounce)).contact_id == "c-2"
    assert sent.match(read(shapes.reply(letter))).contact_id == "c-1"  # named: the letter named


def test_an_answer_by_the_subject_alone_from_an_address_two_officials_share_answers_neither(letter):
    """The minister and his deputy at one secretariat address, each sent the letter: an
    answer naming no letter is left to a person (``shared_by``); one naming its letter is it."""
    deputys = shapes.letter(TO)
    sent = SentLetters(
        [
            SentLetter("c-1", letter["Message-ID"], TO, "Stop the extradition", "2024-06-02", "minister"),
            SentLetter("c-2", deputys["Message-ID"], TO, "Stop the extradition", "2024-06-02", "deputy"),
        ]
    )
    by_subject = read(shapes.reply_by_address(letter))
    assert sent.match(by_subject) is None
    assert [x.recipient_id for x in sent.shared_by(by_subject)] == ["minister", "deputy"]
    named = read(shapes.reply(deputys))
    assert sent.match(named).contact_id == "c-2" and sent.shared_by(read(shapes.unrelated(TO))) == []


def test_the_campaigns_own_mail_naming_a_letter_is_no_answer(letter):
    """A campaigner's chaser by hand ("Re: …", In-Reply-To the letter), from one of the
    campaign's addresses: not fetched, and matched to nothing."""
    sent = SentLetters(
        [SentLetter("c-1", letter["Message-ID"], TO, "Stop the extradition", "2024-06-02")],
        ours=["Office@Rights.example"],
    )
    chaser = shapes.parsed(shapes.reply(letter))
    chaser.replace_header("From", "Rights Watchers <office@rights.example>")
    message = read(chaser.as_bytes(policy=email.policy.SMTP))
    assert not sent.could_concern(message) and sent.match(message) is None
    assert sent.match(read(shapes.reply(letter))).contact_id == "c-1"  # the official's own still is


def test_a_delayed_delivery_report_is_neither_a_bounce_nor_a_reply(letter, sent):
    """A "still being retried" notice was recorded as the official's reply, and the
    follow-up disappeared."""
    data = shapes.bounce(letter).replace(b"Action: failed", b"Action: delayed")
    assert read(data).kind == AUTO_REPLY


def test_a_mail_servers_notice_without_a_failed_recipient_is_no_reply(letter):
    """A mail server's notice is nobody's answer, even where it carries no Auto-Submitted
    header: a delay report (mail servers that leave the header out), and qmail's plain-text
    "failure notice" that quotes the letter (In-Reply-To and all) without a report part."""
    delayed = shapes.bounce(letter).replace(b"Action: failed", b"Action: delayed")
    delayed = delayed.replace(b"Auto-Submitted: auto-replied\r\n", b"")
    mid = letter["Message-ID"]
    qmail = (
        "From: MAILER-DAEMON@mx.europarl.example\r\n"
        f"To: {letter['From']}\r\n"
        "Subject: failure notice\r\n"
        f"In-Reply-To: {mid}\r\n"
        "Date: Mon, 3 Jun 2024 09:30:00 +0000\r\n"
        "\r\n"
        "Hi. This is the qmail-send program at mx.europarl.example.\r\n"
        "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
        "--- Below this line is a copy of the message.\r\n"
    ).encode()
    for data in (delayed, qmail):
        assert b"Auto-Submitted" not in data
        assert read(data).kind == AUTO_REPLY


@pytest.mark.parametrize(
    "subject",
    [
        "Re: Stop the extradition (in the absence of her lawyers)",
        "Відп: Щодо відсутності належного розслідування",
        "Re: Ответ по делу: отсутствие адвоката",
        "Re: The minister is on leave, I answer for him",
    ],
)
def test_a_persons_reply_whose_subject_mentions_an_absence_is_a_reply(letter, subject):
    """Such replies were filed as out-of-office, and the follow-up went to people who had answered."""
    parsed = email.message_from_bytes(shapes.reply(letter), policy=email.policy.default)
    del parsed["Subject"]
    parsed["Subject"] = subject
    message = read(parsed.as_bytes(policy=email.policy.SMTP))
    assert message.subject == subject
    assert message.kind == REPLY


def test_a_date_beyond_what_utc_can_hold_falls_back_to_the_arrival(letter):
    """'Date: Fri, 31 Dec 9999 23:59:59 -1200' stopped every inbox sync with a traceback."""
    import datetime as dt

    data = shapes.reply(letter)
    head, body = data.split(b"\r\n\r\n", 1)
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"date:")]
    data = b"\r\n".join([*lines, b"Date: Fri, 31 Dec 9999 23:59:59 -1200"]) + b"\r\n\r\n" + body
    arrived = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)
    assert read_headers(7, data, arrived).date == "2026-12-04T09:30:00+00:00"


def test_an_unrelated_message_matches_nothing(sent):
    assert sent.match(read(shapes.unrelated())) is None


def test_a_copy_of_the_letter_itself_is_not_an_answer(letter, sent):
    assert sent.match(read(letter.as_bytes(policy=email.policy.SMTP))) is None


def test_raw_8bit_headers_in_an_undeclared_charset_are_decoded():
    data = "From: Ганна <h@x.example>\r\nSubject: Відп: Зупиніть екстрадицію\r\n\r\nТак.\r\n".encode("cp1251")
    message = read(data)
    assert message.subject == "Відп: Зупиніть екстрадицію"
    assert message.sender_name == "Ганна"
    assert reply_subject(message.subject) == "Зупиніть екстрадицію"


def test_a_body_whose_declared_charset_is_wrong_is_still_read():
    body = "Дякую за лист, ми розглянемо звернення.".encode()
    data = b"From: a@x.example\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" + body
    assert read(data).first_lines == "Дякую за лист, ми розглянемо звернення."


@pytest.mark.parametrize(
    "history",
    [
        "On Mon, 3 Jun 2024 at 09:00, Rights Watchers <office@rights.example> wrote:\n> Dear Mr",
        "On Mon, 3 Jun 2024 at 09:00, Rights Watchers <office@rights.example>\nwrote:\n> Dear",
        "Am 03.06.2024 um 09:00 schrieb Rights Watchers:\n> Sehr geehrter",
        "Le lun. 3 juin 2024 à 09:00, Rights Watchers a écrit :\n> Monsieur",
        "пн, 3 черв. 2024 р. о 09:00 Rights Watchers <office@rights.example> пише:\n> Шановний",
        "3 июня 2024 г., в 9:00, Rights Watchers написал(а):\n> Уважаемый",
        "-----Original Message-----\nFrom: Rights Watchers\nSent: Monday",
        "________________________________\nVon: Rights Watchers\nGesendet: Montag",
        "From: Rights Watchers <office@rights.example>\nSent: Monday, June 3, 2024 9:00 AM\nTo: Michal",
        "-- \nMichal Šimečka, MEP",
    ],
)
def test_quoted_history_and_signatures_are_cut(history):
    assert strip_quoted(f"Received, thank you.\n\n{history}\nmore history") == "Received, thank you."


def test_answers_written_between_quotes_are_kept():
    text = "> Will you raise it?\nYes, on Thursday.\n> And the minister?\nI wrote to him too."
    assert strip_quoted(text) == "Yes, on Thursday.\nI wrote to him too."


def test_html_blocks_become_lines_and_quotes_go():
    html = (
        "<div>First&nbsp;line<br>second line</div><blockquote>old letter</blockquote>"
        "<script>x()</script><p>third</p><div id='divRplyFwdMsg'>From: us</div><p>history</p>"
    )
    assert html_to_text(html) == "First line\nsecond line\n\nthird"


def test_a_senders_terminal_escapes_are_shown_never_obeyed(letter):
    """A name or first line holding "\\x1b[2J" cleared the volunteer's terminal when the
    sync printed it, and could fake the sync's own lines; a 200,000-character subject was
    kept whole in the log."""
    parsed = email.message_from_bytes(
        shapes.reply(letter, "\x1b[2J\x1b[HRecorded 0 replies."), policy=email.policy.default
    )
    del parsed["From"], parsed["Subject"]
    parsed["From"] = f'"Evil\x1b[2J\x07" <{TO}>'
    parsed["Subject"] = "Re: Stop the extradition " + "x" * 200_000
    message = read(parsed.as_bytes(policy=email.policy.SMTP))
    for text in (message.sender_name, message.subject, message.first_lines):
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in text), repr(text[:80])
    assert message.sender_name.startswith("Evil") and "Recorded 0 replies." in message.first_lines
    assert len(message.subject) <= 1000
