"""The Case tab, driven as a campaigner would: edit, add, delete, save, revert."""

from __future__ import annotations

import difflib

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from campaign_app.core.case.load import load_case
from campaign_app.core.letters.email.text import letter_text
from campaign_app.core.letters.render import render_letter
from campaign_app.gui.case.fields import RefsEdit
from campaign_app.gui.case.widgets import PARTS

EXAMPLE_CASE = "cases/akhmetova-extradition.yaml"
MINI_CASE = "cases/test-case.yaml"

pytestmark = pytest.mark.usefixtures("discard_on_close")


@pytest.fixture(autouse=True)
def no_completion_popup(monkeypatch):
    """The offscreen platform cannot show popups (Qt warns, and warnings fail tests)."""
    monkeypatch.setattr(RefsEdit, "show_popup", False)


@pytest.fixture
def case_tab(open_tab):
    """The main window on a workspace, showing the Case tab with the case loaded."""
    return lambda workspace: open_tab(workspace, "case")


def choose_part(qtbot, tab, part: str) -> None:
    index = tab.parts_model.index([key for key, _title in PARTS].index(part))
    qtbot.mouseClick(
        tab.parts.viewport(), Qt.MouseButton.LeftButton, pos=tab.parts.visualRect(index).center()
    )
    assert tab.section == part


def rows(tab) -> list[str]:
    """The first column of the table, as shown."""
    return [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]


def click_row(qtbot, tab, item_id: str) -> None:
    id_column = next(
        c
        for c in range(tab.proxy.columnCount())
        if tab.proxy.headerData(c, Qt.Orientation.Horizontal) == "ID"
    )
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, id_column).data() == item_id)
    index = tab.proxy.index(row, id_column)
    tab.table.scrollTo(index)
    qtbot.mouseClick(
        tab.table.viewport(), Qt.MouseButton.LeftButton, pos=tab.table.visualRect(index).center()
    )
    assert tab.doc.get_plain(tab.current_item(), "id") == item_id


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key (QTest's keyClicks only knows ASCII: other letters are sent
    as the key events a keyboard layout would produce)."""
    for char in text:
        if ord(char) < 128:
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def replace_text(qtbot, widget, text: str) -> None:
    """Select everything in a field and type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def text_input(tab, part: str, key: str, language: str | None):
    return tab.editors[part].inputs[key].inputs[language]


def message(tab, part: str, key: str) -> str:
    label = tab.editors[part].messages[key]
    return label.text() if label.isVisible() else ""


def answer(qtbot, tab, button_text: str) -> str:
    """Wait for the tab's question, click one of its buttons; returns the question's text."""
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    box = tab.dialog
    shown = "\n".join((box.text(), box.informativeText()))
    button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None)
    return shown


def save_with_ctrl_s(qtbot, window, tab) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(tab.focusWidget() or tab.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())


def test_editing_a_fact_saves_only_that_text_and_letters_use_it(case_tab, qtbot, example_ws):
    path = example_ws / EXAMPLE_CASE
    original = path.read_text(encoding="utf-8")
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "roles")
    english = text_input(tab, "facts", "text", "en")
    ukrainian = text_input(tab, "facts", "text", "uk")
    assert english.toPlainText().startswith("Zhanara Akhmetova is the programme director")
    assert ukrainian.toPlainText().startswith("Жанара Ахметова — програмна директорка")
    assert not tab.save_button.isEnabled()

    new_text = "Zhanara Akhmetova is an independent journalist and a leader of the DCK opposition movement."
    replace_text(qtbot, english, new_text)
    assert tab.has_unsaved_changes()
    assert "Unsaved changes" in tab.state_label.text() and tab.save_button.isEnabled()
    assert rows(tab)[0] == "roles"
    assert tab.proxy.index(0, 1).data() == new_text, "the table shows the edit at once"

    save_with_ctrl_s(qtbot, window, tab)
    assert not tab.has_unsaved_changes() and not tab.save_button.isEnabled()
    assert english.hasFocus(), "typing can go on where it stopped"
    written = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(original.splitlines(), written.splitlines(), n=0, lineterm="")
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-        Zhanara Akhmetova is the programme director of the Kazakhstani opposition media outlet",
        "-        “16/12” and one of the leaders of the opposition movement “Democratic Choice of",
        "-        Kazakhstan” (DCK).",
        "+        Zhanara Akhmetova is an independent journalist and a leader of the DCK opposition",
        "+        movement.",
    ], "only the English text of the fact changed: comments, order and the Ukrainian text are as they were"
    roles = next(f for f in load_case(path).facts if f.id == "roles")
    assert roles.text["uk"].startswith("Жанара Ахметова — програмна директорка")

    workspace = window.session.workspace
    recipient = next(r for r in workspace.directory if r.category == "mep")
    letter = render_letter(workspace.template("mep-appeal-en"), recipient, workspace.case, workspace.campaign)
    assert new_text in " ".join(letter_text(letter).split())


