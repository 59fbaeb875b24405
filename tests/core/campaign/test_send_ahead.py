"""A long send makes its letters in a child process, and still sends each letter once.

While one letter is claimed and sent, the next is made ready ahead: in a thread for a short
send, in one child process for a long one (core/campaign/send_ahead.py). What a volunteer
checks is the same either way: each official gets the letter once, with the PDF kept and
logged; a letter that cannot be made stops the send with its own message; and what was
written is in the output folder's manifest, so that ``generate`` afterwards writes nothing
again. These tests lower the threshold so that a few letters take the child's path.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter

import pytest
from smtp_server import letters_made_in_a_child, parsed, send_killed_at, use_server

from campaign_app.core.campaign import letter_files, send_ahead
from campaign_app.core.campaign.manifest import Manifest
from campaign_app.core.campaign.send import run_send
from campaign_app.core.campaign.send_plan import plan_send
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.outreach.log import ContactLog


def count_renders(monkeypatch) -> Counter[str]:
    """How many times each recipient's letter is rendered in this process, from now on."""
    renders: Counter[str] = Counter()
    real = letter_files.render_letter

    def counting(template, recipient, *args, **kwargs):
        renders[recipient.id] += 1
        return real(template, recipient, *args, **kwargs)

    monkeypatch.setattr(letter_files, "render_letter", counting)
    return renders


@pytest.fixture
def in_child(monkeypatch):
    letters_made_in_a_child(monkeypatch)


def test_a_long_send_makes_its_letters_in_a_child_and_each_goes_once(
    mini_ws, cli, server, monkeypatch, in_child
):
    renders = count_renders(monkeypatch)
    use_server(mini_ws, server, extra_meps=6)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "8 sent" in result.out
    # Only the first letter was made in this process: the seven others in the child.
    assert renders == Counter({"mep-1": 1})
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 8 and set(counts.values()) == {1}, counts
    salutations = {"michal.simecka@europarl.europa.eu": "Dear Mr Šimečka,"}
    salutations |= {f"m{i}@example.org": f"Dear Ms Family{i}," for i in range(6)}
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        contacts = {c.address: c for c in log.contacts("test-case")}
        for m in server.messages:
            msg, contact = parsed(m), contacts[m.rcpt_tos[0]]
            (attachment,) = list(msg.iter_attachments())
            pdf = attachment.get_content()
            events = log.events(contact.id)
            assert [e.kind for e in events] == ["drafted", "sending", "sent"], contact.recipient_id
            sent = events[-1]
            # The official received the kept copy byte for byte, and the log says which.
            assert (mini_ws.root / sent.letter_path).read_bytes() == pdf
            assert hashlib.sha256(pdf).hexdigest() == sent.letter_sha256 == contact.letter_sha256
            assert msg["Message-ID"] in sent.detail
            if m.rcpt_tos[0] in salutations:
                assert salutations[m.rcpt_tos[0]] in msg.get_body(("plain",)).get_content()
    # The files the child wrote are in the manifest: generating again writes nothing.
    again = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert again.code == 0, again.err
    assert "0 letter(s) written (0 file(s)), 8 already up to date" in again.out, again.out


def test_letters_made_here_while_the_child_starts_then_there_each_goes_once_and_is_in_the_manifest(
    mini_ws, cli, server, monkeypatch
):
    """Until the child is ready the letters are made here, then there: either way each goes
    once, with its kept copy logged, and every file written is in the manifest."""
    monkeypatch.setattr(send_ahead, "PROCESS_THRESHOLD", 2)
    monkeypatch.setattr(send_ahead.batch_run, "default_workers", lambda: 2)
    renders = count_renders(monkeypatch)
    use_server(mini_ws, server, extra_meps=6)
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "8 sent" in result.out
    assert renders["mep-1"] == 1 and set(renders.values()) == {1}, renders  # none made twice
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 8 and set(counts.values()) == {1}, counts
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        for contact in log.contacts("test-case"):
            sent = log.events(contact.id)[-1]
            assert sent.kind == "sent" and (mini_ws.root / sent.letter_path).is_file()
    again = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert again.code == 0, again.err
    assert "0 letter(s) written (0 file(s)), 8 already up to date" in again.out, again.out


