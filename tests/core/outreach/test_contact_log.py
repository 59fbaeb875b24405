"""campaign.db: the history is kept whatever happens to the file.

A coordinator relies on the log to say who was written to. So an old log is upgraded with
a backup beside it and nothing lost, a log from a newer version is left alone, the
history cannot be rewritten, and a damaged, read-only or busy file is told to the user as
such (one line, no traceback).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from log_helpers import letter, make_v1_log, sha256

from campaign_app.core.common.errors import UserError
from campaign_app.core.outreach.log import (
    SCHEMA_VERSION,
    ContactLog,
)
from campaign_app.core.outreach.status import letter_status


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


# ---- upgrading ------------------------------------------------------------------------


def test_a_version_1_log_is_upgraded_with_a_backup_and_keeps_its_history(tmp_path):
    path = tmp_path / "campaign.db"
    make_v1_log(path)

    with ContactLog.open(path) as log:
        assert log.upgraded_from is not None and log.upgraded_from[0] == 1
        contacts = log.contacts()
        events = log.events()

    assert [c.recipient_name for c in contacts] == ["Володимир Зеленський"]
    assert [(e.id, e.kind, e.by, e.detail, e.channel) for e in events] == [
        ("old-1", "drafted", "olena", "", ""),
        ("old-2", "sent", "olena", "by post", ""),
    ]
    assert user_version(path) == SCHEMA_VERSION

    backups = list(tmp_path.glob("campaign.db.v1-backup-*"))
    assert len(backups) == 1
    assert user_version(backups[0]) == 1
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("SELECT id, kind FROM events ORDER BY at").fetchall() == [
            ("old-1", "drafted"),
            ("old-2", "sent"),
        ]
    finally:
        conn.close()


def test_the_upgraded_log_takes_new_events_with_a_channel(tmp_path):
    path = tmp_path / "campaign.db"
    make_v1_log(path)
    with ContactLog.open(path) as log:
        cid = log.contacts()[0].id
        log.add_event(cid, "replied", "coordinator", "answered by letter", channel="post")
        assert letter_status(log.events(cid)) == "replied"
        assert log.events(cid)[-1].channel == "post"


def test_a_log_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "campaign.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = sha256(path)

    with pytest.raises(UserError) as info:
        ContactLog.open(path)

    assert "newer version" in info.value.message
    assert "not changed" in info.value.hint
    assert sha256(path) == before
    assert user_version(path) == SCHEMA_VERSION + 5
    assert not list(tmp_path.glob("campaign.db.*backup*"))


def test_a_file_that_is_not_sqlite_is_reported_as_not_a_contact_log(tmp_path):
    path = tmp_path / "campaign.db"
    path.write_bytes(b"This is a shopping list, not a database.\n" * 200)

    with pytest.raises(UserError) as info:
        ContactLog.open(path)

    assert "not a contact log or is damaged" in str(info.value)
    assert "backup" in info.value.hint


def test_opening_without_create_when_there_is_no_log(tmp_path):
    with pytest.raises(UserError, match="no contact log yet"):
        ContactLog.open(tmp_path / "campaign.db", create=False)
    assert not (tmp_path / "campaign.db").exists()


# ---- the history is append-only --------------------------------------------------------


@pytest.fixture
def log(tmp_path):
    with ContactLog.open(tmp_path / "campaign.db", timeout=0.1) as opened:
        yield opened


def test_events_cannot_be_deleted_or_changed(log):
    log.record_drafts([letter()], by="olena")
    with pytest.raises(UserError, match="append-only"), log.transaction() as conn:
        conn.exec_driver_sql("DELETE FROM events")
    with pytest.raises(UserError, match="append-only"), log.transaction() as conn:
        conn.exec_driver_sql("UPDATE events SET kind = 'replied'")
    assert [e.kind for e in log.events()] == ["drafted"]


# ---- recording letters ----------------------------------------------------------------


def test_recording_the_same_draft_twice_adds_nothing(log):
    assert log.record_drafts([letter()], by="olena") == 1
    assert log.record_drafts([letter()], by="olena") == 0
    assert [e.kind for e in log.events()] == ["drafted"]


def test_a_changed_draft_is_recorded_again_with_its_new_file(log):
    log.record_drafts([letter(sha="a" * 64)], by="olena")
    assert log.record_drafts([letter(sha="c" * 64)], by="olena") == 1

    (contact,) = log.contacts()
    assert contact.letter_sha256 == "c" * 64
    assert [e.kind for e in log.events()] == ["drafted", "drafted"]


def test_a_sent_letter_keeps_the_file_that_went_out_and_a_new_draft_only_revises_it(log):
    log.record_drafts([letter(sha="a" * 64)], by="olena")
    cid = log.contacts()[0].id
    log.add_event(cid, "sent", "olena", channel="email", letter_path="out/sent/x.pdf", letter_sha256="a" * 64)

    assert log.record_drafts([letter(sha="a" * 64)], by="olena") == 0  # the same file: nothing new
    assert log.record_drafts([letter(sha="c" * 64)], by="olena") == 1

    history = log.history(cid)
    assert history.status == "sent" and history.revised
    assert history.sent.letter_sha256 == "a" * 64 and history.sent.letter_path == "out/sent/x.pdf"
    assert [e.kind for e in log.events()] == ["drafted", "sent", "drafted"]
    # Regenerated back to what went out: no longer revised.
    assert log.record_drafts([letter(sha="a" * 64)], by="olena") == 1
    assert not log.history(cid).revised


def test_marking_replied_with_a_note(log):
    log.record_drafts([letter()], by="olena")
    changed = log.mark("ua-president", "replied", by="coordinator", note="Відповідь від 12.05: розглядають")

    (cid,) = changed
    events = log.events(cid)
    assert letter_status(events) == "replied"
    assert events[-1].detail == "Відповідь від 12.05: розглядають"
    assert events[-1].by == "coordinator"


def test_marking_sent_by_hand_needs_the_channel(log):
    log.record_drafts([letter()], by="olena")
    with pytest.raises(UserError, match="needs its channel") as info:
        log.mark("ua-president", "sent", by="olena")
    assert "--channel" in info.value.hint
    assert [e.kind for e in log.events()] == ["drafted"]

    log.mark("ua-president", "sent", by="olena", channel="post")
    assert letter_status(log.events()) == "sent"


def test_marking_a_recipient_with_no_letter_is_a_user_error(log):
    with pytest.raises(UserError, match="no letter to 'nobody'"):
        log.mark("nobody", "replied", by="olena")


# ---- a log the user cannot write to --------------------------------------------------


def test_a_log_in_use_by_another_program(log):
    log.record_drafts([letter()], by="olena")
    cid = log.contacts()[0].id
    other = sqlite3.connect(log.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError) as info:
            log.add_event(cid, "replied", "coordinator")
    finally:
        other.execute("ROLLBACK")
        other.close()

    assert "in use by another program" in info.value.message
    assert "close the other" in info.value.hint
    assert [e.kind for e in log.events()] == ["drafted"]
    log.add_event(cid, "replied", "coordinator")  # free again: the change goes through
    assert [e.kind for e in log.events()] == ["drafted", "replied"]


# Root ignores file permissions, so as root (in CI) these run in a child process as the
# unprivileged user "nobody", in a folder that user may enter.
READ_ONLY_FILE = """
from campaign_app.core.outreach.log import ContactLog, NewContact
from campaign_app.core.common.errors import UserError
path = FOLDER / "campaign.db"
with ContactLog.open(path) as log:
    log.record_drafts([NewContact("ua-president", "Volodymyr Zelenskyy", "national_official",
                                  "case", "appeal-uk", "uk", "post")], by="olena")
