"""The end of a letter on one page: the body's last lines, the closing and the signatures.

A closing and a signature alone at the top of a page look like a page torn from another
letter, and a signature under nothing can be put under any text. reportlab's
``KeepTogether`` would move the whole last paragraph to the next page, leaving a hole at
the foot of the previous one; :class:`KeepWithTail` instead splits that paragraph so
that its last lines (two at least) go over with the closing and the signatures.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import _listWrapOn

# The lines of the body's last paragraph that go over with the closing, when it must move.
LINES_CARRIED_OVER = 2


class KeepWithTail(KeepTogether):
    """``last`` (the body's last flowable) kept on one page with ``tail`` (closing, signatures)."""

    def __init__(self, last: Flowable, tail: list[Flowable]) -> None:
        super().__init__([last, *tail])
        self._last = last
        self._tail = tail

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH < self._H and isinstance(self._last, RLParagraph):
            parts = self._split_last(aW, aH)
            if parts:
                first, rest = parts
                return [first, KeepTogether([rest, *self._tail])]
        return super().split(aW, aH)

    def _split_last(self, aW: float, aH: float) -> tuple[Flowable, Flowable] | None:
        """The last paragraph in two: what fits here, and (at least) its last lines."""
        last = self._last
        assert isinstance(last, RLParagraph)
        _, height = last.wrap(aW, aH)
        leading = last.style.leading
        room = min(aH, height - LINES_CARRIED_OVER * leading + leading / 2)
        parts = last.split(aW, room)
        if len(parts) != 2:
            return None  # too short to split: the whole group moves to the next page
        _, tail_height = _listWrapOn([parts[1], *self._tail], aW, self.canv)
        frame = getattr(self, "_frame", None)
        if frame is not None and tail_height > frame._height:
            return None  # even the lines carried over would not fit one page with the tail
        return parts[0], parts[1]
