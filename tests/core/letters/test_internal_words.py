"""No internal words in letters: the campaign's own remarks (a source's note, a recipient's
notes, a template's title and ids) never reach a letter, checked on the bundled example."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pdf_helpers import page_texts
from pypdf import PdfReader
from ruamel.yaml import YAML


@pytest.fixture
def example(cli, tmp_path):
    assert cli("init", "campaign").code == 0
    return tmp_path / "campaign"


def internal_words(example: Path) -> set[str]:
    """The remarks and names the campaign keeps for itself."""
    yaml = YAML(typ="safe")
    case = yaml.load((example / "cases" / "akhmetova-extradition.yaml").read_text(encoding="utf-8"))
    words = {case["id"]}
    for source in case["sources"]:
        note = source.get("note")
        words |= set(note.values()) if isinstance(note, dict) else {note} if note else set()
    for template in (example / "letter_templates").glob("*.md"):
        front = template.read_text(encoding="utf-8").split("---")[1]
        meta = yaml.load(front)
        words |= {meta["title"], meta["id"]}
    words |= {"title shortened", "назву скорочено", "cited for"}
    return words


def docx_text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as zf:
        xml = " ".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xml"))
    return re.sub(r"<[^>]+>", "", xml)


def test_the_example_case_keeps_its_remarks_as_notes(example):
    words = internal_words(example)
    assert "title shortened as in the URL" in words  # the remark is still in the case file


def test_no_remark_template_title_or_id_in_any_example_letter(cli, example, tmp_path):
    for template in sorted(p.stem for p in (example / "letter_templates").glob("*.md")):
        result = cli("generate", "-w", "campaign", "-t", template, "-f", "both", "--out", "o")
        assert result.code == 0, result.err
    words = internal_words(example)
    pdfs = list((tmp_path / "o").rglob("*.pdf"))
    docxs = list((tmp_path / "o").rglob("*.docx"))
    assert len(pdfs) >= 40 and len(docxs) == len(pdfs)
    cited = False
    for pdf in pdfs:
        text = " ".join(" ".join(page_texts(pdf)).split())
        meta = " ".join(str(v) for v in (PdfReader(pdf).metadata or {}).values())
        cited |= "Chairman Hastings urges Ukraine" in text
        for word in words:
            assert word not in text, f"{pdf.name}: {word!r} in the letter"
            assert word not in meta, f"{pdf.name}: {word!r} in the metadata"
    assert cited  # the source whose remark used to leak is cited
    for docx in docxs:
        text = docx_text(docx)
        for word in words:
            assert word not in text, f"{docx.name}: {word!r} in the document"


def test_a_template_cannot_print_a_recipients_notes(cli, mini_ws):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: Appeal\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "Dear colleague, {{ recipient.notes }}\n",
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert (
        "letter_templates/appeal-en.md:8: unknown name: recipient.notes are the campaign's own notes: "
        "they never go into a letter" in result.err
    )


def test_a_template_cannot_print_a_sources_note(cli, mini_ws):
    case = (mini_ws.root / "cases" / "test-case.yaml").read_text(encoding="utf-8")
    case = case.replace(
        "    url: https://www.unhcr.org/ua/\n", "    url: https://www.unhcr.org/ua/\n    note: ask Olena\n"
    )
    mini_ws.write("cases/test-case.yaml", case)
    assert cli("check", "-w", "ws").code == 0  # a note is a valid part of a source
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: Appeal\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "See {{ case.source('unhcr-doc').note }}\n",
    )
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "has no 'note'" in result.err
