"""What the send dialog says before anything is sent: the templates to choose from, and the plan.

The plan is worded as ``campaign-app send`` says it before asking: how many letters go out,
from which address, through which server; how many were already sent, how many are uncertain
and are not sent again unless asked, who has no e-mail address and needs the letter by post
or web form, and how long the provider's pace will take.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
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
from campaign_app.gui.texts import clock


class PlanForm(QGroupBox):
    """ "Letters to send": the template, a query narrowing its audience, DOCX too, and whether to
    resend the letters whose sending was interrupted (with the warning that they may arrive twice)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Letters to send"))
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.template_combo = QComboBox()
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.query_edit = QLineEdit()
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(self.tr("optional, e.g.  country:DE  -status:replied"))
        self.query_edit.setToolTip(self.tr("Narrows the template's audience, as campaign-app send --query"))
        self.docx_check = QCheckBox(self.tr("Attach the &DOCX as well as the PDF"))
        self.resend_check = QCheckBox(self.tr("&Resend letters whose sending was interrupted (uncertain)"))
        self.resend_check.toggled.connect(self._resend_toggled)
        # A pack printed to read over marks its letters printed, to go by post: not e-mailed.
        self.printed_check = QCheckBox(self.tr("E-mail letters printed but not p&osted"))
        self.resend_warning = QLabel(
            self.tr(
                "These may already have arrived: the connection was lost before the server confirmed "
                "them. Resending may deliver them twice."
            )
        )
        self.resend_warning.setWordWrap(True)
        self.resend_warning.setObjectName("resend_warning")
        # Without these a word-wrapped label in a form row wraps after a few words.
        self.resend_warning.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.resend_warning.setMinimumWidth(420)
        self.resend_warning.setStyleSheet(style.MUTED_STYLE)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template_combo)
        query_label = QLabel(self.tr("Narrow by &query:"))
        query_label.setBuddy(self.query_edit)
        form.addRow(template_label, self.template_combo)
        form.addRow(query_label, self.query_edit)
        form.addRow("", self.docx_check)
        form.addRow("", self.printed_check)
        form.addRow("", self.resend_check)
        form.addRow("", self.resend_warning)

    def _resend_toggled(self, checked: bool) -> None:
        """Ticked, the warning is said as a warning; unticked, as a note."""
        self.resend_warning.setStyleSheet(
            style.text_style(style.ERROR, self.palette(), bold=True) if checked else style.MUTED_STYLE
        )


@dataclass(frozen=True)
class PlanAnswer:
    """What the dialog shows before anything is sent: the plan (None: ``error`` says why
    there is none), and ``blocked``, why its letters may be previewed and written as .eml
    files but not sent yet (no mail server; the example's or a new campaign's sender)."""

    plan: SendPlan | None
    error: UserError | UserErrors | None = None
    blocked: str = ""
    to_settings: bool = False  # the Settings tab is where the block is lifted


def plan_for(
    workspace: Workspace,
    template_id: str,
    query: str | None,
    docx: bool,
    resend: bool,
    email_printed: bool = False,
) -> PlanAnswer:
    """On the thread pool: the plan, as ``campaign-app send`` plans before it asks (without
    a mail server, a dry run's plan: the messages can still be looked at and written)."""
    from campaign_app.core.campaign.send_plan import load_smtp_settings, plan_send, send_blocker

    try:
        no_server = load_smtp_settings(workspace, required=False) is None  # a broken one: said
        plan = plan_send(
            workspace,
            template_id,
            query,
            attach_docx=docx,
            resend_uncertain=resend,
            email_printed=email_printed,
            dry_run=no_server,
        )
    except (UserError, UserErrors) as exc:
        return PlanAnswer(None, exc)
    if no_server:
        return PlanAnswer(plan, blocked=_no_server(), to_settings=True)
    blocker = send_blocker(workspace)
    return PlanAnswer(plan, blocked=_blocked(*blocker) if blocker else "", to_settings=bool(blocker))


def _meanwhile() -> str:
    return QCoreApplication.translate(
        "SendPlan", "Meanwhile, Preview and Write .eml files show what would go."
    )


def _no_server() -> str:
    return "\n".join(
        (
            QCoreApplication.translate(
                "SendPlan", "No mail server is set up for this campaign, so nothing can be sent yet."
            ),
            QCoreApplication.translate(
                "SendPlan", "Fill in the SMTP server, user name and From address in the Settings tab."
            ),
            _meanwhile(),
        )
    )


