"""The Outreach tab: the contact log as a volunteer sees it, marked and exported from the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from campaign_app.core.common.appstate import AppState
from campaign_app.core.outreach.log import Contact, ContactLog, Event, NewContact, contact_id
from campaign_app.gui.outreach.model import COL_DUE, COL_NAME, COL_STATUS, RecipientIdRole

CASE, TEMPLATE = "test-case", "appeal-en"


def build_log(root: Path) -> None:
    """mep-1 drafted 31 and e-mailed 30 days ago (a follow-up is due), mep-2's sending
    interrupted (uncertain), sr-1 only drafted (no e-mail: to go by post)."""
    now = dt.datetime.now(dt.UTC)

    def ago(days: int) -> str:
        return (now - dt.timedelta(days=days)).isoformat(timespec="microseconds")

    letters = [
        NewContact("mep-2", "Rasa Juknevičienė", "mep", CASE, TEMPLATE, "en", "email", "rasa@example.org"),
        NewContact(
            "sr-1", "Special Rapporteur on torture", "un_special_procedure", CASE, TEMPLATE, "en", "post"
        ),
    ]
    mep1 = contact_id("mep-1", CASE, TEMPLATE)
    with ContactLog.open(root / "campaign.db") as log:
        log.import_rows(
            [
                Contact(
                    mep1,
                    "mep-1",
                    "Michal Šimečka",
                    "mep",
                    CASE,
                    TEMPLATE,
                    "en",
                    "email",
                    "michal@example.org",
                    "out/appeal-en/mep-1.pdf",
                    "",
                    ago(31),
                )
            ],
            [
                Event("e1", mep1, "drafted", ago(31), "Coordinator", "out/appeal-en/mep-1.pdf", "email"),
                Event("e2", mep1, "sent", ago(30), "Coordinator", "250 Ok", "email"),
            ],
        )
        log.record_drafts(letters, by="Coordinator")
        log.add_event(
            contact_id("mep-2", CASE, TEMPLATE), "sending", "Coordinator", "to rasa@example.org", "email"
        )


def outreach(make_window, root: Path, qtbot, rows: int | None = None):
    window = make_window(root, tab="outreach")
    tab = window.pages["outreach"]
    qtbot.waitUntil(lambda: tab._loaded_once and tab.tasks.idle(), timeout=10000)
    if rows is not None:
        assert tab.model.rowCount() == rows
    return window, tab


def row_of(tab, recipient_id: str) -> int:
    for row in range(tab.model.rowCount()):
        if tab.model.index(row, 0).data(RecipientIdRole) == recipient_id:
            return row
    raise AssertionError(f"{recipient_id} is not shown")


def cell(tab, recipient_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.model.index(row_of(tab, recipient_id), column).data(role)


def history_of(tab, qtbot, recipient_id: str) -> list[tuple[str, ...]]:
    """Show the recipient and wait for their history, read off the UI thread."""
    tab.select(recipient_id)
    qtbot.waitUntil(lambda: tab.tasks.idle() and bool(tab.history_lines()), timeout=10000)
    return tab.history_lines()


def shown_ids(tab) -> set[str]:
    return {tab.model.index(r, 0).data(RecipientIdRole) for r in range(tab.model.rowCount())}


def test_a_due_follow_up_is_highlighted_and_the_status_filters_and_search_narrow_the_table(
    make_window, mini_ws, qtbot
):
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)

    assert cell(tab, "mep-1", COL_STATUS) == "followup-due"
    assert cell(tab, "mep-1", COL_DUE).endswith("— due")
    assert isinstance(cell(tab, "mep-1", COL_STATUS, Qt.ItemDataRole.BackgroundRole), QColor)
    font = cell(tab, "mep-1", COL_STATUS, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(tab, "mep-2", COL_STATUS) == "uncertain"  # a warning tone, and the word says it
    assert isinstance(cell(tab, "mep-2", COL_STATUS, Qt.ItemDataRole.BackgroundRole), QColor)
    assert cell(tab, "sr-1", COL_STATUS) == "drafted"
    assert cell(tab, "sr-1", COL_STATUS, Qt.ItemDataRole.BackgroundRole) is None
    assert row_of(tab, "mep-1") == 0  # due follow-ups come first
    assert (
        "2 letters" not in tab.count_label.text()
        and "1 follow-up due (after 14 days)" in tab.count_label.text()
    )

    assert tab.filter_buttons["followup-due"].text() == "followup-due (1)"
    qtbot.mouseClick(tab.filter_buttons["followup-due"], Qt.MouseButton.LeftButton)
    assert shown_ids(tab) == {"mep-1"}
    qtbot.mouseClick(tab.filter_buttons["uncertain"], Qt.MouseButton.LeftButton)
    assert shown_ids(tab) == {"mep-2"}
    qtbot.mouseClick(tab.filter_buttons["sent"], Qt.MouseButton.LeftButton)
    assert shown_ids(tab) == {"mep-1"}  # as status:sent: a letter went out
    qtbot.mouseClick(tab.filter_buttons["all"], Qt.MouseButton.LeftButton)
    assert shown_ids(tab) == {"mep-1", "mep-2", "sr-1"}

    qtbot.keyClicks(tab.search, "juknevic")  # accents ignored
    qtbot.waitUntil(lambda: shown_ids(tab) == {"mep-2"}, timeout=3000)
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=3000)

    lines = history_of(tab, qtbot, "mep-1")
    assert [line[2] for line in lines] == ["sent", "drafted"]  # the latest first
    assert "Michal Šimečka" in tab.history_title.text() and "follow-up due" in tab.history_title.text()
    assert lines[0][1:6] == ("appeal-en", "sent", "Coordinator", "email", "250 Ok")


def test_mark_replied_with_a_note_records_the_volunteer_name_from_settings(
    make_window, show_tab, mini_ws, qtbot
):
    build_log(mini_ws.root)
    window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)

    settings = show_tab(window, "settings")
    settings.volunteer_edit.setFocus()
    settings.volunteer_edit.clear()
    qtbot.keyClicks(settings.volunteer_edit, "Olena P.")
    qtbot.keyClick(settings.volunteer_edit, Qt.Key.Key_Return)  # editingFinished
    assert AppState.load().volunteer_name == "Olena P."

    window.select_tab("outreach")
    qtbot.waitUntil(lambda: tab.tasks.idle() and tab.model.rowCount() == 3, timeout=10000)
    assert tab.select("mep-1")
    qtbot.mouseClick(tab.mark_button, Qt.MouseButton.LeftButton)
    dialog = tab.mark_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.status_buttons["replied"].isChecked()
    assert "Olena P." in dialog.by_label.text()
    qtbot.keyClicks(dialog.note_edit, "She will raise it at the DROI hearing")
    dialog.accept()
    qtbot.waitUntil(
        lambda: tab.status_label.text().startswith("Marked Michal Šimečka replied"), timeout=10000
    )
    qtbot.waitUntil(lambda: tab.tasks.idle() and cell(tab, "mep-1", COL_STATUS) == "replied", timeout=10000)

    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        last = log.events(contact_id("mep-1", CASE, TEMPLATE))[-1]
    assert (last.kind, last.detail, last.by) == (
        "replied",
        "She will raise it at the DROI hearing",
        "Olena P.",
    )
    assert tab.model.counts.get("followup-due", 0) == 0
    assert tab.current_row().recipient_id == "mep-1"  # the selection stays on the row
    qtbot.waitUntil(lambda: tab.history_lines()[:1] and tab.history_lines()[0][2] == "replied", timeout=10000)
    assert tab.history_lines()[0][2:4] == ("replied", "Olena P.")


def test_a_letter_without_email_is_marked_sent_by_post_with_its_channel(make_window, mini_ws, qtbot):
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    tab.select("sr-1")
    tab.mark("sent")
    dialog = tab.mark_dialog
    assert dialog.status_buttons["sent"].isChecked() and dialog.channel_combo.isEnabled()
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("web-form"))
    dialog.accept()
    qtbot.waitUntil(lambda: tab.tasks.idle() and cell(tab, "sr-1", COL_STATUS) == "sent", timeout=10000)
    assert cell(tab, "sr-1", 3) == "sent by web form · appeal-en"
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        last = log.events(contact_id("sr-1", CASE, TEMPLATE))[-1]
    assert (last.kind, last.channel) == ("sent", "web-form")

    tab.mark("sent")  # again, by mistake: the follow-up moved and the log said it went twice
    again = tab.mark_dialog
    again.channel_combo.setCurrentIndex(again.channel_combo.findData("web-form"))
    again.accept()
    qtbot.waitUntil(
        lambda: tab.tasks.idle() and tab.status_label.text() == "Nothing was recorded.", timeout=10000
    )
    assert "the letter to 'sr-1' is already recorded as sent (web-form, " in tab.banner.text()
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert [e.kind for e in log.events(contact_id("sr-1", CASE, TEMPLATE))].count("sent") == 1


def test_an_uncertain_email_found_in_the_sent_folder_is_marked_as_gone(make_window, mini_ws, qtbot):
    """Only an uncertain letter offers "E-mail went out": it is then sent, by e-mail, and
    the follow-up falls due as for any letter (the command line's log mark … --channel email)."""
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    tab.select("sr-1")
    tab.mark()
    assert "sent-email" not in tab.mark_dialog.status_buttons  # drafted: send records e-mails
    tab.mark_dialog.reject()
    tab.select("mep-2")
    tab.mark()
    dialog = tab.mark_dialog
    assert dialog.status_buttons["sent-email"].text() == "E-mail &went out: it is in the Sent folder"
    dialog.status_buttons["sent-email"].setChecked(True)
    assert not dialog.channel_combo.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: tab.tasks.idle() and cell(tab, "mep-2", COL_STATUS) == "sent", timeout=10000)
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        last = log.events(contact_id("mep-2", CASE, TEMPLATE))[-1]
    assert (last.kind, last.channel) == ("sent", "email")