def test_typing_on_while_a_save_is_written_keeps_every_key(case_tab, qtbot, example_ws):
    """Keys typed in the moment after Ctrl+S (the save takes a few tenths of a second) were
    lost: the fields were disabled while the file was written."""
    path = example_ws / EXAMPLE_CASE
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "roles")
    english = text_input(tab, "facts", "text", "en")
    replace_text(qtbot, english, "Zhanara Akhmetova is a journalist.")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(english, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tab.busy, "the save is under way while the next keys come"
    type_text(qtbot, english, " She was detained in Kyiv.")
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())

    typed = "Zhanara Akhmetova is a journalist. She was detained in Kyiv."
    assert english.toPlainText() == typed
    roles = next(f for f in load_case(path).facts if f.id == "roles")
    assert roles.text["en"] == "Zhanara Akhmetova is a journalist.", "the file holds what was saved"
    assert tab.has_unsaved_changes() and "Unsaved changes" in tab.state_label.text()
    assert tab.save_button.isEnabled()

    save_with_ctrl_s(qtbot, window, tab)
    assert not tab.has_unsaved_changes(), "no 'changed by another program' question"
    assert tab.dialog is None
    roles = next(f for f in load_case(path).facts if f.id == "roles")
    assert roles.text["en"] == typed
    assert english.toPlainText() == typed


def test_a_case_changed_in_another_program_is_shown_when_the_user_comes_back(case_tab, qtbot, example_ws):
    """The tab went on showing the old case with "No changes" (and Revert disabled) after
    the file was edited elsewhere; with edits of its own it says so and keeps them."""
    path = example_ws / EXAMPLE_CASE
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "facts")
    old = "Zhanara Akhmetova is the programme director"
    new = "Zhanara Akhmetova is the former programme director"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    window.select_tab("compose")
    window.select_tab("case")
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert tab.proxy.index(0, 1).data().startswith(new)

    click_row(qtbot, tab, "roles")
    replace_text(qtbot, text_input(tab, "facts", "text", "en"), "Edited here.")
    path.write_text(path.read_text(encoding="utf-8").replace(new, old, 1), encoding="utf-8")
    window.select_tab("compose")
    window.select_tab("case")
    qtbot.waitUntil(
        lambda: "Changed elsewhere" in tab.state_label.text() or "Unsaved" in tab.state_label.text()
    )
    assert text_input(tab, "facts", "text", "en").toPlainText() == "Edited here."
    assert tab.revert_button.isEnabled()


