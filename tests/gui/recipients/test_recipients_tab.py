"""The Recipients tab, driven as a user would: type a query, pick a category, add, edit, delete.

Each test works on a fresh copy of the example campaign and checks what the user sees
(the table's rows, the counts, the message under a field) and what lands on disk.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.directory.recipients import CATEGORIES
from campaign_app.gui.recipients.model import COL_CONTACT, COL_NAME, COL_VERIFIED, RecipientIdRole


def names(tab) -> list[str]:
    model = tab.model
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def type_query(qtbot, tab, text: str) -> None:
    tab.search.clear()
    qtbot.keyClicks(tab.search, text)
    # the search applied, and a status: search's read of the log back (off the UI thread)
    qtbot.waitUntil(lambda: not tab._debounce.isActive() and tab.tasks.idle())


def wait_saved(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab.busy)


def test_typing_a_query_filters_the_table_and_the_counts(tab, qtbot):
    assert tab.count_label.text() == "25 of 25 recipients"
    type_query(qtbot, tab, "simecka")
    assert names(tab) == ["Michal Šimečka"]
    assert tab.count_label.text() == "1 of 25 recipients"
    assert tab.facet_model.item(1).text() == "mep (1)"  # counts follow the search
    assert tab.facet_model.item(CATEGORIES.index("national_official") + 1).text() == "national_official (0)"
    type_query(qtbot, tab, "category:national_official -president")
    assert len(names(tab)) == 5


def test_a_query_mistake_is_shown_next_to_the_box_with_the_cli_message(tab, qtbot):
    type_query(qtbot, tab, "simecka")
    type_query(qtbot, tab, "colour:red")
    assert tab.query_error.isVisible()
    assert tab.query_error.text().startswith(
        "query:1:1: unknown field 'colour' in query 'colour:red' — use one of"
    )
    assert names(tab) == ["Michal Šimečka"]  # the last valid search stays
    type_query(qtbot, tab, "country:sk")
    assert not tab.query_error.isVisible()
    assert sorted(names(tab)) == ["Michal Šimečka", "Vladimír Bilčík"]


def test_the_search_box_takes_or_not_and_parentheses(tab, qtbot):
    type_query(qtbot, tab, "(country:sk OR country:lt) -simecka")
    assert sorted(names(tab)) == ["Petras Auštrevičius", "Rasa Juknevičienė", "Vladimír Bilčík"]
    assert tab.count_label.text() == "3 of 25 recipients"
    type_query(qtbot, tab, "country:sk OR")
    assert tab.query_error.isVisible()
    assert tab.query_error.text().startswith("query:1:12: expected a term after OR — ")
    assert len(names(tab)) == 3  # the last valid search stays


def test_clicking_a_category_shows_only_that_category(tab, qtbot):
    mep = tab.facet_model.index(1, 0)
    assert mep.data() == "mep (14)"
    rect = tab.facets.visualRect(mep)
    qtbot.mouseClick(tab.facets.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.model.rowCount() == 14
    assert {tab.model.recipient_at(r).category for r in range(14)} == {"mep"}
    assert tab.count_label.text() == "14 of 25 recipients"
    type_query(qtbot, tab, "country:sk")
    assert tab.count_label.text() == "2 of 25 recipients"
    assert tab.facet_model.item(1).text() == "mep (2)"
    everything = tab.facets.visualRect(tab.facet_model.index(0, 0))
    qtbot.mouseClick(tab.facets.viewport(), Qt.MouseButton.LeftButton, pos=everything.center())
    assert tab.model.rowCount() == tab.model.counts.matching


def test_entries_without_a_channel_or_a_recent_check_are_marked(tab):
    row = tab.model.row_of("unhcr-ukraine")
    contact = tab.model.index(row, COL_CONTACT)
    assert contact.data() == "none"
    assert isinstance(contact.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "No contact channel" in contact.data(Qt.ItemDataRole.ToolTipRole)
    reachable = tab.model.index(tab.model.row_of("mep-103746"), COL_CONTACT)
    assert reachable.data(Qt.ItemDataRole.DecorationRole) is None
    verified = tab.model.index(row, COL_VERIFIED)
    assert verified.data() == "2020-05-20"
    assert "days ago" in verified.data(Qt.ItemDataRole.ToolTipRole)
    assert verified.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 without a contact channel" in tab.marks_label.text()


def test_adding_a_recipient_validates_at_the_field_and_saves_to_the_csv(tab, qtbot, cli):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.file_combo.currentText() == "recipients/recipients.csv  (new file)"
    qtbot.keyClicks(dialog.fields["id"], "media-kyiv-independent")
    dialog.fields["category"].setFocus()
    qtbot.keyClicks(dialog.fields["category"], "media")
    assert dialog.fields["category"].currentText() == "media"
    qtbot.keyClicks(dialog.fields["organisation"], "The Kyiv Independent")
    qtbot.keyClicks(dialog.fields["country"], "UA")
    qtbot.keyClicks(dialog.fields["email"], "news@kyivindependent")
    email_error = dialog.error_labels["email"]
    assert email_error.isVisible()
    assert email_error.text().startswith("e-mail 'news@kyivindependent' is not an address (")
    assert email_error.text().endswith("— correct it or leave it empty")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.fields["email"], ".com")
    assert not email_error.isVisible()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, tab)
    assert tab.model.row_of("media-kyiv-independent") is not None
    assert tab.current_recipient().id == "media-kyiv-independent"
    assert tab.count_label.text() == "26 of 26 recipients"
    csv_text = (tab.session.workspace.root / "recipients" / "recipients.csv").read_text(encoding="utf-8")
    assert "media-kyiv-independent,media" in csv_text
    assert "news@kyivindependent.com" in csv_text
    result = cli("recipients", "list", "-w", tab.session.workspace.root, "--query", "kyiv")
    assert result.code == 0, result.err
    assert "media-kyiv-independent" in result.out


def test_an_id_already_in_the_directory_is_refused_under_the_id_field(tab, qtbot):
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.fields["id"], "mep-103746")
    assert dialog.error_labels["id"].text().startswith("id 'mep-103746' is already used at ")
    assert dialog.error_labels["id"].text().endswith("meps.csv:30:1 — give each recipient its own id")
    assert not dialog.save_button.isEnabled()
    dialog.confirm_discard = lambda: True  # typed, then thrown away on purpose
    dialog.reject()


def test_editing_a_yaml_officials_position_keeps_the_other_language_and_comments(tab, qtbot):
    path = tab.session.workspace.root / "recipients" / "ukraine-officials.yaml"
    before = path.read_text(encoding="utf-8")
    tab.select("ua-president")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.language_combo.currentText() == "uk"
    assert dialog.fields["position"].text() == "Президент України"
    assert dialog.labels["position"].text() == "&Position (uk):"
    dialog.language_combo.setCurrentText("en")
    position = dialog.fields["position"]
    assert position.text() == "President of Ukraine"
    position.selectAll()
    qtbot.keyClicks(position, "President of Ukraine (acting)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, tab)
    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == [
        "-   position: {uk: Президент України, en: President of Ukraine}",
        "+   position: {uk: Президент України, en: President of Ukraine (acting)}",
    ]
    saved = Workspace.open(tab.session.workspace.root).directory.get("ua-president")
    assert saved.position == {"uk": "Президент України", "en": "President of Ukraine (acting)"}
    row = tab.model.row_of("ua-president")
    assert tab.model.recipient_at(row).position["en"] == "President of Ukraine (acting)"


def answer_questions(monkeypatch, *answers) -> list[str]:
    """QMessageBox.question answers ``answers`` in turn; returns the questions asked."""
    asked: list[str] = []
    left = list(answers)

    def question(parent, title, text, *args):
        asked.append(text)
        return left.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_delete_asks_first_and_removes_the_row_from_the_file(tab, qtbot, monkeypatch):
    path = tab.session.workspace.root / "recipients" / "meps.csv"
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    tab.select("mep-103746")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert "Delete Michal Šimečka (mep-103746) from recipients/meps.csv?" in asked[0]
    assert "mep-103746" in path.read_text(encoding="utf-8")  # "No" keeps it
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    wait_saved(qtbot, tab)
    assert "mep-103746" not in path.read_text(encoding="utf-8")
    assert tab.model.row_of("mep-103746") is None
    assert tab.count_label.text() == "24 of 24 recipients"
    assert Workspace.open(tab.session.workspace.root).directory.get("mep-103746") is None


def test_keyboard_ctrl_f_focuses_the_search_and_enter_opens_the_entry(tab, qtbot):
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    type_query(qtbot, tab, "simecka")
    tab.table.setFocus()
    tab.select("mep-103746")
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.dialog is not None and tab.dialog.recipient.id == "mep-103746"
    tab.dialog.confirm_discard = lambda: True  # typed, then thrown away on purpose
    tab.dialog.reject()


def broken_directory(make_window, mini_ws, qtbot, csv_text: str):
    """The Recipients tab over a directory whose people.csv is ``csv_text``: its problems' page."""
    mini_ws.write("recipients/people.csv", csv_text)
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.stack.currentIndex() == 2)
    return tab