def test_export_writes_the_log_as_csv(make_window, mini_ws, qtbot, tmp_path):
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    target = tmp_path / "exports" / "log"
    target.parent.mkdir()
    asked: list[str] = []
    tab.ask_save_path = lambda title, default, filters: asked.append(default) or str(target)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status_label.text().startswith("Exported"), timeout=10000)
    assert asked[0].endswith("contact-log-test-case.csv")
    written = target.with_suffix(".csv")
    text = written.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("contact_id,recipient_id,recipient_name")
    assert "Michal Šimečka" in text and "Rasa Juknevičienė" in text
    assert tab.status_label.text() == f"Exported 5 rows to {written}"  # one per event


def test_report_is_written_and_opened(make_window, mini_ws, qtbot, tmp_path):
    pytest.importorskip("campaign_app.core.outreach.report")
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    opened = []
    tab.open_url = lambda url: opened.append(url.toLocalFile()) or True
    tab.ask_save_path = lambda *_a: str(tmp_path / "report.pdf")
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.status_label.text().startswith("Wrote the report"), timeout=20000)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    qtbot.mouseClick(tab.open_report_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "report.pdf")]


def test_without_a_log_the_tab_says_how_to_start_and_can_list_everyone(make_window, mini_ws, qtbot):
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=0)
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.text().startswith("No letters in the log yet")
    assert not tab.export_button.isEnabled() and not tab.mark_button.isEnabled()
    assert not (mini_ws.root / "campaign.db").exists()  # reading never creates the log

    tab.unwritten_check.setChecked(True)
    qtbot.waitUntil(lambda: tab.tasks.idle() and tab.model.rowCount() == 5, timeout=10000)
    assert tab.stack.currentWidget() is tab.table
    assert cell(tab, "ua-president", COL_STATUS) == "none"
    assert tab.filter_buttons["none"].isVisible() and tab.filter_buttons["none"].text() == "none (5)"
    assert cell(tab, "mep-1", COL_NAME) == "Michal Šimečka"


