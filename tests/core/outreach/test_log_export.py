"""``log export FILE.csv``: the log opens safely in a spreadsheet and reads back whole.

Names and notes in the log come from strangers' lists and volunteers' typing; a cell
like ``=HYPERLINK(…)`` must reach the spreadsheet as text, and reading the file back
(for a merge) must give exactly what the log holds.
"""

from __future__ import annotations

import csv
import io

import pytest
from log_helpers import letter

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.formulas import runs_as_formula
from campaign_app.core.outreach.export import COLUMNS, export_log, read_export
from campaign_app.core.outreach.log import Contact, ContactLog, contact_id

HOSTILE_NAME = '=HYPERLINK("http://evil.example","x")'


def read_rows(path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


@pytest.fixture
def log(tmp_path):
    with ContactLog.open(tmp_path / "campaign.db") as opened:
        opened.record_drafts(
            [
                letter(),
                letter("mep-1", "Michal Šimečka", "mep", "appeal-en", "d" * 64),
                letter("evil-1", HOSTILE_NAME, "-2+A1", "appeal-en", "e" * 64),
            ],
            by="olena",
        )
        yield opened


def test_hostile_cells_are_neutralised(log, tmp_path):
    evil = next(c.id for c in log.contacts() if c.recipient_id == "evil-1")
    log.add_event(evil, "note", "@SUM(1)", "+1 call")
    target = tmp_path / "log.csv"

    assert export_log(log, target) == 4

    rows = [r for r in read_rows(target) if r["recipient_id"] == "evil-1"]
    assert [r["event_kind"] for r in rows] == ["drafted", "note"]
    for row in rows:
        assert row["recipient_name"] == "'" + HOSTILE_NAME
        assert row["category"] == "'-2+A1"
    assert rows[1]["event_detail"] == "'+1 call"
    assert rows[1]["event_by"] == "'@SUM(1)"
    for row in read_rows(target):
        for column, cell in row.items():
            assert not runs_as_formula(cell), (column, cell)


def test_the_export_has_one_row_per_event_with_the_letters_status(log, tmp_path):
    president = next(c.id for c in log.contacts() if c.recipient_id == "ua-president")
    log.add_event(president, "sent", "olena", "by registered post", channel="post")
    log.add_event(president, "replied", "coordinator", "Відповідь надійшла")
    target = tmp_path / "log.csv"

    export_log(log, target)

    text = target.read_bytes().decode("utf-8")
    assert text.splitlines()[0] == "\ufeff" + ",".join(COLUMNS)
    rows = [r for r in read_rows(target) if r["recipient_id"] == "ua-president"]
    assert [(r["event_kind"], r["event_channel"], r["status_now"]) for r in rows] == [
        ("drafted", "post", "replied"),
        ("sent", "post", "replied"),
        ("replied", "", "replied"),
    ]
    assert rows[0]["recipient_name"] == "Володимир Зеленський"
    assert rows[2]["event_detail"] == "Відповідь надійшла"
    assert rows[0]["address"] == "вул. Банкова, 11\nм. Київ"


def test_a_letter_without_events_still_has_a_row(tmp_path):
    contact = Contact(
        contact_id("mep-1", "test-case", "appeal-en"),
        "mep-1",
        "Michal Šimečka",
        "mep",
        "test-case",
        "appeal-en",
        "en",
        "email",
        "michal.simecka@europarl.europa.eu",
        "out/mep-1.pdf",
        "d" * 64,
        "2025-03-01T10:00:00.000000+00:00",
    )
    with ContactLog.open(tmp_path / "campaign.db") as log:
        log.import_rows([contact], [])  # a letter whose history has not been merged in (yet)
        assert export_log(log, tmp_path / "log.csv", case_id="test-case") == 1
    (row,) = read_rows(tmp_path / "log.csv")
    assert row["contact_id"] == contact.id
    assert row["event_id"] == row["event_kind"] == row["event_at"] == ""
    assert row["status_now"] == "drafted"
    assert read_export(tmp_path / "log.csv") == ([contact], [])


def test_export_of_one_case(log, tmp_path):
    log.record_drafts(
        [letter("mep-2", "Rasa Juknevičienė", "mep", "appeal-en", case_id="other-case")], by="x"
    )
    assert export_log(log, tmp_path / "all.csv") == 4
    assert export_log(log, tmp_path / "case.csv", case_id="test-case") == 3
    assert {r["case_id"] for r in read_rows(tmp_path / "case.csv")} == {"test-case"}


def test_export_read_back_and_merged_into_an_empty_log_is_the_same_log(log, tmp_path):
    president = next(c.id for c in log.contacts() if c.recipient_id == "ua-president")
    log.add_event(president, "sent", "olena", "-2 pages", channel="post")
    log.add_event(president, "note", "coordinator", "'quoted' and =not a formula\nsecond line")
    export_log(log, tmp_path / "log.csv")

    contacts, events = read_export(tmp_path / "log.csv")
    assert contacts == log.contacts()
    assert sorted(events, key=lambda e: e.id) == sorted(log.events(), key=lambda e: e.id)

    with ContactLog.open(tmp_path / "fresh.db") as fresh:
        assert fresh.import_rows(contacts, events) == (3, 5)
        assert fresh.contacts() == log.contacts()
        assert fresh.events() == log.events()


def test_the_target_must_be_csv(log, tmp_path):
    with pytest.raises(UserError) as info:
        export_log(log, tmp_path / "log.xlsx")
    assert "log.xlsx" in info.value.message
    assert info.value.hint == "end the file name in .csv"
    assert not (tmp_path / "log.xlsx").exists()


def _write(path, text: str) -> None:
    path.write_bytes(("\ufeff" + text).encode("utf-8"))


def test_reading_a_file_with_missing_columns_names_them(tmp_path):
    path = tmp_path / "log.csv"
    _write(path, "contact_id,recipient_id,recipient_name\r\nx,y,z\r\n")
    with pytest.raises(UserError) as info:
        read_export(path)
    assert "missing columns" in info.value.message
    assert "event_kind" in info.value.message and "case_id" in info.value.message
    assert info.value.where.line == 1


def test_reading_a_bad_event_kind_names_the_row(log, tmp_path):
    path = tmp_path / "log.csv"
    export_log(log, path)
    text = path.read_bytes().decode("utf-8-sig").replace(",drafted,", ",foo,", 1)
    _write(path, text)

    with pytest.raises(UserError) as info:
        read_export(path)

    assert info.value.message.startswith("row 2: event_kind 'foo' is not one of drafted, sending")
    assert str(info.value.where) == f"{path}:2:{COLUMNS.index('event_kind') + 1}"


def test_reading_an_edited_contact_id_is_refused(log, tmp_path):
    path = tmp_path / "log.csv"
    export_log(log, path)
    rows = read_rows(path)
    rows[1]["recipient_id"] = "someone-else"
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    _write(path, buf.getvalue())

    with pytest.raises(UserError, match=r"row 3: contact_id .* does not belong to recipient 'someone-else'"):
        read_export(path)


def test_reading_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "log.csv"
    path.write_bytes("contact_id;Имя\n".encode("cp1251"))
    with pytest.raises(UserError, match="not UTF-8"):
        read_export(path)
