"""``campaign-app log``: the contact log from the command line (status, mark, export, merge, report)."""

from __future__ import annotations

import argparse
import sys
from itertools import chain
from pathlib import Path

from campaign_app.cli.columns import print_columns, print_table_columns, shown
from campaign_app.cli.common import EXIT_OK, left_to_the_exit, read_password, workspace_arg
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.outreach.terms import CHANNELS, MARK_STATUSES, QUERY_STATUSES


def add_parser(sub) -> None:
    p = sub.add_parser("log", help=_("the contact log: who was written to, replies, follow-ups"))
    lsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))

    r = lsub.add_parser(
        "status",
        help=_("a table per recipient: status, last action, by whom, follow-up due"),
        description=_(
            "One row per recipient the log has a letter to (or every recipient matching "
            "--query). Statuses a query can select with status:X — {statuses}"
        ).format(statuses="; ".join(f"{k}: {_(v)}" for k, v in QUERY_STATUSES.items())),
    )
    workspace_arg(r)
    r.add_argument(
        "--query", "-q", default="", metavar="Q", help=_("e.g. 'status:followup-due category:mep'")
    )

    r = lsub.add_parser("mark", help=_("record a reply, no reply, closing, or a letter sent by hand"))
    r.add_argument(
        "recipient",
        metavar="RECIPIENT",
        nargs="+",
        help=_("the recipient's id (see 'log status'); several: all are marked, or none"),
    )
    workspace_arg(r)
    r.add_argument("--status", required=True, choices=MARK_STATUSES, help=_("what happened"))
    r.add_argument("--note", default="", metavar="TEXT", help=_("what happened, in a few words"))
    r.add_argument(
        "--channel", default="", choices=CHANNELS, help=_("how the letter went (needed with --status sent)")
    )
    r.add_argument(
        "--template", "-t", default=None, metavar="ID", help=_("only the letter from this template")
    )

    r = lsub.add_parser("export", help=_("write the log to a CSV file safe to open in a spreadsheet"))
    r.add_argument("file", type=Path, metavar="FILE.csv")
    workspace_arg(r)

    r = lsub.add_parser(
        "merge", help=_("fold a volunteer's log (their campaign.db or log export .csv) into this one")
    )
    r.add_argument("other", type=Path, metavar="OTHER")
    workspace_arg(r)

    r = lsub.add_parser("report", help=_("a one-page PDF summary for coordinators"))
    r.add_argument("file", type=Path, metavar="FILE.pdf")
    workspace_arg(r)

    r = lsub.add_parser(
        "upgrade",
        help=_("create or migrate the log's schema (a team's database: run once by a coordinator)"),
        description=_(
            "Creates the contact log's tables in the team's database named by log_database in "
            "campaign.yaml, or brings them up to date; running it again changes nothing. campaign.db "
            "upgrades itself."
        ),
    )
    workspace_arg(r)

    r = lsub.add_parser(
        "grant",
        help=_("give a database user a volunteer's rights on the team's log (or a coordinator's)"),
        description=_(
            "Volunteers read everything and record what they do; they cannot change or delete "
            "what is recorded. Coordinators may also correct recorded history and grant others. Run by a "
            "coordinator whose database user may create roles."
        ),
    )
    r.add_argument("user", metavar="USER", help=_("the member's database user"))
    r.add_argument("--coordinator", action="store_true", help=_("a coordinator's rights"))
    workspace_arg(r)

    r = lsub.add_parser(
        "revoke",
        help=_("take a member's rights on the team's log away (a member who left, a laptop lost)"),
        description=_(
            "From the member's next step on, they may neither read nor record anything in the team's "
            "log; what they recorded stays. Run by a coordinator whose database user may create roles."
        ),
    )
    r.add_argument("user", metavar="USER", help=_("the member's database user"))
    workspace_arg(r)

    r = lsub.add_parser(
        "password",
        help=_("store your password for the team's log in the system keyring (checked first)"),
    )
    r.add_argument("--password-stdin", action="store_true", help=_("read it from standard input"))
    workspace_arg(r)

    for kind, (help_text, description) in _rename_texts().items():
        r = lsub.add_parser(f"rename-{kind}", help=help_text, description=description)
        r.add_argument("old", metavar="OLD")
        r.add_argument("new", metavar="NEW")
        workspace_arg(r)


