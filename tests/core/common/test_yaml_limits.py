"""YAML, XML and spreadsheets from anyone cannot exhaust the computer (core/common/limits.py).

A "billion laughs" YAML file, a document nested ten thousand deep, a zip bomb posing as a
workbook, a list of a million MEPs: each is one line naming the file (and line), in a
child process whose memory is capped, so a bound that does not hold fails the test
instead of the machine. Numbers out of range in campaign.yaml are clear errors too.
"""

from __future__ import annotations

import io
import zipfile

import pytest
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


# ---- imports: XML and .xlsx -----------------------------------------------------------------


def test_an_xml_list_of_more_than_100000_meps_stops_at_the_first_one_too_many(mini_ws, tmp_path):
    path = tmp_path / "meps.xml"
    path.write_text("<meps>\n" + "<mep><fullName>A B</fullName></mep>\n" * 100_001 + "</meps>\n")
    error = one_error(run_cli_limited(mini_ws.root, "recipients", "import", path, "--dry-run"))
    assert error == (
        f"error: {path}:100002: more than 100,000 rows: too many to import at once — "
        "split the file, or import only the rows you need"
    )


def test_deeply_nested_xml_is_one_error(mini_ws, tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text("<meps>" + "<mep>" * 200_000 + "</mep>" * 200_000 + "</meps>\n")
    error = one_error(run_cli_limited(mini_ws.root, "recipients", "import", path, "--dry-run"))
    assert error.startswith(f"error: {path}:")


def test_an_import_file_larger_than_50_mb_is_refused_before_it_is_read(mini_ws, tmp_path):
    path = tmp_path / "huge.xml"
    with path.open("wb") as fh:
        fh.truncate(51_000_000)
    error = one_error(run_cli_limited(mini_ws.root, "recipients", "import", path, "--dry-run"))
    assert error == (
        f"error: {path}: the file is larger than 50 MB: too big to import — "
        "split it, or import only the rows you need"
    )


def _workbook_with_sheet(sheet_xml_chunks) -> bytes:
    """A real workbook from openpyxl whose first sheet is replaced by ``sheet_xml_chunks``."""
    from openpyxl import Workbook

    book = io.BytesIO()
    wb = Workbook()
    wb.active.append(["id", "family_name"])
    wb.save(book)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(book) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with dst.open(info.filename, "w", force_zip64=True) as sheet:
                    for chunk in sheet_xml_chunks:
                        sheet.write(chunk)
            else:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


def test_a_zip_bomb_posing_as_a_workbook_is_refused_before_it_is_unpacked(mini_ws, tmp_path):
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    spaces = b" " * 1_000_000
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_workbook_with_sheet([head, *([spaces] * 210), b"</sheetData></worksheet>"]))
    assert path.stat().st_size < 2_000_000
    error = one_error(run_cli_limited(mini_ws.root, "recipients", "import", path, "--dry-run"))
    assert error.startswith(f"error: {path}: the workbook would unpack to 210 MB in ")
    assert "more than the 200 MB in 10,000 files a workbook may" in error


def test_a_workbook_declaring_xml_entities_is_one_error(mini_ws, tmp_path):
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData></worksheet>'
    )
    path = tmp_path / "entities.xlsx"
    path.write_bytes(_workbook_with_sheet([sheet]))
    error = one_error(run_cli_limited(mini_ws.root, "recipients", "import", path, "--dry-run"))
    assert error == (
        f"error: {path}: cannot read the workbook: its XML declares entities or external references, "
        "which a workbook never needs — open it in your spreadsheet program and save it again as .xlsx "
        "(or as CSV)"
    )


# ---- numbers in campaign.yaml ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "follow_up_days: 1000000000000",
            "4: 'follow_up_days' must be a whole number of days from 1 to 3,650, not 1000000000000",
        ),
        (
            "follow_up_days: true",
            "4: 'follow_up_days' must be a whole number of days from 1 to 3,650, not True",
        ),
        ("follow_up_days: -3", "4: 'follow_up_days' must be a whole number of days from 1 to 3,650, not -3"),
        (
            "follow_up_days: 14.5",
            "4: 'follow_up_days' must be a whole number of days from 1 to 3,650, not 14.5",
        ),
        (
            "freshness_days: 1000000000000",
            "13: 'freshness_days' must be a whole number of days from 1 to 36,500, not 1000000000000",
        ),
        ("freshness_days: 0x" + "f" * 100, "13: 'freshness_days' must be a whole number of days from 1 to "),
    ],
)
def test_days_out_of_range_say_the_allowed_range_at_their_line(mini_ws, cli, line, message):
    key = line.split(":")[0]
    text = CAMPAIGN.replace("follow_up_days: 14", line) if key == "follow_up_days" else CAMPAIGN + line + "\n"
    mini_ws.write("campaign.yaml", text)
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert result.err.startswith(f"error: ws/campaign.yaml:{message}")
    assert "Traceback" not in result.err


def test_a_huge_follow_up_period_no_longer_overflows_the_contact_log(mini_ws, cli):
    assert cli("generate", "-w", "ws", "--template", "appeal-en", "--format", "docx").code == 0
    mini_ws.write("campaign.yaml", CAMPAIGN.replace("follow_up_days: 14", "follow_up_days: 999999999"))
    for command in (("check",), ("log", "status")):
        result = cli(*command, "-w", "ws")
        assert result.code == 1, command
        assert result.err == (
            "error: ws/campaign.yaml:4: 'follow_up_days' must be a whole number of days from 1 to 3,650, "
            "not 999999999 — e.g. follow_up_days: 14 (days after a letter without reply until a follow-up "
            "is due)\n"
        )


SMTP = (
    "smtp:\n  host: smtp.rights.example\n  username: office@rights.example\n  from: office@rights.example\n"
)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "rate_per_minute: 1000000000000",
            "17: rate_per_minute '1000000000000' must be a whole number of e-mails per minute, "
            "from 1 to 60,000 — 20 is a safe rate for most providers",
        ),
        ("rate_per_minute: false", "17: rate_per_minute 'False' must be a whole number"),
        ("port: '²'", "17: SMTP port '²' is not a number from 1 to 65535"),
        ("port: '" + "9" * 5000 + "'", "17: SMTP port '999"),
        ("port: 0x" + "f" * 5000, "17: SMTP port 'a number that long' is not a number from 1 to 65535"),
    ],
)
def test_smtp_numbers_out_of_range_say_the_allowed_range(mini_ws, cli, setting, message):
    mini_ws.write("campaign.yaml", CAMPAIGN + SMTP + "  " + setting + "\n")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert result.err.startswith(f"error: ws/campaign.yaml:{message}")
    assert "Traceback" not in result.err
