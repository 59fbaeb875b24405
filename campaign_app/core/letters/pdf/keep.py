"""What the PDF keeps on one page: a lead-in with what it announces, the end of the letter.

Which blocks keep with the next is decided once for both formats, in
:mod:`campaign_app.core.letters.page_breaks`; this module is how the PDF does it.

reportlab's own ``keepWithNext`` and ``KeepTogether`` move the whole group to the next page
when it does not fit: a lead-in followed by a list of demands longer than the rest of the
page, or a long last paragraph with the closing, would leave a hole at the foot of the
page. Here only what has to go over does:

- :class:`KeepWithNext`: a heading or a line ending in a colon stays on the page where
  what follows *starts*: a list's first item, or the first lines of a paragraph (as many
  as its widow and orphan control allow). When not even that fits below it, the lead's
  last lines (all of it, if it is short) go over with it.
- :class:`KeepWithTail`: a closing and a signature alone at the top of a page look like a
  page torn from another letter, and a signature under nothing can be put under any text.
  The body's last paragraph is split so that its last lines (two at least) go over with
  the closing and the signatures; a list at the end gives its last item.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable
from reportlab.platypus.flowables import _listWrapOn

# The lines of a paragraph that go over with what it is kept with, when it must move.
LINES_CARRIED_OVER = 2
# How deep to look for the start of what follows: a list, its first item, that item's paragraph.
_DEPTH = 3


class KeepWithNext(KeepTogether):
    """``lead`` (a heading, a line ending in a colon) on the page where ``following`` starts;
    ``splits``: whether the lead may be split (a paragraph may, a heading never)."""

    def __init__(self, lead: Flowable, following: list[Flowable], *, splits: bool = True) -> None:
        super().__init__([lead, *following])
        self._lead = lead
        self._following = following
        self._splits = splits

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH < self._H:
            parts = self._with_start(aW, aH) or self._carry_over(aW, aH)
            if parts:
                return parts
        return super().split(aW, aH)  # all of it fits, or all of it moves

    def _with_start(self, aW: float, aH: float) -> list[Flowable] | None:
        """The lead, then what follows split so that its start fits below the lead here."""
        rest = list(self._following)
        head = [self._lead]
        while rest and isinstance(rest[0], Spacer):  # the space above a quotation
            head.append(rest.pop(0))
        if not rest:
            return None
        first = rest.pop(0)
        _, head_height = _listWrapOn(head, aW, self.canv)
        gap = max(head[-1].getSpaceAfter(), first.getSpaceBefore())
        start = fitting_start(first, aW, aH - head_height - gap, self.canv)
        if start is None or _listWrapOn([*head, start[0]], aW, self.canv)[1] > aH:
            return None
        return [*head, *start, *rest]

    def _carry_over(self, aW: float, aH: float) -> list[Flowable] | None:
        """The lead's first lines here, its last lines with what follows on the next page."""
        frame = getattr(self, "_frame", None)
        if not (self._splits and isinstance(self._lead, RLParagraph)) or getattr(frame, "_atTop", False):
            return None  # at the top of a page, moving gains nothing
        parts = split_before_last_lines(self._lead, aW, aH)
        if parts is None:
            return None
        return [parts[0], KeepWithNext(parts[1], self._following)]


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
        elif aH < self._H:
            pieces = self._last.splitOn(self.canv, aW, aH)  # a list: its items
            if len(pieces) > 1:
                return [NullActionFlowable(), *pieces[:-1], KeepWithTail(pieces[-1], self._tail)]
        return super().split(aW, aH)

    def _split_last(self, aW: float, aH: float) -> tuple[Flowable, Flowable] | None:
        """The last paragraph in two: what fits here, and (at least) its last lines."""
        parts = split_before_last_lines(self._last, aW, aH)
        if parts is None:
            return None  # too short to split: the whole group moves to the next page
        _, tail_height = _listWrapOn([parts[1], *self._tail], aW, self.canv)
        frame = getattr(self, "_frame", None)
        if frame is not None and tail_height > frame._height:
            return None  # even the lines carried over would not fit one page with the tail
        return parts


def split_before_last_lines(paragraph: Flowable, aW: float, aH: float) -> tuple[Flowable, Flowable] | None:
    """``paragraph`` in two: what fits in ``aH``, and at least its last two lines; None when
    it is too short to split (its widow and orphan control has the last word)."""
    assert isinstance(paragraph, RLParagraph)
    _, height = paragraph.wrap(aW, aH)
    leading = paragraph.style.leading
    room = min(aH, height - LINES_CARRIED_OVER * leading + leading / 2)
    parts = paragraph.split(aW, room)
    if len(parts) != 2:
        return None
    return parts[0], parts[1]


def fitting_start(flowable: Flowable, aW: float, room: float, canv: object) -> list[Flowable] | None:
    """``flowable`` as pieces of which the first fits in ``room``: itself when all of it fits,
    else its split (a list into its items, a paragraph into the lines that fit and the
    rest, as its widow and orphan control allows); None when nothing of it fits."""
    pieces = [flowable]
    for _ in range(_DEPTH):
        if room <= 0:
            return None
        first = pieces[0]
        if first.wrapOn(canv, aW, room)[1] <= room:
            return pieces
        parts = first.splitOn(canv, aW, room)
        if not parts or parts[0] is first or isinstance(parts[0], ActionFlowable):
            return None
        pieces = [*parts, *pieces[1:]]
    return None
