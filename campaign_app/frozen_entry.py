"""The entry point of the frozen desktop app (the PyInstaller bundle), and of ``python -m``.

A large batch (and a long send) runs in "spawn" worker processes. In a frozen app there is no Python beside
it: each worker is started as the app's own executable with multiprocessing's command
line, so without :func:`multiprocessing.freeze_support` first, every worker would run the
command line (or open another window) instead of writing letters. ``freeze_support`` sees
such a command line, runs the worker and exits; for a normal start it does nothing. Outside
a frozen app it has nothing to do, and multiprocessing is not imported (~13 ms of every
command's start, ``log status`` included; a batch imports it when it starts its workers).

Absolute imports only: PyInstaller runs this file as a top-level script, not as part of
the package.
"""

from __future__ import annotations

import sys


def run() -> int:
    if getattr(sys, "frozen", False):  # PyInstaller's bundle
        import multiprocessing

        multiprocessing.freeze_support()
    from campaign_app.cli.main import run as run_command

    return run_command()


if __name__ == "__main__":
    sys.exit(run())
