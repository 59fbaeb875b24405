"""Every user mistake: exit 1, no traceback, one ``error: <where>: <what> — <advice>`` line each.

A wrong command line exits 2. The ``cli`` fixture runs from ``tmp_path`` and the workspace
is ``tmp_path / "ws"``, so paths in messages start with ``ws/``. A failing ``generate``
must leave nothing in the output folder (no partial letters, no ``.part`` files).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CAMPAIGN, CASE, OFFICIALS_YAML, PEOPLE_CSV, TEMPLATE_EN

from campaign_app.core.directory.recipients import CATEGORIES

TPL = "ws/letter_templates/appeal-en.md"
CSV = "ws/recipients/people.csv"


# ---- helpers -----------------------------------------------------------------------------


def line_of(text: str, needle: str) -> int:
    """1-based number of the only line of ``text`` that contains ``needle``."""
    found = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


def insert_after(text: str, anchor: str, new_line: str) -> str:
    """``text`` with ``new_line`` inserted after the only line that equals ``anchor``."""
    lines = text.splitlines(keepends=True)
    index = [i for i, line in enumerate(lines) if line.rstrip("\n") == anchor]
    assert len(index) == 1, anchor
    lines.insert(index[0] + 1, new_line + "\n")
    return "".join(lines)


def problems(result, count: int = 1) -> list[str]:
    """The problem lines of a failed run, checked against the rule for user mistakes."""
    assert "Traceback" not in result.err, result.err
    assert result.code == 1, (result.code, result.out, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == count, result.err
    for line in lines:
        assert line.startswith("error: "), line
        _what, sep, advice = line.partition(" — ")
        assert sep and advice.strip(), f"no advice after ' — ': {line}"
    return lines


def one_problem(result, prefix: str, *words: str) -> str:
    """The single problem line; it starts with ``error: <prefix>`` and contains ``words``."""
    (line,) = problems(result)
    assert line.startswith(f"error: {prefix}"), line
    for word in words:
        assert word in line, (word, line)
    return line


def assert_nothing_written(out: Path) -> None:
    files = sorted(p for p in out.rglob("*") if p.is_file()) if out.exists() else []
    assert files == [], files


def generate(cli, *args: str):
    return cli("generate", "-w", "ws", "--out", "out", *args)


def check_or_generate(cli, command: str):
    """``check``, or ``generate`` of the appeal-en template into ``out``."""
    return cli("check", "-w", "ws") if command == "check" else generate(cli, "--template", "appeal-en")


# ---- 1. malformed YAML, at the file's own line and column -------------------------------

MALFORMED = [
    # (file, its text, insert after this line, the inserted (badly indented) line)
    ("cases/test-case.yaml", CASE, "id: test-case", "  oops: x"),
    ("campaign.yaml", CAMPAIGN, "case: test-case", "  oops: x"),
    ("recipients/officials.yaml", OFFICIALS_YAML, "  gender: m", "    oops: x"),
    ("letter_templates/appeal-en.md", TEMPLATE_EN, "language: en", "  oops: x"),
]


@pytest.mark.parametrize(("relative", "text", "anchor", "bad"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_yaml_names_file_line_and_column(mini_ws, cli, relative, text, anchor, bad):
    if relative == "recipients/officials.yaml":
        # the first '  gender: m' only: the president's entry
        text = text.replace("  gender: m\n", "  gender: m\n" + bad + "\n", 1)
    else:
        text = insert_after(text, anchor, bad)
    mini_ws.write(relative, text)
    line = line_of(text, bad.strip())
    column = bad.index(":") + 1
    one_problem(cli("check", "-w", "ws"), f"ws/{relative}:{line}:{column}: malformed YAML")


def test_malformed_yaml_bad_indent_in_case_file(mini_ws, cli):
    text = CASE.replace("  gender: f\n", "   gender: f\n")
    mini_ws.write("cases/test-case.yaml", text)
    line = line_of(text, "gender: f")
    one_problem(cli("check", "-w", "ws"), f"ws/cases/test-case.yaml:{line}:4: malformed YAML")


# ---- 2.-6. the recipient directory ------------------------------------------------------


def test_csv_missing_required_column(mini_ws, cli):
    mini_ws.write("recipients/people.csv", "id,given_name,family_name\nx-1,Anna,Nowak\n")
    one_problem(cli("check", "-w", "ws"), f"{CSV}:1: missing required column 'category'", " — add")


def test_a_quote_left_open_in_a_csv_is_one_error_at_its_row_not_a_swallowed_file(mini_ws, cli):
    mini_ws.write(
        "recipients/people.csv",
        "id,category,given_name,family_name,email\n"
        'mep-1,mep,Anna,Nowak,anna@example.org\nmep-2,mep,"Jan,Kowalski,jan@example.org\n'
        "mep-3,mep,Ewa,Lis,ewa@example.org\n",
    )
    one_problem(cli("check", "-w", "ws"), f"{CSV}:3: broken CSV: unexpected end of data", "not closed")


def test_csv_row_without_id_names_row_and_id_column(mini_ws, cli):
    mini_ws.write(
        "recipients/people.csv",
        "category,id,given_name,family_name\nmep,mep-1,Anna,Nowak\nmep,,Jan,Kowalski\n",
    )
    one_problem(cli("check", "-w", "ws"), f"{CSV}:3:2: row has no 'id'")


def test_same_id_in_two_files_names_both_places(mini_ws, cli):
    # officials.yaml is read before people.csv (files are taken in name order)
    officials = OFFICIALS_YAML.replace("- id: ua-minister", "- id: mep-1")
    mini_ws.write("recipients/officials.yaml", officials)
    first = line_of(officials, "- id: mep-1")
    second = line_of(PEOPLE_CSV, "mep-1,")
    line = one_problem(
        cli("check", "-w", "ws"),
        "",
        "'mep-1'",
        f"already used at ws/recipients/officials.yaml:{first}",
    )
    assert re.match(rf"error: {re.escape(CSV)}:{second}(:1)?: ", line), line


def test_unknown_category_points_at_the_cell_and_lists_categories(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV.replace("mep-1,mep,", "mep-1,mepp,"))
    line = one_problem(cli("check", "-w", "ws"), f"{CSV}:2:2: unknown category 'mepp'")
    for category in CATEGORIES:
        assert category in line.partition(" — ")[2], category


def test_bad_email_points_at_the_cell(mini_ws, cli):
    mini_ws.write(
        "recipients/people.csv",
        PEOPLE_CSV.replace("rasa.jukneviciene@europarl.europa.eu", "not-an-address"),
    )
    one_problem(cli("check", "-w", "ws"), f"{CSV}:3:11:", "e-mail", "not-an-address")


# ---- 7. encodings -----------------------------------------------------------------------


def test_windows_1252_csv_says_so_with_line_and_column(mini_ws, cli):
    # č is not in Windows-1252, so build a file with names it does have
    header = "id,category,honorific,given_name,family_name,organisation,country"
    row = "mep-9,mep,Mr,François,Šebej,European Parliament,SK"
    text = f"{header}\nmep-1,mep,Ms,Anna,Nowak,European Parliament,PL\n{row}\n"
    (mini_ws.root / "recipients/people.csv").write_bytes(text.encode("cp1252"))
    line = line_of(text, "François")
    column = row.index("ç") + 1
    one_problem(cli("check", "-w", "ws"), f"{CSV}:{line}:{column}:", "Windows-1252", "UTF-8")


def test_file_neither_utf8_nor_windows_1252(mini_ws, cli):
    row = b"x-1,mep,Anna,No\x81\x8d\x90wak"
    data = b"id,category,given_name,family_name\n" + row + b"\n"
    (mini_ws.root / "recipients/people.csv").write_bytes(data)
    column = row.index(b"\x81") + 1
    one_problem(cli("check", "-w", "ws"), f"{CSV}:2:{column}:", "not valid UTF-8")


# ---- 8.-10. template mistakes at the file's line ----------------------------------------


def test_template_syntax_error_in_body_at_file_line(mini_ws, cli):
    text = TEMPLATE_EN.replace("{{ fact('supreme-court') }}", "{% endif %}{{ fact('supreme-court') }}")
    mini_ws.write("letter_templates/appeal-en.md", text)
    line = line_of(text, "{% endif %}")
    one_problem(cli("check", "-w", "ws"), f"{TPL}:{line}:", "syntax")


@pytest.mark.parametrize(
    ("mistake", "said"),
    [
        (
            "{% iff recipient.gender == 'f' %}Madam{% endif %}",
            "unknown tag {% iff %} — did you mean {% if %}?",
        ),
        (
            "{% if recipient.gender == 'f' %}Madam{% esle %}Sir{% endif %}",
            "unknown tag {% esle %} — did you mean {% else %}?",
        ),
        (
            "{% for d in case.demands %}{{ d.text }}{% endif %}{% endfor %}",
            "{% endif %} has no {% if %} open before it — remove it, or add the {% if … %} it belongs to",
        ),
        (
            "{% wibble %}",
            "unknown tag {% wibble %} — a letter's tags are {% if %}, {% for %} and {% set %}, each "
            "closed by its {% end… %}",
        ),
    ],
)
def test_a_misspelt_or_stray_tag_is_named_with_the_tag_meant(mini_ws, cli, mistake, said):
    """Jinja's "Encountered unknown tag 'esle'. Jinja was looking for the following tags:
    'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'." came
    through as it was, in English in a Ukrainian window, with no word of the tag meant."""
    text = TEMPLATE_EN.replace("{{ fact('supreme-court') }}", mistake + "\n\n{{ fact('supreme-court') }}")
    mini_ws.write("letter_templates/appeal-en.md", text)
    line = line_of(text, mistake)
    for command in ("check", "generate"):
        args = ("--template", "appeal-en", "--out", "out") if command == "generate" else ()
        assert problems(cli(command, "-w", "ws", *args)) == [
            f"error: {TPL}:{line}: template syntax error: {said}"
        ]


@pytest.mark.parametrize(
    ("mistake", "said", "said_uk"),
    [
        (
            "{% if %}Madam{% endif %}",
            "a name or value is missing before %}",
            "бракує назви чи значення; далі: %}",
        ),
        (
            "{% for d in %}{{ d.text }}{% endfor %}",
            "a name or value is missing before %}",
            "бракує назви чи значення; далі: %}",
        ),
        (
            "{% if recipient.gender 'f' %}Madam{% endif %}",
            "%} was expected here, not a text in quotes",
            "тут очікувалося: %}; натомість: текст у лапках",
        ),
        ("{{ recipient. }}", "a name is missing after the dot", "після крапки бракує назви"),
        (
            "{{ recipient.name | }}",
            "a name was expected here, not }}",
            "тут очікувалося: назва; натомість: }}",
        ),
    ],
)
def test_jinjas_other_complaints_are_said_in_the_interface_language_with_the_tags_as_typed(
    mini_ws, cli, monkeypatch, mistake, said, said_uk
):
    """ "Expected an expression, got 'end of statement block'" was Jinja's English, in a
    Ukrainian window too, naming a token the author never typed."""
    text = TEMPLATE_EN.replace("{{ fact('supreme-court') }}", mistake + "\n\n{{ fact('supreme-court') }}")
    mini_ws.write("letter_templates/appeal-en.md", text)
    line = line_of(text, mistake)
    hint = "check the {{ }} and {% %} tags on that line"
    assert problems(cli("check", "-w", "ws")) == [
        f"error: {TPL}:{line}: template syntax error: {said} — {hint}"
    ]
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    (problem,) = [ln for ln in result.err.splitlines() if ln.startswith("помилка: ")]
    assert f"{said_uk} — " in problem and f"{TPL}:{line}" in problem
    assert not re.search(r"[A-Za-z]{4,}", problem.split(f":{line}:", 1)[1].replace("template", ""))


def test_template_syntax_error_in_subject_at_front_matter_line(mini_ws, cli):
    text = TEMPLATE_EN.replace('{{ case.person.name }}"', '{{ case.person.name }"')
    mini_ws.write("letter_templates/appeal-en.md", text)
    line = line_of(text, "subject:")
    one_problem(cli("check", "-w", "ws"), f"{TPL}:{line}:", "syntax")


TYPO = TEMPLATE_EN.replace("{{ recipient.name }}", "{{ recipent.name }}")


def test_unknown_variable_named_by_check(mini_ws, cli):
    mini_ws.write("letter_templates/appeal-en.md", TYPO)
    one_problem(cli("check", "-w", "ws"), f"{TPL}:{line_of(TYPO, 'recipent')}:", "recipent")


def test_unknown_variable_named_by_generate(mini_ws, cli, tmp_path):
    mini_ws.write("letter_templates/appeal-en.md", TYPO)
    result = generate(cli, "--template", "appeal-en")
    one_problem(result, f"{TPL}:{line_of(TYPO, 'recipent')}:", "recipent")
    assert_nothing_written(tmp_path / "out")


CITE_NOPE = TEMPLATE_EN.replace("cite('court')", "cite('nope')")


@pytest.mark.parametrize("command", ["check", "generate"])
def test_cite_unknown_source(mini_ws, cli, tmp_path, command):
    mini_ws.write("letter_templates/appeal-en.md", CITE_NOPE)
    result = check_or_generate(cli, command)
    one_problem(result, f"{TPL}:{line_of(CITE_NOPE, 'nope')}:", "no source 'nope'")
    assert_nothing_written(tmp_path / "out")


# ---- 11.-13. unknown template, empty audience, unknown query field ----------------------


def test_generate_unknown_template_lists_known_ids(mini_ws, cli, tmp_path):
    line = one_problem(generate(cli, "--template", "nope"), "", "unknown template 'nope'")
    advice = line.partition(" — ")[2]
    assert "appeal-en" in advice and "appeal-uk" in advice, line
    assert_nothing_written(tmp_path / "out")


def test_check_audience_matching_nobody(mini_ws, cli):
    text = TEMPLATE_EN.replace("audience: category:mep", "audience: category:ngo")
    mini_ws.write("letter_templates/appeal-en.md", text)
    one_problem(cli("check", "-w", "ws"), f"{TPL}:{line_of(text, 'audience:')}:", "matches nobody")


def test_generate_query_matching_nobody(mini_ws, cli, tmp_path):
    result = generate(cli, "--template", "appeal-en", "--query", "country:ZZ")
    one_problem(result, f"{TPL}:{line_of(TEMPLATE_EN, 'audience:')}:", "no recipient matches", "country:ZZ")
    assert_nothing_written(tmp_path / "out")


def test_generate_query_matching_nobody_message(mini_ws, cli, tmp_path):
    """The same case as above without the line number: the message itself is right."""
    result = generate(cli, "--template", "appeal-en", "--query", "country:ZZ")
    one_problem(result, TPL, "no recipient matches", "country:ZZ")
    assert_nothing_written(tmp_path / "out")


def test_unknown_query_field_names_it_and_the_valid_ones(mini_ws, cli):
    result = cli("recipients", "list", "-w", "ws", "--query", "catgory:mep")
    line = one_problem(result, "", "'catgory'")
    advice = line.partition(" — ")[2]
    for field in ("category", "country", "language", "tag"):
        assert field in advice, (field, line)


# ---- 14.-15. the command line and the workspace folder ----------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("generate", "-w", "ws", "--out", "out"),
        ("generate", "-w", "ws", "--out", "out", "--template", "appeal-en", "--format", "pdfx"),
        ("frobnicate", "-w", "ws"),
    ],
    ids=["no-template", "bad-format", "unknown-command"],
)
def test_wrong_command_line_exits_2(mini_ws, cli, tmp_path, args):
    result = cli(*args)
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err
    assert "error:" in result.err
    assert_nothing_written(tmp_path / "out")


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_workspace_without_campaign_yaml(cli, tmp_path, folder):
    if folder == "empty":
        (tmp_path / folder).mkdir()
    line = one_problem(cli("check", "-w", folder), "", "campaign.yaml")
    assert "campaign-app init" in line.partition(" — ")[2], line


# ---- 16. the sandbox --------------------------------------------------------------------

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ cite.__globals__ }}",
    "{{ fact.__globals__['__builtins__'] }}",
    "{{ recipient._r }}",
]


def _leaks(text: str) -> bool:
    return "<module 'os'" in text or "builtins" in text or "__import__" in text


@pytest.mark.parametrize("command", ["check", "generate"])
@pytest.mark.parametrize("expr", ESCAPES)
def test_sandbox_blocks_python_internals(mini_ws, cli, tmp_path, expr, command):
    text = TEMPLATE_EN.replace("We write about", f"{expr} We write about")
    mini_ws.write("letter_templates/appeal-en.md", text)
    result = check_or_generate(cli, command)
    line = one_problem(result, f"{TPL}:{line_of(text, expr)}:")
    assert "not allowed" in line or "undefined" in line or "unknown name" in line, line
    assert not _leaks(result.out + result.err)
    assert_nothing_written(tmp_path / "out")


def test_sandbox_blocks_reading_files(mini_ws, cli, tmp_path):
    (tmp_path / "secret.txt").write_text("TOPSECRET", encoding="utf-8")
    expr = "{{ fact(case.path.parent.parent.parent.joinpath('secret.txt').read_text()) }}"
    text = TEMPLATE_EN.replace("We write about", f"{expr} We write about")
    mini_ws.write("letter_templates/appeal-en.md", text)
    result = cli("check", "-w", "ws")
    assert "TOPSECRET" not in result.out + result.err
    line = one_problem(result, f"{TPL}:{line_of(text, expr)}:")
    assert "not allowed" in line or "unknown name" in line, line


def test_sandbox_blocks_writing_files(mini_ws, cli, tmp_path):
    expr = "{{ cite.case.path.parent.joinpath('pwned.txt').write_text('x') }}"
    text = TEMPLATE_EN.replace("We write about", f"{expr} We write about")
    mini_ws.write("letter_templates/appeal-en.md", text)
    result = cli("check", "-w", "ws")
    assert not (mini_ws.root / "cases" / "pwned.txt").exists()
    line = one_problem(result, f"{TPL}:{line_of(text, expr)}:")
    assert "not allowed" in line or "unknown name" in line, line


# ---- 17. init does not touch a non-empty folder ------------------------------------------


def test_init_into_non_empty_folder_changes_nothing(cli, tmp_path):
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    before_dirs = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_dir())
    one_problem(cli("init", "existing"), "", "existing", "not empty")
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    after_dirs = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_dir())
    assert after == before
    assert after_dirs == before_dirs


# ---- 18. several problems at once -------------------------------------------------------


def test_two_bad_rows_are_both_reported(mini_ws, cli):
    text = PEOPLE_CSV.replace("mep-1,mep,", "mep-1,mepp,").replace(
        "rasa.jukneviciene@europarl.europa.eu", "not-an-address"
    )
    mini_ws.write("recipients/people.csv", text)
    first, second = problems(cli("check", "-w", "ws"), count=2)
    assert first.startswith(f"error: {CSV}:2:2: unknown category 'mepp'"), first
    assert second.startswith(f"error: {CSV}:3:11: "), second
    assert "not-an-address" in second


# ---- 19.-20. the case file --------------------------------------------------------------


def test_fact_citing_unknown_source_points_at_its_sources_line(mini_ws, cli):
    text = CASE.replace("sources: [unhcr-doc, brief]", "sources: [unhcr-doc, no-such-source]")
    mini_ws.write("cases/test-case.yaml", text)
    one_problem(
        cli("check", "-w", "ws"),
        f"ws/cases/test-case.yaml:{line_of(text, 'no-such-source')}:",
        "'no-such-source'",
    )


def test_case_text_missing_uk_version(mini_ws, cli):
    old = "text: {en: UNHCR protects her from forcible return., uk: УВКБ ООН захищає її від примусового повернення.}"
    assert old in CASE
    text = CASE.replace(old, "text: {en: UNHCR protects her from forcible return.}")
    mini_ws.write("cases/test-case.yaml", text)
    line = line_of(text, "UNHCR protects her")
    one_problem(cli("check", "-w", "ws"), f"ws/cases/test-case.yaml:{line}:", "uk", "add the uk version")


def test_unknown_attribute_is_named_the_way_the_template_author_wrote_it(mini_ws, cli):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "{{ case.persn.name }}\n",
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "ws/letter_templates/appeal-en.md:8: unknown name: case has no 'persn'" in result.err
    assert "CaseView" not in result.err and "campaign_app" not in result.err


@pytest.mark.parametrize(
    ("line", "problem", "hint"),
    [
        ("{{ recipent.name }}", "unknown name: 'recipent' is undefined", "did you mean 'recipient'?"),
        (
            "{{ fact('supreme-cort') }}",
            "fact('supreme-cort'): the case has no fact or event 'supreme-cort'",
            "did you mean 'supreme-court'?",
        ),
        ("{{ case.fact('unhrc').text }}", "the case has no fact 'unhrc'", "did you mean 'unhcr'?"),
        (
            "{{ case.event('arival').text }}",
            "the case has no timeline event 'arival'",
            "did you mean 'arrival'?",
        ),
        (
            "{{ case.fact('unhcr').txt }}",
            "unknown name: this fact has no 'txt'",  # not "FactView has no 'txt'"
            "check the spelling; templates know recipient, case, sender",
        ),
        # Nothing close: every id is listed, to choose from.
        (
            "{{ fact('zzz') }}",
            "fact('zzz'): the case has no fact or event 'zzz'",
            "known ids: unhcr, supreme-court, arrival",
        ),
    ],
)
def test_a_typo_in_a_template_names_what_it_was_close_to(mini_ws, cli, line, problem, hint):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n" + line + "\n",
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert f"ws/letter_templates/appeal-en.md:8: {problem} (for recipient 'mep-1') — {hint}" in result.err
    assert "Traceback" not in result.err


def test_an_unknown_fact_in_a_case_of_dozens_says_where_the_ids_are_not_all_of_them(cli, tmp_path):
    """With nothing close in the example's 59 facts and events, the hint was every one of
    their ids: a line of 1,200 characters, and half the Compose tab's editor."""
    assert cli("init", "ex").code == 0
    template = tmp_path / "ex" / "letter_templates" / "mep-appeal-en.md"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("We therefore ask you:", "{{ fact('hearing-2024') }}"), encoding="utf-8")
    line = text.splitlines().index("We therefore ask you:") + 1
    result = cli("generate", "-w", "ex", "--template", "mep-appeal-en", "--query", "guetta")
    assert result.code == 1
    assert problems(result) == [
        f"error: ex/letter_templates/mep-appeal-en.md:{line}: fact('hearing-2024'): the case has no fact or event "
        "'hearing-2024' — use an id from the case file's 'facts:' or 'timeline:' list"
    ]
    text = template.read_text(encoding="utf-8").replace(
        "{{ fact('hearing-2024') }}", "{{ case.fact('hearing').as_of }}"
    )
    template.write_text(text, encoding="utf-8")
    result = cli("generate", "-w", "ex", "--template", "mep-appeal-en", "--query", "guetta")
    assert problems(result) == [
        f"error: ex/letter_templates/mep-appeal-en.md:{line}: the case has no fact 'hearing' — use an id from the "
        "case file's 'facts:' list"
    ]


