"""What "printed" means to a letter's status (core/outreach/records.py's rules)."""

from __future__ import annotations

from campaign_app.core.outreach.records import Event, read_history


def events(*kinds: str) -> list[Event]:
    return [
        Event(str(i), "c", kind, f"2026-01-01T00:00:0{i}", "me", "", "post") for i, kind in enumerate(kinds)
    ]


def test_printed_is_its_own_status_until_posted():
    assert read_history(events("drafted", "printed")).status == "printed"
    assert not read_history(events("drafted", "printed")).went_out
    assert read_history(events("drafted", "printed", "sent")).status == "sent"


def test_a_new_draft_does_not_unprint():
    assert read_history(events("drafted", "printed", "drafted")).status == "printed"


def test_printing_a_sent_letter_leaves_it_sent():
    history = read_history(events("drafted", "sent", "printed"))
    assert history.status == "sent" and history.went_out
    assert read_history(events("drafted", "sent", "replied", "printed")).status == "replied"
