"""The Compose tab's work off the UI thread: a letter rendered from the editor's text, and
the recipients offered for a template. Plain functions over core objects, no widgets.

The preview is rendered from the editor's *current* text, through the same core functions
as ``campaign-app generate`` (template_from_text → render_letter → letter_html).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from campaign_app.core.campaign.audience import audience_place, match_audience, parse_campaign_query
from campaign_app.core.campaign.last_letters import since_for
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.email.html import letter_html
from campaign_app.core.letters.glyphs import check_glyphs
from campaign_app.core.letters.render import render_letter
from campaign_app.core.letters.template_text import template_from_text
from campaign_app.gui.compose.preview import RecipientPicker


class ComposeLetters(QObject):
    """The context of the notes on recipients (``tr(text, "", n)``: plural forms)."""


@dataclass(frozen=True)
class LetterRequest:
    """What to render: the editor's text as if it were the file at ``path``, for one recipient."""

    workspace: Workspace
    text: str
    path: Path
    recipient_id: str


@dataclass(frozen=True)
class Preview:
    html: str
    template_id: str
    audience: str


@dataclass(frozen=True)
class Audience:
    """The recipients offered for a template: (id, label, search text, display name), and a note."""

    items: list[tuple[str, str, str, str]]
    note: str


def letter_for(request: LetterRequest):
    """The template (from the editor's text) and the letter it makes for the chosen recipient."""
    template = template_from_text(request.text, request.path)
    ws = request.workspace
    recipient = ws.directory.get(request.recipient_id)
    if recipient is None:
        raise UserError(
            QCoreApplication.translate(
                "ComposeLetters", "recipient '{id}' is no longer in the directory"
            ).format(id=request.recipient_id),
            hint=QCoreApplication.translate("ComposeLetters", "choose another one"),
        )
    last_letters = since_for(ws, template)  # `updates`: what is new since their last letter
    since = last_letters.since(recipient.id, template.id) if last_letters else None
    letter = render_letter(template, recipient, ws.case, ws.campaign, since=since)
    # A character no letter font has: said here, as check and generate say it.
    origins = [(request.path, request.text), (ws.case_path, None), (ws.campaign_path, None)]
    check_glyphs(letter, recipient, origins)
    return template, letter


def render_preview(request: LetterRequest) -> Preview:
    """Editor text → Letter → HTML. Runs on the thread pool; template mistakes raise UserError."""
    template, letter = letter_for(request)
    # a broken audience is a mistake at its line, as check says it (the picker then offers
    # everyone, and the note above the preview was easy to miss)
    parse_campaign_query(template.audience, dict, audience_place(template))
    return Preview(letter_html(letter), template.id, template.audience)


def _label(r: Recipient) -> str:
    view = r.view(r.language or "en")
    name = r.display_name
    detail = next((d for d in (view.organisation, view.position) if d and d not in name), "")
    country = f" ({r.country})" if r.country else ""
    return f"{name} — {detail}{country}" if detail else f"{name}{country}"


def audience_of(workspace: Workspace, audience: str) -> Audience:
    """The template's audience as generate and send select it (status: terms answered by
    the contact log); a follow-up nobody is due for yet offers whom it will go to; an
    audience that names nobody offers everybody."""
    directory = workspace.directory
    note = ""
    chosen: list[Recipient] = []
    found = None
    try:
        parse_campaign_query(audience, dict)  # the query itself; the log is read only to match it, below
    except UserError as exc:
        note = QCoreApplication.translate(
            "ComposeLetters", "The audience is not a valid query ({problem}). "
        ).format(problem=exc.message)
    else:  # (a broken case file, which the log's statuses need, is shown under the editor)
        found = match_audience(workspace, audience) if audience.strip() else None
    everyone = len(directory)
    if found is not None and found.recipients:
        chosen = found.recipients
        note = ComposeLetters.tr(
            "{matched} of %n recipient(s) match the audience “{audience}”.",  # type: ignore[arg-type]
            "",
            everyone,  # type: ignore[arg-type]
        ).format(matched=len(chosen), audience=audience)
    elif found is not None and found.nobody_due:
        chosen = found.waiting
        waiting = len(chosen)
        note = QCoreApplication.translate(
            "ComposeLetters", "Nobody is due yet: no recipient matches {terms} in the contact log. "
        ).format(terms=" ".join(found.status_terms)) + ComposeLetters.tr(
            "Showing the %n recipient(s) of “{query}” it will go to when they are.",  # type: ignore[arg-type]
            "",
            waiting,  # type: ignore[arg-type]
        ).format(query=found.base_query)
    elif len(directory):
        chosen = list(directory)
        if audience.strip() and not note:
            note = QCoreApplication.translate(
                "ComposeLetters", "No recipient matches the audience “{audience}”. "
            ).format(audience=audience)
        note += ComposeLetters.tr("Showing all %n recipient(s).", "", everyone)  # type: ignore[arg-type]
    else:
        note = QCoreApplication.translate(
            "ComposeLetters", "The directory has no recipients yet: add some on the Recipients tab."
        )
    items = []
    for r in chosen:
        label = _label(r)
        items.append((r.id, label, RecipientPicker.search_text(r.id, label), r.display_name))
    return Audience(items, note)
