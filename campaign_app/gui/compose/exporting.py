"""Exporting the previewed letter: ask where, write it as PDF or DOCX, open it.

The writing runs on the task runner's single writer thread (reportlab and python-docx are
not known to be thread-safe). The save dialog and the system viewer are module functions so
that a test can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from campaign_app.gui.compose.letters import LetterRequest, letter_for
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

EXPORT_FORMATS = {
    "pdf": QT_TRANSLATE_NOOP("Exporting", "PDF document (*.pdf)"),
    "docx": QT_TRANSLATE_NOOP("Exporting", "Word document (*.docx)"),
}


def export_letter(request: LetterRequest, target: Path, fmt: str) -> Path:
    """Render the letter as previewed and write it as PDF or DOCX (on the writer thread)."""
    from campaign_app.core.letters.docx.writer import write_docx
    from campaign_app.core.letters.pdf.writer import write_pdf

    _template, letter = letter_for(request)
    (write_docx if fmt == "docx" else write_pdf)(letter, target)
    return target


def ask_export_target(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to write the letter; the extension (.pdf or .docx) chooses the format."""
    formats = {key: QCoreApplication.translate("Exporting", text) for key, text in EXPORT_FORMATS.items()}
    title = QCoreApplication.translate("Exporting", "Export this letter")
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), ";;".join(formats.values()))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(path.name + (".docx" if chosen == formats["docx"] else ".pdf"))
    return path


def open_in_viewer(path: Path) -> None:
    """Show a written letter in the system's PDF viewer or word processor."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
