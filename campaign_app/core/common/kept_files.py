"""Files a run keeps for later runs in the campaign's own folder, signed with the user's key.

What is worked out from a campaign's files and takes long to work out again (the case's
parsed YAML tree: ``yaml_cache.py``; a large directory file's checked columns:
``core/directory/kept_columns.py``) is kept in ``<workspace>/.cache/<kind>/``, named by a
hash of what it was worked out from, and read back by the next run.

Why in the workspace: a kept file is a copy of what the campaign's files say (a case's facts
and sources, the people written to). Users working under pressure from a state delete a
campaign to delete what it said; a copy in a folder of their profile would survive that.
Inside the workspace it goes with the folder. A file from no workspace (no ``campaign.yaml``
a few folders up), or from the example bundled with the app (its installation is never
written to), is not kept. The ``.cache`` folder is made private (0700) with a
``.gitignore`` of ``*``, so a campaign kept in git never commits it; it may be deleted at
any time (the next run works it out again).

Kept files are pickles (or marshal's bytes), and unpickling runs code named in the file,
while a campaign folder may come from someone else (a zip, a synced folder). So every kept file starts with an
HMAC-SHA256 of its name and its bytes, keyed with a secret of this user (32 random bytes in
``cache.key`` in the user's data folder, 0600, made once); a file whose MAC does not verify
is never unpickled. Without a usable key (a key file another user owns, or others may read)
nothing is kept or read. A kept file another user owns, or that others may write to, is
ignored too. A read-only workspace or a full disk only means nothing is kept.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from campaign_app import __version__

PROGRAM_VERSION = __version__  # in the names of what this program's code works out (kept_columns)

log = logging.getLogger(__name__)

CACHE_FOLDER = ".cache"  # in the workspace; each kind of kept file in a folder of its own
CAMPAIGN_FILE = "campaign.yaml"  # = core.campaign.workspace.CAMPAIGN_FILE (common cannot import it)
KEY_FILE = "cache.key"
_PARENTS = 3  # campaign.yaml, cases/x.yaml, letter_templates/x.md: a workspace is close above
_KEY_BYTES = 32
MAC_BYTES = hashlib.sha256().digest_size


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


def key_path() -> Path:
    """``<user data folder>/campaign_app/cache.key``: the secret that signs this user's trees
    (the folder of ``appstate.data_dir``, not imported: 4 ms of a start that reads a kept tree)."""
    from platformdirs import user_data_path

    return user_data_path("campaign_app", appauthor=False) / KEY_FILE


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


def read_kept(workspace: Path, kind: str, name: str, most: int, suffix: str = ".pickle") -> bytes | None:
    """The bytes kept as ``name`` (a hex digest) in ``.cache/<kind>``, verified as written by
    this user's runs; None when there is no such file, it is longer than ``most`` bytes
    (its MAC left out), or it does not verify."""
    secret = _secret(create=False)
    if secret is None:
        return None
    kept = workspace / CACHE_FOLDER / kind / f"{name}{suffix}"
    blob = _read_private(kept, stat.S_IWGRP | stat.S_IWOTH, MAC_BYTES + most)
    if blob is None:
        return None
    mac, data = blob[:MAC_BYTES], blob[MAC_BYTES:]
    if not hmac.compare_digest(mac, _mac(secret, name, data)):
        log.debug("kept file %s was not written by this user's runs: ignored", kept)
        return None
    return data


def write_kept(
    workspace: Path, kind: str, name: str, data: bytes, keep: int, suffix: str = ".pickle"
) -> bool:
    """Keep ``data`` as ``name`` in ``.cache/<kind>`` (signed), leaving the ``keep`` files
    written last; False when nothing could be kept (no key, a read-only folder, a full disk)."""
    try:
        secret = _secret(create=True)
        if secret is None:
            return False
        folder = _make_folder(workspace, kind)
        _write(folder / f"{name}{suffix}", _mac(secret, name, data) + data)
        _prune(folder, keep, suffix)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot keep a file in %s", workspace / CACHE_FOLDER / kind, exc_info=True)
        return False
    return True


def _make_folder(workspace: Path, kind: str) -> Path:
    """``.cache/<kind>`` in the workspace. ``.cache`` appears whole, with its ``.gitignore``
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
    folder = outer / kind
    folder.mkdir(mode=0o700, exist_ok=True)
    for made in (outer, folder):
        if not _own_folder(os.lstat(made)):
            raise OSError(f"{made} is not a folder of this user's: nothing is kept there")
    return folder


def _own_folder(info: os.stat_result) -> bool:
    """A real folder (not a link to one elsewhere) this user owns. A campaign folder may come
    from someone else: its ``.cache/yaml`` could be a link to a folder of the user's, where
    keeping files, and removing the oldest kept files (``_prune``), must not happen."""
    if not stat.S_ISDIR(info.st_mode):
        return False
    return os.name != "posix" or info.st_uid == os.getuid()


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


def _prune(folder: Path, keep: int, suffix: str) -> None:
    """Keep the ``keep`` files (``*<suffix>``) written last."""
    files = sorted(folder.glob(f"*{suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
