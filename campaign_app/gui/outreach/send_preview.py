"""The send dialog's first pages: what it is about, and the first messages as they will be sent.

The preview lists the first messages (recipient and address); choosing one shows its headers,
its attachments with their sizes, and its text, exactly as the message will be sent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPlainTextEdit, QSplitter, QWidget

from campaign_app.gui import style
from campaign_app.gui.outreach.send_worker import PreviewMessage


def intro_page() -> QLabel:
    """The page shown before a preview or a run: what the buttons above do."""
    label = QLabel(
        QCoreApplication.translate(
            "SendPreview",
            "Preview shows the first messages exactly as they will be sent. "
            "Write .eml files is a dry run of all of them. Nothing leaves this computer until you press "
            "Send and confirm.",
        )
    )
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"{style.MUTED_STYLE} padding: 30px;")
    return label


def size_text(n: int) -> str:
    if n >= 1024:
        return QCoreApplication.translate("SendPreview", "{size} kB").format(size=f"{n / 1024:.0f}")
    return MessagePreview.tr("%n byte(s)", "", n)  # type: ignore[arg-type]


def message_text(p: PreviewMessage) -> str:
    """A message as a mail program would show it: headers, attachments, then the text."""
    attachments = ", ".join(
        f"{name} ({size_text(size)})" for name, size in p.attachments()
    ) or QCoreApplication.translate("SendPreview", "none")
    headers = [
        (QCoreApplication.translate("SendPreview", "From:"), p.sender),
        (QCoreApplication.translate("SendPreview", "To:"), p.to),
    ]
    if p.message["Reply-To"]:
        headers.append((QCoreApplication.translate("SendPreview", "Reply-To:"), str(p.message["Reply-To"])))
    headers += [
        (QCoreApplication.translate("SendPreview", "Subject:"), p.subject),
        (QCoreApplication.translate("SendPreview", "Attached:"), attachments),
    ]
    width = max(len(name) for name, _value in headers) + 1
    lines = [f"{name.ljust(width)}{value}" for name, value in headers]
    lines += ["", p.body()]
    return "\n".join(lines)


class MessagePreview(QSplitter):
    """The first messages on the left; the chosen one, in full, on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.previews: list[PreviewMessage] = []
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("preview_list")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(
            lambda current, _p: self.show_message(current.row())
        )
        self.view = QPlainTextEdit()
        self.view.setObjectName("preview_view")
        self.view.setReadOnly(True)
        self.addWidget(self.list)
        self.addWidget(self.view)
        self.setSizes([260, 700])

    def show_note(self, text: str) -> None:
        """A note instead of the messages ("Building the first messages…", a problem)."""
        self.previews = []
        self.model.clear()
        self.view.setPlainText(text)

    def show_previews(self, previews: list[PreviewMessage]) -> None:
        self.previews = previews
        for p in previews:
            item = QStandardItem(f"{p.recipient.display_name}\n{p.recipient.email}")
            item.setToolTip(p.to)
            self.model.appendRow(item)
        if previews:
            self.list.setCurrentIndex(self.model.index(0, 0))
            self.show_message(0)

    def show_message(self, row: int) -> None:
        if 0 <= row < len(self.previews):
            self.view.setPlainText(message_text(self.previews[row]))

    def text(self) -> str:
        return self.view.toPlainText()
