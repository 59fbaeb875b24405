"""Who gets a template's letter by e-mail now, and who does not, before anything is sent.

The plan is made once per send and says, for the volunteer to read before confirming:
how many letters, from which address, through which server; who already has the letter
(sent, replied, closed), whose letter was printed to go by post, who is uncertain from an
interrupted run, whose letter changed after it was sent (resent only when named), who has
no e-mail address (post or web form).

It also refuses what must not go: a campaign still using the bundled example's made-up
sender, and letters the log holds as sent under a case or template id that no longer
exists (a renamed template must not make every letter new: ``log rename-template``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.campaign.before_writing import before_writing
from campaign_app.core.campaign.sent_letters import kept_for, kept_name
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.attachments import read_attachments
from campaign_app.core.letters.email.message import Attachment
from campaign_app.core.mail.settings import SmtpSettings
from campaign_app.core.outreach.claims import claim_running, describe_claim
from campaign_app.core.outreach.log_errors import LogUnusable
from campaign_app.core.outreach.records import DONE, History, read_history


@dataclass
class SendPlan:
    template_id: str
    query: str
    out_dir: Path
    formats: tuple[str, ...]  # attached: ("pdf",) or ("pdf", "docx")
    settings: SmtpSettings | None  # None: a dry run in a campaign with no mail server yet
    from_address: str
    to_send: list[Recipient]
    already_sent: list[Recipient] = field(default_factory=list)
    uncertain: list[Recipient] = field(default_factory=list)
    # claimed by a send still running (here, or recently on another computer): skipped
    being_sent: list[Recipient] = field(default_factory=list)
    being_sent_by: dict[str, str] = field(default_factory=dict)  # recipient id → who and since when
    # a letter kept in out/sent/ as sent (or about to be) that the contact log does not know:
    # the log was moved or lost, so nothing says they have not had it
    unrecorded: list[Recipient] = field(default_factory=list)
    by_hand: list[Recipient] = field(default_factory=list)
    printed: list[Recipient] = field(default_factory=list)  # printed to go by post: not e-mailed too
    revised: list[Recipient] = field(default_factory=list)  # changed since sent, not resent
    resend: list[Recipient] = field(default_factory=list)  # changed since sent, named to resend
    limited: int = 0  # how many were left for a later run by ``limit``
    resend_uncertain: bool = False
    email_printed: bool = False  # letters printed to go by post, not marked posted, are e-mailed
    example: bool = False  # from the bundled example's made-up sender: never really sent
    nobody_due: str = ""  # why there is nobody to write to yet (core/campaign/audience.py), else ""
    attachments: tuple[Attachment, ...] = ()  # the template's own files, sent with every letter
    offline: str = ""  # a dry run while the team's log cannot be reached: why (who had it is unknown)
    before_writing: list[str] = field(default_factory=list)  # check's warnings, for those to send to

    @property
    def server(self) -> str:
        s = self.settings
        return f"{s.host}:{s.port} ({s.security})" if s else _("no mail server (dry run only)")


def load_smtp_settings(ws: Workspace, required: bool = True) -> SmtpSettings | None:
    """campaign.yaml's smtp section (read with the campaign, once), or a clear message when
    there is none (None when it is not ``required``: a dry run needs no server)."""
    settings = ws.campaign.mail_settings()
    if not required and (settings is None or not settings.host):
        return None
    if settings is None or not settings.host:
        raise UserError(
            _("campaign.yaml has no mail server (smtp: host) to send through"),
            Location(display_path(ws.campaign_path)),
            _("fill in the SMTP server in the Settings tab, or add 'smtp:' with host, username and from"),
        )
    return settings


def send_blocker(ws: Workspace) -> tuple[str, list[str]] | None:
    """Why no real e-mail may go in this campaign's name: ("placeholders", the fields still
    holding a new campaign's "Your organisation"…), ("example", []) for the bundled
    example's made-up sender, or None. The send dialog says it with its plan, before Send."""
    from campaign_app.core.campaign.creation import placeholders_left

    left = placeholders_left(ws.campaign)
    if left:
        return "placeholders", left
    return ("example", []) if ws.campaign.is_example else None


