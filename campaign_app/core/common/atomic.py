"""Write a whole file or nothing.

Letters are generated in batches of hundreds, often into a folder that a sync client
(Nextcloud, Dropbox, a network share) uploads while we write, and a run can be stopped by
Ctrl+C, a crash or a full disk. A PDF or DOCX written in place would then be left cut
off: it looks like a letter in the file list but does not open, or worse, opens with the
last pages missing, and someone may send it. So every output is first written to a
temporary file in the same folder (same file system, so the final rename is atomic),
flushed to disk, and only then renamed over the target. Readers see either the old file
or the complete new one, never a partial one, and a failed write leaves no debris behind.

A batch of letters writes its files with ``durable=False`` and makes them durable all at
once with :func:`sync_folder` (see there why that is as safe for a batch), instead of two
fsyncs per file: on a busy disk those were most of a letter's wall time.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at import (os.umask can only be read by setting it, which is not thread-safe).
_UMASK = _current_umask()

PART_SUFFIX = ".part"


def host_name() -> str:
    """This computer's name, as ``socket.gethostname()`` gives it: on POSIX both are
    uname's node name, read here without loading the socket module (5 ms of the start of
    every command that writes a file: ``recipients import`` of 100,000 rows is timed
    against pandas); elsewhere asked of socket."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


# Who writes a temporary file ("host~pid"), so that one left by a crash can be told apart
# from one another program is writing right now.
_WRITER = f"{host_name().replace('.', '-')}~{os.getpid()}"
# A part file whose writer cannot be checked (another computer) is debris after this long.
STALE_AFTER_SECONDS = 24 * 3600


def remove_stale_parts(folder: Path) -> int:
    """Delete the temporary files that writers which no longer run left under ``folder``
    (a batch killed outright, a power cut); returns how many. Files of a writer that is
    still running, on this computer or (for a day) on another, are left alone."""
    from campaign_app.core.common.processes import pid_alive

    if not folder.is_dir():
        return 0
    host = host_name().replace(".", "-")
    removed = 0
    for part in folder.rglob(f".*{PART_SUFFIX}"):
        fields = part.name.rsplit(".", 3)  # ".NAME", "host~pid", "random", "part"
        writer = fields[1] if len(fields) == 4 else ""
        writer_host, _, pid = writer.rpartition("~")
        if writer_host == host and pid.isdigit():
            stale = not pid_alive(int(pid))
        else:
            try:
                stale = time.time() - part.stat().st_mtime > STALE_AFTER_SECONDS
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                part.unlink()
                removed += 1
    return removed


def atomic_write_bytes(target: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``target`` with ``data`` atomically; on any failure ``target`` is untouched.

    The data goes to ``<dir>/.<name>.<random>.part`` first, is flushed and fsync'ed, and
    is then moved over ``target`` with :func:`os.replace`. If anything fails, the
    temporary file is removed. Problems the user can fix (missing folder, no permission,
    disk full, file open in another program on Windows) are raised as :class:`UserError`.

    ``durable=False`` skips the two fsyncs (the file's and its folder's): the file is still
    replaced whole or not at all for every program and after any crash of this one; only a
    crash of the computer itself before the caller's :func:`sync_folder` may lose it.
    """
    with atomic_writer(target, binary=True, durable=durable) as fh:
        fh.write(data)


@contextlib.contextmanager
def atomic_writer(
    target: Path, encoding: str = "utf-8", binary: bool = False, durable: bool = True
) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``target`` only when the block ends without an
    error (also for files too large to build in memory first, like a manifest of 20,000
    letters). Same guarantees and errors as :func:`atomic_write_bytes`."""
    target = Path(target)
    durable = durable or os.name != "posix"  # sync_folder is POSIX only: elsewhere fsync each file
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            mode="wb" if binary else "w",
            encoding=None if binary else encoding,
            dir=target.parent,
            prefix=f".{target.name}.{_WRITER}.",
            suffix=PART_SUFFIX,
            delete=False,
        ) as tmp:
            tmp_name = tmp.name
            yield tmp
            tmp.flush()
            if durable:
                os.fsync(tmp.fileno())
        # NamedTemporaryFile creates the file 0600; give it the mode a normal open() would.
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, 0o666 & ~_UMASK)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise _user_error(target, exc) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    if durable:
        _fsync_directory(target.parent)


def sync_folder(folder: Path) -> None:
    """Make every file written (with ``durable=False``) under ``folder`` durable at once:
    one ``syncfs`` of its file system on Linux (``sync`` on other POSIX systems); nothing
    elsewhere, where :func:`atomic_writer` keeps its fsyncs.

    Why a batch may write its letters without an fsync each and call this instead:
    - Whole or absent is the rename's doing, not the fsync's: a reader, Ctrl-C, Cancel or
      the program being killed sees the old file or the complete new one, as before.
    - An fsync only matters if the computer itself stops (power cut, kernel crash). The
      batch calls this before each save of its manifest, and the manifest (written with
      its own fsyncs) is what a re-run and ``send`` trust: every letter it lists is then
      whole on disk. A letter written after the last save (at most about ten seconds of
      the batch) may be lost or left empty by a power cut; it is not in the manifest, so
      the re-run writes it again (and even a listed file is skipped or sent only when its
      bytes still have the sha256 the manifest recorded). No letter is recorded, skipped
      or sent on the strength of a file that did not reach the disk.
    """
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        os.sync()
        return
    try:
        syncfs = _syncfs()
        if syncfs is None or syncfs(fd) != 0:
            os.sync()
    finally:
        os.close(fd)


