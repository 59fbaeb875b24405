"""Markdown (after Jinja) to the letter's document model, with footnote markers resolved.

markdown-it-py parses CommonMark with raw HTML switched off, so a recipient called
``<script>`` stays text. ``cite()`` leaves private-use markers in the text; here they
become :class:`FootnoteRef` objects numbered in reading order, so a source cited twice
keeps its first number wherever the template cited it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from campaign_app.core.letters.document import (
    Block,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
)

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def marker(source_index: int) -> str:
    """The in-text marker cite() emits for the source at ``source_index``."""
    return f"{MARK_OPEN}{source_index}{MARK_CLOSE}"


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@dataclass
class _Numbering:
    """Assigns footnote numbers to source indexes in order of first appearance."""

    numbers: dict[int, int] = field(default_factory=dict)

    def number(self, source_index: int) -> int:
        if source_index not in self.numbers:
            self.numbers[source_index] = len(self.numbers) + 1
        return self.numbers[source_index]


def _runs(text: str, bold: bool, italic: bool, link: str | None, numbering: _Numbering) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    for m in _MARKER.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos : m.start()], bold, italic, link))
        out.append(FootnoteRef(numbering.number(int(m.group(1)))))
        pos = m.end()
    if pos < len(text):
        out.append(Run(text[pos:], bold, italic, link))
    return out


def _inlines(tokens: list[Token], numbering: _Numbering) -> tuple[Inline, ...]:
    out: list[Inline] = []
    bold = italic = 0
    link: list[str] = []
    for t in tokens:
        kind = t.type
        if kind in ("text", "code_inline", "html_inline"):
            out.extend(_runs(t.content, bold > 0, italic > 0, link[-1] if link else None, numbering))
        elif kind == "softbreak":
            out.append(Run(" ", bold > 0, italic > 0, link[-1] if link else None))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link.append(str(t.attrGet("href") or ""))
        elif kind == "link_close":
            link.pop()
        elif kind == "image":
            out.extend(_runs(t.content or "", bold > 0, italic > 0, None, numbering))
    return _merge(out)


def _sort_reference_groups(inlines: list[Inline]) -> list[Inline]:
    """Adjacent footnote references read best ascending and once each ("¹,³" not "³¹¹")."""
    out: list[Inline] = []
    group: list[FootnoteRef] = []
    for item in [*inlines, None]:
        if isinstance(item, FootnoteRef):
            group.append(item)
            continue
        if group:
            out.extend(FootnoteRef(n) for n in sorted({g.number for g in group}))
            group = []
        if item is not None:
            out.append(item)
    return out


def _merge(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring runs of the same formatting, so writers emit fewer runs."""
    merged: list[Inline] = []
    for item in _sort_reference_groups(inlines):
        prev = merged[-1] if merged else None
        if (
            isinstance(item, Run)
            and isinstance(prev, Run)
            and (prev.bold, prev.italic, prev.link) == (item.bold, item.italic, item.link)
        ):
            merged[-1] = Run(prev.text + item.text, prev.bold, prev.italic, prev.link)
        else:
            merged.append(item)
    return tuple(merged)


def _blocks(
    tokens: list[Token], start: int, stop_type: str | None, numbering: _Numbering
) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    i = start
    while i < len(tokens):
        t = tokens[i]
        if stop_type is not None and t.type == stop_type:
            return blocks, i + 1
        if t.type == "paragraph_open":
            inline = tokens[i + 1]
            blocks.append(Paragraph(_inlines(inline.children or [], numbering)))
            i += 3
        elif t.type == "heading_open":
            level = min(int(t.tag[1:]), 3)
            inline = tokens[i + 1]
            blocks.append(Heading(level, _inlines(inline.children or [], numbering)))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            ordered = t.type == "ordered_list_open"
            close = "ordered_list_close" if ordered else "bullet_list_close"
            start_at = int(t.attrGet("start") or 1) if ordered else 1
            items: list[ListItem] = []
            i += 1
            while tokens[i].type != close:
                # list_item_open
                inner, i = _blocks(tokens, i + 1, "list_item_close", numbering)
                items.append(ListItem(tuple(inner)))
            blocks.append(ListBlock(ordered, tuple(items), start_at))
            i += 1
        elif t.type == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close", numbering)
            blocks.append(Quote(tuple(inner)))
        elif t.type in ("fence", "code_block"):
            text = t.content.rstrip("\n")
            blocks.append(Paragraph(tuple(_runs(text, False, False, None, numbering))))
            i += 1
        else:  # hr, html_block and anything else carry no letter text
            i += 1
    return blocks, i


def markdown_to_blocks(text: str) -> tuple[tuple[Block, ...], list[int]]:
    """Parse Markdown; returns the blocks and the cited source indexes in footnote order."""
    tokens = _parser().parse(text)
    numbering = _Numbering()
    blocks, _ = _blocks(tokens, 0, None, numbering)
    order = sorted(numbering.numbers, key=lambda idx: numbering.numbers[idx])
    return tuple(blocks), order


# Punctuation that starts nothing in CommonMark inside a line (no typographer, no linkify):
# prose is full of it, and each escape was a token for the parser to make and join again
# (half of parsing a letter whose facts are quoted). Every other ASCII punctuation
# character is escaped, with one str.translate (a regular expression with a group in its
# replacement ran a Python function per match).
_PROSE = ",.;:?/%-"
_SIGNS = [c for c in map(chr, range(0x21, 0x7F)) if not c.isalnum()]
_MD_ESCAPED = str.maketrans({c: "\\" + c for c in _SIGNS if c not in _PROSE})
# At the start of a line (Markdown's line ends are LF, CR and CRLF) the prose signs can start
# a list (``-``, ``1.``), a thematic break or a heading's underline (``---``): the first one
# on the line, after any blanks and digits, is escaped there.
_LINE_START = re.compile(r"(?:^|(?<=[\n\r]))([ \t]*[0-9]*)([,.;:?/%-])")


def escape_markdown(text: str) -> str:
    """Make text inert in Markdown: every ASCII punctuation character that could start
    anything where it stands backslash-escaped, newlines kept as hard line breaks, so a
    value from a spreadsheet can never add emphasis, a link or a list. The blocks it makes
    are those of every punctuation character escaped
    (tests/core/letters/test_escape_markdown.py)."""
    escaped = text.translate(_MD_ESCAPED)
    if _LINE_START.search(escaped) is not None:
        escaped = _LINE_START.sub(r"\1\\\2", escaped)
    return "\\\n".join(escaped.splitlines()) if "\n" in escaped else escaped
