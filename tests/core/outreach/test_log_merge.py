"""``log merge OTHER``: a volunteer's log folds in once, whatever is merged again.

The coordinator merges volunteers' logs repeatedly, as a database or as an export; the
second merge must add nothing, the coordinator's own history must stay as it was, and the
volunteer's file must not be changed in any way (not even upgraded).
"""

from __future__ import annotations

import sqlite3

import pytest
from log_helpers import letter, make_v1_log, sha256

from campaign_app.core.common.errors import UserError
from campaign_app.core.outreach.export import export_log
from campaign_app.core.outreach.log import ContactLog
from campaign_app.core.outreach.merge import MergeReport, merge_log


@pytest.fixture
def coordinator(tmp_path):
    (tmp_path / "coordinator").mkdir()
    with ContactLog.open(tmp_path / "coordinator" / "campaign.db") as log:
        log.record_drafts([letter()], by="coordinator")
        log.add_event(log.contacts()[0].id, "sent", "coordinator", channel="post")
        yield log


@pytest.fixture
def volunteer(tmp_path):
    """Olena's log: the same letter to the president (same file) with a reply she recorded,
    and two letters to MEPs, one sent by e-mail."""
    (tmp_path / "olena").mkdir()
    path = tmp_path / "olena" / "campaign.db"
    with ContactLog.open(path) as log:
        log.record_drafts(
            [
                letter(),
                letter("mep-1", "Michal Šimečka", "mep", "appeal-en", "d" * 64, channel="email"),
                letter("mep-2", "Rasa Juknevičienė", "mep", "appeal-en", "e" * 64, channel="email"),
            ],
            by="olena",
        )
        by_id = {c.recipient_id: c.id for c in log.contacts()}
        log.add_event(by_id["mep-1"], "sending", "olena", channel="email")
        log.add_event(by_id["mep-1"], "sent", "olena", channel="email")
        log.mark("ua-president", "replied", by="olena", note="Відповідь з Офісу Президента")
    return path


def history(log: ContactLog) -> list[tuple]:
    return [(e.id, e.contact_id, e.kind, e.at, e.by, e.detail, e.channel) for e in log.events()]


def test_merging_a_volunteers_log_twice_adds_nothing_the_second_time(coordinator, volunteer):
    ours_before = history(coordinator)

    first = merge_log(coordinator, volunteer)

    assert (first.contacts_added, first.events_added) == (2, 6)
    assert (first.contacts_seen, first.events_seen) == (3, 6)
    assert first.conflicts == []
    after_first = history(coordinator)
    assert set(ours_before) <= set(after_first)  # ours are kept as they were
    assert {c.recipient_id for c in coordinator.contacts()} == {"ua-president", "mep-1", "mep-2"}

    second = merge_log(coordinator, volunteer)

    assert (second.contacts_added, second.events_added) == (0, 0)
    assert history(coordinator) == after_first
    assert second.lines()[0].startswith("Nothing new in")


def test_merge_leaves_the_volunteers_file_byte_identical(coordinator, volunteer):
    folder = volunteer.parent
    before = {p.name: sha256(p) for p in folder.iterdir()}

    merge_log(coordinator, volunteer)

    assert {p.name: sha256(p) for p in folder.iterdir()} == before


def test_merging_the_export_then_the_database_adds_nothing_the_second_time(coordinator, volunteer, tmp_path):
    with ContactLog.open(volunteer) as log:
        export_log(log, tmp_path / "olena.csv")

    from_csv = merge_log(coordinator, tmp_path / "olena.csv")
    merged = history(coordinator)
    from_db = merge_log(coordinator, volunteer)

    assert (from_csv.contacts_added, from_csv.events_added) == (2, 6)
    assert (from_db.contacts_added, from_db.events_added) == (0, 0)
    assert history(coordinator) == merged


def test_a_folder_holding_a_campaign_db_can_be_merged(coordinator, volunteer):
    assert merge_log(coordinator, volunteer.parent).contacts_added == 2


def test_the_same_letter_with_a_different_file_keeps_ours_and_is_reported(coordinator, tmp_path):
    other = tmp_path / "taras.db"
    with ContactLog.open(other) as log:
        log.record_drafts([letter(sha="9" * 64)], by="taras")

    report = merge_log(coordinator, other)

    assert coordinator.contacts()[0].letter_sha256 == "a" * 64
    (conflict,) = report.conflicts
    assert "Володимир Зеленський" in conflict and "different letter file" in conflict
    assert "this log's letter was kept" in conflict
    assert report.events_added == 1  # taras's "drafted": it happened
    assert any(line.startswith("conflict: ") for line in report.lines())

    again = merge_log(coordinator, other)  # the coordinator merges the same file once more

    assert again.events_added == 0
    (still,) = again.conflicts  # the files still differ: said again, but nothing was added
    assert "different letter file" in still and "its history was merged before" in still
    assert "its history added" not in still


