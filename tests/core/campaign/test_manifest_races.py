"""Two runs writing one output folder at once (the window's Batch tab and a terminal's
generate, or a send): the manifest lists every letter either of them wrote, as it is on disk."""

from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
import threading
from pathlib import Path

from campaign_app.core.campaign import manifest as manifest_module
from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.generate import plan_batch
from campaign_app.core.campaign.manifest import Manifest, ManifestEntry
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common import atomic


def listed_as_on_disk(out: Path) -> dict[str, bool]:
    """Each letter file in the folder: whether manifest.json lists it with its sha256."""
    letters = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]
    listed = {e["path"]: e["sha256"] for e in letters}
    return {
        path.relative_to(out).as_posix(): listed.get(path.relative_to(out).as_posix())
        == hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*.pdf"))
    }


def test_two_generates_saving_at_the_same_moment_keep_each_others_letters(mini_ws, monkeypatch):
    """The English letters' run has read what is in manifest.json and is about to write it
    when the Ukrainian letters' run saves: the first run's save must not drop the other's
    letters (it did: the manifest no longer listed them, and the next run wrote them again)."""
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    english = plan_batch(ws, "appeal-en", ("pdf",), out)
    ukrainian = plan_batch(ws, "appeal-uk", ("pdf",), out)
    assert english.jobs and ukrainian.jobs

    at_write, go_on, other_stuck_or_done = threading.Event(), threading.Event(), threading.Event()
    real_writer = manifest_module.atomic_writer

    @contextlib.contextmanager
    def paused_writer(path, *args, **kwargs):
        if threading.current_thread().name == "english":
            at_write.set()  # it has read the manifest on disk: now the other run saves
            assert go_on.wait(30)
        with real_writer(path, *args, **kwargs) as fh:
            yield fh

    real_pause = getattr(atomic, "_pause", None)

    def pause(seconds):  # the other run waits for the folder's manifest to be free
        other_stuck_or_done.set()
        real_pause(seconds)

    monkeypatch.setattr(manifest_module, "atomic_writer", paused_writer)
    monkeypatch.setattr(atomic, "_pause", pause, raising=False)
    results: dict[str, object] = {}

    def run(name, plan):
        try:
            results[name] = run_batch(Workspace(mini_ws.root), plan, workers=1)
        except BaseException as exc:  # said by the assertions below
            results[name] = exc
        finally:
            if name == "ukrainian":
                other_stuck_or_done.set()

    first = threading.Thread(target=run, args=("english", english), name="english")
    first.start()
    assert at_write.wait(30)
    second = threading.Thread(target=run, args=("ukrainian", ukrainian), name="ukrainian")
    second.start()
    assert other_stuck_or_done.wait(30)  # saved already (no lock), or waiting for the first
    go_on.set()
    first.join(30)
    second.join(30)
    assert not first.is_alive() and not second.is_alive()
    assert results["english"].letters_written == len(english.jobs), results["english"]
    assert results["ukrainian"].letters_written == len(ukrainian.jobs), results["ukrainian"]

    on_disk = listed_as_on_disk(out)
    assert len(on_disk) == len(english.jobs) + len(ukrainian.jobs)
    assert all(on_disk.values()), on_disk
    # and so a third run finds every letter of both written
    ws = Workspace(mini_ws.root)
    assert not plan_batch(ws, "appeal-en", ("pdf",), out).jobs
    assert not plan_batch(ws, "appeal-uk", ("pdf",), out).jobs


