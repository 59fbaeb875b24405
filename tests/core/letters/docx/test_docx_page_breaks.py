"""The DOCX keeps a lead-in with what it announces, by the rule the PDF follows too."""

from __future__ import annotations

import io

from docx import Document

from campaign_app.core.letters.document import (
    Heading,
    Letter,
    Letterhead,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Signatory,
)
from campaign_app.core.letters.docx.writer import docx_bytes


def P(text: str) -> Paragraph:
    return Paragraph((Run(text),))


BODY = (
    P("We are writing about Zhanara Akhmetova."),
    P("We therefore ask you:"),
    ListBlock(ordered=True, items=(ListItem((P("to urge the authorities;"),)), ListItem((P("to act."),)))),
    Heading(2, (Run("Background"),)),
    P("Article 3 of the Convention reads:"),
    Quote((P("No one shall be subjected to torture."), P("Nor to inhuman treatment."))),
    P("We would be grateful to hear from you."),
)


def letter() -> Letter:
    return Letter(
        recipient_id="mep-1",
        template_id="appeal-en",
        case_id="case",
        language="en",
        title="Stop the extradition",
        author="Rights Watchers",
        subject="Stop the extradition",
        letterhead=Letterhead("Rights Watchers"),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=("Ms Rasa Juknevičienė",),
        salutation="Dear Ms Juknevičienė,",
        body=BODY,
        closing="Yours sincerely,",
        signatories=(Signatory("Jane Example", "Campaign Coordinator"),),
    )


def test_lead_ins_keep_with_what_they_announce_and_nothing_else_is_hard_formatted() -> None:
    doc = Document(io.BytesIO(docx_bytes(letter())))
    kept = {p.text for p in doc.paragraphs if p.paragraph_format.keep_with_next}
    # The lead-ins, and the body's last paragraph (on the closing's page); the heading keeps
    # with the next by its style ("Heading 2"), not by formatting of its own.
    assert kept == {
        "We therefore ask you:",
        "Article 3 of the Convention reads:",
        "We would be grateful to hear from you.",
    }
    heading = next(p for p in doc.paragraphs if p.text == "Background")
    assert heading.style.paragraph_format.keep_with_next
