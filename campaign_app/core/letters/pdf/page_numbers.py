"""Page numbers "1 / 2" in the footer of a PDF letter of two pages or more.

The total is known only when the last page is done, yet each page must be written when
it ends: a canvas that held its pages back until the end (as the usual reportlab recipe
does) leaves every link destination on page 1, because reportlab files an anchor under
the page being written. So every page draws a small form ("page-number-N") that is
defined only at the end, when the total is known: "N / total", or nothing on a letter of
one page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.letters.pdf.styles import FOOTER_Y, paragraph_styles


def day_stamp(day: dt.date | None = None) -> TimeStamp:
    """The PDF's creation and modification time: the day it was written, at midnight UTC.

    With the second it was written (reportlab's default), the same letter written twice
    was two different files: a letter written again after it went out counted as
    "changed since it was sent" (its file's digest differed), and ``send`` offered to send
    it again. The document is made ``invariant`` too (its /ID from its content alone)."""
    day = day or dt.date.today()
    stamp = TimeStamp(True)
    moment = dt.datetime.combine(day, dt.time(0), dt.UTC)
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def _form_name(page: int) -> str:
    return f"page-number-{page}"


class NumberedCanvas(Canvas):
    """Writes each page as it ends, with a placeholder form for its number."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages_shown = 0
        self._doc._timeStamp = day_stamp()

    def showPage(self) -> None:
        self._pages_shown += 1
        self.doForm(_form_name(self._pages_shown))
        super().showPage()

    def save(self) -> None:
        total = self._pages_shown
        for page in range(1, total + 1):
            self.beginForm(_form_name(page))
            if total > 1:
                self._draw_page_number(page, total)
            self.endForm()
        super().save()

    def _draw_page_number(self, page: int, total: int) -> None:
        style = paragraph_styles()["footer"]
        self.setFont(style.fontName, style.fontSize)
        self.setFillColor(style.textColor)
        width = self._pagesize[0]
        self.drawCentredString(width / 2, FOOTER_Y, f"{page} / {total}")
