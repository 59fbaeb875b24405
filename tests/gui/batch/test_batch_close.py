"""Closing the window while the Batch tab counts a follow-up's recipients on a team's log
that does not answer: the window closes at once. The count only reads (who is due a
follow-up is the log's to say); before, closing waited for the whole connect timeout."""

from __future__ import annotations

import time

from silent_server import checks_under_way

FOLLOW_UP = """\
---
id: follow-up-en
title: Follow-up
language: en
audience: category:mep status:followup-due
subject: "Follow-up"
---
We wrote to you recently.
"""


def test_closing_the_window_while_a_follow_up_is_counted_on_a_silent_team_log_is_quick(
    mini_ws, silent_team_window, qtbot, discard_on_close
):
    mini_ws.write("letter_templates/follow-up-en.md", FOLLOW_UP)
    open_window, server = silent_team_window
    window, tab, _tasks = open_window("batch")
    tab.template_combo.setCurrentIndex(tab.template_combo.findData("follow-up-en"))
    qtbot.waitUntil(server.accepted.is_set, timeout=10000)  # the count waits for the log's reply

    start = time.monotonic()
    window.close()
    closed_in = time.monotonic() - start

    assert not window.isVisible()
    assert closed_in < 2.0, f"closing took {closed_in:.1f} s"
    server.close()
    for read in checks_under_way():
        read.join(10)
