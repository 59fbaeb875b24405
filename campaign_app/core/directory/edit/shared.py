"""What the CSV and the YAML editor share: reading and writing a file whole, checking an
entry as the directory loader will, and the messages both give.

An entry is checked with :func:`~campaign_app.core.directory.validation.parse_recipient`,
so the window says exactly what the command line would say about the file afterwards.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import decode_utf8
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.directory.validation import parse_recipient

Value = str | Mapping[str, str] | Sequence[str]
# Tells whether an id is used by an entry in another file, and where.
IdLookup = Callable[[str], Location | None]


def nowhere(_rid: str) -> Location | None:
    """The IdLookup of a caller that knows no other file."""
    return None


def id_clash(recipient_id: str, used_at: Location, where: Location | None) -> UserError:
    """The directory loader's message for an id used twice (so the window says the same)."""
    return UserError(
        _("id '{recipient_id}' is already used at {used_at}").format(
            recipient_id=recipient_id, used_at=used_at
        ),
        where,
        _("give each recipient its own id"),
    )


def not_found(path: Path, recipient_id: str) -> UserError:
    """The entry to change is gone: the file changed on disk since the window read it."""
    return UserError(
        _("no recipient with id '{recipient_id}' in this file").format(recipient_id=recipient_id),
        Location(display_path(path)),
        _("the file changed on disk: reload the recipients and try again"),
    )


def tags_list(value: Value) -> list[str]:
    """Tags from a ``;``-separated text or a list, without blanks."""
    if isinstance(value, str):
        return [t.strip() for t in value.split(";") if t.strip()]
    return [str(t).strip() for t in value if str(t).strip()]


def plain(value: Any) -> str:
    """A loaded value as the text parse_recipient would see (for "did it change?")."""
    return "" if value is None else str(value).strip()


def read_file(path: Path) -> tuple[bool, str]:
    """(had a byte-order mark, text) of a UTF-8 file; a missing file reads as empty."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return False, ""
    except OSError as exc:
        raise UserError(
            _("cannot read file: {strerror}").format(strerror=exc.strerror), Location(display_path(path))
        ) from None
    return data.startswith(codecs.BOM_UTF8), decode_utf8(data, path)


def write_file(path: Path, bom: bool, text: str) -> None:
    """The whole file at once (atomically), with the byte-order mark it had."""
    atomic_write_bytes(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))


def check_entry(raw: Mapping[str, Any], locate: Callable[[str], Location]) -> Recipient:
    """The entry as the loader will read it; its problems as the loader reports them."""
    recipient, errors = parse_recipient(raw, locate)
    if errors:
        raise errors[0] if len(errors) == 1 else UserErrors(errors)
    assert recipient is not None
    return recipient
