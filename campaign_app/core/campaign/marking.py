"""Recording by hand what the program could not see: a reply, no reply, a closing, or a
letter that went by post, web form, fax or in person.

One function for the command line (``log mark``) and the Outreach tab. A letter marked as
sent keeps its file as sent letters are kept (out/sent/, see core/campaign/sent_letters.py), so the
log points at what the official holds. A letter printed and posted before the log was
lost (or moved aside) can still be recorded: its file in out/ is found through the
manifest and the letter is recorded first.
"""

from __future__ import annotations

from pathlib import Path

from campaign_app.core.campaign.generate import channel_of
from campaign_app.core.campaign.manifest import Manifest
from campaign_app.core.campaign.sent_letters import keep_letter
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.records import NewContact
from campaign_app.core.outreach.store import LogStore


def mark_letter(
    ws: Workspace,
    recipient_id: str,
    status: str,
    by: str,
    *,
    note: str = "",
    channel: str = "",
    template_id: str | None = None,
) -> list[str]:
    """Record ``status`` for the recipient's letter of this case; returns the letters changed."""
    with ws.open_log() as log:
        letters = log.letters_to(recipient_id, ws.case.id, template_id)
        if not letters and status == "sent":
            _record_from_out(ws, log, recipient_id, template_id, by)
            letters = log.letters_to(recipient_id, ws.case.id, template_id)
        kept = {}
        if status == "sent" and len(letters) == 1 and letters[0].letter_path:
            printed = _printed_copy(ws, log, letters[0].id)
            source = printed or ws.root / letters[0].letter_path
            if source.is_file():
                copy = keep_letter(ws.out_dir, letters[0].template_id, recipient_id, source)
                kept = {"letter_path": ws.relative(copy.path), "letter_sha256": copy.sha256}
        return log.mark(
            recipient_id,
            status,
            by,
            note=note,
            channel=channel,
            case_id=ws.case.id,
            template_id=template_id,
            **kept,
        )


def _printed_copy(ws: Workspace, log: LogStore, cid: str) -> Path | None:
    """The file a letter was last printed from, as kept then, when it is still there and
    unchanged: what went in the envelope (a draft made since says something else)."""
    from campaign_app.core.campaign.manifest import sha256_file

    printed = [e for e in log.events(cid) if e.kind == "printed" and e.letter_path]
    if not printed:
        return None
    path = ws.root / printed[-1].letter_path
    return path if path.is_file() and sha256_file(path) == printed[-1].letter_sha256 else None


def _record_from_out(
    ws: Workspace, log: LogStore, recipient_id: str, template_id: str | None, by: str
) -> None:
    """Record as drafted the letter to this recipient that out/ holds, when the log has none."""
    found = _letters_in_out(ws, recipient_id, template_id)
    if not found:
        return  # log.mark says there is no letter, and what to do
    if len(found) > 1:
        names = ", ".join(sorted(found))
        raise UserError(
            _(
                "out/ holds letters to '{recipient_id}' from {count} templates ({names}): nothing was marked"
            ).format(recipient_id=recipient_id, count=len(found), names=names),
            Location(display_path(ws.out_dir)),
            _("say which letter with --template ID"),
        )
    (template, path), *_rest = found.items()
    recipient = next((r for r in ws.directory if r.id == recipient_id), None)
    loaded = ws.template_scan.templates
    language = loaded[template].language if template in loaded else ""
    from campaign_app.core.campaign.manifest import sha256_file

    log.record_drafts(
        [
            NewContact(
                recipient_id,
                recipient.display_name if recipient else recipient_id,
                recipient.category if recipient else "",
                ws.case.id,
                template,
                language,
                channel_of(recipient) if recipient else "post",
                recipient.email if recipient else "",
                ws.relative(path),
                sha256_file(path),
            )
        ],
        by,
    )


def _letters_in_out(ws: Workspace, recipient_id: str, template_id: str | None) -> dict[str, Path]:
    """template id → the letter's file in out/ (PDF preferred), from the manifest, or where
    generate writes it for the templates of the workspace."""
    found: dict[str, Path] = {}
    for entry in sorted(Manifest.load(ws.out_dir).entries.values(), key=lambda e: e.format != "pdf"):
        if entry.recipient_id != recipient_id or (template_id and entry.template_id != template_id):
            continue
        path = ws.out_dir / entry.path
        if path.is_file():
            found.setdefault(entry.template_id, path)
    if found:
        return found
    recipient = next((r for r in ws.directory if r.id == recipient_id), None)
    if recipient is None:
        return found
    for template in [template_id] if template_id else sorted(ws.template_scan.templates):
        for fmt in ("pdf", "docx"):
            path = letter_path(ws.out_dir, template, recipient.id, recipient.display_name, fmt)
            if path.is_file():
                found.setdefault(template, path)
    return found
