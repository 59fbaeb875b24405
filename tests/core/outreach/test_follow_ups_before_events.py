"""Follow-ups tied to the case's own calendar: a coming hearing makes them due before it.

What a coordinator checks in `log status` (and the Outreach tab): the follow-up date moves
to `remind_days_before` the hearing when that comes before the usual period, the reason is
said ("hearing on 2026-12-20"), it is due from that day on and not before, and a letter
already written within the reminder's window is followed up the day before the hearing, not
a week after it (the more urgent the case, the later the reminder came).
"""

from __future__ import annotations

import datetime as dt

import time_machine
from log_helpers import history

CASE = "cases/test-case.yaml"
HEARING = """\
  - id: appeal-hearing
    date: {date}
    kind: hearing
    text: {{en: The Court of Appeal hears the extradition case., uk: Апеляційний суд розглядає справу.}}
    sources: [brief]
"""


def at(day: str):
    return time_machine.travel(dt.datetime.fromisoformat(day + "T12:00:00+00:00"), tick=False)


def add_hearing(mini_ws, date: str = "2026-12-20") -> None:
    path = mini_ws.root / CASE
    path.write_text(path.read_text().replace("facts:\n", HEARING.format(date=date) + "facts:\n"))


def row(out: str, rid: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(rid + " "))


def test_a_coming_hearing_makes_the_follow_up_due_a_week_before_it(mini_ws, cli):
    with at("2026-12-03"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))  # sent 2 Dec
        history(mini_ws.root, "mep-2", "appeal-en", ("drafted", 1), ("sent", 1), ("replied", 0))
    add_hearing(mini_ws)
    with at("2026-12-05"):
        before = cli("log", "status", "-w", mini_ws.root)
    assert before.code == 0, before.err
    assert before.out.splitlines()[0].split()[-2:] == ["DUE", "WHY"]
    line = row(before.out, "mep-1")
    assert " sent " in line and "2026-12-13" in line and line.endswith("hearing on 2026-12-20")
    assert "0 follow-up(s) due" in before.out
    assert "followup-due" not in row(before.out, "mep-2") and "hearing" not in row(before.out, "mep-2")
    with at("2026-12-13"):
        due = cli("log", "status", "-w", mini_ws.root)
        listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:followup-due")
    line = row(due.out, "mep-1")
    assert "followup-due" in line and "2026-12-13" in line and line.endswith("hearing on 2026-12-20")
    assert "1 follow-up(s) due" in due.out
    assert "Šimečka" in listed.out and "Juknevičienė" not in listed.out


def test_without_a_coming_event_the_period_says_why(mini_ws, cli):
    with at("2026-12-03"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))
    add_hearing(mini_ws, "2027-02-01")  # its reminder (25 January) comes after the period
    with at("2026-12-17"):
        result = cli("log", "status", "-w", mini_ws.root)
    line = row(result.out, "mep-1")
    assert "followup-due" in line and "2026-12-16" in line
    assert line.endswith("no reply 14 days after the letter of 2026-12-02")
    with at("2027-01-26"):  # the hearing's reminder day has come: it says so
        later = cli("log", "status", "-w", mini_ws.root)
    assert row(later.out, "mep-1").endswith("hearing on 2027-02-01")
    with at("2027-02-02"):  # the hearing is past: only the period is left
        past = cli("log", "status", "-w", mini_ws.root)
    assert row(past.out, "mep-1").endswith("no reply 14 days after the letter of 2026-12-02")


def test_a_letter_sent_within_the_window_is_followed_up_before_the_hearing_and_the_gap_is_a_setting(
    mini_ws, cli
):
    add_hearing(mini_ws)
    with at("2026-12-16"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))  # sent 15 Dec
        result = cli("log", "status", "-w", mini_ws.root)
    line = row(result.out, "mep-1")
    # not 2026-12-29 (the period's end, after the hearing): the day before the hearing
    assert "2026-12-19" in line and line.endswith("hearing on 2026-12-20") and "2026-12-29" not in line
    campaign = mini_ws.root / "campaign.yaml"
    campaign.write_text(campaign.read_text() + "remind_days_before: 3\n")
    with at("2026-12-16"):
        closer = cli("log", "status", "-w", mini_ws.root)
    line = row(closer.out, "mep-1")
    assert "2026-12-17" in line and line.endswith("hearing on 2026-12-20")


def test_a_hearing_on_the_day_the_letter_went_does_not_bring_its_follow_up_forward(mini_ws, cli):
    """Written to on the hearing's own day: no reminder "before the hearing" the day after
    it; the usual period applies."""
    add_hearing(mini_ws)
    with at("2026-12-20"):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 0), ("sent", 0))  # sent 20 Dec
        result = cli("log", "status", "-w", mini_ws.root)
    line = row(result.out, "mep-1")
    assert "2027-01-03" in line and line.endswith("no reply 14 days after the letter of 2026-12-20")
