"""Work whose answer may stop being wanted before it comes.

A check of the team's database password waits on a server that may take the whole connect
timeout to answer, or never answer; when the window that asked closes meanwhile, nobody
needs the answer any more, and the window must not wait for it (it seemed hung at exit).
Such work is left to end on its own. What it would leave behind is its one lasting step
(keeping the password in the keyring): that step is taken under :meth:`Abandonable.lasting_step`,
so that once :meth:`Abandonable.abandon` has returned none starts, and none is under way
unless it outlasted ``wait`` (then it is one call to the keyring, which keeps the password
the server has just taken, or does not: nothing is half-kept). No Qt here: the window's
task runner (gui/tasks.py) holds one for each such task.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

# How long abandoning waits for a lasting step already under way (a keyring call: milliseconds,
# unless the system asks the user to unlock the keyring first).
STEP_WAIT_SECONDS = 1.0


class Abandonable:
    """Whether the answer of work under way is still wanted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._abandoned = False

    @property
    def abandoned(self) -> bool:
        return self._abandoned

    def abandon(self, wait: float = STEP_WAIT_SECONDS) -> None:
        """Nobody wants the answer any more: no lasting step starts after this returns, and
        one under way is waited for up to ``wait`` seconds."""
        self._abandoned = True  # seen by a step about to start, even if the wait runs out
        if self._lock.acquire(timeout=wait):
            self._lock.release()

    @contextmanager
    def lasting_step(self) -> Iterator[bool]:
        """Hold this while taking the lasting step, and take it only if this yields True (the
        answer is still wanted)."""
        with self._lock:
            yield not self._abandoned
