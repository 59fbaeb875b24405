"""After a batch, the summary's Open folder is in sight without scrolling on a common laptop
screen, in each language of the window (it was below the edge of a 1366×800 window)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt


def in_view(tab, widget) -> bool:
    """``widget`` is shown, wholly inside the part of the tab's scroll area on screen."""
    viewport = tab.scroll_area.viewport()
    corner = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(QRect(corner, widget.size()))


def generate(qtbot, qapp, window, tab) -> None:
    tab.template_combo.setCurrentIndex(tab.template_combo.findData("mep-appeal-en"))
    qtbot.waitUntil(lambda: tab._count_state == "ok", timeout=10000)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.summary_box.isVisible() and tab.generate_button.isEnabled(), timeout=60000)
    qtbot.waitUntil(window.tasks.idle)
    qapp.processEvents()


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_open_folder_is_in_sight_after_a_batch_on_a_laptop_screen(
    make_window, example_ws, qtbot, qapp, language, monkeypatch
):
    monkeypatch.setenv("LANGUAGE", language)
    window = make_window(example_ws, tab="batch")
    window.resize(1366, 800)
    tab = window.pages["batch"]
    generate(qtbot, qapp, window, tab)
    assert tab.failures.isVisible()  # the example's former MEP: a warning under the figures
    assert in_view(tab, tab.headline) and in_view(tab, tab.open_button)
    assert tab.scroll_area.verticalScrollBar().value() == 0  # in sight as laid out, the form's top too
    window.resize(1024, 768)
    qapp.processEvents()
    assert in_view(tab, tab.open_button)
    assert tab.scroll_area.verticalScrollBar().value() == 0


def test_on_a_smaller_screen_the_tab_scrolls_to_the_summary_when_the_batch_ends(
    make_window, example_ws, qtbot, qapp
):
    window = make_window(example_ws, tab="batch")
    window.resize(1024, 600)  # 640 less the desktop's panel
    tab = window.pages["batch"]
    generate(qtbot, qapp, window, tab)
    qtbot.waitUntil(lambda: in_view(tab, tab.open_button))
    assert in_view(tab, tab.headline)
    assert 0 < tab.scroll_area.verticalScrollBar().value() < tab.scroll_area.verticalScrollBar().maximum()
