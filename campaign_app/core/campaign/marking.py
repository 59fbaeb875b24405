"""Recording by hand what the program could not see: a reply, no reply, a closing, or a
letter that went by post, web form, fax or in person.

One function for the command line (``log mark``) and the Outreach tab, and one for several
recipients at once (a print pack posted), which marks all or none. A letter already recorded
as sent by the same channel is not marked sent again: a second "sent" would move its
follow-up and say it went twice. A letter marked as
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
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.outreach.log_errors import AlreadySent
from campaign_app.core.outreach.records import NewContact
from campaign_app.core.outreach.store import LogStore


class NothingMarked(UserErrors):
    """``mark_letters`` refused: each refused recipient's problem (``refused``: recipient id,
    problem), then that none of the ``count`` recipients was marked (``summary``)."""

    def __init__(self, refused: list[tuple[str, UserError]], count: int, summary: UserError):
        super().__init__([*(problem for _rid, problem in refused), summary])
        self.refused = refused
        self.count = count
        self.summary = summary


def mark_letter(
    ws: Workspace,
    recipient_id: str,
    status: str,
    by: str,
    *,
    note: str = "",
    channel: str = "",
    template_id: str | None = None,
    check_only: bool = False,
) -> list[str]:
    """Record ``status`` for the recipient's letter of this case; returns the letters changed
    (``check_only``: raise what would stop it, record nothing)."""
    with ws.open_log() as log:
        letters = log.letters_to(recipient_id, ws.case.id, template_id)
        if not letters and status == "sent":
            if check_only and _letter_in_out(ws, recipient_id, template_id) is not None:
                return []  # recorded from out/ when marked
            _record_from_out(ws, log, recipient_id, template_id, by)
            letters = log.letters_to(recipient_id, ws.case.id, template_id)
        if status == "sent" and len(letters) == 1:
            _refuse_sent_again(log, letters[0].id, recipient_id, channel)
        if check_only:
            return log.mark(recipient_id, status, by, note, channel, ws.case.id, template_id, check_only=True)
        kept: dict[str, str] = {}
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
            letter_path=kept.get("letter_path", ""),
            letter_sha256=kept.get("letter_sha256", ""),
        )


def mark_letters(
    ws: Workspace,
    recipient_ids: list[str],
    status: str,
    by: str,
    *,
    note: str = "",
    channel: str = "",
    template_id: str | None = None,
) -> list[tuple[str, list[str]]]:
    """Record ``status`` for several recipients' letters: each is checked first, and a problem
    with any one marks none (so the same command, put right, can simply be run again)."""
    ids = list(dict.fromkeys(recipient_ids))
    if len(ids) > 1:
        refused: list[tuple[str, UserError]] = []
        for rid in ids:
            try:
                mark_letter(ws, rid, status, by, channel=channel, template_id=template_id, check_only=True)
            except UserError as exc:
                refused.append((rid, exc))
        if refused:
            raise NothingMarked(
                refused,
                len(ids),
                UserError(
                    ngettext(
                        "none of the {count} recipients' letters was marked",
                        "none of the {count} recipients' letters was marked",
                        len(ids),
                    ).format(count=len(ids)),
                    hint=_("put the above right (or leave those recipients out) and run it again"),
                ),
            )
    return [
        (rid, mark_letter(ws, rid, status, by, note=note, channel=channel, template_id=template_id))
        for rid in ids
    ]


def _refuse_sent_again(log: LogStore, cid: str, recipient_id: str, channel: str) -> None:
    """A letter that went out by this channel, unchanged since, is not marked sent again."""
    history = log.history(cid)
    sent = history.sent
    if (
        sent is None
        or history.revised
        or history.status == "uncertain"
        or (sent.channel or "email") != channel
    ):
        return
    raise AlreadySent(
        _("the letter to '{id}' is already recorded as sent ({channel}, {date}): nothing was marked").format(
            id=recipient_id, channel=channel, date=sent.at[:10]
        ),
        hint=_("leave it out; 'campaign-app log status' shows what each letter's log says"),
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
    found = _letter_in_out(ws, recipient_id, template_id)
    if found is None:
        return  # log.mark says there is no letter, and what to do
    template, path = found
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


def _letter_in_out(ws: Workspace, recipient_id: str, template_id: str | None) -> tuple[str, Path] | None:
    """(template id, file) of the one letter to this recipient out/ holds, or None."""
    found = _letters_in_out(ws, recipient_id, template_id)
    if len(found) > 1:
        names = ", ".join(sorted(found))
        raise UserError(
            _(
                "out/ holds letters to '{recipient_id}' from {count} templates ({names}): nothing was marked"
            ).format(recipient_id=recipient_id, count=len(found), names=names),
            Location(display_path(ws.out_dir)),
            _("say which letter with --template ID"),
        )
    return next(iter(found.items()), None)


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