def check_can_send(ws: Workspace) -> None:
    """Refuse to send real e-mail in the name of the bundled example's made-up sender, or of
    a new campaign's placeholders ("Your organisation", "Your name")."""
    blocker = send_blocker(ws)
    if blocker is None:
        return
    kind, left = blocker
    if kind == "placeholders":
        raise UserError(
            _("campaign.yaml still holds a new campaign's placeholders ({fields}): nothing was sent").format(
                fields=", ".join(left)
            ),
            Location(display_path(ws.campaign_path)),
            _("put your organisation, address and signatories in the Settings tab; --dry-run works"),
        )
    raise UserError(
        _("campaign.yaml still has the bundled example's sender ('example: true'): nothing was sent"),
        Location(display_path(ws.campaign_path)),
        _(
            'put your organisation, address and signatories in the Settings tab and untick "The '
            "bundled example's sender\" there (or remove 'example: true' from campaign.yaml); "
            "--dry-run works meanwhile"
        ),
    )


def plan_send(
    ws: Workspace,
    template_id: str,
    query: str | None = None,
    out_dir: Path | None = None,
    attach_docx: bool = False,
    resend_uncertain: bool = False,
    limit: int | None = None,
    *,
    email_printed: bool = False,
    dry_run: bool = False,
    resend: Sequence[str] = (),
    not_renamed: bool = False,
) -> SendPlan:
    """Who gets this template's letter now, who already has it, and who needs it by hand.

    ``resend`` names recipients whose letter changed after it was sent and who are to get
    the new version; ``email_printed``: a letter printed to go by post, not yet marked as
    posted, is e-mailed too (it was printed to be read over, say); ``not_renamed`` says
    that letters logged under a case or template id that no longer exists are other
    letters, not this one under an old name.
    """
    settings = load_smtp_settings(ws, required=not dry_run)
    from_address = (settings.from_address if settings else "") or ws.campaign.sender.email
    if not from_address:
        raise UserError(
            _("there is no address to send from"),
            Location(display_path(ws.campaign_path)),
            _("set 'from:' under smtp: (or the sender's email) in campaign.yaml"),
        )
    template = ws.template(template_id)
    attachments = read_attachments(template, ws.root)  # a missing file stops the send before it starts
    case_id = ws.case.id  # the case file's mistakes are said here, once, not once per letter
    from campaign_app.core.campaign.audience import template_audience  # (see generate.select_recipients)

    audience = template_audience(ws, template_id, query)
    recipients = audience.recipients
    histories, offline = _log_says(ws, case_id, template.id, recipients, not_renamed, dry_run)
    plan = SendPlan(
        template.id,
        query or "",
        (out_dir or ws.out_dir).resolve(),
        ("pdf", "docx") if attach_docx else ("pdf",),
        settings,
        from_address,
        [],
        resend_uncertain=resend_uncertain,
        email_printed=email_printed,
        example=ws.campaign.is_example,
        nobody_due=audience.nobody_due_message,
        attachments=attachments,
        offline=offline,
    )
    wanted = set(resend)
    # Kept copies count only when the log knows no letter of this template at all (moved,
    # replaced, lost): a send makes the next letter's copy ahead, before claiming it.
    kept = kept_for(plan.out_dir, template.id) if not histories else set()
    for r in recipients:
        history = histories.get(r.id)
        status = history.status if history else "none"
        if history is None and kept and kept_name(r.id) in kept:
            plan.unrecorded.append(r)
        elif history is not None and history.revised and status in DONE and r.id in wanted:
            plan.resend.append(r)
        elif history is not None and history.revised and status in DONE:
            plan.revised.append(r)
        elif status in DONE:
            plan.already_sent.append(r)
        elif status == "printed" and not (email_printed and r.email):
            plan.printed.append(r)
        elif status == "uncertain" and history is not None and claim_running(history):
            plan.being_sent.append(r)
            plan.being_sent_by[r.id] = describe_claim(history)
        elif status == "uncertain" and not resend_uncertain:
            plan.uncertain.append(r)
        elif not r.email:
            plan.by_hand.append(r)
        else:
            plan.to_send.append(r)
    unknown = wanted - {r.id for r in plan.resend}
    if unknown:
        raise UserError(
            _(
                "--resend {unknown}: no letter from template '{id}' to them was changed after it was sent"
            ).format(unknown=", ".join(sorted(unknown)), id=template.id),
            hint=_(
                "--resend is only for letters revised after sending; 'campaign-app log status --query "
                "status:revised' lists them"
            ),
        )
    plan.to_send = [r for r in plan.resend if r.email] + plan.to_send
    if limit is not None and len(plan.to_send) > limit:
        plan.limited = len(plan.to_send) - limit
        plan.to_send = plan.to_send[:limit]
    plan.before_writing = before_writing(template.id, plan.to_send)
    return plan


