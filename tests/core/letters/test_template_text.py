"""Templates parsed from editor text: the same result and the same errors as from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.resources import example_dir
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.letters.template_text import scan_templates, template_from_text
from campaign_app.core.letters.templates import load_template


def test_text_and_file_give_the_same_template_for_every_bundled_template():
    paths = sorted((example_dir() / "letter_templates").glob("*.md"))
    assert paths
    for path in paths:
        assert template_from_text(read_text(path), path) == load_template(path)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no front matter\n", 1, "template has no front matter"),
        ("---\nid: x\n", 1, "front matter is not closed"),
        ("---\nid: x\ntitle: T\n---\nbody\n", 1, "front matter lacks language, audience, subject"),
        ("---\nid: x\ntitle: x: y\n---\n", 3, "malformed YAML"),
        (
            "---\nid: x\ntitle: T\nlanguage: 'not a tag'\naudience: a\nsubject: s\n---\n",
            4,
            "is not a known language tag",
        ),
        (
            "---\nid: x\ntitle: T\nlanguage: en\naudience: a\nsubject: s\n---\nline 8\n\n{% if %}\n",
            10,
            "template syntax error",
        ),
        (  # a misspelt key was dropped without a word: the letter kept its usual margins
            "---\nid: x\ntitle: T\nlanguage: en\nlayot: compact\naudience: a\nsubject: s\n---\n",
            5,
            "unknown key 'layot' in a template's front matter",
        ),
    ],
)
def test_mistakes_in_editor_text_are_reported_where_the_file_would_report_them(tmp_path, text, line, message):
    path = tmp_path / "letter_templates" / "t.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as from_text:
        template_from_text(text, path)
    with pytest.raises(UserError) as from_file:
        load_template(path)
    assert str(from_text.value) == str(from_file.value)
    assert from_text.value.where.line == line
    assert message in from_text.value.message


def test_scan_lists_every_file_with_its_own_problem(mini_ws):
    mini_ws.write("letter_templates/broken.md", "---\nid: broken\ntitle: B\n---\nbody\n")
    mini_ws.write(
        "letter_templates/copy.md",
        (mini_ws.root / "letter_templates" / "appeal-en.md").read_text(encoding="utf-8"),
    )
    (mini_ws.root / "letter_templates" / "latin1.md").write_bytes("---\nid: é\n".encode("cp1252"))
    paths = sorted((mini_ws.root / "letter_templates").glob("*.md"))
    found = {p.path.name: p for p in scan_templates(paths)}
    assert found["appeal-en.md"].ok and found["appeal-en.md"].template.id == "appeal-en"
    assert found["appeal-uk.md"].ok
    assert not found["broken.md"].ok and found["broken.md"].text.startswith("---")
    assert "front matter lacks language, audience, subject" in found["broken.md"].problem
    assert "template id 'appeal-en' is also used by" in found["copy.md"].problem
    assert found["latin1.md"].text is None and "Windows-1252" in found["latin1.md"].problem


def test_a_template_keeps_the_path_it_was_given(tmp_path):
    text = "---\nid: x\ntitle: T\nlanguage: en\naudience: a\nsubject: s\n---\nHello\n"
    template = template_from_text(text, Path(tmp_path / "x.md"))
    assert template.path == tmp_path / "x.md"
    assert template.body_source.count("\n") == 8


def test_a_misspelt_front_matter_key_is_named_with_the_key_it_may_mean(tmp_path):
    text = "---\nid: x\ntitle: T\nlanguage: uk\nfallback_languag: en\naudience: a\nsubject: s\n---\n"
    with pytest.raises(UserError) as refused:
        template_from_text(text, tmp_path / "t.md")
    assert refused.value.hint.startswith("did you mean 'fallback_language'?")
    # the user's own notes, and every key a template may have, are taken
    noted = text.replace(
        "fallback_languag: en", "x-reviewed-by: Anna\nlayout: compact\nfallback_language: en"
    )
    assert template_from_text(noted, tmp_path / "t.md").meta["x-reviewed-by"] == "Anna"


@pytest.mark.parametrize(
    ("missing", "hint"),
    [
        ("subject", "add it between the '---' lines"),
        ("audience, subject", "add them between the '---' lines"),
    ],
)
def test_what_the_front_matter_lacks_is_asked_for_in_the_right_number(tmp_path, missing, hint):
    keys = {"id": "x", "title": "T", "language": "en", "audience": "a", "subject": "s"}
    front = "".join(f"{k}: {v}\n" for k, v in keys.items() if k not in missing)
    with pytest.raises(UserError) as refused:
        template_from_text(f"---\n{front}---\nbody\n", tmp_path / "t.md")
    assert refused.value.message == f"front matter lacks {missing}" and refused.value.hint == hint
