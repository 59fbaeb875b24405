"""Where each recipient stands, read off the history: follow-ups and uncertain sends."""

from __future__ import annotations

import datetime as dt

import pytest
from log_helpers import letter

from campaign_app.core.outreach.log import ContactLog
from campaign_app.core.outreach.status import recipient_states

# After the drafts the fixture records at the real time (a history is in time order), however
# late a busy suite reaches these tests; ``now=`` is then set relative to it.
SENT = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)


def at(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


@pytest.fixture
def log(tmp_path):
    with ContactLog.open(tmp_path / "campaign.db") as opened:
        opened.record_drafts([letter()], by="olena")
        yield opened


def state(log: ContactLog, now: dt.datetime):
    return recipient_states(log, "test-case", follow_up_days=14, now=now)["ua-president"]


def test_a_follow_up_is_due_when_the_period_has_passed_without_reply(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="post", at=at(SENT))

    before = state(log, SENT + dt.timedelta(days=13, hours=23))
    after = state(log, SENT + dt.timedelta(days=14, minutes=1))

    assert not before.due and before.status == "sent"
    assert before.followup_due_on == (SENT + dt.timedelta(days=14)).date()
    assert after.due and after.status == "followup-due"
    assert after.statuses == {"sent", "followup-due"}
    assert after.last_event.kind == "sent"


def test_no_follow_up_after_a_reply(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="post", at=at(SENT))
    log.add_event(
        cid, "replied", "coordinator", "letter from the ministry", at=at(SENT + dt.timedelta(days=5))
    )

    s = state(log, SENT + dt.timedelta(days=60))

    assert not s.due and s.followup_due_on is None
    assert s.status == "replied"


def test_a_note_does_not_change_the_status_or_stop_the_follow_up(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="post", at=at(SENT))
    log.add_event(cid, "note", "olena", "called the office", at=at(SENT + dt.timedelta(days=3)))

    s = state(log, SENT + dt.timedelta(days=20))

    assert s.due and s.latest.status == "sent"
    assert s.last_event.kind == "note"


def test_a_later_follow_up_letter_starts_the_period_again(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="post", at=at(SENT))
    log.record_drafts([letter(template_id="follow-up-uk", sha="f" * 64)], by="olena")
    follow_up = next(c.id for c in log.contacts() if c.template_id == "follow-up-uk")
    log.add_event(follow_up, "sent", "olena", channel="email", at=at(SENT + dt.timedelta(days=15)))

    s = state(log, SENT + dt.timedelta(days=20))

    assert not s.due
    assert s.followup_due_on == (SENT + dt.timedelta(days=15 + 14)).date()
    assert state(log, SENT + dt.timedelta(days=30)).due


def test_a_reply_to_an_earlier_letter_does_not_answer_a_later_one(log):
    """The official answered the appeal; the further-information letter sent a month later
    has had no answer: its follow-up falls due as any letter's."""
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="post", at=at(SENT))
    log.add_event(cid, "replied", "coordinator", "letter from the office", at=at(SENT + dt.timedelta(days=5)))
    log.record_drafts([letter(template_id="update-en", sha="e" * 64)], by="olena")
    update = next(c.id for c in log.contacts() if c.template_id == "update-en")
    log.add_event(update, "sent", "olena", channel="email", at=at(SENT + dt.timedelta(days=30)))

    s = state(log, SENT + dt.timedelta(days=45))

    assert s.due and s.status == "followup-due"
    assert s.followup_due_on == (SENT + dt.timedelta(days=30 + 14)).date()


def test_a_letter_sent_again_is_followed_up_from_its_latest_sending(log):
    """Revised and sent again ten days later: the period runs from the second sending."""
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="email", at=at(SENT))
    log.add_event(cid, "sent", "olena", channel="email", at=at(SENT + dt.timedelta(days=10)))

    s = state(log, SENT + dt.timedelta(days=20))

    assert not s.due and s.followup_due_on == (SENT + dt.timedelta(days=24)).date()


def test_an_interrupted_send_is_uncertain_and_not_due(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sending", "olena", channel="email", at=at(SENT))

    s = state(log, SENT + dt.timedelta(days=30))

    assert s.status == "uncertain"
    assert s.statuses == {"uncertain"}
    assert not s.due


def test_an_automatic_reply_is_noted_and_the_follow_up_stays_due(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="email", at=at(SENT))
    log.add_event(
        cid, "auto-reply", "inbox", "out of office until 17 June", at=at(SENT + dt.timedelta(days=1))
    )

    s = state(log, SENT + dt.timedelta(days=20))

    assert s.due and s.status == "followup-due" and s.latest.status == "sent"
    assert s.statuses == {"sent", "followup-due", "auto-reply"}
    assert s.bounce is None


def test_a_bounce_ends_the_wait_and_makes_the_address_doubtful_until_a_later_letter(log):
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="email", at=at(SENT))
    log.add_event(
        cid, "bounced", "inbox", "ua@example.org 5.1.1 user unknown", at=at(SENT + dt.timedelta(hours=1))
    )

    s = state(log, SENT + dt.timedelta(days=60))
    assert s.status == "bounced" and not s.due and s.followup_due_on is None
    assert s.bounce is not None and "5.1.1" in s.bounce.detail

    log.record_drafts([letter(template_id="follow-up-uk", sha="f" * 64)], by="olena")
    follow_up = next(c.id for c in log.contacts() if c.template_id == "follow-up-uk")
    log.add_event(follow_up, "sent", "olena", channel="email", at=at(SENT + dt.timedelta(days=2)))
    assert state(log, SENT + dt.timedelta(days=3)).bounce is None  # the new address took it


def test_doubtful_addresses_read_from_digests_are_those_the_whole_histories_give(log):
    """The Recipients tab reads every letter's digest and the events only of recipients with
    a bounced letter: the same marks as reading every history, for a bounce still standing,
    one a later letter took back, and recipients who never bounced."""
    from campaign_app.core.outreach.status import (
        doubtful_addresses,
        doubtful_addresses_read,
        with_bounced_letters,
    )

    log.record_drafts([letter("mep-2", "Second MEP"), letter("mep-3", "Third MEP")], by="olena")
    by_recipient = {c.recipient_id: c.id for c in log.contacts()}
    for rid in ("ua-president", "mep-2", "mep-3"):
        log.add_event(by_recipient[rid], "sent", "olena", channel="email", at=at(SENT))
    for rid in ("ua-president", "mep-2"):
        log.add_event(
            by_recipient[rid],
            "bounced",
            "inbox",
            f"{rid} 5.1.1 user unknown",
            at=at(SENT + dt.timedelta(hours=1)),
        )
    log.record_drafts([letter("mep-2", "Second MEP", template_id="follow-up-uk", sha="f" * 64)], by="olena")
    follow_up = next(c.id for c in log.contacts() if c.template_id == "follow-up-uk")
    log.add_event(follow_up, "sent", "olena", channel="email", at=at(SENT + dt.timedelta(days=2)))
    now = SENT + dt.timedelta(days=3)
    case = log.contacts()[0].case_id

    whole = doubtful_addresses(recipient_states(log, case, 14, now))
    read = doubtful_addresses_read(
        log, with_bounced_letters(recipient_states(log, case, 14, now, abridged=True))
    )
    assert read == whole
    assert set(read) == {"ua-president"} and "5.1.1" in read["ua-president"][1]
    assert read["ua-president"][0]  # the address it bounced from