def test_a_letter_changed_after_it_was_sent_is_found_under_revised(make_window, mini_ws, qtbot):
    """A draft made after sending (here: merged from a volunteer) keeps the letter sent, and the
    'revised' filter shows who would get a new version only with send --resend."""
    build_log(mini_ws.root)
    mep1 = contact_id("mep-1", CASE, TEMPLATE)
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.add_event(mep1, "sent", "Coordinator", "250 Ok", "email", letter_sha256="a" * 64)
        log.record_drafts(
            [
                NewContact(
                    "mep-1",
                    "Michal Šimečka",
                    "mep",
                    CASE,
                    TEMPLATE,
                    "en",
                    "email",
                    "michal@example.org",
                    "out/appeal-en/mep-1.pdf",
                    "b" * 64,
                )
            ],
            by="Volunteer",
        )
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    assert tab.filter_buttons["revised"].text() == "revised (1)"
    qtbot.mouseClick(tab.filter_buttons["revised"], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and cell(tab, "mep-1", COL_NAME) == "Michal Šimečka"
    assert cell(tab, "mep-1", COL_STATUS) != "drafted"


def test_a_reload_formats_only_the_history_shown(make_window, mini_ws, qtbot, monkeypatch):
    """A team's log holds hundreds of thousands of events: the table's reload (each other
    member's change) makes the rows from the letters' states, and only the history shown
    (the selected recipient's) is read and has its times put in the locale's words."""
    from campaign_app.gui.outreach import model

    build_log(mini_ws.root)  # mep-1: 2 events, mep-2: 2, sr-1: 1
    formatted: list[str] = []
    real_full_time = model.full_time
    monkeypatch.setattr(model, "full_time", lambda at: formatted.append(at) or real_full_time(at))
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    lines = history_of(tab, qtbot, "mep-1")  # the first row, shown once the log is read
    assert len(formatted) == 2  # the one recipient shown, not the log's five events
    assert [line[2] for line in lines] == ["sent", "drafted"]
    assert lines[0][0] == real_full_time(max(formatted))  # the latest, in words

    lines = history_of(tab, qtbot, "mep-2")
    assert len(formatted) == 4
    assert [line[2] for line in lines] == ["sending", "drafted"]


def test_a_history_that_cannot_be_read_is_said_under_the_recipients_name(
    make_window, mini_ws, qtbot, monkeypatch
):
    """The history is read when a recipient is shown; a team's database gone meanwhile is
    said in the panel, and the table stays as it was."""
    from campaign_app.core.common.errors import UserError
    from campaign_app.gui.outreach import browsing

    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)

    def unreachable(_workspace, _row):
        raise UserError("the team's contact log cannot be reached (connection refused)")

    monkeypatch.setattr(browsing, "load_history", unreachable)
    tab.select("mep-2")
    qtbot.waitUntil(lambda: "cannot be read" in tab.history_title.text(), timeout=10000)
    assert "connection refused" in tab.history_title.text()
    assert "Rasa Juknevičienė" in tab.history_title.text()
    assert tab.history_lines() == [] and tab.model.rowCount() == 3


