"""A recipient's personal note: a paragraph the template places, and nothing where it is empty."""

from __future__ import annotations

import email
import email.policy

from conftest import TEMPLATE_EN
from pypdf import PdfReader

PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,personal_note
mep-1,mep,Mr,Michal,Šimečka,m,Member,European Parliament,SK,en,m@ep.example,"We thank you for your question of 3 May to the Commission *on her case*."
mep-2,mep,Ms,Rasa,Juknevičienė,f,Member,European Parliament,LT,en,r@ep.example,
"""

TEMPLATE = TEMPLATE_EN.replace(
    "We write about", "Opening paragraph.\n\n{{ personal_note }}\n\nWe write about"
)


def paragraphs_of(text_file) -> list[str]:
    return [p for p in text_file.split("\n\n") if p.strip()]


def test_personal_note_in_the_letter_and_no_empty_paragraph_without_one(mini_ws, cli):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    assert cli("check", "-w", mini_ws.root).code == 0
    result = cli("send", "-w", mini_ws.root, "-t", "appeal-en", "--dry-run")
    assert result.code == 0, result.err
    folder = mini_ws.root / "out/appeal-en"
    bodies = {}
    for eml in folder.glob("*.eml"):
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        bodies[eml.name.split("_")[0]] = message.get_body(preferencelist=("plain",)).get_content()
    with_note = paragraphs_of(bodies["mep-1"].replace("\r\n", "\n"))
    without = paragraphs_of(bodies["mep-2"].replace("\r\n", "\n"))
    start = with_note.index("Opening paragraph.")
    # The note is its own paragraph, its text as typed (the asterisks are not markup).
    assert with_note[start + 1] == "We thank you for your question of 3 May to the Commission *on her case*."
    start = without.index("Opening paragraph.")
    assert without[start + 1].startswith("We write about")  # no empty paragraph in between
    pdf = next(folder.glob("mep-1_*.pdf"))
    assert "question of 3 May to the Commission *on her case*." in PdfReader(pdf).pages[0].extract_text()
