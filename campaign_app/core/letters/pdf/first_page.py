"""The top of a letter's first page: the letterhead, then the address in its fixed field.

One flowable, first in the story, from the top margin down to where the letter's text
starts. It sets the letterhead from the top, and the recipient's address (with the place
and date to its right) where :mod:`~campaign_app.core.letters.address_field` puts it,
measured from the page's edges: neither a logo, nor a long organisation name, nor the
compact layout's smaller margins move it. A letterhead taller than the room above the
field moves the field (and the text after it) down by as much, never under the
letterhead; :func:`letterhead_overrun` says by how much, for ``check``.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from campaign_app.core.letters import address_field as field


class FirstPageHead(Flowable):
    """The letterhead, and the address and date at their fixed places.

    ``top`` and ``left``: how far the frame's text area (where this flowable is the first
    thing set) is from the page's top and left edges, in points."""

    def __init__(
        self,
        letterhead: Sequence[Flowable],
        address: Flowable | None,
        date: Flowable | None,
        top: float,
        left: float,
    ) -> None:
        super().__init__()
        self.letterhead = list(letterhead)
        self.address = address
        self.date = date
        self.top = top
        self.left = left
        self.overrun = 0.0  # how far (points) the letterhead reaches into the address field
        self._sizes: list[tuple[float, float]] = []

    def _stack(self, width: float) -> float:
        """Wrap the letterhead's flowables as a frame stacks them; their height."""
        self._sizes = [item.wrap(width, 1e6) for item in self.letterhead]
        pairs = zip(self.letterhead, self.letterhead[1:], strict=False)
        spaces = (a.getSpaceAfter() + b.getSpaceBefore() for a, b in pairs)
        return sum(h for _w, h in self._sizes) + sum(spaces)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        head = self._stack(availWidth)
        self.overrun = max(0.0, head - (field.FIELD_TOP * mm - self.top))
        # From the page's top edge: the field's first line, and where the letter's text starts
        # (as far below an address or date longer than the field as the field's end is above it).
        first = field.ADDRESS_TOP * mm + self.overrun
        gap = (field.TEXT_TOP - field.ADDRESS_TOP - field.ADDRESS_HEIGHT) * mm
        self._address_height = self._date_height = 0.0
        if self.address is not None:
            self._address_height = self.address.wrap(field.ADDRESS_WIDTH * mm, 1e6)[1]
        if self.date is not None:
            self._date_height = self.date.wrap(self.left + availWidth - field.DATE_LEFT * mm, 1e6)[1]
        longest = max(self._address_height, self._date_height)
        text_top = max(field.TEXT_TOP * mm + self.overrun, first + longest + gap)
        self.height = text_top - self.top
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Too tall for a page (a letterhead of a hundred lines): the parts one after the other."""
        return [*self.letterhead, *(f for f in (self.date, self.address) if f is not None)]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        y = self.height  # this flowable's top, in its own coordinates
        for i, (item, (width, height)) in enumerate(zip(self.letterhead, self._sizes, strict=True)):
            if i:
                y -= self.letterhead[i - 1].getSpaceAfter() + item.getSpaceBefore()
            y -= height
            item.drawOn(canvas, 0, y, _sW=self.width - width)  # aligned as a frame aligns it
        first = self.height - (field.ADDRESS_TOP * mm + self.overrun - self.top)
        if self.date is not None:
            self.date.drawOn(canvas, field.DATE_LEFT * mm - self.left, first - self._date_height)
        if self.address is not None:
            self.address.drawOn(canvas, field.ADDRESS_LEFT * mm - self.left, first - self._address_height)
