"""``campaign-app send``: e-mail a template's letters, asking first, never sending one twice."""

from __future__ import annotations

import argparse
import sys
import threading

from campaign_app.cli.columns import shown
from campaign_app.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEM,
    read_password,
    template_args,
    workspace_arg,
)
from campaign_app.cli.progress import ProgressBar
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _, ngettext, number


def add_parser(sub) -> None:
    p = sub.add_parser(
        "send",
        help=_("e-mail a template's letters (PDF attached) through the campaign's SMTP server"),
        description=_(
            "Send each recipient of the template's audience (narrowed by --query) their letter "
            "by e-mail, with the PDF attached. Letters already sent are skipped; a letter whose sending "
            "was interrupted is shown as uncertain and not sent again unless --resend-uncertain. "
            "The password comes from the system keyring (Settings tab), or is asked for."
        ),
    )
    workspace_arg(p)
    template_args(p)
    p.add_argument(
        "--dry-run", action="store_true", help=_("send nothing: write each message as an .eml file")
    )
    p.add_argument("--limit", type=int, default=None, metavar="N", help=_("send at most N letters this time"))
    p.add_argument("--docx", action="store_true", help=_("attach the DOCX as well as the PDF"))
    p.add_argument("--yes", "-y", action="store_true", help=_("do not ask before sending"))
    p.add_argument(
        "--resend-uncertain",
        action="store_true",
        help=_("also send letters whose earlier sending was interrupted (they may arrive twice)"),
    )
    p.add_argument(
        "--email-printed",
        action="store_true",
        help=_(
            "also e-mail the letters printed to go by post but not marked as posted (printed to "
            "read over, say: not posted)"
        ),
    )
    p.add_argument(
        "--resend",
        action="append",
        default=[],
        metavar="ID[,ID…]",
        help=_(
            "send again the new version of these recipients' letters, changed after they were sent "
            "(asks first, naming them)"
        ),
    )
    p.add_argument(
        "--not-renamed",
        action="store_true",
        help=_(
            "letters the log holds under a case or template id that no longer exists are other "
            "letters: send anyway (otherwise send stops; see 'log rename-template')"
        ),
    )
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the SMTP password from standard input (for scripts; never pass it as an argument)"),
    )


