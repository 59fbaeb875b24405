"""``campaign-app inbox``: replies, out-of-office answers and bounces, read from the mailbox."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from campaign_app.cli.common import EXIT_INTERRUPTED, EXIT_OK, read_password, workspace_arg

_KINDS = {"replied": ("reply", "replies"), "auto-reply": ("automatic reply", "automatic replies"),
          "bounced": ("bounce", "bounces")}  # fmt: skip


def add_parser(sub) -> None:
    p = sub.add_parser("inbox", help="record replies, automatic replies and bounces from the mailbox")
    isub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    r = isub.add_parser(
        "sync",
        help="read the inbox (without changing it) and record what answers a sent letter",
        description="Reads the folder named under 'inbox:' in campaign.yaml over TLS, read-only (no "
        "message is marked read, moved or deleted), and records in the contact log each reply, "
        "automatic reply and bounce that answers a letter that was sent. Only messages new since "
        "the last sync are read; a message that answers no letter leaves no trace. The password "
        "comes from the system keyring (USER@HOST), or is asked for.",
    )
    workspace_arg(r)
    r.add_argument(
        "--since", type=_date, default=None, metavar="YYYY-MM-DD", help="only messages received on or after"
    )
    r.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the mailbox password from standard input (for scripts; never pass it as an argument)",
    )
    r = isub.add_parser(
        "password",
        help="store the mailbox password in the system keyring (asked for, never shown)",
    )
    workspace_arg(r)
    r.add_argument("--password-stdin", action="store_true", help="read it from standard input")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-06-01") from None


def _password(settings, args: argparse.Namespace, *, stored_first: bool = True) -> str:
    from campaign_app.core.mail.secrets import get_password

    use_stored = stored_first and not args.password_stdin
    stored = get_password(settings.username, settings.host) if use_stored else None
    return read_password(
        f"{settings.username}@{settings.host}",
        args.password_stdin,
        stored,
        "store it with 'campaign-app inbox password'",
    )


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.inbox_sync import inbox_settings

    settings = inbox_settings(ws)
    if args.action == "password":
        from campaign_app.core.mail.secrets import store_password

        store_password(settings.username, settings.host, _password(settings, args, stored_first=False))
        print(f"The password for {settings.username}@{settings.host} is in the system keyring.")
        return EXIT_OK
    return _sync(ws, settings, args)


def _sync(ws, settings, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.inbox_sync import Cancelled, sync_inbox
    from campaign_app.core.common.appstate import volunteer_name

    password = _password(settings, args)
    try:
        result = sync_inbox(ws, password, since=args.since, by=volunteer_name())
    except (Cancelled, KeyboardInterrupt):
        print("interrupted: what was recorded stays; the next sync goes on from there", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(_report(result))
    return EXIT_OK


def _report(result) -> str:
    lines = []
    if result.renumbered:
        lines.append(f"The server renumbered {result.folder}: it was read again from the start.")
    lines.append(
        f"{result.new_messages} new message{'' if result.new_messages == 1 else 's'} in {result.folder} "
        f"of {result.account}."
    )
    for r in result.recorded:
        lines.append(f"  {r.kind:<11} {r.recipient_id}  {r.recipient_name}: {r.detail}")
    counts = {kind: sum(1 for r in result.recorded if r.kind == kind) for kind in _KINDS}
    said = [f"{n} {_KINDS[k][0] if n == 1 else _KINDS[k][1]}" for k, n in counts.items() if n]
    lines.append(f"Recorded {', '.join(said)}." if said else "Nothing new to record.")
    if result.already:
        lines.append(f"{result.already} already recorded by an earlier sync.")
    return "\n".join(lines)
