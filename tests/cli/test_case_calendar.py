"""`campaign-app case calendar FILE.ics`: coming events and follow-up dates, read back with
the icalendar library as a calendar program would; a second export keeps every UID, so
importing it updates the entries instead of duplicating them."""

from __future__ import annotations

import datetime as dt

import time_machine
from icalendar import Calendar
from log_helpers import history

HEARING = """\
  - id: appeal-hearing
    date: 2026-12-20
    kind: hearing
    text: {en: The Court of Appeal hears the extradition case., uk: Апеляційний суд розглядає справу.}
    sources: [court]
  - id: deadline-2027
    date: 2027-01
    kind: deadline
    text: {en: The Migration Service must decide on the renewed application., uk: Міграційна служба має ухвалити рішення.}
    sources: [brief]
"""


def at(day: str):
    return time_machine.travel(dt.datetime.fromisoformat(day + "T12:00:00+00:00"), tick=False)


def entries(path) -> dict[str, dict]:
    cal = Calendar.from_ical(path.read_bytes())
    return {
        str(e["uid"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
        }
        for e in cal.walk("VEVENT")
    }


def test_the_calendar_holds_coming_events_and_follow_ups_and_keeps_its_uids(mini_ws, cli, tmp_path):
    path = mini_ws.root / "cases" / "test-case.yaml"
    path.write_text(path.read_text().replace("facts:\n", HEARING + "facts:\n"))
    with at("2026-12-03"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))
        first = cli("case", "calendar", tmp_path / "case.ics", "-w", mini_ws.root)
    assert first.code == 0, first.err
    assert "Wrote 2 coming event(s) and 1 follow-up date(s)" in first.out
    found = entries(tmp_path / "case.ics")
    hearing = found["event.test-case.appeal-hearing@campaign-app"]
    assert hearing["start"] == dt.date(2026, 12, 20)
    assert hearing["end"] == dt.date(2026, 12, 21)  # a whole day (an end on its start day is no day at all)
    assert hearing["summary"] == "Hearing: Zhanara Akhmetova"
    assert "The Court of Appeal hears the extradition case." in hearing["description"]
    assert "http://reyestr.court.gov.ua/Review/1" in hearing["description"]
    deadline = found["event.test-case.deadline-2027@campaign-app"]
    assert deadline["start"] == dt.date(2027, 1, 1) and "known only to the month" in deadline["description"]
    follow_up = found["follow-up.test-case.mep-1@campaign-app"]
    assert follow_up["start"] == dt.date(2026, 12, 13)
    assert follow_up["summary"] == "Follow-up: Michal Šimečka"
    assert "Why: hearing on 2026-12-20." in follow_up["description"]
    assert not any("supreme-court" in uid for uid in found)  # past events stay out

    # Later the hearing is over and mep-2 has been written to: same UIDs, entries updated.
    with at("2026-12-22"):
        history(mini_ws.root, "mep-2", "appeal-en", ("drafted", 0), ("sent", 0))
        second = cli("case", "calendar", tmp_path / "case.ics", "-w", mini_ws.root)
    assert "Wrote 1 coming event(s) and 2 follow-up date(s)" in second.out
    again = entries(tmp_path / "case.ics")
    assert set(again) == (set(found) - {"event.test-case.appeal-hearing@campaign-app"}) | {
        "follow-up.test-case.mep-2@campaign-app"
    }
    assert again["follow-up.test-case.mep-1@campaign-app"]["start"] == dt.date(2026, 12, 16)
    assert again["follow-up.test-case.mep-2@campaign-app"]["start"] == dt.date(2026, 12, 25)
    assert "deadline in 2027-01" in again["follow-up.test-case.mep-2@campaign-app"]["description"]


def test_an_event_today_and_one_known_to_this_month_are_still_coming(mini_ws, cli, tmp_path):
    """The hearing is today, the deadline some day this month: both belong in the calendar
    (and in the follow-ups' reasons), not among the past events."""
    path = mini_ws.root / "cases" / "test-case.yaml"
    today = HEARING.replace("date: 2026-12-20", "date: 2026-12-09").replace("date: 2027-01", "date: 2026-12")
    path.write_text(path.read_text().replace("facts:\n", today + "facts:\n"))
    with at("2026-12-09"):
        result = cli("case", "calendar", tmp_path / "case.ics", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "Wrote 2 coming event(s)" in result.out
    found = entries(tmp_path / "case.ics")
    assert found["event.test-case.appeal-hearing@campaign-app"]["start"] == dt.date(2026, 12, 9)
    assert found["event.test-case.deadline-2027@campaign-app"]["start"] == dt.date(2026, 12, 1)


def test_an_export_into_a_missing_folder_is_one_error_and_writes_nothing(mini_ws, cli, tmp_path):
    result = cli("case", "calendar", tmp_path / "nowhere" / "case.ics", "-w", mini_ws.root)
    assert result.code == 1
    assert result.err.startswith("error:") and "Traceback" not in result.err
    assert not (tmp_path / "nowhere").exists()


def test_a_ukrainian_calendar_says_its_follow_ups_in_ukrainian(mini_ws, cli, tmp_path, monkeypatch):
    """'Why: немає відповіді…' and 'Recipient id:': the reason was Ukrainian, its frame English."""
    with at("2026-12-03"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))
        monkeypatch.setenv("LANGUAGE", "uk")
        result = cli("case", "calendar", tmp_path / "case.ics", "-w", mini_ws.root)
    assert result.code == 0, result.err
    follow_up = entries(tmp_path / "case.ics")["follow-up.test-case.mep-1@campaign-app"]
    assert follow_up["summary"] == "Повторне звернення: Michal Šimečka"
    assert follow_up["description"].startswith("Чому: немає відповіді 14 днів після листа від 2026-12-02.")
    assert "Why" not in follow_up["description"] and "Recipient id" not in follow_up["description"]
