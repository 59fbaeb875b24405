"""``log status`` shows the coordinator the whole team: per member, letters sent, replied,
failed and drafted, their last activity, and who is sending right now, on a team's log
(real PostgreSQL, "by" set by the server) and on a solo or merged campaign.db."""

from __future__ import annotations

from log_helpers import letter
from team_helpers import connect, join_team, make_team, record_send

from campaign_app.core.outreach.log import ContactLog


def _summary(out: str) -> dict[str, list[str]]:
    """The 'Who did what' table's rows by member (cells split on runs of two spaces)."""
    import re

    lines = out.split("Who did what:\n", 1)[1].splitlines()
    return {cells[0]: cells for line in lines[1:] if (cells := re.split(r"\s{2,}", line.strip()))}


def test_log_status_on_a_teams_log_sums_up_each_member_and_who_is_sending_now(mini_ws, cli, pg_database):
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    with connect(pg_database, "anna") as anna:
        record_send(anna, "mep-1", "Michal Šimečka", "anna")
        record_send(anna, "mep-2", "Rasa Juknevičienė", "anna")
        anna.mark("mep-2", "replied", "anna", note="thanks")
    with connect(pg_database, "boris") as boris:
        record_send(boris, "sr-1", "Special Rapporteur", "boris", then="failed")
        boris.record_drafts([letter("mep-3", "Ян Новак", "mep", "appeal-en")], "boris")
        record_send(boris, "mep-4", "Petra Svoboda", "boris", then="")  # this program is sending it

    result = cli("log", "status", "-w", mini_ws.root)

    assert result.code == 0, result.err
    members = _summary(result.out)
    assert set(members) == {"anna", "boris"}
    assert members["anna"][1:5] == ["2", "1", "0", "0"]  # sent, replied, failed, drafts
    assert members["boris"][1:5] == ["0", "0", "1", "1"]
    assert "1: Petra Svoboda" in members["boris"][-1]  # sending right now
    assert all(len(m[5]) == 16 and m[5][:2] == "20" for m in members.values())  # last activity, UTC


def test_log_status_on_a_merged_campaign_db_sums_up_by_the_names_recorded(mini_ws, cli):
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        record_send(log, "mep-1", "Michal Šimečka", "Olena K.")
        record_send(log, "mep-2", "Rasa Juknevičienė", "Taras")
        log.mark("mep-1", "replied", "Taras", note="by phone")

    result = cli("log", "status", "-w", mini_ws.root)

    assert result.code == 0, result.err
    members = _summary(result.out)
    assert members["Olena K."][1:5] == ["1", "1", "0", "0"]  # her letter was answered
    assert members["Taras"][1:5] == ["1", "0", "0", "0"]
    assert "SENDING NOW" in result.out


def test_log_status_with_a_query_sums_up_only_the_work_with_the_recipients_it_shows(mini_ws, cli):
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        record_send(log, "mep-1", "Michal Šimečka", "Olena K.")
        record_send(log, "mep-2", "Rasa Juknevičienė", "Olena K.", then="failed")
        record_send(log, "sr-1", "Special Rapporteur", "Taras")

    everyone = cli("log", "status", "-w", mini_ws.root)
    meps = cli("log", "status", "-w", mini_ws.root, "--query", "category:mep")

    assert everyone.code == 0 and meps.code == 0, everyone.err + meps.err
    assert set(_summary(everyone.out)) == {"Olena K.", "Taras"}
    assert "Who did what, with these recipients:" in meps.out
    members = _summary(meps.out.replace("Who did what, with these recipients:", "Who did what:"))
    assert set(members) == {"Olena K."}  # Taras wrote only to the Special Rapporteur
    assert members["Olena K."][1:5] == ["1", "0", "1", "0"]  # sent, replied, failed, drafts
    assert "2 recipient(s)" in meps.out


BROKEN_ROW = 'mep-9,mep,"Jan,Kowalski,jan@example.org\n'  # a quote left open


def test_log_status_reads_a_teams_log_beside_the_directory_and_says_each_ones_error(
    mini_ws, cli, pg_database
):
    """The team's log is read on a thread of its own while the directory is loaded: the
    table is the same, a broken directory file is still named at its line, and when the
    log cannot be reached either, its error is the one said, as when one came after the
    other."""
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    with connect(pg_database, "anna") as anna:
        record_send(anna, "mep-1", "Michal Šimečka", "anna")
    shown = cli("log", "status", "-w", mini_ws.root)
    assert shown.code == 0, shown.err
    row = next(line for line in shown.out.splitlines() if line.startswith("mep-1"))
    assert "sent" in row and "anna" in row
    people = mini_ws.root / "recipients" / "people.csv"
    people.write_text(people.read_text(encoding="utf-8") + BROKEN_ROW, encoding="utf-8")
    line = len(people.read_text(encoding="utf-8").splitlines())

    broken = cli("log", "status", "-w", mini_ws.root)
    with pg_database.cluster.down():
        unreachable = cli("log", "status", "-w", mini_ws.root)

    assert broken.code == 1 and f"people.csv:{line}: broken CSV" in broken.err, broken.err
    assert unreachable.code == 1 and "cannot be reached" in unreachable.err, unreachable.err
    assert "people.csv" not in unreachable.err
    assert "Traceback" not in broken.err + unreachable.err
