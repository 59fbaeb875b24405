"""A Polish and a German letter, generated from the command line, open and address the MEP
in the letter's language (not "Dear Ms Juknevičienė,"), in the PDF and in the DOCX alike."""

from __future__ import annotations

import json
import zipfile

import pytest
from pdf_helpers import page_texts

CASE = """\
id: test-case
languages: [pl, de]
title: {pl: Wstrzymajcie ekstradycję, de: Stoppt die Auslieferung}
person:
  name: {pl: Żanara Achmetowa, de: Schanara Achmetowa}
summary: {pl: Dziennikarce grozi ekstradycja., de: Einer Journalistin droht die Auslieferung.}
timeline:
  - id: arrival
    date: 2017-03
    text: {pl: Przybyła na Ukrainę., de: Sie kam in die Ukraine.}
    sources: [unhcr-doc]
facts:
  - id: unhcr
    text: {pl: UNHCR chroni ją przed wydaleniem., de: Der UNHCR schützt sie vor Abschiebung.}
    sources: [unhcr-doc]
demands:
  - id: stop
    text: {pl: Wstrzymajcie ekstradycję., de: Stoppen Sie die Auslieferung.}
sources:
  - id: unhcr-doc
    title: UNHCR protection letter
    publisher: UNHCR
    url: https://www.unhcr.org/ua/
"""

TEMPLATE = """\
---
id: appeal-{lang}
title: Appeal {lang}
language: {lang}
audience: category:mep
subject: "{subject}"
---
{{{{ fact('unhcr') }}}}
"""

POSTAL = '"European Parliament\nRue Wiertz 60\n1047 Brussels\nBelgium"'

EXPECTED = {
    "pl": {
        "mep-1": ("Szanowny Panie Pośle,", "Pan Michal Šimečka", "Poseł do Parlamentu Europejskiego"),
        "mep-2": ("Szanowna Pani Poseł,", "Pani Rasa Juknevičienė", "Posłanka do Parlamentu Europejskiego"),
        "closing": "Z wyrazami szacunku",
    },
    "de": {
        "mep-1": (
            "Sehr geehrter Herr Abgeordneter,",
            "Herrn Michal Šimečka",
            "Mitglied des Europäischen Parlaments",
        ),
        "mep-2": (
            "Sehr geehrte Frau Abgeordnete,",
            "Frau Rasa Juknevičienė",
            "Mitglied des Europäischen Parlaments",
        ),
        "closing": "Mit freundlichen Grüßen",
    },
}


def docx_paragraphs(path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


@pytest.fixture
def multilingual_ws(mini_ws):
    mini_ws.write("cases/test-case.yaml", CASE)
    people = (mini_ws.root / "recipients" / "people.csv").read_text(encoding="utf-8").splitlines()
    # the MEPs get the Parliament's postal address, as the EP's full list gives it
    header = people[0] + ",postal_address"
    rows = [row + "," + POSTAL for row in people[1:3]]
    mini_ws.write("recipients/people.csv", "\n".join([header, *rows]) + "\n")
    (mini_ws.root / "recipients" / "officials.yaml").unlink()
    for path in (mini_ws.root / "letter_templates").glob("*.md"):
        path.unlink()
    mini_ws.write("letter_templates/appeal-pl.md", TEMPLATE.format(lang="pl", subject="Apel"))
    mini_ws.write("letter_templates/appeal-de.md", TEMPLATE.format(lang="de", subject="Appell"))
    return mini_ws


@pytest.mark.parametrize("language", ["pl", "de"])
def test_a_letter_in_polish_or_german_opens_and_addresses_the_mep_in_that_language(
    cli, multilingual_ws, language
):
    result = cli(
        "generate", "-w", "ws", "--template", f"appeal-{language}", "--format", "both", "--out", "out"
    )
    assert result.code == 0, result.err
    out = multilingual_ws.root.parent / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]
    files = {(e["recipient_id"], e["format"]): out / e["path"] for e in manifest}
    expected = EXPECTED[language]
    for recipient in ("mep-1", "mep-2"):
        salutation, name_line, title_line = expected[recipient]
        pdf_lines = [ln.strip() for ln in "\n".join(page_texts(files[(recipient, "pdf")])).splitlines()]
        docx_lines = docx_paragraphs(files[(recipient, "docx")])
        for lines in (pdf_lines, docx_lines):
            assert salutation in lines
            assert expected["closing"] in lines
            assert "Dear" not in " ".join(lines)
        # the address block: the name as the language writes it, the office on the next line
        at = pdf_lines.index(name_line)
        assert pdf_lines[at + 1 : at + 3] == [title_line, "European Parliament"]
        with zipfile.ZipFile(files[(recipient, "docx")]) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert xml.index(name_line) < xml.index(title_line) < xml.index(salutation)
