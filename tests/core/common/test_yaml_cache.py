"""Parsed YAML kept between runs: the tree read back is the tree the parser makes, it lives
in the campaign's own folder (deleting the folder deletes it), and only a file the user's own
runs wrote (signed with the user's key) is ever unpickled."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from campaign_app.core.campaign import workspace as campaign_workspace
from campaign_app.core.case.edit import CaseDocument, own_copy, validate_case_text
from campaign_app.core.common import appstate, yaml_cache, yamlio
from campaign_app.core.common.resources import example_dir

EXAMPLE_CASE = example_dir() / "cases" / "akhmetova-extradition.yaml"


@pytest.fixture
def ws(tmp_path) -> Path:
    """A workspace holding the example's campaign.yaml and case file."""
    root = tmp_path / "ws"
    (root / "cases").mkdir(parents=True)
    shutil.copy(example_dir() / "campaign.yaml", root / "campaign.yaml")
    shutil.copy(EXAMPLE_CASE, root / "cases" / EXAMPLE_CASE.name)
    return root


def case_of(ws: Path) -> tuple[str, Path]:
    path = ws / "cases" / EXAMPLE_CASE.name
    return path.read_text(encoding="utf-8"), path


def new_run(monkeypatch) -> None:
    """As if the process started again: nothing parsed in memory."""
    monkeypatch.setattr(yamlio, "_PARSED", {})
    monkeypatch.setattr(yamlio, "_PICKLED", {})


def no_parsing(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(yamlio, "load_yaml_text", refuse)


def lines_of(node, at="") -> list[tuple[str, int, int]]:
    """Where every mapping and list of the tree starts (what messages' file:line come from)."""
    found = []
    if isinstance(node, CommentedMap | CommentedSeq):
        found.append((at, node.lc.line, node.lc.col))
        items = node.items() if isinstance(node, CommentedMap) else enumerate(node)
        for key, value in items:
            found += lines_of(value, f"{at}/{key}")
    return found


def test_the_case_read_in_a_later_run_is_the_tree_the_parser_makes(monkeypatch, ws):
    text, path = case_of(ws)
    parsed = yamlio.load_yaml_text(text, path)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)  # the first run parses, and keeps the tree
    assert len(list(yaml_cache.cache_dir(ws).glob("*.pickle"))) == 1
    new_run(monkeypatch)
    no_parsing(monkeypatch)
    kept = yamlio.read_yaml_text(text, path)
    assert yamlio.dump_yaml(kept) == text == yamlio.dump_yaml(parsed)
    assert lines_of(kept) == lines_of(parsed)
    assert oct(yaml_cache.cache_dir(ws).stat().st_mode & 0o777) == oct(0o700)
    assert oct((ws / ".cache").stat().st_mode & 0o777) == oct(0o700)


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=st.lists(st.tuples(texts, texts, st.booleans(), st.dates()), min_size=1, max_size=8),
    comment=texts,
)
def test_any_document_kept_reads_back_as_parsed(monkeypatch, tmp_path, items, comment):
    """Quoted texts, comments, dates, lists and an anchor with its alias, repeated past the
    size from which trees are kept: the tree read back dumps to the same text, with the same
    lines, as a fresh parse."""
    root = tmp_path / "hypothesis-ws"
    root.mkdir(exist_ok=True)
    (root / "campaign.yaml").write_text("name: x\n", encoding="utf-8")
    lines = [f"# {json.dumps(comment)}", "shared: &shared [a, b]"]
    n = 0
    while sum(map(len, lines)) < yaml_cache.MIN_CHARS:
        key, value, literal, date = items[n % len(items)]
        # The key quoted whole: a plain key holding ': ' or ' #' would not be YAML at all; its
        # number ends at the dash ("k2" and "1" must not make the "k21" of item 21).
        lines.append(f"{json.dumps(f'k{n}-{key}')}: {json.dumps(value)}  # {n}")
        lines.append(f"d{n}: {date.isoformat()}")
        if literal:
            lines += [f"l{n}: |", f"  {json.dumps(value)}", f"a{n}: *shared"]
        n += 1
    text = "\n".join(lines) + "\n"
    path = root / "x.yaml"
    parsed = yamlio.load_yaml_text(text, path)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    new_run(monkeypatch)
    kept = yaml_cache.lookup(text, path)
    assert kept is not None
    assert yamlio.dump_yaml(kept) == yamlio.dump_yaml(parsed)
    assert lines_of(kept) == lines_of(parsed)


# How YAML writes a point in time: "T" or a space, with or without a fraction and an offset.
timestamps = st.builds(
    lambda moment, sep, fraction, offset: moment.isoformat(sep=sep, timespec="seconds") + fraction + offset,
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(["T", " "]),
    st.sampled_from(["", ".5", ".123456"]),
    st.sampled_from(["", "Z", "+02:00", " -05:30"]),
)


