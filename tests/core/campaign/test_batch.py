"""Batch generation: files, manifest, resuming, cancelling, the worker processes, Ctrl-C."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from campaign_app.core.campaign import letter_files
from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.generate import plan_batch
from campaign_app.core.campaign.manifest import Manifest
from campaign_app.core.campaign.workspace import Workspace


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def many_recipients(mini_ws, count: int) -> None:
    rows = ["id,category,honorific,given_name,family_name,gender,country,language,email"]
    rows += [f"mep-{i},mep,Ms,Given{i},Family{i},f,DE,en,m{i}@example.org" for i in range(count)]
    mini_ws.write("recipients/people.csv", "\n".join(rows) + "\n")


def test_generate_writes_pdf_docx_and_manifest(mini_ws, cli, tmp_path):
    result = cli("generate", "-w", "ws", "--template", "appeal-en", "--format", "both", "--out", "letters")
    assert result.code == 0, result.err
    assert "2 letter(s) written (4 file(s))" in result.out
    out = tmp_path / "letters"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["letters"]
    assert {(e["recipient_id"], e["format"]) for e in entries} == {
        ("mep-1", "pdf"),
        ("mep-1", "docx"),
        ("mep-2", "pdf"),
        ("mep-2", "docx"),
    }
    for e in entries:
        assert e["template_id"] == "appeal-en" and e["case_id"] == "test-case" and e["language"] == "en"
        data = (out / e["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == e["sha256"]
        assert e["generated_at"].endswith("+00:00")
    text = pdf_text(out / "appeal-en" / "mep-1_Michal_Šimečka.pdf")
    assert "Dear Mr Šimečka," in text
    assert "Mr Michal Šimečka\nMember of the European Parliament" in text
    assert not list(out.rglob("*.part"))


def test_an_output_folder_that_cannot_be_made_is_one_message_naming_what_is_in_the_way(
    mini_ws, cli, tmp_path
):
    (tmp_path / "letters").write_text("a file, not a folder", encoding="utf-8")
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "letters/july")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.splitlines() == [  # (paths as typed, from the current folder)
        "error: letters: cannot create the folder letters/july/appeal-en: "
        "this file is in the way — move or rename it, or choose another output folder"
    ]


def test_no_right_to_make_the_output_folder_says_so(tmp_path, monkeypatch):
    """(The tests may run as root, who may write anywhere: the refusal is the system's.)"""
    from campaign_app.core.common.atomic import make_folder
    from campaign_app.core.common.errors import UserError

    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refused)
    with pytest.raises(UserError) as raised:
        make_folder(tmp_path / "out")
    assert str(raised.value) == (
        f"{tmp_path / 'out'}: cannot create the folder (Permission denied) — "
        "check that you may write there, or choose another output folder"
    )


