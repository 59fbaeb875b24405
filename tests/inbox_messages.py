"""Real-shaped answers to a sent letter, as mail programs and servers write them: a reply
(Thunderbird-like, with In-Reply-To and a quoted history), a reply by address only (a
webmail that drops the headers, with a localised "Відп:" and HTML with a Gmail quote),
an out-of-office (RFC 3834 Auto-Submitted), a Postfix delivery status notification
(RFC 3464) returning the letter's headers, Exim's and qmail's plain-text bounces, and an unrelated message."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

WHEN = dt.datetime(2024, 6, 3, 9, 30, tzinfo=dt.UTC)


def _headers(letter: EmailMessage) -> tuple[str, str, str]:
    """(Message-ID, To address, Subject) of a sent letter."""
    to = letter["To"].addresses[0].addr_spec
    return letter["Message-ID"], to, str(letter["Subject"])


def reply(letter: EmailMessage, text: str = "Thank you, I will raise it with the minister.") -> bytes:
    mid, to, subject = _headers(letter)
    msg = EmailMessage()
    msg["From"] = f"Michal Šimečka <{to}>"
    msg["To"] = str(letter["From"])
    msg["Subject"] = f"Re: {subject}"
    msg["Date"] = format_datetime(WHEN)
    msg["Message-ID"] = make_msgid(domain="europarl.example")
    msg["In-Reply-To"] = mid
    msg["References"] = mid
    quoted = "\n".join("> " + line for line in letter.get_body(("plain",)).get_content().splitlines()[:5])
    msg.set_content(
        f"{text}\nBest regards,\nMichal\n\nOn 03.06.2024 09:00, Rights Watchers wrote:\n{quoted}\n"
    )
    return msg.as_bytes(policy=email.policy.SMTP)


def reply_by_address(
    letter: EmailMessage, prefix: str = "Відп:", text: str = "Дякую, лист отримано."
) -> bytes:
    """No In-Reply-To or References (some webmails), an HTML body with the history quoted."""
    _mid, to, subject = _headers(letter)
    msg = EmailMessage()
    msg["From"] = to
    msg["To"] = str(letter["From"])
    msg["Subject"] = f"{prefix} {subject}"
    msg["Date"] = format_datetime(WHEN)
    msg["Message-ID"] = make_msgid(domain="webmail.example")
    msg.set_content(
        f"<html><head><style>p {{color: red}}</style></head><body><div dir='ltr'><p>{text}</p>"
        "<p>Розгляну найближчим часом.</p></div><div class='gmail_quote'>пн, 3 черв. 2024 р. пише "
        "Rights Watchers:<blockquote>the letter</blockquote></div></body></html>",
        subtype="html",
        charset="koi8-u",
    )
    return msg.as_bytes(policy=email.policy.SMTP)


def out_of_office(letter: EmailMessage) -> bytes:
    mid, to, subject = _headers(letter)
    msg = EmailMessage()
    msg["From"] = to
    msg["To"] = str(letter["From"])
    msg["Subject"] = f"Automatic reply: {subject}"
    msg["Date"] = format_datetime(WHEN)
    msg["Message-ID"] = make_msgid(domain="europarl.example")
    msg["In-Reply-To"] = mid
    msg["Auto-Submitted"] = "auto-replied"
    msg.set_content("I am out of the office until 17 June with limited access to e-mail.\n")
    return msg.as_bytes(policy=email.policy.SMTP)


def bounce(letter: EmailMessage, status: str = "5.1.1") -> bytes:
    """Postfix's DSN for a letter whose recipient does not exist, its headers returned."""
    mid, to, subject = _headers(letter)
    headers = "".join(f"{k}: {v}\r\n" for k, v in letter.items())
    boundary = "9A1B2C3D4E.1717407000/mx.europarl.example"
    text = f"""\
From: MAILER-DAEMON@mx.europarl.example (Mail Delivery System)\r
To: {letter["From"]}\r
Subject: Undelivered Mail Returned to Sender\r
Date: {format_datetime(WHEN)}\r
Message-ID: <20240603093000.9A1B2C3D4E@mx.europarl.example>\r
Auto-Submitted: auto-replied\r
MIME-Version: 1.0\r
Content-Type: multipart/report; report-type=delivery-status;\r
\tboundary="{boundary}"\r
\r
This is a MIME-encapsulated message.\r
\r
--{boundary}\r
Content-Description: Notification\r
Content-Type: text/plain; charset=us-ascii\r
\r
This is the mail system at host mx.europarl.example.\r
\r
I'm sorry to have to inform you that your message could not\r
be delivered to one or more recipients.\r
\r
<{to}>: host mail.europarl.example said: 550 {status} <{to}>:\r
    Recipient address rejected: User unknown in virtual mailbox table\r
\r
--{boundary}\r
Content-Description: Delivery report\r
Content-Type: message/delivery-status\r
\r
Reporting-MTA: dns; mx.europarl.example\r
X-Postfix-Queue-ID: 9A1B2C3D4E\r
Arrival-Date: Mon,  3 Jun 2024 09:29:58 +0000 (UTC)\r
\r
Final-Recipient: rfc822; {to}\r
Original-Recipient: rfc822;{to}\r
Action: failed\r
Status: {status}\r
Remote-MTA: dns; mail.europarl.example\r
Diagnostic-Code: smtp; 550 {status} <{to}>: Recipient address rejected: User\r
    unknown in virtual mailbox table\r
\r
--{boundary}\r
Content-Description: Undelivered Message Headers\r
Content-Type: text/rfc822-headers\r
\r
{headers}\r
--{boundary}--\r
"""
    del mid, subject
    return text.encode("utf-8")


