"""Every glyph, or a clear error: no letter goes out with an empty box in place of a letter.

A name printed with a box where "Ω" should be is a different name. Before a letter is
typeset, and in ``check`` for every letter of every template, :func:`check_glyphs` looks
at every character the letter prints and names the first one that neither PT Serif nor
its fallback Noto Serif has: the recipient, the field it comes from (and the file and row
of the directory, when it is the recipient's), and the character with its code point.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.glyphs import describe, needs_fallback, unprintable
from campaign_app.core.common.i18n import N_, _, ngettext
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.document import (
    Block,
    Heading,
    Letter,
    ListBlock,
    Paragraph,
    Quote,
    inline_text,
)
from campaign_app.core.letters.inline_markup import printable

_HINT = N_(
    "correct the text (a character pasted by mistake?) or write it in Latin, Cyrillic or Greek "
    "letters: the letter fonts (PT Serif, Noto Serif) have no glyph for it, so it would print as an empty box"
)


# The parts of a letter, as messages name them (letter_parts yields the English keys).
PART_NAMES = {
    "letterhead": N_("letterhead"),
    "date": N_("date"),
    "address block": N_("address block"),
    "subject": N_("subject"),
    "salutation": N_("salutation"),
    "body": N_("body"),
    "closing": N_("closing"),
    "signatories": N_("signatories"),
    "sources": N_("sources"),
}


def letter_parts(letter: Letter) -> Iterator[tuple[str, str]]:
    """Every text the letter prints (as the writers print it), with the name of its part."""
    for part, text in _parts(letter):
        yield part, printable(text)


def _parts(letter: Letter) -> Iterator[tuple[str, str]]:
    yield "letterhead", "\n".join((letter.letterhead.organisation, *letter.letterhead.lines))
    yield "date", letter.place_and_date
    yield "address block", "\n".join(letter.recipient_lines)
    yield "subject", letter.subject
    yield "salutation", letter.salutation
    yield "body", "\n".join(_block_texts(letter.body))
    yield "closing", letter.closing
    for s in letter.signatories:
        yield "signatories", f"{s.name}\n{s.role}"
    yield (
        "sources",
        "\n".join([letter.footnotes_heading, *(f"{f.text}\n{f.url or ''}" for f in letter.footnotes)]),
    )


def _block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield inline_text(block.inlines)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _block_texts(item.blocks)
        elif isinstance(block, Quote):
            yield from _block_texts(block.blocks)


def fallback_chars(letter: Letter) -> frozenset[str]:
    """The characters of the letter that are set in the fallback font (Noto Serif)."""
    global _last_fallback
    kept = _last_fallback
    if kept is not None and kept[0] is letter:
        return kept[1]
    chars = frozenset().union(*(needs_fallback(text) for _, text in letter_parts(letter)))
    _last_fallback = (letter, chars)
    return chars


# The last letter looked at, and what was found (a letter is immutable; kept by identity, and
# held so that its id is not reused): rendering a letter checks its glyphs, and its PDF and
# DOCX each check them and ask its fallback characters again, the same answers each time.
_last_fallback: tuple[Letter, frozenset[str]] | None = None
_last_printable: Letter | None = None


# Where a character may have come from: a file, and its text (None: read it when needed).
Origin = tuple[Path, str | None]


def check_glyphs(letter: Letter, recipient: Recipient | None = None, origins: Sequence[Origin] = ()) -> None:
    """Raise UserError naming the first character of ``letter`` that no letter font has:
    at the recipient's row when it comes from one of their fields, else at the first line
    of ``origins`` (the template, the case file, campaign.yaml) that holds it."""
    global _last_printable
    if letter is _last_printable:
        return
    for part, text in letter_parts(letter):
        missing = unprintable(text)
        if missing:
            raise _error(letter, part, missing, recipient, origins)
    _last_printable = letter


def _error(
    letter: Letter, part: str, missing: list[str], recipient: Recipient | None, origins: Sequence[Origin]
) -> UserError:
    ch = missing[0]
    others = len(missing) - 1
    more = (
        " "
        + ngettext("(and {n} more such character)", "(and {n} more such characters)", others).format(n=others)
        if others
        else ""
    )
    field = _recipient_field(recipient, ch) if recipient is not None else None
    where = (
        _("its {field}").format(field=field)
        if field
        else _("the {part} of the letter").format(part=_(PART_NAMES.get(part, part)))
    )
    location = recipient.origin if field and recipient is not None else _line_of(ch, origins)
    return UserError(
        _(
            "letter to recipient '{recipient_id}' ({template_id}): the character "
            "{describe} in {where} has no glyph in the letter fonts{more}"
        ).format(
            recipient_id=letter.recipient_id,
            template_id=letter.template_id,
            describe=describe(ch),
            where=where,
            more=more,
        ),
        location,
        _(_HINT),
    )


def _line_of(ch: str, origins: Sequence[Origin]) -> Location | None:
    """The first line of the first origin that holds ``ch``."""
    for path, text in origins:
        if text is None:
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeError):
                continue
        for number, line in enumerate(printable(text).splitlines(), start=1):
            if ch in line:
                return Location(display_path(path), number)
    return None


def _recipient_field(recipient: Recipient, ch: str) -> str | None:
    """The recipient's field that holds ``ch`` (it reached the letter from there), if any."""
    for name, value in recipient.record().items():
        texts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        if any(ch in str(text) for text in texts):
            return name
    return None
