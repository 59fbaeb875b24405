"""``campaign-app init DIR``: a new campaign folder holding the bundled example campaign."""

from __future__ import annotations

import argparse
from pathlib import Path

from campaign_app.cli.common import EXIT_OK
from campaign_app.core.common.i18n import _


def add_parser(sub) -> None:
    p = sub.add_parser("init", help=_("create a workspace holding the bundled example campaign"))
    p.add_argument("directory", type=Path, metavar="DIR")


def run(args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.creation import init_workspace

    target = init_workspace(args.directory)
    print(
        _("Created {folder} with the example campaign. Next: campaign-app check -w {folder}").format(
            folder=target
        )
    )
    return EXIT_OK
