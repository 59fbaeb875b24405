"""Joining a team from the Settings tab: the team's database address saved in campaign.yaml
(a password in it refused, never shown), and the member's own password tried on the real
test PostgreSQL before the keyring keeps it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from settings_helpers import open_settings, replace_text, save_settings
from team_helpers import HOST, make_team, member_sends

from campaign_app.core.campaign.settings import load_campaign
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.mail.secrets import TEAM_LOG_SERVICE

SECRET = "Pa55-in-the-URL-9c1e"


def test_a_password_in_the_address_is_refused_at_the_field_and_never_shown(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    box = tab.team_box
    assert "No database password: the log is on this computer." in box.state_label.text()
    assert not box.password_edit.isEnabled()

    replace_text(qtbot, box.address_edit, f"postgresql://anna:{SECRET}@db.example.org/akhmetova")

    assert box.error_label.isVisible()
    assert "must not contain the database password" in box.error_label.text()
    assert SECRET not in box.error_label.text() and SECRET not in tab.status_label.text()
    assert not tab.save_button.isEnabled()
    assert not box.password_edit.isEnabled()  # no password for an address that cannot be used
    assert SECRET not in (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")


def test_the_team_address_is_saved_in_campaign_yaml_and_emptying_it_returns_to_campaign_db(
    make_window, mini_ws, qtbot
):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    url = "postgresql://anna@db.example.org:5432/akhmetova?sslmode=verify-full"

    replace_text(qtbot, tab.team_box.address_edit, url)
    assert not tab.team_box.error_label.isVisible()
    save_settings(qtbot, tab)

    location = load_campaign(mini_ws.root / "campaign.yaml").log_database
    assert location is not None
    assert (location.user, location.host, location.database) == ("anna", "db.example.org", "akhmetova")
    assert dict(location.parameters) == {"sslmode": "verify-full"}
    assert tab.team_box.password_edit.isEnabled()

    replace_text(qtbot, tab.team_box.address_edit, "")
    save_settings(qtbot, tab)
    assert load_campaign(mini_ws.root / "campaign.yaml").log_database is None
    assert "log_database" not in (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")


def test_check_and_keep_tries_the_password_on_the_team_database_before_the_keyring_keeps_it(
    make_window, mini_ws, qtbot, pg_database, memory_keyring
):
    make_team(pg_database)
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    box = tab.team_box
    replace_text(qtbot, box.address_edit, pg_database.url("anna"))
    save_settings(qtbot, tab)

    qtbot.keyClicks(box.password_edit, "not-annas-password")
    qtbot.mouseClick(box.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.password_error.isVisible(), timeout=20000)
    said = box.password_error.text()
    assert "the database refused this password for user 'anna'" in said and "type it again" in said
    assert "Settings" not in said and "log password" not in said  # not sent to where she is
    assert "not-annas-password" not in said
    assert memory_keyring.secrets == {}  # a refused password is not kept

    password = pg_database.cluster.password("anna")
    replace_text(qtbot, box.password_edit, password)
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(memory_keyring.secrets), timeout=20000)
    qtbot.waitUntil(lambda: tab.tasks.idle())

    assert memory_keyring.secrets == {(TEAM_LOG_SERVICE, f"anna@{HOST}"): password}
    assert f"The server took the password of anna@{HOST}" in box.state_label.text()
    assert not box.password_error.isVisible()
    assert box.password_edit.text() == ""
    assert password not in (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    with Workspace(mini_ws.root).read_log() as log:  # the password now comes from the keyring
        assert log.contacts() == []


def test_a_volunteer_joins_the_team_from_the_window_and_sees_and_hears_its_log(
    make_window, mini_ws, qtbot, pg_database, memory_keyring
):
    """The README's step 3 done in the window: the address saved, the Outreach tab says the
    password is missing; once kept, it shows the team's letters and hears new ones."""
    make_team(pg_database)
    member_sends(pg_database, "boris", "mep-2", "Rasa Juknevičienė")  # before anna joins
    window, tab = open_settings(make_window, mini_ws.root, qtbot)
    replace_text(qtbot, tab.team_box.address_edit, pg_database.url("anna"))
    save_settings(qtbot, tab)

    window.select_tab("outreach")
    outreach = window.pages["outreach"]
    qtbot.waitUntil(lambda: "the database refused user 'anna'" in outreach.banner.text(), timeout=20000)
    qtbot.waitUntil(
        lambda: outreach.team_watch is not None and not outreach.team_watch.running, timeout=20000
    )

    window.select_tab("settings")
    qtbot.keyClicks(tab.team_box.password_edit, pg_database.cluster.password("anna"))
    qtbot.keyClick(tab.team_box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(memory_keyring.secrets), timeout=20000)
    window.select_tab("outreach")

    qtbot.waitUntil(
        lambda: "Rasa Juknevičienė" in [row.name for row in outreach.model.shown()], timeout=20000
    )
    assert not outreach.banner.isVisible()
    qtbot.waitUntil(lambda: outreach.team_watch is not None and outreach.team_watch.listening, timeout=20000)
    member_sends(pg_database, "boris", "mep-1", "Michal Šimečka")
    qtbot.waitUntil(lambda: "Michal Šimečka" in [row.name for row in outreach.model.shown()], timeout=5000)


