"""The Settings tab (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .session import WorkspaceSession
from .tasks import TaskRunner


class SettingsTab(QWidget):
    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Settings"))
