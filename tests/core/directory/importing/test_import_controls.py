"""An imported row whose value holds a control character is not imported: the report names
its row and column and what to do, as it does for an e-mail cell that holds no address.

The row "Olena Petrenko <olena.petrenko@europarl.europa.eu>\\x1b[8m" with the e-mail
collector@attacker.example was imported, and the dry run of ``send`` then showed the
volunteer a made-up address with the real one hidden by the escape code.
"""

from __future__ import annotations

import pytest
from import_helpers import assert_check_passes, by_id, result_line, rows_of, run_import, write_source
from openpyxl import Workbook

HIDDEN = "Petrenko <olena.petrenko@europarl.europa.eu>\x1b[8m"
HINT = "remove the character: a terminal or a mail program would obey it instead of showing it"


@pytest.mark.parametrize("tags", [False, True], ids=["by-columns", "row-by-row"])
def test_a_row_with_an_escape_code_is_refused_at_its_row_and_column(mini_ws, cli, tmp_path, tags):
    """(A tags column makes the import convert row by row: the same report.)"""
    header, extra = (
        ("id,category,given_name,family_name,email,tags", ",droi")
        if tags
        else (
            "id,category,given_name,family_name,email",
            "",
        )
    )
    source = write_source(
        tmp_path,
        "s.csv",
        f"{header}\n"
        f"x1,mep,Olena,{HIDDEN},collector@attacker.example{extra}\n"
        f"x2,mep,Anna,Nowak,anna@example.org{extra}\n"
        f"x3,mep,Bob\x07,Berg,bob@example.org{extra}\n",
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    out = result.out
    assert (
        f"  in/s.csv:2:4: family_name holds an invisible control character (U+001B, character 45) — {HINT}"
        in out.splitlines()
    )
    assert (
        f"in/s.csv:4:3: given_name holds an invisible control character (U+0007, character 4) — {HINT}" in out
    )
    assert result_line(out) == "Result: 1 added, 0 updated, 0 unchanged, 2 skipped (of 3 rows)."
    assert "\x1b" not in out + result.err and "\x07" not in out + result.err
    assert list(by_id(mini_ws.root / "recipients" / "s.csv")) == ["x2"]
    assert_check_passes(cli)


def test_a_line_break_is_refused_in_a_name_and_kept_in_a_postal_address(mini_ws, cli, tmp_path):
    source = write_source(
        tmp_path,
        "p.csv",
        "id,category,given_name,family_name,postal_address,notes\n"
        'p1,ngo,Anna,Nowak,"Rue Wiertz 60\n1047 Brussels","met\tin Kyiv\non 2 May"\n'
        'p2,ngo,Anna,"Test\nx2,mep",Kyiv,\n',
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert (
        "in/p.csv:5:4: family_name must be one line, but holds a line break or tab (U+000A, character 5)"
        in result.out
    )
    assert result_line(result.out) == "Result: 1 added, 0 updated, 0 unchanged, 1 skipped (of 2 rows)."
    (p1,) = rows_of(mini_ws.root / "recipients" / "p.csv")
    assert (p1["postal_address"], p1["notes"]) == ("Rue Wiertz 60\n1047 Brussels", "met\tin Kyiv\non 2 May")
    assert_check_passes(cli)


def test_a_bidirectional_override_in_a_workbook_is_refused(mini_ws, cli, tmp_path):
    """A right-to-left override shows the letters after it reversed: "moc.elpmaxe@anna"
    reads as an address it is not. (A workbook cannot hold C0 controls; this it can.)"""
    wb = Workbook()
    sheet = wb.active
    sheet.append(["First name", "Surname", "E-mail", "Position"])
    sheet.append(["Anna", "Nowak", "anna@example.org", "Head of \u202eunit"])
    sheet.append(["Bob", "Berg", "bob@example.org", "Head of unit"])
    path = tmp_path / "in" / "officials.xlsx"
    path.parent.mkdir(exist_ok=True)
    wb.save(path)
    result = run_import(cli, path, "--category", "national_official")
    assert result.code == 0, result.err
    assert (
        f"in/officials.xlsx:2:4: position holds an invisible control character (U+202E, character 9) — {HINT}"
        in result.out
    )
    assert "\u202e" not in result.out
    assert list(by_id(mini_ws.root / "recipients" / "officials.csv")) == ["bob-berg"]


def test_a_yaml_source_entry_with_an_escape_code_is_refused(mini_ws, cli, tmp_path):
    source = write_source(
        tmp_path,
        "people.yaml",
        '- id: y1\n  category: ngo\n  given_name: "Olena\\e[2J"\n  family_name: Petrenko\n'
        "  email: o@example.org\n"
        "- id: y2\n  category: ngo\n  family_name: Berg\n  email: b@example.org\n",
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "given_name holds an invisible control character (U+001B, character 6)" in result.out
    assert "\x1b" not in result.out
    assert result_line(result.out) == "Result: 1 added, 0 updated, 0 unchanged, 1 skipped (of 2 rows)."


@pytest.mark.parametrize("tags", [False, True], ids=["by-columns", "row-by-row"])
def test_a_row_with_a_line_separator_is_refused_and_a_persian_name_is_not(mini_ws, cli, tmp_path, tags):
    """U+2028 in a name broke the line in the window's table, where the rest of the name was
    cut off; a Persian name's zero-width non-joiner and an Arabic one's right-to-left mark
    are how those scripts are written."""
    header, extra = (
        ("id,category,family_name,postal_address,email,tags", ",x")
        if tags
        else (
            "id,category,family_name,postal_address,email",
            "",
        )
    )
    source = write_source(
        tmp_path,
        "s.csv",
        f"{header}\n"
        f"x1,ngo,Petrenko\u2028collector,,x1@example.org{extra}\n"
        f"x2,ngo,Nowak,Rue Wiertz 60\u20291047 Brussels,x2@example.org{extra}\n"
        f"x3,ngo,علی\u200cاکبر,,x3@example.org{extra}\n"
        f"x4,ngo,\u200fسارة,,x4@example.org{extra}\n",
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert (
        "  in/s.csv:2:3: family_name must be one line, but holds a line break or tab (U+2028, character 9) — "
        "remove the character: only postal_address, addressee, notes, personal_note may hold several lines"
    ) in lines
    assert (
        "  in/s.csv:3:4: postal_address holds a Unicode line separator (U+2029, character 14) — replace it "
        "with an ordinary line break: not every letter or e-mail breaks the line there"
    ) in lines
    assert result_line(result.out) == "Result: 2 added, 0 updated, 0 unchanged, 2 skipped (of 4 rows)."
    assert "\u2028" not in result.out + result.err and "\u2029" not in result.out + result.err
    added = by_id(mini_ws.root / "recipients" / "s.csv")
    assert [row["family_name"] for row in added.values()] == ["علی\u200cاکبر", "\u200fسارة"]
    assert_check_passes(cli)
