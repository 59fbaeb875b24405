"""The one shape of "go on?" question the window asks before work is dropped or left out."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_go_on(
    parent: QWidget,
    title: str,
    text: str,
    go: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard,
) -> bool:
    """True when the user chose ``go`` (Discard, Yes…); Cancel, the default, keeps everything."""
    answer = QMessageBox.question(
        parent, title, text, go | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel
    )
    return answer == go