def test_a_new_event_with_a_bad_date_is_flagged_at_the_field_and_not_written(case_tab, qtbot, example_ws):
    path = example_ws / EXAMPLE_CASE
    before = path.read_bytes()
    _window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "timeline")
    count = len(rows(tab))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(rows(tab)) == count + 1
    assert tab.doc.get_plain(tab.current_item(), "id") == "new-event"
    date = tab.editors["timeline"].inputs["date"]
    assert date.hasFocus() or tab.focusWidget() is date
    qtbot.keyClicks(date, "2020-13-45")
    assert message(tab, "timeline", "date") == (
        "'date' '2020-13-45' is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY"
    )
    qtbot.keyClicks(text_input(tab, "timeline", "text", "en"), "A court hearing.")
    type_text(qtbot, text_input(tab, "timeline", "text", "uk"), "Судове засідання.")
    qtbot.keyClicks(tab.editors["timeline"].inputs["sources"], "odf-brief-2020")
    assert message(tab, "timeline", "sources") == ""

    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert path.read_bytes() == before, "an invalid case is never written"
    assert tab.has_unsaved_changes()
    assert "Not saved" in tab.banner.text() and "Nothing was written" in tab.banner.text()
    shown = message(tab, "timeline", "date")
    assert f"{EXAMPLE_CASE}:" in shown and shown.endswith(
        ": 'date' '2020-13-45' is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY"
    )
    assert tab.problem_box.isVisible()
    assert [p.split(": ", 1)[1] for p in tab.problem_box.model.stringList()] == [
        "'date' '2020-13-45' is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY"
    ]

    replace_text(qtbot, tab.editors["timeline"].inputs["date"], "2020-06-01")
    assert message(tab, "timeline", "date") == ""
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert not tab.problem_box.isVisible()
    event = next(e for e in load_case(path).timeline if e.id == "new-event")
    assert str(event.date) == "2020-06-01" and event.sources == ("odf-brief-2020",)
    assert event.text == {"en": "A court hearing.", "uk": "Судове засідання."}


def test_deleting_a_source_a_template_cites_warns_with_file_and_line(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    before = path.read_bytes()
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "sources")
    assert rows(tab) == ["court", "unhcr-doc", "brief"]
    click_row(qtbot, tab, "court")

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, tab, "Cancel")
    assert "The source “court” is still cited in 5 places:" in question
    assert f"{MINI_CASE}:14: timeline event 'supreme-court'" in question
    assert "letter_templates/appeal-en.md:12: cite('court')" in question
    assert (
        "letter_templates/appeal-en.md:10: fact('supreme-court'), timeline event 'supreme-court', which cites it"
        in question
    )
    assert rows(tab) == ["court", "unhcr-doc", "brief"], "Cancel deletes nothing"
    assert not tab.has_unsaved_changes()

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    answer(qtbot, tab, "Delete source")
    assert rows(tab) == ["unhcr-doc", "brief"]
    assert tab.has_unsaved_changes()
    assert "Correct the places that cited it before saving" in tab.banner.text()

    choose_part(qtbot, tab, "timeline")
    click_row(qtbot, tab, "supreme-court")
    assert message(tab, "timeline", "sources") == (
        "timeline event 'supreme-court' cites unknown source 'court' — add it under 'sources:' or correct the id"
    )
    assert "cites unknown source 'court'" in tab.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert path.read_bytes() == before, "the case would cite a missing source: nothing is written"
    assert "Not saved" in tab.banner.text()


def test_renaming_a_fact_templates_use_says_where_before_saving(case_tab, qtbot, example_ws):
    """A fact's id changed here was saved without a word, though four templates still said
    fact('roles'): every letter from them failed at the next generate."""
    path = example_ws / EXAMPLE_CASE
    before = path.read_bytes()
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "roles")
    replace_text(qtbot, tab.editors["facts"].inputs["id"], "roles-2020")
    save_with_ctrl_s(qtbot, window, tab)
    question = answer(qtbot, tab, "Cancel")
    assert question.startswith("The templates still use an id changed here:\n")
    assert "letter_templates/mep-appeal-en.md:8: case.fact('roles'), now “roles-2020”" in question
    assert "letter_templates/mep-appeal-en.md:8: fact('roles'), now “roles-2020”" in question
    assert "letter_templates/ukraine-official-appeal-uk.md:11: fact('roles'), now “roles-2020”" in question
    assert "cannot be written until they use the new id" in question
    assert path.read_bytes() == before and tab.has_unsaved_changes(), "Cancel writes nothing"

    save_with_ctrl_s(qtbot, window, tab)
    answer(qtbot, tab, "Save anyway")
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert load_case(path).facts[0].id == "roles-2020"
    assert not tab.has_unsaved_changes()

    click_row(qtbot, tab, "extradition-sought")  # used by templates too, but not renamed
    replace_text(qtbot, text_input(tab, "facts", "text", "en"), "Kazakhstan seeks her extradition.")
    save_with_ctrl_s(qtbot, window, tab)
    assert tab.dialog is None and not tab.has_unsaved_changes(), "asked once, about that rename only"