@pytest.mark.parametrize(
    ("section", "key", "whose"),
    [
        (
            "smtp:\n  host: smtp.example.org\n  port: 587\n  security: starttls\n  username: me\n",
            "password",
            "the SMTP",
        ),
        # 'Passwd:', as some mail programs' settings files spell it, is a password too
        ("inbox:\n  host: imap.example.org\n  username: me@example.org\n", "Passwd", "the inbox's"),
    ],
    ids=["smtp", "inbox-passwd"],
)
def test_check_refuses_a_password_written_into_campaign_yaml_without_repeating_it(
    mini_ws, cli, section, key, whose
):
    campaign = mini_ws.root / "campaign.yaml"
    campaign.write_text(
        campaign.read_text(encoding="utf-8") + f"{section}  {key}: hunter2\n",
        encoding="utf-8",
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    lines = campaign.read_text(encoding="utf-8").splitlines()
    password_line = next(i for i, line in enumerate(lines, start=1) if f"{key}:" in line)
    assert f"ws/campaign.yaml:{password_line}: campaign.yaml must not contain {whose} password" in result.err
    assert "hunter2" not in result.err + result.out


def test_an_impossible_date_is_a_located_error_not_a_traceback(mini_ws, cli):
    case = mini_ws.root / "cases" / "test-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("date: 2020-05-14", "date: 2020-13-45"), encoding="utf-8"
    )
    line = next(
        i for i, text in enumerate(case.read_text(encoding="utf-8").splitlines(), 1) if "2020-13-45" in text
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert f"ws/cases/test-case.yaml:{line}: malformed YAML" in result.err
    assert "YYYY-MM-DD" in result.err


@pytest.mark.parametrize("workers", ["0", "-3", "two"])
def test_workers_must_be_one_or_more(mini_ws, cli, workers):
    result = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--workers", workers)
    assert result.code == 2
    assert f"argument --workers: give a whole number of processes, 1 or more, not '{workers}'" in result.err
    assert not (mini_ws.root / "out").exists()


def test_importing_a_pipe_is_refused_not_waited_on(mini_ws, cli, tmp_path):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "people.csv"
    os.mkfifo(pipe)
    result = cli("recipients", "import", pipe, "-w", mini_ws.root, "--category", "ngo")
    assert result.code == 1
    assert "people.csv: is not a file (a pipe or a device) — give the file to import" in result.err


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            "who faces extradition.",
            "who faces extradition. {% if recipient.id %}",
            8,
            "template syntax error: this {% if %} is never closed — add {% endif %} where it should end",
        ),
        (
            "who faces extradition.",
            "who faces extradition. {{ recipient.given_name ",
            8,
            "template syntax error: this {{ is never closed — add }} at the end of the name or expression",
        ),
        (
            "- {{ d.text }}",
            "- {% if d %}{{ d.text }}",
            15,
            "template syntax error: this {% if %} is never closed — add {% endif %} where it should end",
        ),
    ],
)
def test_a_tag_left_open_is_reported_where_it_was_opened(mini_ws, cli, old, new, line, message):
    """Jinja notices an {% if %} left open at the end of the template, and a {{ left open
    where the next words begin: the author was sent to a line with nothing wrong on it."""
    path = mini_ws.root / "letter_templates" / "appeal-en.md"
    path.write_text(path.read_text().replace(old, new))
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert f"error: ws/letter_templates/appeal-en.md:{line}: {message}" in result.err, result.err


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("ua", "'ua' is a country's code: the language is 'uk'"),
        ("kz", "'kz' is a country's code: the language is 'kk'"),
        ("xx", "use e.g. en, uk, fr"),
    ],
)
def test_a_template_in_a_language_that_does_not_exist_is_an_error_at_its_line(cli, mini_ws, language, hint):
    """'language: ua' (Ukraine's country code) made check and generate print a traceback
    from the date formatter, and nothing else was checked."""
    mini_ws.write(
        "letter_templates/typo.md",
        f"---\nid: typo\ntitle: T\nlanguage: {language}\naudience: 'id:mep-1'\nsubject: S\n---\nText.\n",
    )
    for command in (["check"], ["generate", "-t", "typo", "--out", mini_ws.root / "out"]):
        result = cli(*command, "-w", mini_ws.root)
        assert result.code == 1
        assert (
            f"error: ws/letter_templates/typo.md:4: language '{language}' is not a known language tag — {hint}"
            in result.err
        ), result.err
        assert "Traceback" not in result.err


