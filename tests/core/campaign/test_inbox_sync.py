"""The inbox sync's promises against a real Dovecot: an interrupted sync resumes where it
stopped and records nothing twice; --since leaves older mail unread, and an earlier --since
reads it later; a message naming one of
our own letters as its Message-ID (a copy) is no answer."""

from __future__ import annotations

import datetime as dt
import email.policy
import sqlite3
import ssl

import inbox_messages as shapes
import pytest

from campaign_app.core.campaign import inbox_sync
from campaign_app.core.campaign.inbox_sync import Cancelled, sync_inbox
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.outreach.log import ContactLog
from campaign_app.core.outreach.records import NewContact, contact_id

SUBJECT = "Stop the extradition of Zhanara Akhmetova"  # appeal-en's subject for the test case


def sent_letters(mini_ws, imap, count: int, *, old_log: bool = False) -> list:
    """``count`` MEPs who were sent appeal-en by e-mail (as ``send`` records it: the Message-ID
    in its own field; ``old_log``: only in the detail, as logs before that field have it)."""
    rows = [f"mep-s{i},mep,Ms,Given{i},Family{i},f,Member,European Parliament,DE,en,s{i}@example.org,"
            for i in range(count)]  # fmt: skip
    with (mini_ws.root / "recipients" / "people.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(imap.settings_yaml())
    letters = [shapes.letter(f"s{i}@example.org", SUBJECT) for i in range(count)]
    drafts = [
        NewContact(f"mep-s{i}", f"Given{i} Family{i}", "mep", "test-case", "appeal-en", "en", "email", f"s{i}@example.org")
        for i in range(count)
    ]  # fmt: skip
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.record_drafts(drafts, by="olena")
        for i, letter in enumerate(letters):
            cid = contact_id(f"mep-s{i}", "test-case", "appeal-en")
            if old_log:
                log.add_event(
                    cid, "sent", "olena", f"250 2.0.0 Ok; Message-ID {letter['Message-ID']}", "email"
                )
            else:
                log.add_event(cid, "sent", "olena", "250 2.0.0 Ok", "email", message_id=letter["Message-ID"])
    return letters


def context(imap) -> ssl.SSLContext:
    trusting = ssl.create_default_context()
    imap.ca.configure_trust(trusting)
    return trusting


def replies_recorded(root) -> int:
    with ContactLog.open_readonly(root / "campaign.db") as log:
        return sum(1 for e in log.events() if e.kind == "replied")


def test_an_interrupted_sync_resumes_where_it_stopped(mini_ws, imap, monkeypatch):
    letters = sent_letters(mini_ws, imap, 5)
    for letter in letters:
        imap.deliver(shapes.reply(letter))
    monkeypatch.setattr(inbox_sync, "CHUNK", 2)
    ws = Workspace(mini_ws.root)
    asked = []

    def stop_after_first_chunk() -> bool:
        asked.append(1)
        return len(asked) > 1

    with pytest.raises(Cancelled):
        sync_inbox(ws, imap.password, context=context(imap), cancelled=stop_after_first_chunk)
    assert replies_recorded(mini_ws.root) == 2
    resumed = sync_inbox(ws, imap.password, context=context(imap))
    assert resumed.new_messages == 3 and len(resumed.recorded) == 3 and resumed.already == 0
    assert replies_recorded(mini_ws.root) == 5


def test_letters_sent_before_the_log_kept_message_ids_are_matched_too(mini_ws, imap):
    letters = sent_letters(mini_ws, imap, 1, old_log=True)
    imap.deliver(shapes.reply(letters[0]))
    result = sync_inbox(Workspace(mini_ws.root), imap.password, context=context(imap))
    assert [r.recipient_id for r in result.recorded] == ["mep-s0"]


def test_since_leaves_older_mail_unread(mini_ws, imap):
    letters = sent_letters(mini_ws, imap, 2)
    old = dt.datetime(2024, 1, 10, tzinfo=dt.UTC).timestamp()
    imap.deliver(shapes.reply(letters[0]), received=old)
    imap.deliver(shapes.reply(letters[1]))
    result = sync_inbox(
        Workspace(mini_ws.root), imap.password, since=dt.date(2024, 2, 1), context=context(imap)
    )
    assert result.new_messages == 1 and [r.recipient_id for r in result.recorded] == ["mep-s1"]


def test_an_earlier_since_reads_the_older_mail_a_later_sync_left_and_records_nothing_twice(mini_ws, imap):
    """A first sync from February left January's reply unread; asked again from January, the
    sync read only what was new since the last one, and that reply was never recorded."""
    letters = sent_letters(mini_ws, imap, 2)
    imap.deliver(shapes.reply(letters[0]), received=dt.datetime(2024, 1, 10, tzinfo=dt.UTC).timestamp())
    imap.deliver(shapes.reply(letters[1]))
    ws = Workspace(mini_ws.root)
    sync_inbox(ws, imap.password, since=dt.date(2024, 2, 1), context=context(imap))
    again = sync_inbox(ws, imap.password, since=dt.date(2024, 1, 1), context=context(imap))
    assert [r.recipient_id for r in again.recorded] == ["mep-s0"] and again.already == 1
    assert replies_recorded(mini_ws.root) == 2
    later = sync_inbox(ws, imap.password, context=context(imap))  # the kept position did not go back
    assert later.new_messages == 0


def test_a_copy_of_a_sent_letter_in_the_folder_is_no_answer(mini_ws, imap):
    import email.policy

    letters = sent_letters(mini_ws, imap, 1)
    imap.deliver(letters[0].as_bytes(policy=email.policy.SMTP))
    result = sync_inbox(Workspace(mini_ws.root), imap.password, context=context(imap))
    assert result.new_messages == 1 and result.recorded == []


@pytest.mark.parametrize("whose", ["the campaign's sender", "the inbox's own"])
def test_a_campaigners_own_mail_naming_a_letter_is_no_answer(mini_ws, imap, whose):
    """A campaigner's chaser, by hand, to an official who has not answered ("Re: …", naming
    the letter), filed in the folder the sync reads (Thunderbird can keep a reply beside the
    message it answers; Gmail's All Mail holds what was sent): the official did not reply,
    and the follow-up for those who did not must still reach them."""
    import email.policy
    from email.message import EmailMessage
    from email.utils import make_msgid

    letter = sent_letters(mini_ws, imap, 1)[0]
    ours = "office@rights.example" if whose == "the campaign's sender" else imap.username
    chaser = EmailMessage()
    chaser["From"] = f"Rights Watchers <{ours.upper()}>"  # an address is the same in any case
    chaser["To"] = letter["To"]
    chaser["Subject"] = f"Re: {SUBJECT}"
    chaser["Message-ID"] = make_msgid(domain="rights.example")
    chaser["In-Reply-To"] = letter["Message-ID"]
    chaser["References"] = letter["Message-ID"]
    chaser.set_content("Dear Ms Family0,\n\nMay we ask whether our letter reached you?\n")
    imap.deliver(chaser.as_bytes(policy=email.policy.SMTP))
    imap.deliver(shapes.reply(letter))  # and the official's own answer, after it

    result = sync_inbox(Workspace(mini_ws.root), imap.password, context=context(imap))

    assert [r.sender for r in result.recorded] == ["s0@example.org"]
    assert replies_recorded(mini_ws.root) == 1
    assert result.unattributed == []


def test_an_answer_by_its_subject_from_an_address_two_officials_share_is_left_to_a_person(mini_ws, imap):
    """A ministry's secretariat answers for its minister and his deputy, each sent the appeal:
    a reply by its subject alone (a webmail that drops In-Reply-To) says nothing of which one
    answered. Recorded on either, the other's follow-up would go to an office that replied,
    or none to one that did not. It is told to the person syncing; a reply naming its
    letter is recorded on that letter."""
    second = sent_letters(mini_ws, imap, 2)[1]
    with sqlite3.connect(mini_ws.root / "campaign.db") as db:  # both letters went to one address
        db.execute("UPDATE contacts SET address = 's0@example.org'")
    db.close()
    shared = shapes.parsed(shapes.reply_by_address(second))
    shared.replace_header("From", "s0@example.org")
    imap.deliver(shared.as_bytes(policy=email.policy.SMTP))
    imap.deliver(shapes.reply(second).replace(b"s1@example.org", b"s0@example.org"))

    result = sync_inbox(Workspace(mini_ws.root), imap.password, context=context(imap))

    assert [r.recipient_id for r in result.recorded] == ["mep-s1"]  # named by In-Reply-To
    (told,) = result.unattributed
    assert told.shared_by == ("mep-s0", "mep-s1") and told.template_id == "appeal-en"
    assert "s0@example.org" in told.detail


def test_an_answer_to_a_letter_whose_send_was_cut_off_is_recorded(mini_ws, imap):
    """The connection dropped after the server took the letter (uncertain): the official's
    answer was read, matched to nothing, and lost for good; the follow-up then went to
    someone who had answered."""
    from log_helpers import letter as draft

    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(imap.settings_yaml())
    sent = shapes.letter("michal.simecka@europarl.europa.eu", SUBJECT)
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        claim = log.claim(
            draft("mep-1", "Michal Šimečka", "mep", "appeal-en", channel="email"),
            "olena",
            "to michal.simecka@europarl.europa.eu",
            channel="email",
            letter_path="out/x.pdf",
            letter_sha256="a" * 64,
            message_id=sent["Message-ID"],
        )
        assert claim.granted and log.history(claim.contact_id).status == "uncertain"
    imap.deliver(shapes.reply(sent))

    result = sync_inbox(Workspace(mini_ws.root), imap.password, context=context(imap))

    assert [r.recipient_id for r in result.recorded] == ["mep-1"]
    with ContactLog.open_readonly(mini_ws.root / "campaign.db") as log:
        assert log.history(claim.contact_id).status == "replied"
