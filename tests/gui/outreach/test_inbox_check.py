"""The Outreach tab's Check inbox: the sync off the UI thread, its outcome in the table, the
history and the filters; Cancel; a missing password asked for and kept once it works."""

from __future__ import annotations

import subprocess

import inbox_messages as shapes
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from smtp_server import parsed, send_command, use_server

from campaign_app.core.mail.secrets import delete_password, get_password
from campaign_app.gui.outreach.model import COL_STATUS, RecipientIdRole
from campaign_app.gui.recipients.rows import COL_CONTACT, COL_ID

MEP1 = "michal.simecka@europarl.europa.eu"


@pytest.fixture
def answered(mini_ws, server, imap, monkeypatch):
    """appeal-en sent to 4 MEPs; a reply, an out-of-office and a bounce in the inbox."""
    use_server(mini_ws, server, extra_meps=2)
    command, env = send_command(mini_ws.root, server)
    done = subprocess.run(command, env=env, input=server.password + "\n", capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    monkeypatch.setenv("SSL_CERT_FILE", str(imap.ca_file))
    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(imap.settings_yaml())
    letters = {parsed(m)["To"].addresses[0].addr_spec: parsed(m) for m in server.messages}
    imap.deliver(shapes.reply(letters[MEP1]))
    imap.deliver(shapes.out_of_office(letters["m0@example.org"]))
    imap.deliver(shapes.bounce(letters["m1@example.org"]))
    imap.deliver(shapes.unrelated())
    return mini_ws


def outreach(make_window, root, qtbot):
    window = make_window(root, tab="outreach")
    tab = window.pages["outreach"]
    qtbot.waitUntil(lambda: tab._loaded_once and tab.tasks.idle(), timeout=10000)
    return tab


def statuses(tab) -> dict[str, str]:
    model = tab.model
    return {
        model.index(r, 0).data(RecipientIdRole): model.index(r, COL_STATUS).data()
        for r in range(model.rowCount())
    }


def checked(tab, qtbot) -> None:
    tab.inbox_button.click()
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle() and not tab._loading, timeout=30000)


def test_check_inbox_records_and_shows_replies_auto_replies_and_bounces(make_window, answered, qtbot, imap):
    flags = imap.flags()
    tab = outreach(make_window, answered.root, qtbot)
    assert tab.inbox_button.isEnabled()
    checked(tab, qtbot)
    assert tab.status_label.text() == (
        "Inbox checked: 4 new messages; recorded 1 reply, 1 automatic reply, 1 bounce."
    )
    shown = statuses(tab)
    assert shown["mep-1"] == "replied" and shown["mep-x1"] == "bounced"
    assert imap.flags() == flags
    tab.select("mep-1")
    qtbot.waitUntil(lambda: tab.tasks.idle() and bool(tab.history_lines()), timeout=10000)
    details = [line[-1] for line in tab.history_lines()]
    assert any("Thank you, I will raise it with the minister." in d for d in details)
    tab.filter_buttons["bounced"].click()
    assert list(statuses(tab)) == ["mep-x1"]
    tab.filter_buttons["auto-reply"].click()
    assert list(statuses(tab)) == ["mep-x0"]


def test_cancel_stops_the_check_and_records_nothing(make_window, answered, qtbot):
    tab = outreach(make_window, answered.root, qtbot)
    tab.inbox_button.click()
    tab.inbox_check.dialog.findChild(QPushButton).click()  # Cancel, at once: before the first chunk
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle() and not tab._loading, timeout=30000)
    assert tab.status_label.text() == "Inbox check cancelled: what was recorded stays."
    assert statuses(tab)["mep-1"] == "sent"


def test_a_missing_password_is_asked_for_and_kept_once_it_works(make_window, answered, qtbot, imap):
    delete_password(imap.username, imap.host)
    tab = outreach(make_window, answered.root, qtbot)
    asked = []
    original = tab.check_inbox

    def check_with_answer():
        original()
        tab.inbox_check.ask_password = lambda who: asked.append(who) or imap.password

    tab.inbox_button.clicked.disconnect()
    tab.inbox_button.clicked.connect(check_with_answer)
    checked(tab, qtbot)
    assert asked == [f"{imap.username}@{imap.host}"]
    assert "recorded 1 reply" in tab.status_label.text()
    assert get_password(imap.username, imap.host) == imap.password


