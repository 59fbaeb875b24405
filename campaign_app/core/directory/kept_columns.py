"""A large directory file's checked columns, kept between runs in the campaign's folder.

Every command that reads the directory (``log status``, ``generate``, ``send``, the window)
reads and checks every row of every file again: for a CSV of 20,000 recipients that is
~0.1 s of each run (decoding, the cells, the e-mail addresses, the dates), and ~0.4 s for
100,000. A file's checked columns depend on nothing but its bytes and the checks, so once
a file is read without a problem, its columns are kept (pickled, signed with the user's
key: core/common/kept_files.py) under a hash of its bytes, of this program's version and
of the modules whose checks made them; the next run that finds the same bytes reads the
columns back in a fraction of the time. A changed file has another hash: columns are
never served for any bytes but their own. A file with a problem is not kept (its run
stops with the problems anyway), and small files are read faster than a kept file is
verified.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from campaign_app.core.common.kept_files import PROGRAM_VERSION, read_kept, workspace_of, write_kept
from campaign_app.core.common.limits import TEXT_FILE_BYTES

log = logging.getLogger(__name__)

KIND = "directory"  # the folder of the workspace's .cache they are kept in
KEEP = 6  # files' columns kept per workspace (a few files, an edit or two behind); the oldest go first
MIN_BYTES = 200_000  # below this (~2,000 rows), reading and checking is about as fast
_FORMAT = "1"  # raised when what is kept changes shape
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
    data = read_kept(key.workspace, KIND, key.name, TEXT_FILE_BYTES * 4)
    if data is None:
        return None
    try:
        kept = pickle.loads(data)
    except Exception:  # from another version of a class: read the file instead
        log.debug("unreadable kept columns %s", key.name, exc_info=True)
        return None
    return kept if isinstance(kept, KeptColumns) else None


def keep(key: FileBytes, columns: KeptColumns) -> None:
    """Keep ``columns`` (just checked, without a problem) for later runs; a full disk or a
    read-only workspace only means the next run reads the file again."""
    try:
        data = pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot pickle the columns of %s", key.name, exc_info=True)
        return
    write_kept(key.workspace, KIND, key.name, data, KEEP)


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
