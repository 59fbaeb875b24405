"""Paths in messages: relative to the open workspace where they are inside it, whatever the
working folder or the way (a symbolic link) the path was given; as written otherwise. The
answer for a path is kept between calls (a case's check names its file some 600 times)."""

from __future__ import annotations

import pytest

from campaign_app.core.common.errors import display_path, set_display_root


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    (root / "cases").mkdir(parents=True)
    (root / "cases" / "case.yaml").write_text("id: x\n", encoding="utf-8")
    yield root
    set_display_root(None)


def test_a_path_inside_the_workspace_is_shown_relative_to_it(workspace, tmp_path, monkeypatch):
    set_display_root(workspace)
    assert display_path(workspace / "cases" / "case.yaml") == "cases/case.yaml"
    (tmp_path / "link").symlink_to(workspace, target_is_directory=True)
    assert display_path(tmp_path / "link" / "cases" / "case.yaml") == "cases/case.yaml"
    monkeypatch.chdir(workspace)
    assert display_path("cases/case.yaml") == "cases/case.yaml"


def test_a_relative_path_follows_the_working_folder_it_is_read_from(workspace, tmp_path, monkeypatch):
    set_display_root(workspace)
    monkeypatch.chdir(workspace)
    assert display_path("cases/case.yaml") == "cases/case.yaml"
    monkeypatch.chdir(tmp_path)  # the same words name another file now, outside the workspace
    assert display_path("cases/case.yaml") == "cases/case.yaml"
    assert display_path("ws/cases/case.yaml") == "cases/case.yaml"


def test_outside_the_workspace_or_with_none_open_a_path_is_shown_as_written(workspace, tmp_path):
    other = tmp_path / "other.yaml"
    set_display_root(workspace)
    assert display_path(other) == str(other)
    assert display_path(workspace / "cases" / "case.yaml") == "cases/case.yaml"
    set_display_root(workspace / "cases")  # another workspace: the answers kept do not carry over
    assert display_path(workspace / "cases" / "case.yaml") == "case.yaml"
    set_display_root(None)
    assert display_path(workspace / "cases" / "case.yaml") == str(workspace / "cases" / "case.yaml")
