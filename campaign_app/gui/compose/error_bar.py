"""The bar under the template editor that says what is wrong with the template, and where.

The problems are worded as the command line prints them; a click (or F8, or the button) puts
the cursor on the line with the mistake.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStyle, QWidget

from campaign_app.gui import style


class ErrorBar(QFrame):
    """The template's problems, as the command line words them; click to go to the line."""

    jump = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorBar")
        self.setStyleSheet(style.box_style("#errorBar", padding=False))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(18, 18))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.message.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.message, 1)
        self.go_button = QPushButton(self.tr("&Go to line"))
        self.go_button.setToolTip(self.tr("Put the cursor on the line with the mistake (F8)"))
        self.go_button.clicked.connect(self._go)
        layout.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignTop)
        self.line: int | None = None
        self.hide()

    def show_problems(self, texts: list[str], line: int | None) -> None:
        self.line = line
        self.message.setText("\n".join(texts))
        self.message.setToolTip(self.tr("Click to go to the line") if line else "")
        self.go_button.setVisible(line is not None)
        if line is not None:
            self.go_button.setText(self.tr("&Go to line {line}").format(line=line))
        self.show()

    def clear(self) -> None:
        self.line = None
        self.message.clear()
        self.hide()

    def text(self) -> str:
        return self.message.text() if self.isVisible() else ""

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._go()
        super().mousePressEvent(event)

    def _go(self) -> None:
        if self.line is not None:
            self.jump.emit(self.line)