def exim_bounce(letter: EmailMessage) -> bytes:
    """Exim's own bounce (no delivery status report): plain text, the failed address in
    X-Failed-Recipients and in the text with the server's answer, then a copy of the
    letter with all its headers."""
    mid, to, subject = _headers(letter)
    copy = "".join(f"{k}: {v}\r\n" for k, v in letter.items())
    text = f"""\
Return-path: <>\r
From: Mail Delivery System <Mailer-Daemon@mail.rada.example>\r
To: {letter["From"]}\r
Subject: Mail delivery failed: returning message to sender\r
Message-Id: <E1sE2kL-0001Ab-9Z@mail.rada.example>\r
X-Failed-Recipients: {to}\r
Auto-Submitted: auto-replied\r
Date: {format_datetime(WHEN)}\r
\r
This message was created automatically by mail delivery software.\r
\r
A message that you sent could not be delivered to one or more of its\r
recipients. This is a permanent error. The following address(es) failed:\r
\r
  {to}\r
    host mx.rada.example [192.0.2.25]\r
    SMTP error from remote mail server after RCPT TO:<{to}>:\r
    550 5.1.1 <{to}>: Recipient address rejected: User unknown\r
\r
------ This is a copy of the message, including all the headers. ------\r
\r
{copy}\r
{letter.get_body(("plain",)).get_content()[:200]}\r
"""
    del mid, subject
    return text.encode("utf-8")


def qmail_bounce(letter: EmailMessage) -> bytes:
    """qmail's bounce: plain text, the failed address as a "<address>:" line with the
    server's answer under it, then a copy of the letter."""
    _mid, to, _subject = _headers(letter)
    copy = "".join(f"{k}: {v}\r\n" for k, v in letter.items())
    text = f"""\
From: MAILER-DAEMON@mail.ombudsman.example\r
To: {letter["From"]}\r
Subject: failure notice\r
Date: {format_datetime(WHEN)}\r
Message-ID: <1717407000.4242.qmail@mail.ombudsman.example>\r
\r
Hi. This is the qmail-send program at mail.ombudsman.example.\r
I'm afraid I wasn't able to deliver your message to the following addresses.\r
This is a permanent error; I've given up. Sorry it didn't work out.\r
\r
<{to}>:\r
192.0.2.30 does not like recipient.\r
Remote host said: 550 5.1.1 <{to}>: Recipient address rejected: User unknown\r
Giving up on 192.0.2.30.\r
\r
--- Below this line is a copy of the message.\r
\r
{copy}\r
{letter.get_body(("plain",)).get_content()[:200]}\r
"""
    return text.encode("utf-8")


def unrelated(sender: str = "newsletter@ngo.example") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "office@rights.example"
    msg["Subject"] = "Our June newsletter"
    msg["Date"] = format_datetime(WHEN)
    msg["Message-ID"] = make_msgid(domain="ngo.example")
    msg.set_content("News from the network.\n")
    return msg.as_bytes(policy=email.policy.SMTP)


def letter(
    to: str = "michal.simecka@europarl.europa.eu", subject: str = "Stop the extradition"
) -> EmailMessage:
    """A letter as send writes one (for the pure tests)."""
    msg = EmailMessage()
    msg["From"] = "Rights Watchers <office@rights.example>"
    msg["To"] = f"Michal Šimečka <{to}>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(WHEN - dt.timedelta(days=1))
    msg["Message-ID"] = make_msgid(domain="rights.example")
    msg.set_content("Dear Mr Šimečka,\n\nWe write about Zhanara Akhmetova.\n\nYours sincerely,\nAnna Smith\n")
    return msg


def parsed(data: bytes) -> EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)
