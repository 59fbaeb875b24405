"""The Outreach tab on a team's log (a real PostgreSQL): the team's summary per member, and
another member's letter shown within two seconds without the window freezing."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import QTimer
from team_helpers import join_team, make_team, member_sends


def test_another_members_letter_shows_within_two_seconds_without_freezing(
    mini_ws, pg_database, open_tab, qtbot
):
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    member_sends(pg_database, "boris", "mep-1", "Michal Šimečka")
    _window, tab = open_tab(mini_ws.root, "outreach")
    qtbot.waitUntil(lambda: tab.team_label.isVisible() and "boris" in tab.team_label.text(), timeout=5000)
    assert "Michal Šimečka" in [row.name for row in tab.model.shown()]
    qtbot.waitUntil(lambda: tab.team_watch is not None and tab.team_watch.listening, timeout=10000)

    ticks: list[float] = []
    timer = QTimer(tab)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    member_sends(pg_database, "boris", "mep-2", "Rasa Juknevičienė")
    start = time.monotonic()
    qtbot.waitUntil(lambda: "Rasa Juknevičienė" in [row.name for row in tab.model.shown()], timeout=2000)
    shown_after = time.monotonic() - start
    qtbot.wait(100)
    timer.stop()

    assert shown_after < 2.0
    cells = tab.team_label.text()
    assert "boris" in cells and "<td>2&nbsp;&nbsp;</td>" in cells  # boris: 2 sent
    during = [t for t in ticks if t >= start]
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert len(during) >= 5 and max(gaps) < 0.5  # the event loop kept running all along


def test_the_listener_stops_when_another_campaign_is_opened_and_sqlite_has_none(
    mini_ws, pg_database, open_tab, qtbot, tmp_path
):
    from campaign_app.core.campaign.creation import init_empty_workspace

    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    window, tab = open_tab(mini_ws.root, "outreach")
    qtbot.waitUntil(lambda: tab.team_watch is not None and tab.team_watch.listening, timeout=10000)
    watch = tab.team_watch

    window.open_path(init_empty_workspace(tmp_path / "solo"))

    assert not watch.running  # its connection closed; nothing left waiting on the database
    assert tab.team_watch is None
    assert not tab.team_label.isVisible()


def test_the_recipients_selected_stay_selected_when_another_member_records_a_letter(
    mini_ws, pg_database, open_tab, qtbot
):
    """Several rows selected to mark; another member's letter comes in above them (the rows
    move): the same recipients stay selected, the focus on the same one, nothing else."""
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    for rid, name in (("mep-1", "Michal Šimečka"), ("mep-2", "Rasa Juknevičienė"), ("mep-3", "Zofia Nowak")):
        member_sends(pg_database, "boris", rid, name)
    _window, tab = open_tab(mini_ws.root, "outreach")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: tab.team_watch is not None and tab.team_watch.listening, timeout=10000)
    tab.table.setFocus()
    tab.select("mep-2")
    tab.table.selectionModel().select(
        tab.model.index(tab.model.row_of_id("mep-3"), 0),
        tab.table.selectionModel().SelectionFlag.Select | tab.table.selectionModel().SelectionFlag.Rows,
    )
    assert [row.recipient_id for row in tab.selected_rows()] == ["mep-2", "mep-3"]

    member_sends(pg_database, "boris", "mep-0", "Anna Abramova")  # sorts first: every row moves down
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=2000)
    assert [row.recipient_id for row in tab.selected_rows()] == ["mep-2", "mep-3"]
    assert tab.current_row().recipient_id == "mep-2"
    assert "2 recipient" in tab.selection_label.text() and tab.selection_label.isVisible()
