"""The letters that went out, kept byte for byte where regeneration never writes.

An official who answers "your letter of 12 May said…" must be answerable with that very
letter, not with today's version of the template. So before a letter is sent (by e-mail)
or recorded as sent by hand (post, web form), its file is copied to
``out/sent/<template>/<recipient>_<sha256>.<ext>``: the name holds the content's hash, so
a different letter never replaces it, and the same letter is kept once. The copy is made
read-only, and the contact log's "sending" and "sent" events point at it. ``generate``
goes on writing drafts in ``out/<template>/``, beside and never over these.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from campaign_app.core.common.atomic import atomic_write_bytes, make_folder
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.filenames import RESERVED_FOLDERS, id_component
from campaign_app.core.common.i18n import _

SENT_FOLDER = "sent"
assert SENT_FOLDER in RESERVED_FOLDERS  # letter_path never writes a template's letters there


@dataclass(frozen=True)
class KeptLetter:
    path: Path
    sha256: str
    data: bytes


def read_letter(path: Path) -> tuple[bytes, str]:
    """The bytes of a letter file and their sha256; a missing file is a UserError."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(
            _("the letter file is missing"), Location(display_path(path)), _("generate the letters again")
        ) from None
    except OSError as exc:
        raise UserError(
            _("cannot read the letter file ({value})").format(value=exc.strerror or exc),
            Location(display_path(path)),
        ) from None
    return data, hashlib.sha256(data).hexdigest()


def keep_letter(
    out_root: Path,
    template_id: str,
    recipient_id: str,
    source: Path,
    data: bytes | None = None,
    sha256: str = "",
) -> KeptLetter:
    """Copy the letter file ``source`` (its bytes ``data`` when the caller already holds them,
    and their ``sha256`` when it has made that too) into the kept letters, once per content,
    and return the copy; the bytes returned are the ones kept, to be attached or recorded as
    they are."""
    if data is None:
        data, digest = read_letter(source)
    else:
        digest = sha256 or hashlib.sha256(data).hexdigest()
    folder = out_root / SENT_FOLDER / id_component(template_id, "template")
    stem = kept_name(recipient_id)
    suffix = source.suffix.lower()
    target = folder / f"{stem}_{digest}{suffix}"
    number = 2
    # A copy with this name whose bytes differ was edited by hand since: keep it too, and
    # never overwrite it; the next free numbered name holds this letter.
    while target.exists():
        if _sha256(target) == digest:
            return KeptLetter(target, digest, data)
        target = folder / f"{stem}_{digest}.{number}{suffix}"
        number += 1
    make_folder(folder)
    atomic_write_bytes(target, data)
    with contextlib.suppress(OSError):
        os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return KeptLetter(target, digest, data)


_KEPT_NAME = re.compile(r"^(.+)_[0-9a-f]{64}(?:\.\d+)?\.[A-Za-z]+$")


def kept_for(out_root: Path, template_id: str) -> set[str]:
    """The recipients (as their file names write them) that a letter from this template was
    kept for: each was about to be sent, or sent. A contact log that knows nothing of them
    was moved, replaced or lost, and is no proof that they have had nothing."""
    folder = out_root / SENT_FOLDER / id_component(template_id, "template")
    try:
        names = os.listdir(folder)
    except OSError:
        return set()
    return {m.group(1) for m in map(_KEPT_NAME.match, names) if m}


def kept_name(recipient_id: str) -> str:
    """A recipient's id as kept letters' file names write it."""
    return id_component(recipient_id, "recipient")


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