def test_renaming_an_id_no_template_uses_asks_nothing(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "demands")
    click_row(qtbot, tab, "stop")
    replace_text(qtbot, tab.editors["demands"].inputs["id"], "stop-extradition")
    save_with_ctrl_s(qtbot, window, tab)
    assert tab.dialog is None
    assert [d.id for d in load_case(path).demands] == ["stop-extradition"]


def test_deleting_an_unused_item_asks_nothing_and_revert_restores_everything(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    before = path.read_bytes()
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "unhcr")
    replace_text(qtbot, text_input(tab, "facts", "text", "en"), "UNHCR protects her.")
    choose_part(qtbot, tab, "demands")
    click_row(qtbot, tab, "stop")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.tasks.idle())
    assert tab.dialog is None, "no template or item uses the demand: nothing to ask"
    assert rows(tab) == []
    assert tab.count_label.text() == "0 demands"
    assert tab.has_unsaved_changes() and tab.revert_button.isEnabled()

    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, tab, "Discard changes")
    assert "Discard every change" in question
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab.busy)
    assert rows(tab) == ["stop"]
    choose_part(qtbot, tab, "facts")
    assert text_input(tab, "facts", "text", "en").toPlainText() == "UNHCR protects her from forcible return."
    assert not tab.has_unsaved_changes() and not tab.revert_button.isEnabled()
    assert "No changes" in tab.state_label.text()
    assert path.read_bytes() == before


def test_a_deleted_item_comes_back_with_undo_and_the_other_edits_stay(case_tab, qtbot, mini_ws):
    """Del removed an unused item at once, with no way back but Revert, which also threw
    away every other edit."""
    path = mini_ws.root / MINI_CASE
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "unhcr")
    replace_text(qtbot, text_input(tab, "facts", "text", "en"), "UNHCR protects her.")
    choose_part(qtbot, tab, "demands")
    before = rows(tab)
    assert before == ["stop"]
    click_row(qtbot, tab, "stop")
    assert not tab.undo_delete_button.isVisible()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.tasks.idle() and rows(tab) == [])
    assert tab.dialog is None and tab.undo_delete_button.isVisible()

    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(tab) == before
    assert not tab.undo_delete_button.isVisible()
    choose_part(qtbot, tab, "facts")
    assert text_input(tab, "facts", "text", "en").toPlainText() == "UNHCR protects her."
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    saved = load_case(path)
    assert [d.id for d in saved.demands] == before
    assert next(f for f in saved.facts if f.id == "unhcr").text["en"] == "UNHCR protects her."


def test_a_source_cited_by_a_fact_warns_even_if_no_template_cites_it(case_tab, qtbot, mini_ws):
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "sources")
    click_row(qtbot, tab, "brief")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    question = answer(qtbot, tab, "Cancel")
    assert f"{MINI_CASE}:18: timeline event 'arrival'" in question
    assert f"{MINI_CASE}:22: fact 'unhcr'" in question
    assert "appeal-en.md:10: fact('unhcr'), fact 'unhcr', which cites it" in question


def test_unknown_source_ids_are_flagged_under_the_field(case_tab, qtbot, mini_ws):
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "unhcr")
    sources = tab.editors["facts"].inputs["sources"]
    assert sources.text() == "unhcr-doc, brief"
    replace_text(qtbot, sources, "unhcr-doc, breif")
    assert message(tab, "facts", "sources") == (
        "fact 'unhcr' cites unknown source 'breif' — add it under 'sources:' or correct the id"
    )
    assert tab.proxy.index(0, 2).data() == "unhcr-doc, breif"
    replace_text(qtbot, sources, "")
    assert message(tab, "facts", "sources") == (
        "fact 'unhcr' names no source — add 'sources: [source-id]' backing it"
    )
    qtbot.keyClicks(sources, "brief")
    assert message(tab, "facts", "sources") == ""