def test_a_broken_directory_lists_its_problems_instead_of_the_table(make_window, mini_ws, qtbot):
    csv_text = "id,category,family_name,email\nx-1,mepp,X,\nx-2,mep,Y,not-an-address\n"
    tab = broken_directory(make_window, mini_ws, qtbot, csv_text)
    text = tab.problems.toPlainText()
    assert "people.csv:2:2: unknown category 'mepp' — use one of mep," in text
    assert "people.csv:3:4: e-mail 'not-an-address' is not an address" in text
    assert not tab.add_button.isEnabled()


def test_an_escape_code_in_the_directory_is_one_of_its_problems(make_window, mini_ws, qtbot):
    csv_text = "id,category,family_name,email\nx-1,mep,Petrenko\x1b[8m,collector@attacker.example\n"
    text = broken_directory(make_window, mini_ws, qtbot, csv_text).problems.toPlainText()
    assert "people.csv:2:3: family_name holds an invisible control character (U+001B, character 9)" in text


def test_a_control_character_pasted_into_a_name_is_shown_at_its_field(tab, qtbot):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.fields["id"], "ua-petrenko")
    dialog.fields["category"].setFocus()
    qtbot.keyClicks(dialog.fields["category"], "media")
    qtbot.keyClicks(dialog.fields["email"], "olena@example.org")
    dialog.fields["family_name"].setText("Petrenko <olena@europarl.europa.eu>\x1b[8m")  # pasted
    label = dialog.error_labels["family_name"]
    assert label.isVisible()
    assert label.text().startswith("family_name holds an invisible control character (U+001B, character 36)")
    assert not dialog.save_button.isEnabled()
    dialog.fields["family_name"].setText("Petrenko")
    assert not label.isVisible() and dialog.save_button.isEnabled()
    dialog.confirm_discard = lambda: True
    dialog.reject()


