"""Files a template sends with every e-mail (``attachments:`` in its front matter).

A case brief, a court ruling or a UNHCR letter often goes with an appeal. The template
names them, as files in the campaign's ``attachments/`` folder; nothing else of the
computer is reachable from a template, which may come from a stranger (a path such as
``../../.ssh/id_rsa`` is refused). A file that is missing, or files too large for mail
servers to accept, are found by ``check`` and before a send starts, at the line of the
template that names them, never by a bounced message.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import ATTACHMENTS_BYTES
from campaign_app.core.letters.email.message import Attachment
from campaign_app.core.letters.templates import Template

FOLDER = "attachments"


def attachment_name(entry: str) -> str | None:
    """The file's path inside attachments/ for a front-matter entry ("brief.pdf" or
    "attachments/brief.pdf"), or None when it would lead outside that folder."""
    parts = Path(entry.strip().replace("\\", "/")).parts
    if parts[:1] == (FOLDER,):
        parts = parts[1:]
    if not parts or Path(entry).is_absolute() or any(p in ("..", "") or ":" in p for p in parts):
        return None
    return "/".join(parts)


def read_attachments(template: Template, root: Path) -> tuple[Attachment, ...]:
    """The template's attachments read from ``root``/attachments, in the order it lists them."""
    found: list[Attachment] = []
    total = 0
    folder = (root / FOLDER).resolve()
    for entry, line in template.attachments:
        where = Location(display_path(template.path), line)
        name = attachment_name(entry)
        path = (folder / name) if name else None
        if path is None or not path.resolve().is_relative_to(folder):
            raise UserError(
                _("attachment '{entry}' is not a file in the campaign's {folder}/ folder").format(
                    entry=entry, folder=FOLDER
                ),
                where,
                _("put the file into {folder}/ and name it as it is there, e.g. 'case-brief.pdf'").format(
                    folder=FOLDER
                ),
            )
        if not path.is_file():
            raise UserError(
                _("attachment '{entry}' does not exist in {folder}/").format(entry=entry, folder=FOLDER),
                where,
                _("put the file into the campaign's {folder}/ folder, or correct its name").format(
                    folder=FOLDER
                ),
            )
        try:
            data = path.read_bytes() if path.stat().st_size <= ATTACHMENTS_BYTES else b""
        except OSError as exc:
            raise UserError(
                _("attachment '{entry}' cannot be read ({value})").format(
                    entry=entry, value=exc.strerror or exc
                ),
                where,
            ) from None
        total += len(data) or ATTACHMENTS_BYTES + 1
        if total > ATTACHMENTS_BYTES:
            limit = ATTACHMENTS_BYTES // 1_000_000
            raise UserError(
                _(
                    "the attachments up to '{entry}' are more than {limit} MB together: many "
                    "mail servers refuse such messages"
                ).format(entry=entry, limit=limit),
                where,
                _("attach a smaller file (a compressed PDF), or link to the document in the letter instead"),
            )
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        found.append(Attachment(path.name, data, mime))
    return tuple(found)