def _blocked(kind: str, fields: list[str]) -> str:
    """Why the campaign's sender may not send yet, in the window's words (the command
    line's name campaign.yaml and --dry-run)."""
    if kind == "placeholders":
        why = QCoreApplication.translate(
            "SendPlan",
            "The sender still holds a new campaign's placeholders ({fields}), so nothing can be sent "
            "yet: put your organisation, address and signatories in the Settings tab.",
        ).format(fields=", ".join(fields))
    else:
        why = QCoreApplication.translate(
            "SendPlan",
            "This campaign still writes as the bundled example's made-up sender, so nothing can be "
            "sent yet: put your organisation, address and signatories in the Settings tab and untick "
            '"The bundled example\'s sender" there.',
        )
    return why + "\n" + _meanwhile()


def plan_text(plan: SendPlan) -> str:
    """The plan in one paragraph, as the command line says it before asking."""
    if plan.nobody_due:  # a follow-up nobody is due for yet: not an error
        return QCoreApplication.translate("SendPlan", "Nothing to send: {reason}.").format(
            reason=plan.nobody_due
        )
    s, count = plan.settings, len(plan.to_send)
    parts = [
        PlanForm.tr("%n letter(s) to send from {sender} through {server}", "", count).format(  # type: ignore[arg-type]
            sender=plan.from_address, server=plan.server
        )
        + (
            QCoreApplication.translate("SendPlan", " as {user}").format(user=s.username)
            if s is not None and s.username
            else ""
        )
    ]
    parts.append(
        QCoreApplication.translate("SendPlan", "{count} already sent").format(count=len(plan.already_sent))
    )
    uncertain = (
        QCoreApplication.translate("SendPlan", "{count} uncertain (not sent again)")
        if plan.uncertain
        else QCoreApplication.translate("SendPlan", "{count} uncertain")
    )
    parts.append(uncertain.format(count=len(plan.uncertain)))
    if plan.unrecorded:
        parts.append(
            QCoreApplication.translate(
                "SendPlan", "{count} kept in out/sent/ as sent but not in the contact log (not sent again)"
            ).format(count=len(plan.unrecorded))
        )
    if plan.being_sent:
        parts.append(
            QCoreApplication.translate(
                "SendPlan", "{count} being sent right now elsewhere (left to that send)"
            ).format(count=len(plan.being_sent))
        )
    if plan.revised:
        parts.append(
            QCoreApplication.translate(
                "SendPlan", "{count} changed since they were sent (not sent again)"
            ).format(count=len(plan.revised))
        )
    parts.append(
        QCoreApplication.translate("SendPlan", "{count} without e-mail (post/web form)").format(
            count=len(plan.by_hand)
        )
    )
    text = "; ".join(parts) + "."
    for line in plan.before_writing:  # as check says it: written to in an office they have left…
        text += "\n" + QCoreApplication.translate("SendPlan", "Warning: {line}").format(line=line)
    if plan.to_send and s is not None:
        minutes = len(plan.to_send) / max(s.rate_per_minute, 1)
        pace = (
            QCoreApplication.translate("SendPlan", "about {time}").format(time=clock(minutes * 60))
            if minutes >= 1
            else QCoreApplication.translate("SendPlan", "under a minute")
        )
        text += "\n" + QCoreApplication.translate("SendPlan", "At most {rate} per minute: {pace}.").format(
            rate=s.rate_per_minute, pace=pace
        )
    return text


def send_question(plan: SendPlan) -> str:
    """ "Send 12 letters now?" with the sender, the server, the account and the template."""
    s, count = plan.settings, len(plan.to_send)
    text = PlanForm.tr("Send %n letter(s) now?", "", count) + "\n\n"  # type: ignore[arg-type]
    text += QCoreApplication.translate("SendPlan", "From: {sender}\nServer: {server}").format(
        sender=plan.from_address, server=plan.server
    )
    if s is not None and s.username:
        text += "\n" + QCoreApplication.translate("SendPlan", "Account: {user}").format(user=s.username)
    text += (
        "\n"
        + QCoreApplication.translate("SendPlan", "Template: {template}").format(template=plan.template_id)
        + "\n\n"
    )
    return text + QCoreApplication.translate(
        "SendPlan", "Each letter is recorded in the contact log as it goes."
    )


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
