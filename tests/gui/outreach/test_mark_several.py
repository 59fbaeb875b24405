"""The Outreach tab marks several recipients at once: a print pack posted, a meeting's replies.

Shift+click, Ctrl+click and Ctrl+A select several rows; Mark… then says how many and who,
and records the one choice for each of them through ``mark_letters``, all or none: a
refusal names each recipient it stops, and nothing is recorded. The selection stays through
the readings of the log that follow (a mark, another member's change)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from campaign_app.core.outreach.log import ContactLog, NewContact, contact_id
from campaign_app.gui.outreach.model import COL_STATUS

CASE = "test-case"
PACK = {  # recipient id → (name, template): letters printed, to go by post
    "sr-1": ("Special Rapporteur on torture", "appeal-en"),
    "sr-2": ("Special Rapporteur on human rights defenders", "appeal-en"),
    "wg-1": ("Working Group on Arbitrary Detention", "appeal-uk"),
    "pace-1": ("PACE rapporteur", "appeal-en"),
    "ec-1": ("European Commission, DG NEAR", "appeal-en"),
    "osce-1": ("OSCE Representative on Freedom of the Media", "appeal-en"),
}


def print_pack(root: Path) -> None:
    with ContactLog.open(root / "campaign.db") as log:
        log.record_drafts(
            [
                NewContact(rid, name, "un_special_procedure", CASE, template, "en", "post")
                for rid, (name, template) in PACK.items()
            ],
            by="Coordinator",
        )


def events_of(root: Path, recipient_id: str) -> list[tuple[str, str]]:
    template = PACK[recipient_id][1]
    with ContactLog.open(root / "campaign.db") as log:
        return [(e.kind, e.channel) for e in log.events(contact_id(recipient_id, CASE, template))]


def outreach(make_window, root: Path, qtbot):
    window = make_window(root, tab="outreach")
    tab = window.pages["outreach"]
    qtbot.waitUntil(lambda: tab._loaded_once and tab.tasks.idle(), timeout=10000)
    return window, tab


def click_row(tab, qtbot, recipient_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    row = tab.model.row_of_id(recipient_id)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def selected_ids(tab) -> list[str]:
    return [row.recipient_id for row in tab.selected_rows()]


def settled(tab, qtbot) -> None:
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle() and not tab._loading, timeout=10000)


def test_a_print_pack_posted_is_marked_sent_by_post_for_every_recipient_selected(make_window, mini_ws, qtbot):
    print_pack(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot)
    rows = [tab.model.row_at(n).recipient_id for n in range(tab.model.rowCount())]  # by name
    assert rows[3:] == ["sr-2", "sr-1", "wg-1"]
    click_row(tab, qtbot, rows[3])
    click_row(tab, qtbot, rows[5], Qt.KeyboardModifier.ShiftModifier)
    chosen = rows[3:]
    assert selected_ids(tab) == chosen
    assert tab.selection_label.isVisible()
    assert re.search(r"3 recipients? ?(\(s\))? selected", tab.selection_label.text())

    tab.mark_actions["sent"].trigger()
    dialog = tab.mark_dialog
    assert dialog is not None and dialog.isVisible()
    assert re.fullmatch(r"Mark — 3 recipients?(\(s\))?", dialog.windowTitle())
    for rid in chosen:  # a few: each named
        assert PACK[rid][0] in dialog.intro.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert re.fullmatch(r"&Mark 3 recipients?(\(s\))?", ok.text())
    assert dialog.status_buttons["sent"].isChecked()
    # wg-1's letter is from another template: each one's own letter is marked
    assert dialog.letter_combo.currentData() is None
    assert dialog.letter_combo.currentText() == "Each one's letter (templates appeal-en, appeal-uk)"
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("post"))
    dialog.accept()
    settled(tab, qtbot)

    assert re.match(r"Marked 3 recipients?(\(s\))? sent \(post\) · 3 letters · ", tab.status_label.text())
    for rid in PACK:
        expected = [("drafted", "post"), ("sent", "post")] if rid in chosen else [("drafted", "post")]
        assert events_of(mini_ws.root, rid) == expected, rid
    assert {tab.model.index(tab.model.row_of_id(rid), COL_STATUS).data() for rid in chosen} == {"sent"}
    assert selected_ids(tab) == chosen  # still selected, read again
    assert tab.current_row().recipient_id == rows[5]  # the focus where the Shift+click left it


def test_one_refusal_marks_none_and_names_the_recipient_it_stops(make_window, mini_ws, qtbot):
    print_pack(mini_ws.root)
    with ContactLog.open(mini_ws.root / "campaign.db") as log:  # posted last week, marked then
        log.mark("sr-2", "sent", "Coordinator", channel="post", case_id=CASE)
    _window, tab = outreach(make_window, mini_ws.root, qtbot)
    click_row(tab, qtbot, "sr-1")
    click_row(tab, qtbot, "sr-2", Qt.KeyboardModifier.ControlModifier)
    click_row(tab, qtbot, "pace-1", Qt.KeyboardModifier.ControlModifier)
    assert sorted(selected_ids(tab)) == ["pace-1", "sr-1", "sr-2"]

    tab.mark("sent")
    dialog = tab.mark_dialog
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("post"))
    dialog.accept()
    settled(tab, qtbot)

    assert tab.status_label.text() == "Nothing was recorded."
    said = tab.banner.text().splitlines()
    assert re.fullmatch(
        r"Nothing was marked: 1 of the 3 selected recipients cannot be marked sent:", said[0]
    ), said[0]
    assert said[1].startswith(
        "• Special Rapporteur on human rights defenders: the letter to 'sr-2' is already recorded as sent (post, "
    )
    # the advice is the window's (its history shows it), not the command line's 'log status'
    assert said[1].endswith(
        ": nothing was marked — leave it out of the selection: its history shows when it went"
    )
    assert said[-1] == "Put that right, or leave them out of the selection (Ctrl+click), and mark again."
    assert events_of(mini_ws.root, "sr-1") == [("drafted", "post")]  # none marked
    assert events_of(mini_ws.root, "pace-1") == [("drafted", "post")]
    assert sorted(selected_ids(tab)) == ["pace-1", "sr-1", "sr-2"]  # as it was, to put right

    click_row(tab, qtbot, "sr-2", Qt.KeyboardModifier.ControlModifier)  # left out
    tab.mark("sent")
    tab.mark_dialog.channel_combo.setCurrentIndex(tab.mark_dialog.channel_combo.findData("post"))
    tab.mark_dialog.accept()
    settled(tab, qtbot)
    assert events_of(mini_ws.root, "sr-1")[-1] == ("sent", "post")
    assert events_of(mini_ws.root, "pace-1")[-1] == ("sent", "post")
    assert not tab.banner.isVisible()


def test_ctrl_a_then_enter_marks_everyone_and_the_selection_survives_another_members_change(
    make_window, mini_ws, qtbot
):
    """From the keyboard: Ctrl+A, Enter (Mark replied…), a note, Ctrl+Enter. The table read
    again (another member's change, a search) keeps the recipients selected that are shown."""
    print_pack(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(selected_ids(tab)) == sorted(PACK)
    focus = tab.current_row()
    assert "History of " + focus.name in tab.history_title.text()  # the row with the focus

    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.mark_dialog
    assert dialog.status_buttons["replied"].isChecked()
    assert re.search(r"</b> and 2 more\?$", dialog.intro.text())  # four named: the others counted
    qtbot.keyClicks(dialog.note_edit, "All six answered at the Geneva meeting")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(tab, qtbot)
    for rid in PACK:
        assert events_of(mini_ws.root, rid)[-1][0] == "replied"
    assert sorted(selected_ids(tab)) == sorted(PACK)

    with ContactLog.open(mini_ws.root / "campaign.db") as log:  # another member, meanwhile
        log.add_event(contact_id("sr-1", CASE, "appeal-en"), "note", "Maria", "called the office", "")
    tab.reload()
    settled(tab, qtbot)
    assert sorted(selected_ids(tab)) == sorted(PACK)
    assert tab.current_row().recipient_id == focus.recipient_id

    qtbot.keyClicks(tab.search, "rapporteur")  # narrowed: those still shown stay selected
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=3000)
    assert sorted(selected_ids(tab)) == ["pace-1", "sr-1", "sr-2"]


def test_recipients_not_written_to_are_left_out_of_a_mark_and_said(make_window, mini_ws, qtbot):
    print_pack(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot)
    tab.unwritten_check.setChecked(True)
    settled(tab, qtbot)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    everyone = tab.model.rowCount()
    tab.mark("no-reply")
    dialog = tab.mark_dialog
    assert re.fullmatch(r"Mark — 6 recipients?(\(s\))?", dialog.windowTitle())
    left = everyone - len(PACK)
    assert re.search(
        rf"{left} selected recipients?(\(s\))? with no letter in the log (are|is) left out",
        dialog.intro.text(),
    )
    dialog.reject()


def test_many_refusals_name_each_recipient_without_pushing_the_table_off_the_screen(
    make_window, mini_ws, qtbot
):
    """Thirty letters already marked posted, marked posted again: a line each made the
    window 891 pixels tall on an 800-pixel screen. A few are said with why (the advice once),
    the others by name."""
    names = {f"mep-{n:02}": f"Member of Parliament {n:02}" for n in range(30)}
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.record_drafts(
            [NewContact(rid, name, "mep", CASE, "appeal-en", "en", "post") for rid, name in names.items()],
            by="Coordinator",
        )
        for rid in names:
            log.mark(rid, "sent", "Coordinator", channel="post", case_id=CASE)
    window, tab = outreach(make_window, mini_ws.root, qtbot)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    tab.mark("sent")
    tab.mark_dialog.channel_combo.setCurrentIndex(tab.mark_dialog.channel_combo.findData("post"))
    tab.mark_dialog.accept()
    settled(tab, qtbot)

    said = tab.banner.text().splitlines()
    assert re.fullmatch(
        r"Nothing was marked: 30 of the 30 selected recipients cannot be marked sent:", said[0]
    )
    assert said[1].startswith("• Member of Parliament 00: the letter to 'mep-00' is already recorded as sent")
    assert said[1].endswith(
        ": nothing was marked — leave it out of the selection: its history shows when it went"
    )
    assert said[5].startswith("• Member of Parliament 04: the letter to 'mep-04'")
    assert said[5].endswith(": nothing was marked")  # the advice is not said again
    assert re.fullmatch(
        r"• and 25 more: Member of Parliament 05, Member of Parliament 06, .*, Member of Parliament 29",
        said[6],
    )
    assert len(said) == 8
    assert window.minimumSizeHint().height() <= 800
