"""A large directory file's checked columns, kept between runs in the campaign's folder.

Every command that reads the directory (``log status``, ``generate``, ``send``, the window)
reads and checks every row of every file again: for a CSV of 20,000 recipients that is
~0.1 s of each run (decoding, the cells, the e-mail addresses, the dates), and ~0.4 s for
100,000. A file's checked columns depend on nothing but its bytes and the checks, so once
a file is read without a problem, its columns are kept (signed with the user's key:
core/common/kept_files.py) under a hash of its bytes, of this program's version and of the
modules whose checks made them; the next run that finds the same bytes reads the columns
back in a fraction of the time.

They are kept as ``marshal`` writes them, not pickled: a third of the time to write
(keeping is paid by the first run that reads a file: 100,000 rows took 0.2 s more pickled),
and reading them back runs no code named in the file. marshal holds texts, numbers, tuples
and lists; a date column is kept as its days' ISO texts, and a column of one value (a
field the file does not have) as that value and a count. A changed file has another hash: columns are
never served for any bytes but their own. A file with a problem is not kept (its run
stops with the problems anyway), and small files are read faster than a kept file is
verified.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import marshal
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from campaign_app.core.common.kept_files import PROGRAM_VERSION, read_kept, workspace_of, write_kept
from campaign_app.core.common.limits import TEXT_FILE_BYTES
from campaign_app.core.directory.columns import DATE_FIELDS

log = logging.getLogger(__name__)

KIND = "directory"  # the folder of the workspace's .cache they are kept in
KEEP = 6  # files' columns kept per workspace (a few files, an edit or two behind); the oldest go first
MIN_BYTES = 200_000  # below this (~2,000 rows), reading and checking is about as fast
_FORMAT = "2"  # raised when what is kept changes shape (2: marshal's bytes)
_SUFFIX = ".marshal"
_SAME, _DAYS, _AS_IS = 0, 1, 2  # how a column is kept: one value and a count, ISO days, as it is
# The modules whose checks make the columns: a changed one (a developer's, an update's)
# makes every kept file another's. Their size and time are read, not their text.
_CHECKS = (
    "columns.py",
    "cells.py",
    "validation.py",
    "characters.py",
    "categories.py",
    "recipients.py",
    "table.py",
    "kept_columns.py",
)


class KeptColumns(NamedTuple):
    """What ``load_directory`` adds to its table for a CSV file read without a problem."""

    values: dict[str, Sequence[Any]]  # field → each row's checked value (tuples)
    lines: Sequence[int]  # each row's first line
    id_column: int | None  # the id's column (1-based), for a clash's location


class FileBytes(NamedTuple):
    """A directory file's bytes, read once to look for its kept columns, and where they
    would be kept."""

    workspace: Path
    name: str  # the kept file's name: a hash of the bytes and of the checks


def file_key(path: Path) -> FileBytes | None:
    """The key of ``path``'s columns, or None when they are never kept (a small or huge
    file, a file from no workspace, a file that cannot be read)."""
    try:
        size = path.stat().st_size
        if not MIN_BYTES <= size <= TEXT_FILE_BYTES:
            return None
        workspace = workspace_of(path)
        if workspace is None:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(_checks_fingerprint())
    digest.update(data)
    return FileBytes(workspace, digest.hexdigest())


def lookup(key: FileBytes) -> KeptColumns | None:
    """The columns an earlier run of this user kept for these bytes; None when none are."""
    data = read_kept(key.workspace, KIND, key.name, TEXT_FILE_BYTES * 4, _SUFFIX)
    if data is None:
        return None
    try:
        return _decoded(marshal.loads(data))
    except Exception:  # written by another Python: read the file instead
        log.debug("unreadable kept columns %s", key.name, exc_info=True)
        return None


def keep(key: FileBytes, columns: KeptColumns) -> None:
    """Keep ``columns`` (just checked, without a problem) for later runs; a full disk or a
    read-only workspace only means the next run reads the file again."""
    try:
        data = marshal.dumps(_encoded(columns))
    except ValueError:  # a value marshal does not hold: a cache, never a reason to fail
        log.debug("cannot keep the columns of %s", key.name, exc_info=True)
        return
    write_kept(key.workspace, KIND, key.name, data, KEEP, _SUFFIX)


def _encoded(columns: KeptColumns) -> tuple[Any, ...]:
    """What is kept: each column's values marshalled on their own (the window loads the
    directory on a thread: one call over every column held the interpreter's lock, and so
    the window, for 30-50 ms)."""
    kept: dict[str, tuple[Any, ...]] = {}
    for name, column in columns.values.items():
        days = name in DATE_FIELDS
        if column and column.count(column[0]) == len(column):
            first = column[0]
            kept[name] = (_SAME, first.isoformat() if days and first is not None else first, len(column))
        elif days:
            iso = {d: d.isoformat() for d in set(column) if d is not None}
            kept[name] = (_DAYS, marshal.dumps(tuple(map(iso.get, column))))
        else:
            kept[name] = (_AS_IS, marshal.dumps(column))  # type: ignore[arg-type]  # tuples of texts
    return (_FORMAT, kept, marshal.dumps(list(columns.lines)), columns.id_column)


def _decoded(data: Any) -> KeptColumns | None:
    """What ``_encoded`` kept, or None for another format's."""
    form, kept, lines, id_column = data
    if form != _FORMAT:
        return None
    values: dict[str, Sequence[Any]] = {}
    for name, (how, *rest) in kept.items():
        days = name in DATE_FIELDS
        if how == _SAME:
            value, count = rest
            values[name] = (dt.date.fromisoformat(value) if days and value is not None else value,) * count
        elif how == _DAYS:
            column = marshal.loads(rest[0])
            day = {iso: dt.date.fromisoformat(iso) for iso in set(column) if iso is not None}
            values[name] = tuple(map(day.get, column))
        else:
            values[name] = marshal.loads(rest[0])
    return KeptColumns(values, marshal.loads(lines), id_column)


@cache
def _checks_fingerprint() -> bytes:
    """This program's version, Python's, the format's, the check modules' size and time, and
    the versions of the libraries the checks ask (the languages and countries Babel knows,
    the domains email_validator accepts)."""
    import babel
    import email_validator

    here = Path(__file__).parent
    parts = [_FORMAT, PROGRAM_VERSION, sys.version, babel.__version__, email_validator.__version__]
    for name in _CHECKS:
        try:
            info = (here / name).stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:  # a frozen app's modules are in its archive: its version says
            parts.append(name)
    return "\x00".join(parts).encode("utf-8") + b"\x00"
