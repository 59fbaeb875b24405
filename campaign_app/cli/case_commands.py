"""``campaign-app case``: the case over time (``case calendar FILE.ics``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from campaign_app.cli.common import EXIT_OK, workspace_arg
from campaign_app.core.common.i18n import _, ngettext


def add_parser(sub) -> None:
    p = sub.add_parser("case", help=_("the case over time: its calendar"))
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    r = csub.add_parser(
        "calendar",
        help=_("write the case's coming events and follow-up dates to an iCalendar (.ics) file"),
        description=_(
            "Import the file into your calendar; a later export updates the same entries "
            "instead of adding new ones."
        ),
    )
    r.add_argument("file", type=Path, metavar="FILE.ics")
    workspace_arg(r)


def run(ws, args: argparse.Namespace) -> int:
    if args.action == "calendar":
        from campaign_app.core.campaign.calendar_export import write_case_calendar

        summary = write_case_calendar(ws, args.file)
        events = ngettext("{count} coming event(s)", "{count} coming event(s)", summary.events)
        follow_ups = ngettext("{count} follow-up date(s)", "{count} follow-up date(s)", summary.follow_ups)
        counts = _("{events} and {follow_ups}").format(
            events=events.format(count=summary.events), follow_ups=follow_ups.format(count=summary.follow_ups)
        )
        print(_("Wrote {counts} to {file}").format(counts=counts, file=args.file))
        return EXIT_OK
    raise AssertionError(args.action)
