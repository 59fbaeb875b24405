"""Queries with OR, NOT and parentheses on the command line and in a template's audience.

A mistake is one line naming where it is: the column in --query (``query:1:14``) or the
template file, line and column of the audience, with what to write instead.
"""

from __future__ import annotations

from conftest import PEOPLE_CSV, TEMPLATE_EN

MORE_PEOPLE = PEOPLE_CSV + (
    "osce-1,osce,Ms,Anna,Weber,f,Head of Mission,OSCE,DE,en,anna.weber@osce.org,\n"
    "osce-2,osce,Mr,Jan,Novák,m,Adviser,OSCE,AT,en,jan.novak@osce.org,\n"
    "mep-3,mep,Mr,Hans,Müller,m,Member of the European Parliament,European Parliament,DE,en,hans.mueller@europarl.europa.eu,\n"
)


def listed_ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()[1:-1]]


def test_recipients_list_takes_or_not_and_parentheses(mini_ws, cli):
    mini_ws.write("recipients/people.csv", MORE_PEOPLE)
    result = cli(
        "recipients", "list", "-w", mini_ws.root, "--query", "(category:mep OR category:osce) -country:DE"
    )
    assert result.code == 0, result.err
    assert listed_ids(result.out) == ["mep-1", "mep-2", "osce-2"]
    assert result.out.splitlines()[-1] == "3 recipient(s)"
    result = cli(
        "recipients", "list", "-w", mini_ws.root, "--query", 'NOT category:mep name:"jan novák" OR muller'
    )
    assert listed_ids(result.out) == ["osce-2", "mep-3"]


def test_a_query_mistake_points_at_its_column(mini_ws, cli):
    for query, expected in (
        ("category:mep OR", "error: query:1:14: expected a term after OR — "),
        (
            "(category:mep",
            "error: query:1:14: missing ')' to close the '(' at column 1 — add ')' after the last term",
        ),
        ("OR x", "error: query:1:1: expected a term before OR — "),
        ("-", "error: query:1:1: expected a term after '-' — "),
        (
            "category:mep nosuch:field",
            "error: query:1:14: unknown field 'nosuch' in query 'category:mep nosuch:field' — use one of addressee, category,",
        ),
    ):
        result = cli("recipients", "list", "-w", mini_ws.root, "--query", query)
        assert result.code == 1, query
        assert result.err.startswith(expected), result.err
        assert len(result.err.strip().splitlines()) == 1
        assert "Traceback" not in result.err


def test_a_template_audience_with_or_reaches_both_sides(mini_ws, cli):
    mini_ws.write("recipients/people.csv", MORE_PEOPLE)
    mini_ws.write(
        "letter_templates/appeal-en.md",
        TEMPLATE_EN.replace("audience: category:mep", "audience: category:osce OR country:SK"),
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert (
        "template 'appeal-en' (en): renders for all 3 recipient(s) of 'category:osce OR country:SK'"
        in result.out
    )
    # narrowed by --query, the audience stays one side of the AND
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--query", "country:AT", "--dry-run")
    assert result.code == 0, result.err
    assert "osce-2" in result.out or "Novák" in result.out
    assert "Šimečka" not in result.out and "Weber" not in result.out


def test_a_mistake_in_a_template_audience_names_its_file_line_and_column(mini_ws, cli):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        TEMPLATE_EN.replace("audience: category:mep", "audience: category:mep OR"),
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert "letter_templates/appeal-en.md:5:24: expected a term after OR — " in result.err
    mini_ws.write(
        "letter_templates/appeal-en.md",
        TEMPLATE_EN.replace("audience: category:mep", 'audience: "(category:mep OR catgory:osce)"'),
    )
    result = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert result.code == 1
    assert "letter_templates/appeal-en.md:5:29: unknown field 'catgory'" in result.err


def test_a_query_may_start_with_a_minus_as_its_own_word_on_the_command_line(mini_ws, cli):
    """``--query -country:DE``: argparse would take the NOT for an option ("expected one
    argument"); the query is what the user meant, with --query and with -q."""
    mini_ws.write("recipients/people.csv", MORE_PEOPLE)
    for option in ("--query", "-q"):
        result = cli("recipients", "list", "-w", mini_ws.root, option, "-country:DE")
        assert result.code == 0, result.err
        assert "DE" not in {line.split()[-3] for line in result.out.splitlines()[1:-1]}
        assert "mep-3" not in listed_ids(result.out) and "osce-2" in listed_ids(result.out)
    left_out = cli("recipients", "list", "--query", "-w", mini_ws.root)  # the query forgotten
    assert left_out.code == 2 and "argument --query/-q: expected one argument" in left_out.err


def test_a_category_or_gender_no_entry_can_have_is_a_mistake_not_an_empty_list(mini_ws, cli):
    """category:mpe matched nobody, silently (exit 0), where categry: or a status typo is a
    message: a field of a few fixed words says which they are."""
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "country:SK category:mpe")
    assert result.code == 1 and result.out == ""
    (line,) = result.err.splitlines()
    assert line.startswith("error: query:1:12: no entry can have category 'mpe'")
    assert "did you mean category:mep?" in line and "national_official" in line
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "gender:w")
    assert result.code == 1 and "no entry can have gender 'w'" in result.err and "f, m" in result.err
    assert cli("recipients", "list", "-w", mini_ws.root, "--query", "category:MEP gender:F").code == 0
