"""The main window: tabs, first start, screenshot mode, the crash handler."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from campaign_app.core.common.appstate import AppState, example_workspace_path


def test_window_has_every_tab_and_opens_the_workspace(make_window, example_ws):
    window = make_window(example_ws, all_tabs=True)
    assert len(window.pages.built()) == len(window.pages), "every tab is built after the first paint"
    labels = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert labels == ["Case", "Recipients", "Compose", "Batch", "Settings", "Outreach"]
    assert window.session.workspace.root == example_ws.resolve()
    assert window.windowTitle().startswith("example")


def test_first_start_copies_the_example_then_reopens_the_last_workspace(qapp, qtbot, tmp_path):
    from campaign_app.gui.app import build_window, startup_workspace

    assert AppState.load().last_workspace is None
    first = startup_workspace(None)
    assert first == example_workspace_path()
    assert (first / "cases" / "akhmetova-extradition.yaml").is_file()
    window, _session, _tasks = build_window(None, remember=True)
    qtbot.addWidget(window)
    assert AppState.load().last_workspace == str(first.resolve())
    assert startup_workspace(None) == first


def test_screenshot_command_writes_a_png_of_the_window(example_ws, tmp_path):
    target = tmp_path / "shot.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "campaign_app",
            "gui",
            "--screenshot",
            str(target),
            "--tab",
            "recipients",
            "-w",
            str(example_ws),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert image.width() >= 1000 and image.height() >= 600


def test_an_unexpected_error_shows_a_dialog_naming_the_log_and_the_window_stays(make_window, example_ws):
    from campaign_app.gui.crash import CrashHandler, setup_logging

    window = make_window(example_ws)
    handler = CrashHandler(setup_logging())
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        handler.handle(type(exc), exc, exc.__traceback__)
    assert "boom in a slot" in handler.shown[-1]
    assert "campaign_app.log" in handler.shown[-1]
    assert "boom in a slot" in (setup_logging()).read_text(encoding="utf-8")
    assert window.isVisible()


def test_a_user_mistake_is_a_warning_not_a_crash(make_window, example_ws):
    from campaign_app.core.common.errors import Location, UserError
    from campaign_app.gui.crash import CrashHandler, setup_logging

    make_window(example_ws)
    handler = CrashHandler(setup_logging())
    err = UserError("unknown category 'mepp'", Location("recipients/x.csv", 3, 2), "use one of mep, …")
    handler.handle(UserError, err, None)
    assert handler.shown[-1].startswith("recipients/x.csv:3:2: unknown category")
    assert "went wrong" not in handler.shown[-1]


def test_unsaved_edits_are_not_dropped_without_asking(make_window, example_ws, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from campaign_app.core.campaign.creation import init_workspace

    window = make_window(example_ws, tab="settings")
    settings = window.pages["settings"]
    monkeypatch.setattr(settings, "has_unsaved_changes", lambda: True, raising=False)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    other = init_workspace(tmp_path / "other")
    assert window.open_path(other) is False
    assert "Settings" in asked[-1]
    assert window.session.workspace.root == example_ws.resolve()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.open_path(other) is True
    assert window.session.workspace.root == other.resolve()


def test_a_new_campaign_cancelled_at_the_unsaved_question_makes_no_folder(
    make_window, example_ws, tmp_path, monkeypatch
):
    """The folder was created first and left unopened when the user then kept their edits."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    window = make_window(example_ws, tab="settings")
    monkeypatch.setattr(window.pages["settings"], "has_unsaved_changes", lambda: True, raising=False)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    started = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: started.append(a[2]) or str(tmp_path)
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("new-one", True))
    window.new_from_example()
    assert not (tmp_path / "new-one").exists() and started == []
    assert window.session.workspace.root == example_ws.resolve()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.new_from_example()
    assert started == [str(example_ws.resolve().parent)], "the picker opens beside the campaign"
    assert window.session.workspace.root == (tmp_path / "new-one").resolve()


