"""An export never writes over the campaign itself.

``case calendar campaign.db`` replaced the contact log with an empty calendar and said it
had worked; ``recipients export recipients/people.csv --query …`` silently cut the
directory down to the recipients exported. Every command that writes a file the user
names refuses a file of the workspace (the log, campaign.yaml, anything in cases/,
letter_templates/, recipients/, attachments/), says why and what to name instead, and
leaves the file as it was.
"""

from __future__ import annotations

import pytest

COMMANDS = {
    "calendar": ("case", "calendar"),
    "translation": ("case", "translate", "export", "ru"),
    "log export": ("log", "export"),
    "report": ("log", "report"),
    "recipients": ("recipients", "export"),
    "print": ("print", "--template", "appeal-en", "--out"),
}
TARGETS = {
    "campaign.db": "this is the campaign's contact log: writing the file here would destroy it",
    "campaign.yaml": "this is the campaign's settings: writing the file here would destroy them",
    "cases/test-case.yaml": "cases/ holds the campaign's case",
    "letter_templates/appeal-en.md": "letter_templates/ holds the campaign's letter templates",
    "recipients/people.csv": "recipients/ holds the campaign's recipient directory",
    "recipients/new.csv": "recipients/ holds the campaign's recipient directory",
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_file_of_the_campaign_is_refused_and_left_as_it_was(mini_ws, cli, command, target):
    history = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert history.code == 0, history.err  # the log holds letters: there is something to lose
    path = mini_ws.root / target
    before = path.read_bytes() if path.exists() else None
    result = cli(*COMMANDS[command], mini_ws.root / target, "-w", mini_ws.root)
    assert result.code == 1, (result.out, result.err)
    assert "Traceback" not in result.err
    (line,) = result.err.splitlines()
    assert line.startswith(f"error: ws/{target}: {TARGETS[target]}"), line
    assert " — name another file, e.g. ws/" in line
    assert (path.read_bytes() if path.exists() else None) == before
    assert cli("check", "-w", mini_ws.root).code == 0


def test_a_file_of_ones_own_in_the_workspace_is_written(mini_ws, cli):
    """The workspace folder itself and out/ are the user's: a calendar there is fine."""
    result = cli("case", "calendar", mini_ws.root / "calendar.ics", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert (mini_ws.root / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
