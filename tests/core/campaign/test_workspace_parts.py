"""A workspace's parts (campaign, case, directory, templates) are read once and kept until a
tab saves one (``invalidate``). The desktop app reads them on worker threads while the user
saves on the UI thread: a part read from the file as it was before a save must never be kept
after that save, or the preview and the letters would go on stating the old facts."""

from __future__ import annotations

import threading

import pytest

from campaign_app.core.campaign.workspace import Workspace


def test_a_case_read_while_it_is_saved_is_not_kept_after_the_save(mini_ws, monkeypatch):
    from campaign_app.core.case import load

    ws = Workspace(mini_ws.root)
    case_file = mini_ws.root / "cases" / "test-case.yaml"
    old_text = case_file.read_text(encoding="utf-8")
    assert "Stop the extradition" in old_text
    read_old, saved = threading.Event(), threading.Event()
    plain_load = load.load_case

    def slow_load(path):
        case = plain_load(path)  # the file as it was
        read_old.set()
        saved.wait(10)  # the user saves meanwhile
        return case

    monkeypatch.setattr(load, "load_case", slow_load)
    seen = []
    reader = threading.Thread(target=lambda: seen.append(ws.case.title))
    reader.start()
    assert read_old.wait(10)
    case_file.write_text(old_text.replace("en: Stop the extradition", "en: Saved Title"), encoding="utf-8")
    ws.invalidate("case")  # what the session does after the Case tab saved
    saved.set()
    reader.join(10)
    monkeypatch.setattr(load, "load_case", plain_load)

    assert seen and "Stop the extradition" in str(seen[0])  # that reading got the file it read
    assert "Saved Title" in str(ws.case.title)  # but it is not what the workspace keeps


def test_a_part_is_read_once_however_many_threads_ask_at_once(mini_ws, monkeypatch):
    from campaign_app.core.directory import load

    ws = Workspace(mini_ws.root)
    calls = []
    plain_load = load.load_directory
    gate = threading.Barrier(4)

    def counted(files):
        calls.append(1)
        return plain_load(files)

    monkeypatch.setattr(load, "load_directory", counted)

    def ask():
        gate.wait(10)
        return ws.directory

    found: list = []
    threads = [threading.Thread(target=lambda: found.append(ask())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(calls) == 1
    assert len(found) == 4 and all(d is found[0] for d in found)


@pytest.mark.parametrize("part", ["campaign", "case", "directory", "template_scan"])
def test_invalidate_reads_a_part_again(mini_ws, part):
    ws = Workspace(mini_ws.root)
    first = getattr(ws, part)
    assert getattr(ws, part) is first
    ws.invalidate("templates" if part == "template_scan" else part)
    assert getattr(ws, part) is not first
