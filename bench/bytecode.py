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
from pathlib import Path


def as_installed(folder: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: this process's) for a child that keeps and reuses its compiled
    modules in ``folder``."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env
