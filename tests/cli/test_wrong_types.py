"""A value of the wrong type anywhere in a YAML file: one located line each, exit 1, no traceback.

Every value of the case file, campaign.yaml, a recipients .yaml and a template's front
matter is replaced in turn by a value of another type (a list, a mapping, a text, a
number), and ``campaign-app check`` must answer with ``error: <file>:<line>: … — advice``
lines, one of them at the line of the changed value. A list or mapping where a text
belongs (or the other way round) is always a mistake; a number where a text belongs (or
the other way round) may be taken as text, but must never crash.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import CAMPAIGN, CASE, OFFICIALS_YAML, TEMPLATE_EN
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from campaign_app.core.common.localized import is_localized_map
from campaign_app.core.common.yamlio import dump_yaml, key_line, load_yaml_text

# The test case with every kind of item the case file knows.
FULL_CASE = (
    CASE.replace(
        "  gender: f\n", "  gender: f\n  description: {en: A journalist, uk: Журналістка}\n"
    ).replace("    publisher: UNHCR\n", "    publisher: UNHCR\n    footnotes: [1, 2]\n")
    + """\
arguments:
  - id: risk
    label: A
    title: {en: Risk, uk: Ризик}
    points:
      - text: {en: She risks torture., uk: Їй загрожують тортури.}
        sources: [court]
supporters:
  - id: mep-letter
    name: {en: MEPs, uk: Депутати}
    kind: parliamentarian
    date: 2020-06
    sources: [brief]
    recipient: mep-1
