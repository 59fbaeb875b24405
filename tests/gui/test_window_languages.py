"""The window in Ukrainian and Russian: nothing left in English, and the Settings choice wins.

Under ``LANGUAGE=uk`` the main window is built on the example campaign, every tab and the
dialogs a campaigner opens from them are walked, and every text a user reads (labels,
buttons, tooltips, placeholders, group titles, tab names, menus, combo items, table headers,
window titles) must be free of English words, apart from the product's name, technical
tokens (file names, queries, PDF, SMTP…) and the campaign's own data. A string someone
forgets to wrap in ``tr()``, or a message the catalogue lacks, shows up here in English.
"""

from __future__ import annotations

import getpass
import html
import re
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from campaign_app.core.campaign.send import OUTCOMES
from campaign_app.core.directory.recipients import CATEGORIES
from campaign_app.core.outreach.terms import QUERY_STATUSES
from campaign_app.gui.main_window import TABS

# Words and tokens a Ukrainian or Russian window shows as they are.
ALLOWED = re.compile(
    r"campaign_app|campaign-app(?: [a-z]+)*|--[\w-]+|https?://\S+|\S+@\S+|\{\{[^}]*\}\}|password: ask"
    r"|\b(?:PDF|DOCX|CSV|SMTP|IMAP|TLS|SSL|STARTTLS|UTF-8|YAML|XML|Excel|Word|ID|URL|PNG|JPEG|UTC|Avery"
    r"|L7163|DL|C4|C5|A4|US Letter|Letter|Ctrl|Enter|Esc|Insert|Delete|Del|F\d|Return|Jinja|Markdown"
    r"|EXAMPLE)\b"  # the Settings note names the mark as an English letter says it
    r"|-?\w+:\S*"  # query terms: category:mep, -tag:former-member
    r"|\S*[/\\]\S*"  # paths: letter_templates/, out/appeal-en
    r"|[\w.-]*[_.-][\w.-]+"  # ids and file names: mep-appeal-en, campaign.yaml, given_name
    r"|\b(?!(?:of|to|in|by|on|at|or|is|it|an|as|no|be|we|if|do|up|so)\b)[a-z]{2}\b"  # language codes: en, uk
    r"|\b[A-Z]{2}\b"  # country codes: UA, DE
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# The core's own words (its messages are translated by the command line's catalogues, not here):
# status meanings, send outcomes, the keyring's state, and a problem's line (message — advice).
CORE_TEXTS = re.compile(
    "|".join(
        rf"(?<![\w:]){re.escape(text)}(?!\w)"
        for text in sorted({*QUERY_STATUSES.values(), *OUTCOMES.values()}, key=len, reverse=True)
    )
    + r"|No system keyring is available.*|Passwords are kept in the system keyring: .*"
    + r"|^.*\S — \S.*$",  # a core problem: "file:line: message — advice"
    re.MULTILINE,
)
# Examples and names the window shows as they are: categories, keys, folder names, the account.
TOKENS = {
    *CATEGORIES,
    "recipients",
    "inbox",
    "password",
    "xlsx",
    "simecka",
    "supporter",
    "droi",
    getpass.getuser(),
}


def _workspace_text(root: Path) -> str:
    """Every text of the campaign (the user's data may be in any language, English included)."""
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix in (".yaml", ".yml", ".csv", ".md")
    )


