"""Tab goes through a form in the order it reads: top to bottom, column by column.

Qt's default order is the order the widgets were made in, which is not always the order
they are laid out in: on the Settings tab Tab went through the letterhead, the signatories
and the whole right column before the sender's organisation at the top left.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLayout, QWidget


def in_layout_order(layout: QLayout) -> list[QWidget]:
    """The widgets that take Tab focus in ``layout`` and its children, in the order laid out."""
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        inner = item.layout()
        if inner is not None:
            found += in_layout_order(inner)
        widget = item.widget()
        if widget is None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            found.append(widget)
        own = widget.layout()
        if own is not None:
            found += in_layout_order(own)
    return found


def chain_by_position(columns: list[QLayout], origin: QWidget, after: QWidget | None = None) -> None:
    """Make Tab go down each of ``columns`` in turn, top to bottom and left to right as the
    widgets are placed (call it once they are laid out: a form's items are not kept in the
    order of its rows)."""
    ordered: list[QWidget] = []
    for column in columns:

        def place(w: QWidget) -> tuple[int, int]:
            at = w.mapTo(origin, QPoint(0, 0))
            return at.y(), at.x()

        ordered += sorted(in_layout_order(column), key=place)
    if after is not None:  # what Tab comes from into them (a scroll area holding them)
        ordered.insert(0, after)
    for a, b in pairwise(ordered):
        QWidget.setTabOrder(a, b)
