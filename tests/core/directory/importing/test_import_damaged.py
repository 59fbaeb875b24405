"""Spreadsheets as they really arrive: a stale stated size, a damaged file, two encodings in one CSV.

Every file is built here (openpyxl writes the workbook, zipfile changes its parts): no
binary is kept in the repository.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from import_helpers import by_id, one_error, result_line, run_import, snapshot
from openpyxl import Workbook

from campaign_app.core.directory.importing.encodings import _has_utf8_letters

ROWS = 50


def workbook_bytes() -> bytes:
    """A sheet of ROWS officials with six columns."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Officials"
    sheet.append(["ID", "First name", "Surname", "Position", "Country", "E-mail"])
    for i in range(1, ROWS + 1):
        sheet.append([f"off-{i}", "Olena", f"Kovalenko{i}", "Head of unit", "UA", f"o{i}@dmsu.example"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rewrite(data: bytes, change) -> bytes:
    """The workbook with each part replaced by ``change(name, bytes)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, change(item.filename, zin.read(item.filename)))
    return out.getvalue()


def save(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def sheet_part(name: str) -> bool:
    return name.startswith("xl/worksheets/sheet")


def test_a_stale_stated_size_still_yields_every_row_and_column(mini_ws, cli, tmp_path):
    data = rewrite(
        workbook_bytes(),
        lambda name, part: (
            re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:C2"/>', part)
            if sheet_part(name)
            else part
        ),
    )
    assert b'<dimension ref="A1:C2"/>' in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    path = save(tmp_path, "officials.xlsx", data)
    result = run_import(cli, path, "--category", "national_official")
    assert result.code == 0, result.err
    assert f"sheet 'Officials', {ROWS} rows" in result.out.splitlines()[0]
    assert (
        result_line(result.out)
        == f"Result: {ROWS} added, 0 updated, 0 unchanged, 0 skipped (of {ROWS} rows)."
    )
    rows = by_id(mini_ws.root / "recipients" / "officials.csv")
    assert len(rows) == ROWS
    last = rows[f"off-{ROWS}"]  # the last row, and the columns past C
    assert (last["family_name"], last["position"], last["country"], last["email"]) == (
        f"Kovalenko{ROWS}",
        "Head of unit",
        "UA",
        f"o{ROWS}@dmsu.example",
    )


DAMAGED = {
    "cut short": lambda: workbook_bytes()[: len(workbook_bytes()) // 2],
    "a zip that is not a workbook": lambda: _zip_of({"notes.txt": b"minutes of the meeting"}),
    "broken sheet XML": lambda: rewrite(
        workbook_bytes(), lambda name, part: part[: len(part) // 2] if sheet_part(name) else part
    ),
    "broken workbook XML": lambda: rewrite(
        workbook_bytes(),
        lambda name, part: part.replace(b"<sheets>", b"<sheets") if name == "xl/workbook.xml" else part,
    ),
    "corrupt compressed data": lambda: _corrupt_deflate(workbook_bytes()),
}


def _zip_of(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, part in parts.items():
            z.writestr(name, part)
    return out.getvalue()


def _corrupt_deflate(data: bytes) -> bytes:
    """Flip bytes inside the sheet's compressed data (the zip's directory stays intact)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    damaged = bytearray(data)
    for i in range(start, start + 40):
        damaged[i] ^= 0xFF
    return bytes(damaged)


@pytest.mark.parametrize("damage", DAMAGED, ids=DAMAGED.keys())
def test_a_damaged_workbook_is_one_error_naming_the_file(mini_ws, cli, tmp_path, damage):
    path = save(tmp_path, "officials.xlsx", DAMAGED[damage]())
    before = snapshot(mini_ws.root)
    line = one_error(run_import(cli, path, "--category", "national_official"))
    assert line.startswith("error: in/officials.xlsx: cannot read the workbook: "), line
    assert "save it again as .xlsx (or as CSV)" in line
    assert snapshot(mini_ws.root) == before


# ---- a CSV in two encodings ----------------------------------------------------------------

HEADER = "id,category,given_name,family_name,country\n"
UTF8_ROWS = ["mep-11,mep,Michal,Šimečka,SK", "mep-12,mep,Rasa,Juknevičienė,LT", "mep-13,mep,Petr,Dvořák,CZ"]
CP1252_ROWS = ["mep-14,mep,Anna,Müller,DE", "mep-15,mep,François,Lefèvre,FR"]


def mixed_csv(tmp_path: Path, lines: list[tuple[str, str]]) -> Path:
    data = HEADER.encode("ascii") + b"".join(text.encode(codec) + b"\n" for text, codec in lines)
    return save(tmp_path, "meps.csv", data)


def test_a_csv_mixing_utf8_and_windows_1252_names_the_rows_of_the_fewer(mini_ws, cli, tmp_path):
    lines = [
        (UTF8_ROWS[0], "utf-8"),
        (CP1252_ROWS[0], "cp1252"),
        ("mep-19,mep,Jo,Smith,IE", "ascii"),
        (UTF8_ROWS[1], "utf-8"),
        (CP1252_ROWS[1], "cp1252"),
        (UTF8_ROWS[2], "utf-8"),
    ]
    before = snapshot(mini_ws.root)
    line = one_error(run_import(cli, mixed_csv(tmp_path, lines), "--category", "mep"))
    assert line.startswith(
        "error: in/meps.csv:3: the file mixes two encodings: rows 3, 6 are Windows-1252, "
        "the other 3 with accented letters are UTF-8 — "
    ), line
    assert "save it as 'CSV UTF-8'" in line
    assert snapshot(mini_ws.root) == before


def test_when_utf8_is_the_fewer_its_rows_are_named(mini_ws, cli, tmp_path):
    lines = [(CP1252_ROWS[0], "cp1252"), (CP1252_ROWS[1], "cp1252"), (UTF8_ROWS[0], "utf-8")]
    line = one_error(run_import(cli, mixed_csv(tmp_path, lines), "--category", "mep"))
    assert "in/meps.csv:4: the file mixes two encodings: row 4 is UTF-8, the other 2" in line, line
    assert "are Windows-1252" in line


@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
def test_a_csv_in_one_encoding_is_still_imported(mini_ws, cli, tmp_path, codec):
    rows = CP1252_ROWS if codec == "cp1252" else UTF8_ROWS
    path = mixed_csv(tmp_path, [(text, codec) for text in rows])
    result = run_import(cli, path, "--category", "mep", "--keep-no-contact")
    assert result.code == 0, result.err
    imported = by_id(mini_ws.root / "recipients" / "meps.csv")
    for text in rows:
        rid, _cat, _given, family, _country = text.split(",")
        assert imported[rid]["family_name"] == family


# ---- a quote left open -----------------------------------------------------------------------

# Row 2's last cell opens a quote that nothing closes: read leniently, rows 3 and 4 became
# part of Anna's family name ("Dear Anna Test x2,mep,b@example.org,Bob,B x3…"), one row
# was imported and the command said all was well.
OPEN_QUOTE = (
    "id,category,email,given_name,family_name\n"
    'x1,mep,a@example.org,Anna,"Test\n'
    "x2,mep,b@example.org,Bob,B\n"
    "x3,mep,c@example.org,Carl,C\n"
)
# The quote is closed further on, by a quoted cell of a later row: text follows that quote.
CLOSED_LATER = (
    "id,category,email,given_name,family_name\n"
    "x1,mep,a@example.org,Anna,Nowak\n"
    'x2,mep,b@example.org,Bob,"Test\n'
    'x3,mep,"c@example.org",Carl,C\n'
)


@pytest.mark.parametrize(
    ("text", "line"), [(OPEN_QUOTE, 2), (CLOSED_LATER, 3)], ids=["never closed", "closed by a later row"]
)
@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "cp1252"])
def test_a_quote_left_open_is_one_error_at_its_row_and_nothing_is_written(
    mini_ws, cli, tmp_path, text, line, codec
):
    path = save(tmp_path, "meps.csv", text.replace("Anna", "Anné").encode(codec))
    before = snapshot(mini_ws.root)
    error = one_error(run_import(cli, path, "--keep-no-contact"))
    assert error.startswith(f"error: in/meps.csv:{line}: broken CSV: "), error
    assert 'a quoted cell ("…") in this row is not closed' in error and "correct the quotes" in error
    assert snapshot(mini_ws.root) == before