path.chmod(0o444)
with ContactLog.open(path) as log:
    assert [c.recipient_id for c in log.contacts()] == ["ua-president"]
    try:
        log.mark("ua-president", "replied", by="olena")
        raise AssertionError("a change to a read-only log went through")
    except UserError as exc:
        assert "read-only" in exc.message, exc
"""

READ_ONLY_FOLDER = """
from campaign_app.core.outreach.log import ContactLog, NewContact
from campaign_app.core.common.errors import UserError
path = FOLDER / "campaign.db"
with ContactLog.open(path) as log:
    log.record_drafts([NewContact("ua-president", "Volodymyr Zelenskyy", "national_official",
                                  "case", "appeal-uk", "uk", "post")], by="olena")
path.chmod(0o444)
FOLDER.chmod(0o555)
try:
    with ContactLog.open(path) as log:
        log.mark("ua-president", "replied", by="olena")
    raise AssertionError("a change to a log in a read-only folder went through")
except UserError as exc:
    assert "read-only" in exc.message, exc
finally:
    FOLDER.chmod(0o755)
"""


def run_with_file_permissions(script: str, tmp_path: Path) -> None:
    """Run ``script`` (with FOLDER = an empty folder) where file permissions apply."""
    import subprocess
    import sys
    import tempfile

    user = None
    folder = tmp_path / "perm"
    if os.geteuid() == 0:
        import pwd

        user = pwd.getpwnam("nobody").pw_uid
        folder = Path(tempfile.mkdtemp(prefix="campaign-perm-"))
        os.chown(folder, user, -1)
    else:
        folder.mkdir()
    # Python itself may live where "nobody" cannot read (/root/.pyenv): the child starts as
    # root, imports what it needs, then gives up root before touching the log.
    drop = f"os.setgid({user})\nos.setuid({user})\n" if user is not None else ""
    imports = (
        "import os, datetime, hashlib, sqlite3, uuid\nimport campaign_app.core.outreach.log\n"
        "import alembic.command, alembic.config, configparser, logging.config\n"
        # and what is read lazily (the messages' catalogue, syncing): nobody may not read them
        "import ctypes, campaign_app.core.common.atomic, campaign_app.core.common.i18n\n"
        "campaign_app.core.common.i18n.translation()\n"
        "campaign_app.core.common.i18n._separators()\n"  # how numbers are written: Babel's data
    )
    code = imports + drop + f"from pathlib import Path\nFOLDER = Path({str(folder)!r})\n" + script
    root = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_a_read_only_log_file_can_be_read_but_a_change_is_a_user_error(tmp_path):
    run_with_file_permissions(READ_ONLY_FILE, tmp_path)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_a_log_in_a_read_only_folder_is_a_user_error(tmp_path):
    """SQLite cannot even read a WAL database whose folder it may not write (no -shm file):
    the user is told the log is read-only, at the latest when changing it."""
    run_with_file_permissions(READ_ONLY_FOLDER, tmp_path)


def test_a_log_on_a_read_only_medium_reads_but_refuses_changes(tmp_path, monkeypatch):
    """What SQLite reports when the file cannot be written (as on a read-only share; this
    also runs as root, which file permissions do not stop): the database opened read-only."""
    path = tmp_path / "campaign.db"
    with ContactLog.open(path) as log:
        log.record_drafts([letter()], by="olena")
    before = sha256(path)
    connect = sqlite3.connect

    def read_only(database, *args, **kwargs):
        return connect(f"file:{database}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with ContactLog.open(path) as log:
        assert [c.recipient_id for c in log.contacts()] == ["ua-president"]
        with pytest.raises(UserError) as info:
            log.mark("ua-president", "replied", by="olena")
    assert "read-only" in info.value.message
    assert "may write to the campaign folder" in info.value.hint
    assert sha256(path) == before
