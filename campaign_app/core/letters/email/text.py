"""A letter as plain text: the e-mail body, the terminal preview, and what tests read.

Footnote references are written as ``[n]`` and the sources are listed at the end with
their URLs, so a plain-text reader can check every claim as a PDF reader can.
"""

from __future__ import annotations

import functools
import textwrap

from campaign_app.core.letters.document import (
    Block,
    Heading,
    Letter,
    ListBlock,
    Paragraph,
    Quote,
    inline_text,
)


def _block_lines(block: Block, indent: str = "") -> list[str]:
    if isinstance(block, Paragraph | Heading):
        text = inline_text(block.inlines)
        lines: list[str] = []
        for part in text.split("\n"):
            lines.extend(_wrapped(part, indent))
        if isinstance(block, Heading):
            lines = [ln.upper() if block.level == 1 else ln for ln in lines]
        return lines
    if isinstance(block, ListBlock):
        lines = []
        for n, item in enumerate(block.items, start=block.start):
            bullet = f"{n}. " if block.ordered else "- "
            item_lines: list[str] = []
            for inner in item.blocks:
                item_lines.extend(_block_lines(inner, indent + " " * len(bullet)))
            if item_lines:
                item_lines[0] = indent + bullet + item_lines[0][len(indent) + len(bullet) :]
            lines.extend(item_lines)
        return lines
    if isinstance(block, Quote):
        lines = []
        for inner in block.blocks:
            lines.extend(_block_lines(inner, indent + "> "))
        return lines
    return []


@functools.lru_cache(maxsize=1024)
def _wrapped(part: str, indent: str) -> tuple[str, ...]:
    """One line of a paragraph wrapped at 78 characters, as ``textwrap`` wraps it. Kept: in a
    send or a batch most paragraphs are every letter's (the facts, the requests), and
    ``textwrap`` takes a fifth of the time an e-mail's making takes."""
    return tuple(
        textwrap.wrap(part, 78 - len(indent), initial_indent=indent, subsequent_indent=indent) or [indent]
    )


def letter_text(letter: Letter) -> str:
    """The whole letter as plain text (UTF-8, LF line endings)."""
    out: list[str] = []
    # Each part of the head only when it is there (an e-mail's body has none of them).
    for part in (
        [letter.example_caption] if letter.example else [],  # as on every page of its PDF: not a real appeal
        [letter.letterhead.organisation, *letter.letterhead.lines] if letter.letterhead.organisation else [],
        [letter.place_and_date] if letter.place_and_date else [],
        list(letter.recipient_lines),
        [letter.subject] if letter.subject else [],
        [letter.salutation],
    ):
        if part:
            out += [*part, ""]
    for block in letter.body:
        out.extend(_block_lines(block))
        out.append("")
    out.append(letter.closing)
    out.append("")
    for s in letter.signatories:
        out.append(s.name)
        if s.role:
            out.append(s.role)
    if letter.footnotes:
        out += ["", letter.footnotes_heading]
        for fn in letter.footnotes:
            out.append(f"[{fn.number}] {fn.text}" + (f" {fn.url}" if fn.url else ""))
    return "\n".join(out).rstrip() + "\n"
