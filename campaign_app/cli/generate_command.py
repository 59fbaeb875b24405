"""``campaign-app generate``: one letter per recipient as PDF and/or DOCX, with progress."""

from __future__ import annotations

import argparse
import sys
import threading

from campaign_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEM, template_args, workspace_arg
from campaign_app.cli.progress import ProgressBar


def add_parser(sub) -> None:
    p = sub.add_parser("generate", help="write one letter per recipient as PDF and/or DOCX")
    workspace_arg(p)
    template_args(p)
    p.add_argument("--format", "-f", default="both", choices=("pdf", "docx", "both"))
    p.add_argument(
        "--paper", choices=("A4", "Letter"), default=None, help="paper size (default from campaign.yaml)"
    )
    p.add_argument(
        "--workers", type=int, default=None, metavar="N", help="worker processes (default: one per core)"
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.batch_run import run_batch
    from campaign_app.core.campaign.generate import parse_formats, plan_batch

    formats = parse_formats(args.format)
    out_dir = (args.out if args.out is not None else ws.out_dir).resolve()
    plan = plan_batch(ws, args.template, formats, out_dir, args.query, args.paper)
    if plan.nobody_due:  # a follow-up in a new campaign: not an error, and nothing to write
        print(f"Nothing to write: {plan.nobody_due}.")
        return EXIT_OK
    bar = ProgressBar(len(plan.jobs), "letters")
    cancel = threading.Event()
    result = run_batch(ws, plan, progress=bar.update, cancel=cancel, workers=args.workers)
    bar.close()
    for rid, message in result.failed:
        print(f"error: {rid}: {message}", file=sys.stderr)
    if result.log_note:
        print(f"note: {result.log_note}", file=sys.stderr)
    files = len(result.written)
    summary = (
        f"{result.letters_written} letter(s) written ({files} file(s)), "
        f"{len(result.skipped)} already up to date, {len(result.failed)} failed, "
        f"in {result.elapsed:.1f} s with {result.workers} process(es) → {out_dir}"
    )
    if result.cancelled:
        print(f"interrupted: {summary}. Run the same command again to finish.", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(summary)
    return EXIT_PROBLEM if result.failed else EXIT_OK
