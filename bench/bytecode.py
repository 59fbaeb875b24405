"""Fresh processes in a benchmark start from compiled modules, as an installed copy does.

pip and PyInstaller compile every module when they install; a source checkout run with
``PYTHONDONTWRITEBYTECODE`` (as some shells and CI set it) compiles campaign_app's modules
again at every start, 0.1-0.15 s that no user's start pays. A benchmark that times a new
process (``log status`` as typed, an import, the window's first paint) gives it this
environment and runs it once untimed first: the compiled modules are kept in a folder of
the benchmark's own (``PYTHONPYCACHEPREFIX``), never beside the sources.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# Where the benchmarks whose work runs in spawned processes keep their compiled modules.
KEPT = Path(tempfile.gettempdir()) / f"campaign-bench-bytecode-{os.getuid()}"


def as_installed(folder: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) for a child that keeps and reuses its compiled
    modules in ``folder``."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env


def rerun_as_installed(folder: Path = KEPT) -> None:
    """Run this benchmark again, unless it already runs so, in a process that keeps and
    reuses its compiled modules in ``folder``, as its spawned children then do too.

    Changing ``os.environ`` is not enough for a process started with
    ``PYTHONDONTWRITEBYTECODE``: ``sys.flags`` keeps it, and multiprocessing starts each
    spawned child with ``-B``, so no process ever wrote the compiled modules the children
    look for and each child compiled every module it imported at every start (a long send's
    letter maker: a tenth of its time, on the send's critical path)."""
    if not sys.flags.dont_write_bytecode and os.environ.get("PYTHONPYCACHEPREFIX") == str(folder):
        return
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, *sys.argv], as_installed(folder))