def test_overview_shows_every_language_of_the_name_and_saves_a_title(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    window, tab = case_tab(mini_ws.root)
    assert tab.section == "overview"
    names = tab.editors["overview"].inputs["name"].inputs
    assert {lang: w.text() for lang, w in names.items()} == {
        "en": "Zhanara Akhmetova",
        "uk": "Жанара Ахметова",
        "kk": "Жанара Ахметова",
    }
    title = tab.editors["overview"].inputs["title"].inputs["en"]
    replace_text(qtbot, title, "Stop the extradition now")
    assert tab.heading.text() == "Stop the extradition now"
    save_with_ctrl_s(qtbot, window, tab)
    text = path.read_text(encoding="utf-8")
    assert "title: {en: Stop the extradition now, uk: Зупиніть екстрадицію}\n" in text
    assert load_case(path).person.name["kk"] == "Жанара Ахметова"


def test_an_argument_point_is_added_and_saved(case_tab, qtbot, example_ws):
    path = example_ws / EXAMPLE_CASE
    _window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "arguments")
    click_row(qtbot, tab, "economic-charges")
    points = tab.editors["arguments"].inputs["points"]
    assert points.model.rowCount() == 4
    points.select(3)
    qtbot.mouseClick(points.add_button, Qt.MouseButton.LeftButton)
    assert points.model.rowCount() == 5 and points.current_row() == 4
    qtbot.keyClicks(points.editor.inputs["text"].inputs["en"], "The charges were dropped elsewhere.")
    type_text(qtbot, points.editor.inputs["text"].inputs["uk"], "Обвинувачення були зняті деінде.")
    qtbot.keyClicks(points.editor.inputs["sources"], "odf-brief-2020")
    assert tab.proxy.index(0, 3).data() == "5"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    assert not tab.has_unsaved_changes(), tab.banner.text()
    argument = next(a for a in load_case(path).arguments if a.id == "economic-charges")
    assert argument.points[-1].text == {
        "en": "The charges were dropped elsewhere.",
        "uk": "Обвинувачення були зняті деінде.",
    }


def test_quick_filter_narrows_the_list(case_tab, qtbot, example_ws):
    _window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "sources")
    total = len(rows(tab))
    qtbot.keyClicks(tab.filter, "helsinki")
    shown = rows(tab)
    assert 0 < len(shown) < total
    assert tab.count_label.text() == f"{len(shown)} of {total} sources shown"
    assert "csce-hastings-urges-ukraine" in shown


def test_a_save_elsewhere_reloads_an_unedited_case(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    window, tab = case_tab(mini_ws.root)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Stop the extradition.", "Halt it."), encoding="utf-8"
    )
    window.session.changed("case")
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab.busy)
    choose_part(qtbot, tab, "demands")
    assert text_input(tab, "demands", "text", "en").toPlainText() == "Halt it."


def test_a_case_changed_on_disk_is_overwritten_only_when_the_user_says_so(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "demands")
    replace_text(qtbot, text_input(tab, "demands", "text", "en"), "Mine.")
    path.write_text(
        path.read_text(encoding="utf-8").replace("Stop the extradition.", "Theirs."), encoding="utf-8"
    )
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    answer(qtbot, tab, "Cancel")
    assert "Theirs." in path.read_text(encoding="utf-8")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    answer(qtbot, tab, "Overwrite")
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab.busy)
    assert "Mine." in path.read_text(encoding="utf-8")
    assert not tab.has_unsaved_changes()


def test_the_window_knows_about_unsaved_changes(case_tab, qtbot, mini_ws):
    window, tab = case_tab(mini_ws.root)
    assert window.unsaved_tabs() == []
    choose_part(qtbot, tab, "demands")
    replace_text(qtbot, text_input(tab, "demands", "text", "en"), "Changed.")
    assert window.unsaved_tabs() == ["Case"]


def test_source_ids_complete_from_the_case(case_tab, qtbot, mini_ws):
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "unhcr")
    sources = tab.editors["facts"].inputs["sources"]
    replace_text(qtbot, sources, "unhcr-doc, bri")
    assert message(tab, "facts", "sources").startswith("fact 'unhcr' cites unknown source 'bri'")
    completer = sources.completer_for_ids
    assert completer.completionCount() == 1 and completer.currentCompletion() == "brief"
    completer.activated.emit("brief")  # the user picks it from the list
    assert sources.text() == "unhcr-doc, brief"
    assert message(tab, "facts", "sources") == ""


