"""The main window: one tab per job, a File menu, and the open workspace in the title.

Every tab gets the same WorkspaceSession (what is open) and TaskRunner (work off the UI
thread); no tab renders, validates or writes anything itself: it calls campaign_app.core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.creation import init_empty_workspace, init_workspace
from campaign_app.core.common.appstate import AppState
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.gui.asking import ask_to_go_on
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tab_preload import import_tab_module
from campaign_app.gui.tasks import TaskRunner, freeze_heap
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

# name, label, module, class. A tab is imported and built when it is first shown (the
# visible one right after the window first paints), so the window appears without waiting
# for Jinja2, Babel, reportlab or keyring to load, and a tab nobody opens costs nothing.
# Not in the background after the first paint: building a tab holds the UI thread for a
# few hundred milliseconds (imports, widgets), and the window would not answer meanwhile.
# (Not on a worker thread either: two threads importing the same packages can deadlock on
# Python's module locks.)
# The labels are translated where they are shown (tab_label).
TABS = (
    ("case", QT_TRANSLATE_NOOP("MainWindow", "&Case"), "case.tab", "CaseTab"),
    ("recipients", QT_TRANSLATE_NOOP("MainWindow", "&Recipients"), "recipients.tab", "RecipientsTab"),
    ("compose", QT_TRANSLATE_NOOP("MainWindow", "C&ompose"), "compose.tab", "ComposeTab"),
    ("batch", QT_TRANSLATE_NOOP("MainWindow", "&Batch"), "batch.tab", "BatchTab"),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "&Settings"), "settings.tab", "SettingsTab"),
    ("outreach", QT_TRANSLATE_NOOP("MainWindow", "O&utreach"), "outreach.tab", "OutreachTab"),
)


def tab_label(label: str) -> str:
    """A tab's label from TABS in the interface language."""
    return QCoreApplication.translate("MainWindow", label)


class _TabSlot(QWidget):
    """A tab's place in the tab bar; the real tab is built into it on first use."""

    def __init__(self, build: Callable[[], QWidget]):
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._build = build
        self.page: QWidget | None = None

    def materialize(self) -> QWidget:
        if self.page is None:
            self.page = self._build()
            self._layout.addWidget(self.page)
        return self.page


class _Pages(Mapping):
    """``window.pages[name]``: the tab itself, built on first access."""

    def __init__(self, slots: dict[str, _TabSlot]):
        self._slots = slots

    def __getitem__(self, name: str) -> QWidget:
        return self._slots[name].materialize()

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    def built(self) -> list[QWidget]:
        return [slot.page for slot in self._slots.values() if slot.page is not None]