def test_a_kept_password_the_server_refuses_is_asked_for_again_and_replaced(
    make_window, answered, qtbot, imap
):
    """The mailbox's password changed: the one kept in the keyring was refused at every check,
    and only the command line (``inbox password``) could replace it."""
    from campaign_app.core.mail.secrets import store_password

    store_password(imap.username, imap.host, "not-the-Password-42")
    tab = outreach(make_window, answered.root, qtbot)
    seen: list[str] = []
    # asked once the server has refused the kept one (a mail server takes its time to say no)
    answer_the_password_question(tab, None, seen, tries=3000)  # Cancel: the refusal stays said
    checked(tab, qtbot)
    (question,) = seen
    assert question.startswith(f"The server refused the user name or password for {imap.username}")
    assert question.endswith(
        f"\n\nPassword for {imap.username}@{imap.host} (kept in the system keyring once it works):"
    )
    assert tab.status_label.text() == "The inbox was not read."
    said = tab.banner.text()
    assert f"the server refused the user name or password for {imap.username}" in said
    assert "not-the-Password-42" not in said + question
    # the window's way: the user name in campaign.yaml (Settings has no inbox section), the
    # password typed at the next check, not with a command
    assert (
        "check the user name under inbox: in campaign.yaml (with many providers it is the whole e-mail "
        "address), then press Check inbox and type the mailbox's current password" in said
    )
    assert "Settings" not in said and "campaign-app" not in said
    assert get_password(imap.username, imap.host) == "not-the-Password-42"

    seen.clear()
    answer_the_password_question(tab, "still-not-it", seen, tries=3000)  # typed wrong: asked again
    tab.inbox_button.click()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    answer_the_password_question(tab, imap.password, seen, tries=3000)  # then right
    qtbot.waitUntil(lambda: not tab.busy and tab.tasks.idle() and not tab._loading, timeout=30000)
    assert len(seen) == 2 and seen[1].startswith("The server refused the user name or password")
    assert "recorded 1 reply" in tab.status_label.text()
    assert get_password(imap.username, imap.host) == imap.password  # replaced once it worked


def test_a_bounced_address_is_marked_doubtful_in_the_recipients_tab(make_window, answered, qtbot, open_tab):
    checked(outreach(make_window, answered.root, qtbot), qtbot)
    _window, tab = open_tab(answered.root, "recipients")
    model = tab.model
    tips = {}
    for row in range(model.rowCount()):
        rid = model.index(row, COL_ID).data(RecipientIdRole)
        tips[rid] = model.index(row, COL_CONTACT).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert tips["mep-x1"].startswith("Doubtful address: a letter to m1@example.org bounced (")
    assert "5.1.1" in tips["mep-x1"]
    assert "Doubtful" not in tips["mep-x0"] and "Doubtful" not in tips["mep-1"]  # out of office, reply


def test_without_an_inbox_section_the_banner_says_what_to_add(make_window, mini_ws, qtbot):
    from campaign_app.core.outreach.log import ContactLog
    from campaign_app.core.outreach.records import NewContact

    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.record_drafts(
            [NewContact("mep-1", "Michal Šimečka", "mep", "test-case", "appeal-en", "en", "email", MEP1)],
            by="a",
        )
    tab = outreach(make_window, mini_ws.root, qtbot)
    checked(tab, qtbot)
    assert tab.status_label.text() == "The inbox was not read."
    assert "campaign.yaml has no 'inbox:' section" in tab.banner.text()


