"""Setting up and using a team's log from the command line: the URL in campaign.yaml, `log
upgrade`, `log grant`, `log merge` of a solo log, and what works while the database is down."""

from __future__ import annotations

import shutil
import sys

from smtp_server import use_server
from team_helpers import connect, hand_to_coordinator, join_team, make_team

from campaign_app.core.mail.secrets import SERVICE, TEAM_LOG_SERVICE
from campaign_app.core.outreach.log import ContactLog


def set_log_database(root, line: str) -> None:
    path = root / "campaign.yaml"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_a_password_in_the_url_is_refused_at_its_line_and_never_repeated(mini_ws, cli):
    set_log_database(mini_ws.root, "log_database: postgresql://anna:s3cret-Pa55@db.example.org/akhmetova")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    line = len((mini_ws.root / "campaign.yaml").read_text(encoding="utf-8").splitlines())
    assert f"campaign.yaml:{line}:" in result.err
    assert "must not contain the database password" in result.err and "keyring" in result.err
    assert "s3cret-Pa55" not in result.out + result.err


def test_a_url_without_a_user_or_with_an_unknown_parameter_is_explained(mini_ws, cli):
    set_log_database(mini_ws.root, "log_database: postgresql://db.example.org/akhmetova?sslmod=require")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1 and "must name your database user" in result.err


def test_the_coordinator_sets_up_the_team_and_a_volunteer_works_in_it(mini_ws, cli, pg_database):
    hand_to_coordinator(pg_database)
    coordinator = mini_ws.root.parent / "carol"
    shutil.copytree(mini_ws.root, coordinator)
    join_team(coordinator, pg_database, "carol")
    before = cli("log", "status", "-w", coordinator)
    assert before.code == 1 and "log upgrade" in before.err
    first = cli("log", "upgrade", "-w", coordinator)
    assert first.code == 0 and "Created the team's contact log" in first.out, first.err
    again = cli("log", "upgrade", "-w", coordinator)
    assert again.code == 0 and "nothing changed" in again.out
    assert cli("log", "grant", "carol", "--coordinator", "-w", coordinator).code == 0
    granted = cli("log", "grant", "anna", "-w", coordinator)
    assert granted.code == 0 and "'anna' is now a volunteer" in granted.out
    nobody = cli("log", "grant", "mallory", "-w", coordinator)
    assert nobody.code == 1 and "has no user 'mallory'" in nobody.err

    join_team(mini_ws.root, pg_database, "anna")
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    with connect(pg_database, "anna") as log:
        rid = log.contacts()[0].recipient_id
        assert {e.by for e in log.events()} == {"anna"}  # generate recorded the drafts as anna
    marked = cli(
        "log",
        "mark",
        rid,
        "--status",
        "sent",
        "--channel",
        "post",
        "-w",
        mini_ws.root,
        "--template",
        "appeal-en",
    )
    assert marked.code == 0, marked.err
    status = cli("log", "status", "-w", coordinator)
    assert status.code == 0 and rid in status.out and "anna" in status.out
    with connect(pg_database, "carol") as log:
        assert [e.by for e in log.events() if e.kind == "sent"] == ["anna"]


def test_a_solo_log_is_merged_into_the_team_log_once(mini_ws, cli, pg_database):
    assert "Dora Solo" in cli("name", "Dora Solo").out
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    solo = mini_ws.root.parent / "solo.db"
    shutil.copy(mini_ws.root / "campaign.db", solo)
    with ContactLog.open(solo) as log:
        letters = len(log.contacts())
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "carol")
    first = cli("log", "merge", solo, "-w", mini_ws.root)
    assert first.code == 0 and f"{letters} new letter" in first.out, first.out + first.err
    again = cli("log", "merge", solo, "-w", mini_ws.root)
    assert again.code == 0 and "Nothing new" in again.out
    with connect(pg_database, "anna") as log:
        assert len(log.contacts()) == letters
        # The work is Dora's, not the coordinator's who merged it (the team's view credited carol).
        assert {e.by for e in log.events()} == {"Dora Solo"}
    status = cli("log", "status", "-w", mini_ws.root)
    who = status.out.split("Who did what:\n", 1)[1]
    assert "Dora Solo" in who and "carol" not in who