def test_a_letter_another_run_wrote_again_is_listed_as_it_is_on_disk(tmp_path):
    """A run read the manifest when it started; meanwhile another run wrote one of its letters
    again (other inputs, e.g. another paper size): the first run's save must not list that
    letter with the checksum it had read, which the file on disk no longer has."""
    folder = tmp_path / "appeal-en"
    folder.mkdir()

    def written(rid: str, data: bytes, fingerprint: str) -> ManifestEntry:
        (folder / f"{rid}.pdf").write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        return ManifestEntry(
            rid, "appeal-en", "case", "en", "pdf", f"appeal-en/{rid}.pdf", sha, "", fingerprint
        )

    start = Manifest.load(tmp_path)
    start.add(written("mep-1", b"%PDF A4", "a4"))
    start.save()

    long_run, other_run = Manifest.load(tmp_path), Manifest.load(tmp_path)
    other_run.add(written("mep-1", b"%PDF Letter", "letter"))
    other_run.save()
    long_run.add(written("mep-2", b"%PDF A4 mep-2", "a4"))
    long_run.save()

    assert listed_as_on_disk(tmp_path) == {"appeal-en/mep-1.pdf": True, "appeal-en/mep-2.pdf": True}
    assert Manifest.load(tmp_path).entries[("mep-1", "appeal-en", "pdf")].fingerprint == "letter"


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from campaign_app.core.common.atomic import exclusive
with exclusive(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


@contextlib.contextmanager
def another_program_saving(manifest: Path):
    """A program holding the manifest's lock, as a run does while it saves (or one paused
    there with Ctrl+Z); killed at the end, as if it crashed with the lock held."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(manifest)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline() == "held\n"
            yield holder
        finally:
            holder.kill()


def test_a_run_finding_the_manifest_being_saved_too_long_says_so_and_the_next_run_lists_its_letters(
    mini_ws, cli, tmp_path, monkeypatch
):
    monkeypatch.setattr(atomic, "LOCK_WAIT_SECONDS", 2.0)
    out = tmp_path / "out"
    out.mkdir()
    with another_program_saving(out / "manifest.json"):
        stuck = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "out")
        assert not (out / "manifest.json").exists()
    assert stuck.code == 1
    assert (
        "another run writing letters into this folder (generate, send or a print pack) has been saving "
        "the manifest for over 2 seconds, so this run could not list its letters in it — let the other "
        "run finish, or stop it if it is stuck or paused; then run this again: the letters written are kept"
    ) in stuck.err
    assert len(list((out / "appeal-en").glob("*.pdf"))) == 2  # kept
    # the program holding it was killed: its lock went with it, nothing to clear by hand
    again = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "out")
    assert again.code == 0, again.err
    assert listed_as_on_disk(out) == dict.fromkeys(
        ["appeal-en/mep-1_Michal_Šimečka.pdf", "appeal-en/mep-2_Rasa_Juknevičienė.pdf"], True
    )


def test_a_manifest_saved_by_another_run_just_as_this_one_read_it_keeps_that_runs_letters(
    tmp_path, monkeypatch
):
    """The other run replaced manifest.json between this run's reading it and looking at its
    time of change: this run took the other's file for the one it had read, and its save
    dropped the other's letter."""
    folder = tmp_path / "appeal-en"
    folder.mkdir()

    def written(rid: str) -> ManifestEntry:
        data = b"%PDF " + rid.encode()
        (folder / f"{rid}.pdf").write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        return ManifestEntry(rid, "appeal-en", "case", "en", "pdf", f"appeal-en/{rid}.pdf", sha, "", "f")

    Manifest(tmp_path).save()
    other = Manifest.load(tmp_path)
    other.add(written("mep-1"))
    real_read_text, saved = Path.read_text, []

    def read_text(self, *args, **kwargs):
        text = real_read_text(self, *args, **kwargs)
        if self.name == "manifest.json" and not saved:
            saved.append(True)
            other.save()  # just after this run read the file
        return text

    monkeypatch.setattr(Path, "read_text", read_text)
    this = Manifest.load(tmp_path)
    assert saved
    this.add(written("mep-2"))
    this.save()
    assert listed_as_on_disk(tmp_path) == {"appeal-en/mep-1.pdf": True, "appeal-en/mep-2.pdf": True}