def test_rerun_skips_current_letters_and_redoes_changed_or_missing_ones(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out").code == 0
    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    assert "0 letter(s) written" in again.out and "2 already up to date" in again.out

    (tmp_path / "out" / "appeal-en" / "mep-2_Rasa_Juknevičienė.pdf").unlink()
    redo = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    assert "1 letter(s) written (1 file(s))" in redo.out

    template = mini_ws.root / "letter_templates" / "appeal-en.md"
    template.write_text(
        template.read_text(encoding="utf-8").replace("We write", "We are writing"), encoding="utf-8"
    )
    changed = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    assert "2 letter(s) written (4 file(s))" in changed.out
    assert "We are writing" in pdf_text(tmp_path / "out" / "appeal-en" / "mep-1_Michal_Šimečka.pdf")


@pytest.mark.parametrize(
    ("part", "old", "new"),
    [
        ("cases/test-case.yaml", "Stop the extradition.", "Halt the extradition now."),  # a demand
        ("campaign.yaml", "Anna Smith", "Anna Smyth"),  # the signatory's name
    ],
)
def test_an_edit_of_the_case_or_the_campaign_makes_every_letter_new(mini_ws, cli, tmp_path, part, old, new):
    """Letters are made again from a changed case or campaign file, not taken as current:
    a letter sent with a demand or a name since corrected would say the old one."""
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out").code == 0
    path = mini_ws.root / part
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")

    assert "2 letter(s) written (4 file(s))" in again.out, again.out
    text = pdf_text(tmp_path / "out" / "appeal-en" / "mep-1_Michal_Šimečka.pdf")
    assert new in text and old not in text


def test_letters_on_another_paper_size_are_made_again(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "out").code == 0
    again = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--paper", "Letter", "--out", "out")
    assert "2 letter(s) written (2 file(s))" in again.out, again.out
    box = PdfReader(tmp_path / "out" / "appeal-en" / "mep-1_Michal_Šimečka.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_query_narrows_the_audience_and_paper_size_is_honoured(mini_ws, cli, tmp_path):
    result = cli(
        "generate",
        "-w",
        "ws",
        "-t",
        "appeal-en",
        "-q",
        "simecka",
        "-f",
        "pdf",
        "--paper",
        "Letter",
        "--out",
        "out",
    )
    assert result.code == 0
    files = sorted(p.name for p in (tmp_path / "out" / "appeal-en").iterdir())
    assert files == ["mep-1_Michal_Šimečka.pdf"]
    box = PdfReader(tmp_path / "out" / "appeal-en" / files[0]).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_cancel_stops_early_and_a_rerun_completes(mini_ws):
    many_recipients(mini_ws, 8)
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    cancel = threading.Event()
    plan = plan_batch(ws, "appeal-en", ("pdf",), out)

    def progress(p):
        if p.done >= 3:
            cancel.set()

    result = run_batch(ws, plan, progress=progress, cancel=cancel, workers=1, progress_interval=0)
    assert result.cancelled
    assert 3 <= result.letters_written < 8
    assert not list(out.rglob("*.part"))
    written = {e.recipient_id for e in Manifest.load(out).entries.values()}

    ws = Workspace(mini_ws.root)
    plan = plan_batch(ws, "appeal-en", ("pdf",), out)
    assert {j.recipient_id for j in plan.jobs}.isdisjoint(written)
    rest = run_batch(ws, plan, workers=1)
    assert not rest.cancelled and rest.letters_written == 8 - len(written)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["letters"]) == 8


def test_a_large_batch_uses_worker_processes(mini_ws):
    many_recipients(mini_ws, 30)
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    plan = plan_batch(ws, "appeal-en", ("pdf", "docx"), out)
    seen = []
    # A minute between reports: on a machine busy enough that 30 letters take seconds, the
    # throttle (not the machine's speed) decides how many reports come.
    result = run_batch(ws, plan, progress=seen.append, workers=2, progress_interval=60.0)
    assert result.workers == 2
    assert result.letters_written == 30 and not result.failed
    assert len(list((out / "appeal-en").glob("*.pdf"))) == 30
    assert seen[-1].done == 30
    # progress arrives in batches, not one event per letter
    assert len(seen) <= 3
    assert "Dear Ms Family17," in pdf_text(out / "appeal-en" / "mep-17_Given17_Family17.pdf")


@pytest.mark.slow
def test_ctrl_c_leaves_only_complete_files_and_the_rerun_finishes(mini_ws, tmp_path):
    # Enough letters that a busy machine, which lets this test look only now and then, still
    # interrupts the batch midway.
    total = 400
    many_recipients(mini_ws, total)
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "campaign_app",
        "generate",
        "-w",
        str(mini_ws.root),
        "-t",
        "appeal-en",
        "-f",
        "both",
        "--out",
        str(out),
        "--workers",
        "2",
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.pdf"))) < 10:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "interrupted" in err
    assert not list(out.rglob("*.part"))
    done = list(out.rglob("*.pdf"))
    assert 10 <= len(done) < total
    for pdf in done:
        assert "Dear Ms" in pdf_text(pdf)
    recorded = {e["path"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")} <= recorded

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(done)} already up to date" in rerun.stdout or "already up to date" in rerun.stdout
    assert len(list(out.rglob("*.pdf"))) == total and len(list(out.rglob("*.docx"))) == total


def generate_under_way(mini_ws, total: int, out: Path) -> tuple[subprocess.Popen, list[str]]:
    """``generate`` of ``total`` PDFs on two worker processes, started and waited on until it
    has written ten: (the process, its command line, to run again)."""
    many_recipients(mini_ws, total)
    cmd = [sys.executable, "-m", "campaign_app", "generate", "-w", str(mini_ws.root), "-t", "appeal-en"]
    cmd += ["-f", "pdf", "--out", str(out), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.pdf"))) < 10:
        time.sleep(0.05)
    return proc, cmd


def test_generate_killed_outright_its_workers_end_too_and_a_rerun_finishes(mini_ws, tmp_path):
    """kill -9 of ``generate`` mid-batch (no Ctrl-C to pass on): its worker processes end
    with it rather than wait for letters forever, holding the terminal's output open, and
    a rerun writes the rest."""
    total = 400
    out = tmp_path / "out"
    proc, cmd = generate_under_way(mini_ws, total, out)
    proc.send_signal(signal.SIGKILL)
    # The workers share the output pipes: these close only once every one of them has ended.
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(out.rglob("*.pdf"))) == total
    assert not list(out.rglob("*.part"))


def test_a_worker_killed_mid_batch_stops_it_with_a_message_and_a_rerun_finishes(mini_ws, tmp_path):
    """One of the letter-writing processes is killed (the system's out-of-memory killer
    picks the largest process): ``generate`` stops with one message saying so, exit status
    1 and no traceback (it was a BrokenProcessPool traceback); every letter listed in the
    manifest is complete, and a rerun writes only the others."""
    psutil = pytest.importorskip("psutil")
    total = 400
    out = tmp_path / "out"
    proc, cmd = generate_under_way(mini_ws, total, out)
    workers = [p for p in psutil.Process(proc.pid).children() if "spawn_main" in " ".join(p.cmdline())]
    assert len(workers) == 2
    workers[0].kill()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "error: a process writing the letters stopped unexpectedly (out of memory?)" in err
    assert "run it again: the letters written so far are kept" in err
    listed = {e["path"] for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]}
    assert 10 <= len(listed) < total
    assert f"stopped: {len(listed)} letter(s) written ({len(listed)} file(s))" in err
    for path in sorted(listed)[:20]:
        assert "Dear Ms" in pdf_text(out / path)

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(listed)} already up to date" in rerun.stdout
    assert len(list(out.rglob("*.pdf"))) == total
    assert not list(out.rglob("*.part"))


