"""Marking what happened to a letter: a reply came, none came, the matter is closed, or
it went out by post, web form, fax or in person.

The dialog only collects the choice; the Outreach tab records it with
``campaign.marking.mark_letter`` (the same call as ``campaign-app log mark``), off the UI thread, with
the volunteer's name from Settings. A letter sent without e-mail must say how it went, so
"sent" asks for its channel: the log then tells a coordinator it was posted, not e-mailed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from campaign_app.gui import style
from campaign_app.gui.asking import ask_to_go_on
from campaign_app.gui.outreach.words import channel_name
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

# status, label (translated when shown); "sent" here is by hand (e-mails are recorded by Send letters…).
CHOICES = (
    ("replied", QT_TRANSLATE_NOOP("MarkDialog", "&Replied")),
    ("no-reply", QT_TRANSLATE_NOOP("MarkDialog", "&No reply (stop waiting)")),
    ("closed", QT_TRANSLATE_NOOP("MarkDialog", "C&losed")),
    ("sent", QT_TRANSLATE_NOOP("MarkDialog", "&Sent by post, web form, fax or in person")),
)
CHANNEL_CHOICES = ("post", "web-form", "fax", "in-person")
# Offered for an uncertain letter only: whoever finds it in the Sent folder says it went.
WENT_BY_EMAIL = ("sent-email", QT_TRANSLATE_NOOP("MarkDialog", "E-mail &went out: it is in the Sent folder"))


@dataclass(frozen=True)
class MarkRequest:
    recipient_id: str
    status: str
    note: str
    channel: str
    template_id: str | None  # the letter's template (each mark concerns one letter)


class MarkDialog(QDialog):
    """Mark one recipient's letters; ``request()`` holds the choice once accepted."""

    def __init__(
        self,
        recipient_id: str,
        name: str,
        templates: list[str],
        status: str = "replied",
        by: str = "",
        parent: QWidget | None = None,
        uncertain: bool = False,
    ):
        super().__init__(parent)
        self.recipient_id = recipient_id
        self.setWindowTitle(self.tr("Mark — {name}").format(name=name))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("What happened with the letter to <b>{name}</b>?").format(name=_escape(name)))
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        for key, label in (*CHOICES, WENT_BY_EMAIL) if uncertain else CHOICES:
            button = QRadioButton(self.tr(label))
            self.status_group.addButton(button)
            self.status_buttons[key] = button
            layout.addWidget(button)
        (self.status_buttons.get(status) or self.status_buttons["replied"]).setChecked(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.channel_combo = QComboBox()
        for key in CHANNEL_CHOICES:
            self.channel_combo.addItem(channel_name(key), key)
        channel_label = QLabel(self.tr("&Channel:"))
        channel_label.setBuddy(self.channel_combo)
        form.addRow(channel_label, self.channel_combo)
        # One letter at a time: a reply to one appeal must not close another by mistake.
        self.letter_combo = QComboBox()
        for template_id in templates:
            self.letter_combo.addItem(
                self.tr("The letter from template {template}").format(template=template_id), template_id
            )
        letter_label = QLabel(self.tr("L&etter:"))
        letter_label.setBuddy(self.letter_combo)
        form.addRow(letter_label, self.letter_combo)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("optional, e.g. what they answered, or a reference number"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 14)
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        layout.addLayout(form)

        self.by_label = QLabel(
            self.tr("Recorded in the contact log as done by {name}.").format(name=by) if by else ""
        )
        self.by_label.setWordWrap(True)
        self.by_label.setStyleSheet(style.MUTED_STYLE)
        layout.addWidget(self.by_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Mark"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note_edit.installEventFilter(self)  # Ctrl+Enter in the note marks
        self.status_group.buttonToggled.connect(self._update)
        self._update()
        self.note_edit.setFocus()

    def eventFilter(self, watched, event) -> bool:
        """Ctrl+Enter in the note box marks, as Enter does elsewhere in the dialog (the box
        takes a plain Enter as a new line)."""
        if (
            watched is self.note_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def reject(self) -> None:
        """Esc, Cancel or closing: a note typed here is not dropped without asking."""
        if self.note_edit.toPlainText().strip() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return ask_to_go_on(
            self, self.tr("Discard the note?"), self.tr("The note you typed is not recorded. Discard it?")
        )

    def status(self) -> str:
        for key, button in self.status_buttons.items():
            if button.isChecked():
                return key
        return "replied"

    def _update(self, *_args) -> None:
        self.channel_combo.setEnabled(self.status() == "sent")

    def request(self) -> MarkRequest:
        status = self.status()
        if status == "sent-email":  # the uncertain e-mail went (campaign-app log mark … --channel email)
            status, channel = "sent", "email"
        else:
            channel = self.channel_combo.currentData() if status == "sent" else ""
        return MarkRequest(
            self.recipient_id,
            status,
            self.note_edit.toPlainText().strip(),
            channel,
            self.letter_combo.currentData(),
        )


def _escape(text: str) -> str:
    import html

    return html.escape(text)