def test_cancelled_the_letters_made_ahead_are_written_and_in_the_manifest_not_sent(mini_ws, server, in_child):
    use_server(mini_ws, server, extra_meps=6)
    ws = Workspace(mini_ws.root)
    plan = plan_send(ws, "appeal-en")
    cancel = threading.Event()

    def progress(p) -> None:
        if p.done == 3:
            cancel.set()  # after three letters, while the fourth is taken and the next made ahead

    depth = send_ahead.ProcessAhead.depth
    assert 4 + depth <= len(plan.to_send)
    result = run_send(ws, plan, server.password, progress=progress, cancel=cancel, by="tester")
    assert result.cancelled and result.count("sent") == 3
    assert sorted(m.rcpt_tos[0] for m in server.messages) == sorted(r.email for r in plan.to_send[:3])
    # The fourth (taken) and those made ahead of it (not taken) were written: all in the manifest.
    made = {key[0] for key in Manifest.load(plan.out_dir).entries if key[1] == "appeal-en"}
    assert made == {r.id for r in plan.to_send[: 4 + depth]}
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        for r in plan.to_send[3:]:
            letter = log.contact_for(r.id, "test-case", "appeal-en")
            assert letter is None or "sending" not in [e.kind for e in log.events(letter.id)]


def test_the_child_killed_mid_send_stops_the_send_with_a_message_and_a_rerun_finishes(
    mini_ws, server, in_child
):
    """The process making the letters dies (the system ran out of memory): the send stops
    saying so, nothing went twice, and sending again sends the rest."""
    import multiprocessing
    import os
    import signal

    use_server(mini_ws, server, extra_meps=6)

    def kill_the_child(count: int) -> None:
        if count == 3:
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGKILL)

    server.on_data = kill_the_child
    ws = Workspace(mini_ws.root)
    result = run_send(ws, plan_send(ws, "appeal-en"), server.password, by="tester")
    server.on_data = None
    assert "the process making the letters stopped unexpectedly" in result.stopped_by
    assert "will not go twice" in result.stopped_by
    assert 3 <= result.count("sent") < 8 and result.count("not-sent") == 8 - result.count("sent")
    ws = Workspace(mini_ws.root)
    again = run_send(ws, plan_send(ws, "appeal-en"), server.password, by="tester")
    assert again.stopped_by == "" and again.count("sent") == 8 - result.count("sent")
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == 8 and set(counts.values()) == {1}, counts


def test_killed_mid_send_the_child_stops_too_and_a_rerun_sends_each_letter_once(mini_ws, server):
    """A send long enough for the child (the real threshold), killed while the server holds
    its fourth message: nothing more reaches the server from the child or anyone, and the
    re-run sends the rest, the unknown letter uncertain."""
    letters = send_ahead.PROCESS_THRESHOLD + 2
    use_server(mini_ws, server, extra_meps=letters - 2)
    rerun = send_killed_at(mini_ws.root, server, at=4)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "1 uncertain from an interrupted run: not sent" in rerun.stdout
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert len(counts) == letters and set(counts.values()) == {1}, counts


@pytest.mark.parametrize(("how", "presses"), [("SIGINT", 1), ("SIGINT", 2), ("SIGTERM", 1), ("SIGHUP", 1)])
def test_ctrl_c_mid_send_stops_it_cleanly_and_a_rerun_sends_each_letter_once(mini_ws, server, how, presses):
    """Ctrl-C in the terminal (to the whole process group: the send and its child) while the
    server holds the fourth message. Once: that message is finished and logged, the send
    stops saying how to go on. Twice: it stops at once, and the letter in flight may be
    uncertain. Either way no traceback, and the rerun sends every other letter, each once.
    A kill (SIGTERM) or a closed terminal (SIGHUP), to the send alone, is one Ctrl-C: it
    stopped the send silently, its letter in flight left uncertain and nobody told."""
    import os
    import signal
    import subprocess

    from smtp_server import send_command

    letters = send_ahead.PROCESS_THRESHOLD + 2  # the child's path, as a real long send
    use_server(mini_ws, server, extra_meps=letters - 2)
    command, env = send_command(mini_ws.root, server)
    holder: dict[str, subprocess.Popen] = {}

    def interrupt_at(count: int) -> None:
        if count == 4:
            for _ in range(presses):
                if how == "SIGINT":
                    os.killpg(holder["proc"].pid, signal.SIGINT)
                else:
                    os.kill(holder["proc"].pid, getattr(signal, how))
                time.sleep(0.2)

    server.on_data = interrupt_at
    proc = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    holder["proc"] = proc
    out, err = proc.communicate(server.password + "\n", timeout=120)
    server.on_data = None
    assert proc.returncode == 130, out + err
    assert "Traceback" not in err
    assert "interrupted" in err
    sent_first = len(server.messages)
    assert 4 <= sent_first < letters

    rerun = subprocess.run(
        command, env=env, input=server.password + "\n", capture_output=True, text=True, timeout=180
    )
    assert rerun.returncode in (0, 1), rerun.stdout + rerun.stderr
    counts = Counter(m.rcpt_tos[0] for m in server.messages)
    assert set(counts.values()) == {1}, counts  # nobody got a letter twice
    if presses == 1:  # the message in flight was finished and logged: nothing is uncertain
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        assert "uncertain" not in rerun.stdout
        assert len(counts) == letters
    else:  # at most the letter in flight is uncertain, and it is not sent again by itself
        assert len(counts) >= letters - 1
