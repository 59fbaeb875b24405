"""No control character from the directory, the log or a file reaches the terminal raw.

A directory entry holding one is refused where the directory is loaded (check, generate,
send: one line naming its file, row and column); and what the command line prints from a
file or the log anyway (a value quoted in a problem, a name in send's lines) shows each
control character as "�", never as the escape code a terminal obeys.
"""

from __future__ import annotations

from conftest import PEOPLE_CSV

from campaign_app.cli import send_command

CSV = "ws/recipients/people.csv"
# The e-mail is the attacker's; on a terminal "\x1b[8m" hides what follows the made-up address.
HIDDEN_ROW = "mep-3,mep,Ms,Olena,Petrenko <olena.petrenko@europarl.europa.eu>\x1b[8m,f,,,,en,collector@attacker.example,\n"


def one_problem(result) -> str:
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    (line,) = [line for line in result.err.splitlines() if line.strip()]
    return line


def test_check_names_the_cell_holding_an_escape_code(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + HIDDEN_ROW)
    line = one_problem(cli("check", "-w", "ws"))
    assert line == (
        f"error: {CSV}:5:5: family_name holds an invisible control character (U+001B, character 45) — "
        "remove the character: a terminal or a mail program would obey it instead of showing it"
    )


def test_the_send_dry_run_refuses_the_entry_and_prints_no_escape_code(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + HIDDEN_ROW)
    result = cli("send", "-w", "ws", "-t", "appeal-en", "--dry-run")
    line = one_problem(result)
    assert line.startswith(f"error: {CSV}:5:5: family_name holds an invisible control character (U+001B")
    assert "\x1b" not in result.out + result.err
    assert not list(mini_ws.root.rglob("*.eml"))


def test_generate_refuses_a_bell_in_a_yaml_name(mini_ws, cli):
    officials = mini_ws.root / "recipients" / "officials.yaml"
    text = officials.read_text(encoding="utf-8").replace("en: Zelenskyy}", 'en: "Zelen\\askyy"}')
    mini_ws.write("recipients/officials.yaml", text)
    result = cli("generate", "-w", "ws", "-t", "appeal-en")
    line = one_problem(result)
    assert "family_name (en) holds an invisible control character (U+0007, character 6)" in line
    assert "\x07" not in result.out + result.err


def test_a_value_quoted_in_a_problem_shows_its_control_characters(mini_ws, cli):
    """The header is read before any value: its unknown column is quoted as it is."""
    mini_ws.write("recipients/people.csv", PEOPLE_CSV.replace(",tags\n", ",\x1b[2Jtags\n", 1))
    result = cli("check", "-w", "ws")
    line = one_problem(result)
    assert "unknown column '\ufffd[2Jtags'" in line
    assert "\x1b" not in result.err


def test_sends_lines_show_a_name_s_control_characters(capsys):
    """What send prints of each letter comes from the directory and the log: masked, whatever
    got there."""
    from types import SimpleNamespace

    from campaign_app.core.campaign.send import OUTCOMES, Outcome

    result = SimpleNamespace(
        outcomes=[
            Outcome(
                "x1", "Petrenko <olena@europarl.europa.eu>\x1b[8m", "collector@attacker.example", "written"
            ),
            Outcome("x2", "Anna\u202eNowak", "", "by-hand", file="out/x2.pdf"),
        ]
    )
    send_command._print_outcomes(result, OUTCOMES)
    out = capsys.readouterr().out
    assert "  x1: Petrenko <olena@europarl.europa.eu>\ufffd[8m <collector@attacker.example>" in out
    assert "  x2: Anna\ufffdNowak [out/x2.pdf]" in out
    assert "\x1b" not in out and "\u202e" not in out


def test_check_names_the_cell_holding_a_line_separator(mini_ws, cli):
    """A line separator breaks the line in the window's table but not in the e-mail's To: line."""
    row = "mep-3,mep,Ms,Olena,Petrenko\u2028<olena.petrenko@europarl.europa.eu>,f,,,,en,collector@attacker.example,\n"
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + row)
    result = cli("check", "-w", "ws")
    assert one_problem(result) == (
        f"error: {CSV}:5:5: family_name must be one line, but holds a line break or tab (U+2028, character 9) — "
        "remove the character: only postal_address, addressee, notes, personal_note may hold several lines"
    )
    assert "\u2028" not in result.out + result.err


def test_check_names_the_case_text_holding_a_bidirectional_override(mini_ws, cli):
    """The case's translations come from translators: "Zhanara \\u202eavotemhkA" shows as
    the right name and is not it (what a reader copies, searches or sends on)."""
    case = mini_ws.root / "cases" / "test-case.yaml"
    text = case.read_text(encoding="utf-8")
    text = text.replace("uk: Жанара Ахметова,", 'uk: "Жанара \\u202eавотемхА",')
    text = text.replace(
        "uk: Журналістці загрожує екстрадиція.}", 'uk: "Журналістці\\u2028загрожує екстрадиція."}'
    )
    mini_ws.write("cases/test-case.yaml", text)
    result = cli("check", "-w", "ws")
    assert result.code == 1 and "Traceback" not in result.err
    assert [line for line in result.err.splitlines() if line.strip()] == [
        "error: ws/cases/test-case.yaml:5: name (uk) holds an invisible control character (U+202E, character 8) "
        "— remove the character: a terminal or a mail program would obey it instead of showing it",
        "error: ws/cases/test-case.yaml:9: summary (uk) holds a Unicode line separator (U+2028, character 12) "
        "— replace it with an ordinary line break: not every letter or e-mail breaks the line there",
    ]
    assert "\u202e" not in result.out + result.err and "\u2028" not in result.out + result.err
