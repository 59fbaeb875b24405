"""The mailbox read without changing it, against a real Dovecot: TLS verified, STARTTLS or
refusal, the password never given in plain text nor echoed, only new messages fetched."""

from __future__ import annotations

import ssl
import time

import inbox_messages as shapes
import pytest

from campaign_app.core.common.errors import UserError
from campaign_app.core.mail.inbox.imap import ImapReader
from campaign_app.core.mail.inbox.settings import InboxSettings


def settings(server, security="ssl", **changes) -> InboxSettings:
    port = server.ssl_port if security == "ssl" else server.starttls_port
    values = {"host": server.host, "port": port, "security": security, "username": server.username}
    values.update(changes)
    return InboxSettings(**values)


def trusting(server) -> ssl.SSLContext:
    context = ssl.create_default_context()
    server.ca.configure_trust(context)
    return context


def no_sign_in(server) -> bool:
    """The server's log, once it noted our disconnection: no user name ever reached it."""
    deadline = time.monotonic() + 5
    while server.log().count("Disconnected") < 2 and time.monotonic() < deadline:  # its probe, and us
        time.sleep(0.05)
    lines = [line for line in server.log().splitlines() if "imap-login" in line]
    return len(lines) >= 2 and all("user=<>" in line for line in lines) and "auth failed" not in server.log()


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_reads_headers_and_messages_without_marking_anything_read(dovecot, security):
    letter = shapes.letter()
    dovecot.deliver(shapes.reply(letter))
    dovecot.deliver(shapes.unrelated(), flags="S")
    dovecot.deliver(shapes.out_of_office(letter), flags="F")
    before = dovecot.flags()
    with ImapReader(settings(dovecot, security), dovecot.password, context=trusting(dovecot)) as reader:
        state = reader.examine()
        uids = reader.new_uids(0)
        heads = reader.headers(uids)
        bodies = {uid: body for chunk in reader.messages(uids) for uid, body in chunk.items()}
    assert state.exists == 3 and state.uidvalidity > 0 and len(uids) == 3
    assert b"In-Reply-To: " + letter["Message-ID"].encode() in heads[uids[0]]
    assert b"Thank you, I will raise it" in bodies[uids[0]]
    assert dovecot.flags() == before  # nothing marked \Seen, nothing lost its \Recent
    assert "Login: user=<" + dovecot.username in dovecot.log() and ", TLS" in dovecot.log()


def test_only_messages_after_the_last_uid_are_listed(dovecot):
    for _ in range(3):
        dovecot.deliver(shapes.unrelated())
    with ImapReader(settings(dovecot), dovecot.password, context=trusting(dovecot)) as reader:
        reader.examine()
        first = reader.new_uids(0)
        assert reader.new_uids(first[-1]) == []  # "UID n:*" alone would return the last one again
        assert reader.new_uids(first[0]) == first[1:]


def test_a_server_without_encryption_gets_no_password(dovecot_factory):
    plain = dovecot_factory(tls=False)
    with pytest.raises(UserError) as caught, ImapReader(settings(plain, "starttls"), plain.password):
        pass
    assert "offers no encryption (STARTTLS), so no password was given" in caught.value.message
    assert no_sign_in(plain)


def test_implicit_tls_to_a_plain_port_is_refused(dovecot_factory):
    plain = dovecot_factory(tls=False)
    with (
        pytest.raises(UserError) as caught,
        ImapReader(settings(plain, "ssl", port=plain.starttls_port), plain.password),
    ):
        pass
    assert "no encrypted connection could be made" in caught.value.message
    assert no_sign_in(plain)


def test_a_wrong_password_is_told_plainly_and_never_echoed(dovecot):
    wrong = "Wr0ng-" + dovecot.password[:6]
    with pytest.raises(UserError) as caught, ImapReader(settings(dovecot), wrong, context=trusting(dovecot)):
        pass
    text = str(caught.value)
    assert f"the server refused the user name or password for {dovecot.username}" in text
    assert wrong not in text and dovecot.password not in text
    assert "(b'" not in text and "[AUTHENTICATIONFAILED]" in text, text  # the server's words, as text


def test_an_untrusted_certificate_gets_no_password(dovecot):
    with (
        pytest.raises(UserError) as caught,
        ImapReader(settings(dovecot), dovecot.password, context=ssl.create_default_context()),
    ):
        pass
    assert f"the certificate of {dovecot.host} could not be verified" in caught.value.message
    assert no_sign_in(dovecot)


def test_a_missing_folder_names_the_folders_there_are(dovecot):
    with (
        pytest.raises(UserError) as caught,
        ImapReader(settings(dovecot, folder="Replies"), dovecot.password, context=trusting(dovecot)) as r,
    ):
        r.examine()
    assert "the folder 'Replies' could not be opened" in caught.value.message
    assert "INBOX" in caught.value.hint


def test_a_password_with_letters_beyond_ascii_signs_in(dovecot_factory):
    server = dovecot_factory(password="пароль-Ключ-" + "ї" * 3)
    server.deliver(shapes.unrelated())
    with ImapReader(settings(server), server.password, context=trusting(server)) as reader:
        assert reader.examine().exists == 1
