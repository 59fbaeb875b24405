"""Reading many records at once without the garbage collector's full sweeps.

Building a few hundred thousand small objects in one go (the events of a large contact log,
the rows of a 100,000-entry directory or import) makes CPython's cyclic collector sweep
every live object again and again, though none of them can be garbage yet: a quarter to a
third of such a read. Pausing it for the read changes nothing else: reference counting
frees everything else meanwhile, and no cycle is missed, only collected later.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # reads under way (the window runs them on worker threads, sometimes two at once)
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk read; it resumes, as it was, when the
    last read under way ends (pauses nest and may overlap across threads)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