def test_a_case_with_problems_opens_and_each_problem_leads_to_its_field(case_tab, qtbot, mini_ws):
    path = mini_ws.root / MINI_CASE
    path.write_text(path.read_text(encoding="utf-8").replace("[unhcr-doc, brief]", "[unhcr-doc, brif]"))
    _window, tab = case_tab(mini_ws.root)
    assert tab.problem_box.isVisible()
    problems = tab.problem_box.model.stringList()
    assert len(problems) == 1 and problems[0].endswith(
        f"{MINI_CASE}:22: fact 'unhcr' cites unknown source 'brif' — add it under 'sources:' or correct the id"
    )
    assert "1 problem" in tab.banner.text()
    index = tab.problem_box.model.index(0)
    qtbot.mouseClick(
        tab.problem_box.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.problem_box.view.visualRect(index).center(),
    )
    assert tab.section == "facts" and tab.doc.get_plain(tab.current_item(), "id") == "unhcr"
    assert message(tab, "facts", "sources") == problems[0], "shown once, as the loader said it"
    replace_text(qtbot, tab.editors["facts"].inputs["sources"], "unhcr-doc, brief")
    assert message(tab, "facts", "sources") == ""
    assert not tab.problem_box.isVisible()


def test_the_case_is_shown_and_editable_before_it_is_checked_and_its_problems_follow(
    qapp, qtbot, mini_ws, monkeypatch
):
    """Checking the case parses the file a second time: the tab shows the case and takes
    edits as soon as it is read, and the problems the check finds arrive afterwards."""
    import threading

    from campaign_app.gui.case import tab as case_tab_module

    path = mini_ws.root / MINI_CASE
    path.write_text(path.read_text(encoding="utf-8").replace("[unhcr-doc, brief]", "[unhcr-doc, brif]"))
    release = threading.Event()
    real_check = case_tab_module._check_case

    def slow_check(text, where):
        release.wait(30)
        return real_check(text, where)

    monkeypatch.setattr(case_tab_module, "_check_case", slow_check)
    from campaign_app.gui.app import build_window

    window, _session, tasks = build_window(mini_ws.root, remember=False)
    qtbot.addWidget(window)
    window.show()
    tab = window.pages["case"]
    try:
        qtbot.waitUntil(lambda: tab.doc is not None and not tab.busy)
        assert not tasks.idle(), "the check is still running"
        title = tab.editors["overview"].inputs["title"].inputs["en"]
        assert title.isEnabled() and title.text() and not tab.problem_box.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(tasks.idle)
    assert tab.problem_box.isVisible() and "1 problem" in tab.banner.text()
    assert tab.problem_box.model.stringList()[0].endswith(
        "fact 'unhcr' cites unknown source 'brif' — add it under 'sources:' or correct the id"
    )
    window.close()


def test_a_case_file_that_is_not_yaml_is_reported_not_crashed_on(make_window, qtbot, mini_ws):
    (mini_ws.root / MINI_CASE).write_text("id: test-case\ntitle: [unclosed\n", encoding="utf-8")
    window = make_window(mini_ws.root)
    tab = window.pages["case"]
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab.busy)
    assert tab.doc is None
    assert "The case file cannot be opened:" in tab.banner.text()
    assert f"{MINI_CASE}:3" in tab.banner.text() and "malformed YAML" in tab.banner.text()
    assert not tab.add_button.isEnabled() and not tab.save_button.isEnabled()