def test_while_the_database_is_down_send_and_mark_refuse_and_generate_still_writes(
    mini_ws, cli, server, pg_database
):
    make_team(pg_database)
    use_server(mini_ws, server)
    join_team(mini_ws.root, pg_database, "anna")
    reminder = (mini_ws.root / "letter_templates" / "appeal-en.md").read_text(encoding="utf-8")
    reminder = reminder.replace("id: appeal-en", "id: reminder-en").replace(
        "audience: ", "audience: status:sent AND ", 1
    )
    mini_ws.write("letter_templates/reminder-en.md", reminder)
    with pg_database.cluster.down():
        sent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
        assert sent.code == 1 and "cannot be reached" in sent.err and "Traceback" not in sent.err
        assert server.messages == []
        marked = cli("log", "mark", "ua-president", "--status", "replied", "-w", mini_ws.root)
        assert marked.code == 1 and "cannot be reached" in marked.err
        checked = cli("check", "-w", mini_ws.root)
        assert checked.code == 0, checked.err  # check works offline: one warning, at the audience
        (warning,) = [
            ln for ln in checked.out.splitlines() + checked.err.splitlines() if "status: terms" in ln
        ]
        assert "ws/letter_templates/reminder-en.md:" in warning and "cannot be reached" in warning
        assert "template 'reminder-en' was checked for everyone its other terms reach" in warning
        review = cli(
            "send",
            "-w",
            mini_ws.root,
            "--template",
            "appeal-en",
            "--dry-run",
            "--out",
            mini_ws.root / "review",
        )
        assert review.code == 0, review.err  # a dry run needs neither server: it writes for review
        assert "cannot be reached" in review.err and "whether or not they have had the letter" in review.err
        assert len(list((mini_ws.root / "review").rglob("*.eml"))) == 2
        written = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
        assert written.code == 0 and "not recorded as drafts in the team's log" in written.err
        assert list((mini_ws.root / "out").rglob("*.pdf"))


def test_log_password_is_checked_with_the_server_then_kept_in_the_keyring(
    mini_ws, cli, pg_database, monkeypatch
):
    import io

    import keyring

    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "anna")
    keyring.delete_password(TEAM_LOG_SERVICE, "anna@127.0.0.1")
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-one\n"))
    refused = cli("log", "password", "--password-stdin", "-w", mini_ws.root)
    assert refused.code == 1 and "refused this password for user 'anna'" in refused.err
    assert "type it again" in refused.err and "log password" not in refused.err  # not the command she typed
    assert "wrong-one" not in refused.err and refused.err.count("\n") == 1  # one line, no password
    assert keyring.get_password(TEAM_LOG_SERVICE, "anna@127.0.0.1") is None
    monkeypatch.setattr("sys.stdin", io.StringIO(pg_database.cluster.password("anna") + "\n"))
    stored = cli("log", "password", "--password-stdin", "-w", mini_ws.root)
    assert stored.code == 0, stored.err
    assert keyring.get_password(TEAM_LOG_SERVICE, "anna@127.0.0.1") == pg_database.cluster.password("anna")
    assert "note:" not in stored.err  # nothing else stands in her way
    assert cli("log", "status", "-w", mini_ws.root).code == 0


def test_the_team_password_and_the_mail_password_of_one_account_are_kept_apart(
    mini_ws, cli, pg_database, monkeypatch
):
    """anna@127.0.0.1 is her database user and her SMTP account on one host: keeping the
    team's password must not overwrite her mail password, nor sending read the other's."""
    import io

    import keyring

    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "anna")
    keyring.delete_password(TEAM_LOG_SERVICE, "anna@127.0.0.1")
    keyring.set_password(SERVICE, "anna@127.0.0.1", "her-mail-password")
    monkeypatch.setattr("sys.stdin", io.StringIO(pg_database.cluster.password("anna") + "\n"))

    assert cli("log", "password", "--password-stdin", "-w", mini_ws.root).code == 0

    assert keyring.get_password(SERVICE, "anna@127.0.0.1") == "her-mail-password"
    assert keyring.get_password(TEAM_LOG_SERVICE, "anna@127.0.0.1") == pg_database.cluster.password("anna")
    assert cli("log", "status", "-w", mini_ws.root).code == 0


def test_a_team_password_kept_by_an_earlier_version_is_still_read(mini_ws, cli, pg_database):
    """Earlier versions kept it in the mail passwords' entry: the log still opens with it."""
    import keyring

    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "anna")
    keyring.delete_password(TEAM_LOG_SERVICE, "anna@127.0.0.1")
    keyring.set_password(SERVICE, "anna@127.0.0.1", pg_database.cluster.password("anna"))

    status = cli("log", "status", "-w", mini_ws.root)

    assert status.code == 0, status.err
    assert "password" not in status.err


