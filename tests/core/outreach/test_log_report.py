"""``log report FILE.pdf``: one page a coordinator can print, whatever the campaign's size."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from log_helpers import letter
from pypdf import PdfReader

from campaign_app.core.campaign.report import campaign_report, write_campaign_report
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.outreach.report import DUE_QUERY

LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=20)  # past the 14 follow-up days


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def ws(mini_ws) -> Workspace:
    """The mini campaign with a log: the president (Cyrillic) and Šimečka are due a follow-up,
    Juknevičienė replied, the minister's sending was interrupted, the rapporteur's letter
    is a draft."""
    workspace = Workspace(mini_ws.root)
    with workspace.open_log() as log:
        log.record_drafts(
            [
                letter(),
                letter("ua-minister", "Міністр юстиції України", "national_official", sha="1" * 64),
                letter("mep-1", "Michal Šimečka", "mep", "appeal-en", "2" * 64, channel="email"),
                letter("mep-2", "Rasa Juknevičienė", "mep", "appeal-en", "3" * 64, channel="email"),
                letter(
                    "sr-1", "Special Rapporteur on torture", "un_special_procedure", "appeal-en", "4" * 64
                ),
            ],
            by="olena",
        )
        ids = {c.recipient_id: c.id for c in log.contacts()}
        log.mark("ua-president", "sent", by="olena", channel="post")
        log.add_event(ids["mep-1"], "sent", "olena", channel="email")
        log.add_event(ids["mep-2"], "sent", "olena", channel="email")
        log.mark("mep-2", "replied", by="olena", note="She will raise it in DROI")
        log.add_event(ids["ua-minister"], "sending", "olena", channel="email")
    return workspace


def test_report_data_counts_letters_by_status_and_lists_who_is_due(ws):
    data = campaign_report(ws, LATER)

    assert data.campaign_name == "Test campaign"
    assert dict(data.totals()) == {
        "letters": 5,
        "recipients": 5,
        "letters sent": 3,
        "recipients replied": 1,
        "follow-ups due": 2,
        "uncertain sends": 1,
    }
    assert {c: {s: n for s, n in counts.items() if n} for c, counts in data.by_category.items()} == {
        "national_official": {"sent": 1, "uncertain": 1},
        "mep": {"sent": 1, "replied": 1},
        "un_special_procedure": {"drafted": 1},
    }
    assert {f.name for f in data.due} == {"Michal Šimečka", "Володимир Зеленський"}
    due = next(f for f in data.due if f.recipient_id == "ua-president")
    assert due.category == "national_official"
    assert due.due_since == due.sent_on + dt.timedelta(days=14)


def test_nothing_is_due_before_the_follow_up_period(ws):
    data = campaign_report(ws, dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    assert data.followups_due == 0 and data.due == []


def test_the_report_is_one_page_with_chart_and_follow_ups(ws, tmp_path):
    target = tmp_path / "report.pdf"

    write_campaign_report(ws, target, now=LATER)

    pages, text = pdf_text(target)
    assert pages == 1
    assert "Contact log — Test campaign" in text
    for category in ("national_official", "mep", "un_special_procedure"):
        assert category in text
    for status in ("drafted (1)", "uncertain (1)", "sent (2)", "replied (1)"):
        assert status in text
    assert "Follow-ups due (2)" in text
    assert "Володимир Зеленський" in text and "Michal Šimečka" in text
    assert "Rasa Juknevičienė" not in text  # she replied
    assert "more (see" not in text
    assert not list(tmp_path.glob(".*.part"))


def test_with_300_recipients_due_the_report_stays_one_page(mini_ws, tmp_path):
    ws = Workspace(mini_ws.root)
    categories = ["mep", "national_official", "ngo", "embassy"]
    with ws.open_log() as log:
        log.record_drafts(
            [
                letter(f"r{i:03}", f"Адресат Номер {i:03}", categories[i % 4], "appeal-uk", f"{i:064x}")
                for i in range(300)
            ],
            by="olena",
        )
        for contact in log.contacts():
            log.add_event(contact.id, "sent", "olena", channel="email")
    target = tmp_path / "report.pdf"

    write_campaign_report(ws, target, now=LATER)

    pages, text = pdf_text(target)
    assert pages == 1
    assert "Follow-ups due (300)" in text
    listed = re.findall(r"Адресат Номер \d{3}", text)
    assert 15 <= len(listed) < 300
    assert listed[0] == "Адресат Номер 000"
    more = re.search(r"… and (\d+) more \(see (.*?)\)", text)
    assert more is not None, text[-300:]
    assert len(listed) + int(more.group(1)) == 300
    assert more.group(2) == DUE_QUERY


def test_many_categories_are_grouped_so_the_chart_fits(mini_ws, tmp_path):
    ws = Workspace(mini_ws.root)
    with ws.open_log() as log:
        log.record_drafts(
            [letter(f"r{i}", f"Name {i}", f"category-{i:02}", "appeal-en", f"{i:064x}") for i in range(30)],
            by="olena",
        )
    target = tmp_path / "report.pdf"

    write_campaign_report(ws, target, now=LATER)

    pages, text = pdf_text(target)
    assert pages == 1
    assert "19 other categories" in text
    assert "No follow-ups are due." in text


def test_a_campaign_without_a_log_gets_an_empty_report(mini_ws, tmp_path):
    ws = Workspace(mini_ws.root)
    target = tmp_path / "report.pdf"

    write_campaign_report(ws, target, now=LATER)

    pages, text = pdf_text(target)
    assert pages == 1
    assert "No letters in the contact log for this case yet." in text
    assert not ws.log_path.exists()  # a report does not create a log


def test_the_target_must_be_a_pdf(ws, tmp_path):
    with pytest.raises(UserError) as info:
        write_campaign_report(ws, tmp_path / "report.png", now=LATER)
    assert info.value.hint == "end the file name in .pdf"
    assert not (tmp_path / "report.png").exists()


def test_the_report_charts_each_members_letters_replied_awaiting_failed_and_drafts(ws, tmp_path):
    """olena sent three letters (one answered) and has a draft waiting; Тарас sent one, and
    Петро only drafted one: every member who has letters gets a bar, the most first."""
    with ws.open_log() as log:
        log.record_drafts(
            [letter("mep-3", "Ян Новак", "mep", "appeal-en", "5" * 64, channel="email")], "Тарас"
        )
        (novak,) = [c.id for c in log.contacts() if c.recipient_id == "mep-3"]
        log.add_event(novak, "sent", "Тарас", channel="email")
        log.record_drafts(
            [letter("mep-4", "Anna Nowak", "mep", "appeal-en", "6" * 64, channel="email")], "Петро"
        )
    target = tmp_path / "report.pdf"

    write_campaign_report(ws, target, now=LATER)

    pages, text = pdf_text(target)
    assert pages == 1
    chart = " ".join(text.split("Letters per member", 1)[1].split("Follow-ups due", 1)[0].split())
    assert sorted(chart.split()[:3]) == ["olena", "Петро", "Тарас"]  # the bars' labels
    # At each bar's end, in the bars' order: olena's four letters, then Петро's and Тарас's one.
    assert "3 sent 0 sent 1 sent" in chart
    # The legend: the parts of the bars, with their counts.
    assert "replied (1) sent, awaiting a reply (3) failed (0) drafts waiting (2)" in chart
    data = campaign_report(ws, LATER)
    assert {m.by: m.sent for m in data.members if m.sent} == {"olena": 3, "Тарас": 1}
    olena = next(m for m in data.members if m.by == "olena")
    assert (olena.sent, olena.replied, olena.failed, olena.drafts) == (3, 1, 0, 1)
