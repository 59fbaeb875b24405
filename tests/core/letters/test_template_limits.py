"""A template from a stranger cannot take the computer down or hang a batch (core/common/limits.py).

Each hostile template is run by the real command line in a child process whose memory
is capped (RLIMIT_AS), so a bound that does not hold fails the test instead of the
machine. Every one must end as one line naming the template's file and line, while the
good templates of the same folder are still checked, generated and sent.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import run_cli_limited

LETTER_SECONDS = 0.5  # the time bound, shortened so the suite stays fast

FRONT = """\
---
id: {id}
title: Hostile
language: en
audience: category:mep
subject: A letter
---
Dear {{{{ recipient.name }}}},
"""
LINE = 9  # the line the hostile body below starts on

HOSTILE = {
    "repeat-text": ("{{ 'x' * 10**9 }}", "a text or list of more than 1,000,000 characters"),
    "repeat-list": ("{{ [1] * 10**9 }}", "a text or list of more than 1,000,000 characters"),
    "power": ("{{ 9**999999 }}", "a number of more than 4,300 digits"),
    "percent": ("{{ '%1000000000s' % 'x' }}", "more than 1,000,000 characters"),
    "str-format": ("{{ '{:>1000000000}'.format('x') }}", "more than 1,000,000 characters"),
    "format-filter": ("{{ '%1000000000s'|format('x') }}", "more than 1,000,000 characters"),
    "center-method": ("{{ 'x'.center(1000000000) }}", "more than 1,000,000 characters"),
    "center-filter": ("{{ 'x'|center(1000000000) }}", "more than 1,000,000 characters"),
    "indent": ("{{ ('x\\n' * 400000)|indent(100) }}", "more than 1,000,000 characters"),
    "wordwrap": ("{{ ('x' * 200000)|wordwrap(2) }}", "wordwrap(2) would cut words this long"),
    "join": ("{{ (['x' * 1000] * 900)|join('y' * 1000) }}", "more than 1,000,000 characters"),
    "replace": ("{{ 'ab'.replace('', 'x' * 1000000) }}", "more than 1,000,000 characters"),
    "markup-join": ("{{ (('y' * 500000)|e).join(['a'] * 10000) }}", "more than 1,000,000 characters"),
    "concat": ("{{ ('x' * 999999) ~ ('y' * 999999) }}", "more than 1,000,000 characters"),
    "to-bytes": ("{{ (1).to_bytes(1000000000, 'big') }}", "more than 1,000,000 characters"),
    "lipsum": ("{{ lipsum(1000000) }}", "more than 1,000,000 characters"),
    "range-list": ("{{ range(10**9)|list }}", "range() makes more than 10,000 numbers"),
    "batch": ("{{ [1]|batch(1000000000, 0)|list }}", "lists of more than 100,000 items"),
    "nested-loops": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
        "the loops of one letter run more than 100,000 rounds",
    ),
    "recursion": (
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
        "macros call each other more than 50 deep",
    ),
    "nesting": ("{% set t = " + "(" * 60 + "1" + ",)" * 60 + " %}", "nests lists more than 50 deep"),
    "long-letter": (
        "{% for i in range(2000) %}{{ 'x' * 1000 }}{% endfor %}",
        "the letter would be longer than 1,000,000 characters",
    ),
    "slow": (
        "{% for i in range(10000) %}{% set x = ('x' * 900000).upper() %}{% endfor %}",
        f"writing one letter takes longer than {LETTER_SECONDS:g} seconds",
    ),
}


MISTAKE = "{{ recipent.name }}"  # an ordinary mistake, in a template checked after the others
MISTAKE_ERROR = "error: letter_templates/z-mistake.md:9: unknown name: 'recipent' is undefined"


def write_hostile(mini_ws) -> None:
    for name, (body, _) in HOSTILE.items():
        mini_ws.write(f"letter_templates/h-{name}.md", FRONT.format(id=f"h-{name}") + body + "\n")
    mini_ws.write("letter_templates/z-mistake.md", FRONT.format(id="z-mistake") + MISTAKE + "\n")


def run_limited(mini_ws, *args: str) -> subprocess.CompletedProcess:
    prelude = f"from campaign_app.core.common import limits; limits.LETTER_SECONDS = {LETTER_SECONDS}"
    return run_cli_limited(mini_ws.root, *args, prelude=prelude)


def test_check_names_each_hostile_template_at_its_line_and_still_checks_the_others(mini_ws):
    write_hostile(mini_ws)
    result = run_limited(mini_ws, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    for name, (_, words) in HOSTILE.items():
        where = f"error: letter_templates/h-{name}.md:{LINE}: "
        found = [e for e in errors if e.startswith(where)]
        assert len(found) == 1, (name, result.stderr)
        assert "template limit: " in found[0] and words in found[0], (name, found[0])
    # The template checked after all of them was still rendered; the good ones have no error.
    assert any(e.startswith(MISTAKE_ERROR) for e in errors)
    assert len(errors) == len(HOSTILE) + 1


def test_generate_writes_a_good_templates_letters_beside_hostile_and_broken_ones(mini_ws):
    write_hostile(mini_ws)
    mini_ws.write("letter_templates/broken.md", FRONT.format(id="broken") + "{% if %}\n")
    good = run_limited(mini_ws, "generate", "--template", "appeal-en", "--format", "pdf", "--workers", "2")
    assert good.returncode == 0, good.stderr
    assert "2 letter(s) written" in good.stdout
    assert len(list((mini_ws.root / "out").rglob("*.pdf"))) == 2

    bad = run_limited(mini_ws, "generate", "--template", "h-repeat-text", "--format", "pdf")
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert bad.stderr.strip() == (
        f"error: letter_templates/h-repeat-text.md:{LINE}: template limit: this makes a text or list of "
        "more than 1,000,000 characters — a real letter stays far below this bound; check the loop, "
        "repetition or calculation on that line"
    )


def test_a_paragraph_too_long_to_lay_out_in_a_pdf_is_one_error(mini_ws):
    # Laying out one paragraph takes time growing with the square of its length: this one
    # took minutes per letter as a PDF.
    mini_ws.write("letter_templates/long.md", FRONT.format(id="long") + "{{ 'word ' * 150000 }}\n")
    error = run_limited(mini_ws, "generate", "--template", "long", "--format", "pdf")
    assert error.returncode == 1
    assert error.stderr == (
        "error: letter_templates/long.md: template limit: a paragraph of the letter is longer than "
        "10,000 characters — a real paragraph is far shorter; split it with an empty line\n"
    )


def test_a_template_that_does_not_load_is_reported_and_the_others_are_still_checked(mini_ws, cli):
    mini_ws.write("letter_templates/broken.md", FRONT.format(id="broken") + "{% if %}\n")
    mini_ws.write("letter_templates/z-mistake.md", FRONT.format(id="z-mistake") + MISTAKE + "\n")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    errors = result.err.splitlines()
    assert errors[0].startswith(f"error: ws/letter_templates/broken.md:{LINE}: template syntax error: ")
    assert errors[1].startswith(MISTAKE_ERROR.replace("error: ", "error: ws/"))
    assert len(errors) == 2


SMTP = (
    "smtp:\n  host: smtp.rights.example\n  username: office@rights.example\n  from: office@rights.example\n"
)


def test_a_good_template_is_generated_and_sent_while_another_does_not_load(mini_ws, cli):
    mini_ws.write("letter_templates/broken.md", FRONT.format(id="broken") + "{% if %}\n")
    with (mini_ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(SMTP)
    result = cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "docx")
    assert result.code == 0, result.err
    assert "2 letter(s) written" in result.out
    sent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--dry-run")
    assert sent.code == 0, sent.err
    assert len(list((mini_ws.root / "out").rglob("*.eml"))) == 2
    # Asking for the broken one (its file is named after it) says what is wrong with it.
    unknown = cli("generate", "-w", mini_ws.root, "--template", "broken")
    assert unknown.code == 1
    (line,) = unknown.err.splitlines()
    assert line.startswith(f"error: ws/letter_templates/broken.md:{LINE}: template syntax error")
    # An id no file is named after lists the ids that exist, and the file that does not load.
    other = cli("generate", "-w", mini_ws.root, "--template", "nothing-like-it")
    lines = other.err.splitlines()
    assert lines[0] == "error: unknown template 'nothing-like-it' — known templates: appeal-en, appeal-uk"
    assert lines[1].startswith(f"error: ws/letter_templates/broken.md:{LINE}: template syntax error")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "nests brackets, tags or expressions too deeply"),
        ("{% if 1 %}" * 3000 + "{% endif %}" * 3000, "nests brackets, tags or expressions too deeply"),
    ],
    ids=["brackets", "tags"],
)
def test_a_template_nested_too_deeply_to_read_is_one_error(mini_ws, body, words):
    mini_ws.write("letter_templates/deep.md", FRONT.format(id="deep") + body + "\n")
    result = run_limited(mini_ws, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: letter_templates/deep.md: ")
    assert words in result.stderr
    assert len(result.stderr.splitlines()) == 1  # the other templates were checked: no error


def test_ordinary_loops_macros_and_filters_still_work(mini_ws, cli):
    body = (
        "{% macro item(n) %}item {{ n }}{% if n < 3 %} {{ item(n + 1) }}{% endif %}{% endmacro %}"
        "{% for d in case.demands %}{{ d.text }} {% endfor %}{{ item(1) }}\n\n"
        "{{ range(3)|map('string')|join(', ') }} · {{ '%s/%s'|format(1, 2) }} · {{ 'x'|center(5) }}|"
        " · {{ '{}-{}'.format('a', 'b') }} · {{ [3, 1, 2]|sort|join }} · {{ 2 ** 10 }}\n"
    )
    mini_ws.write("letter_templates/ordinary.md", FRONT.format(id="ordinary") + body)
    result = cli("generate", "-w", mini_ws.root, "--template", "ordinary", "--format", "docx")
    assert result.code == 0, result.err
    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.core.letters.email.text import letter_text
    from campaign_app.core.letters.render import render_letter

    ws = Workspace(mini_ws.root)
    text = letter_text(
        render_letter(ws.template("ordinary"), ws.directory.get("mep-1"), ws.case, ws.campaign)
    )
    assert "Stop the extradition. item 1 item 2 item 3" in text
    assert "0, 1, 2 · 1/2 ·   x  | · a-b · 123 · 1024" in text
