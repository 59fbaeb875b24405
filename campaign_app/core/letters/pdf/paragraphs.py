"""Paragraphs whose markup is parsed, and line breaks worked out, once per process for the same text.

A batch's letters share most of their paragraphs: the letterhead, the case's summary, the
demands, the closing, the sources. reportlab breaks each paragraph into lines anew in
every letter (twice for the end of the letter, which is kept with the closing), and that
was two fifths of the time of typesetting a letter. :class:`LetterParagraph` keeps the
result of ``breakLines`` for a paragraph of the same markup, style and widths, and gives
it to the next paragraph that asks: the lines are exactly those reportlab would compute
(nothing in them depends on the document), so the PDF is byte for byte the same. Likewise
it keeps the parsed markup (reportlab's fragments) of a paragraph of the same markup,
style and bullet: parsing was a fifth of a letter's typesetting. The fragments were
already shared with the lines reused, and reportlab does not change them after parsing.
``common/reuse.plain()`` turns both off.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from reportlab.platypus import Paragraph

from campaign_app.core.common import reuse

# Distinct paragraphs kept: a batch reuses a few dozen; a different batch replaces them.
_KEPT = 512
# What breakLines leaves on the paragraph besides its result, restored on reuse.
_STATE = ("frags", "_width_max", "_splitLongWordCount", "_hyphenations")
_lines: dict[tuple[Any, ...], tuple[Any, list[float], tuple[Any, ...]]] = {}
# What parsing leaves on the paragraph (reportlab's Paragraph._setup), by markup, style, bullet;
# the most recently used first kept (a letter's own paragraphs, its address and salutation,
# pass through; the ones every letter has stay), so a long batch's memory stays flat.
_PARSED = ("text", "frags", "style", "bulletText")
_KEPT_PARSED = 64
_parsed: OrderedDict[tuple[Any, ...], tuple[Any, ...]] = OrderedDict()


class LetterParagraph(Paragraph):
    """A reportlab Paragraph that reuses the line breaks of an identical earlier one."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        if frags is not None or not reuse.enabled() or not isinstance(text, str):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        if not (bulletText is None or isinstance(bulletText, str)):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, style, bulletText, self.caseSensitive)
        found = _parsed.get(key)
        if found is None:
            super()._setup(text, style, bulletText, frags, cleaner)
            if len(_parsed) >= _KEPT_PARSED:
                _parsed.popitem(last=False)
            _parsed[key] = tuple(getattr(self, name) for name in _PARSED)
            return
        _parsed.move_to_end(key)
        for name, value in zip(_PARSED, found, strict=True):
            setattr(self, name, value)
        self.debug = 0

    def breakLines(self, width: Any) -> Any:
        key = self._key(width) if reuse.enabled() else None
        if key is None:
            return super().breakLines(width)
        found = _lines.get(key)
        if found is not None:
            lines, widths, state = found
            width[:] = widths  # breakLines narrows the first line for a bullet, in place
            for name, value in zip(_STATE, state, strict=True):
                setattr(self, name, value)
            return lines
        lines = super().breakLines(width)
        if len(_lines) >= _KEPT:
            _lines.clear()
        _lines[key] = (lines, list(width), tuple(getattr(self, name) for name in _STATE))
        return lines

    def _key(self, width: Any) -> tuple[Any, ...] | None:
        """What the line breaks depend on; None where they are not to be shared: a part of a
        paragraph split over two pages (no text of its own), right-to-left or CJK wrapping,
        a parsed bullet."""
        bullet = self.bulletText
        if (
            not isinstance(self.text, str)
            or self.style.wordWrap
            or not (bullet is None or isinstance(bullet, str))
            or not isinstance(width, list)
        ):
            return None
        # The style object itself (styles are built once per process and never changed).
        return (self.text, self.style, bullet, tuple(width))
