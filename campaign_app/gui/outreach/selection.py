"""The Outreach table's selection: several recipients at once, kept across a new reading.

The table selects whole rows, several at a time (Shift+click, Ctrl+click, Ctrl+A), so that a
print pack posted or a meeting's replies are marked in one go. The log is read again after
every change, and whenever another member of a team records something: the rows are then
new, and the recipients selected (and the one with the focus) are selected again where they
are still shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from campaign_app.gui.outreach.model import OutreachModel, OutreachRow

_ROWS = QItemSelectionModel.SelectionFlag.Rows
_CLEAR_AND_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect


def selected_row_numbers(table: QTableView) -> list[int]:
    """The numbers of the rows selected, top to bottom (from the selection's ranges: Ctrl+A
    over 100,000 rows is one range, not 700,000 indexes)."""
    numbers: set[int] = set()
    selection = table.selectionModel().selection()
    for n in range(selection.size()):
        part = selection.at(n)
        numbers.update(range(part.top(), part.bottom() + 1))
    return sorted(numbers)


def selected_rows(table: QTableView, model: OutreachModel) -> list[OutreachRow]:
    """The recipients selected, in the table's order."""
    return [row for n in selected_row_numbers(table) if (row := model.row_at(n)) is not None]


def runs(numbers: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows: 1 2 3 7 → (1, 3), (7, 7)."""
    first = last = None
    for n in numbers:
        if last is not None and n == last + 1:
            last = n
            continue
        if first is not None and last is not None:
            yield first, last
        first = last = n
    if first is not None and last is not None:
        yield first, last


def make_current(table: QTableView, row: int) -> None:
    """Select this one row, with the focus on it (what a click on it does)."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(index, _CLEAR_AND_SELECT | _ROWS)
    table.scrollTo(index)


def select_ids(table: QTableView, model: OutreachModel, ids: Sequence[str], current: str | None) -> bool:
    """Select the recipients ``ids`` that are shown, the focus on ``current`` (else on the first
    of them found); False when none of them is shown (nothing is then selected)."""
    if len(ids) <= 1:  # one recipient (or only the one with the focus known)
        row = model.row_of_id(ids[0] if ids else current or "")
        if row < 0:
            return False
        make_current(table, row)
        return True
    where = {row.recipient_id: n for n, row in enumerate(model.shown())}
    rows = sorted(where[rid] for rid in ids if rid in where)
    if not rows:
        return False
    focus = where.get(current or "", -1)
    make_current(table, focus if focus >= 0 else rows[0])  # its history is read
    selection = QItemSelection()
    last_column = model.columnCount() - 1
    for first, last in runs(rows):
        selection.select(model.index(first, 0), model.index(last, last_column))
    table.selectionModel().select(selection, _CLEAR_AND_SELECT | _ROWS)
    return True