def test_a_password_already_in_campaign_yaml_is_shown_as_asterisks(make_window, mini_ws, qtbot):
    campaign = mini_ws.root / "campaign.yaml"
    text = (
        campaign.read_text(encoding="utf-8") + f"log_database: postgresql://anna:{SECRET}@db.example.org/ak\n"
    )
    campaign.write_text(text, encoding="utf-8")
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)

    assert tab.team_box.address_edit.text() == "postgresql://anna:****@db.example.org/ak"
    assert "must not contain the database password" in tab.team_box.error_label.text()
    assert not tab.save_button.isEnabled()

    replace_text(qtbot, tab.team_box.address_edit, "postgresql://anna@db.example.org/ak")
    save_settings(qtbot, tab)
    saved = campaign.read_text(encoding="utf-8")
    assert "log_database: postgresql://anna@db.example.org/ak" in saved and SECRET not in saved


def test_a_typed_password_is_not_kept_for_another_address_or_after_revert(
    make_window, mini_ws, qtbot, monkeypatch
):
    import threading

    from campaign_app.gui.settings import team_log

    release, tried = threading.Event(), []

    def slow_check(location, password, abandonable=None):  # a server slow to answer
        tried.append((location.host, password))
        release.wait(10)

    monkeypatch.setattr(team_log, "keep_member_password", slow_check)
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    box = tab.team_box
    replace_text(qtbot, box.address_edit, "postgresql://anna@a.example.org/ak")
    qtbot.keyClicks(box.password_edit, "for-server-a")
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(tried))
    assert "Connecting to a.example.org" in box.state_label.text()

    replace_text(qtbot, box.address_edit, "postgresql://anna@b.example.org/ak")  # changed meanwhile
    release.set()
    qtbot.waitUntil(lambda: tab.tasks.idle())
    assert "took the password" not in box.state_label.text()  # that answer was about server a

    qtbot.keyClicks(box.password_edit, "typed-then-reverted")
    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)
    assert box.password_edit.text() == ""
    assert tried == [("a.example.org", "for-server-a")]


def test_without_a_system_keyring_the_password_cannot_be_typed_and_pgpass_is_named(
    make_window, mini_ws, qtbot
):
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    replace_text(qtbot, tab.team_box.address_edit, "postgresql://anna@db.example.org:5432/ak")

    assert not tab.team_box.password_edit.isEnabled()
    assert "No system keyring can keep the password here" in tab.team_box.state_label.text()
    assert "db.example.org:5432:ak:anna:PASSWORD" in tab.team_box.state_label.text()
