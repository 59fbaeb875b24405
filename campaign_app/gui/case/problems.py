"""The problems that stop the case from saving, each tied to the item and field it is about.

The loader reports a problem as ``file:line: message``; the Case tab also keeps where in the
case it belongs (a path such as ``("facts", 3, "sources")``), so the problem can be shown under
its field, marked on its row, followed by a click, and forgotten once that field is edited.
When an item is added or deleted above it, its path moves with it.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QListView, QVBoxLayout, QWidget

from campaign_app.core.common.errors import UserError
from campaign_app.gui import style

Problem = tuple[tuple, UserError]
SHOWN_LINES = 5  # the list scrolls beyond five


class ProblemList(QGroupBox):
    """ "Problems in the case file": one line per problem; a click asks to go to its field."""

    chosen = Signal(int)  # the problem's index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Problems in the case file"))
        self.problems: list[Problem] = []
        self.model = QStringListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setStyleSheet(style.error_style(self.view.palette()))
        self.view.activated.connect(lambda index: self.chosen.emit(index.row()))
        self.view.clicked.connect(lambda index: self.chosen.emit(index.row()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.setVisible(False)

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.refresh()

    def refresh(self) -> None:
        self.model.setStringList([str(e) for _p, e in self.problems])
        self.setVisible(bool(self.problems))
        self.setTitle(self.tr("Problems in the case file ({count})").format(count=len(self.problems)))
        shown = min(max(len(self.problems), 1), SHOWN_LINES)
        frame = 2 * self.view.frameWidth() + 6
        self.view.setFixedHeight(self.view.fontMetrics().lineSpacing() * shown + frame)

    def path_of(self, index: int) -> tuple | None:
        return self.problems[index][0] if 0 <= index < len(self.problems) else None

    def saved(self, path: tuple) -> list[UserError]:
        """The problems of ``path`` and everything under it."""
        return [e for p, e in self.problems if p[: len(path)] == path]

    def forget(self, path: tuple) -> bool:
        """Drop the problems of ``path`` (its field was edited); True if there were any."""
        before = len(self.problems)
        self.problems = [(p, e) for p, e in self.problems if p[: len(path)] != path]
        return len(self.problems) != before

    def shift(self, prefix: tuple, row: int, delta: int) -> None:
        """Keep problems on their items when rows above them are added or deleted."""
        n = len(prefix)
        shifted = []
        for path, error in self.problems:
            if path[:n] == prefix and len(path) > n and isinstance(path[n], int) and path[n] >= row:
                path = (*prefix, path[n] + delta, *path[n + 1 :])
            shifted.append((path, error))
        self.problems = shifted