def _password(settings, args: argparse.Namespace) -> str | None:
    from campaign_app.core.mail.secrets import get_password

    if not settings.username:
        return None
    stored = None
    if not args.password_stdin and not settings.ask_password:
        stored = get_password(settings.username, settings.host)
    return read_password(
        f"{settings.username}@{settings.host}",
        args.password_stdin,
        stored,
        _("store it in the Settings tab (system keyring)"),
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.send_plan import check_can_send

    plan = _plan(ws, args)
    if plan.offline:
        print(
            _(
                "warning: {reason} — this dry run writes the messages of everyone the audience "
                "reaches, whether or not they have had the letter"
            ).format(reason=plan.offline),
            file=sys.stderr,
        )
    if plan.nobody_due:  # a follow-up in a new campaign: not an error, and nothing to send
        print(_("Nothing to send: {reason}.").format(reason=plan.nobody_due))
        return EXIT_OK
    if plan.to_send and not args.dry_run:
        check_can_send(ws)  # the example's made-up sender: refused before "About to send…"
    for warning in plan.before_writing:
        print(_("warning: {line}").format(line=shown(warning)), file=sys.stderr)
    _say_plan(plan, args)
    password = None
    if plan.to_send and not args.dry_run:
        refused = _confirm(plan, args)
        if refused is not None:
            return refused
        password = _password(plan.settings, args)
    result = _send_with_progress(ws, plan, password, args.dry_run)
    return _report(result)


def _plan(ws, args: argparse.Namespace):
    from campaign_app.core.campaign.send_plan import plan_send

    if args.limit is not None and args.limit < 1:
        raise UserError(
            _("--limit {limit} sends nothing").format(limit=args.limit),
            hint=_("give a number of letters, 1 or more"),
        )
    resend = [rid.strip() for value in args.resend for rid in value.split(",") if rid.strip()]
    return plan_send(
        ws,
        args.template,
        args.query or None,
        args.out,
        attach_docx=args.docx,
        resend_uncertain=args.resend_uncertain,
        email_printed=args.email_printed,
        limit=args.limit,
        dry_run=args.dry_run,
        resend=resend,
        not_renamed=args.not_renamed,
    )


def _say_plan(plan, args: argparse.Namespace) -> None:
    """What will happen, before anything is asked or sent."""
    s, count = plan.settings, len(plan.to_send)
    if args.dry_run:
        print(
            ngettext(
                "Dry run: {count} message(s) will be written as .eml files to {folder}; nothing is sent.",
                "Dry run: {count} message(s) will be written as .eml files to {folder}; nothing is sent.",
                count,
            ).format(count=count, folder=plan.out_dir)
        )
        if plan.example:
            print(_("They come from the bundled example's made-up sender and are marked [EXAMPLE]."))
    elif s is not None:
        print(_about_to_send(plan, s, count) if count else _("Nothing to send now."))
    if plan.attachments:
        files = ", ".join(
            _("{file} ({size} kB)").format(file=a.filename, size=f"{len(a.data) / 1000:.0f}")
            for a in plan.attachments
        )
        print(_("Attached to every message besides the letter: {files}.").format(files=files))
    if plan.resend:
        print(
            ngettext(
                "{count} letter(s) changed since they were sent will be sent AGAIN:",
                "{count} letter(s) changed since they were sent will be sent AGAIN:",
                len(plan.resend),
            ).format(count=len(plan.resend))
        )
        for r in plan.resend:
            print(shown(f"  {r.id}: {r.display_name} <{r.email}>"))
    for line in _skipped_lines(plan, args):
        print(line)


def _about_to_send(plan, s, count: int) -> str:
    """``About to send 3 letter(s) from A through SERVER as USER, at most N per minute.``"""
    if s.username:
        text = ngettext(
            "About to send {count} letter(s) from {sender} through {server} as {user}, "
            "at most {rate} per minute.",
            "About to send {count} letter(s) from {sender} through {server} as {user}, "
            "at most {rate} per minute.",
            count,
        )
    else:
        text = ngettext(
            "About to send {count} letter(s) from {sender} through {server}, at most {rate} per minute.",
            "About to send {count} letter(s) from {sender} through {server}, at most {rate} per minute.",
            count,
        )
    return text.format(
        count=count, sender=plan.from_address, server=plan.server, user=s.username, rate=s.rate_per_minute
    )


def _skipped_lines(plan, args: argparse.Namespace) -> list[str]:
    lines = []
    if plan.already_sent:
        n = len(plan.already_sent)
        lines.append(
            ngettext("{n} already sent earlier: skipped.", "{n} already sent earlier: skipped.", n).format(
                n=n
            )
        )
    if plan.printed:
        n = len(plan.printed)
        lines.append(
            ngettext(
                "{n} printed to go by post: not e-mailed as well (once posted: "
                "campaign-app log mark ID --status sent --channel post; not posted: "
                "send --email-printed e-mails them).",
                "{n} printed to go by post: not e-mailed as well (once posted: "
                "campaign-app log mark ID --status sent --channel post; not posted: "
                "send --email-printed e-mails them).",
                n,
            ).format(n=n)
        )
    if plan.revised:
        n = len(plan.revised)
        shown = ",".join(r.id for r in plan.revised[:3]) + (",…" if n > 3 else "")
        lines.append(
            ngettext(
                "{n} changed since they were sent: not sent again (--resend {ids} sends the new version).",
                "{n} changed since they were sent: not sent again (--resend {ids} sends the new version).",
                n,
            ).format(n=n, ids=shown)
        )
    if plan.unrecorded:
        n = len(plan.unrecorded)
        lines.append(
            ngettext(
                "{n} kept in out/sent/ as sent, unknown to the contact log: not sent again (listed below).",
                "{n} kept in out/sent/ as sent, unknown to the contact log: not sent again (listed below).",
                n,
            ).format(n=n)
        )
    if plan.being_sent:
        n = len(plan.being_sent)
        lines.append(
            ngettext(
                "{n} being sent right now from another window or computer: left to that send.",
                "{n} being sent right now from another window or computer: left to that send.",
                n,
            ).format(n=n)
        )
    if plan.uncertain:
        n = len(plan.uncertain)
        lines.append(
            ngettext(
                "{n} uncertain from an interrupted run: not sent (see --resend-uncertain).",
                "{n} uncertain from an interrupted run: not sent (see --resend-uncertain).",
                n,
            ).format(n=n)
        )
    if plan.by_hand:
        n = len(plan.by_hand)
        lines.append(
            ngettext(
                "{n} without an e-mail address: to send by post or web form (listed below).",
                "{n} without an e-mail address: to send by post or web form (listed below).",
                n,
            ).format(n=n)
        )
    if plan.limited:
        lines.append(
            ngettext(
                "{n} more left for a later run (--limit {limit}).",
                "{n} more left for a later run (--limit {limit}).",
                plan.limited,
            ).format(n=plan.limited, limit=args.limit)
        )
    return lines


def _confirm(plan, args: argparse.Namespace) -> int | None:
    """None to go on; else the exit status (nothing sent: no terminal, or the answer was no)."""
    if args.yes:
        return None
    if not sys.stdin.isatty() or args.password_stdin:
        print(
            _("error: not sending: there is no terminal to confirm on — add --yes to send"), file=sys.stderr
        )
        return EXIT_PROBLEM
    question = (
        _("Send now, including the letters sent AGAIN above? [y/N] ")
        if plan.resend
        else _("Send now? [y/N] ")
    )
    # "y"/"yes" always; and the words for yes in the interface language ("т"/"так", "д"/"да").
    yes = {"y", "yes", *_("y|yes").split("|")}
    if input(question).strip().lower() not in yes:
        print(_("Nothing was sent."))
        return EXIT_OK
    return None


def _send_with_progress(ws, plan, password: str | None, dry_run: bool):
    """run_send with a progress bar; the first Ctrl-C lets the message in flight finish and
    be logged; a second one stops at once (that letter is then shown as uncertain)."""
    from campaign_app.core.campaign.send import run_send
    from campaign_app.core.common.processes import ctrl_c_cancels

    bar = ProgressBar(len(plan.to_send), _("messages"))
    cancel = threading.Event()
    try:
        with ctrl_c_cancels(cancel):
            return run_send(
                ws, plan, password, dry_run=dry_run, progress=lambda p: bar.update(p), cancel=cancel
            )
    finally:
        bar.close()


def _report(result) -> int:
    from campaign_app.core.campaign.send import OUTCOMES

    _print_outcomes(result, OUTCOMES)
    if result.stopped_by:
        problem = shown(result.stopped_by, lines=True)  # a server's words
        print(_("error: {problem}").format(problem=problem), file=sys.stderr)
    counted = {
        "sent": lambda n: ngettext("{n} sent", "{n} sent", n),
        "failed": lambda n: ngettext("{n} failed", "{n} failed", n),
        "uncertain": lambda n: ngettext("{n} uncertain", "{n} uncertain", n),
        "written": lambda n: ngettext("{n} written", "{n} written", n),
        "not-sent": lambda n: ngettext("{n} not-sent", "{n} not-sent", n),
    }
    summary = ", ".join(
        say(result.count(k)).format(n=result.count(k)) for k, say in counted.items() if result.count(k)
    )
    print(
        _("Done in {seconds} s: {summary}.").format(
            seconds=number(result.elapsed), summary=summary or _("nothing to send")
        )
    )
    if result.cancelled:
        print(_("interrupted: run the same command again to send the rest."), file=sys.stderr)
        return EXIT_INTERRUPTED
    bad = (
        result.stopped_by or result.count("failed") or result.count("uncertain") or result.count("unrecorded")
    )
    return EXIT_PROBLEM if bad else EXIT_OK


# How to send a letter the summary says was left alone, as this command does it.
_ADVICE = {
    "skipped-uncertain": N_("use --resend-uncertain"),
    "revised": N_("use --resend ID to send the new version"),
}


def _print_outcomes(result, labels: dict[str, str]) -> None:
    order = (
        "sent",
        "written",
        "failed",
        "uncertain",
        "unrecorded",
        "not-sent",
        "claimed",
        "skipped-uncertain",
        "revised",
        "already-sent",
        "printed",
        "by-hand",
    )
    for key in order:
        items = [o for o in result.outcomes if o.outcome == key]
        if not items:
            continue
        advice = _ADVICE.get(key)
        print(f"{_(labels[key])} ({_(advice)}):" if advice else f"{_(labels[key])}:")
        for o in items:
            where = f" <{o.address}>" if o.address else ""
            extra = f" — {o.detail}" if o.detail else ""
            file = f" [{o.file}]" if o.file and key in ("by-hand",) else ""
            # a recipient's name, a server's reply (its lines kept): shown, never obeyed by the terminal
            print(shown(f"  {o.recipient_id}: {o.name}{where}{extra}{file}", lines=True))
