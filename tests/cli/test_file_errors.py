"""Files a campaigner got wrong: a stray non-UTF-8 byte, a case outside the workspace, a password.

Each is one ``error: <file>:<line>…: … — advice`` line and exit 1; a password written into
campaign.yaml is refused by every command that reads the file, and never repeated.
"""

from __future__ import annotations

import errno
import os

import pytest
from conftest import CAMPAIGN, CASE, OFFICIALS_YAML, TEMPLATE_EN

from campaign_app.core.campaign.edit import read_form
from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.template_text import scan_templates


def problem_lines(result) -> list[str]:
    assert "Traceback" not in result.err, result.err
    assert result.code == 1, (result.code, result.out, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    for line in lines:
        assert line.startswith("error: ") and " — " in line, line
    return lines


def line_number(text: str, needle: str) -> int:
    (number,) = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return number


SMTP = "smtp:\n  host: smtp.example.org\n  username: me@example.org\n"

# ---- a byte that is not UTF-8, in every YAML file ----------------------------------------

ONE_BAD_BYTE = [
    # (file, its text, a word in it, the word with a letter that is written as one Windows-1252 byte)
    ("campaign.yaml", CAMPAIGN + SMTP, "Anna Smith", "Anna Müller"),
    ("cases/test-case.yaml", CASE, "Court register", "Court régister"),
    ("recipients/officials.yaml", OFFICIALS_YAML, "Zelenskyy", "Zelenskÿ"),
    ("letter_templates/appeal-en.md", TEMPLATE_EN, "who faces extradition", "who façes extradition"),
]
COMMANDS_READING_ALL = {
    "check": ["check", "-w", "ws"],
    "generate": ["generate", "-w", "ws", "--template", "appeal-en", "--out", "out"],
    "send": ["send", "-w", "ws", "--template", "appeal-en", "--dry-run"],
}


def _write_with_one_windows_1252_letter(path, text: str, word: str, changed: str) -> tuple[int, int]:
    """Write ``text`` as UTF-8 except ``changed`` (one accented letter in Windows-1252); return
    the line and column of that letter."""
    text = text.replace(word, changed, 1)
    data = text.encode("utf-8").replace(changed.encode("utf-8"), changed.encode("cp1252"), 1)
    path.write_bytes(data)
    line = line_number(text, changed)
    row = text.splitlines()[line - 1]
    letter = next(i for i, c in enumerate(changed) if not c.isascii())
    return line, row.index(changed) + letter + 1


@pytest.mark.parametrize(
    ("relative", "text", "word", "changed", "command"),
    [
        pytest.param(
            *bad,
            command,
            id=f"{command}-{bad[0]}",
        )
        for bad in ONE_BAD_BYTE
        for command in COMMANDS_READING_ALL
    ],
)
def test_a_windows_1252_letter_in_a_utf8_file_names_line_and_column(
    mini_ws, cli, relative, text, word, changed, command
):
    mini_ws.write("campaign.yaml", CAMPAIGN + SMTP)  # send reads its smtp section first
    line, column = _write_with_one_windows_1252_letter(mini_ws.root / relative, text, word, changed)
    (problem,) = problem_lines(cli(*COMMANDS_READING_ALL[command]))
    assert problem.startswith(f"error: ws/{relative}:{line}:{column}: file is "), problem
    if relative.endswith(".md"):  # nothing else in it is beyond ASCII: all of it reads as Windows-1252
        assert "file is encoded as Windows-1252, not UTF-8" in problem, problem
    else:  # the rest is UTF-8: this one letter is not
        assert "file is not valid UTF-8" in problem and "in Windows-1252" in problem, problem
        assert "retype the character" in problem, problem
    assert "save it with the encoding UTF-8 in your text editor" in problem, problem


@pytest.mark.parametrize(("codec", "name"), [("cp1251", "Windows-1251"), ("koi8_u", "KOI8-U")])
def test_a_file_saved_in_a_cyrillic_code_page_is_called_by_its_name(mini_ws, cli, monkeypatch, codec, name):
    """A Ukrainian campaign.yaml saved by Notepad on a Ukrainian Windows was said to be
    "encoded as Windows-1252": the volunteer looks for that setting and does not find it."""
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    (mini_ws.root / "campaign.yaml").write_bytes(f"# Кампанія проти екстрадиції\n{text}".encode(codec))
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("check", "-w", "ws")
    assert result.code == 1 and "Traceback" not in result.err
    (problem,) = [line for line in result.err.splitlines() if line.strip()]
    assert problem.startswith(f"помилка: ws/campaign.yaml:1:3: файл у кодуванні {name}, а не UTF-8"), problem
    assert "text editor" not in problem and "UTF-8" in problem.split(" — ")[1], (
        problem
    )  # the advice translated too


def test_a_template_saved_as_windows_1252_is_not_sent_to_a_spreadsheet_program(mini_ws, cli):
    (mini_ws.root / "letter_templates/appeal-en.md").write_bytes(
        TEMPLATE_EN.replace("title: Appeal", "title: Appèl").encode("cp1252")
    )
    (problem,) = problem_lines(cli("check", "-w", "ws"))
    assert problem.startswith("error: ws/letter_templates/appeal-en.md:3:11: file is encoded as Windows-1252")
    assert "text editor" in problem and "spreadsheet" not in problem, problem


def test_the_desktop_editors_report_a_bad_byte_at_its_line(mini_ws):
    """The Case tab, the Settings tab and the template editor read the files themselves."""
    bad = [
        ("cases/test-case.yaml", CASE, "Court register", "Court régister", CaseDocument.load),
        ("campaign.yaml", CAMPAIGN, "Anna Smith", "Anna Müller", read_form),
        (
            "letter_templates/appeal-en.md",
            TEMPLATE_EN,
            "who faces",
            "who façes",
            lambda p: (_ for _ in ()).throw(*scan_templates([p])[0].errors),
        ),
    ]
    for relative, text, word, changed, reader in bad:
        path = mini_ws.root / relative
        line, column = _write_with_one_windows_1252_letter(path, text, word, changed)
        with pytest.raises(UserError) as caught:
            reader(path)
        assert str(caught.value.where) == f"{path}:{line}:{column}", str(caught.value)
        assert "UTF-8" in caught.value.message and "Windows-1252" in caught.value.message


# ---- case: stays inside the workspace ----------------------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "../other/x",
        "sub/../../x",
        "..",
        ".hidden",
        "C:\\\\x",
        "a\\\\..\\\\b",
    ],
)
@pytest.mark.parametrize("command", ["check", "generate"])
def test_case_outside_the_cases_folder_is_refused_at_its_line(mini_ws, cli, tmp_path, case, command):
    outside = tmp_path / "other"
    outside.mkdir()
    (outside / "x.yaml").write_text(CASE, encoding="utf-8")  # a valid case file it must not read
    text = CAMPAIGN.replace("case: test-case", f'case: "{case}"')
    mini_ws.write("campaign.yaml", text)
    args = ["check", "-w", "ws"] if command == "check" else ["generate", "-w", "ws", "-t", "appeal-en"]
    (problem,) = problem_lines(cli(*args))
    line = line_number(text, "case:")
    assert problem.startswith(
        f"error: ws/campaign.yaml:{line}: 'case' must be the name of a file in the cases/"
    ), problem
    assert "write its name without folder" in problem