def english_left(text: str, data: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """The English words of ``text`` that are neither data, nor core words, nor allowed tokens;
    ``data_words``: words of the campaign's data a text may put together (a picker's names)."""
    text = re.sub(r"<[^>]+>", "\n", text)  # rich text's tags
    text = CORE_TEXTS.sub(" ", html.unescape(text).replace("&", ""))
    left = []
    for part in re.split(r"\n|  +| · | — |: |; |, |\(|\)|«|»|“|”", text):
        part = part.strip(" .…?!")
        if not part or not LATIN_WORD.search(part) or part in data:
            continue
        rest = ALLOWED.sub(" ", part)
        left += [w for w in LATIN_WORD.findall(rest) if w not in TOKENS and w not in data_words]
    return left


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model or Qt's internal one: one column, no header of ours
        return 1


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user reads in ``root`` and its children."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()}"
        found.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, w.text()))
        if isinstance(w, QLineEdit | QPlainTextEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        if isinstance(w, QGroupBox):
            found.append((name, w.title()))
        if isinstance(w, QTabWidget):
            found += [(f"{name} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox):
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
            found.append((f"{name} placeholder", w.placeholderText()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for column in range(_columns(model)):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    header = model.headerData(column, Qt.Orientation.Horizontal, role)
                    found.append((f"{name} header", str(header or "")))
        for action in w.actions():
            found += [(f"{name} action", action.text()), (f"{name} action tip", action.toolTip())]
    return [(where, text) for where, text in found if text]


def _untranslated(widgets: list[QWidget], data: str) -> list[str]:
    bad = []
    data_words = frozenset(LATIN_WORD.findall(data))
    data += "\n" + keyring.get_keyring().name  # the keyring in use is named as it names itself
    for widget in widgets:
        for where, text in visible_texts(widget):
            words = english_left(text, data, data_words if where.endswith(" item") else frozenset())
            if words:
                bad.append(f"{where}: {text!r} → {words}")
    return sorted(set(bad))


def _open_dialogs(window, show_tab, qtbot) -> list[QWidget]:
    """The dialogs a campaigner opens from the tabs: add a recipient, import, print, send."""
    dialogs: list[QWidget] = []
    recipients = show_tab(window, "recipients")
    recipients.add()
    qtbot.waitUntil(lambda: recipients.dialog is not None)
    dialogs.append(recipients.dialog)
    recipients.import_file()
    qtbot.waitUntil(lambda: recipients.import_dialog is not None)
    dialogs.append(recipients.import_dialog)
    batch = show_tab(window, "batch")
    qtbot.waitUntil(batch.print_button.isEnabled)
    dialogs.append(batch.print_pack())
    outreach = show_tab(window, "outreach")
    outreach.open_send_dialog()
    qtbot.waitUntil(lambda: outreach.send_dialog is not None)
    qtbot.waitUntil(window.tasks.idle)
    dialogs.append(outreach.send_dialog)
    return dialogs


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_text_of_the_window_and_its_dialogs_is_translated(
    language, monkeypatch, make_window, show_tab, example_ws, qtbot
):
    monkeypatch.setenv("LANGUAGE", language)
    window = make_window(example_ws)
    pages = [show_tab(window, name) for name, _label, _module, _cls in TABS]
    dialogs = _open_dialogs(window, show_tab, qtbot)
    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    try:
        bad = _untranslated([window, *pages, *dialogs, *menus], _workspace_text(example_ws))
    finally:
        for dialog in dialogs:
            dialog.close()
    assert bad == [], "\n".join(bad)


def test_english_left_finds_an_untranslated_label_and_passes_data_and_tokens():
    """The check itself: it catches English, and lets names, ids and paths through."""
    data = "Appeal to a Member of the European Parliament"
    assert english_left("Зберегти шаблон", data) == []
    assert english_left("Appeal to a Member of the European Parliament  (mep-appeal-en)", data) == []
    assert english_left("Збережено letter_templates/appeal.md о 14:05", data) == []
    assert english_left("Save template", data) == ["Save", "template"]
    assert english_left("Показано 3 of 5", data) == ["of"]


def test_the_window_speaks_russian_under_language_ru(monkeypatch, make_window, example_ws):
    monkeypatch.setenv("LANGUAGE", "ru")
    window = make_window(example_ws)
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert tabs == ["Дело", "Адресаты", "Письмо", "Пакет", "Настройки", "Контакты"]
    assert [a.text().replace("&", "") for a in window.menuBar().actions()] == ["Файл", "Вид", "Справка"]
    # Qt's own words (standard buttons) come from Qt's catalogue
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_the_settings_choice_wins_over_language_from_the_next_start(
    monkeypatch, make_window, show_tab, example_ws, qtbot
):
    monkeypatch.setenv("LANGUAGE", "ru")
    window = make_window(example_ws)
    settings = show_tab(window, "settings")
    combo = settings.interface_language_combo
    assert combo.currentData() == ""  # "follow the system" until chosen
    combo.setCurrentIndex(combo.findData("uk"))
    combo.activated.emit(combo.currentIndex())
    assert "наступного запуску" not in settings.status_label.text()  # said in the running language
    assert "со следующего запуска" in settings.status_label.text()
    window.close()

    restarted = make_window(example_ws)
    tabs = [restarted.tabs.tabText(i).replace("&", "") for i in range(restarted.tabs.count())]
    assert tabs == ["Справа", "Адресати", "Лист", "Пакет", "Налаштування", "Контакти"]
    settings = show_tab(restarted, "settings")
    assert settings.interface_language_combo.currentText() == "Українська"


def test_counts_use_each_languages_plural_forms(monkeypatch, make_window, show_tab, example_ws, qtbot):
    """1 лист, 3 листи, 5 листів: the three Ukrainian forms; and 1 letter, 2 letters in English."""
    from campaign_app.gui.outreach.browsing import OutreachBrowser

    monkeypatch.setenv("LANGUAGE", "uk")
    make_window(example_ws)
    counts = [OutreachBrowser.tr("%n letter(s)", "", n) for n in (1, 3, 5, 21)]
    assert counts == ["1 лист", "3 листи", "5 листів", "21 лист"]
    monkeypatch.setenv("LANGUAGE", "en")
    make_window(example_ws)
    assert [OutreachBrowser.tr("%n letter(s)", "", n) for n in (1, 2)] == ["1 letter", "2 letters"]


def test_the_outreach_tabs_status_meanings_and_dates_are_in_the_window_language(
    monkeypatch, make_window, example_ws
):
    """A Ukrainian window on a system whose locale is C: the status tooltips said 'a letter
    generated, not sent' and the dates '5 December 2026' (Qt names the system locale after
    LANGUAGE, and formats by LC_TIME)."""
    import datetime as dt

    from PySide6.QtCore import QLocale

    from campaign_app.gui.outreach.words import status_meaning
    from campaign_app.gui.translation import locale_for

    monkeypatch.setenv("LANGUAGE", "uk")
    make_window(example_ws)
    assert status_meaning("drafted") == "лист створено, не надіслано"
    assert status_meaning("no-such-status") == ""
    assert "грудня" in locale_for("uk").toString(dt.date(2026, 12, 5), QLocale.FormatType.LongFormat)
    # as a user starts it: LANGUAGE=uk from the start, the system's formats C
    import os
    import subprocess
    import sys

    code = (
        "import datetime as dt\n"
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from campaign_app.gui.translation import locale_for\n"
        "print(locale_for('uk').toString(dt.date(2026, 12, 5), QLocale.FormatType.LongFormat))\n"
    )
    env = {**os.environ, "LANGUAGE": "uk", "LANG": "C.UTF-8", "LC_ALL": "", "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert "грудня" in shown.stdout, shown.stdout