def test_a_case_language_that_does_not_exist_is_one_error(cli, mini_ws):
    case = mini_ws.root / "cases" / "test-case.yaml"
    text = case.read_text(encoding="utf-8")
    assert "languages: [en, uk]" in text
    case.write_text(text.replace("languages: [en, uk]", "languages: [en, ua]"), encoding="utf-8")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert "language 'ua' is not a known language tag — 'ua' is a country's code: the language is 'uk'" in (
        result.err
    )
    assert "has no ua text" not in result.err


def test_a_template_in_a_language_without_forms_of_address_is_a_warning(cli, mini_ws):
    """A Kazakh letter opened "Dear Mr Өтегенұлы," and closed "Yours sincerely," while check
    said "ok"."""
    text = (mini_ws.root / "letter_templates" / "appeal-en.md").read_text(encoding="utf-8")
    assert text.count("language: en\n") == 1
    mini_ws.write(  # the test case has no Kazakh texts: its English ones stand in
        "letter_templates/appeal-kk.md",
        text.replace("id: appeal-en", "id: appeal-kk").replace(
            "language: en\n", "language: kk\nfallback_language: en\n"
        ),
    )
    result = cli("check", "-w", mini_ws.root)
    said = result.out + result.err
    assert result.code == 0, said
    assert "ws/letter_templates/appeal-kk.md:" in said
    assert "template 'appeal-kk' is in 'kk', which has no forms of address here" in said
    assert "template 'appeal-en' is in" not in said


