"""Closing the window while "Check and keep" waits on the team's database server: the window
closes at once (it waited for the whole connect timeout, and seemed hung), and the check it
leaves behind keeps nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt
from settings_helpers import open_settings, replace_text
from silent_server import SilentServer, checks_under_way

from campaign_app.core.outreach.log import ContactLog

HERE = Path(__file__).parent


def test_closing_the_window_while_the_password_check_waits_on_a_silent_server_is_quick(
    make_window, mini_ws, qtbot, memory_keyring, discard_on_close
):
    server = SilentServer()
    try:
        window, tab = open_settings(make_window, mini_ws.root, qtbot)
        box = tab.team_box
        replace_text(qtbot, box.address_edit, f"postgresql://anna@127.0.0.1:{server.port}/akhmetova")
        qtbot.keyClicks(box.password_edit, "annas-password")
        qtbot.mouseClick(box.keep_button, Qt.MouseButton.LeftButton)
        assert server.accepted.wait(10)  # libpq is connecting, and waits for the server's reply
        assert "Connecting to 127.0.0.1" in box.state_label.text()

        start = time.monotonic()
        window.close()
        closed_in = time.monotonic() - start

        assert not window.isVisible()
        assert closed_in < 2.0, f"closing took {closed_in:.1f} s"
    finally:
        server.close()
    for check in checks_under_way():  # the server gone, the abandoned check ends at once
        check.join(10)
    assert memory_keyring.secrets == {}


def test_a_check_answered_after_the_window_closed_keeps_no_password(
    make_window, mini_ws, qtbot, memory_keyring, monkeypatch, discard_on_close
):
    """The server takes the password only once the window has closed: nobody is told any
    more, and nothing is kept behind the user's back after they closed the window."""
    connecting, answer, ended = threading.Event(), threading.Event(), threading.Event()

    class AcceptingLog:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            ended.set()

        def check_schema(self):
            pass

    def connect(location, password, check_schema=True):
        connecting.set()
        answer.wait(5)  # without the fix, closing waits for this answer
        return AcceptingLog()

    monkeypatch.setattr(ContactLog, "connect", staticmethod(connect))
    window, tab = open_settings(make_window, mini_ws.root, qtbot)
    box = tab.team_box
    replace_text(qtbot, box.address_edit, "postgresql://anna@db.example.org/akhmetova")
    qtbot.keyClicks(box.password_edit, "annas-password")
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    assert connecting.wait(10)

    start = time.monotonic()
    window.close()
    assert time.monotonic() - start < 2.0
    answer.set()  # the server takes the password now
    assert ended.wait(10)
    for check in checks_under_way():
        check.join(10)
    assert memory_keyring.secrets == {}


CLOSE_DURING_CHECK = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    import keyring
    from keyring.backend import KeyringBackend
    sys.path[:0] = sys.argv[2:]  # this file's folder, and tests/ for its helpers
    from test_team_check_at_close import SilentServer
    from campaign_app.gui.app import application, build_window, settle

    class MemoryKeyring(KeyringBackend):
        priority = 1
        secrets = {}
        def get_password(self, service, user): return self.secrets.get((service, user))
        def set_password(self, service, user, password): self.secrets[(service, user)] = password
        def delete_password(self, service, user): del self.secrets[(service, user)]

    keyring.set_keyring(MemoryKeyring())
    server = SilentServer()
    app = application()
    window, _session, tasks = build_window(Path(sys.argv[1]), remember=False)
    window.select_tab("settings")
    window.show()
    tab = window.pages["settings"]
    settle(app, tasks, until=lambda: tab.current_form() is not None and tab._keyring is not None)
    box = tab.team_box
    box.address_edit.setText(f"postgresql://anna@127.0.0.1:{server.port}/akhmetova")
    box.password_edit.setText("annas-password")
    window.confirm_discard = lambda: True  # the address typed is not saved: no question
    box.keep_button.click()
    assert server.accepted.wait(10)
    print("closing", flush=True)
    window.close()
    """
)


def test_the_program_ends_at_once_when_its_window_closes_during_the_check(mini_ws):
    """Neither Qt's exit (which waits for its thread pool) nor Python's waits for the check
    (3 s: the interpreter's and Qt's own teardown included; it waited 10 s)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", CLOSE_DURING_CHECK, str(mini_ws.root), str(HERE), str(HERE.parents[1])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as app:
        try:
            assert app.stdout.readline() == "closing\n", app.stderr.read()
            start = time.monotonic()
            app.wait(30)
            ended_in = time.monotonic() - start
        finally:
            app.kill()
        assert app.returncode == 0, app.stderr.read()
    assert ended_in < 3.0, f"the program took {ended_in:.1f} s to end"
