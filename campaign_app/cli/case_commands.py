"""``campaign-app case``: the case over time (``case calendar FILE.ics``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from campaign_app.cli.common import EXIT_OK, workspace_arg


def add_parser(sub) -> None:
    p = sub.add_parser("case", help="the case over time: its calendar")
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    r = csub.add_parser(
        "calendar",
        help="write the case's coming events and follow-up dates to an iCalendar (.ics) file",
        description="Import the file into your calendar; a later export updates the same entries "
        "instead of adding new ones.",
    )
    r.add_argument("file", type=Path, metavar="FILE.ics")
    workspace_arg(r)


def run(ws, args: argparse.Namespace) -> int:
    if args.action == "calendar":
        from campaign_app.core.campaign.calendar_export import write_case_calendar

        summary = write_case_calendar(ws, args.file)
        counts = f"{summary.events} coming event(s) and {summary.follow_ups} follow-up date(s)"
        print(f"Wrote {counts} to {args.file}")
        return EXIT_OK
    raise AssertionError(args.action)
