"""The work reused between letters of one process (core/common/reuse.py: parsed paragraphs,
line breaks, font subsets and their tables, the DOCX parts shared by many letters) changes
nothing: every letter is the same PDF, byte for byte, and the same DOCX, part for part, as
the letter written from scratch, in every language and script, the first time a process
writes it and again when everything it needs was made for earlier letters."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from pdf_helpers import page_texts
from reportlab import rl_config

from campaign_app.core.campaign.generate import select_recipients
from campaign_app.core.campaign.letter_files import LetterFiles, letter_bytes
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common import reuse
from campaign_app.core.common.errors import UserError

HEADER = "id,category,honorific,given_name,family_name,gender,country,language,email\n"
NAMES = {
    "a-latin": ("John", "Smith"),
    "b-greek": ("Γιώργος", "Παπαδόπουλος"),
    "c-cyrillic": ("Олена", "Їжакевич"),
    "d-kazakh": ("Әлия", "Қасымқызы"),
    "e-latin": ("Marie", "Dubois"),
}
# The dates python-docx stamps on a DOCX as it is written: the only words that may differ.
_STAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


@pytest.fixture(autouse=True)
def _invariant_pdf(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in a PDF


def docx_parts(data: bytes) -> dict[str, bytes]:
    """Every part of a DOCX, unzipped, in the zip's order (its stamped dates left out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {name: _STAMPS.sub(b"", zf.read(name)) for name in zf.namelist()}


def docx_words(data: bytes) -> list[tuple[str, str]]:
    """Each paragraph's style and text, as Word shows them."""
    return [(p.style.name, p.text) for p in Document(io.BytesIO(data)).paragraphs]


def _write(files: LetterFiles, recipients: list) -> list[tuple[bytes, bytes]]:
    return [tuple(letter_bytes(files.render(r), fmt) for fmt in ("pdf", "docx")) for r in recipients]


def assert_same_letters(
    reused: list[tuple[bytes, bytes]], fresh: list[tuple[bytes, bytes]], who: list
) -> None:
    assert len(reused) == len(fresh) == len(who)
    for (pdf, docx), (plain_pdf, plain_docx), recipient in zip(reused, fresh, who, strict=True):
        assert page_texts(pdf) == page_texts(plain_pdf), recipient.id
        assert pdf == plain_pdf, recipient.id  # the same layout, fonts and subsets
        assert docx_words(docx) == docx_words(plain_docx), recipient.id
        assert docx_parts(docx) == docx_parts(plain_docx), recipient.id


def test_letters_in_four_scripts_are_the_same_with_and_without_reuse(mini_ws, tmp_path):
    mini_ws.write(
        "recipients/people.csv",
        HEADER + "".join(f"{rid},mep,,{g},{f},f,DE,en,{rid}@example.org\n" for rid, (g, f) in NAMES.items()),
    )
    ws = Workspace(mini_ws.root)
    for template_id in ("appeal-en", "appeal-uk"):
        files = LetterFiles(ws, template_id, tmp_path / "out")
        people = sorted((r for r in ws.directory if r.id in NAMES), key=lambda r: r.id)
        with reuse.plain():
            fresh = _write(files, people)
        first = _write(files, people)  # each letter reuses what its predecessors made
        again = _write(files, people)  # and what it made itself
        assert_same_letters(first, fresh, people)
        assert_same_letters(again, fresh, people)
        text = "".join(page_texts(first[3][0]))
        assert "Әлия Қасымқызы" in text  # the Kazakh letter, as written


def test_every_example_letter_is_the_same_with_and_without_reuse(cli, tmp_path):
    assert cli("init", "campaign").code == 0
    ws = Workspace(tmp_path / "campaign")
    written = 0
    languages = set()
    for template_id in sorted(ws.templates):
        try:
            recipients = select_recipients(ws, template_id, None)[:3]
        except UserError:
            continue  # nobody this template writes to in the example
        files = LetterFiles(ws, template_id, tmp_path / "o")
        with reuse.plain():
            fresh = _write(files, recipients)
        assert_same_letters(_write(files, recipients), fresh, recipients)
        assert_same_letters(_write(files, recipients), fresh, recipients)
        written += len(recipients)
        languages.add(files.template.language)
    assert written >= 6 and len(languages) >= 2, (written, languages)


def test_reuse_is_on_outside_the_plain_block():
    assert reuse.enabled()
    with reuse.plain():
        assert not reuse.enabled()
    assert reuse.enabled()


def test_letters_on_either_paper_are_the_same_with_and_without_reuse(cli, tmp_path):
    """The DOCX's page is set once per paper (docx/writer.py), its core properties once per
    set of words: a letter on Letter paper after one on A4, and back, keeps its own page."""
    assert cli("init", "campaign").code == 0
    ws = Workspace(tmp_path / "campaign")
    recipients = select_recipients(ws, "mep-appeal-en", None)[:2]
    widths = {"A4": 210, "Letter": 216}  # mm
    for paper in ("A4", "Letter", "A4", "Letter"):
        files = LetterFiles(ws, "mep-appeal-en", tmp_path / "o", paper)
        with reuse.plain():
            fresh = _write(files, recipients)
        reused = _write(files, recipients)
        assert_same_letters(reused, fresh, recipients)
        for _pdf, docx in reused:
            section = Document(io.BytesIO(docx)).sections[0]
            assert round(section.page_width.mm) == widths[paper], paper
            assert round(section.top_margin.mm) == 20, paper