def test_a_full_disk_stops_the_batch_once_and_keeps_the_letters_written(mini_ws, cli, monkeypatch):
    """The disk fills up after three files: one message saying so (not one per letter left),
    exit status 1, the three letters kept and listed; once there is space, the rerun writes
    the others."""
    from worker_jobs import a_disk_that_fills

    many_recipients(mini_ws, 10)
    with monkeypatch.context() as patched:
        patched.setattr(letter_files, "atomic_write_bytes", letter_files.atomic_write_bytes)
        a_disk_that_fills(3)
        done = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "-f", "pdf", "--workers", "1")
    assert done.code == 1, done.err
    problems = [line for line in done.err.splitlines() if line.startswith("error: ")]
    assert len(problems) == 1, done.err
    assert problems[0].endswith("cannot write the file: the disk is full — free some space")
    assert "stopped: 3 letter(s) written (3 file(s)), 0 already up to date, 0 failed" in done.err
    out = mini_ws.root / "out"
    assert len(Manifest.load(out).entries) == 3 == len(list(out.rglob("*.pdf")))

    again = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "-f", "pdf", "--workers", "1")
    assert again.code == 0, again.err
    assert "7 letter(s) written (7 file(s)), 3 already up to date, 0 failed" in again.out


def test_a_full_disk_stops_a_batch_on_worker_processes_with_the_letters_written_kept(mini_ws, monkeypatch):
    """The same in worker processes: each one's disk fills after five files."""
    import worker_jobs

    from campaign_app.core.campaign import batch_run

    monkeypatch.setattr(batch_run, "_start_writer", worker_jobs.writer_on_a_filling_disk)
    many_recipients(mini_ws, 60)
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    result = run_batch(ws, plan_batch(ws, "appeal-en", ("pdf",), out), workers=2)
    assert result.workers == 2
    assert result.stopped is not None
    assert "cannot write the file: the disk is full" in str(result.stopped)
    assert not result.failed  # one reason, said once: not a failure per letter
    assert 0 < result.letters_written <= 2 * worker_jobs.FILES_BEFORE_THE_DISK_FILLS
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")}
    assert on_disk == {e.path for e in Manifest.load(out).entries.values()}
    assert not list(out.rglob("*.part"))


def test_cancel_takes_effect_within_a_few_letters_even_with_worker_processes(mini_ws):
    many_recipients(mini_ws, 200)
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    plan = plan_batch(ws, "appeal-en", ("pdf",), out)
    cancel = threading.Event()

    def progress(p):
        if p.done >= 1:
            cancel.set()

    result = run_batch(ws, plan, progress=progress, cancel=cancel, workers=2, progress_interval=0)
    assert result.cancelled
    # at most the chunks already in flight (3 per worker) are finished after Cancel
    assert result.letters_written < 200 // 2
    assert not list(out.rglob("*.part"))


def test_a_template_mistake_in_a_large_batch_is_one_error_and_nothing_is_written(mini_ws):
    """On worker processes too, the first letter goes alone: its mistake stops the batch."""
    from campaign_app.core.common.errors import UserError

    many_recipients(mini_ws, 30)
    path = mini_ws.root / "letter_templates" / "appeal-en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n{{ recipient.nickname }}\n", encoding="utf-8")
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    plan = plan_batch(ws, "appeal-en", ("pdf",), out)
    with pytest.raises(UserError) as info:
        run_batch(ws, plan, workers=2)
    assert "recipient has no 'nickname'" in str(info.value)
    assert info.value.where is not None and info.value.where.path.endswith("appeal-en.md")
    assert info.value.where.line is not None
    assert not out.exists()


