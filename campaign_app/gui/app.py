"""Starting the desktop app: which campaign to open, the crash handler, screenshots.

On the very first start the bundled example campaign is copied into the user's data
folder and opened, so a new volunteer sees a real, working campaign at once; afterwards
the last workspace is reopened. ``--screenshot`` paints the window offscreen into a PNG
and exits (for the README's pictures and for tests).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from campaign_app.core.campaign.creation import init_workspace
from campaign_app.core.campaign.workspace import CAMPAIGN_FILE
from campaign_app.core.common.appstate import AppState, example_workspace_path
from campaign_app.gui.crash import CrashHandler, setup_logging
from campaign_app.gui.main_window import TABS, MainWindow
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tab_preload import TabPreload
from campaign_app.gui.tasks import TaskRunner, pause_collection_while_starting
from campaign_app.gui.translation import install_translators

TAB_NAMES = tuple(name for name, _label, _module, _cls in TABS)


def startup_workspace(explicit: Path | None) -> Path:
    """-w if given; else the last workspace if it still exists; else the example copy."""
    if explicit is not None:
        return explicit
    last = AppState.load().last_workspace
    if last and (Path(last) / CAMPAIGN_FILE).is_file():
        return Path(last)
    example = example_workspace_path()
    if not (example / CAMPAIGN_FILE).is_file():
        init_workspace(example)
    return example


# Qt's raster painter hands a fill taller than ~96 lines (a scroll bar's groove, a table's
# background) to a pool of threads and waits for them: on a keystroke that changes the
# Recipients table's rows, two to three of those hand-overs, each a wake-up and a wait that
# another busy program on a two-core machine stretches to milliseconds, for fills that take
# the painting thread a fraction of a millisecond itself. Set before the pool is first used.
_NO_PAINT_THREADS = "QT_NO_GUI_THREADPOOL"


def application() -> QApplication:
    instance = QApplication.instance()
    if instance is None:
        os.environ.setdefault(_NO_PAINT_THREADS, "1")
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        instance = QApplication(sys.argv[:1])
    app = cast(QApplication, instance)  # the window's process only ever makes a QApplication
    app.setApplicationName("campaign_app")
    app.setApplicationDisplayName("campaign_app")
    app.setOrganizationName("campaign_app")
    app.setDesktopFileName("org.campaign_app.CampaignApp")  # the launcher's icon (packaging/linux)
    install_translators(app)  # the interface language, chosen in Settings or the system's
    return app


def settle(
    app: QCoreApplication, tasks: TaskRunner, timeout: float = 10.0, until: Callable[[], bool] | None = None
) -> None:
    """Process events until background tasks are done and ``until`` (if given) holds (for
    screenshots and tests). ``until`` matters where work has not started yet: the campaign
    is opened after the first paint, which on a slow X server comes late, and before it no
    task is running, so "idle" alone would be true at once.

    Between rounds it waits for the next event rather than sleeping, so a result is taken in
    the moment its task delivers it; a ticking timer bounds each wait."""
    deadline = time.monotonic() + timeout
    ticker = QTimer()
    ticker.start(10)
    try:
        while time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if tasks.idle() and (until is None or until()):
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                if tasks.idle():
                    return
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        ticker.stop()


def _read_templates(session: WorkspaceSession) -> None:
    """The open campaign's templates, read and compiled ahead (the workspace keeps them, as
    a tab reading them first would): 30-70 ms the Batch tab's first show spent doing that."""
    workspace = session.workspace
    if workspace is not None:
        workspace.template_scan  # noqa: B018 (read for the workspace to keep)


def build_window(
    workspace: Path | None,
    remember: bool = True,
    open_now: bool = True,
    background_tabs: bool = False,
    preload_tabs: bool = False,
) -> tuple[MainWindow, WorkspaceSession, TaskRunner]:
    """The main window on ``workspace`` (or the start-up choice). With ``open_now`` False the
    campaign is opened right after the window has first painted (the garbage collector paused
    until it is open); a tab is built when it is first shown (``background_tabs`` True: the
    others too, one by one, after the first paint; ``preload_tabs`` True: their modules are
    imported on the task pool once the start's tasks are done, gui/tab_preload.py)."""
    session = WorkspaceSession(remember=remember)
    tasks = TaskRunner()
    resume_collection = (lambda: None) if open_now else pause_collection_while_starting(tasks)
    window = MainWindow(session, tasks, background_tabs)
    session.setParent(window)
    tasks.setParent(window)
    if preload_tabs:  # (the shown tab's module is loaded by then: passed over)
        modules = [f"campaign_app.gui.{module}" for _name, _label, module, _cls in TABS]
        TabPreload(tasks, modules, window, ahead=[partial(_read_templates, session)])
    root = startup_workspace(workspace)
    if open_now:
        window.open_path(root)
    else:
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Opening {folder}…").format(folder=root)
        )

        def open_campaign() -> None:
            window.open_path(root)
            if tasks.idle():  # nothing started (no campaign there): no task to wait for
                resume_collection()

        window.after_first_paint(open_campaign)
    return window, session, tasks


def _capture(window: MainWindow):
    """On a real display, what the screen shows (proves the window really painted there);
    offscreen, the widget painted into a pixmap."""
    if QGuiApplication.platformName() == "offscreen":
        return window.grab()
    window.raise_()
    QGuiApplication.sync()  # the X server has drawn what was flushed to it
    return window.screen().grabWindow(window.winId())


def _shown(window: MainWindow) -> bool:
    """The window is on screen, has painted, and the campaign it opens after that is open."""
    handle = window.windowHandle()
    exposed = handle is not None and handle.isExposed()
    return exposed and window.painted and window.session.workspace is not None


def run(workspace: Path | None = None, screenshot: Path | None = None, tab: str | None = None) -> int:
    """Open the main window (blocking until it closes), or paint it into ``screenshot``.
    For a screenshot the campaign is read first: with no window to show a message in, a
    campaign that does not open is a UserError(s) for the command line to print (no PNG)."""
    if screenshot is not None:
        from campaign_app.core.campaign.check import load_workspace
        from campaign_app.core.campaign.workspace import Workspace

        workspace = startup_workspace(workspace)
        load_workspace(Workspace.open(workspace))
    app = application()
    crash = CrashHandler(setup_logging())
    crash.install()
    try:
        window, _session, tasks = build_window(
            workspace, remember=screenshot is None, open_now=False, preload_tabs=screenshot is None
        )
        window.resize(1280, 820)
        if tab:
            window.select_tab(tab)
        window.show()
        if screenshot is not None:
            settle(app, tasks, timeout=60.0, until=lambda: _shown(window))
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not _capture(window).save(str(screenshot)):
                print(f"error: cannot write {screenshot}", file=sys.stderr)
                return 1
            window.close()
            return 0
        return app.exec()
    finally:
        crash.uninstall()
