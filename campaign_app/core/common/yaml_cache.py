"""YAML trees parsed in an earlier run, kept inside the campaign's own folder.

ruamel's round-trip parser is pure Python: the example's case file (100 KB) takes about
0.2 s to parse, every time the window opens it, and again in every batch worker. The tree
of a text is always the same, so after a parse the tree is pickled into
``<workspace>/.cache/yaml/`` under a hash of the text (and of ruamel's and Python's
versions); the next run reads it back in about a tenth of the time. A changed file has
another hash: a tree is never served for any text but its own. Small texts (most campaign
files) parse faster than a file can be opened, and are not kept.

Why in the workspace: the kept tree is a copy of what the file says (a case's facts and
sources). Users working under pressure from a state delete a campaign to delete what it
said; a copy in a folder of their profile would survive that. Inside the workspace it goes
with the folder. A text from no workspace (no ``campaign.yaml`` a few folders up), or from
the example bundled with the app (its installation is never written to), is not kept. The
``.cache`` folder is made private (0700) with a ``.gitignore`` of ``*``, so a campaign kept
in git never commits it; it may be deleted at any time (the next run parses again).

Unpickling runs code named in the file, and a campaign folder may come from someone else
(a zip, a synced folder). So every kept file starts with an HMAC-SHA256 of its name and
its bytes, keyed with a secret of this user (32 random bytes in ``cache.key`` in the
user's data folder, 0600, made once); a file whose MAC does not verify is never
unpickled: the text is parsed. Without a usable key (a key file another user owns, or
others may read) nothing is kept or read. A kept file another user owns, or that others
may write to, is ignored too. A read-only workspace or a full disk only means no cache.

Upgrading: earlier versions kept these trees in ``<user cache folder>/campaign_app/yaml``,
where they outlived the campaign. The first time this version keeps a tree, the ``*.pickle``
files that folder holds (written by the app, nothing else) are deleted, silently.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import hashlib
import hmac
import io
import logging
import os
import pickle
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml.timestamp import TimeStamp

log = logging.getLogger(__name__)

MIN_CHARS = 16_000  # below this, parsing is about as fast as reading a cached tree
KEEP = 32  # trees kept per workspace; the least recently written go first
CACHE_FOLDER = ".cache"  # in the workspace; the parsed trees are in its "yaml" folder
CAMPAIGN_FILE = "campaign.yaml"  # = core.campaign.workspace.CAMPAIGN_FILE (common cannot import it)
KEY_FILE = "cache.key"
_PARENTS = 3  # campaign.yaml, cases/x.yaml, letter_templates/x.md: a workspace is close above
_KEY_BYTES = 32
_MAC_BYTES = hashlib.sha256().digest_size
_OLD_CLEARED = False  # the old cache folder was emptied in this process


def workspace_of(path: str | Path) -> Path | None:
    """The workspace (folder of ``campaign.yaml``) holding ``path``; None for a text from
    elsewhere (a ``<string>``, a file outside any campaign, the example bundled with the app)."""
    name = str(path)
    if not name or name.startswith("<"):
        return None
    try:
        for folder in list(Path(path).absolute().parents)[:_PARENTS]:
            if (folder / CAMPAIGN_FILE).is_file():
                return None if folder.resolve() == _bundled_example() else folder
    except OSError:
        return None
    return None


@functools.lru_cache(maxsize=1)
def _bundled_example() -> Path | None:
    from campaign_app.core.common.resources import example_dir

    try:
        return example_dir().resolve()
    except (FileNotFoundError, OSError):
        return None


def cache_dir(workspace: Path) -> Path:
    """``<workspace>/.cache/yaml``."""
    return workspace / CACHE_FOLDER / "yaml"


def key_path() -> Path:
    """``<user data folder>/campaign_app/cache.key``: the secret that signs this user's trees
    (the folder of ``appstate.data_dir``, not imported: 4 ms of a start that reads a kept tree)."""
    from platformdirs import user_data_path

    return user_data_path("campaign_app", appauthor=False) / KEY_FILE


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


def _mac(secret: bytes, name: str, data: bytes) -> bytes:
    """Binds the bytes to the file's name, so that even a file this user wrote is never
    served for another text (renamed)."""
    return hmac.new(secret, name.encode("ascii") + b"\x00" + data, hashlib.sha256).digest()


def _private(info: os.stat_result, others: int) -> bool:
    """A regular file this user owns that others have none of the ``others`` rights to
    (POSIX; elsewhere the folder's own permissions, inside the user's profile, decide)."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if os.name != "posix":
        return True
    return info.st_uid == os.getuid() and not info.st_mode & others


