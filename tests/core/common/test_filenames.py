"""File names from recipients' names are safe on Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign_app.core.common.filenames import letter_file, letter_folder, letter_path, safe_component

WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def assert_portable(name: str) -> None:
    assert name and name not in (".", "..")
    assert not (set(name) & WINDOWS_FORBIDDEN)
    assert not name.endswith((".", " "))
    assert name.split(".")[0].upper() not in RESERVED
    assert len(name.encode("utf-8")) <= 255
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert(1)--script"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Жанара Ахметова", "Жанара_Ахметова"),
        ("Róża Thun und Hohenstein", "Róża_Thun_und_Hohenstein"),
        ("   ...   ", "letter"),
    ],
)
def test_known_hostile_names(name, expected):
    assert safe_component(name) == expected
    assert_portable(safe_component(name))


@given(st.text(max_size=300))
def test_any_name_gives_a_portable_component(name):
    assert_portable(safe_component(name))


@given(st.text(max_size=120), st.text(max_size=120))
def test_letter_paths_stay_inside_the_output_folder(tmp_path_factory, rid, name):
    out = tmp_path_factory.getbasetemp() / "out"
    path = letter_path(out, "appeal", rid, name, "pdf")
    assert out.resolve() in path.resolve().parents
    assert path.suffix == ".pdf"
    assert_portable(path.name)
    assert path.parent == out / "appeal"


def test_letter_file_name_holds_id_and_name():
    path = letter_path(Path("/tmp/out"), "mep-appeal-en", "mep-103746", "Michal Šimečka", "pdf")
    assert path.name == "mep-103746_Michal_Šimečka.pdf"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (("a.", "Anna Bee"), ("a", "Anna Bee")),  # the trailing dot is dropped from the file name
        (("a_b", "Anna Bee"), ("a", "b Anna Bee")),  # "_" also separates the id from the name
        (("Ab", "Anna Bee"), ("ab", "Anna Bee")),  # one file on a case-insensitive disk
        (("o'brien", "Sean O'Brien"), ("o-brien", "Sean O'Brien")),
        (("a..b", "Anna Bee"), ("a.b", "Anna Bee")),
    ],
)
def test_ids_that_differ_only_in_punctuation_or_case_get_their_own_files(one, other):
    out = Path("/tmp/out")
    first = letter_path(out, "appeal", one[0], one[1], "pdf")
    second = letter_path(out, "appeal", other[0], other[1], "pdf")
    assert first.name.lower() != second.name.lower()
    assert_portable(first.name) and assert_portable(second.name)


@given(
    st.lists(
        st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._'-]{0,12}", fullmatch=True),
        min_size=2,
        max_size=6,
        unique=True,
    )
)
def test_distinct_recipient_ids_never_share_a_letter_file(ids):
    out = Path("/tmp/out")
    names = {letter_path(out, "appeal", rid, "Same Name", "pdf").name.lower() for rid in ids}
    assert len(names) == len(ids)


def test_a_template_called_sent_does_not_write_among_the_kept_letters():
    path = letter_path(Path("/tmp/out"), "sent", "mep-1", "Anna Bee", "pdf")
    assert path.parent.name != "sent"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # e-mailed to the ministry as the attachment's name: no word cut in half, no comma left
        ("Міністр юстиції України, Міністерство юстиції України", "ua-min_Міністр_юстиції_України.pdf"),
        ("Генеральний прокурор, Офіс Генерального прокурора", "ua-min_Генеральний_прокурор,_Офіс.pdf"),
        ("Rasa Juknevičienė", "ua-min_Rasa_Juknevičienė.pdf"),  # short names as they are
    ],
)
def test_a_long_name_is_shortened_at_the_end_of_a_word(tmp_path, name, expected):
    assert letter_path(tmp_path, "t", "ua-min", name, "pdf").name == expected


def test_a_name_of_one_long_word_is_still_shortened_to_fit(tmp_path):
    stem = letter_path(tmp_path, "t", "x", "Ж" * 200, "pdf").stem
    assert stem.startswith("x_Ж") and len(stem.encode("utf-8")) <= 2 + 60


def test_a_letter_file_is_the_letter_path_in_its_checked_folder(tmp_path):
    folder = letter_folder(tmp_path, "mep-appeal-en")
    assert folder == tmp_path / "mep-appeal-en"
    assert letter_file(folder, "mep-103746", "Michal Šimečka", "pdf") == letter_path(
        tmp_path, "mep-appeal-en", "mep-103746", "Michal Šimečka", "pdf"
    )
