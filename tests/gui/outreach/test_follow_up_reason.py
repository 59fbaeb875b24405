"""The Outreach tab says why a follow-up is due when the case's calendar set it."""

from __future__ import annotations

import datetime as dt

import time_machine
from log_helpers import history

from campaign_app.gui.outreach.model import COL_DUE, COL_STATUS

from .test_outreach_tab import cell, outreach, row_of

HEARING = """\
  - id: appeal-hearing
    date: 2026-12-20
    kind: hearing
    text: {en: The Court of Appeal hears the case., uk: Апеляційний суд розглядає справу.}
    sources: [brief]
"""


def test_the_due_column_and_the_history_name_the_coming_hearing(make_window, mini_ws, qtbot):
    path = mini_ws.root / "cases" / "test-case.yaml"
    path.write_text(path.read_text().replace("facts:\n", HEARING + "facts:\n"))
    with time_machine.travel(dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC), tick=False):
        history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 1), ("sent", 1))
    with time_machine.travel(dt.datetime(2026, 12, 14, 12, tzinfo=dt.UTC), tick=False):
        _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=1)
        assert cell(tab, "mep-1", COL_STATUS) == "followup-due"
        assert cell(tab, "mep-1", COL_DUE) == "13 Dec 2026 (hearing on 2026-12-20) — due"
        tab.table.setCurrentIndex(tab.model.index(row_of(tab, "mep-1"), 0))
        qtbot.waitUntil(lambda: "hearing on 2026-12-20" in tab.history_title.text(), timeout=5000)
