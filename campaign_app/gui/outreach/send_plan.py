"""What the send dialog says before anything is sent: the templates to choose from, and the plan.

The plan is worded as ``campaign-app send`` says it before asking: how many letters go out,
from which address, through which server; how many were already sent, how many are uncertain
and are not sent again unless asked, who has no e-mail address and needs the letter by post
or web form, and how long the provider's pace will take.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from campaign_app.core.campaign.send_plan import SendPlan
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui import style
from campaign_app.gui.texts import clock, plural


class PlanForm(QGroupBox):
    """ "Letters to send": the template, a query narrowing its audience, DOCX too, and whether to
    resend the letters whose sending was interrupted (with the warning that they may arrive twice)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Letters to send", parent)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.template_combo = QComboBox()
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.query_edit = QLineEdit()
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText("optional, e.g.  country:DE  -status:replied")
        self.query_edit.setToolTip("Narrows the template's audience, as campaign-app send --query")
        self.docx_check = QCheckBox("Attach the &DOCX as well as the PDF")
        self.resend_check = QCheckBox("&Resend letters whose sending was interrupted (uncertain)")
        self.resend_check.toggled.connect(self._resend_toggled)
        self.resend_warning = QLabel(
            "These may already have arrived: the connection was lost before the server confirmed them. "
            "Resending may deliver them twice."
        )
        self.resend_warning.setWordWrap(True)
        self.resend_warning.setObjectName("resend_warning")
        # Without these a word-wrapped label in a form row wraps after a few words.
        self.resend_warning.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.resend_warning.setMinimumWidth(420)
        self.resend_warning.setStyleSheet(style.MUTED_STYLE)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_combo)
        query_label = QLabel("Narrow by &query:")
        query_label.setBuddy(self.query_edit)
        form.addRow(template_label, self.template_combo)
        form.addRow(query_label, self.query_edit)
        form.addRow("", self.docx_check)
        form.addRow("", self.resend_check)
        form.addRow("", self.resend_warning)

    def _resend_toggled(self, checked: bool) -> None:
        """Ticked, the warning is said as a warning; unticked, as a note."""
        self.resend_warning.setStyleSheet(
            style.text_style(style.ERROR, self.palette(), bold=True) if checked else style.MUTED_STYLE
        )


def plan_for(
    workspace: Workspace, template_id: str, query: str | None, docx: bool, resend: bool
) -> tuple[str, object]:
    """On the thread pool: ("ok", the SendPlan), ("no-smtp", why) when no mail server is set up,
    or ("error", the mistake) — as ``campaign-app send`` plans before it asks."""
    from campaign_app.core.campaign.send_plan import load_smtp_settings, plan_send

    try:
        load_smtp_settings(workspace)
    except UserError as exc:
        return "no-smtp", exc
    try:
        return "ok", plan_send(workspace, template_id, query, attach_docx=docx, resend_uncertain=resend)
    except (UserError, UserErrors) as exc:
        return "error", exc


def plan_text(plan: SendPlan) -> str:
    """The plan in one paragraph, as the command line says it before asking."""
    if plan.nobody_due:  # a follow-up nobody is due for yet: not an error
        return f"Nothing to send: {plan.nobody_due}."
    s = plan.settings
    parts = [
        f"{plural(len(plan.to_send), 'letter')} to send from {plan.from_address} through {plan.server}"
        + (f" as {s.username}" if s is not None and s.username else "")
    ]
    parts.append(f"{len(plan.already_sent)} already sent")
    parts.append(f"{len(plan.uncertain)} uncertain (not sent again)" if plan.uncertain else "0 uncertain")
    if plan.revised:
        parts.append(f"{len(plan.revised)} changed since they were sent (not sent again)")
    parts.append(f"{len(plan.by_hand)} without e-mail (post/web form)")
    text = "; ".join(parts) + "."
    if plan.to_send and s is not None:
        minutes = len(plan.to_send) / max(s.rate_per_minute, 1)
        pace = f"about {clock(minutes * 60)}" if minutes >= 1 else "under a minute"
        text += f"\nAt most {s.rate_per_minute} per minute: {pace}."
    return text


def fill_templates(combo: QComboBox, workspace: Workspace | None) -> None:
    """Offer the campaign's templates by title (their audience as the tooltip), keeping the
    one chosen if it is still there; a broken templates folder offers none (the plan says why)."""
    previous = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    try:
        templates = workspace.template_scan.templates if workspace is not None else {}
    except (UserError, UserErrors):
        templates = {}
    for template in sorted(templates.values(), key=lambda t: (t.title.casefold(), t.id)):
        combo.addItem(f"{template.title}  ({template.id})", template.id)
        combo.setItemData(combo.count() - 1, template.audience, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(previous) if previous is not None else -1
    combo.setCurrentIndex(max(index, 0) if combo.count() else -1)
    combo.blockSignals(False)
