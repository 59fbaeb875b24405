"""The Settings tab, driven as a user would: edit, save, see the file; store a password in the keyring."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from settings_helpers import open_settings, replace_text, save_settings, type_text

from campaign_app.core.campaign.settings import load_campaign
from campaign_app.core.mail.secrets import NO_KEYRING_MESSAGE

PASSWORD = "Corr3ct-Horse-Battery-Staple-7f3a"


def _edit_cell(qtbot, view, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = _open_editor(view)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, editor, text)
    _commit(qtbot, view, editor)


def _open_editor(view) -> QLineEdit:
    """The cell editor the view has open now (closed ones linger until deleted)."""
    assert view.state() == QAbstractItemView.State.EditingState, "no cell editor is open"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
    return editor


def _commit(qtbot, view, editor) -> None:
    """Return in a cell editor: the delegate commits on the next event-loop turn."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def _top_level_keys(text: str) -> list[str]:
    return [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]


def test_edit_organisation_and_a_signatory_role_then_save(make_window, example_ws, qtbot):
    path = example_ws / "campaign.yaml"
    original = path.read_text(encoding="utf-8")
    _window, tab = open_settings(make_window, example_ws, qtbot)
    assert tab.text_edits["organisation"]["uk"].text() == "Приклад правозахисної мережі"

    replace_text(qtbot, tab.text_edits["organisation"]["en"], "Kyiv Helsinki Watch")
    model = tab.signatory_model
    _edit_cell(qtbot, tab.signatory_view, 0, model.column_of("role", "en"), "Director of Advocacy")
    assert tab.status_label.text() == "Unsaved changes."
    assert "Kyiv Helsinki Watch" in tab.letterhead_preview.text()  # the letterhead follows as you type

    save_settings(qtbot, tab)
    text = path.read_text(encoding="utf-8")
    assert "    en: Kyiv Helsinki Watch\n    uk: Приклад правозахисної мережі\n" in text
    assert "      en: Director of Advocacy\n      uk: Координаторка кампанії\n" in text
    assert text.startswith("# The bundled example campaign.")  # comments kept
    assert _top_level_keys(text) == _top_level_keys(original)  # order kept
    changed = [a for a, b in zip(original.splitlines(), text.splitlines(), strict=True) if a != b]
    assert changed == ["    en: Example Human Rights Network", "      en: Campaign Coordinator"]
    campaign = load_campaign(path)
    assert campaign.sender.organisation["en"] == "Kyiv Helsinki Watch"
    assert campaign.signatories[0].role["en"] == "Director of Advocacy"
    assert tab.status_label.text().startswith("Saved campaign.yaml")
    assert not tab.save_button.isEnabled()
    assert tab.session.workspace.campaign.sender.organisation["en"] == "Kyiv Helsinki Watch"


