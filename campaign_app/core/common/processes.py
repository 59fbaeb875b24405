"""Which program holds a claim, and whether it is still running.

A letter claimed for sending names the program that claimed it ("host pid"). While that
program runs, nobody else may send the letter, not even with --resend-uncertain; once it
is gone, the letter is uncertain (it may or may not have left) and a person decides.
Only a program on this computer can be checked; one on another computer counts as gone,
since a person asked to resend after looking.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def this_process() -> str:
    """ "host pid" of the running program, as a claim records it."""
    return f"{socket.gethostname()} {os.getpid()}"


def claimant_alive(process: str) -> bool:
    """True when ``process`` (as :func:`this_process` wrote it) runs on this computer now."""
    host, _, pid_text = process.rpartition(" ")
    if not host or host != socket.gethostname() or not pid_text.isdigit():
        return False
    return pid_alive(int(pid_text))


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (never sends it a signal)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate it there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether the process has ended and only waits to be reaped (Linux): a writer killed a
    moment ago is gone although signals still find it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False  # no /proc (macOS), or it just went
    return stat[stat.rfind(")") + 2 : stat.rfind(")") + 3] == "Z"  # the state follows "(name) "


def become_worker() -> None:
    """At the start of a worker process (the batch's pool, the send's letter maker): Ctrl-C
    goes to the whole process group, so the parent decides what stops and the worker always
    finishes the file it is writing; and the worker ends when its parent does."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()


def exit_with_parent() -> None:
    """In a worker process (multiprocessing): end it as soon as the program that started it
    ends, however it ends. A worker waits for its next letter on a pipe it holds both ends
    of, so a program killed outright (kill -9, a crash, the window closed by the system)
    would otherwise leave it waiting forever, holding the terminal's output open. Whatever
    it was writing is written atomically: at most a temporary file is left, which the next
    batch clears."""
    import multiprocessing
    import multiprocessing.connection
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@contextmanager
def ctrl_c_cancels(cancel: threading.Event) -> Iterator[None]:
    """While in this block, the first Ctrl-C sets ``cancel`` instead of raising
    KeyboardInterrupt, and a second one raises it as usual (in the main thread; elsewhere
    Ctrl-C cannot arrive). The work stops where it checks ``cancel``, between letters,
    rather than wherever the program happened to be: between handing a message to the
    server and recording it sent, or between taking a worker's answer and listing the
    letter in it. Someone who presses again does not want to wait: that stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import signal

    previous = signal.getsignal(signal.SIGINT)
    # Closing the terminal (SIGHUP) or a plain kill (SIGTERM) is a Cancel as well: the letter
    # in flight is finished and recorded, the files and the log saved (not a silent death
    # that leaves a letter uncertain and nobody told). A second one ends it at once.
    others = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {number: signal.getsignal(number) for number in others}

    def first_press(_signum: int, _frame: object) -> None:
        cancel.set()
        signal.signal(signal.SIGINT, previous)

    def asked_to_end(signum: int, _frame: object) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    signal.signal(signal.SIGINT, first_press)
    for number in others:
        signal.signal(number, asked_to_end)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        for number, handler in before.items():
            signal.signal(number, handler)