@cache
def _syncfs() -> Any:
    """Linux's syncfs(2) (one file system, not all of them), or None. Looked up at the first
    sync, not at import: ctypes costs every command's start a few milliseconds."""
    if os.uname().sysname != "Linux":
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).syncfs
    except (ImportError, OSError, AttributeError):  # a Python without ctypes: os.sync() instead
        return None


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FolderUnwritable(UserError):
    """A file could not be written for a reason every other file in its folder shares: the
    disk is full (or the user's quota), or read-only. A batch stops at the first such
    letter rather than fail each of the others with the same message."""


_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_WHOLE_DISK = (*_DISK_FULL, errno.EROFS)  # what fails every file on the disk alike


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents where missing. A problem the user can fix (no
    right to write there, a file in the way, a full or read-only disk) is a UserError
    naming the folder, as for writing a file: an output folder chosen in the window that
    cannot be made is a message there, not a crash."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(Path(folder), exc) from exc


def _folder_error(folder: Path, exc: OSError) -> UserError:
    where = Location.of(folder)
    reason = exc.strerror or str(exc)
    if isinstance(exc, FileExistsError | NotADirectoryError):
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        return UserError(
            _("cannot create the folder {folder}: this file is in the way").format(
                folder=display_path(folder)
            ),
            Location.of(blocker),
            hint=_("move or rename it, or choose another output folder"),
        )
    if isinstance(exc, PermissionError):
        return UserError(
            _("cannot create the folder ({reason})").format(reason=reason),
            where,
            hint=_("check that you may write there, or choose another output folder"),
        )
    kind = FolderUnwritable if exc.errno in _WHOLE_DISK else UserError
    return kind(
        _("cannot create the folder ({reason})").format(reason=reason),
        where,
        hint=_("choose another output folder"),
    )


def _user_error(target: Path, exc: OSError) -> UserError:
    where = Location.of(target)
    reason = exc.strerror or str(exc)
    if isinstance(exc, FileNotFoundError) and not target.parent.is_dir():
        return UserError(
            _("cannot write the file: the folder {parent} does not exist").format(parent=target.parent),
            where,
            hint=_("create the folder or choose another output folder"),
        )
    if isinstance(exc, PermissionError):
        return UserError(
            _("cannot write the file ({reason})").format(reason=reason),
            where,
            hint=_(
                "close it if it is open in another program (e.g. a PDF viewer or Word), "
                "and check that you may write to this folder"
            ),
        )
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return UserError(
            _("cannot write the file: a folder has this name"),
            where,
            hint=_("give a file name, e.g. {example}").format(example=display_path(target / "letters.pdf"))
            if not target.suffix
            else _("move or rename the folder, or give another file name"),
        )
    if exc.errno in _DISK_FULL:
        return FolderUnwritable(
            _("cannot write the file: the disk is full"), where, hint=_("free some space")
        )
    kind = FolderUnwritable if exc.errno in _WHOLE_DISK else UserError
    return kind(_("cannot write the file ({reason})").format(reason=reason), where)


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's (time of change in ns, size, inode), None when absent or unreadable: whether
    another program wrote it since it was last looked at (the manifest, the workspace's
    parts). The inode tells a file replaced by a rename (:func:`atomic_writer`) from the one
    it replaced where the time of change is coarse (a second or two on some disks and shares)
    and the size happens to be the same."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


# ---- one read-modify-write of a file at a time ---------------------------------------------

LOCK_WAIT_SECONDS = 30.0  # a manifest of 20,000 letters is saved in well under a second
_pause = time.sleep  # one step of waiting for a lock another writer holds
_in_process: dict[str, threading.Lock] = {}  # each lock file's, for this program's threads
_in_process_guard = threading.Lock()


class StillLocked(Exception):
    """Another writer has held the lock (:func:`exclusive`) for longer than ``wait``; the
    caller says what that means for the user."""


@contextlib.contextmanager
def exclusive(target: Path, wait: float | None = None) -> Iterator[None]:
    """Read, change and replace ``target`` (written with :func:`atomic_writer`) as its only
    writer, among this program's threads and other programs (the window's batch and a
    terminal's generate into one folder): the rename keeps the file whole, but the last of
    two writers who read it before either replaced it drops what the other added.

    The lock is the system's, on ``.<name>.lock`` beside ``target`` (flock on POSIX,
    msvcrt.locking on Windows), so it ends with the program that held it, however that
    ends: no stale lock is ever left to be cleared by hand. Another writer is waited for, up
    to ``wait`` seconds (:data:`LOCK_WAIT_SECONDS`), then :class:`StillLocked`. Where no
    lock can be had (a file system without locks, a folder no file can be created in), the
    block runs unlocked: the write in it then says what is wrong, if anything is."""
    lock_path = target.parent / f".{target.name}.lock"
    with _in_process_guard:
        local = _in_process.setdefault(os.path.normcase(os.path.abspath(lock_path)), threading.Lock())
    try:
        fd: int | None = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        fd = None
    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
    held: bool | None = False
    try:
        while True:
            if local.acquire(blocking=False):
                held = _try_lock(fd) if fd is not None else None
                if held is not False:
                    break
                local.release()
            if time.monotonic() >= deadline:
                raise StillLocked(display_path(target))
            _pause(0.05)
        try:
            yield
        finally:
            if held and fd is not None:
                _unlock(fd)
            local.release()
    finally:
        if fd is not None:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool | None:
        """True: locked; False: another writer holds it; None: no lock to be had here."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            return False if exc.errno in (errno.EACCES, errno.EDEADLK) else None
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool | None:
        """True: locked; False: another writer holds it; None: no lock to be had here."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # ENOLCK, EOPNOTSUPP: a file system (a share) without locks
            return None
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
