"""Windows and dialogs sized to the screen they open on.

A dialog opened at 980×700 on a 1024×640 laptop put its Save and Cancel buttons below the
screen's edge, out of reach of the mouse (and of anyone who does not know Enter and Esc).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 40  # pixels left free around a window: the title bar, a panel


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, or less where its screen leaves less free."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width() - MARGIN), min(height, free.height() - MARGIN)
    widget.resize(width, height)
