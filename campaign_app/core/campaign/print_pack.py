"""The print pack: one PDF to print and post a template's letters, and the log told so.

Many offices (ministries, prosecutors, courts) take appeals only by post. A volunteer asks
for the letters of a template (narrowed by a query, as for ``generate``) and gets one PDF:
every letter to a recipient with a postal address, each starting on an odd page (for
duplex printers), then an envelope or a label per letter in the same order
(core/letters/post). Recipients without a postal address are named, never dropped
silently: they need another way (e-mail, a web form).

A letter the log says already went out (by post or by e-mail), was answered or closed is
left out and named with how it went, so that printing a template again posts nobody the
same letter twice; ``include_sent`` prints those too (a paper copy of an e-mailed letter,
on purpose). A letter whose e-mail bounced is printed: the post is how it can still
arrive. A letter printed before and not marked as posted is printed again (the pack was
lost, or never printed) and named, in case it was posted after all.

The letters are the files ``generate`` writes (core/campaign/letter_files.py: current ones
are reused, the rest written and recorded in the manifest), so the paper copy is the
letter the log points at. The pack is written whole or not at all; only once it exists
are the letters recorded as "printed" (see core/outreach/records.py for what that means
to ``send``), and ``log mark ID --status sent --channel post`` records the posting.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.campaign.audience import template_audience
from campaign_app.core.campaign.generate import BatchProgress
from campaign_app.core.campaign.letter_files import LetterFiles, PreparedLetter
from campaign_app.core.campaign.send_plan import letter_histories
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.campaign.workspace_files import refuse_campaign_file
from campaign_app.core.common.atomic import atomic_write_bytes, make_folder
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.post.address import Mailing
from campaign_app.core.letters.post.envelopes import ENVELOPES
from campaign_app.core.letters.post.labels import LABEL_SHEETS
from campaign_app.core.letters.sender import SenderView
from campaign_app.core.outreach.records import History, NewContact

ENVELOPE_SIZES = tuple(ENVELOPES)


@dataclass
class PrintPlan:
    """Who is in the pack (in order) and who is not for want of a postal address."""

    template_id: str
    query: str
    out: Path
    envelope: str | None
    labels: str | None
    recipients: list[Recipient]
    unaddressed: list[Recipient]
    nobody_due: str = ""
    # left out: their letter went out already, was answered or closed (the line says how)
    already_sent: list[tuple[Recipient, str]] = field(default_factory=list)
    printed_before: list[Recipient] = field(default_factory=list)  # in the pack again, not posted


@dataclass
class PrintProgress(BatchProgress):
    """Progress as a batch's, plus the recipient whose letter is being prepared."""

    current: str = ""


@dataclass
class PrintResult:
    printed: list[str] = field(default_factory=list)  # recipient ids, in the pack's order
    unaddressed: list[Recipient] = field(default_factory=list)
    pages: int = 0
    letter_pages: list[int] = field(default_factory=list)  # first page of each letter (1-based)
    letters_end: int = 0  # the letters' last page; the envelopes or labels follow it
    cancelled: bool = False
    out: Path | None = None  # the pack, once written


def postal_address(recipient: Recipient, language: str) -> str:
    """The recipient's postal address in the letter's language ("" when there is none)."""
    return recipient.view(language).postal_address.strip()


def unaddressed_line(recipient: Recipient) -> str:
    """How the command line and the window list a recipient left out of the pack: who, and
    the way they can be reached instead."""
    r = recipient
    other = (
        f"e-mail {r.email}" if r.email else f"web form {r.web_form}" if r.web_form else "no address at all"
    )
    return f"{r.id}: {r.display_name} ({other})"


def left_out_line(recipient: Recipient, how: str) -> str:
    """How the command line and the window list a letter left out as already sent."""
    return f"{recipient.id}: {recipient.display_name} — {how}"


def went_out_as(history: History) -> str:
    """How a letter reached its recipient or was settled, in the log's words ("sent (post,
    2026-12-05)", "replied (email, 2026-12-05)"), or "" when it may still be printed: never
    went anywhere, failed, or its e-mail bounced (the post is then the way left)."""
    if history.status == "bounced" or not (
        history.went_out or history.status in ("replied", "no-reply", "closed", "uncertain")
    ):
        return ""
    sent = history.sent
    return f"{history.status} ({sent.channel or 'email'}, {sent.at[:10]})" if sent else history.status


