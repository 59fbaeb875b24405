"""People leave office: a directory entry says until when it held the office it names, and
`check` warns about letters still written to them in it (the entry, its line, the date)."""

from __future__ import annotations

import datetime as dt

import time_machine


def date_office(mini_ws, until: str) -> None:
    path = mini_ws.root / "recipients" / "people.csv"
    lines = path.read_text().splitlines()
    lines[0] += ",in_office_until"
    lines[1] += f",{until}"  # mep-1
    lines[2] += ","
    lines[3] += ","
    path.write_text("\n".join(lines) + "\n")


def former(out: str) -> list[str]:
    return [line for line in out.splitlines() if "in_office_until" in line]


def test_a_letter_to_someone_who_has_left_office_is_warned_about_from_the_next_day(mini_ws, cli):
    date_office(mini_ws, "2026-12-20")
    with time_machine.travel(dt.datetime(2026, 12, 20, 12, tzinfo=dt.UTC), tick=False):
        assert former(cli("check", "-w", mini_ws.root).out) == []  # still in office that day
    with time_machine.travel(dt.datetime(2026, 12, 21, 12, tzinfo=dt.UTC), tick=False):
        result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert former(result.out) == [
        "warning: mep-1 (Michal Šimečka, ws/recipients/people.csv:2) held the office 'Member of the European "
        "Parliament' only until 2026-12-20 (in_office_until), yet 1 template(s) still write to them in it: "
        "appeal-en — leave them out of the audience (-id:mep-1) or update the entry to their current office"
    ]
    narrowed = cli("recipients", "list", "-w", mini_ws.root, "--query", "category:mep -id:mep-1")
    assert "Šimečka" not in narrowed.out and "Juknevičienė" in narrowed.out


def test_a_date_that_is_not_a_date_is_an_error_at_its_cell(mini_ws, cli):
    date_office(mini_ws, "until 2026")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert "ws/recipients/people.csv:2:" in result.err
    assert "in_office_until 'until 2026' is not a date — write it as YYYY-MM-DD" in result.err


def test_the_example_dates_the_former_mep_it_still_writes_to(tmp_path, cli):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    result = cli("check", "-w", ws)
    assert result.code == 0, result.err
    (line,) = [x for x in former(result.out) if "mep-103746" in x]
    assert "Michal Šimečka, example/recipients/meps.csv:30" in line and "only until 2023-10-24" in line
    assert "mep-appeal-en" in line


def test_generate_and_a_dry_run_of_send_say_it_of_the_letters_they_write(mini_ws, cli, tmp_path):
    """check's warning is not the only one: the letters are written, and sent, with it."""
    date_office(mini_ws, "2026-12-20")
    with time_machine.travel(dt.datetime(2026, 12, 21, 12, tzinfo=dt.UTC), tick=False):
        generated = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "--out", tmp_path / "out")
        again = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "--out", tmp_path / "out")
        sent = cli("send", "-w", mini_ws.root, "-t", "appeal-en", "--dry-run", "--out", tmp_path / "out")
    assert generated.code == 0, generated.err
    (line,) = former(generated.err)
    assert line.startswith("warning: mep-1 (Michal Šimečka") and "only until 2026-12-20" in line
    assert former(again.err) == []  # nothing written to them this time: nothing to say
    assert sent.code == 0, sent.err
    assert [x.startswith("warning: mep-1 (Michal Šimečka") for x in former(sent.err)] == [True]
