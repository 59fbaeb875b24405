"""The send dialog: the plan, a preview, a dry run and a real send through a test SMTP server."""

from __future__ import annotations

import email
import importlib.abc
import sys
import threading
from email import policy

import pytest
from PySide6.QtCore import Qt

from campaign_app.core.mail.secrets import store_password
from campaign_app.core.outreach.log import ContactLog, contact_id
from campaign_app.gui.outreach.send_dialog import PAGE_SUMMARY

PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,tags
mep-1,mep,Mr,Michal,Šimečka,m,Member of the European Parliament,European Parliament,SK,en,michal.simecka@europarl.europa.eu,
mep-2,mep,Ms,Rasa,Juknevičienė,f,Member of the European Parliament,European Parliament,LT,en,rasa.jukneviciene@europarl.europa.eu,
mep-3,mep,Ms,Isabel,Santos,f,Member of the European Parliament,European Parliament,PT,en,,
"""


def with_server(mini_ws, server, monkeypatch, password: str | None = None) -> None:
    """campaign.yaml points at the test server; its password is in the (in-memory) keyring;
    the client trusts the test CA (ssl.create_default_context reads SSL_CERT_FILE)."""
    mini_ws.write("recipients/people.csv", PEOPLE)
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    text += (
        f"smtp:\n  host: {server.host}\n  port: {server.port}\n  security: starttls\n"
        f"  username: {server.username}\n  from: office@rights.example\n  rate_per_minute: 6000\n"
    )
    (mini_ws.root / "campaign.yaml").write_text(text, encoding="utf-8")
    store_password(server.username, server.host, password or server.password)
    monkeypatch.setenv("SSL_CERT_FILE", str(server.ca_file))


def open_dialog(make_window, root, qtbot, template_id: str = "appeal-en"):
    window = make_window(root, tab="outreach")
    tab = window.pages["outreach"]
    qtbot.waitUntil(lambda: tab.tasks.idle(), timeout=10000)
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    dialog = tab.send_dialog
    assert dialog is not None and dialog.isVisible()
    index = dialog.template_combo.findData(template_id)
    assert index >= 0
    dialog.template_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not dialog._planning and dialog.tasks.idle(), timeout=10000)
    return window, tab, dialog


def finished(dialog) -> bool:
    return not dialog.running() and dialog.stack.currentIndex() == PAGE_SUMMARY and dialog.tasks.idle()


def test_plan_preview_and_a_real_send_through_the_test_server(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    with_server(mini_ws, smtp_server, monkeypatch)
    _window, tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    plan = dialog.plan_label.text()
    assert plan.startswith(
        f"2 letters to send from office@rights.example through 127.0.0.1:{smtp_server.port} (starttls)"
    )
    assert "0 already sent" in plan and "1 without e-mail (post/web form)" in plan

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.message_preview.model.rowCount() == 2 and dialog.tasks.idle(), timeout=30000
    )
    text = dialog.preview_text()
    assert "Subject:  Stop the extradition of Zhanara Akhmetova" in text
    assert "michal.simecka@europarl.europa.eu" in text.splitlines()[1]  # To:
    assert "From:     " in text and "office@rights.example" in text
    assert "Attached: mep-1_Michal_Šimečka.pdf" in text
    assert "We write about" in text
    assert smtp_server.messages == []  # a preview sends nothing

    confirmations: list[str] = []
    dialog.confirm = lambda title, question: confirmations.append(question) or True
    dialog.ask_password = lambda prompt: pytest.fail("the password is in the keyring: no prompt")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)

    assert "Send 2 letters now?" in confirmations[0] and "From: office@rights.example" in confirmations[0]
    received = smtp_server.messages
    assert sorted(m.rcpt_tos[0] for m in received) == [
        "michal.simecka@europarl.europa.eu",
        "rasa.jukneviciene@europarl.europa.eu",
    ]
    first = email.message_from_bytes(received[0].data, policy=policy.default)
    assert first["Subject"] == "Stop the extradition of Zhanara Akhmetova"
    assert dialog.headline.text().startswith("Finished: 2 letters sent")
    rows = {row[0]: row for row in dialog.summary_rows()}
    assert rows["Michal Šimečka"][2] == "sent" and rows["Rasa Juknevičienė"][2] == "sent"
    assert rows["Isabel Santos"][2] == "no e-mail address: send by post or web form"
    assert rows["Isabel Santos"][4].endswith("mep-3_Isabel_Santos.pdf")
    assert "1 recipient without an e-mail address" in dialog.by_hand_label.text()
    assert not dialog.stopped_label.isVisible()

    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        kinds = [e.kind for e in log.events(contact_id("mep-1", "test-case", "appeal-en"))]
    assert kinds[-2:] == ["sending", "sent"]
    # The Outreach tab reads the log again: the two are sent, and a second run sends nothing.
    qtbot.waitUntil(lambda: tab.tasks.idle() and tab.model.counts.get("sent", 0) == 2, timeout=10000)
    qtbot.waitUntil(lambda: dialog.plan_label.text().startswith("0 letters to send"), timeout=10000)
    assert "2 already sent" in dialog.plan_label.text()
    assert not dialog.send_button.isEnabled()


def test_when_a_send_ends_the_plan_of_what_is_left_comes_with_the_summary(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch, ahead
):
    """The plan is made again at the end of the send's own job, so the summary and the new
    plan are shown at the same moment; the Outreach tab reads the log once after that."""
    with_server(mini_ws, smtp_server, monkeypatch)
    _window, tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    assert dialog.plan_label.text().startswith("2 letters to send")
    dialog.confirm = lambda _title, _question: True
    at_end: list[tuple[str, str]] = []
    dialog.sent.connect(lambda: at_end.append((dialog.headline.text(), dialog.plan_label.text())))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)

    headline, plan = at_end[0]
    assert headline.startswith("Finished: 2 letters sent")
    assert plan.startswith("0 letters to send") and "2 already sent" in plan
    assert dialog.plan_label.text() == plan and not dialog.send_button.isEnabled()
    assert tab.model.counts.get("sent", 0) == 2  # the tab is current too once the window is idle


def test_write_eml_files_is_a_dry_run_that_sends_nothing(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    with_server(mini_ws, smtp_server, monkeypatch)
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    opened = []
    dialog.open_url = lambda url: opened.append(url.toLocalFile()) or True
    qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    assert dialog.headline.text().startswith("Dry run: 2 messages written as .eml files")
    folder = mini_ws.root / "out" / "appeal-en"
    assert sorted(p.name for p in folder.glob("*.eml")) == [
        "mep-1_Michal_Šimečka.eml",
        "mep-2_Rasa_Juknevičienė.eml",
    ]
    assert smtp_server.messages == [] and smtp_server.connections == 0
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(folder)]


def test_while_sending_the_windows_objects_are_not_collected(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    """A full garbage collection in the middle of a send would freeze the window: while the
    messages go out, the objects the window had when Send was pressed are out of the
    collector's passes."""
    import gc

    from campaign_app.gui.outreach import send_worker

    made_before: list[dict] = []  # an object the window makes before Send is pressed
    collected: list[bool] = []  # is it still among the objects the collector walks?
    real_send = send_worker.run_send

    def run_send(*args, **kwargs):
        collected.append(any(o is made_before[0] for o in gc.get_objects()))
        return real_send(*args, **kwargs)

    monkeypatch.setattr(send_worker, "run_send", run_send)
    with_server(mini_ws, smtp_server, monkeypatch)
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    dialog.confirm = lambda title, question: True
    made_before.append({"made": []})
    assert any(o is made_before[0] for o in gc.get_objects())
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    assert dialog.headline.text().startswith("Finished: 2 letters sent")
    assert collected == [False], "frozen while the messages go out"


