"""Where a PDF letter breaks between pages, read back page by page as the official would.

The body is padded so that the line under test walks down the page, past its foot, one
padding sentence at a time: whatever the example's wording, some letter of the sweep puts
the lead-in (or the heading, or the body's last lines) at the very end of page 1.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader

from campaign_app.core.letters.document import (
    Block,
    Footnote,
    FootnoteRef,
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
from campaign_app.core.letters.pdf.writer import pdf_bytes

FILLER = "The hearing was postponed again and her lawyers were not shown the file. "
LEAD = "We therefore ask you:"
DEMAND = (
    "to urge the Ukrainian authorities, in particular the President of Ukraine, the Prosecutor "
    "General and the Head of the State Migration Service, to stop the extradition and to give "
    "her renewed asylum application a fair hearing;"
)
SOURCE = (
    "Open Dialogue Foundation, Briefing on the threatened extradition of Zhanara Akhmetova from "
    "Ukraine to Kazakhstan, with the decisions of the courts and of the Migration Service, May 2020."
)
# Sentences of padding before the line under test: enough for it to cross the foot of page 1.
SWEEP = range(24, 48)


def P(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def demands(n: int) -> ListBlock:
    """``n`` demands of three lines each; the first starts "First", the last "Last"."""
    words = ["First", *(f"Demand{i}" for i in range(2, n)), "Last"][-n:]
    return ListBlock(ordered=True, items=tuple(ListItem((P(f"{w} {DEMAND}"),)) for w in words))


def letter(body: tuple[Block, ...]) -> Letter:
    return Letter(
        recipient_id="mep-1",
        template_id="appeal-en",
        case_id="case",
        language="en",
        title="Stop the extradition",
        author="Rights Watchers",
        subject="Stop the extradition of Zhanara Akhmetova",
        letterhead=Letterhead("Rights Watchers", ("1 Rue Haute, 1000 Brussels",)),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=("Ms Rasa Juknevičienė", "European Parliament", "Rue Wiertz 60", "1047 Brussels"),
        salutation="Dear Ms Juknevičienė,",
        body=body,
        closing="Yours sincerely,",
        signatories=(Signatory("Jane Example", "Campaign Coordinator"),),
    )


def pages(body: tuple[Block, ...]) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf_bytes(letter(body))))
    return [" ".join(unicodedata.normalize("NFC", p.extract_text() or "").split()) for p in reader.pages]


def page_of(texts: list[str], needle: str) -> int:
    found = [i for i, text in enumerate(texts) if needle in text]
    assert len(found) == 1, f"{needle!r} on pages {found}"
    return found[0]


@pytest.mark.parametrize("sentences", SWEEP)
def test_a_lead_in_shares_its_page_with_the_first_item_of_its_list(sentences: int) -> None:
    texts = pages((P(FILLER * sentences), P(LEAD), demands(3), P("We would be grateful to hear from you.")))
    assert page_of(texts, "First to urge") == page_of(texts, LEAD)


@pytest.mark.parametrize("sentences", SWEEP)
def test_a_long_lead_in_goes_over_with_its_last_lines_not_alone(sentences: int) -> None:
    """A lead-in of several lines is split: its last lines go over with the list, its first
    lines stay (two lines at least on either side)."""
    lead = FILLER * 4 + "although the Migration Service of Ukraine dismissed it:"
    texts = pages((P(FILLER * sentences), P(lead), demands(3)))
    assert page_of(texts, "First to urge") == page_of(texts, "Service of Ukraine dismissed it:")


@pytest.mark.parametrize("sentences", SWEEP)
def test_a_heading_shares_its_page_with_what_follows(sentences: int) -> None:
    body = (P(FILLER * sentences), Heading(2, (Run("Our requests"),)), P(LEAD), demands(3))
    texts = pages(body)
    assert page_of(texts, "Our requests") == page_of(texts, LEAD) == page_of(texts, "First to urge")


@pytest.mark.parametrize("sentences", SWEEP)
def test_a_lead_in_shares_its_page_with_the_quotation_it_introduces(sentences: int) -> None:
    quote = Quote((P("No one shall be subjected to torture or to inhuman or degrading treatment."),))
    texts = pages((P(FILLER * sentences), P("Article 3 of the Convention reads:"), quote, P(FILLER)))
    assert page_of(texts, "Article 3 of the Convention reads:") == page_of(texts, "No one shall be")


def test_a_heading_before_a_long_paragraph_stays_with_its_start_rather_than_leaving_a_hole() -> None:
    """The paragraph is longer than the rest of the page: the heading and the paragraph's
    first lines stay on page 1, rather than both moving to page 2 (reportlab's keepWithNext)."""
    heading = Heading(2, (Run("Background"),))
    body = (P(FILLER * 12), heading, P("Opening words. " + FILLER * 30), P("We thank you."))
    texts = pages(body)
    assert page_of(texts, "Background") == page_of(texts, "Opening words.") == 0


@pytest.mark.parametrize("sentences", SWEEP[::2])
def test_a_list_that_ends_the_body_gives_its_last_item_to_the_closing(sentences: int) -> None:
    """The closing and the signature never stand alone: the list's last demand goes over
    with them, while its first demands stay where the list starts."""
    texts = pages((P(FILLER * sentences), P(LEAD), demands(6)))
    closing = page_of(texts, "Yours sincerely,")
    assert "Last to urge" in texts[closing].split("Yours sincerely,")[0]
    assert "Jane Example" in texts[closing]
    assert page_of(texts, LEAD) == page_of(texts, "First to urge")


def test_a_long_list_that_ends_the_body_is_not_moved_whole() -> None:
    """Sixteen demands after a short opening: the list starts on page 1 as it would without a
    closing, and only its end goes over with the closing."""
    texts = pages((P(FILLER * 3), P(LEAD), demands(16)))
    assert page_of(texts, LEAD) == page_of(texts, "First to urge") == 0
    assert page_of(texts, "Yours sincerely,") == page_of(texts, "Last to urge") > 0


@pytest.mark.parametrize("words", range(6, 16))
def test_the_sources_heading_shares_its_page_with_the_first_source(words: int) -> None:
    """Padded word by word: from 11 words on, the heading alone would fit at the foot of page 1."""
    body = (
        P(FILLER * 20 + "again " * words),
        Paragraph((Run("As reported."), FootnoteRef(1))),
        P(FILLER * 4),
    )
    source = Footnote(1, "odf", SOURCE)
    reader = PdfReader(io.BytesIO(pdf_bytes(replace(letter(body), footnotes=(source,)))))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert page_of(texts, "Sources") == page_of(texts, "Open Dialogue Foundation, Briefing")