def _log_says(
    ws: Workspace,
    case_id: str,
    template_id: str,
    recipients: list[Recipient],
    not_renamed: bool,
    dry_run: bool,
) -> tuple[dict[str, History], str]:
    """The histories of this template's letters, after checking for renamed ids; with the
    team's log out of reach, a dry run goes on knowing none (and says why), a send refuses."""
    try:
        histories = letter_histories(ws, template_id)
        if not not_renamed:
            check_no_renamed_letters(ws, case_id, template_id, {r.id for r in recipients})
    except LogUnusable as exc:
        if not dry_run:  # nothing can be promised about duplicates
            raise
        return {}, exc.message  # a dry run writes the messages for review only
    return histories, ""


def letter_histories(ws: Workspace, template_id: str) -> dict[str, History]:
    """recipient id → the history of this template's letter to them (this case's). Only
    that template's letters are read: a team's log may hold 100,000 letters of other
    templates, and reading every recipient's state took seconds before each send."""
    if not ws.has_log():
        return {}
    with ws.read_log() as log:
        letters = log.contacts(ws.case.id, template_id=template_id)
        events = log.events_by_letter([c.id for c in letters])
    return {c.recipient_id: read_history(events.get(c.id, [])) for c in letters}


def check_no_renamed_letters(ws: Workspace, case_id: str, template_id: str, recipient_ids: set[str]) -> None:
    """Refuse to send when the log holds letters that went out to these recipients under a
    case or template id that no longer exists: a renamed id would make every letter new."""
    if not ws.has_log():
        return
    scan = ws.template_scan
    # A template file that does not load right now may still hold its id: never call it gone.
    templates = set(scan.templates) | {Path(p.where.path).stem for p in scan.problems if p.where}
    stale: dict[tuple[str, str], set[str]] = {}
    with ws.read_log() as log:
        # Only the letters under another case or a template that is gone, usually none.
        elsewhere = [c for c in log.contacts_elsewhere(case_id, templates) if c.recipient_id in recipient_ids]
        by_contact = log.events_by_letter([c.id for c in elsewhere]) if elsewhere else {}
    for c in elsewhere:
        if not read_history(by_contact.get(c.id, [])).went_out:
            continue
        key = ("case", c.case_id) if c.case_id != case_id else ("template", c.template_id)
        stale.setdefault(key, set()).add(c.recipient_id)
    if not stale:
        return
    problems = []
    team = ws.log_location.shared
    for (kind, old), rids in sorted(stale.items()):
        now = case_id if kind == "case" else template_id
        problems.append(
            UserError(
                _stale_message(kind, old, case_id, len(rids)),
                ws.log_location.where(),
                _team_hint(kind, old, now)
                if team
                else _(
                    "if the {kind} was renamed, run 'campaign-app log rename-{kind} {old} "
                    "{now}' so those letters count as sent; if it really is another letter, "
                    "send with --not-renamed"
                ).format(kind=kind, old=old, now=now),
            )
        )
    if len(problems) == 1:
        raise problems[0]
    raise UserErrors(problems)


def _team_hint(kind: str, old: str, now: str) -> str:
    """On a team's log another member's template (or a rename a coordinator made in the log)
    is the likelier reason than a rename here: renaming the log's letters onto this one would
    mark another letter as sent to them, so the hint never proposes it."""
    if kind == "template":
        return _(
            "if another member sends '{old}' from their copy of the campaign, it is another letter: "
            "send with --not-renamed; if '{now}' is '{old}' under its old name (a coordinator renamed "
            "it), update your copy of the campaign (letter_templates/{now}.md) instead"
        ).format(old=old, now=now)
    return _(
        "if the team's log names the case '{old}' now, update your copy of the campaign; if it "
        "really is another case's letter, send with --not-renamed"
    ).format(old=old)


def _stale_message(kind: str, old: str, case_id: str, count: int) -> str:
    """Letters logged under a case id that is not this campaign's, or a template id that no
    longer exists: one sentence each, so that each language can say it its way."""
    if kind == "case":
        return ngettext(
            "the contact log holds {count} letter(s) already sent to these recipients under case "
            "'{old}', which is not this campaign's case ('{case_id}'): nothing was sent",
            "the contact log holds {count} letter(s) already sent to these recipients under case "
            "'{old}', which is not this campaign's case ('{case_id}'): nothing was sent",
            count,
        ).format(count=count, old=old, case_id=case_id)
    return ngettext(
        "the contact log holds {count} letter(s) already sent to these recipients under template "
        "'{old}', which no longer exists: nothing was sent",
        "the contact log holds {count} letter(s) already sent to these recipients under template "
        "'{old}', which no longer exists: nothing was sent",
        count,
    ).format(count=count, old=old)
