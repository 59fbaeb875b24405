"""``campaign-app`` (no command) or ``campaign-app gui``: the desktop app.

Qt is imported only here, and only when the window is wanted: every other command runs
without a display and without loading Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from campaign_app.cli.common import EXIT_PROBLEM, print_problems
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.common.i18n import _

# Kept here, not imported from the GUI, so that the command line never loads Qt.
TAB_NAMES = ("case", "recipients", "compose", "batch", "settings", "outreach")


def add_parser(sub) -> None:
    p = sub.add_parser("gui", help=_("open the desktop app (the default with no command)"))
    p.add_argument(
        "-w",
        "--workspace",
        type=Path,
        default=None,
        metavar="DIR",
        help=_("campaign folder (default: the last one opened, or the example)"),
    )
    p.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="FILE.png",
        help=_("paint the main window offscreen into FILE.png and exit"),
    )
    p.add_argument("--tab", default=None, choices=TAB_NAMES, help=_("the tab to show"))


def run(args: argparse.Namespace) -> int:
    """The desktop app; offscreen when only a screenshot is wanted."""
    import os

    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        # Qt would abort with its own message; say what is going on instead.
        print(
            _(
                "error: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set) — "
                "run it in a desktop session, or use the command line: campaign-app --help"
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        from campaign_app.gui.app import run
    except ImportError as exc:
        print(
            _(
                "error: the desktop app cannot start ({problem}) — reinstall with 'pip install campaign_app'"
            ).format(problem=exc),
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        return run(getattr(args, "workspace", None), screenshot, getattr(args, "tab", None))
    except (UserError, UserErrors) as exc:
        print_problems(exc)
        return EXIT_PROBLEM
