"""Saving a recipient added, edited or deleted in the desktop app back to its file.

Directory files are kept by people: a CSV that came from a spreadsheet (its own column
order, delimiter, byte-order mark and line endings), a YAML file typed by hand with
comments and per-language texts. Saving one entry must not rewrite the others, or every
edit shows up as a change to the whole file in the user's backup or version control.

So each function changes only the lines of the one entry concerned, and checks the entry
as written with :func:`~campaign_app.core.directory.validation.parse_recipient` (the command line's
validation and messages) before anything is replaced; the file is then written whole or
not at all (:func:`~campaign_app.core.common.atomic.atomic_write_bytes`).

- CSV (:mod:`.csv_file`): the entry's row is re-serialised with the csv module in the
  file's dialect; other rows keep their bytes. A field the header lacks becomes a new last
  column (rows that are shorter than the header read as empty cells, so only the header
  changes).
- YAML (:mod:`.yaml_file`, :mod:`.yaml_style`): the file is read as ruamel's round-trip
  tree, only the changed keys are set (a per-language map keeps its other languages), and
  the entry's lines are cut from a dump of that tree into the original text: comments,
  quoting and the other entries stay as they were.

Values are plain data: a text is a ``str`` (``""`` clears it), a per-language text a
``{language: text}`` dict (only the languages given change; ``""`` removes one), tags a
``;``-separated string or a list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.edit.csv_file import CsvFile
from campaign_app.core.directory.edit.shared import IdLookup, Value, id_clash, nowhere
from campaign_app.core.directory.edit.yaml_file import YamlFile
from campaign_app.core.directory.recipients import Recipient

__all__ = [
    "DEFAULT_FILE",
    "IdLookup",
    "Value",
    "add_recipient",
    "add_recipients",
    "delete_recipient",
    "find_file",
    "id_clash",
    "update_recipient",
    "update_recipients",
]

DEFAULT_FILE = Path("recipients") / "recipients.csv"


def find_file(paths: Iterable[Path], recipient_id: str) -> Path | None:
    """Which of the directory's files holds ``recipient_id`` (None if none does)."""
    for path in paths:
        try:
            if path.suffix.lower() == ".csv":
                if any(row.id == recipient_id for row in CsvFile.read(path).rows):
                    return path
            elif YamlFile.read(path).index_of(recipient_id) is not None:
                return path
        except (UserError, UserErrors):
            continue
    return None


def add_recipient(path: Path, record: Mapping[str, Value], taken: IdLookup = nowhere) -> Recipient:
    """Append a new entry to ``path`` (a .csv or .yaml file, created if missing)."""
    return _file(path).add(record, taken)


def add_recipients(
    path: Path, records: Sequence[Mapping[str, Value]], taken: IdLookup = nowhere
) -> list[Recipient]:
    """Append new entries to ``path``, as :func:`add_recipient` one after the other; a YAML
    file is read, checked and written once for all of them (an import's new people)."""
    file = _file(path)
    if isinstance(file, YamlFile):
        return file.add_all(records, taken)
    return [add_recipient(path, record, taken) for record in records]


def update_recipient(
    path: Path, recipient_id: str, changes: Mapping[str, Value], taken: IdLookup = nowhere
) -> Recipient:
    """Change the given fields of entry ``recipient_id`` in ``path``; returns it as saved."""
    return _file(path).update(recipient_id, changes, taken)


def update_recipients(
    path: Path, changes: Sequence[tuple[str, Mapping[str, Value]]], taken: IdLookup = nowhere
) -> list[Recipient]:
    """Change entries of ``path`` (recipient id, changes), as :func:`update_recipient` one
    after the other; a YAML file is read, checked and written once for all of them."""
    file = _file(path)
    if isinstance(file, YamlFile):
        return file.update_all(changes, taken)
    return [update_recipient(path, rid, change, taken) for rid, change in changes]


def delete_recipient(path: Path, recipient_id: str) -> None:
    """Remove entry ``recipient_id`` from ``path``."""
    _file(path).delete(recipient_id)


def _file(path: Path) -> CsvFile | YamlFile:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return CsvFile.read(path)
    if suffix in (".yaml", ".yml"):
        return YamlFile.read(path)
    raise UserError(
        _("cannot keep recipients in {name}").format(name=path.name),
        Location(display_path(path)),
        _("choose a .csv or .yaml file in the recipients folder"),
    )
