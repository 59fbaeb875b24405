"""YAML trees parsed in an earlier run, kept inside the campaign's own folder.

ruamel's round-trip parser is pure Python: the example's case file (100 KB) takes about
0.2 s to parse, every time the window opens it, and again in every batch worker. The tree
of a text is always the same, so after a parse the tree is pickled into
``<workspace>/.cache/yaml/`` under a hash of the text (and of ruamel's and Python's
versions); the next run reads it back in about a tenth of the time. A changed file has
another hash: a tree is never served for any text but its own. Small texts (most campaign
files) parse faster than a file can be opened, and are not kept.

Where and how it is kept, signed with the user's key so that only a file this user's own
runs wrote is ever unpickled: core/common/kept_files.py. A file whose MAC does not verify
is not read: the text is parsed.

Upgrading: earlier versions kept these trees in ``<user cache folder>/campaign_app/yaml``,
where they outlived the campaign. The first time this version keeps a tree, the ``*.pickle``
files that folder holds (written by the app, nothing else) are deleted, silently.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import io
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml.timestamp import TimeStamp

from campaign_app.core.common.kept_files import (  # noqa: F401 (CAMPAIGN_FILE, key_path: this module's)
    CACHE_FOLDER,
    CAMPAIGN_FILE,
    key_path,
    read_kept,
    workspace_of,
    write_kept,
)

log = logging.getLogger(__name__)

MIN_CHARS = 16_000  # below this, parsing is about as fast as reading a cached tree
KEEP = 32  # trees kept per workspace; the least recently written go first
KIND = "yaml"  # the folder of .cache the trees are kept in
_OLD_CLEARED = False  # the old cache folder was emptied in this process


def cache_dir(workspace: Path) -> Path:
    """``<workspace>/.cache/yaml``."""
    return workspace / CACHE_FOLDER / KIND


def old_cache_dir() -> Path:
    """Where versions before the workspace cache kept trees (``<user cache folder>/campaign_app/yaml``)."""
    from platformdirs import user_cache_path

    return user_cache_path("campaign_app", appauthor=False) / "yaml"


def _name(text: str, line_offset: int) -> str:
    from ruamel.yaml import __version__ as ruamel_version

    digest = hashlib.sha256()
    for part in (_FORMAT, ruamel_version, sys.version, str(line_offset), text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


_FORMAT = "2"  # 2: timestamps keep how they were written (dumps); files of format 1 are not read


def dumps(tree: Any) -> bytes:
    """``tree`` pickled whole: comments, styles, anchors, line numbers. A timestamp keeps how
    it was written (``T`` or a space, its offset: ruamel keeps that beside the value, where
    pickling a datetime would drop it), so the tree loaded back dumps to the same text."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, TimeStamp: _reduce_timestamp}
    pickler.dump(tree)
    return buffer.getvalue()


def _reduce_timestamp(value: TimeStamp) -> tuple[Any, ...]:
    reduced = value.__reduce__()  # (its class, the datetime's state): how pickle would make it
    assert isinstance(reduced, tuple)
    return _timestamp, (reduced[0], reduced[1], dict(value._yaml))


def _timestamp(cls: type[TimeStamp], args: tuple[Any, ...], written: dict[str, Any]) -> TimeStamp:
    """A timestamp back from :func:`dumps`, as it was written."""
    value = cls(*args)
    value._yaml = written
    return value


def lookup(text: str, path: str | Path, line_offset: int = 0) -> Any:
    """The tree an earlier run of this user parsed from exactly ``text`` (read from
    ``path``); None when none is kept."""
    found = lookup_pickled(text, path, line_offset)
    return None if found is None else found[0]


def lookup_pickled(text: str, path: str | Path, line_offset: int = 0) -> tuple[Any, bytes] | None:
    """:func:`lookup`'s tree, and the pickled bytes (verified) it was read from: unpickled
    again, they are a copy of the tree made without pickling it first."""
    if len(text) < MIN_CHARS:
        return None
    workspace = workspace_of(path)
    if workspace is None:
        return None
    data = read_kept(workspace, KIND, _name(text, line_offset), 64 * len(text) + 65_536)
    if data is None:
        return None
    try:
        return pickle.loads(data), data
    except Exception:  # from another version of a class: parse instead
        log.debug("unreadable parsed-YAML cache file in %s", cache_dir(workspace), exc_info=True)
        return None


def keep(text: str, tree: Any, path: str | Path, line_offset: int = 0) -> bytes | None:
    """Keep ``tree`` (just parsed from ``text``, read from ``path``) for later runs, and
    return it pickled (None: not kept); a full disk or a read-only workspace only means the
    next run parses again."""
    if len(text) < MIN_CHARS or tree is None:
        return None
    workspace = workspace_of(path)
    if workspace is None:
        return None
    try:
        data = dumps(tree)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot pickle a parsed-YAML tree of %s", path, exc_info=True)
        return None
    if not write_kept(workspace, KIND, _name(text, line_offset), data, KEEP):
        return None
    _clear_old_cache()
    return data


def _clear_old_cache() -> None:
    """Delete the trees earlier versions kept in the user's cache folder (once per process;
    best effort, silent): only the app's own ``*.pickle`` and ``.*.part`` files."""
    global _OLD_CLEARED
    if _OLD_CLEARED:
        return
    _OLD_CLEARED = True
    folder = old_cache_dir()
    try:
        for old in [*folder.glob("*.pickle"), *folder.glob(".*.part")]:
            with contextlib.suppress(OSError):
                old.unlink()
        folder.rmdir()  # only if nothing else is in it
    except OSError:
        pass