def test_a_volunteers_log_edited_by_hand_merges_only_what_holds(coordinator, volunteer):
    """A letter record whose recipient was changed by hand (its id is another official's)
    would mark the wrong official as written to; an event of a kind this program never
    writes would be history no one can read. Both are left out, and the report says so."""
    with sqlite3.connect(volunteer) as db:
        db.execute(
            "UPDATE contacts SET recipient_id = 'mep-9', recipient_name = 'Anna Nowak' WHERE recipient_id = 'mep-2'"
        )
        (mep_1,) = db.execute("SELECT id FROM contacts WHERE recipient_id = 'mep-1'").fetchone()
        db.execute(
            "INSERT INTO events (id, contact_id, kind, at, \"by\") VALUES ('e-x', ?, 'erased', "
            "'2024-06-05T10:00:00+00:00', 'olena')",
            (mep_1,),
        )
    db.close()

    report = merge_log(coordinator, volunteer)

    assert {c.recipient_id for c in coordinator.contacts()} == {"ua-president", "mep-1"}
    assert "erased" not in {e.kind for e in coordinator.events()}
    assert "sent" in {e.kind for e in coordinator.events(mep_1)}  # the rest of mep-1's history came
    edited, stray = report.conflicts
    assert "Anna Nowak" in edited and "does not match its recipient, case and template" in edited
    assert "skipped" in edited
    assert stray.startswith("2 events in ") and "unknown kind" in stray  # mep-2's and the stray one


def test_a_version_1_volunteer_log_merges_and_is_not_upgraded(coordinator, tmp_path):
    old = tmp_path / "old" / "campaign.db"
    old.parent.mkdir()
    make_v1_log(old)
    before = sha256(old)

    report = merge_log(coordinator, old)

    assert (report.contacts_added, report.events_added) == (0, 2)  # the letter is already here
    assert {e.id for e in coordinator.events()} >= {"old-1", "old-2"}
    assert sha256(old) == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["campaign.db"]  # no backup, no -wal
    conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()


def test_merging_the_log_into_itself_is_refused(coordinator):
    with pytest.raises(UserError, match="own contact log"):
        merge_log(coordinator, coordinator.path)


def test_a_file_that_is_neither_is_refused(coordinator, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a log", encoding="utf-8")
    with pytest.raises(UserError, match=r"notes.txt is neither a campaign.db nor a log export \(.csv\)"):
        merge_log(coordinator, notes)


def test_another_sqlite_database_is_not_a_contact_log(coordinator, tmp_path):
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (name)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="not a contact log"):
        merge_log(coordinator, other)


def test_a_missing_file(coordinator, tmp_path):
    with pytest.raises(UserError, match=r"missing\.db does not exist"):
        merge_log(coordinator, tmp_path / "missing.db")


def test_a_failed_merge_changes_nothing(coordinator, volunteer, tmp_path):
    with ContactLog.open(volunteer) as log:
        export_log(log, tmp_path / "olena.csv")
    text = (tmp_path / "olena.csv").read_bytes().decode("utf-8")
    assert text.count(",replied,") == 1
    (tmp_path / "olena.csv").write_bytes(text.replace(",replied,", ",unknown,").encode("utf-8"))
    before = history(coordinator)

    with pytest.raises(UserError, match="event_kind 'unknown'"):
        merge_log(coordinator, tmp_path / "olena.csv")

    assert history(coordinator) == before


def test_report_lines():
    report = MergeReport(2, 6, 3, 6, [], "olena/campaign.db")
    assert report.lines() == [
        "Merged olena/campaign.db: 2 new letters, 6 new events (it holds 3 letters and 6 events)."
    ]
    assert MergeReport(0, 0, 1, 1, ["x"], "a.csv").lines() == [
        "Nothing new in a.csv: its 1 letter and 1 event were already in the log.",
        "conflict: x",
    ]


def test_a_log_still_open_in_the_volunteers_app_merges_with_its_latest_changes(coordinator, tmp_path):
    """Changes not yet checkpointed sit in campaign.db-wal: the merge reads them too."""
    (tmp_path / "open").mkdir()
    with ContactLog.open(tmp_path / "open" / "campaign.db") as log:
        log.record_drafts([letter("mep-1", "Michal Šimečka", "mep", "appeal-en", "d" * 64)], by="olena")
        assert (tmp_path / "open" / "campaign.db-wal").exists()
        before = {p.name: sha256(p) for p in (tmp_path / "open").iterdir()}

        report = merge_log(coordinator, log.path)

        assert (report.contacts_added, report.events_added) == (1, 1)
        assert {p.name: sha256(p) for p in (tmp_path / "open").iterdir()} == before
