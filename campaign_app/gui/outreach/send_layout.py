"""The send dialog's widgets: the plan form, the plan's words, the actions, and the pages
(intro, message preview, progress, summary). What they do is send_dialog.py's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.gui.outreach.send_pages import ProgressPage, SummaryPage
from campaign_app.gui.outreach.send_plan import PlanForm
from campaign_app.gui.outreach.send_preview import MessagePreview, intro_page
from campaign_app.gui.outreach.send_worker import PREVIEW_COUNT


class SendDialogLayout(QDialog):
    """The dialog's widgets, laid out; no behaviour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setSpacing(10)

        self.form_box = PlanForm()
        # the dialog's own names for the form's fields
        self.template_combo = self.form_box.template_combo
        self.query_edit = self.form_box.query_edit
        self.docx_check = self.form_box.docx_check
        self.resend_check = self.form_box.resend_check
        self.printed_check = self.form_box.printed_check
        self.resend_warning = self.form_box.resend_warning
        outer.addWidget(self.form_box)

        plan_row = QHBoxLayout()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("plan_label")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_button = QPushButton(self.tr("Open Settin&gs"))
        self.settings_button.setToolTip(self.tr("Fill in the mail server (SMTP) in the Settings tab"))
        self.settings_button.hide()
        plan_row.addWidget(self.plan_label, 1)
        plan_row.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(plan_row)

        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setToolTip(
            SendDialogLayout.tr("Show the first %n message(s) as they will be sent", "", PREVIEW_COUNT)  # type: ignore[arg-type]
        )
        self.eml_button = QPushButton(self.tr("Write .&eml files"))
        self.eml_button.setToolTip(
            self.tr(
                "Dry run: write every message as an .eml file beside its letter, to open in a mail "
                "program; nothing is sent"
            )
        )
        self.send_button = QPushButton(self.tr("&Send…"))
        self.send_button.setToolTip(self.tr("Asks for confirmation, then the password, then sends"))
        actions.addWidget(self.preview_button)
        actions.addWidget(self.eml_button)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        outer.addLayout(actions)

        self.stack = QStackedWidget()
        self.stack.addWidget(intro_page())
        self.message_preview = MessagePreview()
        self.stack.addWidget(self.message_preview)
        self.progress_page = ProgressPage()
        self.progress_bar = self.progress_page.progress_bar
        self.progress_label = self.progress_page.progress_label
        self.elapsed_label = self.progress_page.elapsed_label
        self.cancel_button = self.progress_page.cancel_button
        self.summary_page = SummaryPage()
        page = self.summary_page  # the dialog's own names for the summary's parts
        self.headline, self.stopped_label, self.counts_label = (
            page.headline,
            page.stopped_label,
            page.counts_label,
        )
        self.summary_model, self.summary_table = page.summary_model, page.summary_table
        self.by_hand_label, self.open_folder_button = page.by_hand_label, page.open_folder_button
        self.stack.addWidget(self.progress_page)
        self.stack.addWidget(self.summary_page)
        outer.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("&Close"))
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)

    # ---- asking ---------------------------------------------------------------------------------

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_password(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("SMTP password"), prompt, QLineEdit.EchoMode.Password)
        return text if ok and text else None