def test_log_password_of_a_member_not_granted_yet_is_kept_and_says_what_is_missing(
    mini_ws, cli, pg_database, monkeypatch
):
    import io

    import keyring

    make_team(pg_database)
    pg_database.cluster.add_user("dave")  # a new volunteer: a database user, no rights yet
    join_team(mini_ws.root, pg_database, "dave")
    keyring.delete_password(TEAM_LOG_SERVICE, "dave@127.0.0.1")
    monkeypatch.setattr("sys.stdin", io.StringIO(pg_database.cluster.password("dave") + "\n"))

    stored = cli("log", "password", "--password-stdin", "-w", mini_ws.root)

    assert stored.code == 0, stored.err
    assert keyring.get_password(TEAM_LOG_SERVICE, "dave@127.0.0.1") == pg_database.cluster.password("dave")
    assert "note: " in stored.err and "'dave' has no rights on the team's log" in stored.err
    assert "campaign-app log grant dave'" in stored.err


def test_log_password_without_a_keyring_says_where_the_password_goes_before_asking(mini_ws, cli, monkeypatch):
    """No system keyring (a server, a bare desktop): the member learns at once that libpq's
    own password file is the place, with the line to write, and is not asked to type the
    password for nothing; nothing is written anywhere."""
    import io

    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    campaign = mini_ws.root / "campaign.yaml"
    campaign.write_text(
        campaign.read_text(encoding="utf-8")
        + "log_database: postgresql://anna@db.example.org:5433/akhmetova?sslmode=verify-full\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-typed\n"))
    result = cli("log", "password", "--password-stdin", "-w", mini_ws.root)
    assert result.code == 1 and "Traceback" not in result.err
    assert "no system keyring is available" in result.err
    assert "db.example.org:5433:akhmetova:anna:PASSWORD" in result.err and ".pgpass" in result.err
    assert "asked for each time you send" not in result.err  # the SMTP password's fallback, not this one's
    assert sys.stdin.read() == "s3cret-typed\n"  # the password was not asked for


def test_before_the_coordinators_log_upgrade_a_dry_run_and_check_still_work(
    mini_ws, cli, server, pg_database
):
    """A volunteer's program newer than the team's log: send --dry-run was refused ("made by
    an older version"), though the README promises it works whenever the log cannot be used."""
    from sqlalchemy import text

    make_team(pg_database)
    use_server(mini_ws, server)
    join_team(mini_ws.root, pg_database, "anna")
    from team_helpers import location

    from campaign_app.core.outreach.database import postgres_engine

    engine = postgres_engine(location(pg_database, "carol"), pg_database.cluster.password("carol"))
    with engine.connect() as conn, conn.begin():  # as if the schema were still the previous revision's
        conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    engine.dispose()
    review = cli(
        "send", "-w", mini_ws.root, "--template", "appeal-en", "--dry-run", "--out", mini_ws.root / "review"
    )
    assert review.code == 0, review.err
    assert "older version of campaign_app (revision 0006)" in review.err
    assert len(list((mini_ws.root / "review").rglob("*.eml"))) == 2
    assert cli("check", "-w", mini_ws.root).code == 0
    sent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert sent.code == 1 and "log upgrade" in sent.err and server.messages == []


def test_a_coordinator_takes_a_members_rights_away_and_their_next_step_is_refused(mini_ws, cli, pg_database):
    """A volunteer's laptop is lost: 'log revoke' cuts them off at once; what they recorded
    stays, under their name; granted again, they work again."""
    make_team(pg_database)
    coordinator = mini_ws.root.parent / "carol"
    shutil.copytree(mini_ws.root, coordinator)
    join_team(coordinator, pg_database, "carol")
    join_team(mini_ws.root, pg_database, "anna")
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    assert cli("log", "status", "-w", mini_ws.root).code == 0

    revoked = cli("log", "revoke", "anna", "-w", coordinator)

    assert revoked.code == 0, revoked.err
    assert "'anna' may no longer read or record anything" in revoked.out and "NOLOGIN" in revoked.out
    refused = cli("log", "status", "-w", mini_ws.root)
    assert refused.code == 1 and "your database user 'anna' has no rights on the team's log" in refused.err
    assert "campaign-app log grant anna'" in refused.err and "coordinator" in refused.err
    assert "Traceback" not in refused.err
    with connect(pg_database, "carol") as log:
        assert {e.by for e in log.events()} == {"anna"}  # her drafts stay, under her name
    again = cli("log", "revoke", "anna", "-w", coordinator)
    assert again.code == 1 and "'anna' has no rights on the team's log to take away" in again.err
    self_cut = cli("log", "revoke", "carol", "-w", coordinator)
    assert self_cut.code == 1 and "cannot take your own rights" in self_cut.err
    assert cli("log", "grant", "anna", "-w", coordinator).code == 0
    assert cli("log", "status", "-w", mini_ws.root).code == 0


def test_revoke_on_a_solo_campaign_db_says_it_is_for_a_team(mini_ws, cli):
    result = cli("log", "revoke", "anna", "-w", mini_ws.root)
    assert result.code == 1 and "'log revoke' is for a team's log on PostgreSQL" in result.err