def test_a_wrong_password_stops_the_batch_and_says_so(make_window, mini_ws, qtbot, smtp_server, monkeypatch):
    with_server(mini_ws, smtp_server, monkeypatch, password="not-the-password")
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    dialog.confirm = lambda *_a: True
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    assert dialog.headline.text().startswith("Stopped: 0 of 2 letters sent")
    assert dialog.stopped_label.isVisible()
    assert "password" in dialog.stopped_label.text().lower()
    assert smtp_server.messages == []
    rows = {row[0]: row[2] for row in dialog.summary_rows()}
    assert rows["Michal Šimečka"] == "not sent"


def test_without_a_mail_server_the_dialog_points_to_settings(make_window, mini_ws, qtbot):
    """Nothing can be sent, but the letters can be looked at: the preview and the .eml files
    need no server (as 'send --dry-run'); they were greyed out with Send."""
    window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    said = dialog.plan_label.text()
    assert said.startswith("No mail server is set up for this campaign")
    assert "Preview and Write .eml files show what would go" in said and "2 letters to send" in said
    assert dialog.settings_button.isVisible()
    assert not dialog.send_button.isEnabled()
    assert dialog.preview_button.isEnabled() and dialog.eml_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Subject:" in dialog.preview_text() and dialog.tasks.idle(), timeout=30000)
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.tabs.currentWidget().page is window.pages["settings"]


