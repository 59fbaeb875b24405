"""YAML, XML and spreadsheets from anyone cannot exhaust the computer (limits.py).

A "billion laughs" YAML file, a document nested ten thousand deep, a zip bomb posing as a
workbook, a list of a million MEPs: each is one line naming the file (and line), in a
child process whose memory is capped, so a bound that does not hold fails the test
instead of the machine. Numbers out of range in campaign.yaml are clear errors too.
"""

from __future__ import annotations

from conftest import CAMPAIGN, run_cli_limited

LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)  # line 7 (g: 9**7 values) goes past a million
LAUGHS_HINT = "a campaign's YAML files are far smaller and simpler; is this the right file?"


def one_error(result) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_billion_laughs_in_a_recipients_file_is_one_error_at_its_line(mini_ws):
    # Nine lines of nine aliases each stand for 9**9 items; printing the tags would build them.
    entry = "- id: ua-laughs\n  category: national_official\n  position: Minister\n  country: UA\n"
    laughs = "".join("  " + line + "\n" for line in LAUGHS.splitlines())
    mini_ws.write("recipients/officials.yaml", entry + laughs + "  tags: [*i, *i, *i]\n")
    error = one_error(run_cli_limited(mini_ws.root, "check"))
    assert error == (
        "error: recipients/officials.yaml:11:10: YAML too big: more than 1,000,000 values once its "
        f"aliases (*name) are expanded — {LAUGHS_HINT}"
    )


def test_billion_laughs_in_a_templates_front_matter_is_reported_and_the_others_still_checked(mini_ws):
    front = "".join(f"x{line}\n" for line in LAUGHS.splitlines())
    mini_ws.write(
        "letter_templates/laughs.md",
        "---\nid: laughs\ntitle: Laughs\nlanguage: en\naudience: category:mep\n"
        + front
        + "subject: *i\n---\nDear {{ recipient.name }},\n",
    )
    mini_ws.write(
        "letter_templates/z-mistake.md",
        "---\nid: z\ntitle: Z\nlanguage: en\naudience: category:mep\nsubject: s\n---\n{{ recipent }}\n",
    )
    result = run_cli_limited(mini_ws.root, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert errors[0].startswith("error: letter_templates/laughs.md:12:9: ")
    assert "YAML too big: more than 1,000,000 values" in errors[0]
    assert errors[1].startswith("error: letter_templates/z-mistake.md:8: unknown name")


def test_a_yaml_file_nested_too_deeply_is_one_error_at_its_line(mini_ws):
    mini_ws.write("cases/test-case.yaml", "id: test-case\nsummary: " + "[" * 10000 + "]" * 10000 + "\n")
    error = one_error(run_cli_limited(mini_ws.root, "check"))
    assert error == (
        f"error: cases/test-case.yaml:2:59: YAML too big: lists and mappings nest more than 50 deep — {LAUGHS_HINT}"
    )


def test_an_alias_inside_the_value_it_names_is_one_error(mini_ws, cli):
    mini_ws.write("campaign.yaml", CAMPAIGN + "extra: &loop [1, *loop]\n")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert result.err.startswith(
        "error: ws/campaign.yaml:13:18: malformed YAML: the alias *loop is used inside the value it names"
        " — it would stand for a value without end: remove it"
    )


def test_a_yaml_file_larger_than_5_mb_is_refused_before_it_is_read(mini_ws):
    mini_ws.write("cases/test-case.yaml", "id: test-case\n" + "# padding\n" * 600_000)
    error = one_error(run_cli_limited(mini_ws.root, "check"))
    assert error == f"error: cases/test-case.yaml: the YAML file is larger than 5 MB — {LAUGHS_HINT}"


def test_a_workspace_file_larger_than_20_mb_is_refused(mini_ws):
    with (mini_ws.root / "recipients" / "people.csv").open("r+b") as fh:
        fh.truncate(21_000_000)
    error = one_error(run_cli_limited(mini_ws.root, "check"))
    assert error == (
        "error: recipients/people.csv: the file is larger than 20 MB — "
        "a campaign's files are far smaller; is this the right file?"
    )


def test_a_number_of_more_than_4300_digits_is_named_at_its_line(mini_ws, cli):
    mini_ws.write("campaign.yaml", CAMPAIGN.replace("follow_up_days: 14", "follow_up_days: " + "9" * 5000))
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert result.err == (
        "error: ws/campaign.yaml:4: YAML too big: a number has more than 4,300 digits — "
        "put it in quotes if it is meant as text\n"
    )