def test_a_case_name_without_its_file_names_the_case_line(mini_ws, cli):
    text = CAMPAIGN.replace("case: test-case", "case: no-such-case")
    mini_ws.write("campaign.yaml", text)
    (problem,) = problem_lines(cli("check", "-w", "ws"))
    assert problem.startswith(
        f"error: ws/campaign.yaml:{line_number(text, 'case:')}: case file cases/no-such-case"
    )


# ---- a password in campaign.yaml ---------------------------------------------------------

SECRET = "Tr0ub4dor&3-секрет"
SMTP_PASSWORD = "campaign.yaml must not contain the SMTP password"
A_PASSWORD = "campaign.yaml must not contain a password"
PASSWORDS = {  # the file as written, and whose password the message says it is
    "top level": (CAMPAIGN + f"password: {SECRET}\n", A_PASSWORD),
    "under smtp": (CAMPAIGN + SMTP + f"  password: {SECRET}\n", SMTP_PASSWORD),
    "quoted, under smtp": (CAMPAIGN + SMTP + f'  password: "{SECRET}"\n', SMTP_PASSWORD),
    "under sender": (
        CAMPAIGN.replace("  email: office@", f"  password: {SECRET}\n  email: office@"),
        A_PASSWORD,
    ),
    "a list": (CAMPAIGN + SMTP + f"  password: [{SECRET}]\n", SMTP_PASSWORD),
    "under inbox": (
        CAMPAIGN + f"inbox:\n  host: imap.example.org\n  username: me\n  password: {SECRET}\n",
        "campaign.yaml must not contain the inbox's password",
    ),
}
COMMANDS = {
    "check": ["check", "-w", "ws"],
    "generate": ["generate", "-w", "ws", "-t", "appeal-en", "--out", "out"],
    "send --dry-run": ["send", "-w", "ws", "-t", "appeal-en", "--dry-run"],
    "log report": ["log", "report", "-w", "ws", "report.pdf"],
}


@pytest.mark.parametrize(("text", "message"), PASSWORDS.values(), ids=PASSWORDS.keys())
@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_password_in_campaign_yaml_is_refused_by_every_command_and_never_repeated(
    mini_ws, cli, text, message, args
):
    """Whose password it is, said right: an inbox's password was called the SMTP password,
    and told to write 'password: ask' under smtp:, which an inbox does not read."""
    mini_ws.write("campaign.yaml", text)
    result = cli(*args)
    assert SECRET not in result.out + result.err
    assert SECRET[:6] not in result.out + result.err
    lines = problem_lines(result)
    expected = f"error: ws/campaign.yaml:{line_number(text, 'password:')}: {message}"
    assert lines.count(next((x for x in lines if x.startswith(expected)), "")) == 1, lines
    assert ("under 'smtp:'" in result.err) == (message == SMTP_PASSWORD)
    assert "delete that line" in result.err and "keyring" in result.err


