"""Every glyph, or a clear error: a Greek MEP's name prints in Greek letters, and a
character no letter font has is an error naming the recipient, the field and the character."""

from __future__ import annotations

from pathlib import Path

from conftest import PEOPLE_CSV
from pdf_helpers import page_texts, undrawable

GREEK_ROW = (
    "mep-gr,mep,Mr,Γιώργος,Παπαδόπουλος,m,Member of the European Parliament,European Parliament,"
    "GR,en,giorgos.papadopoulos@europarl.europa.eu,\n"
)
# U+16A0 RUNIC LETTER FEHU: in neither PT Serif nor Noto Serif.
RUNIC_ROW = "mep-rune,mep,Ms,Ingrid,Bjᚠrk,f,Member of the European Parliament,European Parliament,SE,en,,\n"


def test_a_greek_name_is_set_in_greek_letters_in_pdf(cli, mini_ws, tmp_path: Path):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + GREEK_ROW)
    assert cli("check", "-w", "ws").code == 0
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-q", "Παπαδόπουλος", "-f", "pdf", "--out", "o")
    assert result.code == 0, result.err
    pdf = next((tmp_path / "o").rglob("*.pdf"))
    text = "\n".join(page_texts(pdf))
    assert "Mr Γιώργος Παπαδόπουλος" in text
    assert "Dear Mr Papadopoulos" in text or "Παπαδόπουλος," in text
    assert undrawable(pdf) == set()


def test_a_character_no_font_has_is_an_error_naming_recipient_field_and_character(cli, mini_ws, tmp_path):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + RUNIC_ROW)
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "Traceback" not in result.err
    line = next(ln for ln in result.err.splitlines() if "U+16A0" in ln)
    assert line.startswith("error: ws/recipients/people.csv:5")
    assert "recipient 'mep-rune'" in line
    assert "family_name" in line
    assert "'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F)" in line
    assert "no glyph" in line
    # generate writes the others and refuses this one with the same words, never a box
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-f", "pdf", "--out", "o")
    assert result.code == 1
    assert "U+16A0" in result.err and "mep-rune" in result.err
    written = sorted(p.name for p in (tmp_path / "o").rglob("*.pdf"))
    assert len(written) == 2 and not any("Bj" in name for name in written)


def test_a_character_from_the_template_is_named_at_its_line(cli, mini_ws):
    path = mini_ws.root / "letter_templates" / "appeal-en.md"
    text = path.read_text(encoding="utf-8").replace("who faces extradition.", "who faces extradition ᚠ.")
    path.write_text(text, encoding="utf-8")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    line = next(ln for ln in result.err.splitlines() if "U+16A0" in ln)
    assert line.startswith("error: ws/letter_templates/appeal-en.md:8: letter to recipient 'mep-1'")
    assert "in the body of the letter has no glyph" in line