class MainWindow(QMainWindow):
    """One tab per job, each built when first shown; ``background_tabs`` True also builds
    the others one by one after the first paint (a test that checks every tab builds)."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, background_tabs: bool = False):
        # Set before anything else: event() runs from the base constructor on.
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._background_tabs = background_tabs
        super().__init__()
        self.session = session
        self.tasks = tasks
        self.setWindowTitle("campaign_app")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._slots: dict[str, _TabSlot] = {}
        for name, label, module, cls in TABS:
            slot = _TabSlot(partial(self._make_tab, name, module, cls))
            self._slots[name] = slot
            self.tabs.addTab(slot, tab_label(label))
        self.pages = _Pages(self._slots)
        self.tabs.currentChanged.connect(self._materialize_current)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        session.workspaceChanged.connect(self._on_workspace)
        self.statusBar().showMessage(self.tr("No campaign open"))

    def _slot_at(self, index: int) -> _TabSlot:
        slot = self.tabs.widget(index)
        assert isinstance(slot, _TabSlot)
        return slot

    def _materialize_current(self, index: int) -> None:
        self.session.check_disk()  # the tab shown next shows the files as they are now
        self._slot_at(index).materialize()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        """Back in the window after working elsewhere (an editor, a terminal): what changed
        on disk meanwhile is read again."""
        if state == Qt.ApplicationState.ApplicationActive:
            self.session.check_disk()
            for page in self.pages.built():  # the Case tab reads its file itself
                check_file = getattr(page, "check_file", None)
                if check_file is not None and page.isVisible():
                    check_file()

    def _make_tab(self, name: str, module: str, cls: str) -> QWidget:
        tab_class = getattr(import_tab_module(f"{__package__}.{module}"), cls)
        page = tab_class(self.session, self.tasks, self)
        page.setObjectName(f"{name}_tab")
        freeze_heap()  # the tab's modules and widgets live as long as the window
        return page

    @property
    def painted(self) -> bool:
        """The window has painted at least once (the work queued for that moment is queued)."""
        return self._painted

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the window has painted (at once if it already has)."""
        if self._painted:
            QTimer.singleShot(0, work)
        else:
            self._after_paint.append(work)

    def event(self, event) -> bool:
        handled = super().event(event)
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            # The visible tab first, then the campaign, then the other tabs one by one.
            visible = self._slots[TABS[self.tabs.currentIndex()][0]]
            rest = [self._build_next_tab] if self._background_tabs else []
            for work in [visible.materialize, *self._after_paint, *rest]:
                QTimer.singleShot(0, work)
            self._after_paint.clear()
        return handled

    def _build_next_tab(self) -> None:
        """Build the remaining tabs one per turn of the event loop, after the first paint."""
        for slot in self._slots.values():
            if slot.page is None:
                slot.materialize()
                QTimer.singleShot(0, self._build_next_tab)
                return

    # ---- menus ----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("&New campaign from the example…"),
                self.new_from_example,
                QKeySequence.StandardKey.New,
            )
        )
        file_menu.addAction(self._action(self.tr("New &empty campaign…"), self.new_empty))
        file_menu.addAction(
            self._action(self.tr("&Open campaign folder…"), self.open_dialog, QKeySequence.StandardKey.Open)
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        view = self.menuBar().addMenu(self.tr("&View"))
        for index, (name, label, _module, _cls) in enumerate(TABS):
            view.addAction(
                self._action(
                    tab_label(label),
                    lambda _=False, n=name: self.select_tab(n),
                    QKeySequence(f"Ctrl+{index + 1}"),
                )
            )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About campaign_app"), self._about))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in AppState.load().recent:
            self.recent_menu.addAction(self._action(path, lambda _=False, p=path: self.open_path(Path(p))))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _about(self) -> None:
        from campaign_app import __version__

        QMessageBox.about(
            self,
            self.tr("About campaign_app"),
            self.tr(
                "campaign_app {version}\nAppeal letters for human-rights campaigns.\n"
                "Works offline; sends nothing you did not ask it to send."
            ).format(version=__version__),
        )

    # ---- workspace ------------------------------------------------------------------

    def select_tab(self, name: str) -> None:
        self.tabs.setCurrentWidget(self._slots[name])
        self._slots[name].materialize()

    def unsaved_tabs(self) -> list[str]:
        """Labels of the tabs holding edits not yet saved (tabs opt in with has_unsaved_changes)."""
        labels = []
        for index in range(self.tabs.count()):
            page = self._slot_at(index).page
            check = getattr(page, "has_unsaved_changes", None)
            if check is not None and check():
                labels.append(self.tabs.tabText(index).replace("&", ""))
        return labels

    def confirm_discard(self) -> bool:
        """Ask before unsaved edits are dropped; True when it is fine to go on."""
        dirty = self.unsaved_tabs()
        if not dirty:
            return True
        return ask_to_go_on(
            self,
            self.tr("Unsaved changes"),
            self.tr("There are unsaved changes in: {tabs}.\nDiscard them?").format(tabs=", ".join(dirty)),
        )

    def closeEvent(self, event) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        # Let running work end cleanly: a batch is cancelled after the letters in flight,
        # and no write is cut off half-way. A check waiting on a server (the team password's)
        # is not waited for: its answer is wanted by nobody now, and it keeps nothing.
        for page in self.pages.built():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                shutdown()
        self.tasks.abandon()
        self.tasks.wait()
        super().closeEvent(event)

    def open_path(self, root: Path, asked: bool = False) -> bool:
        """Open another campaign (after asking about unsaved edits, unless ``asked``)."""
        if not asked and self.session.workspace is not None and not self.confirm_discard():
            return False
        try:
            self.session.open(root)
        except (UserError, UserErrors) as exc:
            QMessageBox.warning(
                self, self.tr("Cannot open campaign"), "\n".join(str(e) for e in flatten(exc))
            )
            return False
        return True

    def _start_folder(self) -> str:
        """Where the folder pickers open: beside the open campaign, else the home folder."""
        ws = self.session.workspace
        return str(ws.root.parent if ws is not None else Path.home())

    def open_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open campaign folder"), self._start_folder())
        if folder:
            self.open_path(Path(folder))

    def _ask_new_folder(self, title: str) -> Path | None:
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("{title}: choose where to create it").format(title=title), self._start_folder()
        )
        if not parent:
            return None
        name, ok = QInputDialog.getText(
            self, title, self.tr("Name of the new campaign folder:"), text="my-campaign"
        )
        return Path(parent) / name.strip() if ok and name.strip() else None

    def new_from_example(self) -> None:
        if not self.confirm_discard():  # asked first: a folder made then left unopened helps nobody
            return
        target = self._ask_new_folder(self.tr("New campaign from the example"))
        if target is not None:
            self._create(target, init_workspace)

    def new_empty(self) -> None:
        if not self.confirm_discard():
            return
        target = self._ask_new_folder(self.tr("New empty campaign"))
        if target is not None:
            self._create(target, init_empty_workspace)

    def _create(self, target: Path, make) -> None:
        try:
            make(target)
        except (UserError, UserErrors) as exc:
            QMessageBox.warning(
                self, self.tr("Cannot create campaign"), "\n".join(str(e) for e in flatten(exc))
            )
            return
        self.open_path(target, asked=True)

    def _on_workspace(self) -> None:
        ws = self.session.workspace
        if ws is None:
            return
        self.setWindowTitle(f"{ws.root.name} — campaign_app")
        self.statusBar().showMessage(str(ws.root))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)
