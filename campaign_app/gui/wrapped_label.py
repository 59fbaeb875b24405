"""A word-wrapped label as tall as its text at the width it is given.

QFormLayout gives a word-wrapped label the height its text takes at the label's minimum
(or first) width, and keeps it: the Batch tab's warning box stood with a blank line or two
above and below its text once the window was wider, and a message cut short once it was
narrower. This label asks for the height its text needs at its present width whenever its
width or its text changes.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def _fit(self) -> None:
        if not self.text():
            self.setMinimumHeight(0)
            self.setMaximumHeight(16777215)
            return
        height = self.heightForWidth(self.width())
        if height > 0:
            self.setFixedHeight(height)
