"""What a user trips over on the command line: ids shown whole, and ``| head`` ending quietly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from campaign_app.core.outreach.log import ContactLog, NewContact

LONG_ID = "mep-a-rather-long-identifier-from-the-ep-list-197543"
PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,tags
mep-1,mep,Mr,Michal,Šimečka,m,Member of the European Parliament,European Parliament,SK,en,michal.simecka@europarl.europa.eu,
{long},mep,Ms,Rasa,Juknevičienė,f,Member of the European Parliament,European Parliament,LT,en,rasa.jukneviciene@europarl.europa.eu,
"""


def row_starting_with(out: str, rid: str) -> str:
    rows = [line for line in out.splitlines() if line.split(" ", 1)[0] == rid]
    assert len(rows) == 1, f"no row with the whole id {rid!r} in:\n{out}"
    return rows[0]


def test_recipients_list_shows_every_id_whole(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE.format(long=LONG_ID))
    result = cli("recipients", "list", "-w", mini_ws.root)
    assert result.code == 0, result.err
    row = row_starting_with(result.out, LONG_ID)
    assert "Rasa Juknevičienė" in row
    # the other columns stay aligned under their headings
    header = result.out.splitlines()[0]
    assert row.index("mep ") == header.index("CATEGORY")


def test_log_status_shows_the_id_log_mark_needs(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE.format(long=LONG_ID))
    letter = NewContact(
        LONG_ID, "Rasa Juknevičienė", "mep", "test-case", "appeal-en", "en", "email", "r@x.org"
    )
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.record_drafts([letter], by="Olena")
    status = cli("log", "status", "-w", mini_ws.root)
    assert status.code == 0, status.err
    assert "drafted" in row_starting_with(status.out, LONG_ID)
    everyone = cli("log", "status", "-w", mini_ws.root, "--query", "category:mep")
    assert "none" in row_starting_with(everyone.out, "mep-1")
    # what the table shows is what log mark takes
    rid = row_starting_with(status.out, LONG_ID).split()[0]
    marked = cli("log", "mark", rid, "-w", mini_ws.root, "--status", "closed")
    assert marked.code == 0, marked.err
    assert f"Marked 1 letter(s) to {LONG_ID} as closed." in marked.out


def test_a_terminals_escape_codes_written_into_the_log_are_shown_not_run(mini_ws, cli):
    """A team member wrote an event by hand whose kind clears the screen and turns it red: the
    coordinator's ``log status`` printed it as it was (and a directory's name could do the same)."""
    import sqlite3

    mini_ws.write("recipients/people.csv", PEOPLE.format(long=LONG_ID))
    letter = NewContact("mep-1", "Michal Šimečka", "mep", "test-case", "appeal-en", "en", "email", "m@x.org")
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        log.record_drafts([letter], by="Olena")
        cid = log.contacts()[0].id
    with sqlite3.connect(mini_ws.root / "campaign.db") as conn:
        conn.execute(
            "INSERT INTO events (id, contact_id, kind, at, by) VALUES ('x', ?, ?, '2030-01-01T00:00:00+00:00', ?)",
            (cid, "\x1b[2J\x1b[31mreplied", "\x1b]0;pwned\x07anna"),
        )
    status = cli("log", "status", "-w", mini_ws.root)
    assert status.code == 0, status.err
    assert "\x1b" not in status.out and "\x07" not in status.out
    row = row_starting_with(status.out, "mep-1")
    assert "\ufffd[2J\ufffd[31mreplied" in row and "\ufffd]0;pwned\ufffdanna" in status.out


# ---- piping into head ------------------------------------------------------------------


@pytest.fixture
def big_ws(mini_ws):
    """Four thousand recipients (no contact channel, so check lists them all on one line)
    and no templates: every command below prints far more than a pipe holds (64 kB)."""
    rows = ["id,category,given_name,family_name,country,language"]
    rows += [f"mep-long-identifier-number-{i:05d},mep,Given{i},Family{i},DE,en" for i in range(4000)]
    mini_ws.write("recipients/people.csv", "\n".join(rows) + "\n")
    for template in (mini_ws.root / "letter_templates").glob("*.md"):
        template.unlink()
    return mini_ws.root


def first_line_then_close(args: list[str], cwd) -> tuple[str, int, str]:
    """Run campaign-app with its output into a pipe, read one line and close the pipe, as
    ``campaign-app ARGS | head -1`` does. Returns the line, the exit status and stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "campaign_app", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
    )
    try:
        line = proc.stdout.readline().decode("utf-8")
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8")
        code = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    return line, code, err


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["recipients", "list"], "ID "),
        (["log", "status", "--query", "category:mep"], "ID "),
        (["check"], "ok: campaign.yaml"),
    ],
    ids=["recipients-list", "log-status", "check"],
)
def test_piping_into_head_ends_quietly(big_ws, tmp_path, args, first):
    line, code, err = first_line_then_close([*args, "-w", str(big_ws)], tmp_path)
    assert line.startswith(first), line
    assert err == "", err  # no traceback, no "Exception ignored", no "error: Broken pipe"
    assert code == 141  # 128 + SIGPIPE, as the shell reports for cat or grep in the same place


def test_the_whole_output_still_arrives_when_it_is_read(big_ws, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "campaign_app", "recipients", "list", "-w", str(big_ws)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "4002 recipient(s)" and len(lines) == 4004  # header, rows, count


def test_a_commands_last_large_structure_is_left_to_the_exit_only_in_the_command_line_process(monkeypatch):
    """``log status`` hands its 100,000 letters' states to the end of the process (the
    system takes the memory back at once); a test or a window calling the same code frees
    them as usual."""
    import gc
    import weakref

    from campaign_app.cli import common

    class States:
        pass

    freed = States()
    gone = weakref.ref(freed)
    common.left_to_the_exit(freed)
    del freed
    gc.collect()
    assert gone() is None  # not the command-line process: freed as usual

    monkeypatch.setattr(common, "_process_ends_with_command", True)
    kept = States()
    left = weakref.ref(kept)
    try:
        common.left_to_the_exit(kept)
        del kept
        gc.collect()
        assert left() is not None  # kept to the exit, out of the collector's sight
    finally:
        gc.unfreeze()
        gc.collect()
    assert left() is None
