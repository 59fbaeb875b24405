"""The Case tab's "Export for translation…" and "Import translation…", as a campaigner uses
them: choose the language and the file, hand the file to a translator, bring it back."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po, write_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

pytestmark = pytest.mark.usefixtures("discard_on_close")


@pytest.fixture
def dialogs(monkeypatch):
    """The answers the file and language dialogs give (what the user would choose)."""
    answers: dict[str, object] = {}
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (answers["language"], True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (answers["save"], "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (answers["open"], "")))
    return answers


def fill(path, texts: dict[str, str]) -> None:
    with path.open("rb") as fh:
        cat = read_po(fh)
    for message in cat:
        if message.context in texts:
            message.string = texts[message.context]
    with path.open("wb") as fh:
        write_po(fh, cat)


def test_export_then_import_a_translation_from_the_case_tab(open_tab, mini_ws, qtbot, tmp_path, dialogs):
    window, tab = open_tab(mini_ws.root, "case")
    po = tmp_path / "test-case.pl.po"
    dialogs.update(language="pl", save=str(po), open=str(po))

    qtbot.mouseClick(tab.export_translation_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.translation.result_box is not None)
    assert "Wrote 8 case texts to translate from en into pl" in tab.translation.result_box.text()
    assert po.is_file()

    fill(po, {"person/name": "Żanara Achmetowa", "demands/stop/text": "Zatrzymajcie ekstradycję."})
    tab.translation.result_box = None
    qtbot.mouseClick(tab.import_translation_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.translation.result_box is not None)
    assert tab.translation.result_box.text().startswith(
        "Imported 2 pl texts into the case; 0 unchanged, 0 skipped as fuzzy, 6 skipped as empty"
    )
    case_text = (mini_ws.root / "cases/test-case.yaml").read_text(encoding="utf-8")
    assert "pl: Żanara Achmetowa" in case_text and "pl: Zatrzymajcie ekstradycję." in case_text
    qtbot.waitUntil(window.tasks.idle)  # the tab reads the case again
    assert tab.doc.get_text(tab.doc.data["person"], "name", "pl") == "Żanara Achmetowa"


def test_a_broken_po_file_is_shown_as_the_command_line_says_it(open_tab, mini_ws, qtbot, tmp_path, dialogs):
    _window, tab = open_tab(mini_ws.root, "case")
    po = tmp_path / "broken.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n\nmsgctxt "title"\nmsgid Stop\nmsgstr ""\n')
    before = (mini_ws.root / "cases/test-case.yaml").read_bytes()
    dialogs.update(open=str(po))
    qtbot.mouseClick(tab.import_translation_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "broken.po:6:" in tab.banner.text())
    assert "not a line of a PO file: 'msgid Stop'" in tab.banner.text()
    assert tab.translation.result_box is None
    assert (mini_ws.root / "cases/test-case.yaml").read_bytes() == before


def test_export_with_unsaved_edits_asks_to_save_first(open_tab, mini_ws, qtbot, tmp_path, dialogs):
    """A sentence typed and not saved was missing from the file sent to the translator,
    while the tab said the export had worked."""
    _window, tab = open_tab(mini_ws.root, "case")
    tab.doc.set_text(tab.doc.data, "title", "en", "A title not saved yet")
    assert tab.has_unsaved_changes()
    po = tmp_path / "test-case.pl.po"
    dialogs.update(language="pl", save=str(po), open=str(po))
    qtbot.mouseClick(tab.export_translation_button, Qt.MouseButton.LeftButton)
    assert "Save or revert your changes to the case before exporting" in tab.banner.text()
    assert not po.exists()
