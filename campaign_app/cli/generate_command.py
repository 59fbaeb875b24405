"""``campaign-app generate``: one letter per recipient as PDF and/or DOCX, with progress."""

from __future__ import annotations

import argparse
import sys
import threading

from campaign_app.cli.columns import shown
from campaign_app.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEM,
    print_problems,
    template_args,
    workspace_arg,
)
from campaign_app.cli.progress import ProgressBar
from campaign_app.core.common.i18n import _, ngettext, number


def add_parser(sub) -> None:
    p = sub.add_parser("generate", help=_("write one letter per recipient as PDF and/or DOCX"))
    workspace_arg(p)
    template_args(p)
    p.add_argument(
        "--format", "-f", default="both", choices=("pdf", "docx", "both"), help=_("the files to write")
    )
    p.add_argument(
        "--paper", choices=("A4", "Letter"), default=None, help=_("paper size (default from campaign.yaml)")
    )
    p.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help=_("worker processes (default: one per core)"),
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.batch_run import run_batch
    from campaign_app.core.campaign.generate import parse_formats, plan_batch

    formats = parse_formats(args.format)
    out_dir = (args.out if args.out is not None else ws.out_dir).resolve()
    plan = plan_batch(ws, args.template, formats, out_dir, args.query, args.paper)
    if plan.nobody_due:  # a follow-up in a new campaign: not an error, and nothing to write
        print(_("Nothing to write: {reason}.").format(reason=plan.nobody_due))
        return EXIT_OK
    # Lines that name recipients: a control character in a name is shown, never obeyed.
    for warning in plan.before_writing:
        print(_("warning: {line}").format(line=shown(warning)), file=sys.stderr)
    for file, rid in plan.not_in_directory:
        line = _(
            "{file} is a letter to '{id}', who is no longer in the directory: delete it if it is out of date"
        )
        print(_("warning: {line}").format(line=shown(line.format(file=file, id=rid))), file=sys.stderr)
    bar = ProgressBar(len(plan.jobs), _("letters"))
    cancel = threading.Event()
    result = run_batch(ws, plan, progress=bar.update, cancel=cancel, workers=args.workers)
    bar.close()
    for rid, message in result.failed:
        print(_("error: {problem}").format(problem=shown(f"{rid}: {message}", lines=True)), file=sys.stderr)
    if result.log_note:
        print(_("note: {note}").format(note=result.log_note), file=sys.stderr)
    for line in replaced_lines(result):
        print(shown(line), file=sys.stderr)
    summary = _summary(result, out_dir)
    if result.stopped is not None:
        print_problems(result.stopped)
        print(_("stopped: {summary}").format(summary=summary), file=sys.stderr)
        return EXIT_PROBLEM
    if result.cancelled:
        print(
            _("interrupted: {summary}. Run the same command again to finish.").format(summary=summary),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    print(summary)
    return EXIT_PROBLEM if result.failed else EXIT_OK


def replaced_lines(result) -> list[str]:
    """What became of the letters' earlier files, written under a recipient's former name."""
    removed = [
        _("note: removed {file}, the earlier letter to a recipient whose name has changed").format(file=f)
        for f in result.replaced
    ]
    kept = [
        _(
            "warning: kept {file}, an earlier letter to a recipient whose name has changed ({why}): "
            "delete it if it is out of date"
        ).format(file=f, why=why)
        for f, why in result.replaced_kept
    ]
    return removed + kept


def _summary(result, out_dir) -> str:
    """``3 letter(s) written (6 file(s)), 0 already up to date, 0 failed, in 1.2 s with 2
    process(es) → DIR``, each count in the form its number takes."""
    written, files = result.letters_written, result.files_written
    skipped, failed, workers = len(result.skipped), len(result.failed), result.workers
    return _("{written} ({files}), {skipped}, {failed}, in {seconds} s with {workers} → {folder}").format(
        written=ngettext("{n} letter(s) written", "{n} letter(s) written", written).format(n=written),
        files=ngettext("{n} file(s)", "{n} file(s)", files).format(n=files),
        skipped=ngettext("{n} already up to date", "{n} already up to date", skipped).format(n=skipped),
        failed=ngettext("{n} failed", "{n} failed", failed).format(n=failed),
        seconds=number(result.elapsed),
        workers=ngettext("{n} process(es)", "{n} process(es)", workers).format(n=workers),
        folder=out_dir,
    )


def _workers(text: str) -> int:
    """--workers N: a whole number from 1 (0 or fewer would write nothing, and say so late)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("give a whole number of processes, 1 or more, not '{text}'").format(text=text)
        )
    return value