def test_a_history_read_for_a_recipient_no_longer_shown_is_dropped(make_window, mini_ws, qtbot):
    """The selection cleared while a recipient's history is still being read: the panel
    asks for a selection and stays empty when the late answer arrives."""
    from PySide6.QtCore import QModelIndex

    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    tab.select("mep-2")  # its history is read off the UI thread; the answer comes through events
    tab.table.setCurrentIndex(QModelIndex())
    qtbot.waitUntil(tab.tasks.idle, timeout=10000)
    qtbot.wait(50)
    assert "select a recipient" in tab.history_title.text()
    assert tab.history_lines() == []


def test_esc_in_the_mark_dialog_asks_before_dropping_a_typed_note(make_window, mini_ws, qtbot):
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    tab.select("mep-1")
    tab.mark()
    dialog = tab.mark_dialog
    qtbot.keyClicks(dialog.note_edit, "They promised to raise it at DROI on Tuesday")
    answers = iter([False, True])
    dialog.confirm_discard = lambda: next(answers)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "kept: the user chose not to discard"
    assert dialog.note_edit.toPlainText() == "They promised to raise it at DROI on Tuesday"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_team_log_that_cannot_be_reached_is_said_and_the_window_keeps_its_size(make_window, mini_ws, qtbot):
    """With the database down the tab said "No campaign is open", and the lost connection's
    message, unwrapped, made the window 2,545 pixels wide."""
    import socket

    from team_helpers import join_team_at_port

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nobody listens there once closed
    join_team_at_port(mini_ws.root, port, "not-used")
    window = make_window(mini_ws.root, tab="outreach")
    tab = window.pages["outreach"]
    qtbot.waitUntil(lambda: "The contact log cannot be read" in tab.banner.text(), timeout=20000)
    assert tab.stack.currentWidget() is tab.empty
    assert "No campaign is open" not in tab.empty.text()
    assert "contact log can be read" in tab.empty.text()
    width = window.minimumSizeHint().width()
    tab.status_label.setText("the team's contact log cannot be reached: " + "connection refused " * 60)
    assert window.minimumSizeHint().width() <= max(width, 1200)


def test_ctrl_enter_in_the_note_marks_and_tab_leaves_the_table(make_window, mini_ws, qtbot):
    """From the keyboard: Tab went round the table's cells (only Ctrl+Tab got out), and
    Ctrl+Enter in the note box did nothing."""
    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    assert not tab.table.tabKeyNavigation()
    tab.select("mep-1")
    tab.mark()
    dialog = tab.mark_dialog
    qtbot.keyClicks(dialog.note_edit, "Answered by phone")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: tab.tasks.idle() and cell(tab, "mep-1", COL_STATUS) == "replied", timeout=10000)


def test_a_log_that_can_no_longer_be_read_shows_nothing_of_the_last_reading(
    make_window, mini_ws, qtbot, monkeypatch
):
    """A member cut off (``log revoke``), a server gone: the tab says why, and neither the
    last reading's rows nor its Mark buttons stay up as if current."""
    from campaign_app.core.common.errors import UserError
    from campaign_app.gui.outreach import browsing

    build_log(mini_ws.root)
    _window, tab = outreach(make_window, mini_ws.root, qtbot, rows=3)
    tab.select("mep-2")

    def refused(_workspace, _include):
        raise UserError("your database user 'anna' has no rights on the team's log")

    monkeypatch.setattr(browsing, "load_outreach", refused)
    tab.reload()
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=10000)

    assert "has no rights on the team's log" in tab.banner.text()
    assert tab.model.rowCount() == 0
    assert not any(action.isEnabled() for action in tab.mark_actions.values())
    assert all(button.text().endswith("(0)") for button in tab.filter_buttons.values())