def rich_document(stamps: list[str], size: int = 0) -> str:
    """Timestamps as written, a mapping with an anchor merged into another (``<<``), an
    anchored text and its alias, comments, a folded and a literal text; repeated to ``size``."""
    lines = ["# a case", "base: &base {kind: fact, tags: [a, b]}  # shared"]
    n = 0
    while n < len(stamps) or sum(map(len, lines)) < size:
        lines += [
            f"t{n}: {stamps[n % len(stamps)]}  # stamp {n}",
            f"m{n}:",
            "  <<: *base",
            f"  extra: {n}",
            f"s{n}: &s{n} 'quoted'",
            f"r{n}: *s{n}",
            f"f{n}: >-",
            "  folded",
            "  text",
        ]
        n += 1
    return "\n".join(lines) + "\n"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stamps=st.lists(timestamps, min_size=1, max_size=5))
def test_timestamps_and_merge_keys_kept_read_back_as_parsed(monkeypatch, tmp_path, stamps):
    """A kept tree dumps to what a fresh parse dumps: a timestamp keeps its "T" or space and
    its offset, a ``<<`` merge stays a merge."""
    root = tmp_path / "hypothesis-ws"
    root.mkdir(exist_ok=True)
    (root / "campaign.yaml").write_text("name: x\n", encoding="utf-8")
    text, path = rich_document(stamps, yaml_cache.MIN_CHARS), root / "x.yaml"
    parsed = yamlio.dump_yaml(yamlio.load_yaml_text(text, path))
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    new_run(monkeypatch)
    kept = yaml_cache.lookup(text, path)
    assert kept is not None
    assert yamlio.dump_yaml(kept) == parsed


@settings(max_examples=10, deadline=None)
@given(stamps=st.lists(timestamps, min_size=1, max_size=5))
def test_the_case_tabs_copy_of_a_tree_dumps_as_the_tree(stamps):
    """The Case tab edits its own copy of the parsed tree (own_copy, the fast path for
    copy.deepcopy): unedited, it saves the same text a fresh parse does."""
    text = rich_document(stamps)
    parsed = yamlio.dump_yaml(yamlio.load_yaml_text(text, "x.yaml"))
    assert yamlio.dump_yaml(own_copy(yamlio.load_yaml_text(text, "x.yaml"))) == parsed


def test_the_case_tabs_copy_of_the_example_case_is_the_tree():
    """The example's case, copied for the Case tab, dumps to the file's text with the same lines."""
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    parsed = yamlio.load_yaml_text(text, EXAMPLE_CASE)
    copied = own_copy(parsed)
    assert copied is not parsed
    assert yamlio.dump_yaml(copied) == text
    assert lines_of(copied) == lines_of(parsed)


def test_the_case_tabs_copy_is_unpickled_from_the_bytes_kept_not_pickled_again(monkeypatch, ws):
    """The Case tab's own copy of the case: in the run that keeps the tree and in a later
    one that reads it back, unpickled from the bytes the workspace's cache holds (one
    pickling, the keeping's); the copy is the tree, and editing it leaves the shared tree
    (the check's) as the file says."""
    text, path = case_of(ws)
    pickled = []
    real_dumps = yaml_cache.dumps
    monkeypatch.setattr(yaml_cache, "dumps", lambda tree: pickled.append(1) or real_dumps(tree))
    for _run in range(2):
        new_run(monkeypatch)
        doc = CaseDocument.load(path)
        shared = yamlio.read_yaml_text(text, path)
        assert doc.data is not shared
        assert yamlio.dump_yaml(doc.data) == text and lines_of(doc.data) == lines_of(shared)
        doc.data["id"] = "edited"
        assert yamlio.read_yaml_text(text, path)["id"] == "akhmetova-extradition"
    assert len(pickled) == 1  # the first run's keeping; no copy pickled the tree


def user_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def test_deleting_the_campaign_folder_leaves_no_copy_of_the_case(monkeypatch, ws, isolated_user_folders):
    """What the case says goes with its folder: nothing of it stays in the user's cache,
    data or config folders, and yet the second start reads the tree without parsing."""
    text, path = case_of(ws)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    new_run(monkeypatch)
    no_parsing(monkeypatch)
    assert yamlio.read_yaml_text(text, path)["id"] == "akhmetova-extradition"
    shutil.rmtree(ws)
    left = user_files(isolated_user_folders)
    assert [p for p in left if p.suffix in (".pickle", ".part")] == []
    for name in ("Zhanara Akhmetova", "akhmetova-extradition", "Жанари Ахметової"):
        assert name in text
        assert [p for p in left if name.encode() in p.read_bytes()] == [], name