def test_a_fact_edited_on_the_case_tab_appears_in_the_compose_preview(case_tab, qtbot, example_ws):
    window, tab = case_tab(example_ws)
    compose = window.pages["compose"]
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "roles")
    replace_text(
        qtbot,
        text_input(tab, "facts", "text", "en"),
        "Zhanara Akhmetova is the journalist this preview names.",
    )
    save_with_ctrl_s(qtbot, window, tab)
    window.select_tab("compose")
    # The appeal states this fact (the example's first template, further information, does not).
    model = compose.template_model
    qtbot.waitUntil(lambda: any(f.template and f.template.id == "mep-appeal-en" for f in model.files))
    # Chosen as a click on its row would (a click's position, taken while the tab is still
    # being laid out on a busy machine, could land on another row).
    assert compose.select_template("mep-appeal-en")
    current = compose.template_view.currentIndex()
    assert model.files[current.row()].template.id == "mep-appeal-en"

    def shown() -> str:
        return " ".join(compose.preview.toPlainText().split())

    qtbot.waitUntil(
        lambda: "Zhanara Akhmetova is the journalist this preview names." in shown(), timeout=30000
    )
    assert "Dear " in shown()


def test_the_compose_tab_says_the_case_tabs_edits_are_not_in_its_letters_until_saved(
    case_tab, qtbot, example_ws
):
    """A fact added on the Case tab and used on the Compose tab before the case was saved
    was "not in the case", under a list of the 59 ids that are, with nothing to say that
    the Case tab held it unsaved."""
    window, tab = case_tab(example_ws)
    compose = window.pages["compose"]
    choose_part(qtbot, tab, "facts")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, tab.editors["facts"].inputs["id"], "hearing-2024")
    type_text(qtbot, text_input(tab, "facts", "text", "en"), "A Kyiv court heard the case.")
    type_text(qtbot, text_input(tab, "facts", "text", "uk"), "Київський суд розглянув справу.")
    type_text(qtbot, tab.editors["facts"].inputs["sources"], "odf-brief-2020")

    window.select_tab("compose")
    model = compose.template_model
    qtbot.waitUntil(lambda: any(f.template and f.template.id == "mep-appeal-en" for f in model.files))
    assert compose.select_template("mep-appeal-en")
    note = (
        "The Case tab has unsaved changes: letters here use the case as last saved. "
        "Save the case to use them."
    )
    assert compose.case_note.isVisible() and compose.case_note.text() == note
    qtbot.waitUntil(lambda: "We therefore ask you:" in compose.editor.toPlainText())
    compose.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(compose.editor, "{{ fact('hearing-2024') }}")
    qtbot.waitUntil(lambda: "no fact or event 'hearing-2024'" in compose.error_bar.text(), timeout=10000)
    assert compose.error_bar.text().endswith("— use an id from the case file's 'facts:' or 'timeline:' list")

    window.select_tab("case")
    save_with_ctrl_s(qtbot, window, tab)
    window.select_tab("compose")
    assert not compose.case_note.isVisible()
    qtbot.waitUntil(lambda: "A Kyiv court heard the case." in compose.preview.toPlainText(), timeout=10000)
    assert not compose.error_bar.isVisible()


def test_a_new_items_placeholder_id_is_replaced_by_what_is_typed(case_tab, qtbot, mini_ws):
    """After "Add", the id field held "new-fact" with the cursor before it: typing an id
    gave "detention-2026new-fact"."""
    _window, tab = case_tab(mini_ws.root)
    choose_part(qtbot, tab, "facts")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    field = tab.editors["facts"].inputs["id"]
    assert field.hasFocus() and field.selectedText() == field.text() != ""
    type_text(qtbot, field, "detention-2026")
    assert field.text() == "detention-2026"