def _read_private(path: Path, others: int, most: int) -> bytes | None:
    """The bytes of ``path`` if :func:`_private` (checked on the open file: no link is
    followed, a pipe does not block) and at most ``most`` long; None otherwise, or when
    there is no such file."""
    flags = os.O_RDONLY
    for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY"):
        flags |= getattr(os, name, 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not _private(info, others) or info.st_size > most:
            return None
        return handle.read(most + 1)


def _secret(create: bool) -> bytes | None:
    """This user's key; made the first time (``create``). None when the key file is not
    the user's own, others may read it, or it cannot be made."""
    path = key_path()
    key = _read_private(path, stat.S_IRWXG | stat.S_IRWXO, _KEY_BYTES)
    if key is None and create and not path.exists():
        _make_key(path)
        key = _read_private(path, stat.S_IRWXG | stat.S_IRWXO, _KEY_BYTES)
    return key if key is not None and len(key) == _KEY_BYTES else None


def _make_key(path: Path) -> None:
    """Write a new key whole (a temporary 0600 file, synced, then linked into place), so a
    reader never sees half a key, and two first runs at once end with one key."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{KEY_FILE}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(os.urandom(_KEY_BYTES))  # what secrets.token_bytes returns
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):  # another run made it first: use that
                os.link(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except OSError:
        log.debug("cannot make the parsed-YAML cache key %s", path, exc_info=True)


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
    secret = _secret(create=False)
    if secret is None:
        return None
    name = _name(text, line_offset)
    kept = cache_dir(workspace) / f"{name}.pickle"
    blob = _read_private(kept, stat.S_IWGRP | stat.S_IWOTH, _MAC_BYTES + 64 * len(text) + 65_536)
    if blob is None:
        return None
    mac, data = blob[:_MAC_BYTES], blob[_MAC_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, name, data)):
        log.debug("parsed-YAML cache file %s was not written by this user's runs: ignored", kept)
        return None
    try:
        return pickle.loads(data), data
    except Exception:  # from another version of a class: parse instead
        log.debug("unreadable parsed-YAML cache file %s", kept, exc_info=True)
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
        secret = _secret(create=True)
        if secret is None:
            return None
        folder = _make_folder(workspace)
        name = _name(text, line_offset)
        data = dumps(tree)
        _write(folder / f"{name}.pickle", _mac(secret, name, data) + data)
        _prune(folder)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot keep a parsed-YAML tree in %s", workspace, exc_info=True)
        return None
    _clear_old_cache()
    return data


def _make_folder(workspace: Path) -> Path:
    """``.cache/yaml`` in the workspace. ``.cache`` appears whole, with its ``.gitignore``
    (made in a private temporary folder, then renamed), so git never sees it."""
    outer = workspace / CACHE_FOLDER
    if not outer.is_dir():
        staging = Path(tempfile.mkdtemp(dir=workspace, prefix=f"{CACHE_FOLDER}-", suffix=".part"))
        try:
            (staging / ".gitignore").write_text("# made by campaign_app: a cache, never committed\n*\n")
            staging.rename(outer)
        except OSError:
            if not outer.is_dir():
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    folder = cache_dir(workspace)
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _write(target: Path, blob: bytes) -> None:
    """Whole or absent (a temporary 0600 file renamed into place); not synced: a file cut
    off by a power cut fails its MAC and the text is parsed again."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


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
