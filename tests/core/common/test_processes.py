"""Whether the program that holds a claim or writes a file still runs.

A letter claimed by a program that still runs is never sent by anyone else, and a
temporary file of a writer that still runs is never removed: so "still runs" must be
right both ways. A program that has ended but not yet been reaped by its parent (a
zombie, as a killed batch's workers are for a moment) no longer runs.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from campaign_app.core.common.processes import pid_alive


def test_a_running_program_is_alive_and_one_that_ended_is_not():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert pid_alive(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert not pid_alive(proc.pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="zombies are read from /proc")
def test_a_program_that_ended_and_waits_to_be_reaped_is_not_alive():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and pid_alive(proc.pid):
        time.sleep(0.01)  # not waited for: it stays a zombie until proc.wait()
    assert not pid_alive(proc.pid)
    with open(f"/proc/{proc.pid}/stat") as stat:
        assert ") Z " in stat.read()  # still there, a zombie: signals would still find it
    proc.wait()