def spy_unpickling(monkeypatch) -> list[bytes]:
    """Every call of pickle.loads from now on (each one refused)."""
    calls: list[bytes] = []

    def loads(data, *args, **kwargs):
        calls.append(data)
        raise AssertionError("unpickled")

    monkeypatch.setattr(pickle, "loads", loads)
    return calls


def kept_file(ws: Path) -> Path:
    text, path = case_of(ws)
    yamlio.read_yaml_text(text, path)
    [kept] = yaml_cache.cache_dir(ws).glob("*.pickle")
    return kept


def test_a_kept_file_whose_bytes_were_changed_is_never_unpickled(monkeypatch, ws):
    text, path = case_of(ws)
    new_run(monkeypatch)
    kept = kept_file(ws)
    blob = kept.read_bytes()
    planted = pickle.dumps({"id": "planted"})
    kept.write_bytes(blob[:32] + planted)  # the MAC kept, the bytes after it replaced
    new_run(monkeypatch)
    calls = spy_unpickling(monkeypatch)
    tree = yamlio.read_yaml_text(text, path)
    assert calls == []
    assert tree["id"] == "akhmetova-extradition"
    assert yamlio.dump_yaml(tree) == text


def test_a_file_another_user_kept_in_the_campaign_is_never_unpickled(monkeypatch, ws, tmp_path):
    """A campaign received with its .cache (a zip, a synced folder): the sender's trees are
    signed with the sender's key, not ours; the case is parsed."""
    text, path = case_of(ws)
    ours = os.environ["XDG_DATA_HOME"]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-user-data"))
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)  # the other user's run keeps its tree
    assert len(list(yaml_cache.cache_dir(ws).glob("*.pickle"))) == 1
    monkeypatch.setenv("XDG_DATA_HOME", ours)
    new_run(monkeypatch)
    calls = spy_unpickling(monkeypatch)
    parses = []
    parse = yamlio.load_yaml_text
    monkeypatch.setattr(yamlio, "load_yaml_text", lambda *a, **k: parses.append(a) or parse(*a, **k))
    tree = yamlio.read_yaml_text(text, path)
    assert calls == [] and len(parses) == 1
    assert yamlio.dump_yaml(tree) == text


@pytest.mark.skipif(os.name != "posix", reason="file owners and modes are POSIX's")
def test_a_kept_file_others_may_change_is_not_read(monkeypatch, ws):
    text, path = case_of(ws)
    new_run(monkeypatch)
    kept_file(ws).chmod(0o666)
    new_run(monkeypatch)
    calls = spy_unpickling(monkeypatch)
    assert yamlio.read_yaml_text(text, path)["id"] == "akhmetova-extradition"
    assert calls == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_pipe_or_link_in_place_of_a_kept_file_is_not_read(monkeypatch, ws, tmp_path):
    """A received campaign's .cache may hold anything: reading a pipe would hang the start,
    a link would read a file from elsewhere."""
    text, path = case_of(ws)
    new_run(monkeypatch)
    kept = kept_file(ws)
    elsewhere = tmp_path / "elsewhere.pickle"
    kept.rename(elsewhere)
    kept.symlink_to(elsewhere)
    new_run(monkeypatch)
    calls = spy_unpickling(monkeypatch)
    assert yamlio.dump_yaml(yamlio.read_yaml_text(text, path)) == text
    assert calls == []
    kept.unlink()
    os.mkfifo(kept)
    new_run(monkeypatch)
    assert yamlio.dump_yaml(yamlio.read_yaml_text(text, path)) == text
    assert calls == []


def test_a_damaged_kept_file_means_the_text_is_parsed(monkeypatch, ws):
    text, path = case_of(ws)
    new_run(monkeypatch)
    kept_file(ws).write_bytes(b"\x80\x05 not a pickle")
    new_run(monkeypatch)
    assert yamlio.dump_yaml(yamlio.read_yaml_text(text, path)) == text


def test_git_never_sees_the_cache(monkeypatch, ws):
    text, path = case_of(ws)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    assert "*" in (ws / ".cache" / ".gitignore").read_text().splitlines()
    git = shutil.which("git")
    if git is None:
        return
    subprocess.run([git, "init", "-q", str(ws)], check=True)
    status = subprocess.run(
        [git, "-C", str(ws), "status", "--porcelain", "-uall"], capture_output=True, text=True
    )
    assert status.returncode == 0
    assert ".cache" not in status.stdout and "cases/" in status.stdout


def read_twice(monkeypatch, ws: Path) -> None:
    text, path = case_of(ws)
    for _run in range(2):
        new_run(monkeypatch)
        tree = yamlio.read_yaml_text(text, path)
        assert yamlio.dump_yaml(tree) == text


