"""The read-only record tables of the Recipients and Outreach tabs, set up alike.

Both show one record per row, select whole rows, never edit in place, keep rows one line
high (fixed heights let Qt skip measuring 100,000 rows) and sort by a header click with a
third click back to the file's own order. One function, so the two tables cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

# Characters outside Latin (with its accents and combining marks), Greek, Cyrillic (Kazakh's
# letters too), punctuation and symbols: their script may join letters (Arabic), reorder
# them or place marks by the font's rules (Hebrew, the Indic scripts), which only shaping does.
_NOT_PLAIN = re.compile("[^\x00-\u052f\u1e00-\u1fff\u2000-\u2bff]")


def record_table(
    parent: QWidget, name: str, model: QAbstractItemModel, widths: Sequence[int], stretch: int
) -> QTableView:
    """A QTableView over ``model``: column widths as given, column ``stretch`` takes the rest."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    # Tab leaves the table for the next control (arrow keys move within it): a keyboard
    # user was kept in its 100,000 rows' cells, with only Ctrl+Tab to get out
    table.setTabKeyNavigation(False)
    table.setShowGrid(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(parent.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.viewport().installEventFilter(_FitColumns(table, widths, stretch))
    table.setSortingEnabled(True)
    # A reset makes the view lay its items out on a zero timer, after it has painted: the
    # scroll bars then change and the whole table paints a second time (~7 ms at each
    # keystroke that changes the rows of a search). Laid out at once, it paints once. The
    # scroll bar stays, so that a search going from a few rows to many (or back) does not
    # resize the rows' area and paint it all again; nor do the columns shift.
    model.modelReset.connect(table.executeDelayedItemsLayout)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    return table


class _FitColumns(QObject):
    """Narrows the wide columns together when the table is narrower than the columns' widths,
    down to two thirds of them: on a 1024-pixel screen the last columns (a missing contact, a
    stale check: the marks a volunteer acts on) were off to the right, behind a scroll bar.
    Narrow columns (a country code, a date) keep their widths, as their texts do not shorten
    well; wide enough, every column keeps its width and the stretching one takes the rest."""

    SMALLEST = 2 / 3
    NARROW = 100  # a column this wide or less keeps its width
    STRETCH_ROOM = 120  # what the stretching column keeps, at the least

    def __init__(self, table: QTableView, widths: Sequence[int], stretch: int):
        super().__init__(table)
        self._table, self._stretch, self._widths = table, stretch, list(widths)
        self._last = -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit(self._table.viewport().width())
        return False

    def _fit(self, room: int) -> None:
        if room == self._last:
            return
        self._last = room
        columns = [(i, w) for i, w in enumerate(self._widths) if i != self._stretch]
        fixed = sum(w for _, w in columns if w <= self.NARROW)
        wide = sum(w for _, w in columns if w > self.NARROW)
        left = room - self.STRETCH_ROOM - fixed
        scale = min(1.0, max(self.SMALLEST, left / wide)) if wide else 1.0
        for column, width in columns:
            self._table.setColumnWidth(column, width if width <= self.NARROW else round(width * scale))


def needs_shaping(text: str) -> bool:
    """Whether ``text`` reads right only when shaped (see ``unshaped_font``)."""
    return not text.isascii() and _NOT_PLAIN.search(text) is not None


def unshaped_font(table: QTableView) -> QFont:
    """Make ``table`` draw its texts without OpenType shaping; return the shaped font, for
    the cells whose text ``needs_shaping`` (the model answers FontRole with it).

    Shaping (kerning, ligatures; HarfBuzz on every text of every cell painted) was half of a
    keystroke's time in a search over 100,000 recipients: the table paints ~200 cells anew
    each time its rows change (10-14 of a 20 ms budget). Latin, Cyrillic and Greek names look
    the same without it; Arabic does not (Qt's PreferNoShaping drew its letters unjoined and
    reversed), so those cells keep the shaped font."""
    shaped = QFont(table.font())
    plain = QFont(shaped)
    # set, not left as it was: a cell's font is resolved against the view's, which would
    # otherwise hand it the view's PreferNoShaping
    shaped.setStyleStrategy(QFont.StyleStrategy.PreferDefault)
    plain.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    table.setFont(plain)
    return shaped
