"""The PDF letters of the bundled example, read page by page as an official's office would."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader


def page_texts(pdf: Path) -> list[str]:
    return [unicodedata.normalize("NFC", p.extract_text() or "") for p in PdfReader(pdf).pages]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def example(cli, tmp_path):
    assert cli("init", "campaign").code == 0
    return tmp_path / "campaign"


def generate(cli, tmp_path: Path, template: str, query: str, *, workspace: str = "campaign") -> Path:
    result = cli("generate", "-w", workspace, "-t", template, "-q", query, "-f", "pdf", "--out", "o")
    assert result.code == 0, result.err
    return next((tmp_path / "o").rglob("*.pdf"))


def test_footnote_links_go_to_the_page_that_lists_the_sources(cli, example, tmp_path):
    pdf = generate(cli, tmp_path, "thank-you-en", "juknev")
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    assert len(texts) >= 2
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            dest = annot.get_object().get("/Dest")
            if dest is not None:
                targets.append(reader.get_page_number(dest[0].get_object()))
    assert len(targets) >= 4  # the references 1-4 in the body
    sources_page = next(i for i, t in enumerate(texts) if "Sources" in t)
    assert sources_page > 0
    assert set(targets) == {sources_page}, f"links go to pages {sorted(set(targets))}"


def test_closing_and_signature_share_the_page_with_the_last_lines_of_the_body(cli, example, tmp_path):
    pdf = generate(cli, tmp_path, "thank-you-en", "juknev")
    texts = [one_line(t) for t in page_texts(pdf)]
    page = next(i for i, t in enumerate(texts) if "Yours sincerely," in t)
    text = texts[page]
    assert "Jane Example" in text
    before = text.split("Yours sincerely,")[0]
    # the body's last words are on this page, before the closing
    assert "thank you once more for your solidarity." in before


def test_page_numbers_on_two_page_letters_only(cli, example, tmp_path):
    pdf = generate(cli, tmp_path, "thank-you-en", "juknev")
    texts = page_texts(pdf)
    n = len(texts)
    assert n == 2
    for i, text in enumerate(texts, start=1):
        assert f"{i} / {n}" in text


def test_metadata_is_the_subject_and_the_sender_never_the_template_title(cli, example, tmp_path):
    pdf = generate(cli, tmp_path, "thank-you-en", "juknev")
    meta = PdfReader(pdf).metadata
    subject = "Thank you for your support for Zhanara Akhmetova: an update on her case"
    assert meta["/Title"] == subject
    assert meta["/Author"] == "Example Human Rights Network"
    internal = ("Thank-you letter to a Member", "thank-you-en", "akhmetova-extradition")
    for value in meta.values():
        assert not any(word in str(value) for word in internal), value


def test_example_letters_say_example_on_every_page(cli, example, tmp_path):
    pdf = generate(cli, tmp_path, "thank-you-en", "juknev")
    texts = page_texts(pdf)
    assert len(texts) >= 2
    for text in texts:
        assert "EXAMPLE" in text
        assert "not a real appeal" in text


UK_CAPTION = (
    "ЗРАЗОК — лист від вигаданого відправника вбудованої прикладної кампанії; це не справжнє звернення"
)


def test_a_ukrainian_example_letter_says_so_in_ukrainian_on_every_page(cli, example, tmp_path):
    """A Ukrainian official holding a printed example letter read its mark in English."""
    pdf = generate(cli, tmp_path, "ukraine-official-appeal-uk", "ua-president")
    texts = [one_line(t) for t in page_texts(pdf)]
    assert len(texts) >= 2
    for text in texts:
        assert UK_CAPTION in text
        assert text.count("ЗРАЗОК") == 2  # the caption's and the word across the page
        assert "EXAMPLE" not in text and "not a real appeal" not in text


def test_letters_of_a_real_sender_carry_no_example_mark(cli, mini_ws, tmp_path):
    pdf = generate(cli, tmp_path, "appeal-en", "simecka", workspace="ws")
    for text in page_texts(pdf):
        assert "EXAMPLE" not in text and "not a real appeal" not in text
    assert "1 / 1" not in page_texts(pdf)[0]


@pytest.mark.parametrize("template", ["ukraine-official-appeal-uk", "thank-you-en"])
def test_embedded_fonts_draw_every_character_of_the_text(cli, example, tmp_path, template):
    from pdf_helpers import undrawable

    result = cli("generate", "-w", "campaign", "-t", template, "-f", "pdf", "--out", "o")
    assert result.code == 0, result.err
    for pdf in (tmp_path / "o").rglob("*.pdf"):
        assert undrawable(pdf) == set(), pdf.name