def test_a_line_separator_pasted_into_a_name_is_shown_at_its_field(tab, qtbot):
    """A name field shows U+2028 as a line break (the table cut the name off there): the
    dialog says what it is and where, as the command line does."""
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.fields["id"], "ua-petrenko")
    dialog.fields["category"].setFocus()
    qtbot.keyClicks(dialog.fields["category"], "media")
    qtbot.keyClicks(dialog.fields["email"], "olena@example.org")
    dialog.fields["family_name"].setText("Petrenko\u2028<olena@europarl.europa.eu>")  # pasted
    label = dialog.error_labels["family_name"]
    assert label.isVisible()
    assert label.text().startswith(
        "family_name must be one line, but holds a line break or tab (U+2028, character 9)"
    )
    assert not dialog.save_button.isEnabled()
    dialog.fields["family_name"].setText("Petrenko")
    assert not label.isVisible() and dialog.save_button.isEnabled()
    dialog.confirm_discard = lambda: True
    dialog.reject()


def test_reloading_shows_loading_then_the_table(tab, qtbot):
    tab.reload()
    assert tab.stack.currentWidget() is tab.loading
    assert not tab.add_button.isEnabled()
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    assert tab.stack.currentWidget() is tab.table
    assert tab.model.rowCount() == 25


def test_reload_reads_the_files_as_they_are_on_disk_now(tab, qtbot, example_ws):
    """A row added in a spreadsheet program: Reload (F5) kept showing 25 of 25, and only
    opening the campaign again showed it."""
    with (example_ws / "recipients" / "meps.csv").open("a", encoding="utf-8") as fh:
        fh.write(
            "mep-999999,mep,Ms,Anna,Nowak,f,,European Parliament,PL,en,anna.nowak@example.org"
            + "," * 10
            + "\n"
        )
    qtbot.mouseClick(tab.reload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle() and tab.model.rowCount() == 26)
    assert "Anna Nowak" in names(tab)


