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


def _dialog_texts(dialog) -> list[str]:
    from PySide6.QtWidgets import QTabWidget

    texts = []
    for widget in [
        *dialog.findChildren(QAbstractButton),
        *dialog.findChildren(QLabel),
        *dialog.findChildren(QGroupBox),
    ]:
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        if mnemonic(text or "") and widget.isVisibleTo(dialog):
            texts.append(text)
    for tabs in dialog.findChildren(QTabWidget):
        if tabs.isVisibleTo(dialog):
            texts += [tabs.tabText(i) for i in range(tabs.count()) if mnemonic(tabs.tabText(i))]
    return texts


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_each_mnemonic_of_a_dialog_reaches_one_control(
    make_window, example_ws, qtbot, show_tab, language, monkeypatch
):
    """In Ukrainian, Alt+П in the Send dialog only moved the focus between "&Повторно…" and
    "&Переглянути"; the recipient dialog had six such pairs, the import dialog three."""
    from campaign_app.gui.outreach.mark_dialog import MarkDialog

    monkeypatch.setenv("LANGUAGE", language)
    (example_ws / "campaign.yaml").write_text(
        (example_ws / "campaign.yaml").read_text(encoding="utf-8")
        + "smtp:\n  host: smtp.example.org\n  port: 587\n  username: anna\n  from: anna@example.org\n",
        encoding="utf-8",
    )
    window = make_window(example_ws)
    recipients = show_tab(window, "recipients")
    recipients.add()
    qtbot.waitUntil(lambda: recipients.dialog is not None)
    recipients.import_file()
    qtbot.waitUntil(lambda: recipients.import_dialog is not None)
    batch = show_tab(window, "batch")
    qtbot.waitUntil(batch.print_button.isEnabled)
    dialogs = [recipients.dialog, recipients.import_dialog, batch.print_pack()]
    outreach = show_tab(window, "outreach")
    outreach.open_send_dialog()
    qtbot.waitUntil(lambda: outreach.send_dialog is not None and window.tasks.idle())
    several = [("mep-1", "Michal Šimečka"), ("mep-2", "Rasa Juknevičienė")]
    dialogs += [
        outreach.send_dialog,
        MarkDialog([("mep-1", "Michal Šimečka")], ["a", "b"], uncertain=True),
        MarkDialog(several, ["a", "b"], uncertain=True, one_each=True, left_out=1),
    ]
    clashes = []
    try:
        for dialog in dialogs:
            dialog.show()
            seen: dict[str, list[str]] = {}
            for text in _dialog_texts(dialog):
                seen.setdefault(mnemonic(text), []).append(text)
            clashes += [f"{type(dialog).__name__} {k}: {v}" for k, v in seen.items() if len(v) > 1]
    finally:
        for dialog in dialogs:
            dialog.hide()
    assert clashes == [], "\n".join(clashes)


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_the_tabs_the_menus_and_each_menus_items_have_one_letter_each(
    make_window, example_ws, language, monkeypatch
):
    """In Russian the tabs '&Письмо' and '&Пакет' shared Alt+П; in Ukrainian and Russian the
    File menu's '&Нова кампанія…' and '&Недавні' shared Н."""
    monkeypatch.setenv("LANGUAGE", language)
    window = make_window(example_ws)
    groups = {
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "menu bar": [a.text() for a in window.menuBar().actions()],
    }
    for action in window.menuBar().actions():
        if action.menu() is not None:
            items = [a.text() for a in action.menu().actions() if not a.isSeparator() and a.isVisible()]
            groups[action.text()] = items
    for name, texts in groups.items():
        keys = [mnemonic(t) for t in texts if mnemonic(t)]
        assert len(keys) == len(set(keys)), f"{name}: {texts}"
