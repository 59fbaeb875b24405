"""Fixtures for the desktop app: a main window on a test workspace, and no leftovers.

Every GUI test fails if a thread-pool job or a Python thread it started is still running
afterwards, and (via pytest-qt's qt_log_level_fail) if Qt printed a warning.
"""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def no_leftover_threads(qapp):
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 10
    pool = QThreadPool.globalInstance()
    while time.monotonic() < deadline and pool.activeThreadCount() > 0:
        qapp.processEvents()
        time.sleep(0.01)
    assert pool.activeThreadCount() == 0, "a thread-pool job was left running"
    pool.waitForDone(1000)
    leftover = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and not t.daemon and not t.name.startswith("Dummy")
    ]
    assert leftover == [], f"threads left running: {leftover}"


@pytest.fixture
def make_window(qtbot, qapp):
    """Build the main window on a workspace folder; waits for its background work."""
    from campaign_app.gui.app import application, build_window, settle

    application()
    built = []

    def make(workspace):
        window, _session, tasks = build_window(workspace, remember=False)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        settle(qapp, tasks)
        built.append((window, tasks))
        return window

    yield make
    for window, tasks in built:
        settle(qapp, tasks)
        window.close()


@pytest.fixture
def example_ws(tmp_path):
    """A fresh copy of the bundled example campaign."""
    from campaign_app.core.campaign.workspace import init_workspace

    return init_workspace(tmp_path / "example")
