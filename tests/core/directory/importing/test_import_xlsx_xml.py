"""Importing Excel workbooks and the European Parliament's "full list" XML."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import (
    assert_check_passes,
    by_id,
    one_error,
    result_line,
    run_import,
    snapshot,
)
from openpyxl import Workbook

from campaign_app.core.directory.importing.ep import split_full_name

# ---- Excel -----------------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path):
    """A workbook as coordinators send them: a cover sheet first, the list on "Officials",
    numbers and dates typed as such, an empty row in the middle."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Read me"
    cover.append(["Contacts for the Akhmetova appeal, May 2020"])
    sheet = wb.create_sheet("Officials")
    sheet.append(
        ["ID", "Title", "First name", "Surname", "Position", "Organisation", "Country", "E-mail", "Verified"]
    )
    sheet.append(
        [
            101,
            "Mr",
            "Andriy",
            "Kostin",
            "Prosecutor General",
            "Office of the Prosecutor General",
            "Ukraine",
            "office@gp.gov.ua",
            dt.datetime(2024, 3, 1),
        ]
    )
    sheet.append([None] * 9)
    sheet.append(
        [102, "Ms", "Olena", "Kovalenko", "Head", "State Migration Service", "UA", "dmsu@dmsu.gov.ua", None]
    )
    path = tmp_path / "in" / "officials.xlsx"
    path.parent.mkdir(exist_ok=True)
    wb.save(path)
    return path


def test_xlsx_named_sheet_is_imported(mini_ws, cli, workbook):
    result = run_import(cli, workbook, "--sheet", "Officials", "--category", "national_official")
    assert result.code == 0, result.err
    assert (
        result.out.splitlines()[0] == "Reading in/officials.xlsx: Excel workbook, sheet 'Officials', 2 rows"
    )
    assert result_line(result.out) == "Result: 2 added, 0 updated, 0 unchanged, 0 skipped (of 2 rows)."
    rows = by_id(mini_ws.root / "recipients" / "officials.csv")
    kostin = rows["101"]
    assert (kostin["given_name"], kostin["family_name"], kostin["country"], kostin["verified_on"]) == (
        "Andriy",
        "Kostin",
        "UA",
        "2024-03-01",
    )
    assert rows["102"]["email"] == "dmsu@dmsu.gov.ua"
    assert_check_passes(cli)


def test_xlsx_row_numbers_are_the_sheets(mini_ws, cli, workbook, tmp_path):
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    wb["Officials"]["H5"] = "not-an-address"
    wb.save(workbook)
    result = run_import(cli, workbook, "--sheet", "Officials", "--category", "national_official")
    assert "in/officials.xlsx:5:8: e-mail 'not-an-address' is not an address" in result.out


def test_xlsx_first_sheet_by_default(mini_ws, cli, workbook):
    # The cover sheet has no name column: said in one line.
    line = one_error(run_import(cli, workbook, "--category", "national_official"))
    assert line.startswith("error: in/officials.xlsx:1: no column holds a name")


def test_xlsx_unknown_sheet_names_the_sheets(mini_ws, cli, workbook):
    line = one_error(run_import(cli, workbook, "--sheet", "People"))
    assert (
        line
        == "error: in/officials.xlsx: the workbook has no sheet 'People' — use one of: Read me, Officials"
    )


def test_sheet_option_on_a_csv_is_an_error(mini_ws, cli, tmp_path):
    path = tmp_path / "in" / "a.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text("given_name\nA\n", encoding="utf-8")
    assert "--sheet applies to Excel .xlsx files" in one_error(run_import(cli, path, "--sheet", "x"))


def test_a_broken_xlsx_is_one_error(mini_ws, cli, tmp_path):
    path = tmp_path / "in" / "broken.xlsx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"this is not a zip file at all")
    before = snapshot(mini_ws.root)
    line = one_error(run_import(cli, path))
    assert line.startswith(
        "error: in/broken.xlsx: cannot read the workbook: it is not an Excel .xlsx workbook"
    )
    assert snapshot(mini_ws.root) == before


# ---- the EP's "full list" XML ---------------------------------------------------------------

EP_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<meps>
  <mep>
    <fullName>Michal ŠIMEČKA</fullName>
    <country>Slovakia</country>
    <politicalGroup>Renew Europe Group</politicalGroup>
    <id>103746</id>
    <nationalPoliticalGroup>Progresívne Slovensko</nationalPoliticalGroup>
  </mep>
  <mep>
    <id>28266</id>
    <nationalPoliticalGroup>CDA</nationalPoliticalGroup>
    <country>Netherlands</country>
    <fullName>Esther de LANGE</fullName>
    <politicalGroup>Group of the European People's Party (Christian Democrats)</politicalGroup>
  </mep>
  <mep>
    <politicalGroup>Renew Europe Group</politicalGroup>
    <fullName>Róża THUN UND HOHENSTEIN</fullName>
    <id>96776</id>
    <country>Poland</country>
  </mep>