def test_an_invalid_port_is_told_at_the_field_and_save_is_disabled(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    qtbot.keyClicks(tab.host_edit, "smtp.example.org")
    assert tab.save_button.isEnabled()
    qtbot.keyClicks(tab.port_edit, "70000")
    label = tab.error_labels["port"]
    assert label.isVisible()
    assert label.text() == (
        "SMTP port '70000' is not a number from 1 to 65535 — use 587 for STARTTLS or 465 for SSL, or leave it empty"
    )
    assert not tab.save_button.isEnabled()
    before = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    qtbot.keyClick(tab.port_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S does nothing
    assert tab.tasks.idle() and not tab.busy, "no save was started"
    assert (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8") == before

    replace_text(qtbot, tab.port_edit, "465")
    assert not label.isVisible()
    assert tab.save_button.isEnabled()


def test_user_name_without_host_and_a_bad_from_address_are_marked(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    qtbot.keyClicks(tab.username_edit, "user")
    assert "the SMTP server (host) is empty but a user name is set" in tab.error_labels["host"].text()
    qtbot.keyClicks(tab.from_edit, "appeals@")
    assert "SMTP 'from' 'appeals@' is not an e-mail address" in tab.error_labels["from"].text()
    assert not tab.save_button.isEnabled()


def test_security_and_smtp_settings_are_saved_under_smtp(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    qtbot.keyClicks(tab.host_edit, "smtp.example.org")
    qtbot.keyClicks(tab.port_edit, "587")
    tab.security_combo.setFocus()
    qtbot.keyClick(tab.security_combo, Qt.Key.Key_Down)  # SSL/TLS; the port follows
    assert tab.port_edit.text() == "465"
    qtbot.keyClicks(tab.username_edit, "user")
    qtbot.keyClicks(tab.from_edit, "office@rights.example")
    save_settings(qtbot, tab)
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "smtp:\n  host: smtp.example.org\n  port: 465\n  security: ssl\n  username: user\n"
        "  from: office@rights.example\n"
    )


def test_store_and_forget_a_password_in_the_keyring_and_no_file_holds_it(
    make_window, mini_ws, qtbot, memory_keyring, isolated_user_folders
):
    window, tab = open_settings(make_window, mini_ws.root, qtbot)
    assert (
        tab.keyring_label.text().startswith("Keyring in use: ")
        and "TestMemoryKeyring" in tab.keyring_label.text()
    )
    assert not tab.keyring_warning.isVisible()
    qtbot.keyClicks(tab.host_edit, "smtp.example.org")
    qtbot.keyClicks(tab.username_edit, "user")
    assert not tab.store_button.isEnabled()  # nothing typed yet
    qtbot.waitUntil(lambda: "No password is stored for user@smtp.example.org" in tab.password_state.text())

    assert tab.password_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(tab.password_edit, PASSWORD)
    assert tab.store_button.isEnabled()
    qtbot.mouseClick(tab.store_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("campaign_app", "user@smtp.example.org") in memory_keyring.secrets)
    assert memory_keyring.secrets == {("campaign_app", "user@smtp.example.org"): PASSWORD}
    qtbot.waitUntil(lambda: tab.tasks.idle())
    assert tab.password_edit.text() == ""
    assert tab.password_state.text() == "A password for user@smtp.example.org is stored in the keyring."

    save_settings(qtbot, tab)  # the account (not the password) goes to campaign.yaml
    assert "user" in (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    window.close()
    for folder in (mini_ws.root, Path(isolated_user_folders)):
        for file in folder.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                assert PASSWORD.encode() not in data, file
                assert PASSWORD.encode("utf-16-le") not in data, file

    window.show()
    qtbot.mouseClick(tab.forget_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: memory_keyring.secrets == {})
    qtbot.waitUntil(lambda: tab.tasks.idle())
    assert not tab.forget_button.isEnabled()


def test_without_a_system_keyring_the_tab_says_so_and_offers_to_ask_each_time(make_window, mini_ws, qtbot):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    assert tab.keyring_warning.isVisible()
    assert tab.keyring_message.text() == NO_KEYRING_MESSAGE
    assert tab.keyring_label.text() == "Keyring in use: none"
    qtbot.keyClicks(tab.host_edit, "smtp.example.org")
    qtbot.keyClicks(tab.username_edit, "user")
    assert not tab.password_edit.isEnabled()
    assert not tab.store_button.isEnabled()
    assert tab.ask_check.isEnabled()
    tab.ask_check.setFocus()
    qtbot.keyClick(tab.ask_check, Qt.Key.Key_Space)
    assert tab.ask_check.isChecked()
    save_settings(qtbot, tab)
    assert (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8").endswith("  password: ask\n")
    assert tab.password_state.text() == "The password will be asked for each time you send, and never saved."


def test_signatories_can_be_added_reordered_and_removed(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    model, view = tab.signatory_model, tab.signatory_view
    qtbot.mouseClick(tab.add_signatory_button, Qt.MouseButton.LeftButton)
    editor = _open_editor(view)  # Add opens the new row's name for typing
    qtbot.keyClicks(editor, "Oleksandra Pavlenko")
    _commit(qtbot, view, editor)
    _edit_cell(qtbot, view, 1, model.column_of("name", "uk"), "Олександра Павленко")
    _edit_cell(qtbot, view, 1, model.column_of("role", "en"), "Lawyer")
    assert not tab.down_signatory_button.isEnabled()
    qtbot.mouseClick(tab.up_signatory_button, Qt.MouseButton.LeftButton)
    assert model.index(0, 0).data() == "Oleksandra Pavlenko"
    save_settings(qtbot, tab)
    campaign = load_campaign(mini_ws.root / "campaign.yaml")
    assert [s.name for s in campaign.signatories] == [
        {"en": "Oleksandra Pavlenko", "uk": "Олександра Павленко"},
        {"en": "Anna Smith", "uk": "Анна Сміт"},
    ]
    assert campaign.signatories[0].role == {"en": "Lawyer"}

    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.rowCount() == 1
    save_settings(qtbot, tab)
    assert [s.name["en"] for s in load_campaign(mini_ws.root / "campaign.yaml").signatories] == [
        "Oleksandra Pavlenko"
    ]


def test_a_mistake_found_on_save_is_shown_with_its_line_and_nothing_is_written(make_window, mini_ws, qtbot):
    path = mini_ws.root / "campaign.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "paper: B5\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    # The form cannot show B5 (A4 is selected), so it counts as a change to save: make it Letter.
    tab.paper_combo.setFocus()
    qtbot.keyClick(tab.paper_combo, Qt.Key.Key_Down)
    replace_text(qtbot, tab.email_edit, "office@rights.example")
    for editor in tab.text_edits["organisation"].values():
        replace_text(qtbot, editor, "")
    assert tab.error_labels["organisation"].isVisible()
    assert not tab.save_button.isEnabled()
    replace_text(qtbot, tab.text_edits["organisation"]["en"], "Rights Watchers")
    # A problem only the loader sees: the file changed under us with a broken case id.
    path.write_text(before.replace("case: test-case", "case: ''"), encoding="utf-8")
    broken = path.read_text(encoding="utf-8")
    tab.save()
    qtbot.waitUntil(lambda: tab.banner.isVisible())
    assert "Not saved: campaign.yaml is unchanged." in tab.banner.text()
    assert "campaign.yaml:1: missing 'case'" in tab.banner.text()
    assert path.read_text(encoding="utf-8") == broken


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_letterhead_preview_shows_the_sender_in_each_language(make_window, mini_ws, qtbot, language):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    qtbot.keyClicks(tab.phone_edit, "+32 2 555 01 01")
    tab.preview_language.setCurrentIndex(tab.preview_language.findData(language))
    text = tab.letterhead_preview.text()
    organisation = {"en": "Rights Watchers", "uk": "Правозахисники"}[language]
    city = {"en": "1000 Brussels", "uk": "1000 Брюссель"}[language]
    assert organisation in text and f"1 Rue Haute, {city}" in text
    assert "office@rights.example · +32 2 555 01 01" in text


def test_unsaved_settings_are_asked_about_before_the_window_closes(make_window, mini_ws, qtbot):
    """The Case and Compose tabs asked before their edits were dropped; Settings did not,
    and a new sender typed in was lost when the window closed."""
    window, tab = open_settings(make_window, mini_ws.root, qtbot)
    assert window.unsaved_tabs() == []
    replace_text(qtbot, tab.email_edit, "appeals@kyiv-watch.example")
    assert window.unsaved_tabs() == ["Settings"]


def test_a_gui_user_can_make_the_example_their_own_campaign(make_window, example_ws, qtbot):
    """Nothing in the window cleared 'example: true', and sending stays refused while it is
    there: unticked in Settings and saved, the key is gone and the campaign may send."""
    path = example_ws / "campaign.yaml"
    window, tab = open_settings(make_window, example_ws, qtbot)
    assert tab.example_check.isChecked()
    tab.example_check.setFocus()
    qtbot.keyClick(tab.example_check, Qt.Key.Key_Space)
    assert not tab.example_check.isChecked()
    assert window.unsaved_tabs() == ["Settings"]
    save_settings(qtbot, tab)
    text = path.read_text(encoding="utf-8")
    assert "example" not in _top_level_keys(text) and text.startswith("# The bundled example campaign.")
    assert not load_campaign(path).is_example
    qtbot.keyClick(tab.example_check, Qt.Key.Key_Space)
    save_settings(qtbot, tab)
    assert load_campaign(path).is_example


def test_tab_goes_down_the_left_column_from_the_organisation_then_the_right(make_window, example_ws, qtbot):
    """Tab went from the tab bar to the e-mail field, the letterhead, the signatories and the
    whole right column, and only then to the organisation, address and city at the top left."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QScrollArea

    window = make_window(example_ws, tab="settings")
    page = window.pages["settings"]
    qtbot.waitUntil(lambda: page.isVisible() and page.findChild(QLineEdit, "organisation_en") is not None)
    qtbot.wait(50)  # the order is made once the fields are placed

    def tab_stops(start, count):
        found, widget = [], start
        while len(found) < count:
            widget = widget.nextInFocusChain()
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
                found.append(widget)
        return found

    scroll = page.findChild(QScrollArea)
    stops = tab_stops(scroll, 8)
    names = [w.objectName() for w in stops]
    assert names[:6] == [
        "organisation_en",
        "organisation_uk",
        "address_en",
        "address_uk",
        "city_en",
        "city_uk",
    ]
    volunteer = page.volunteer_edit
    whole = tab_stops(scroll, 60)
    assert whole.index(volunteer) > whole.index(page.email_edit)  # the right column after the left
