"""The letter's document model: one structure that every writer (PDF, DOCX, text) reads.

Rendering a template produces a :class:`Letter`; the PDF, DOCX and e-mail writers only
turn this structure into their format. Because none of them re-parses Markdown or
re-evaluates the template, the three outputs cannot drift apart in what they say.

All classes are frozen dataclasses of plain values so a Letter can be pickled to a worker
process, compared in tests, and hashed into a fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from campaign_app.core.common.images import Picture

PaperSize = Literal["A4", "Letter"]
# "compact": smaller margins and leading, for letters meant to fit on one page.
Layout = Literal["standard", "compact"]
LAYOUTS: tuple[Layout, ...] = ("standard", "compact")
# What every page of a letter from the bundled example's made-up sender says: the word
# across the PDF's page and the line above the letterhead. English here, for a Letter made
# without a language's words (tests); render_letter gives the letter's language's, from
# the forms-of-address file (en.yaml says these very words).
EXAMPLE_MARK = "EXAMPLE"
EXAMPLE_CAPTION = "EXAMPLE — written from the bundled example campaign's made-up sender; not a real appeal"


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; ``link`` makes it a hyperlink to that URL."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True)
class FootnoteRef:
    """A superscript reference to footnote ``number`` (1-based, numbered in reading order)."""

    number: int


@dataclass(frozen=True)
class LineBreak:
    """A hard line break inside a paragraph."""


Inline = Run | FootnoteRef | LineBreak


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 1..3
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]


Block = Paragraph | Heading | ListBlock | Quote


@dataclass(frozen=True)
class Footnote:
    """One cited source. ``text`` is the citation without the URL; ``url`` is clickable."""

    number: int
    source_id: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str = ""
    signature: Picture | None = None  # a scanned signature, set above the name


@dataclass(frozen=True)
class Letterhead:
    organisation: str
    lines: tuple[str, ...] = ()  # address and contact lines under the organisation name
    logo: Picture | None = None  # the organisation's logo, at the top of the first page


@dataclass(frozen=True)
class Letter:
    """A fully rendered letter: every string is final text in the letter's language."""

    recipient_id: str
    template_id: str
    case_id: str
    language: str  # BCP 47, e.g. "en", "uk"
    title: str  # document metadata title: what the letter is about (its subject), never an internal name
    author: str  # document metadata author: the sending organisation
    subject: str
    letterhead: Letterhead
    place_and_date: str  # e.g. "Brussels, 24 November 2026"
    recipient_lines: tuple[str, ...]  # the address block, one line each
    salutation: str
    body: tuple[Block, ...]
    closing: str
    signatories: tuple[Signatory, ...]
    footnotes: tuple[Footnote, ...] = ()
    footnotes_heading: str = "Sources"
    paper: PaperSize = "A4"
    keywords: tuple[str, ...] = field(default=())
    layout: Layout = "standard"
    example: bool = False  # from the bundled example's made-up sender: marked EXAMPLE on every page
    example_mark: str = EXAMPLE_MARK  # that mark, in the letter's language ("ЗРАЗОК")
    example_caption: str = EXAMPLE_CAPTION


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The plain text of a run of inlines, footnote references as ``[n]``."""
    parts: list[str] = []
    for item in inlines:
        if isinstance(item, Run):
            parts.append(item.text)
        elif isinstance(item, FootnoteRef):
            parts.append(f"[{item.number}]")
        else:
            parts.append("\n")
    return "".join(parts)
