"""The Case tab shows how old each fact is and marks the stale ones, as the clock moves;
typing a newer "As of" takes the mark away at once, and the date is saved to the file."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from campaign_app.gui.case.models import AGE_COLUMN, AS_OF_COLUMN

from .test_case_tab import MINI_CASE, choose_part, click_row, replace_text, save_with_ctrl_s

pytestmark = pytest.mark.usefixtures("discard_on_close")


def fact_row(tab, fact_id: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == fact_id)


def cell(tab, fact_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.model.index(fact_row(tab, fact_id), column).data(role)


def test_fact_ages_and_stale_facts_follow_the_date(open_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    path.write_text(path.read_text().replace("  - id: unhcr\n", "  - id: unhcr\n    as_of: 2026-06-01\n"))
    with time_machine.travel(dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC), tick=False):
        window, tab = open_tab(mini_ws.root, "case")
        choose_part(qtbot, tab, "facts")
        assert tab.model.headerData(AGE_COLUMN, Qt.Orientation.Horizontal) == "Age"
        assert cell(tab, "unhcr", AS_OF_COLUMN) == "2026-06-01"
        assert cell(tab, "unhcr", AGE_COLUMN) == "30 days"
        assert cell(tab, "unhcr", 1, Qt.ItemDataRole.ForegroundRole) is None
    with time_machine.travel(dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC), tick=False):
        tab.reload()
        qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
        choose_part(qtbot, tab, "facts")
        assert cell(tab, "unhcr", AGE_COLUMN) == "6 months — stale"
        assert isinstance(cell(tab, "unhcr", 1, Qt.ItemDataRole.ForegroundRole), QColor)
        font = cell(tab, "unhcr", AGE_COLUMN, Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.bold()
        tip = cell(tab, "unhcr", AGE_COLUMN, Qt.ItemDataRole.ToolTipRole)
        assert "185 days ago, more than the campaign's facts_stale_after_days (90)" in tip
        click_row(qtbot, tab, "unhcr")
        replace_text(qtbot, tab.editors["facts"].inputs["as_of"], "2026-11-30")
        qtbot.waitUntil(lambda: cell(tab, "unhcr", AGE_COLUMN) == "3 days")
        assert cell(tab, "unhcr", 1, Qt.ItemDataRole.ForegroundRole) is None
        save_with_ctrl_s(qtbot, window, tab)
    assert "  - id: unhcr\n    as_of: 2026-11-30\n" in path.read_text()


def test_an_undated_fact_says_so(open_tab, qtbot, mini_ws):
    _window, tab = open_tab(mini_ws.root, "case")
    choose_part(qtbot, tab, "facts")
    assert cell(tab, "unhcr", AGE_COLUMN) == "no date"