def screenshot_of(workspace, target, cwd) -> subprocess.CompletedProcess:
    """``campaign-app gui -w WORKSPACE --screenshot TARGET``; a hang (a dialog nobody sees) fails."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "campaign_app", "gui", "-w", str(workspace), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def test_a_screenshot_of_a_campaign_with_a_broken_campaign_yaml_says_why_and_writes_nothing(
    example_ws, tmp_path
):
    path = example_ws / "campaign.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ncase: ", "\ncase: [", 1), encoding="utf-8")
    target = tmp_path / "shot.png"
    result = screenshot_of(example_ws, target, tmp_path)
    assert result.returncode == 1, result.stderr
    (line,) = error_lines(result.stderr)
    assert line.startswith("error: example/campaign.yaml:") and "malformed YAML" in line
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_a_screenshot_lists_every_problem_of_a_broken_case_file_and_directory(example_ws, tmp_path):
    case = next((example_ws / "cases").glob("*.yaml"))
    with case.open("a", encoding="utf-8") as fh:
        fh.write("  - : : [\n")
    people = example_ws / "recipients" / "meps.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",mep,", ",mepp,", 1)
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "shot.png"
    result = screenshot_of(example_ws, target, tmp_path)
    assert result.returncode == 1, result.stderr
    problems = error_lines(result.stderr)
    assert len(problems) == 2, result.stderr
    assert problems[0].startswith(f"error: example/cases/{case.name}:") and "malformed YAML" in problems[0]
    assert problems[1].startswith("error: example/recipients/meps.csv:2") and "mepp" in problems[1]
    assert not target.exists()


def test_a_screenshot_of_a_folder_that_is_no_campaign_says_so(tmp_path):
    target = tmp_path / "shot.png"
    result = screenshot_of(tmp_path / "nowhere", target, tmp_path)
    assert result.returncode == 1, result.stderr
    (line,) = error_lines(result.stderr)
    assert line.startswith("error: no campaign.yaml in") and "campaign-app init" in line
    assert not target.exists()


def test_the_garbage_collector_rests_during_the_start_and_runs_again_once_the_case_is_shown(
    qapp, qtbot, example_ws
):
    """The start (window, Case tab, the case's tree) runs without the cyclic collector, which
    would only walk objects that live as long as the window; once the case is shown and
    checked, the collector runs again, as in the rest of the window's life."""
    import gc

    from campaign_app.gui.app import build_window, settle

    assert gc.isenabled()
    try:
        window, _session, tasks = build_window(example_ws, remember=False, open_now=False)  # as run()
        qtbot.addWidget(window)
        assert not gc.isenabled()
        window.show()
        qtbot.waitUntil(lambda: window.session.workspace is not None)
        case = window.pages["case"]
        qtbot.waitUntil(lambda: case.doc is not None and not case.busy)
        settle(qapp, tasks)
        assert "Akhmetova" in case.heading.text()
        assert gc.isenabled()
        window.close()
    finally:
        gc.enable()


def test_only_the_shown_tab_is_built_and_another_builds_when_first_shown(qapp, qtbot, example_ws):
    """The window as ``campaign-app gui`` opens it: the first tab is built and shows the case;
    the others are built when the user first opens them (not in the background, where each
    would hold the window for a few hundred milliseconds), and then work as usual."""
    from campaign_app.gui.app import build_window, settle

    window, _session, tasks = build_window(example_ws, remember=False, open_now=False)  # as run()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.pages.built()) and window.session.workspace is not None)
    settle(qapp, tasks)
    case = window.pages["case"]
    qtbot.waitUntil(lambda: case.doc is not None and not case.busy)
    assert "Akhmetova" in case.heading.text()
    assert window.pages.built() == [case], "no other tab is built before it is shown"

    window.tabs.setCurrentIndex(1)  # the user clicks "Recipients"
    assert [type(p).__name__ for p in window.pages.built()] == ["CaseTab", "RecipientsTab"]
    recipients = window.pages["recipients"]
    qtbot.waitUntil(lambda: recipients.model.rowCount() > 0)
    settle(qapp, tasks)
    assert recipients.count_label.text().endswith("recipients")
    window.close()