</meps>
"""


def write_xml(tmp_path, text: str, name: str = "meps.xml"):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_ep_xml_elements_are_found_by_name_in_any_order(mini_ws, cli, tmp_path):
    result = run_import(cli, write_xml(tmp_path, EP_XML), "--keep-no-contact")
    assert result.code == 0, result.err
    assert (
        result.out.splitlines()[0] == "Reading in/meps.xml: European Parliament XML, encoding UTF-8, 3 rows"
    )
    assert "Not imported (no directory field): nationalPoliticalGroup" in result.out
    # Šimečka is mep-1 in people.csv already (same name, same organisation): filled in.
    assert (
        "in/meps.xml:3: mep-1 (ws/recipients/people.csv): filled in political_group: 'Renew Europe Group'"
        in result.out
    )
    assert result_line(result.out) == "Result: 2 added, 1 updated, 0 unchanged, 0 skipped (of 3 rows)."
    rows = by_id(mini_ws.root / "recipients" / "meps.csv")
    lange, thun = rows["mep-28266"], rows["mep-96776"]
    assert (lange["given_name"], lange["family_name"], lange["country"]) == ("Esther", "de Lange", "NL")
    assert lange["political_group"] == "Group of the European People's Party (Christian Democrats)"
    assert (thun["given_name"], thun["family_name"], thun["country"]) == ("Róża", "Thun und Hohenstein", "PL")
    assert (thun["category"], thun["organisation"]) == ("mep", "European Parliament")
    assert_check_passes(cli)


def test_ep_xml_members_are_not_skipped_for_lack_of_an_e_mail(mini_ws, cli, tmp_path):
    """The full list gives no e-mail: its members get the Parliament's postal address (see
    test_import_as_they_come.py), where they were once all skipped as unreachable."""
    result = run_import(cli, write_xml(tmp_path, EP_XML))
    assert "no contact channel" not in result.out
    assert result_line(result.out) == "Result: 2 added, 1 updated, 0 unchanged, 0 skipped (of 3 rows)."


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "<meps>\n  <mep>\n    <fullName>Ana GOMES</fullName>\n  </mepp>\n</meps>\n",
            "error: in/meps.xml:4:5: malformed XML: mismatched tag — ",
        ),
        ("<meps><mep><fullName>Ana GOMES</fullName></mep>", "error: in/meps.xml:1:"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<meps><mep><fullName>&lol;</fullName></mep></meps>\n',
            "error: in/meps.xml: the XML file declares ",
        ),
        (
            "<people><person><name>Ana</name></person></people>",
            "error: in/meps.xml: not the European Parliament's list of MEPs (the file starts with <people>",
        ),
        ("", "error: in/meps.xml:1:"),
    ],
    ids=["mismatched", "cut-off", "entities", "other-root", "empty"],
)
def test_bad_xml_is_one_error_line(mini_ws, cli, tmp_path, text, start):
    before = snapshot(mini_ws.root)
    line = one_error(run_import(cli, write_xml(tmp_path, text)))
    assert line.startswith(start), line
    assert snapshot(mini_ws.root) == before


@pytest.mark.parametrize(
    ("full", "given", "family"),
    [
        ("Michal ŠIMEČKA", "Michal", "Šimečka"),
        ("Rasa JUKNEVIČIENĖ", "Rasa", "Juknevičienė"),
        ("Nacho SÁNCHEZ AMOR", "Nacho", "Sánchez Amor"),
        ("Esther de LANGE", "Esther", "de Lange"),
        ("Róża THUN UND HOHENSTEIN", "Róża", "Thun und Hohenstein"),
        ("Mairead McGUINNESS", "Mairead", "McGuinness"),
        ("Chris MacMANUS", "Chris", "MacManus"),
        ("Isabel WISELER-LIMA", "Isabel", "Wiseler-Lima"),
        ("Juan Fernando LÓPEZ AGUILAR", "Juan Fernando", "López Aguilar"),
        ("Lucia ĎURIŠ NICHOLSONOVÁ", "Lucia", "Ďuriš Nicholsonová"),
        ("Anna Maria Nowak", "Anna Maria", "Nowak"),
        ("ŠIMEČKA Michal", "Michal", "Šimečka"),
    ],
)
def test_given_family_names_in_capitals(full, given, family):
    assert split_full_name(full) == (given, family)


def test_a_workbook_saved_under_a_csv_name_is_read_as_the_workbook_it_is(mini_ws, cli, tmp_path):
    """ "Save as" people.csv in some programs keeps the workbook format: the import read
    it as text, said it could not tell the encoding and suggested --encoding cp1251, which
    failed too. It is a workbook: it is imported as one."""
    wb = Workbook()
    wb.active.append(["ID", "First name", "Surname", "E-mail"])
    wb.active.append(["n-1", "Daria", "Kovalenko", "daria@example.org"])
    path = tmp_path / "in" / "people.csv"
    path.parent.mkdir(exist_ok=True)
    wb.save(path)
    result = run_import(cli, path, "--category", "ngo")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith("Reading in/people.csv: Excel workbook")
    assert by_id(mini_ws.root / "recipients" / "people.csv")["n-1"]["given_name"] == "Daria"