def plan_print(
    ws: Workspace,
    template_id: str,
    out: Path,
    query: str | None = None,
    envelope: str | None = None,
    labels: str | None = None,
    include_sent: bool = False,
) -> PrintPlan:
    """The template's audience (narrowed by ``query``), split by whether a letter can be
    posted, and leaving out the letters that already went out (unless ``include_sent``)."""
    if envelope and labels:
        raise UserError(
            _("a print pack has envelopes or labels, not both"), hint=_("choose --envelope or --labels")
        )
    if envelope and envelope not in ENVELOPES:
        raise UserError(
            _("unknown envelope '{envelope}'").format(envelope=envelope),
            hint=_("use one of {envelopes}").format(envelopes=", ".join(ENVELOPES)),
        )
    if labels and labels not in LABEL_SHEETS:
        raise UserError(
            _("unknown label sheet '{labels}'").format(labels=labels),
            hint=_("use one of {label_sheets}").format(label_sheets=", ".join(LABEL_SHEETS)),
        )
    refuse_campaign_file(ws.root, out, f"{template_id}-print.pdf")
    if out.suffix.lower() != ".pdf":  # as log report: a PDF under another name opens as garbage
        raise UserError(
            _("cannot write the print pack to {name}: it is a PDF").format(name=out.name),
            Location(display_path(out)),
            _("end the file name in .pdf"),
        )
    template = ws.template(template_id)
    audience = template_audience(ws, template.id, query)
    with_address = [r for r in audience.recipients if postal_address(r, template.language)]
    without = [r for r in audience.recipients if not postal_address(r, template.language)]
    plan = PrintPlan(
        template.id, query or "", Path(out), envelope, labels, [], without, audience.nobody_due_message
    )
    histories = letter_histories(ws, template.id) if with_address else {}
    for r in with_address:
        history = histories.get(r.id)
        how = went_out_as(history) if history is not None else ""
        if how and not include_sent:
            plan.already_sent.append((r, how))
            continue
        plan.recipients.append(r)
        if history is not None and history.status == "printed":
            plan.printed_before.append(r)
    if plan.already_sent and not plan.recipients and not plan.nobody_due:
        plan.nobody_due = _(
            "every letter of template '{template_id}' to a recipient with a postal address already went out"
        ).format(template_id=template.id)
    return plan


def run_print(
    ws: Workspace,
    plan: PrintPlan,
    progress: Callable[[PrintProgress], None] | None = None,
    cancel: threading.Event | None = None,
    by: str | None = None,
    today: dt.date | None = None,
) -> PrintResult:
    """Prepare every letter, write the pack whole, then record the letters as printed.

    Cancel (or Ctrl-C, a kill, a closed terminal) stops between letters: no pack is written
    and nothing is recorded as printed; the letter files already written to out/ are
    complete, kept, and in the manifest. A second Ctrl-C stops at once."""
    from campaign_app.core.common.processes import ctrl_c_cancels

    cancel = cancel or threading.Event()
    result = PrintResult(unaddressed=list(plan.unaddressed))
    if not plan.recipients:
        raise UserError(
            _(
                "nobody of template '{template_id}'s audience has a postal address: nothing was printed"
            ).format(template_id=plan.template_id),
            hint=_(
                "add postal_address to the recipients in the directory, or send them the letter by e-mail"
            ),
        )
    files = LetterFiles(ws, plan.template_id, ws.out_dir, today=today)
    prepared: list[PreparedLetter] = []
    total, start = len(plan.recipients), time.monotonic()
    try:
        with ctrl_c_cancels(cancel):  # in the main thread only: the window has its Cancel
            for number, recipient in enumerate(plan.recipients):
                if cancel.is_set():
                    result.cancelled = True
                    return result
                if progress:
                    elapsed = time.monotonic() - start
                    progress(PrintProgress(number, total, 0, elapsed, recipient.display_name))
                prepared.append(files.prepare(recipient, ("pdf",)))
    except KeyboardInterrupt:
        result.cancelled = True
        return result
    finally:
        if files.written:
            files.manifest.save()
    if cancel.is_set():  # pressed while the last letter was prepared: still before the pack
        result.cancelled = True
        return result
    if progress:
        progress(PrintProgress(total, total, 0, time.monotonic() - start))
    data, result.letter_pages, result.letters_end, result.pages = _compose(ws, plan, prepared)
    make_folder(plan.out.parent)
    atomic_write_bytes(plan.out, data)
    result.out = plan.out
    result.printed = [p.recipient.id for p in prepared]
    _record_printed(ws, plan, prepared, by)
    return result


