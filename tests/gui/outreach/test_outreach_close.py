"""Closing the window while the Outreach tab reads a team's log that does not answer: the
window closes at once. The read only waits on the server (it writes nothing), so it is
left to end on its own, as the Settings tab's password check is; before, closing waited
for the whole connect timeout and the window seemed hung."""

from __future__ import annotations

import threading
import time

from silent_server import checks_under_way


def test_closing_the_window_while_the_team_log_is_read_from_a_silent_server_is_quick(
    silent_team_window, qtbot, discard_on_close
):
    open_window, server = silent_team_window
    window, tab, _tasks = open_window("outreach")
    qtbot.waitUntil(server.accepted.is_set, timeout=10000)  # the tab's read waits for the reply
    assert tab._loading

    start = time.monotonic()
    window.close()
    closed_in = time.monotonic() - start

    assert not window.isVisible()
    assert closed_in < 2.0, f"closing took {closed_in:.1f} s"
    # and the program's exit does not wait either: what still connects is a daemon
    left = [t for t in threading.enumerate() if t.name.startswith(("abandonable:", "team-log-listener"))]
    assert left and all(t.daemon for t in left)
    server.close()
    for read in checks_under_way():  # the server gone, the abandoned read ends at once
        read.join(10)