def test_a_text_fields_alt_letter_reaches_its_first_language(make_window, example_ws, qtbot):
    """'&Title', 'Na&me', '&Summary': their labels' buddy (the box of one field per language)
    took no focus, so Alt+letter did nothing; it now passes focus to the first language."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from campaign_app.gui.case.fields import LocalizedField

    window = make_window(example_ws, tab="case")
    page = window.pages["case"]
    qtbot.waitUntil(lambda: page.isVisible())
    boxes = [
        label.buddy()
        for label in page.findChildren(QLabel)
        if isinstance(label.buddy(), LocalizedField) and label.isVisibleTo(page)
    ]
    assert boxes
    for box in boxes:
        assert box.focusPolicy() != Qt.FocusPolicy.NoFocus  # what QLabel asks of a buddy
        assert not box.focusPolicy() & Qt.FocusPolicy.TabFocus  # Tab goes field to field
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        assert box.focusProxy() is box.first_input()


def test_a_source_added_with_its_title_in_one_language_is_cited_by_that_title(case_tab, qtbot, example_ws):
    """A source added here with its title typed in English only was saved with ``uk: ''``
    (and an empty publisher and note in both languages): the Ukrainian letter's footnote
    named it by its id, "kyivpost-2024-05-02.", where its title belongs."""
    path = example_ws / EXAMPLE_CASE
    original = path.read_text(encoding="utf-8")
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "sources")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    source = tab.editors["sources"]
    type_text(qtbot, source.inputs["id"], "kyivpost-2024-05-02")
    type_text(qtbot, source.inputs["title"].inputs["en"], "Court hears the extradition case")
    type_text(qtbot, source.inputs["date"], "2024-05-02")
    type_text(qtbot, source.inputs["url"], "https://www.kyivpost.com/post/12345")
    choose_part(qtbot, tab, "facts")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    fact = tab.editors["facts"]
    type_text(qtbot, fact.inputs["id"], "hearing-2024")
    type_text(qtbot, fact.inputs["as_of"], "2024-05")
    type_text(qtbot, text_input(tab, "facts", "text", "en"), "A Kyiv court heard the case.")
    type_text(qtbot, text_input(tab, "facts", "text", "uk"), "Київський суд розглянув справу.")
    type_text(qtbot, fact.inputs["sources"], "kyivpost-2024-05-02")
    save_with_ctrl_s(qtbot, window, tab)
    assert "Saved" in tab.state_label.text()

    added = [
        line[1:]
        for line in difflib.unified_diff(original.splitlines(), path.read_text(encoding="utf-8").splitlines())
        if line.startswith("+") and not line.startswith("+++")
    ]
    assert "''" not in "\n".join(added), "no empty text is written: only what was typed"
    assert not [line for line in added if line.strip().startswith(("publisher:", "note:"))]
    template = example_ws / "letter_templates" / "ukraine-official-appeal-uk.md"
    template.write_text(
        template.read_text(encoding="utf-8") + "\n{{ fact('hearing-2024') }}\n", encoding="utf-8"
    )
    workspace = window.session.workspace
    workspace = type(workspace)(workspace.root)
    president = workspace.directory.get("ua-president")
    letter = render_letter(
        workspace.template("ukraine-official-appeal-uk"), president, workspace.case, workspace.campaign
    )
    footnote = next(f for f in letter.footnotes if f.source_id == "kyivpost-2024-05-02")
    assert footnote.text == "Court hears the extradition case. 2 травня 2024\u00a0р."


def test_renaming_a_source_takes_the_cases_citations_of_it_along(case_tab, qtbot, example_ws):
    """Its id was all that changed: the 20-odd facts, events and points citing it kept the old
    id, and the tab listed a problem for each of them."""
    path = example_ws / EXAMPLE_CASE
    window, tab = case_tab(example_ws)
    choose_part(qtbot, tab, "sources")
    click_row(qtbot, tab, "odf-brief-2020")
    replace_text(qtbot, tab.editors["sources"].inputs["id"], "odf-2020")
    qtbot.waitUntil(lambda: tab.tasks.idle())

    assert not tab.problem_box.isVisible()
    choose_part(qtbot, tab, "facts")
    click_row(qtbot, tab, "roles")
    assert tab.editors["facts"].inputs["sources"].text() == "odf-2020"

    save_with_ctrl_s(qtbot, window, tab)
    question = answer(qtbot, tab, "Save anyway")  # the templates' cite('odf-brief-2020') is the user's
    assert "cite('odf-brief-2020'), now “odf-2020”" in question
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle())
    case = load_case(path)
    cited = [ln for ln in path.read_text(encoding="utf-8").splitlines() if "sources:" in ln]
    assert (
        not [ln for ln in cited if "odf-brief-2020" in ln]
        and len([ln for ln in cited if "odf-2020" in ln]) >= 20
    )
    assert list(next(f for f in case.facts if f.id == "roles").sources) == ["odf-2020"]