def how_to_print(plan: PrintPlan, result: PrintResult) -> str:
    """What to tell the printer: the letters are set for both sides of the paper (each one
    starts on a new sheet), envelopes and label sheets for one side, fed as they need; a
    two-sided job of the whole pack would print an envelope on the back of another."""
    end, total = result.letters_end, result.pages
    if total <= end:
        return _("Print it on both sides of the paper: every letter starts on a new sheet.")
    rest, n = (f"{end + 1}–{total}" if total > end + 1 else str(total)), total - end
    if plan.envelope:
        return ngettext(
            "Print pages 1–{end} (the letters) on both sides of the paper; then page {rest} on one "
            "side only, with a {envelope} envelope in the manual feed.",
            "Print pages 1–{end} (the letters) on both sides of the paper; then pages {rest} on one "
            "side only, with {envelope} envelopes in the manual feed.",
            n,
        ).format(end=end, rest=rest, envelope=plan.envelope)
    return ngettext(
        "Print pages 1–{end} (the letters) on both sides of the paper; then page {rest} on one side "
        "only, on a sheet of {labels} labels.",
        "Print pages 1–{end} (the letters) on both sides of the paper; then pages {rest} on one side "
        "only, on sheets of {labels} labels.",
        n,
    ).format(end=end, rest=rest, labels=plan.labels)


def _compose(
    ws: Workspace, plan: PrintPlan, prepared: list[PreparedLetter]
) -> tuple[bytes, list[int], int, int]:
    """The pack's bytes, the first page of each letter, the letters' pages, all the pages."""
    from campaign_app.core.letters.post.pack import compose_pack

    tail = None
    mailings = [_mailing(ws, p) for p in prepared]
    if plan.envelope:
        from campaign_app.core.letters.post.envelopes import envelope_pages

        tail = envelope_pages(mailings, plan.envelope)
    elif plan.labels:
        from campaign_app.core.letters.post.labels import label_sheets

        tail = label_sheets(mailings, plan.labels)
    title = f"Letters to print: {plan.template_id}"
    return compose_pack([p.pdf.data for p in prepared], tail, title)


def _mailing(ws: Workspace, prepared: PreparedLetter) -> Mailing:
    """The envelope's text: the letter's own address block (with the country line a letter
    abroad needs: core/letters/render.py), and the sender's return line."""
    letter = prepared.letter
    sender = SenderView(ws.campaign, letter.language)
    return_line = ", ".join(x for x in (sender.organisation, *sender.address_lines) if x)
    return Mailing(prepared.recipient.id, tuple(letter.recipient_lines), return_line)


def _record_printed(ws: Workspace, plan: PrintPlan, prepared: list[PreparedLetter], by: str | None) -> None:
    """Each letter recorded (drafted, if new to the log) and marked printed, to go by post;
    its file kept as printed (out/sent/, as a sent letter's), so that marking it posted
    later names what went in the envelope, not a draft made after the printing."""
    from campaign_app.core.campaign.sent_letters import keep_letter
    from campaign_app.core.common.appstate import volunteer_name

    who = by or volunteer_name()
    case_id = ws.case.id
    detail = f"print pack {display_path(plan.out)}"
    with ws.open_log() as log:
        log.record_drafts([_new_contact(ws, p) for p in prepared], who)
        for p in prepared:
            contact = log.contact_for(p.recipient.id, case_id, plan.template_id)
            if contact is None:  # recorded just above: only a log changed under us lacks it
                raise UserError(
                    _("the contact log lost the letter to '{id}' while printing").format(id=p.recipient.id),
                    Location(display_path(ws.log_path)),
                    _("print again"),
                )
            # the bytes the pack was made of: the file in out/ may have been written again since
            pdf = p.pdf
            kept = keep_letter(ws.out_dir, plan.template_id, p.recipient.id, pdf.path, pdf.data, pdf.sha256)
            path = ws.relative(kept.path)
            sha256 = kept.sha256
            log.add_event(contact.id, "printed", who, detail, "post", letter_path=path, letter_sha256=sha256)


def _new_contact(ws: Workspace, p: PreparedLetter) -> NewContact:
    r, letter = p.recipient, p.letter
    return NewContact(
        recipient_id=r.id,
        recipient_name=r.display_name,
        category=r.category,
        case_id=letter.case_id,
        template_id=letter.template_id,
        language=letter.language,
        channel="post",
        address=", ".join(postal_address(r, letter.language).splitlines()),
        letter_path=ws.relative(p.pdf.path),
        letter_sha256=p.pdf.sha256,
    )
