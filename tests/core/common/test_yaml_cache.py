"""Parsed YAML kept between runs: the tree read back is the tree the parser makes, and only
a file the user's own runs wrote is read back."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from campaign_app.core.case.edit import CaseDocument, validate_case_text
from campaign_app.core.common import yaml_cache, yamlio
from campaign_app.core.common.resources import example_dir

EXAMPLE_CASE = example_dir() / "cases" / "akhmetova-extradition.yaml"


def new_run(monkeypatch) -> None:
    """As if the process started again: nothing parsed in memory."""
    monkeypatch.setattr(yamlio, "_PARSED", {})


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


def test_the_case_read_in_a_later_run_is_the_tree_the_parser_makes(monkeypatch):
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    parsed = yamlio.load_yaml_text(text, EXAMPLE_CASE)
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, EXAMPLE_CASE)  # the first run parses, and keeps the tree
    assert len(list(yaml_cache.cache_dir().glob("*.pickle"))) == 1
    new_run(monkeypatch)
    no_parsing(monkeypatch)
    kept = yamlio.read_yaml_text(text, EXAMPLE_CASE)
    assert yamlio.dump_yaml(kept) == text == yamlio.dump_yaml(parsed)
    assert lines_of(kept) == lines_of(parsed)
    assert oct(yaml_cache.cache_dir().stat().st_mode & 0o777) == oct(0o700)


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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    lines = [f"# {json.dumps(comment)}", "shared: &shared [a, b]"]
    n = 0
    while sum(map(len, lines)) < yaml_cache.MIN_CHARS:
        key, value, literal, date = items[n % len(items)]
        lines.append(f"k{n}{json.dumps(key)}: {json.dumps(value)}  # {n}")
        lines.append(f"d{n}: {date.isoformat()}")
        if literal:
            lines += [f"l{n}: |", f"  {json.dumps(value)}", f"a{n}: *shared"]
        n += 1
    text = "\n".join(lines) + "\n"
    parsed = yamlio.load_yaml_text(text, "x.yaml")
    new_run(monkeypatch)
    yamlio.read_yaml_text(text, "x.yaml")
    new_run(monkeypatch)
    kept = yaml_cache.lookup(text)
    assert kept is not None
    assert yamlio.dump_yaml(kept) == yamlio.dump_yaml(parsed)
    assert lines_of(kept) == lines_of(parsed)


def kept_file(text: str) -> Path:
    yamlio.read_yaml_text(text, EXAMPLE_CASE)
    [path] = yaml_cache.cache_dir().glob("*.pickle")
    return path


@pytest.mark.skipif(os.name != "posix", reason="file owners and modes are POSIX's")
def test_a_kept_file_others_may_change_is_not_read(monkeypatch):
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    new_run(monkeypatch)
    path = kept_file(text)
    path.write_bytes(pickle.dumps({"id": "planted"}))
    path.chmod(0o666)
    new_run(monkeypatch)
    assert yamlio.read_yaml_text(text, EXAMPLE_CASE)["id"] == "akhmetova-extradition"


def test_a_damaged_kept_file_means_the_text_is_parsed(monkeypatch):
    text = EXAMPLE_CASE.read_text(encoding="utf-8")
    new_run(monkeypatch)
    kept_file(text).write_bytes(b"\x80\x05 not a pickle")
    new_run(monkeypatch)
    assert yamlio.dump_yaml(yamlio.read_yaml_text(text, EXAMPLE_CASE)) == text


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
