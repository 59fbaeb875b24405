"""``campaign-app print``: one PDF of a template's letters to print and post, with envelopes or labels."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from campaign_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, workspace_arg
from campaign_app.cli.progress import ProgressBar


def add_parser(sub) -> None:
    p = sub.add_parser(
        "print",
        help="one PDF to print: the letters to recipients with a postal address, then envelopes or labels",
    )
    workspace_arg(p)
    p.add_argument("--template", "-t", required=True, metavar="ID")
    p.add_argument("--query", "-q", default="", metavar="Q", help="narrow the template's audience")
    p.add_argument("--out", "-o", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write")
    extra = p.add_mutually_exclusive_group()
    extra.add_argument(
        "--envelope",
        choices=("DL", "C5", "C4"),
        default=None,
        help="an envelope per letter, after the letters",
    )
    extra.add_argument(
        "--labels", choices=("L7163",), default=None, help="sheets of address labels, after the letters"
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.print_pack import plan_print, run_print

    plan = plan_print(ws, args.template, args.out.resolve(), args.query, args.envelope, args.labels)
    if plan.nobody_due:
        print(f"Nothing to print: {plan.nobody_due}.")
        return EXIT_OK
    _list_unaddressed(plan.unaddressed)
    bar = ProgressBar(len(plan.recipients), "letters")
    result = run_print(ws, plan, progress=bar.update)
    bar.close()
    if result.cancelled:
        print("interrupted: no print pack was written and nothing was recorded as printed", file=sys.stderr)
        return EXIT_INTERRUPTED
    extra = (
        f", then {len(result.printed)} {plan.envelope} envelope(s)"
        if plan.envelope
        else f", then address labels ({plan.labels})"
        if plan.labels
        else ""
    )
    print(
        f"{len(result.printed)} letter(s){extra}: {result.pages} page(s) in all → {args.out}\n"
        "Recorded as printed in the contact log; once posted: "
        "campaign-app log mark ID --status sent --channel post"
    )
    return EXIT_OK


def _list_unaddressed(recipients) -> None:
    if not recipients:
        return
    print(f"{len(recipients)} recipient(s) without a postal address: not in the print pack")
    from campaign_app.core.campaign.print_pack import unaddressed_line

    for r in recipients:
        print(f"  {unaddressed_line(r)}")
