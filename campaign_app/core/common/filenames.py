"""File names that are safe on Windows, macOS and Linux, whatever a recipient is called.

Names come from spreadsheets: ``../../etc``, ``<script>``, ``CON``, trailing dots, or 300
characters of Cyrillic. Each is turned into one harmless path component; Cyrillic and
accented letters are kept (every modern file system stores them) but normalised to NFC.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path, PurePath

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"[\s_]+")
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_component(text: str, max_bytes: int = 80, fallback: str = "letter") -> str:
    """One path component made from ``text``: no separators, no reserved names, bounded length."""
    text = unicodedata.normalize("NFC", text)
    text = _FORBIDDEN.sub("-", text)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = _SPACES.sub("_", text).strip("._- ")
    text = re.sub(r"\.{2,}", ".", text)
    if len(text.encode("utf-8")) > max_bytes:
        text = _shortened(text, max_bytes)
    text = text.rstrip("._- ")
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text


def _shortened(text: str, max_bytes: int) -> str:
    """``text`` cut to ``max_bytes`` of UTF-8 at the end of a word where one ends in its
    second half ("Міністр_юстиції_України", not "…_України,_Міністе": the name of a file
    e-mailed to the ministry), else at a character; a comma left at the end goes too."""
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    word_end = text.rfind("_")
    if word_end > len(text) // 2:
        text = text[:word_end]
    return text.rstrip(",;._- ")


# An id that is its own file name: lower case (case-insensitive file systems), no "_"
# (the separator before the name), no "~" (the mark of a hashed id), no edge punctuation.
_PLAIN_ID = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
# Folders of out/ that are not a template's: the kept copies of letters that were sent.
RESERVED_FOLDERS = frozenset({"sent"})


def id_component(ident: str, fallback: str) -> str:
    """A path component that belongs to exactly one id.

    A plain id (``mep-103746``) is used as it is. Any other (``o'brien``, ``a_b``, ``A.``,
    ``Müller``) is made safe and followed by ``~`` and a hash of the exact id, so ids that
    differ only in punctuation or case never share a file: on a case-insensitive disk,
    or after characters were dropped, one letter would silently replace another.
    """
    if _PLAIN_ID.fullmatch(ident) and len(ident) <= 60 and ident not in RESERVED_FOLDERS:
        return ident
    readable = safe_component(ident, 50, fallback).replace("_", "-")
    digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:10]
    return f"{readable}~{digest}"


def letter_path(out_dir: Path, template_id: str, recipient_id: str, name: str, extension: str) -> Path:
    """Where one letter goes: ``OUT/<template>/<recipient-id>_<Name>.<ext>``, never outside OUT.

    Distinct (template, recipient) pairs always get distinct paths (see :func:`id_component`).
    """
    return letter_file(letter_folder(out_dir, template_id), recipient_id, name, extension)


def letter_folder(out_dir: Path, template_id: str) -> Path:
    """``OUT/<template>``, the folder of one template's letters; refused where it leads
    outside OUT (a link to elsewhere). Its letters' paths are then made with
    :func:`letter_file`, which needs no look at the disk: a batch or a send checks the
    folder once, not each of its letters (two paths resolved a letter were a twentieth
    of making a letter ready to send)."""
    folder = out_dir / id_component(template_id, "template")
    if out_dir.resolve() not in folder.resolve().parents:
        raise UserError(
            _("refusing to write letters into {folder}: it leads outside {out_dir}").format(
                folder=folder, out_dir=out_dir
            ),
            hint=_("it is a link to another folder: remove the link, or give another output folder (--out)"),
        )
    return folder


def letter_file(folder: Path, recipient_id: str, name: str, extension: str) -> Path:
    """One letter's path in its template's ``folder`` (:func:`letter_folder`): the file name
    is always one component of that folder (made by :func:`id_component` and
    :func:`safe_component`; checked all the same, as a mistake there would write elsewhere).
    A link in the folder under that name is replaced by the letter, never written through
    (common/atomic.py)."""
    stem = id_component(recipient_id, "recipient")
    label = safe_component(name, 60, "")
    filename = f"{stem}_{label}.{extension}" if label and label != stem else f"{stem}.{extension}"
    if PurePath(filename).name != filename or filename in (".", ".."):
        raise UserError(
            _("refusing to write {path} outside {out_dir}").format(path=folder / filename, out_dir=folder),
            hint=_("this is a bug: please report it"),
        )
    return folder / filename
