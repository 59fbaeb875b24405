"""Letters in other scripts written one after another by the same process (as a batch's
worker writes them) each embed every glyph they show, though font subsets are reused
across letters (core/common/pdf_fonts.py)."""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont
from pdf_helpers import page_texts, undrawable
from pypdf import PdfReader

from campaign_app.core.common.pdf_fonts import _SubsetReusingFace

HEADER = "id,category,honorific,given_name,family_name,gender,country,language,email\n"
NAMES = {
    "a-latin": ("John", "Smith"),
    "b-greek": ("Γιώργος", "Παπαδόπουλος"),
    "c-cyrillic": ("Олена", "Їжакевич"),
    "d-kazakh": ("Әлия", "Қасымқызы"),
}


def _people() -> str:
    rows = [
        f"{rid},mep,,{given},{family},f,DE,en,{rid}@example.org\n" for rid, (given, family) in NAMES.items()
    ]
    return HEADER + "".join(rows)


def _font_programs(pdf: Path) -> dict[str, bytes]:
    """Each embedded font's program (BaseFont -> the FontFile2 stream, decoded)."""
    out = {}
    for font in PdfReader(pdf).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        out[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
    return out


def test_letters_in_other_scripts_after_a_latin_one_embed_every_glyph(mini_ws, cli, tmp_path):
    mini_ws.write("recipients/people.csv", _people())
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "both", "--out", "o")
    assert result.code == 0, result.err
    pdfs = {rid: next((tmp_path / "o").rglob(f"{rid}_*.pdf")) for rid in NAMES}
    for rid, (given, family) in NAMES.items():
        text = "".join(page_texts(pdfs[rid]))
        assert f"{given} {family}" in text, rid
        assert undrawable(pdfs[rid]) == set(), rid

    # The Kazakh letter again, alone, every subset cut afresh: the same font programs.
    _SubsetReusingFace._subset_stream.cache_clear()
    again = cli("generate", "-w", "ws", "-t", "appeal-en", "-q", "Қасымқызы", "-f", "pdf", "--out", "fresh")
    assert again.code == 0, again.err
    fresh = next((tmp_path / "fresh").rglob("d-kazakh_*.pdf"))
    assert _font_programs(fresh) == _font_programs(pdfs["d-kazakh"])


def test_a_reused_subset_is_the_same_font_program_reportlab_makes(mini_ws, cli, tmp_path):
    """Two letters with the same characters share the subset; it decodes to a real font."""
    mini_ws.write("recipients/people.csv", _people())
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "-q", "Smith", "-f", "pdf", "--out", "o").code == 0
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "-q", "Smith", "-f", "pdf", "--out", "p").code == 0
    first, second = (next((tmp_path / d).rglob("*.pdf")) for d in ("o", "p"))
    programs = _font_programs(first)
    assert programs == _font_programs(second)
    for program in programs.values():
        assert TTFont(io.BytesIO(program))["glyf"]  # a font, whole


def test_letters_needing_different_fallback_characters_each_draw_every_glyph(mini_ws, cli, tmp_path):
    """Each letter's words PT Serif lacks are set in a cut of Noto Serif with its own
    characters, also when an earlier letter of the same run had a cut of its own."""
    greek = {
        "g-one": ("Γιώργος", "Παπαδόπουλος"),
        "g-two": ("Ελένη", "Σταθοπούλου"),
        "g-three": ("Ξένια", "Ψυχή"),
    }
    rows = [
        f"{rid},mep,,{given},{family},f,DE,en,{rid}@example.org\n" for rid, (given, family) in greek.items()
    ]
    mini_ws.write("recipients/people.csv", HEADER + "".join(rows))
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "o")
    assert result.code == 0, result.err
    for rid, (given, family) in greek.items():
        pdf = next((tmp_path / "o").rglob(f"{rid}_*.pdf"))
        assert f"{given} {family}" in "".join(page_texts(pdf)), rid
        assert undrawable(pdf) == set(), rid