def test_clicking_a_header_sorts_and_the_search_keeps_that_order(tab, qtbot):
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not tab.model.sorting and tab.tasks.idle())
    shown = names(tab)
    assert shown == sorted(shown, key=str.casefold)
    assert shown[0] == "Alice Jill Edwards"
    type_query(qtbot, tab, "category:mep")
    meps = names(tab)
    assert len(meps) == 14 and meps == sorted(meps, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert names(tab) == meps[::-1]


def test_status_queries_use_the_contact_log(tab, qtbot, example_ws):
    from campaign_app.core.outreach.log import ContactLog, NewContact

    ws = Workspace(example_ws)
    with ContactLog.open(ws.log_path) as log:
        log.record_drafts(
            [NewContact("mep-103746", "Michal Šimečka", "mep", ws.case.id, "mep-appeal-en", "en", "email")],
            "me",
        )
    type_query(qtbot, tab, "status:drafted")
    assert names(tab) == ["Michal Šimečka"]
    type_query(qtbot, tab, "category:mep -status:drafted")
    assert len(names(tab)) == 13 and "Michal Šimečka" not in names(tab)
    type_query(qtbot, tab, "status:posted")
    assert tab.query_error.isVisible() and "unknown status 'posted'" in tab.query_error.text()


def listed_by_cli(cli, workspace, query: str) -> set[str]:
    """The ids ``campaign-app recipients list --query QUERY`` prints."""
    result = cli("recipients", "list", "-w", workspace, f"--query={query}")
    assert result.code == 0, result.err
    return {line.split()[0] for line in result.out.splitlines()[1:] if not line.endswith("recipient(s)")}


def shown_ids(tab) -> set[str]:
    model = tab.model
    return {model.index(row, 0).data(RecipientIdRole) for row in range(model.rowCount())}


def test_every_keystroke_shows_what_the_command_line_lists(tab, qtbot, cli, example_ws):
    """Typed a key at a time (each key filtered on its own, as a slow typist's would be),
    with accents, Backspace, an excluded word and a field: after every key the table holds
    exactly the entries ``recipients list --query`` gives for the text in the box. (The
    table answers a longer query from the shorter one's rows: a wrong shortcut shows here.)"""
    tab.search.setFocus()
    keys = [*"šim", "BS", "BS", "BS", *"-a", "u", " ", *"sán", "BS", "BS", "BS", *"country:s", "k"]
    seen = set()
    for key in keys:
        if key == "BS":
            qtbot.keyClick(tab.search, Qt.Key.Key_Backspace)
        elif key.isascii():
            qtbot.keyClicks(tab.search, key)
        else:  # as a keyboard layout with the letter types it (QTest has no key for it)
            tab.search.insert(key)
        qtbot.waitUntil(lambda: not tab._debounce.isActive())
        text = tab.search.text()
        if not text.strip() or text.rstrip().endswith((":", "-")):
            continue  # no query yet, a field with no value, a '-' with no term: the box says so
        expected = listed_by_cli(cli, example_ws, text)
        assert shown_ids(tab) == expected, f"after typing {text!r}"
        seen.add(len(expected))
    assert tab.search.text() == "-au country:sk"
    assert len(seen) >= 4, "the keys above select several different sets of entries"
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not tab._debounce.isActive())
    assert tab.model.rowCount() == 25


