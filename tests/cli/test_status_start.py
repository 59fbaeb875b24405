"""``log status`` reads the log through the database's driver alone: SQLAlchemy's import was a
tenth of its one second over 100,000 letters (core/outreach/plain_log.py). Run as a user
runs it, a process of its own; an older campaign.db still reads, upgraded in memory."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from log_helpers import make_v1_log, sha256
from team_helpers import connect, join_team, make_team, record_send

from campaign_app.core.outreach.log import ContactLog

NOT_FOR_A_STATUS = ("sqlalchemy", "alembic", "campaign_app.core.outreach.database", "multiprocessing")


def _status(root, password: str | None = None) -> tuple[str, list[str]]:
    """``log status``'s table, and what of NOT_FOR_A_STATUS it imported."""
    code = (
        "import sys\n"
        f"sys.argv = ['campaign-app', 'log', 'status', '-w', {str(root)!r}]\n"
        "from campaign_app.frozen_entry import run\n"  # as python -m campaign_app starts
        "assert run() == 0\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {NOT_FOR_A_STATUS!r}"
        f" or n in {NOT_FOR_A_STATUS!r}))"
    )
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    if password is not None:
        env["PGPASSWORD"] = password  # as libpq takes it when the keyring has none
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    *table, imported = done.stdout.splitlines()
    return "\n".join(table), ast.literal_eval(imported)


def test_log_status_on_campaign_db_reads_without_sqlalchemy(mini_ws):
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        record_send(log, "mep-1", "Michal Šimečka", "olena")

    table, imported = _status(mini_ws.root)

    assert imported == []
    assert "mep-1" in table and "sent" in table


def test_log_status_on_a_teams_log_reads_without_sqlalchemy(mini_ws, pg_database):
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "anna")
    with connect(pg_database, "anna") as anna:
        record_send(anna, "mep-2", "Rasa Juknevičienė", "anna")

    table, imported = _status(mini_ws.root, pg_database.cluster.password("anna"))

    assert imported == []
    assert "mep-2" in table and "anna" in table


def test_log_status_on_a_teams_log_finds_the_keyring_without_trying_every_backend(
    mini_ws, pg_database, tmp_path
):
    """As a user runs it: no PYTHON_KEYRING_BACKEND, so the password is looked for in the
    system's keyring (none here: no D-Bus session, so not even the Secret Service's backend
    is loaded), found without importing the backends of other systems and desktops
    (core/mail/secrets.py); then libpq's PGPASSWORD."""
    make_team(pg_database)
    join_team(mini_ws.root, pg_database, "anna")
    with connect(pg_database, "anna") as anna:
        record_send(anna, "mep-2", "Rasa Juknevičienė", "anna")
    code = (
        "import sys\n"
        "for name in ('dbus', 'gi', 'win32ctypes', 'win32cred'):\n"
        "    sys.modules[name] = None  # not installed here\n"
        f"sys.argv = ['campaign-app', 'log', 'status', '-w', {str(mini_ws.root)!r}]\n"
        "from campaign_app.frozen_entry import run\n"
        "assert run() == 0\n"
        "print(sorted(n for n in sys.modules if n.startswith('keyring.backends.')))"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS") and not k.startswith("KEYRING_")
    }
    home = tmp_path / "home"
    env |= {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_RUNTIME_DIR": str(home)}
    env["PGPASSWORD"] = pg_database.cluster.password("anna")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)

    assert done.returncode == 0, done.stderr
    *table, imported = done.stdout.splitlines()
    assert "mep-2" in "\n".join(table)
    assert ast.literal_eval(imported) == [
        "keyring.backends.chainer",  # secrets.py's check of a chain, not keyring's discovery
        "keyring.backends.fail",  # keyring's "no keyring": no session bus to reach a Secret Service by
    ]


def test_log_status_reads_an_older_campaign_db_without_changing_it(mini_ws):
    path = mini_ws.root / "campaign.db"
    make_v1_log(path)  # a letter to ua-president, sent by post
    before = sha256(path)

    table, imported = _status(mini_ws.root)

    assert "ua-president" in table and "sent" in table
    assert "alembic" in imported  # upgraded in memory, with the migrations
    assert sha256(path) == before
    assert not list(mini_ws.root.glob("campaign.db.*backup*"))