def test_the_password_is_asked_for_when_the_keyring_has_none(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    with_server(mini_ws, smtp_server, monkeypatch)
    from campaign_app.core.mail.secrets import delete_password

    delete_password(smtp_server.username, smtp_server.host)
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    dialog.confirm = lambda *_a: True
    prompts: list[str] = []
    dialog.ask_password = lambda prompt: prompts.append(prompt) or None  # the user cancels
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts) and dialog.tasks.idle(), timeout=10000)
    assert prompts[0].startswith(f"Password for {smtp_server.username} on 127.0.0.1")
    assert not dialog.running() and smtp_server.messages == []

    dialog.ask_password = lambda prompt: smtp_server.password
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    assert len(smtp_server.messages) == 2


def test_cancel_and_close_while_sending_lets_the_message_in_flight_finish(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch, ahead
):
    with_server(mini_ws, smtp_server, monkeypatch)
    slow = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8").replace("6000", "6")
    (mini_ws.root / "campaign.yaml").write_text(slow, encoding="utf-8")  # ten seconds between letters
    _window, tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    questions: list[str] = []
    dialog.confirm = lambda title, question: questions.append(title) or True
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=30000)
    assert dialog.running() and dialog.cancel_button.isEnabled()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # asks, then cancels
    assert questions == ["Send letters", "Stop sending?"]
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.isVisible() and dialog.tasks.idle(), timeout=30000)
    assert len(smtp_server.messages) == 1
    assert dialog.headline.text().startswith("Cancelled: 1 of 2 letters sent")
    outcomes = sorted(row[2] for row in dialog.summary_rows() if row[1])
    assert outcomes == ["not sent", "sent"]
    qtbot.waitUntil(lambda: tab.tasks.idle() and tab.model.counts.get("sent", 0) == 1, timeout=10000)


def example_with_mail_server(example_ws) -> None:
    """The example campaign (still 'example: true') with a mail server and no stored
    password: sending would ask for one. The server is never contacted."""
    path = example_ws / "campaign.yaml"
    smtp = "smtp:\n  host: 127.0.0.1\n  port: 9\n  username: office\n  from: office@rights.example\n"
    path.write_text(path.read_text(encoding="utf-8") + smtp, encoding="utf-8")


def test_the_example_sender_is_said_with_the_plan_and_send_stays_off(make_window, example_ws, qtbot):
    """The plan said "13 letters to send" and Send was on; only pressing it said the
    example's sender sends nothing, in the command line's words."""
    example_with_mail_server(example_ws)
    _window, _tab, dialog = open_dialog(make_window, example_ws, qtbot, "mep-appeal-en")
    said = dialog.plan_label.text()
    assert said.startswith("This campaign still writes as the bundled example's made-up sender")
    assert "13 letters to send" in said and "--dry-run" not in said and "campaign.yaml" not in said
    assert dialog.settings_button.isVisible()
    assert not dialog.send_button.isEnabled() and dialog.preview_button.isEnabled()


def test_the_example_sender_is_refused_before_any_password_is_asked_for(make_window, example_ws, qtbot):
    example_with_mail_server(example_ws)
    _window, _tab, dialog = open_dialog(make_window, example_ws, qtbot, "mep-appeal-en")
    asked: list[str] = []
    dialog.confirm = lambda title, question: asked.append(question) or True
    dialog.ask_password = lambda prompt: asked.append(prompt) or "secret"
    dialog.start(dry_run=False)  # however it is started, the send itself refuses too
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PAGE_SUMMARY and dialog.tasks.idle())
    assert asked == []  # no confirmation, no password prompt
    assert dialog.headline.text() == "Nothing was sent."
    refusal = dialog.stopped_label.text()
    assert "bundled example's sender ('example: true')" in refusal and "remove 'example: true'" in refusal
    assert not dialog.running()
    assert not (example_ws / "campaign.db").exists()  # nothing recorded, nothing drafted


def test_a_follow_up_nobody_is_due_for_has_nothing_to_send(make_window, example_ws, qtbot):
    example_with_mail_server(example_ws)
    _window, _tab, dialog = open_dialog(make_window, example_ws, qtbot, "mep-follow-up-en")
    text = dialog.plan_label.text()
    assert text.startswith("Nothing to send: nobody is due yet for template 'mep-follow-up-en'")
    assert "status:followup-due" in text
    assert dialog.plan_label.styleSheet() == ""  # not shown as an error
    assert not dialog.send_button.isEnabled() and not dialog.eml_button.isEnabled()