def test_a_few_matches_of_a_sorted_table_come_in_that_order(make_window, mini_ws, qtbot):
    """In a table sorted by name, a query matching a handful of 400 entries shows them in
    name order too, and reversed on the second click (a few rows are ordered another way
    than many)."""
    import random

    rnd = random.Random(7)
    given = ["Anna", "Řehoř", "zoe", "Émile", "Olga", "Ivan", "Ольга", "Björn"]
    lines = ["id,category,given_name,family_name,country,language,email"]
    for i in rnd.sample(range(400), 400):
        country = "SK" if i % 40 else "LT"
        lines.append(f"p-{i},mep,{rnd.choice(given)},Family{i:03d},{country},en,p{i}@example.org")
    mini_ws.write("recipients/people.csv", "\n".join(lines) + "\n")
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not tab.model.sorting and tab.tasks.idle())
    type_query(qtbot, tab, "country:lt")
    shown = names(tab)
    assert len(shown) == 10
    assert shown == sorted(shown, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert names(tab) == shown[::-1]


def test_the_missing_name_is_asked_for_by_what_it_means_in_any_language(tab, qtbot, monkeypatch):
    """The dialog recognises the core's "no name" problem in the interface's language (the
    core's messages are translated too), and asks for a name, position or organisation."""
    from campaign_app.core.common import i18n

    monkeypatch.setenv("LANGUAGE", "uk")
    i18n.reset()
    try:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        dialog = tab.dialog
        qtbot.keyClicks(dialog.fields["id"], "media-kyiv-independent")
        dialog.fields["category"].setFocus()
        qtbot.keyClicks(dialog.fields["category"], "media")
        assert "a name (or a position or organisation)" in dialog.summary.text()
        dialog.confirm_discard = lambda: True  # typed, then thrown away on purpose
        dialog.reject()
    finally:
        monkeypatch.delenv("LANGUAGE")
        i18n.reset()


def test_esc_in_the_edit_dialog_asks_before_dropping_what_was_typed(tab, qtbot, monkeypatch):
    """Esc closed the dialog at once and the edits were gone; now it asks, and an
    unchanged form closes without a question."""
    asked = answer_questions(
        monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard
    )
    tab.select("ua-president")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()  # nothing typed: closed at once
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.dialog
    dialog.fields["position"].selectAll()
    qtbot.keyClicks(dialog.fields["position"], "Acting President")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["What you typed for this recipient is not saved. Discard it?"]
    assert dialog.isVisible() and dialog.fields["position"].text() == "Acting President"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()


def test_the_recipient_dialog_fits_a_small_screen_with_its_buttons_in_view(tab, qtbot):
    """At 1024×640 the dialog opened 980×704 and could not be made shorter: Save and Cancel
    were below the screen's edge. Its fields now scroll; the buttons stay."""
    from PySide6.QtCore import QRect

    screen = tab.screen()
    real = screen.availableGeometry

    tab.screen().availableGeometry = lambda: QRect(0, 0, 1024, 600)  # a small laptop's free area
    try:
        tab.add()
        qtbot.waitUntil(lambda: tab.dialog is not None)
        dialog = tab.dialog
    finally:
        screen.availableGeometry = real
    assert dialog.height() <= 560 and dialog.minimumSizeHint().height() <= 560
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.save_button
    assert save.mapTo(dialog, save.rect().bottomLeft()).y() <= dialog.height()
    dialog.reject()


def test_clicking_a_row_with_the_mouse_lets_it_be_edited_and_deleted(tab, qtbot):
    """A click makes the row current before it selects it: the buttons, asked at the first,
    stayed grey, and only the keyboard or a double-click opened an entry."""
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    for rid in ("mep-103746", "ua-president"):
        row = tab.model.row_of(rid)
        rect = tab.table.visualRect(tab.model.index(row, COL_NAME))
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert tab.current_recipient() is not None and tab.current_recipient().id == rid
        assert tab.edit_button.isEnabled() and tab.delete_button.isEnabled(), rid
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None and tab.dialog.recipient.id == "ua-president"
    tab.dialog.reject()


def test_a_status_search_on_a_team_log_that_does_not_answer_leaves_the_window_free(
    silent_team_window, qtbot, discard_on_close
):
    """The log was read on the UI thread at each status: search: with the team's server slow
    or silent, the window froze (for the connect timeout, 10 s) until it answered."""
    import time

    open_window, server = silent_team_window
    window, tab, tasks = open_window("recipients")
    # the table does not wait for the log's bounced addresses (read after it is shown)
    qtbot.waitUntil(lambda: tab.model.searchable and tab.model.rowCount() > 0, timeout=5000)
    shown = tab.model.rowCount()
    server.accepted.clear()

    start = time.monotonic()
    qtbot.keyClicks(tab.search, "status:sent")
    tab._debounce.stop()
    tab._apply_query()  # what the pause after typing runs
    assert time.monotonic() - start < 1.0, "the search waited on the server"
    assert tab.count_label.text() == "Reading the contact log…"
    assert tab.model.rowCount() == shown  # the table as it was, until the log is read
    assert server.accepted.wait(10)

    start = time.monotonic()
    window.close()
    assert time.monotonic() - start < 2.0  # nor does closing wait for that read
    assert not tasks.pool.activeThreadCount()


def test_a_bounce_at_an_address_marks_every_entry_that_has_it(tab, qtbot):
    """A minister and his deputy at one secretariat address: the letter to the minister
    bounced, so the deputy's address is just as doubtful; an entry with another address
    is not marked."""
    model = tab.model
    entries = [r for r in (model.recipient_at(row) for row in range(model.rowCount())) if r and r.email]
    deputy, other = entries[:2]
    model.set_doubtful({"the-minister": (deputy.email.upper(), "550 5.1.1 no such user")})
    tip = model.index(model.row_of(deputy.id), COL_CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Doubtful address: a letter to {deputy.email.upper()} bounced (550 5.1.1")
    other_tip = model.index(model.row_of(other.id), COL_CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Doubtful" not in (other_tip or "")


def test_bounced_addresses_read_after_the_table_is_shown_mark_their_rows(tab, qtbot):
    """A team's log is read for its bounced addresses once the table is shown (its server may
    take the connect timeout to answer): the marks then appear on the rows already shown."""
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(RecipientIdRole) == "mep-124766")
    email = next(r for r in Workspace(tab.session.workspace.root).directory if r.id == "mep-124766").email
    assert email and "Doubtful" not in (model.index(row, COL_CONTACT).data(Qt.ItemDataRole.ToolTipRole) or "")
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.column(), last.column())))

    model.set_doubtful({"mep-124766": (email, "550 5.1.1 no such user")})

    assert changed == [(COL_CONTACT, COL_CONTACT)]
    tip = model.index(row, COL_CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Doubtful address: a letter to {email} bounced (550 5.1.1")
