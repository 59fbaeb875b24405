"""A volunteer's 1024×640 laptop: every tab fits its width, in each language of the window.
(The Settings tab, in Ukrainian and Russian, was wider than the screen: a check box's long
text, which does not wrap, cut off its right-hand column behind a scroll bar.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QScrollArea

TABS = ("case", "recipients", "compose", "batch", "settings", "outreach")


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
@pytest.mark.parametrize("name", TABS)
def test_each_tab_fits_the_width_of_a_small_screen(
    make_window, example_ws, qtbot, qapp, name, language, monkeypatch
):
    monkeypatch.setenv("LANGUAGE", language)
    window = make_window(example_ws, tab=name)
    window.resize(1024, 600)  # 640 less the desktop's panel
    page = window.pages[name]
    qtbot.waitUntil(lambda: page.isVisible())
    qapp.processEvents()
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    panes = [
        area
        for area in page.findChildren(QScrollArea)
        if not isinstance(area, QAbstractItemView) and area.isVisibleTo(page)
    ]
    cut = [
        area.objectName() or type(area.widget()).__name__
        for area in panes
        if area.horizontalScrollBar().isVisible()
    ]
    assert cut == []


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_the_template_editor_is_wide_enough_to_write_in_on_a_small_screen(
    make_window, example_ws, qtbot, qapp, language, monkeypatch
):
    """Beside the list and the preview, the editor was left 150-190 pixels: a word a line.
    The recipient box beside the preview asked for 28 characters and took its room."""
    monkeypatch.setenv("LANGUAGE", language)
    window = make_window(example_ws, tab="compose")
    window.resize(1024, 600)
    page = window.pages["compose"]
    qtbot.waitUntil(lambda: page.isVisible())
    qapp.processEvents()
    columns = page.editor.viewport().width() / page.editor.fontMetrics().horizontalAdvance("x")
    assert columns >= 30, columns  # 17-19 before
    assert page.preview.width() >= 380


def test_every_column_of_the_recipients_table_is_on_a_small_screen(make_window, example_ws, qtbot, qapp):
    """Its last columns (a missing contact, a stale check) were off to the right at 1024
    pixels, behind a scroll bar; narrow columns such as a date keep their width."""
    window = make_window(example_ws, tab="recipients")
    window.resize(1024, 600)
    table = window.pages["recipients"].table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    qapp.processEvents()
    header = table.horizontalHeader()
    right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count()))
    assert right <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    last = header.count() - 1
    assert table.model().headerData(last, Qt.Orientation.Horizontal) == "Verified"
    assert header.sectionSize(last) >= table.fontMetrics().horizontalAdvance("2020-05-20")
    window.resize(1366, 800)
    qapp.processEvents()
    assert header.sectionSize(0) == 150  # wide enough: the width given
