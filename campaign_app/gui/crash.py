"""Unexpected errors: a dialog that says what happened and where the log is.

A window that silently vanishes loses a volunteer's trust and their afternoon. Every
uncaught exception (main thread or worker thread) is written with its traceback to the
log file in the user's log folder and shown in a dialog; the window stays open. A
UserError is not a crash: it is shown as a plain warning without the word "bug".
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from campaign_app.core.common.appstate import log_dir
from campaign_app.core.common.errors import UserError, UserErrors, flatten

log = logging.getLogger("campaign_app")


def setup_logging() -> Path:
    """Log to <user log folder>/campaign_app.log (rotated); returns the file's path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "campaign_app.log"
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


class CrashHandler:
    """Installs itself as sys.excepthook and threading.excepthook."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.shown: list[str] = []  # what the dialogs said (tests read it)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError | UserErrors):
            text = "\n".join(str(e) for e in flatten(exc))
            self._show(QMessageBox.Icon.Warning, "campaign_app", text, None)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        text = QCoreApplication.translate(
            "CrashHandler",
            "Something went wrong: {error}\n\n"
            "Your work on disk is safe. The details were written to\n{log}\n"
            "Please send that file with a short note of what you were doing.",
        ).format(error=f"{exc_type.__name__}: {exc}", log=self.log_path)
        title = QCoreApplication.translate("CrashHandler", "campaign_app — unexpected error")
        self._show(QMessageBox.Icon.Critical, title, text, details)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str | None) -> None:
        self.shown.append(text)
        if QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        box = QMessageBox(icon, title, text)
        if details:
            box.setDetailedText(details)
        # Shown from the event loop, so a crash inside a paint or a slot cannot recurse.
        QTimer.singleShot(0, box.open)
        self._box = box
