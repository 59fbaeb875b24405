"""A batch's drafts are recorded with a statement per kind of row, not three per letter; the
log then holds the same rows as when each letter is recorded on its own (the plain path)."""

from __future__ import annotations

import pytest
from log_helpers import letter
from sqlalchemy import event
from team_helpers import connect, make_team

from campaign_app.core.outreach.log import ContactLog


@pytest.fixture(params=["sqlite", "postgresql"])
def open_log(request, tmp_path):
    """The log as a member sees it: campaign.db, or the team's database as anna."""
    if request.param == "sqlite":
        return lambda: ContactLog.open(tmp_path / "campaign.db")
    db = request.getfixturevalue("pg_database")
    make_team(db)
    return lambda: connect(db, "anna")


def one_by_one(log: ContactLog, letters, by: str) -> int:
    """The plain path: each letter recorded on its own, as before."""
    with log.transaction("updated") as conn:
        return sum(log._record_draft(conn, one, by)[1] for one in letters)


def what_the_log_says(log: ContactLog, case_id: str) -> list:
    """A case's letters and their events, without their ids (derived from the case) and times."""
    return sorted(
        (
            (c.recipient_id, c.template_id, c.recipient_name, c.channel, c.address, c.letter_sha256),
            [(e.kind, e.by, e.detail, e.channel, e.letter_path, e.letter_sha256) for e in log.events(c.id)],
        )
        for c in log.contacts(case_id)
    )


def groups(case_id: str) -> list[list]:
    return [
        [letter(f"r{i}", sha="a" * 64, case_id=case_id) for i in range(6)],
        [
            letter("r0", sha="a" * 64, case_id=case_id),  # the same file again: nothing
            letter("r1", sha="b" * 64, case_id=case_id),  # a changed draft
            letter("r7", sha="a" * 64, case_id=case_id),  # new
            letter("r8", sha="a" * 64, case_id=case_id),  # new, and again in the group, changed
            letter("r8", sha="c" * 64, case_id=case_id),
            letter("r2", sha="a" * 64, case_id=case_id, template_id="appeal-en"),  # another letter
        ],
    ]


def test_a_group_of_drafts_gives_the_same_log_as_one_letter_at_a_time(open_log):
    with open_log() as log:
        plain = [one_by_one(log, group, "olena") for group in groups("plain")]
        grouped = [log.record_drafts(group, "olena") for group in groups("grouped")]
        assert what_the_log_says(log, "grouped") == what_the_log_says(log, "plain")
        assert len(what_the_log_says(log, "plain")) == 9
    assert grouped == plain == [6, 5]


def test_a_thousand_new_drafts_take_a_few_statements(tmp_path):
    """Three statements a letter were a millisecond of each letter in a batch."""
    with ContactLog.open(tmp_path / "campaign.db") as log:
        statements: list[str] = []
        event.listen(log._engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert log.record_drafts([letter(f"r{i}") for i in range(1000)], "olena") == 1000
        assert len(log.contacts()) == 1000
    assert len(statements) <= 40, statements[:12]