def _rename_texts() -> dict[str, tuple[str, str]]:
    """The help of ``rename-case`` and ``rename-template``: one sentence each, so that each
    language can say "case" and "template" as its grammar needs."""
    return {
        "case": (
            _("carry the letters logged under an old case id over to its new id"),
            _(
                "After correcting a case's id, the letters already sent under the old id "
                "are still sent under the new one: nobody gets the same letter twice. Run it once, where "
                "the log is; volunteers' logs with the old id merge onto the new one."
            ),
        ),
        "template": (
            _("carry the letters logged under an old template id over to its new id"),
            _(
                "After correcting a template's id, the letters already sent under the old id "
                "are still sent under the new one: nobody gets the same letter twice. Run it once, where "
                "the log is; volunteers' logs with the old id merge onto the new one."
            ),
        ),
    }


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.common.appstate import volunteer_name

    if args.action == "status":
        return _status(ws, args.query)
    if args.action == "mark":
        from campaign_app.core.campaign.marking import mark_letters

        marked = mark_letters(
            ws,
            args.recipient,
            args.status,
            volunteer_name(),
            note=args.note,
            channel=args.channel,
            template_id=args.template,
        )
        for recipient, changed in marked:
            print(
                ngettext(
                    "Marked {count} letter(s) to {recipient} as {status}.",
                    "Marked {count} letter(s) to {recipient} as {status}.",
                    len(changed),
                ).format(count=len(changed), recipient=recipient, status=args.status)
            )
        return EXIT_OK
    if args.action == "password":
        return _store_password(ws, args.password_stdin)
    if args.action in ("upgrade", "grant", "revoke"):
        with ws.open_log_to_upgrade() as log:
            if args.action == "upgrade":
                done = log.upgrade_schema()
            elif args.action == "grant":
                done = log.grant(args.user, args.coordinator)
            else:
                done = log.revoke(args.user)
            print(done)
        return EXIT_OK
    if args.action in ("rename-case", "rename-template"):
        kind = args.action.removeprefix("rename-")
        with ws.open_log(create=False) as log:
            count = log.rename(kind, args.old, args.new, volunteer_name())
        renamed = {
            "case": ngettext(
                "Renamed case '{old}' to '{new}' in {count} letter(s); their history goes with them.",
                "Renamed case '{old}' to '{new}' in {count} letter(s); their history goes with them.",
                count,
            ),
            "template": ngettext(
                "Renamed template '{old}' to '{new}' in {count} letter(s); their history goes with them.",
                "Renamed template '{old}' to '{new}' in {count} letter(s); their history goes with them.",
                count,
            ),
        }
        print(renamed[kind].format(old=args.old, new=args.new, count=count))
        return EXIT_OK
    if args.action == "export":
        from campaign_app.core.campaign.workspace_files import refuse_campaign_file
        from campaign_app.core.outreach.export import export_log

        refuse_campaign_file(ws.root, args.file, "log.csv")
        with ws.read_log() as log:
            rows = export_log(log, args.file, ws.case.id)
        print(
            ngettext("Wrote {count} row(s) to {file}", "Wrote {count} row(s) to {file}", rows).format(
                count=rows, file=args.file
            )
        )
        return EXIT_OK
    if args.action == "merge":
        from campaign_app.core.outreach.merge import merge_log

        with ws.open_log() as log:
            report = merge_log(log, args.other, volunteer_name())
        for line in report.lines():  # what the other log holds: control characters shown, not obeyed
            print(shown(line, lines=True))
        return EXIT_OK
    if args.action == "report":
        from campaign_app.core.campaign.report import write_campaign_report

        write_campaign_report(ws, args.file)
        print(_("Wrote the report to {file}").format(file=args.file))
        return EXIT_OK
    raise AssertionError(args.action)


def chosen_recipients(ws, query: str, states) -> list[str]:
    """The recipients ``log status`` shows: those the log knows, or all matching ``query``."""
    if not query.strip():
        return list(states)
    # The query's grammar and the templates it may name: imported only then.
    from campaign_app.core.campaign.audience import parse_campaign_query
    from campaign_app.core.outreach.status import status_table

    table = status_table(states)
    return [r.id for r in parse_campaign_query(query, lambda: table).filter(ws.directory)]


