"""YAML trees parsed in an earlier run, kept in the user's cache folder.

ruamel's round-trip parser is pure Python: the example's case file (100 KB) takes about
0.2 s to parse, every time the window opens it, and again in every batch worker. The tree
of a text is always the same, so after a parse the tree is pickled into the user's cache
folder under a hash of the text (and of ruamel's and Python's versions); the next run reads
it back in about a tenth of the time. A changed file has another hash: a tree is never
served for any text but its own. Small texts (most campaign files) parse faster than a
file can be opened, and are not kept.

Unpickling runs code named in the file, so only a file the user's own runs wrote is read:
the folder is created private (0700), and a file another user owns, or that others may
write to, is ignored (and so is any file that cannot be read back: the text is parsed).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MIN_CHARS = 16_000  # below this, parsing is about as fast as reading a cached tree
KEEP = 32  # trees kept; the least recently written go first


def cache_dir() -> Path:
    """``<user cache folder>/campaign_app/yaml``."""
    from platformdirs import user_cache_path

    return user_cache_path("campaign_app", appauthor=False) / "yaml"


def _key(text: str, line_offset: int) -> str:
    from ruamel.yaml import __version__ as ruamel_version

    digest = hashlib.sha256()
    for part in (ruamel_version, sys.version, str(line_offset), text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    """A file this user wrote and nobody else may change (POSIX; elsewhere the folder's own
    permissions, inside the user's profile, decide)."""
    info = path.stat()
    if os.name != "posix":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def lookup(text: str, line_offset: int = 0) -> Any:
    """The tree an earlier run parsed from exactly ``text``; None when none is kept."""
    if len(text) < MIN_CHARS:
        return None
    path = cache_dir() / f"{_key(text, line_offset)}.pickle"
    try:
        if not _trusted(path):
            return None
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # damaged, or from another version: parse instead
        log.debug("unreadable parsed-YAML cache file %s", path, exc_info=True)
        return None


def keep(text: str, tree: Any, line_offset: int = 0) -> None:
    """Keep ``tree`` (just parsed from ``text``) for later runs; a full disk or a read-only
    cache folder only means the next run parses again."""
    if len(text) < MIN_CHARS or tree is None:
        return
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")  # created 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, folder / f"{_key(text, line_offset)}.pickle")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        _prune(folder)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot keep a parsed-YAML tree in %s", folder, exc_info=True)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