def test_a_quote_left_open_is_refused_by_the_core_before_any_plan(mini_ws, tmp_path):
    """What the Import dialog calls: the preview of the first rows already refuses the file."""
    from campaign_app.core.common.errors import Location, UserError, display_path
    from campaign_app.core.directory.importing import ImportOptions, plan_import, read_source

    path = save(tmp_path, "meps.csv", OPEN_QUOTE.encode())
    source = read_source(path)
    with pytest.raises(UserError) as preview:
        source.preview(10)
    assert preview.value.where == Location(display_path(path), 2)
    before = snapshot(mini_ws.root)
    with pytest.raises(UserError) as planned:
        plan_import(mini_ws.root, source, ImportOptions(keep_no_contact=True))
    assert planned.value.where == Location(display_path(path), 2)
    assert "not closed" in (planned.value.hint or "")
    assert snapshot(mini_ws.root) == before


def test_a_quoted_cell_with_line_breaks_is_still_one_cell(mini_ws, cli, tmp_path):
    """A postal address typed on several lines is quoted, and closed: it is imported whole."""
    text = (
        "id,category,email,given_name,family_name,postal_address\r\n"
        'x1,mep,a@example.org,Anna,Nowak,"Rue Wiertz 60\r\n1047 Brussels"\r\n'
        "x2,mep,b@example.org,Bob,Berg,\r\n"
    )
    result = run_import(cli, save(tmp_path, "meps.csv", text.encode()))
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 2 added, 0 updated, 0 unchanged, 0 skipped (of 2 rows)."
    written = by_id(mini_ws.root / "recipients" / "meps.csv")
    assert written["x1"]["postal_address"].splitlines() == ["Rue Wiertz 60", "1047 Brussels"]
    assert written["x2"]["family_name"] == "Berg"


LINE_BYTES = st.sampled_from(
    [b"a", b";", b"\xc3\xa9", b"\xe9", b"\xc3", b"\xa9", b"\xe2\x82\xac", b"\xed\xa0\x80"]
)
LINE_BYTES |= st.sampled_from(
    [b"\xf0\x9f\x98\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\x80"]
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.lists(LINE_BYTES, max_size=6).map(b"".join), max_size=6))
def test_the_quick_look_for_utf8_letters_misses_no_line_that_reads_as_utf8(lines):
    """The mixed-encoding check returns early when the file holds no letter in UTF-8: it
    must never do so for a file with a line that reads as UTF-8 (overlong forms,
    surrogates, code points past U+10FFFF and truncated sequences are not UTF-8)."""

    def reads_as_utf8(line: bytes) -> bool:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True

    data = b"\r\n".join(lines)
    if any(not line.isascii() and reads_as_utf8(line) for line in lines):
        assert _has_utf8_letters(data)
    if not any(0xC2 <= byte <= 0xF4 for byte in data):
        assert not _has_utf8_letters(data)  # no lead byte: nothing to find
