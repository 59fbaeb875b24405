"""What every tab of the main window does alike: stale results, showing a problem, being busy.

Each tab reads the open campaign through the shared ``WorkspaceSession`` and works off the UI
thread through the shared ``TaskRunner``. Three things follow for all of them and live here once:

* a result that comes back after a newer request started (the user typed on, another campaign
  was opened) is stale and dropped, so a tab never flickers back to older data
  (:class:`Generation`, :meth:`BaseTab.submit_newest`);
* a problem looks the same on every tab: red text under its field (:func:`show_error`), or a
  red box across the top of the tab (:meth:`BaseTab.show_banner`);
* while a tab writes (or reads what the user has to wait for), its actions are off
  (:meth:`BaseTab.set_busy`), and the field being typed in can get its focus back afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from campaign_app.gui import style
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner


class Generation:
    """A request counter: each request takes the next number, and a result made for an older
    number than the newest is stale."""

    def __init__(self) -> None:
        self.value = 0

    def next(self) -> int:
        """Start a request: from now on the results of every earlier one are stale."""
        self.value += 1
        return self.value

    def is_current(self, number: int) -> bool:
        return number == self.value

    def guard(self, callback: Callable[[Any], None], number: int | None = None) -> Callable[[Any], None]:
        """``callback`` for the result of request ``number`` (by default the newest now): it
        does nothing once a newer request has started."""
        wanted = self.value if number is None else number

        def call(value: Any) -> None:
            if wanted == self.value:
                callback(value)

        return call


def show_error(label: QLabel, text: str | None) -> None:
    """Show ``text`` in ``label`` as a mistake (red, the same on every tab), or hide the label."""
    label.setStyleSheet(style.error_style(label.palette()) if text else "")
    label.setText(text or "")
    label.setVisible(bool(text))


def error_label(name: str = "", parent: QWidget | None = None) -> QLabel:
    """A hidden, word-wrapped label for a field's mistake (shown with :func:`show_error`)."""
    label = QLabel(parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style.error_style(label.palette()))
    label.hide()
    return label


class BaseTab(QWidget):
    """A tab of the main window: the shared session and task runner, stale results dropped,
    one look for problems, and a busy state."""

    #: give the focus back to the field that had it when a busy spell ends (a tab whose
    #: fields are disabled while it writes sets this, so typing can go on where it stopped)
    keeps_focus_while_busy = False

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.requests = Generation()
        self.banner: QLabel | None = None
        self._busy = False
        self._focus_before: QWidget | None = None

    # ---- stale results ---------------------------------------------------------------------

    def submit_newest(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        writes_documents: bool = False,
        only_waits: bool = False,
    ) -> int:
        """Run ``fn`` off the UI thread as the tab's newest request. Its result (or its user
        mistake) reaches ``on_done`` (``on_error``) only if no newer request started meanwhile;
        without ``on_error`` an exception reaches the crash handler. ``only_waits``: ``fn``
        writes nothing and may wait on another computer (a team's log): closing the window
        does not wait for it (TaskRunner.submit_abandonable)."""
        number = self.requests.next()
        done = self.requests.guard(on_done, number)
        failed = self.requests.guard(on_error, number) if on_error is not None else None
        if only_waits:
            self.tasks.submit_read(fn, done, failed, only_waits=True)
        else:
            self.tasks.submit(fn, done, failed, writes_documents=writes_documents)
        return number

    # ---- problems ------------------------------------------------------------------------

    def make_banner(self, name: str) -> QLabel:
        """The tab's message across its top (hidden until :meth:`show_banner` has something)."""
        banner = QLabel(self)
        banner.setObjectName(name)
        banner.setWordWrap(True)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner.hide()
        self.banner = banner
        return banner

    def show_banner(self, text: str | None, error: bool = True) -> None:
        """Say ``text`` across the top of the tab: in the red box when it is a problem (``error``),
        plainly otherwise; nothing hides the banner."""
        banner = self.banner
        assert banner is not None, "make_banner first"
        banner.setStyleSheet(style.box_style(f"#{banner.objectName()}") if error and text else "")
        banner.setText(text or "")
        banner.setVisible(bool(text))

    # ---- busy ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        """Start or end a spell the user waits for; :meth:`busy_changed` updates the actions."""
        if busy and not self._busy and self.keeps_focus_while_busy:
            focused = QApplication.focusWidget()
            self._focus_before = focused if focused is not None and self.isAncestorOf(focused) else None
        self._busy = busy
        self.busy_changed(busy)
        if not busy and self._focus_before is not None:
            focused, self._focus_before = self._focus_before, None
            if focused.isVisible() and focused.isEnabled():
                focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def busy_changed(self, busy: bool) -> None:
        """Enable or disable the tab's actions for the busy state (each tab says which)."""
