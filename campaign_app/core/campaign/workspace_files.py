"""Files the workspace is made of, which an export must never be written over.

``case calendar campaign.db`` or ``print --out letter_templates/appeal.md`` would replace
the contact log or a template with a calendar or a PDF, with nothing to restore it from:
every command that writes a file the user names asks :func:`refuse_campaign_file` first.
"""

from __future__ import annotations

from pathlib import Path

from campaign_app.core.campaign.workspace import CAMPAIGN_FILE, LOG_FILE
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import N_, _

# The workspace's folders of inputs: a file written into one becomes part of the campaign
# (an exported CSV in recipients/ would double every recipient in it).
_INPUT_FOLDERS = {
    "cases": N_("{folder}/ holds the campaign's case"),
    "letter_templates": N_("{folder}/ holds the campaign's letter templates"),
    "recipients": N_("{folder}/ holds the campaign's recipient directory"),
    "attachments": N_("{folder}/ holds the e-mails' attachments"),
}


def campaign_part(root: Path, target: Path) -> str | None:
    """Why ``target`` may not be written: what of the workspace at ``root`` it is or would
    become part of; None for a file of the user's own (out/, or anywhere else)."""
    try:
        inside = target.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    parts = inside.parts
    if len(parts) == 1 and parts[0] == CAMPAIGN_FILE:
        return _("this is the campaign's settings: writing the file here would destroy them")
    if len(parts) == 1 and parts[0].startswith(LOG_FILE):  # the log, its journal, its backups
        return _("this is the campaign's contact log: writing the file here would destroy it")
    if len(parts) > 1 and parts[0] in _INPUT_FOLDERS:
        holds = _(_INPUT_FOLDERS[parts[0]]).format(folder=parts[0])
        return _("{holds}: a file written there replaces one of them or joins them").format(holds=holds)
    return None


def refuse_campaign_file(root: Path, target: Path, example: str) -> None:
    """A UserError when ``target`` is part of the workspace (see :func:`campaign_part`);
    ``example``: a file name to suggest instead ("calendar.ics")."""
    why = campaign_part(root, target)
    if why is not None:
        raise UserError(
            why,
            Location(display_path(target)),
            _("name another file, e.g. {example}").format(example=display_path(root / example)),
        )
