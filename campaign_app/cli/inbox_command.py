"""``campaign-app inbox``: replies, out-of-office answers and bounces, read from the mailbox."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from campaign_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, read_password, workspace_arg
from campaign_app.core.common.i18n import _, ngettext


def _kinds() -> dict:
    """How many of each kind were recorded, said in words: "1 reply", "2 bounces"."""
    return {
        "replied": lambda n: ngettext("{n} reply", "{n} replies", n),
        "auto-reply": lambda n: ngettext("{n} automatic reply", "{n} automatic replies", n),
        "bounced": lambda n: ngettext("{n} bounce", "{n} bounces", n),
    }


def add_parser(sub) -> None:
    p = sub.add_parser("inbox", help=_("record replies, automatic replies and bounces from the mailbox"))
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    r = isub.add_parser(
        "sync",
        help=_("read the inbox (without changing it) and record what answers a sent letter"),
        description=_(
            "Reads the folder named under 'inbox:' in campaign.yaml over TLS, read-only (no "
            "message is marked read, moved or deleted), and records in the contact log each reply, "
            "automatic reply and bounce that answers a letter that was sent. Only messages new since "
            "the last sync are read; a message that answers no letter leaves no trace. The password "
            "comes from the system keyring (USER@HOST), or is asked for."
        ),
    )
    workspace_arg(r)
    r.add_argument(
        "--since",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=_(
            "read the messages received on or after this day, also those an earlier sync read "
            "(nothing is recorded twice)"
        ),
    )
    r.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the mailbox password from standard input (for scripts; never pass it as an argument)"),
    )
    r = isub.add_parser(
        "password",
        help=_("store the mailbox password in the system keyring (asked for, never shown)"),
    )
    workspace_arg(r)
    r.add_argument("--password-stdin", action="store_true", help=_("read it from standard input"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date like 2024-06-01").format(text=text)
        ) from None


def _password(settings, args: argparse.Namespace, *, stored_first: bool = True) -> str:
    from campaign_app.core.mail.secrets import get_password

    use_stored = stored_first and not args.password_stdin
    stored = get_password(settings.username, settings.host) if use_stored else None
    return read_password(
        f"{settings.username}@{settings.host}",
        args.password_stdin,
        stored,
        _("store it with 'campaign-app inbox password'"),
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.inbox_sync import inbox_settings

    settings = inbox_settings(ws)
    if args.action == "password":
        from campaign_app.core.campaign.inbox_password import keep_inbox_password

        keep_inbox_password(settings, _password(settings, args, stored_first=False))
        account = f"{settings.username}@{settings.host}"
        print(_("The password for {account} is in the system keyring.").format(account=account))
        return EXIT_OK
    return _sync(ws, settings, args)


def _sync(ws, settings, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.inbox_sync import Cancelled, sync_inbox
    from campaign_app.core.common.appstate import volunteer_name

    password = _password(settings, args)
    try:
        result = sync_inbox(ws, password, since=args.since, by=volunteer_name())
    except (Cancelled, KeyboardInterrupt):
        print(_("interrupted: what was recorded stays; the next sync goes on from there"), file=sys.stderr)
        return EXIT_INTERRUPTED
    print(_report(result))
    return EXIT_OK


def _report(result) -> str:
    lines = []
    if result.renumbered:
        lines.append(
            _("The server renumbered {folder}: it was read again from the start.").format(
                folder=result.folder
            )
        )
    lines.append(
        ngettext(
            "{count} new message in {folder} of {account}.",
            "{count} new messages in {folder} of {account}.",
            result.new_messages,
        ).format(count=result.new_messages, folder=result.folder, account=result.account)
    )
    for r in result.recorded:
        lines.append(f"  {r.kind:<11} {r.recipient_id}  {r.recipient_name}: {r.detail}")
    kinds = _kinds()
    counts = {kind: sum(1 for r in result.recorded if r.kind == kind) for kind in kinds}
    said = [kinds[k](n).format(n=n) for k, n in counts.items() if n]
    lines.append(_("Recorded {what}.").format(what=", ".join(said)) if said else _("Nothing new to record."))
    strangers, shared = result.strangers, result.shared
    if strangers:
        lines.append(
            ngettext(
                "{count} message speaks of a letter but comes from an address no letter went to; "
                "nothing was recorded. If it answers one: campaign-app log mark ID --status replied "
                "--note TEXT",
                "{count} messages speak of a letter but come from addresses no letter went to; "
                "nothing was recorded. If one answers a letter: campaign-app log mark ID --status "
                "replied --note TEXT",
                len(strangers),
            ).format(count=len(strangers))
        )
        for u in strangers:
            who = f"; {u.recipient_id}" if u.recipient_id else ""
            lines.append(f"  {u.detail} ({u.template_id}{who})")
    if shared:
        lines.append(
            ngettext(
                "{count} message answers a letter by its subject alone, from an address several "
                "recipients share; nothing was recorded. If it answers one of them: campaign-app log "
                "mark ID --status replied --note TEXT",
                "{count} messages answer a letter by their subject alone, from addresses several "
                "recipients share; nothing was recorded. If one answers one of them: campaign-app log "
                "mark ID --status replied --note TEXT",
                len(shared),
            ).format(count=len(shared))
        )
        for u in shared:
            lines.append(f"  {u.detail} ({u.template_id}: {', '.join(u.shared_by)})")
    if result.already:
        lines.append(
            ngettext(
                "{count} already recorded by an earlier sync.",
                "{count} already recorded by an earlier sync.",
                result.already,
            ).format(count=result.already)
        )
    return "\n".join(lines)
