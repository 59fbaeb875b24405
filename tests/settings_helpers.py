"""Driving the Settings tab as a user does: open it, type (Cyrillic too), replace a field's
text, save with Ctrl+S. Shared by tests/gui/settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def open_settings(make_window, workspace, qtbot):
    window = make_window(workspace, tab="settings")
    tab = window.pages["settings"]
    qtbot.waitUntil(lambda: tab.current_form() is not None and tab.tasks.idle() and tab._keyring is not None)
    return window, tab


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user; QTest's keyClicks only knows ASCII, so Cyrillic goes as text events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
            )


def replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def save_settings(qtbot, tab) -> None:
    assert tab.save_button.isEnabled(), tab.status_label.text()
    with qtbot.waitSignal(tab.session.partChanged, timeout=10000) as signal:
        qtbot.keyClick(tab.email_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == ["campaign"]
    qtbot.waitUntil(lambda: tab.tasks.idle())