def test_a_workspace_where_no_cache_can_be_made_reads_as_usual(monkeypatch, ws):
    (ws / ".cache").write_text("not a folder\n")  # works as root too: nothing can go in it
    read_twice(monkeypatch, ws)
    assert (ws / ".cache").read_text() == "not a folder\n"
    assert sorted(p.name for p in ws.iterdir()) == [".cache", "campaign.yaml", "cases"]  # no debris


def test_a_read_only_workspace_reads_as_usual(monkeypatch, ws):
    """A campaign on a read-only medium: no folder can be made (simulated, so that it holds
    as root too, who may write anywhere)."""
    import errno

    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):
        if Path(path).resolve().is_relative_to(ws.resolve()):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    read_twice(monkeypatch, ws)
    assert not (ws / ".cache").exists()
    assert sorted(p.name for p in ws.iterdir()) == ["campaign.yaml", "cases"]  # no debris


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_the_key_is_private_and_kept_between_runs(monkeypatch, ws):
    text, path = case_of(ws)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    key = yaml_cache.key_path()
    assert oct(key.stat().st_mode & 0o777) == oct(0o600)
    assert oct(key.parent.stat().st_mode & 0o777) == oct(0o700)
    first = key.read_bytes()
    assert len(first) == 32
    new_run(monkeypatch)
    no_parsing(monkeypatch)
    yamlio.read_yaml_text(text, path)
    assert key.read_bytes() == first


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")
def test_a_key_others_may_read_is_not_used(monkeypatch, ws):
    new_run(monkeypatch)
    kept = kept_file(ws)
    yaml_cache.key_path().chmod(0o640)
    kept.unlink()
    read_twice(monkeypatch, ws)  # parsed each time, and no error
    assert list(yaml_cache.cache_dir(ws).glob("*.pickle")) == []
    assert oct(yaml_cache.key_path().stat().st_mode & 0o777) == oct(0o640)  # left as found


def test_texts_from_no_campaign_folder_are_not_kept(monkeypatch, tmp_path, isolated_user_folders):
    """A loose file, a text without a file, and the example bundled with the app (its
    installation is never written to)."""
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    loose = tmp_path / "loose" / "case.yaml"
    bundled = sorted(str(p) for p in (example_dir() / ".cache").rglob("*"))
    for path in (loose, "<string>", EXAMPLE_CASE):
        new_run(monkeypatch)
        assert yamlio.dump_yaml(yamlio.read_yaml_text(text, path)) == text
    assert not (tmp_path / "loose").exists()
    assert sorted(str(p) for p in (example_dir() / ".cache").rglob("*")) == bundled
    assert [p for p in user_files(isolated_user_folders) if p.suffix == ".pickle"] == []


def test_the_trees_earlier_versions_kept_in_the_user_folder_are_deleted(monkeypatch, ws):
    old = yaml_cache.old_cache_dir()
    old.mkdir(parents=True)
    (old / "0123abcd.pickle").write_bytes(pickle.dumps({"id": "akhmetova-extradition"}))
    (old.parent / "other.txt").write_text("not ours to delete\n")
    monkeypatch.setattr(yaml_cache, "_OLD_CLEARED", False)
    text, path = case_of(ws)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, path)
    assert not old.exists()
    assert (old.parent / "other.txt").read_text() == "not ours to delete\n"


def test_at_most_keep_trees_per_campaign(monkeypatch, ws):
    monkeypatch.setattr(yaml_cache, "KEEP", 2)
    text, path = case_of(ws)
    for n in range(3):
        new_run(monkeypatch)
        yamlio.read_yaml_text(f"{text}# {n}\n", path)
    assert len(list(yaml_cache.cache_dir(ws).glob("*.pickle"))) == 2


def test_the_workspace_is_found_by_the_campaign_file_the_app_opens():
    assert yaml_cache.CAMPAIGN_FILE == campaign_workspace.CAMPAIGN_FILE


def test_the_key_is_in_the_apps_data_folder():
    assert yaml_cache.key_path().parent == appstate.data_dir()


def test_an_edit_in_the_case_tab_leaves_the_shared_tree_alone(tmp_path, monkeypatch):
    """The Case tab's document edits a copy: the check of the file's text still reads what
    the file says (the shared tree is the check's, and the next run's)."""
    path = tmp_path / "case.yaml"
    path.write_bytes(EXAMPLE_CASE.read_bytes())
    new_run(monkeypatch)
    doc = CaseDocument.load(path)
    doc.set_text(doc.data, "title", "en", "Edited, not saved")
    assert doc.modified
    title = validate_case_text(doc.original_text, path).title
    assert title["en"] != "Edited, not saved"
    assert "Edited, not saved" not in yamlio.dump_yaml(yamlio.read_yaml_text(doc.original_text, path))