def test_password_ask_is_a_choice_not_a_password(mini_ws, cli):
    mini_ws.write("campaign.yaml", CAMPAIGN + SMTP + "  password: ask\n")
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err


# ---- a recipients file that cannot be read ------------------------------------------------


@pytest.mark.parametrize("command", [("check",), ("recipients", "list"), ("generate", "-t", "appeal-en")])
def test_a_recipients_file_that_cannot_be_read_is_named_not_passed_over(mini_ws, cli, command):
    """A link to a file that is gone (a shared drive not mounted), a folder named like a
    file: said, never skipped without a word (their recipients would be left out of every
    audience, and a send would go to the others as if nothing were missing)."""
    if not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    os.symlink(mini_ws.root / "elsewhere" / "meps.csv", mini_ws.root / "recipients" / "shared.csv")
    (mini_ws.root / "recipients" / "old.yaml").mkdir()
    lines = problem_lines(cli(*command, "-w", mini_ws.root))
    # The system's own words, in the language the process reads them in (a test before this
    # one in the same process may have left it another language than English).
    assert lines == [
        f"error: ws/recipients/old.yaml: cannot read file: {os.strerror(errno.EISDIR)}"
        " — restore the file, or move it out of the recipients folder",
        f"error: ws/recipients/shared.csv: cannot read file: {os.strerror(errno.ENOENT)}"
        " — restore the file, or move it out of the recipients folder",
    ]


@pytest.mark.parametrize("command", [("check",), ("recipients", "list"), ("generate", "-t", "appeal-en")])
def test_the_files_excel_and_macos_leave_beside_a_spreadsheet_are_not_read(mini_ws, cli, command):
    """While people.csv is open in Excel, ~$people.csv sits beside it (a few binary bytes);
    a Mac writes ._people.csv on a shared drive. Neither is a directory file: reading them
    stopped every command with control characters on the terminal."""
    (mini_ws.root / "recipients" / "~$people.csv").write_bytes(b"\x04Anna\x00\x00\x00\x00\x00\x00\x00\x00")
    (mini_ws.root / "recipients" / "._people.csv").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    result = cli(*command, "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "~$" not in result.out + result.err and "._people" not in result.out + result.err


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ("\ufeffid,category,given_name\n".encode("utf-16-le"), "a text file encoded as UTF-16, not UTF-8"),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x9c\x8d",
            "an Excel workbook (or another zipped document)",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x8d\x90", "an old Excel or Word document (.xls, .doc)"),
    ],
)
def test_a_recipients_file_that_is_not_utf8_text_says_what_it_is(mini_ws, cli, data, what):
    """A workbook saved as people.csv was "not valid UTF-8 (byte 0x8D) — retype the
    character", and a UTF-16 file "Windows-1252": advice that cannot work."""
    (mini_ws.root / "recipients" / "people.csv").write_bytes(data)
    (line,) = problem_lines(cli("check", "-w", mini_ws.root))
    assert line.startswith(f"error: ws/recipients/people.csv: this is {what}"), line
    assert "save it as 'CSV UTF-8'" in line


def test_a_spreadsheet_dropped_into_recipients_is_named_as_not_read(mini_ws, cli):
    """people.xlsx in recipients/ was passed over without a word: its recipients were in
    no audience, and check said all was well."""
    (mini_ws.root / "recipients" / "ministers.xlsx").write_bytes(b"PK\x03\x04 workbook")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert (
        "warning: ws/recipients/ministers.xlsx: not read, the directory reads .csv and .yaml files"
        in result.out
    )
    assert "import it (campaign-app recipients import FILE)" in result.out


def test_a_key_written_twice_is_named_without_repeating_either_value(mini_ws, cli):
    """YAML's own words for a key written twice repeat both values: the second 'smtp:'
    section's password was printed to the terminal (and into whatever chat the message
    was pasted to)."""
    campaign = mini_ws.root / "campaign.yaml"
    text = campaign.read_text() + "smtp:\n  host: smtp.example.org\nsmtp:\n  host: smtp.example.org\n"
    text += "  password: hunter2-secret\n"
    campaign.write_text(text)
    second = len(text.splitlines()) - 2
    (line,) = problem_lines(cli("check", "-w", mini_ws.root))
    assert "hunter2" not in line
    assert line == (
        f"error: ws/campaign.yaml:{second}:1: the key 'smtp' appears twice in the same part of the file"
        " — keep one of them, with everything under both"
    )


def test_an_output_file_named_like_a_folder_says_so_and_what_to_give(mini_ws, cli, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    calendar = cli("case", "calendar", folder, "-w", mini_ws.root)
    assert calendar.code == 1
    assert "exports: cannot write the file: a folder has this name — give a file name, e.g. " in calendar.err
    (mini_ws.root / "out" / "manifest.json").mkdir(parents=True)
    generate = cli("generate", "-w", mini_ws.root, "--template", "appeal-en")
    assert generate.code == 1 and "Traceback" not in generate.err
    assert (
        f"manifest.json: cannot read the manifest ({os.strerror(errno.EISDIR)}) — move it aside"
        in generate.err
    )
