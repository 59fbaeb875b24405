"""``campaign-app name [NAME]``: the volunteer's name the contact log records."""

from __future__ import annotations

import argparse

from campaign_app.cli.common import EXIT_OK
from campaign_app.core.common.i18n import _


def add_parser(sub) -> None:
    p = sub.add_parser(
        "name",
        help=_("show or set your name, recorded with what you do in the contact log"),
        description=_(
            "Your name as the contact log records it (the same setting as Settings ▸ Your name "
            "in the desktop app; kept on this computer, not in the campaign). Without NAME: show it."
        ),
    )
    p.add_argument("name", nargs="?", default=None, metavar="NAME")


def run(args: argparse.Namespace) -> int:
    from campaign_app.core.common.appstate import AppState, volunteer_name

    if args.name is not None:
        state = AppState.load()
        state.volunteer_name = " ".join(args.name.split())
        state.save()
    print(_("The contact log records you as: {name}").format(name=volunteer_name()))
    print(
        _(
            "(On a team's shared log — log_database in campaign.yaml — the server records your "
            "database user instead: nobody's work can be recorded under another name there.)"
        )
    )
    return EXIT_OK