def test_an_answer_from_another_address_is_shown_above_the_table_and_stays(
    make_window, answered, qtbot, imap
):
    import email.policy
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"] = "Michal <michal@private.example>", "office@rights.example"
    msg["Subject"], msg["Message-ID"] = "Re: Stop the extradition of Zhanara", "<1@private.example>"
    msg["Date"] = "Mon, 03 Jun 2024 09:30:00 +0000"
    msg.set_content("Will do, from my phone.\n")
    imap.deliver(msg.as_bytes(policy=email.policy.SMTP))
    tab = outreach(make_window, answered.root, qtbot)
    checked(tab, qtbot)
    assert "recorded 1 reply, 1 automatic reply, 1 bounce" in tab.status_label.text()
    said = tab.banner.text()
    assert (
        tab.banner.isVisible()
        and "1 message speaks of a letter but comes from an address no letter went to; nothing was recorded"
        in said
    )
    assert (
        "2024-06-03 09:30 UTC from Michal <michal@private.example>: “Re: Stop the extradition of Zhanara” "
        "(appeal-en)" in said
    )
    tab.reload()  # the table read again (a reply marked by hand): the note stays to work from
    qtbot.waitUntil(lambda: tab.tasks.idle() and not tab._loading, timeout=10000)
    assert tab.banner.isVisible() and "michal@private.example" in tab.banner.text()


def answer_the_password_question(tab, answer: str | None, seen: list[str], tries: int = 500) -> None:
    """Answer the password dialog once it is asked (it runs its own event loop), reading what it
    says into ``seen``; ``answer`` None: Cancel."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def poll(left: int) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()]
        dialog = shown[0] if shown else None
        if dialog is None:
            if left:
                QTimer.singleShot(10, lambda: poll(left - 1))
            return
        seen.append(dialog.labelText())
        if answer is None:
            dialog.reject()
        else:
            dialog.setTextValue(answer)
            dialog.accept()

    QTimer.singleShot(0, lambda: poll(tries))


def test_the_password_question_says_whether_the_password_will_be_kept(make_window, answered, qtbot, imap):
    """It said "kept in the system keyring once it works" with no keyring to keep it in: the
    password then went nowhere, and was asked for again at the next check without a word."""
    import keyring
    import keyring.backends.fail

    delete_password(imap.username, imap.host)
    tab = outreach(make_window, answered.root, qtbot)
    seen: list[str] = []
    answer_the_password_question(tab, None, seen)
    checked(tab, qtbot)
    assert seen == [f"Password for {imap.username}@{imap.host} (kept in the system keyring once it works):"]
    assert tab.status_label.text() == "Inbox check cancelled: what was recorded stays."

    keyring.set_keyring(keyring.backends.fail.Keyring())  # none here (the fixture puts its own back)
    seen.clear()
    answer_the_password_question(tab, imap.password, seen)
    checked(tab, qtbot)
    assert seen == [
        "No system keyring can keep the password here: the password will be asked for each time you "
        f"read the inbox, and never saved\n\nPassword for {imap.username}@{imap.host}:"
    ]
    assert "recorded 1 reply" in tab.status_label.text()
    seen.clear()
    answer_the_password_question(tab, None, seen)
    checked(tab, qtbot)
    assert len(seen) == 1 and seen[0].startswith("No system keyring can keep the password here")


def test_an_answer_from_a_shared_address_is_noted_with_whom_it_may_answer(make_window, mini_ws):
    from campaign_app.core.campaign.inbox_sync import SyncResult, Unattributed
    from campaign_app.gui.outreach.inbox_check import strangers_note

    make_window(mini_ws.root)  # the window's language: its translators installed

    detail = "2024-06-03 09:30 UTC from secretariat@minjust.example: “Re: Stop the extradition”"
    result = SyncResult("anna@rights.example", "INBOX", new_messages=1)
    result.unattributed = [Unattributed("appeal-en", detail, shared_by=("denys-maliuska", "oleh-petrenko"))]

    assert strangers_note(result).splitlines() == [
        "1 message answers a letter by the subject alone, from an address several recipients share; "
        "nothing was recorded. If it answers one of them, select that recipient and press Mark replied:",
        f"{detail} (appeal-en: denys-maliuska, oleh-petrenko)",
    ]
