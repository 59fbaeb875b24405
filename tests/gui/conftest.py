"""Fixtures for the desktop app: a main window on a test workspace, and no leftovers.

Every GUI test fails if a thread-pool job or a Python thread it started is still running
afterwards, and (via pytest-qt's qt_log_level_fail) if Qt printed a warning.

A window builds only the tabs a test looks at (``window.pages[name]`` builds one on first
use); ``make_window(..., all_tabs=True)`` builds every tab in the background after the first paint.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def no_leftover_threads(qapp, qtbot):
    before = set(threading.enumerate())
    yield
    pool = QThreadPool.globalInstance()
    try:
        qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10000)
    except qtbot.TimeoutError:
        pytest.fail("a thread-pool job was left running")
    pool.waitForDone(1000)
    leftover = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon and not t.name.startswith("Dummy")
    ]
    assert leftover == [], f"threads left running: {leftover}"


@pytest.fixture
def make_window(qtbot, qapp):
    """Build the main window on a workspace folder, showing ``tab`` (the first one by default);
    waits for its background work."""
    from campaign_app.gui.app import application, build_window, settle

    built = []

    def make(workspace, tab: str | None = None, all_tabs: bool = False):
        application()  # as at start-up: the interface language now (a test may have changed it)
        window, _session, tasks = build_window(workspace, remember=False, background_tabs=all_tabs)
        # a test's edits left unsaved: no question when pytest-qt closes the window at teardown
        qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "confirm_discard", lambda: True))
        window.resize(1200, 800)
        if tab is not None:
            window.select_tab(tab)
        window.show()
        settle(qapp, tasks)
        built.append((window, tasks))
        return window

    yield make
    for window, tasks in built:
        settle(qapp, tasks)
        window.close()


@pytest.fixture
def open_tab(make_window, qtbot):
    """``open_tab(workspace, name)``: the main window showing that tab, its loading done;
    returns (window, tab)."""

    def open_(workspace, name: str):
        window = make_window(workspace, tab=name)
        page = window.pages[name]
        qtbot.waitUntil(window.tasks.idle)
        return window, page

    return open_


@pytest.fixture
def show_tab(qtbot):
    """``show_tab(window, name)``: switch to a tab as a user would and wait for what it loads;
    returns the tab."""

    def show(window, name: str):
        window.select_tab(name)
        qtbot.waitUntil(window.tasks.idle)
        return window.pages[name]

    return show


@pytest.fixture
def discard_on_close(monkeypatch):
    """A test that ends with unsaved edits answers the window's "Discard them?" with yes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def example_ws(tmp_path):
    """A fresh copy of the bundled example campaign."""
    from campaign_app.core.campaign.creation import init_workspace

    return init_workspace(tmp_path / "example")


@pytest.fixture
def silent_team_window(mini_ws, qapp, memory_keyring):
    """``(open, server)``: ``open(tab)`` builds the main window on ``mini_ws`` showing that tab,
    without waiting for its work, the campaign's log a team's on ``server``, which accepts
    connections and never answers; returns (window, the tab, the task runner)."""
    from silent_server import SilentServer
    from team_helpers import join_team_at_port

    from campaign_app.gui.app import application, build_window

    server = SilentServer()
    join_team_at_port(mini_ws.root, server.port, "annas-password")

    def open_window(tab: str):
        application()
        window, _session, tasks = build_window(mini_ws.root, remember=False)
        window.select_tab(tab)
        window.show()
        return window, window.pages[tab], tasks

    yield open_window, server
    server.close()
