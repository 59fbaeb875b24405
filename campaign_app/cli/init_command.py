"""``campaign-app init DIR [--empty]``: a new campaign folder, holding the bundled example
campaign or (``--empty``) an empty one, as the window's File ▸ New makes."""

from __future__ import annotations

import argparse
from pathlib import Path

from campaign_app.cli.common import EXIT_OK
from campaign_app.core.common.i18n import _


def add_parser(sub) -> None:
    p = sub.add_parser("init", help=_("create a workspace holding the bundled example campaign"))
    p.add_argument("directory", type=Path, metavar="DIR")
    p.add_argument(
        "--empty",
        action="store_true",
        help=_(
            "an empty campaign instead: campaign.yaml to fill in, an empty case, no recipients or templates"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.creation import init_empty_workspace, init_workspace

    if args.empty:
        target = init_empty_workspace(args.directory)
        print(
            _(
                "Created {folder} with an empty campaign. Next: fill in {folder}/campaign.yaml and "
                "the case in {folder}/cases/, then campaign-app check -w {folder}"
            ).format(folder=target)
        )
        return EXIT_OK
    target = init_workspace(args.directory)
    print(
        _("Created {folder} with the example campaign. Next: campaign-app check -w {folder}").format(
            folder=target
        )
    )
    return EXIT_OK