def test_a_batch_syncs_its_folder_before_the_manifest_instead_of_each_file(
    mini_ws, cli, tmp_path, monkeypatch
):
    """Two fsyncs per file were most of a letter's wall time on a busy disk: the letters are
    renamed into place whole, and made durable all at once before the manifest lists them."""
    import campaign_app.core.campaign.batch_run as batch_run
    from campaign_app.core.campaign.manifest import Manifest

    many_recipients(mini_ws, 8)
    events: list[str] = []
    real_fsync, real_sync, real_save = os.fsync, batch_run.sync_folder, Manifest.save
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        batch_run, "sync_folder", lambda folder: (events.append("sync"), real_sync(folder))[1]
    )
    monkeypatch.setattr(
        Manifest, "save", lambda self, *more: (events.append("manifest"), real_save(self, *more))[1]
    )
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "both", "--out", "o")
    assert result.code == 0, result.err
    assert "8 letter(s) written (16 file(s))" in result.out
    # one sync of the folder, then the manifest (its own file and folder fsync): not 4 per letter
    assert events == ["sync", "manifest", "fsync", "fsync"]
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["letters"]:
        data = (tmp_path / "o" / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert not list((tmp_path / "o").rglob("*.part"))


@pytest.mark.skipif(not hasattr(os, "nice"), reason="process priorities are POSIX's")
def test_the_letter_writing_processes_can_yield_the_cores_to_the_window(mini_ws):
    """The window's batch lowers its workers' priority: with two workers on two cores, its
    own thread froze up to 112 ms behind them."""
    import multiprocessing

    many_recipients(mini_ws, 30)
    ws = Workspace(mini_ws.root)
    plan = plan_batch(ws, "appeal-en", ("pdf",), mini_ws.root / "out")
    base = os.getpriority(os.PRIO_PROCESS, 0)
    seen: set[int] = set()

    def progress(_p):
        for child in multiprocessing.active_children():
            with contextlib.suppress(ProcessLookupError):
                seen.add(os.getpriority(os.PRIO_PROCESS, child.pid))

    result = run_batch(ws, plan, progress=progress, workers=2, niceness=5, progress_interval=0)
    assert result.letters_written == 30 and result.workers == 2
    assert base + 5 in seen
    assert os.getpriority(os.PRIO_PROCESS, 0) == base  # the caller's own priority is left alone


def test_letters_written_while_the_log_was_in_use_are_recorded_by_the_next_run(mini_ws, cli, tmp_path):
    """The log refused the drafts (another program held it); the manifest was saved first,
    so the rerun found every letter current, said so, and the log never learnt of them."""
    import sqlite3

    from campaign_app.core.outreach.log import ContactLog

    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out", "-q", "id:mep-1").code == 0
    other = sqlite3.connect(mini_ws.root / "campaign.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        refused = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert refused.code == 1 and "in use by another program" in refused.err
    assert (tmp_path / "out" / "appeal-en" / "mep-2_Rasa_Juknevičienė.pdf").exists()

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    assert again.code == 0 and "2 already up to date" in again.out
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert sorted(c.recipient_id for c in log.contacts()) == ["mep-1", "mep-2"]


def test_two_runs_saving_one_manifest_keep_each_others_letters(tmp_path):
    """Two generates into one folder at once (the window's batch and a terminal): the last to
    save dropped the other's 91 letters from the manifest, and the next run wrote them again."""
    from campaign_app.core.campaign.manifest import Manifest, ManifestEntry

    def entry(rid: str) -> ManifestEntry:
        (tmp_path / "appeal-en").mkdir(exist_ok=True)
        (tmp_path / "appeal-en" / f"{rid}.pdf").write_bytes(b"%PDF " + rid.encode())
        return ManifestEntry(rid, "appeal-en", "case", "en", "pdf", f"appeal-en/{rid}.pdf", "0" * 64, "", "f")

    first, second = Manifest.load(tmp_path), Manifest.load(tmp_path)
    first.add(entry("mep-1"))
    first.save()
    second.add(entry("mep-2"))
    second.save()
    assert sorted(Manifest.load(tmp_path).entries) == [
        ("mep-1", "appeal-en", "pdf"),
        ("mep-2", "appeal-en", "pdf"),
    ]
    second.add(
        ManifestEntry("mep-1", "appeal-en", "case", "en", "pdf", "appeal-en/mep-1.pdf", "1" * 64, "", "g")
    )
    second.save()  # where both hold a letter, the run saving now wins
    assert Manifest.load(tmp_path).entries[("mep-1", "appeal-en", "pdf")].sha256 == "1" * 64