"""
)

# The test officials with the fields the test directory leaves out.
FULL_OFFICIALS = OFFICIALS_YAML.replace(
    "  language: uk\n",
    "  language: uk\n  email: president@example.org\n  tags: [supporter, droi]\n  verified_on: 2024-05-01\n",
    1,
)

REPLACEMENTS: dict[str, Any] = {
    "list": lambda: CommentedSeq(["one", "two"]),
    "mapping": lambda: CommentedMap([("Key", "value")]),  # not a language code: not a text per language
    "text": lambda: "some text",
    "number": lambda: 5,
}
# One value where a list belongs that the formats accept: tags written "a;b", one footnote.
SCALAR_FOR_LIST_ACCEPTED = {"tags": {"text", "number"}, "footnotes": {"number"}}


def kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, int | float):
        return "number"
    return "text"


def _paths(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


@dataclass(frozen=True)
class Mutation:
    relative: str  # the file under ws/
    path: tuple  # keys and indexes to the changed value
    kind: str  # what it became
    yaml: str  # the changed YAML
    line: int  # the changed value's line in the file
    must_fail: bool

    @property
    def id(self) -> str:
        return f"{self.relative}:{'.'.join(map(str, self.path))}->{self.kind}"


@dataclass(frozen=True)
class Spec:
    """Which value of which file becomes what: cheap to list (collecting 400 tests must not
    parse YAML 400 times); the test builds the changed file (:func:`mutation`)."""

    relative: str
    text: str
    line_offset: int
    path: tuple
    kind: str

    @property
    def id(self) -> str:
        return f"{self.relative}:{'.'.join(map(str, self.path))}->{self.kind}"


def specs(relative: str, text: str, line_offset: int = 0) -> Iterator[Spec]:
    """Every value of ``text`` replaced by each value of another type (in the first of
    several list items of the same shape only: the others take the same path in the loader)."""
    done: set[tuple] = set()
    data = load_yaml_text(text, relative)
    for path in _paths(data):
        shape = tuple("*" if isinstance(key, int) else key for key in path)
        if shape in done:
            continue
        done.add(shape)
        value = data
        for key in path:
            value = value[key]
        for kind in REPLACEMENTS:
            if kind != kind_of(value):
                yield Spec(relative, text, line_offset, path, kind)


@functools.cache
def _parsed(text: str, relative: str) -> Any:
    return load_yaml_text(text, relative)


def mutation(spec: Spec) -> Mutation:
    """The file with the value at ``spec.path`` replaced, where it stands (the key keeps its
    line), and whether the loader must refuse it."""
    original = _parsed(spec.text, spec.relative)
    data = copy.deepcopy(original)
    parent, original_parent = data, original
    for key in spec.path[:-1]:
        parent, original_parent = parent[key], original_parent[key]
    kind, last = spec.kind, spec.path[-1]
    parent_before = parent[last]
    before = kind_of(parent_before)
    parent[last] = REPLACEMENTS[kind]()
    must_fail = not (
        {kind, before} <= {"text", "number"}
        or (before == "list" and kind in SCALAR_FOR_LIST_ACCEPTED.get(last, ()))
        # one text for every language instead of {en: …, uk: …}
        or (before == "mapping" and kind in ("text", "number") and is_localized_map(parent_before))
    )
    line = key_line(original_parent, last) + spec.line_offset
    return Mutation(spec.relative, spec.path, kind, dump_yaml(data), line, must_fail)


def _front_matter(template: str) -> str:
    return template.split("---\n")[1]


ALL = [
    *specs("cases/test-case.yaml", FULL_CASE),
    *specs("campaign.yaml", CAMPAIGN),
    *specs("recipients/officials.yaml", FULL_OFFICIALS),
    *specs("letter_templates/appeal-en.md", _front_matter(TEMPLATE_EN), line_offset=1),
]


def _write(root: Path, m: Mutation) -> None:
    text = m.yaml
    if m.relative.endswith(".md"):
        text = TEMPLATE_EN.replace(_front_matter(TEMPLATE_EN), m.yaml, 1)
    (root / m.relative).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("spec", ALL, ids=[s.id for s in ALL])
def test_a_value_of_the_wrong_type_is_one_located_line(mini_ws, cli, spec):
    m = mutation(spec)
    mini_ws.write("cases/test-case.yaml", FULL_CASE)
    mini_ws.write("recipients/officials.yaml", FULL_OFFICIALS)
    _write(mini_ws.root, m)
    result = cli("check", "-w", "ws")
    assert "Traceback" not in result.err, result.err
    if not m.must_fail and result.code == 0:
        return
    assert result.code == 1, (m.yaml, result.out, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines, result.err
    for line in lines:
        assert line.startswith(f"error: ws/{m.relative}:"), (m.yaml, result.err)
        assert " — " in line, f"no advice: {line}"
    assert any(line.startswith(f"error: ws/{m.relative}:{m.line}:") for line in lines), (m.yaml, result.err)


def test_a_misspelt_key_in_campaign_yaml_is_named_at_its_line_with_the_right_word(mini_ws, cli):
    """'emial:' under sender dropped the sender's e-mail from every letterhead, and
    'folow_up_days: 30' left follow-ups at 14 days, while check said all was well."""
    path = mini_ws.root / "campaign.yaml"
    text = path.read_text()
    assert "  email: " in text and "sender:" in text
    text = text.replace("  email: ", "  emial: ", 1) + "folow_up_days: 30\nx-reviewed-by: Anna\n"
    text += "smtp:\n  host: smtp.example.org\n  prot: 465\n"
    path.write_text(text)
    lines = text.splitlines()
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1 and "Traceback" not in result.err
    emial = next(i for i, line in enumerate(lines, 1) if line.startswith("  emial: "))
    folow = lines.index("folow_up_days: 30") + 1
    assert (
        f"error: ws/campaign.yaml:{emial}: unknown key 'emial' in sender — did you mean 'email'?"
        in result.err
    )
    assert (
        f"error: ws/campaign.yaml:{folow}: unknown key 'folow_up_days' in campaign.yaml"
        " — did you mean 'follow_up_days'?" in result.err
    )
    assert "x-reviewed-by" not in result.err  # a note of the user's own
    generate = cli("generate", "-w", mini_ws.root, "--template", "appeal-en")
    assert generate.code == 1 and "'emial'" in generate.err  # no letter without the sender's e-mail
    path.write_text(text.replace("  emial: ", "  email: ").replace("folow_up_days", "x-follow_up_days"))
    prot = cli("check", "-w", mini_ws.root)
    assert prot.code == 1
    assert (
        f"ws/campaign.yaml:{len(lines)}: unknown key 'prot' under 'smtp' — did you mean 'port'?" in prot.err
    )


@pytest.mark.parametrize(
    ("value", "ok"), [("xx", False), ("english", False), ("de", True), ("kk-Latn", True)]
)
def test_default_language_must_be_a_language(mini_ws, cli, value, ok):
    path = mini_ws.root / "campaign.yaml"
    path.write_text(path.read_text().replace("default_language: en\n", f"default_language: {value}\n"))
    result = cli("check", "-w", mini_ws.root)
    if ok:
        assert result.code == 0, result.err
    else:
        assert result.code == 1
        assert (
            f"'default_language' must be a language code, not '{value}' — write it as e.g. en" in result.err
        )


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("smtp..gmail.com", False),
        (".smtp.gmail.com", False),
        ("-smtp.gmail.com", False),
        ("smtp gmail.com", False),
        ("smtp.gmail.com", True),
        ("127.0.0.1", True),
        ("[::1]", True),
    ],
)
def test_an_smtp_host_with_an_empty_part_is_no_server_name(mini_ws, cli, host, ok):
    path = mini_ws.root / "campaign.yaml"
    path.write_text(path.read_text() + f"smtp:\n  host: '{host}'\n")
    result = cli("check", "-w", mini_ws.root)
    assert (result.code == 0) == ok, result.err
    if not ok:
        assert f"SMTP host '{host}' is not a server name" in result.err
