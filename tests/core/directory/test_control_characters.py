"""A recipient's value holding a control character (a terminal's escape code, a bell, a
backspace, a bidirectional override) is refused where the directory is read, at its file,
row and column; a field of one line refuses tabs and line breaks too, a field of several
lines (a postal address) keeps them.

"Petrenko <olena.petrenko@europarl.europa.eu>\\x1b[8m" with the e-mail
collector@attacker.example: on a terminal the dry run showed the made-up address and hid
the real one, and the .eml's To: header carried the escape codes.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.common.controls import CONTROL, CONTROL_CODES
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path, flatten
from campaign_app.core.directory import characters
from campaign_app.core.directory.load import load_directory
from campaign_app.core.directory.recipients import ALL_FIELDS, NAME_FIELDS
from campaign_app.core.directory.validation import checked_plain_record, parse_recipient, plain_value_ok

ESC_NAME = "Petrenko <olena.petrenko@europarl.europa.eu>\x1b[8m"


def problems_of(paths) -> list[str]:
    with pytest.raises((UserError, UserErrors)) as caught:
        load_directory(paths)
    return [str(e) for e in flatten(caught.value)]


def test_the_patterns_are_the_one_list_of_control_characters():
    """What the directory refuses and what the command line masks cannot drift apart."""
    codes = set(CONTROL_CODES)
    for code in [*range(0x3000), 0xFEFF, 0xFFFD]:
        char = chr(code)
        assert bool(CONTROL.match(char)) == (code in codes), hex(code)
        assert bool(characters.NOT_IN_A_LINE.match(char)) == (code in codes), hex(code)
        several = code in codes and char not in "\t\n\r"
        assert bool(characters.NOT_IN_LINES.match(char)) == several, hex(code)


@pytest.mark.parametrize("rows", [1, 600], ids=["one row", "column by column"])
def test_an_escape_code_in_a_csv_name_is_refused_at_its_row_and_column(tmp_path, rows):
    path = tmp_path / "meps.csv"
    lines = ["id,category,given_name,family_name,email"]
    lines += [f"m-{i},mep,Anna,Nowak,m{i}@example.org" for i in range(rows - 1)]
    lines.append(f"x1,mep,Olena,{ESC_NAME},collector@attacker.example")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = problems_of([path])
    assert problem == (
        f"{display_path(path)}:{rows + 1}:4: family_name holds an invisible control character "
        "(U+001B, character 45) — remove the character: a terminal or a mail program would obey "
        "it instead of showing it"
    )


def test_a_line_break_is_refused_in_a_name_and_kept_in_a_postal_address(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"id,category,given_name,family_name,postal_address,notes\r\n"
        b'a-1,ngo,Anna,Nowak,"Rue Wiertz 60\r\n1047 Brussels","one\ttab\nand lines"\r\n'  # lines 2-4
        b'a-2,ngo,Anna,"Test\nx2",,\r\n'  # 5-6
        b"a-3,ngo,Bob\tBerg,Berg,,\r\n"  # 7
    )
    problems = problems_of([path])
    assert problems == [
        f"{display_path(path)}:5:4: family_name must be one line, but holds a line break or tab "
        "(U+000A, character 5) — remove the character: only postal_address, addressee, notes, "
        "personal_note may hold several lines",
        f"{display_path(path)}:7:3: given_name must be one line, but holds a line break or tab "
        "(U+0009, character 4) — remove the character: only postal_address, addressee, notes, "
        "personal_note may hold several lines",
    ]
    path.write_bytes(b"\r\n".join(path.read_bytes().split(b"\r\n")[:3]) + b"\r\n")
    (anna,) = load_directory([path])
    assert anna.postal_address == "Rue Wiertz 60\r\n1047 Brussels" and anna.notes == "one\ttab\nand lines"


def test_a_yaml_entry_is_refused_at_each_key_holding_one(tmp_path):
    path = tmp_path / "officials.yaml"
    path.write_text(
        "- id: ua-1\n"  # 1
        '  category: "mep\\x9b"\n'  # 2: a C1 control (CSI), said alone, not "unknown category"
        '  given_name: "Olena\\e[8m"\n'  # 3: an escape code
        "  family_name: Petrenko\n"
        '  position: {en: Head, uk: "Го\\u202Eлова"}\n'  # 5: a right-to-left override, in Ukrainian
        '  postal_address: "Line 1\\nLine 2"\n'
        '  tags: [ok, "b\\a"]\n',  # 7: a bell
        encoding="utf-8",
    )
    shown = display_path(path)
    problems = problems_of([path])
    assert [p.split(" — ")[0] for p in problems] == [
        f"{shown}:2: category holds an invisible control character (U+009B, character 4)",
        f"{shown}:3: given_name holds an invisible control character (U+001B, character 6)",
        f"{shown}:5: position (uk) holds an invisible control character (U+202E, character 3)",
        f"{shown}:7: tags holds an invisible control character (U+0007, character 2)",
    ]


def test_other_problems_of_a_field_holding_one_are_not_said_with_it():
    """Quoting the value ("unknown category 'mep\\x1b[2J'") would print the escape code itself."""
    record = {"id": "x-1", "category": "mep\x1b[2J", "family_name": "Nowak", "email": "a\x07@b.org"}
    recipient, problems = parse_recipient(record, lambda name: Location("p.csv", 2, ALL_FIELDS.index(name)))
    assert recipient is None
    assert [(p.where.column, p.message.split(" holds")[0]) for p in problems if p.where] == [
        (1, "category"),
        (10, "email"),
    ]
    assert not any("\x1b" in str(p) or "\x07" in str(p) for p in problems)


# ---- the fast paths agree with parse_recipient ------------------------------------------------

TEXTS = ["", "Anna", " Nowak ", "mep", "ngo", "DE", "uk", "f", "a.b@example.org", "https://example.org/f"]
TEXTS += ["2024-01-02", "Line 1\nLine 2", "tab\there", "\x1b[8m", "Anna\x1b", "mep\x07", "DE\x08", "x\u202e"]
TEXTS += ["a.b@example.org\x00", "https://example.org/\x1b[8m", "\x85", "one\u2028two", "\x7f", "x\r\ny"]
plain_records = st.dictionaries(st.sampled_from(ALL_FIELDS), st.sampled_from(TEXTS), max_size=10)


def _where(name: str) -> Location:
    return Location("p.csv", 2, ALL_FIELDS.index(name) + 1)


@settings(max_examples=400, deadline=None)
@given(record=plain_records)
def test_checked_plain_record_never_passes_what_parse_recipient_refuses(record):
    checked = checked_plain_record(record)
    recipient, _problems = parse_recipient(record, _where)
    if checked is not None:
        assert recipient is not None
        assert checked == (recipient.id, recipient.email, recipient.country, recipient.language)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(ALL_FIELDS), text=st.sampled_from(TEXTS))
def test_plain_value_ok_never_passes_a_value_parse_recipient_refuses(name, text):
    record = {"id": "x-1", "category": "ngo", "family_name": "Nowak", name: text}
    _recipient, problems = parse_recipient(record, _where)
    refused_here = any(p.where == _where(name) for p in problems)
    if plain_value_ok(name, text.strip()) and name not in ("id", "email", *NAME_FIELDS):
        assert not refused_here, (name, text, problems)
    if not characters.value_ok(name, text.strip()):
        assert refused_here and not plain_value_ok(name, text.strip())


@pytest.mark.parametrize("name", ["family_name", "postal_address"])
def test_refused_rows_finds_each_row_the_slow_check_refuses(name):
    column = ["Anna", "", None, "Line 1\nLine 2", "x\x1b", "Ok", "\u202eevil", "tab\tx"]
    expected = [i for i, text in enumerate(column) if text and not characters.value_ok(name, text)]
    assert characters.refused_rows(name, column) == expected
    assert characters.refused_rows(name, ["Anna", "Bob", None] * 1000) == []
    assert expected and all(re.search(characters.pattern(name), column[i]) for i in expected)


# ---- the line and paragraph separators; what the refusal leaves alone ---------------------

SEPARATOR_HINT = "replace it with an ordinary line break: not every letter or e-mail breaks the line there"


@pytest.mark.parametrize("rows", [1, 600], ids=["one row", "column by column"])
def test_a_line_separator_is_refused_in_a_name_and_in_a_postal_address(tmp_path, rows):
    """U+2028 broke the line in the window's table, cutting the name off there, while the
    letter's paragraph and the e-mail's To: line showed a space."""
    path = tmp_path / "people.csv"
    lines = ["id,category,given_name,family_name,postal_address"]
    lines += [f"m-{i},ngo,Anna,Nowak," for i in range(rows - 1)]
    lines.append("x1,ngo,Olena,Petrenko\u2028collector@attacker.example,")
    lines.append("x2,ngo,Anna,Nowak,Rue Wiertz 60\u20291047 Brussels")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems_of([path]) == [
        f"{display_path(path)}:{rows + 1}:4: family_name must be one line, but holds a line break or tab "
        "(U+2028, character 9) — remove the character: only postal_address, addressee, notes, "
        "personal_note may hold several lines",
        f"{display_path(path)}:{rows + 2}:5: postal_address holds a Unicode line separator "
        f"(U+2029, character 14) — {SEPARATOR_HINT}",
    ]


# Names as their scripts write them: the marks, joiners, soft hyphen and no-break space they
# may hold show no letter in another place, and are kept.
LEGITIMATE_NAMES = [
    "Жанара Ахметова",  # Cyrillic
    "Қасым-Жомарт Тоқаев",  # Kazakh
    "\u200fد. سارة (القاهرة)",  # Arabic, a right-to-left mark before it
    "\u061cعلي 2",  # Arabic letter mark
    "דוד כהן\u200e",  # Hebrew, a left-to-right mark after it
    "علی\u200cاکبر",  # Persian: a zero-width non-joiner inside the name
    "ශ්\u200dරී ලංකා",  # Sinhala: a zero-width joiner
    "Juknevi\u00adčienė",  # a soft hyphen
    "von\u00a0der Leyen",  # a no-break space
]


def test_only_the_separator_is_refused_among_names_in_every_script(tmp_path):
    path = tmp_path / "names.csv"
    lines = ["id,category,family_name,position"]
    lines += [f"n-{i},ngo,{name},{name}" for i, name in enumerate(LEGITIMATE_NAMES)]
    lines.append("n-x,ngo,Anna\u2028Nowak,Head")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (problem,) = problems_of([path])
    assert problem.startswith(
        f"{display_path(path)}:{len(LEGITIMATE_NAMES) + 2}:3: family_name must be one line, but holds "
        "a line break or tab (U+2028, character 5)"
    )
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert [r.family_name for r in load_directory([path])] == LEGITIMATE_NAMES


def test_a_yaml_entry_is_refused_at_its_paragraph_separator(tmp_path):
    path = tmp_path / "officials.yaml"
    path.write_text(
        "- id: ua-1\n"
        "  category: national_official\n"
        '  position: {en: Head, uk: "Голова\\u2029служби"}\n'  # 3
        '  addressee: {uk: "Голові\\nслужби\\u2028пану"}\n',  # 4
        encoding="utf-8",
    )
    shown = display_path(path)
    assert problems_of([path]) == [
        f"{shown}:3: position (uk) must be one line, but holds a line break or tab (U+2029, character 7) "
        "— remove the character: only postal_address, addressee, notes, personal_note may hold several lines",
        f"{shown}:4: addressee (uk) holds a Unicode line separator (U+2028, character 14) — {SEPARATOR_HINT}",
    ]
