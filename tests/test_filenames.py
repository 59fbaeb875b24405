"""File names from recipients' names are safe on Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign_app.core.filenames import letter_path, safe_component

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
