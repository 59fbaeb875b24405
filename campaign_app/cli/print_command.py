"""``campaign-app print``: one PDF of a template's letters to print and post, with envelopes or labels."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from campaign_app.cli.columns import shown
from campaign_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, workspace_arg
from campaign_app.cli.progress import ProgressBar
from campaign_app.core.common.i18n import _, ngettext


def add_parser(sub) -> None:
    p = sub.add_parser(
        "print",
        help=_("one PDF to print: the letters to recipients with a postal address, then envelopes or labels"),
    )
    workspace_arg(p)
    p.add_argument(
        "--template", "-t", required=True, metavar="ID", help=_("the template whose letters to print")
    )
    p.add_argument("--query", "-q", default="", metavar="Q", help=_("narrow the template's audience"))
    p.add_argument("--out", "-o", type=Path, required=True, metavar="FILE.pdf", help=_("the PDF to write"))
    p.add_argument(
        "--include-sent",
        action="store_true",
        help=_("also the letters that already went out (a paper copy of a letter sent by e-mail)"),
    )
    extra = p.add_mutually_exclusive_group()
    extra.add_argument(
        "--envelope",
        choices=("DL", "C5", "C4"),
        default=None,
        help=_("an envelope per letter, after the letters"),
    )
    extra.add_argument(
        "--labels", choices=("L7163",), default=None, help=_("sheets of address labels, after the letters")
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.print_pack import plan_print, run_print

    plan = plan_print(
        ws, args.template, args.out.resolve(), args.query, args.envelope, args.labels, args.include_sent
    )
    _list_unaddressed(plan.unaddressed)
    _list_already_sent(plan)
    if plan.nobody_due:
        print(_("Nothing to print: {reason}.").format(reason=plan.nobody_due))
        return EXIT_OK
    bar = ProgressBar(len(plan.recipients), _("letters"))
    result = run_print(ws, plan, progress=bar.update)
    bar.close()
    if result.cancelled:
        print(
            _("interrupted: no print pack was written and nothing was recorded as printed"), file=sys.stderr
        )
        return EXIT_INTERRUPTED
    print(_printed_summary(plan, result, args.out))
    return EXIT_OK


def _list_unaddressed(recipients) -> None:
    if not recipients:
        return
    print(
        ngettext(
            "{count} recipient(s) without a postal address: not in the print pack",
            "{count} recipient(s) without a postal address: not in the print pack",
            len(recipients),
        ).format(count=len(recipients))
    )
    from campaign_app.core.campaign.print_pack import unaddressed_line

    for r in recipients:
        print(shown(f"  {unaddressed_line(r)}"))  # a name's control characters shown, never obeyed


def _list_already_sent(plan) -> None:
    """The letters left out as already gone, and those in the pack a second time."""
    from campaign_app.core.campaign.print_pack import left_out_line

    if plan.already_sent:
        print(
            ngettext(
                "{count} letter(s) already went out: not in the print pack (--include-sent prints them too)",
                "{count} letter(s) already went out: not in the print pack (--include-sent prints them too)",
                len(plan.already_sent),
            ).format(count=len(plan.already_sent))
        )
        for r, how in plan.already_sent:
            print(shown(f"  {left_out_line(r, how)}"))
    if plan.printed_before:
        print(
            ngettext(
                "{count} letter(s) printed before but not recorded as posted: in this pack again; one "
                "posted after all must not be posted twice: campaign-app log mark ID --status sent "
                "--channel post",
                "{count} letter(s) printed before but not recorded as posted: in this pack again; one "
                "posted after all must not be posted twice: campaign-app log mark ID --status sent "
                "--channel post",
                len(plan.printed_before),
            ).format(count=len(plan.printed_before))
        )
        for r in plan.printed_before:
            print(shown(f"  {r.id}: {r.display_name}"))


def _printed_summary(plan, result, out) -> str:
    """What the pack holds and where it is, and how to record the letters once posted."""
    n, pages = len(result.printed), result.pages
    letters = ngettext("{count} letter(s)", "{count} letter(s)", n).format(count=n)
    if plan.envelope:
        letters = ngettext(
            "{letters}, then {count} {envelope} envelope(s)",
            "{letters}, then {count} {envelope} envelope(s)",
            n,
        ).format(letters=letters, count=n, envelope=plan.envelope)
    elif plan.labels:
        letters = _("{letters}, then address labels ({labels})").format(letters=letters, labels=plan.labels)
    in_all = ngettext("{count} page(s) in all", "{count} page(s) in all", pages).format(count=pages)
    from campaign_app.core.campaign.print_pack import how_to_print

    return "\n".join(
        (
            _("{letters}: {pages} → {file}").format(letters=letters, pages=in_all, file=out),
            how_to_print(plan, result),
            _("Recorded as printed in the contact log; once they are in the post: {command}").format(
                command=shown(
                    f"campaign-app log mark {' '.join(result.printed)} --status sent --channel post "
                    f"--template {plan.template_id}"
                )
            ),
        )
    )