def test_an_english_letter_naming_its_recipient_in_cyrillic_is_a_warning(cli, mini_ws):
    """An official entered in Ukrainian only got "Mr Дмитро Лубінець … Dear Mr Лубінець," in
    an English letter, and check said ok."""
    with (mini_ws.root / "recipients" / "officials.yaml").open("a", encoding="utf-8") as fh:
        fh.write(
            "- id: ua-ombudsman\n  category: national_official\n  given_name: Дмитро\n"
            "  family_name: Коваленко\n  gender: m\n  position: Уповноважений Верховної Ради з прав людини\n"
            "  country: UA\n  language: uk\n  email: hotline@example.ua\n"
        )
    text = (mini_ws.root / "letter_templates" / "appeal-en.md").read_text(encoding="utf-8")
    mini_ws.write(
        "letter_templates/officials-en.md",
        text.replace("id: appeal-en", "id: officials-en").replace(
            "audience: category:mep", "audience: category:national_official"
        ),
    )
    result = cli("check", "-w", mini_ws.root)
    said = result.out + result.err
    warnings = [ln for ln in said.splitlines() if "in Cyrillic" in ln]
    assert len(warnings) == 1, said
    assert "template 'officials-en' (en): 1 letter names its recipient in Cyrillic" in warnings[0]
    assert "ua-ombudsman" in warnings[0]
    assert "('Dear Mr Коваленко,')" in warnings[0]  # the letter's own words, not a fixed example
    assert "ua-president" not in warnings[0], "given in English too: the English letter uses it"