def status_rows(ws, chosen: list[str], states) -> list[tuple[str, ...]]:
    """Rows of the status table for the recipients ``chosen``, from their ``states``."""
    names = ws.directory.display_names(chosen)
    rows: list[tuple[str, ...]] = []
    for rid in chosen:
        state = states.get(rid)
        name = names.get(rid, state.name if state else rid)
        if state is None:
            rows.append((rid, name, "none", "", "", "", "", ""))
            continue
        latest = state.latest  # the letter whose latest event is the recipient's latest
        when = latest.last_at[:16].replace("T", " ")
        action = f"{latest.last_kind} {latest.contact.template_id}" if latest.last_kind else ""
        due = state.followup_due_on.isoformat() if state.followup_due_on else ""
        why = state.followup_reason if state.followup_due_on else ""
        rows.append((rid, name, state.status_with(latest), action, when, latest.last_by, due, why))
    return rows


def _status(ws, query: str) -> int:
    from campaign_app.core.common.bulk import collector_paused

    # The log's letters, the directory and the table: read once and all kept to the end, so
    # the collector's sweeps over them would find nothing (and cost seconds at 300,000 events).
    with collector_paused():
        states = ws.recipient_states(abridged=True, meanwhile=lambda: _beside_the_log(ws, query))
        _print_status(ws, query, states)
        left_to_the_exit(states)
    return EXIT_OK


def _beside_the_log(ws, query: str) -> None:
    """What the table needs besides the log, read while a team's log answers: the case, the
    directory (its names), the summary's module, and the query's grammar if it is asked."""
    ws.case  # noqa: B018
    ws.directory  # noqa: B018
    import campaign_app.core.outreach.team_view

    if query.strip():
        import campaign_app.core.campaign.audience  # noqa: F401


def _print_status(ws, query: str, states) -> None:
    from campaign_app.core.outreach.team_view import SUMMARY_HEADER, summary_lines, team_summary

    chosen = chosen_recipients(ws, query, states)
    rows = status_rows(ws, chosen, states)
    header = (
        _("ID"),
        _("NAME"),
        _("STATUS"),
        _("LAST ACTION"),
        _("WHEN (UTC)"),
        _("BY"),
        _("FOLLOW-UP DUE"),
        _("WHY"),
    )
    # The id whole, always: it is what 'log mark' takes; and why a follow-up is due, whole.
    # Given column by column: 20,000 recipients' lines are each made by one format.
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    print_table_columns(header, columns, [None, 36, 13, 40, 16, 18, 13, None])
    due = sum(row[2] == "followup-due" for row in rows)
    recipients = ngettext("{count} recipient(s)", "{count} recipient(s)", len(rows)).format(count=len(rows))
    follow_ups = ngettext("{count} follow-up(s) due", "{count} follow-up(s) due", due).format(count=due)
    print(_("{recipients}; {follow_ups}").format(recipients=recipients, follow_ups=follow_ups))
    # The members' work with the recipients the table shows (under a query, those it chose).
    shown = (state.letters for rid in chosen if (state := states.get(rid)))
    members = summary_lines(team_summary(chain.from_iterable(shown)))
    if members:
        print()
        print(_("Who did what:") if not query.strip() else _("Who did what, with these recipients:"))
        member_header = tuple(_(name) for name in SUMMARY_HEADER)
        print_columns([member_header, *members], [24, None, None, None, None, None, 60])


def _store_password(ws, from_stdin: bool) -> int:
    """Check the password against the team's database, then keep it in the keyring."""
    from campaign_app.core.campaign.team_password import check_keyring_for, keep_member_password, shared_log

    location = shared_log(ws.campaign.log_database)
    check_keyring_for(location)  # no keyring to keep it in: said before the password is typed
    password = read_password(location.keyring_user, from_stdin, None, _("type it at a terminal"))
    still = keep_member_password(location, password)
    print(_("The password for {account} is in the system keyring.").format(account=location.keyring_user))
    if still:
        print(_("note: {note}").format(note=still), file=sys.stderr)
    return EXIT_OK
