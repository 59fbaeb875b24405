"""Alt+letter reaches one thing: no two visible controls of a tab share a mnemonic, nor one
with a tab of the window or a menu (Alt+U went to the Outreach tab, not Settings' user name;
Alt+H to "Choose…", not the Help menu), in each language of the window (in Ukrainian,
Alt+С on the Batch tab's "Створити листи" showed the Case tab and made no letter)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

TABS = ("case", "recipients", "compose", "batch", "settings", "outreach")


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
@pytest.mark.parametrize("name", TABS)
def test_each_mnemonic_of_a_tab_reaches_one_control(
    make_window, example_ws, qtbot, name, language, monkeypatch
):
    monkeypatch.setenv("LANGUAGE", language)  # in Ukrainian, Alt+С on the Batch tab showed the Case tab
    window = make_window(example_ws, tab=name)
    page = window.pages[name]
    qtbot.waitUntil(lambda: page.isVisible())
    taken = {mnemonic(window.tabs.tabText(i)): window.tabs.tabText(i) for i in range(window.tabs.count())}
    taken.update({mnemonic(a.text()): a.text() for a in window.menuBar().actions()})
    taken.pop(None, None)
    seen: dict[str, list[str]] = {}
    widgets = [*page.findChildren(QAbstractButton), *page.findChildren(QLabel), *page.findChildren(QGroupBox)]
    for widget in widgets:
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        key = mnemonic(text or "")
        if key and widget.isVisibleTo(page):
            seen.setdefault(key, []).append(text)
    clashes = {k: (v, taken.get(k)) for k, v in seen.items() if len(v) > 1 or k in taken}
    assert clashes == {}, "\n".join(f"{k}: {v} / {t}" for k, (v, t) in clashes.items())