def test_clicking_send_reads_the_keyring_off_the_ui_thread(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    """The keyring module is first imported on the task pool, not on the UI thread: importing
    it took 70-150 ms, and the window froze that long when Send was clicked."""
    with_server(mini_ws, smtp_server, monkeypatch)
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    dialog.confirm = lambda title, question: True
    imported_on_ui_thread: list[bool] = []

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name == "campaign_app.core.mail.secrets":
                imported_on_ui_thread.append(threading.current_thread() is threading.main_thread())
            return None

    monkeypatch.delitem(sys.modules, "campaign_app.core.mail.secrets")
    monkeypatch.setattr(sys, "meta_path", [Watch(), *sys.meta_path])
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    assert imported_on_ui_thread == [False]
    assert len(smtp_server.messages) == 2


def test_the_plan_warns_of_letters_to_someone_who_has_left_the_office(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    with_server(mini_ws, smtp_server, monkeypatch)
    people = PEOPLE.replace(",tags\n", ",tags,in_office_until\n", 1).replace(
        "michal.simecka@europarl.europa.eu,\n", "michal.simecka@europarl.europa.eu,,2024-07-15\n"
    )
    mini_ws.write("recipients/people.csv", people)
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    (warning,) = [x for x in dialog.plan_label.text().splitlines() if x.startswith("Warning:")]
    assert warning.startswith("Warning: mep-1 (Michal Šimečka") and "only until 2024-07-15" in warning


def test_letters_printed_but_not_posted_are_planned_when_ticked(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    from campaign_app.core.campaign.print_pack import plan_print, run_print
    from campaign_app.core.campaign.workspace import Workspace

    with_server(mini_ws, smtp_server, monkeypatch)
    mini_ws.write(
        "recipients/people.csv",
        PEOPLE.replace(",tags\n", ",tags,postal_address\n", 1).replace(
            "michal.simecka@europarl.europa.eu,\n",
            'michal.simecka@europarl.europa.eu,,"Rue Wiertz 60\n1047 Brussels"\n',
        ),
    )
    ws = Workspace(mini_ws.root)
    run_print(ws, plan_print(ws, "appeal-en", mini_ws.root / "pack.pdf"))
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    assert dialog.plan_label.text().startswith("1 letter to send")
    dialog.printed_check.setChecked(True)
    qtbot.waitUntil(
        lambda: not dialog._planning and dialog.plan_label.text().startswith("2 letters"), timeout=10000
    )


def test_the_summary_says_how_the_window_sends_a_letter_it_left_alone(
    make_window, mini_ws, qtbot, smtp_server, monkeypatch
):
    """A letter whose earlier sending was interrupted is left alone; the summary said to use
    --resend-uncertain, an option of the command line, where the window has a box for it."""
    from log_helpers import history

    with_server(mini_ws, smtp_server, monkeypatch)
    history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 2), ("sending", 1))  # its sender vanished
    _window, _tab, dialog = open_dialog(make_window, mini_ws.root, qtbot)
    dialog.confirm = lambda title, question: True
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(dialog), timeout=60000)
    [outcome] = [row[2] for row in dialog.summary_rows() if row[2].startswith("uncertain from")]
    assert outcome == (
        "uncertain from an earlier run: not sent again "
        "(to send it anyway, tick “Resend letters whose sending was interrupted”)"
    )
    assert (
        dialog.resend_check.text().replace("&", "")
        == "Resend letters whose sending was interrupted (uncertain)"
    )


def test_a_letter_changed_since_it_was_sent_is_resent_by_a_command_that_runs(qtbot, tmp_path):
    """The window cannot send a changed letter again: it names the command line's, whole
    (without the campaign folder and the template, 'campaign-app send --resend ID' fails)."""
    import shlex

    from campaign_app.cli.main import build_parser
    from campaign_app.core.campaign.send import Outcome, SendResult
    from campaign_app.gui.outreach.send_pages import SummaryPage

    page = SummaryPage()
    qtbot.addWidget(page)
    folder = tmp_path / "my campaign"
    result = SendResult([Outcome("mep-1", "Michal Šimečka", "m@x.org", "revised")])
    page.by_command_line(folder, "appeal-en")
    page.show_result(result, 0, False, "out")
    [row] = page.rows()
    command = row[2].split("the command line: ", 1)[1].removesuffix(")")
    assert command == f"campaign-app send -w '{folder}' -t appeal-en --resend mep-1"
    args = build_parser().parse_args(shlex.split(command)[1:])  # the command's own options
    assert (args.workspace, args.template, args.resend) == (folder, "appeal-en", ["mep-1"])