def test_a_name_form_the_case_lacks_in_the_letters_language_says_so(cli, mini_ws):
    """'unknown name: this item has no 'genitive' — check the spelling': the spelling was
    right; the case had Ukrainian name forms only."""
    text = (mini_ws.root / "letter_templates" / "appeal-uk.md").read_text(encoding="utf-8")
    assert "case.person.forms.genitive" in text
    mini_ws.write(
        "letter_templates/appeal-ru.md",
        text.replace("id: appeal-uk", "id: appeal-ru").replace(
            "language: uk", "language: ru\nfallback_language: uk"
        ),
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    line = next(ln for ln in result.err.splitlines() if "appeal-ru.md" in ln)
    assert "the case gives no 'genitive' form of the person's name in this letter's language" in line
    assert "add it under person: forms: in the case file" in line
    assert "check the spelling" not in line


def test_a_misspelt_option_is_told_with_its_commands_usage(cli, mini_ws):
    """'generate --formt pdf' showed the program's usage, which names no option of generate."""
    result = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "--formt", "pdf")
    assert result.code == 2
    assert result.err.startswith("usage: campaign-app generate")
    assert "--format {pdf,docx,both}" in result.err
    assert result.err.rstrip().endswith("campaign-app generate: error: unrecognized arguments: --formt pdf")
    nested = cli("log", "status", "-w", mini_ws.root, "--bogus")
    assert nested.code == 2 and nested.err.startswith("usage: campaign-app log status")


def test_a_campaign_folder_that_is_a_file_is_called_a_file(mini_ws, cli):
    """-w given campaign.yaml itself (or any file) said "no campaign.yaml in …/campaign.yaml"."""
    result = cli("check", "-w", mini_ws.root / "campaign.yaml")
    assert result.code == 1 and "Traceback" not in result.err
    assert "campaign.yaml is a file, not a folder — choose the campaign folder" in result.err
    missing = cli("check", "-w", mini_ws.root / "nowhere")
    assert missing.code == 1 and "no campaign.yaml in" in missing.err
