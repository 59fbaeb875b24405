"""Marking what happened to a letter: a reply came, none came, the matter is closed, or
it went out by post, web form, fax or in person.

The dialog only collects the choice; the Outreach tab records it with
``campaign.marking.mark_letters`` (the same call as ``campaign-app log mark``), off the UI thread, with
the volunteer's name from Settings. A letter sent without e-mail must say how it went, so
"sent" asks for its channel: the log then tells a coordinator it was posted, not e-mailed.
For several recipients selected (a print pack posted, a meeting's replies) it says how many
and who, and the one choice is recorded for each of them, or for none.
"""

from __future__ import annotations

from collections.abc import Sequence
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
NAMES_SHOWN = 5  # several recipients: this many named, the others counted


@dataclass(frozen=True)
class MarkRequest:
    recipient_ids: tuple[str, ...]  # one, or several marked alike (all or none)
    status: str
    note: str
    channel: str
    template_id: str | None  # the letter's template (each mark concerns one letter); None: each one's only


class MarkDialog(QDialog):
    """Mark the letters of one recipient, or of several alike; ``request()`` holds the choice
    once accepted. ``recipients``: (id, name) of each; ``one_each``: each of them has one
    letter (then "each one's letter" is offered when their templates differ); ``left_out``:
    how many of those selected have no letter to mark."""

    def __init__(
        self,
        recipients: Sequence[tuple[str, str]],
        templates: list[str],
        status: str = "replied",
        by: str = "",
        parent: QWidget | None = None,
        uncertain: bool = False,
        *,
        one_each: bool = False,
        left_out: int = 0,
    ):
        super().__init__(parent)
        self.recipient_ids = tuple(rid for rid, _name in recipients)
        count = len(recipients)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if count == 1:
            name = recipients[0][1]
            self.setWindowTitle(self.tr("Mark — {name}").format(name=name))
            said = self.tr("What happened with the letter to <b>{name}</b>?").format(name=_escape(name))
        else:
            self.setWindowTitle(self.tr("Mark — %n recipient(s)", "", count))
            said = self.tr(
                "What happened with the letters to these %n recipients: {names}?", "", count
            ).format(names=self._names([name for _rid, name in recipients]))
            if left_out:
                said += "<br>" + self.tr(
                    "%n selected recipient(s) with no letter in the log are left out.", "", left_out
                )
        intro = QLabel(said)
        intro.setObjectName("mark_intro")
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.intro = intro

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
        if count > 1 and one_each and len(templates) > 1:
            self.letter_combo.addItem(
                self.tr("Each one's letter (templates {templates})").format(templates=", ".join(templates)),
                None,
            )
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
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Mark") if count == 1 else self.tr("&Mark %n recipient(s)", "", count)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.note_edit.installEventFilter(self)  # Ctrl+Enter in the note marks
        self.status_group.buttonToggled.connect(self._update)
        self._update()
        self.note_edit.setFocus()

    def _names(self, names: list[str]) -> str:
        """The names in bold, each of them when there are a few, else the first ones and how
        many more."""
        if len(names) <= NAMES_SHOWN:
            return ", ".join(f"<b>{_escape(n)}</b>" for n in names)
        shown = ", ".join(f"<b>{_escape(n)}</b>" for n in names[: NAMES_SHOWN - 1])
        return self.tr("{names} and %n more", "", len(names) - NAMES_SHOWN + 1).format(names=shown)

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
            self.recipient_ids,
            status,
            self.note_edit.toPlainText().strip(),
            channel,
            self.letter_combo.currentData(),
        )


def _escape(text: str) -> str:
    import html

    return html.escape(text)
