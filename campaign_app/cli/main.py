"""``campaign-app``: the command line over the letter engine.

Thin by design: parse arguments, call campaign_app.core, print. Exit status 0 when the
work is done, 1 when the input or the work had a problem (each one printed on its own
line, never a traceback), 2 when the command line itself is wrong, 130 when interrupted,
and 141 when the reader of the output went away (``campaign-app recipients list | head``):
the command then stops quietly, as ``cat`` or ``grep`` would, which the shell reports as
141 (128 + SIGPIPE); with ``set -o pipefail`` a script sees the same status from us as
from them.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from campaign_app import __version__
from campaign_app.cli.columns import print_columns
from campaign_app.cli.progress import ProgressBar
from campaign_app.core.common.errors import UserError, UserErrors, flatten, set_display_root

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `cat FILE | head -1`'s cat
# Kept here, not imported from the GUI, so that the command line never loads Qt.
TAB_NAMES = ("case", "recipients", "compose", "batch", "settings", "outreach")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one line of advice on a wrong command line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _workspace_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-w",
        "--workspace",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="campaign folder (default: the current folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="campaign-app",
        description="Personalised appeal letters for human-rights campaigns: PDF, DOCX and e-mail.",
    )
    parser.add_argument("--version", action="version", version=f"campaign-app {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("gui", help="open the desktop app (the default with no command)")
    p.add_argument(
        "-w",
        "--workspace",
        type=Path,
        default=None,
        metavar="DIR",
        help="campaign folder (default: the last one opened, or the example)",
    )
    p.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="FILE.png",
        help="paint the main window offscreen into FILE.png and exit",
    )
    p.add_argument("--tab", default=None, choices=TAB_NAMES, help="the tab to show")

    p = sub.add_parser("init", help="create a workspace holding the bundled example campaign")
    p.add_argument("directory", type=Path, metavar="DIR")

    p = sub.add_parser(
        "name",
        help="show or set your name, recorded with what you do in the contact log",
        description="Your name as the contact log records it (the same setting as Settings ▸ Your name "
        "in the desktop app; kept on this computer, not in the campaign). Without NAME: show it.",
    )
    p.add_argument("name", nargs="?", default=None, metavar="NAME")

    p = sub.add_parser("check", help="validate the workspace; render every template for its audience")
    _workspace_arg(p)

    p = sub.add_parser("recipients", help="list, export or import recipients")
    rsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    r = rsub.add_parser("list", help="show recipients (optionally matching --query)")
    _workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q")
    r = rsub.add_parser(
        "export",
        help="write recipients to a CSV or Excel .xlsx file",
        description="Write the directory (or the recipients matching --query) to FILE: CSV (UTF-8) "
        "or Excel, by the file's suffix (.csv or .xlsx). Cells that a spreadsheet would run as a "
        "formula (starting with =, +, -, @) are neutralised.",
    )
    r.add_argument("file", type=Path, metavar="FILE", help="the file to write: NAME.csv or NAME.xlsx")
    _workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q")
    _import_parser(rsub)

    p = sub.add_parser("generate", help="write one letter per recipient as PDF and/or DOCX")
    _workspace_arg(p)
    p.add_argument("--template", "-t", required=True, metavar="ID")
    p.add_argument("--query", "-q", default="", metavar="Q", help="narrow the template's audience")
    p.add_argument("--format", "-f", default="both", choices=("pdf", "docx", "both"))
    p.add_argument(
        "--out",
        "-o",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder (default: the workspace's out/)",
    )
    p.add_argument(
        "--paper", choices=("A4", "Letter"), default=None, help="paper size (default from campaign.yaml)"
    )
    p.add_argument(
        "--workers", type=int, default=None, metavar="N", help="worker processes (default: one per core)"
    )
    from campaign_app.cli import log_commands, send_command

    send_command.add_parser(sub, _workspace_arg)
    log_commands.add_parser(sub, _workspace_arg)
    return parser


IMPORT_EPILOG = """\
What is read: CSV in UTF-8 (with or without BOM), UTF-16, Windows-1252/1250 or ISO-8859-2/-15
(the encoding and the delimiter , ; or tab are detected and shown); Excel .xlsx (first sheet,
or --sheet); the European Parliament's "full list" XML; the directory's own YAML. Column
names in other spellings are mapped (E-mail, First name, Surname, Organization, mep_email…).

Rows that are not trusted are not imported, and each is listed with its row and reason:
letters replaced by '?' in the source, an e-mail cell with no valid address, a country
that is no country or contradicts the row's e-mail or homepage domain (.es for Estonia),
a value the directory cannot hold, and no contact channel at all (unless --keep-no-contact).

Duplicates: a row for a person the directory already has (same e-mail, or same name
without accents and same organisation, or same id and name) is merged into that entry,
wherever it is kept. Empty fields are filled in and new tags added; a field that holds a
different value is NOT overwritten: the report lists it as 'would change: old → new'.
--update takes the file's value instead.

New entries go to recipients/NAME.csv (default: the file's name), with ids unique across
the directory. Nothing is written before the whole file is checked; --dry-run writes
nothing at all. A source column mep_death_date / term_end / end that is filled in marks
the entry with the tag 'former-member'.
"""


def _import_parser(rsub) -> None:
    from campaign_app.core.directory.categories import CATEGORIES

    r = rsub.add_parser(
        "import",
        help="import recipients from a CSV, .xlsx, EP XML or YAML file, merging duplicates",
        description="Import recipients from FILE into the workspace's directory and report every\n"
        "decision: encoding and delimiter found, rows added, updated, unchanged and skipped\n"
        "(with the reason), and fields that would change.",
        epilog=IMPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("file", type=Path, metavar="FILE")
    _workspace_arg(r)
    r.add_argument(
        "--into",
        metavar="NAME.csv",
        default=None,
        help="the file in recipients/ that receives new entries (default: named after FILE)",
    )
    r.add_argument(
        "--category",
        choices=CATEGORIES,
        default=None,
        metavar="C",
        help="category of rows whose file gives none (default for the EP's lists: mep); "
        f"one of {', '.join(CATEGORIES)}",
    )
    r.add_argument(
        "--sheet", metavar="NAME", default=None, help="the sheet of an .xlsx file (default: the first)"
    )
    r.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    r.add_argument(
        "--update",
        action="store_true",
        help="where an entry already holds a different value, take the file's "
        "(default: keep it and report it)",
    )
    r.add_argument(
        "--keep-no-contact",
        action="store_true",
        help="also add new entries that have no e-mail, postal address or web form",
    )
    r.add_argument(
        "--rejects",
        type=Path,
        metavar="FILE.csv",
        default=None,
        help="write the rows not imported, with their row number and reason, to FILE.csv to correct them",
    )


def _print_problems(exc: UserError | UserErrors) -> None:
    for err in flatten(exc):
        print(f"error: {err}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_display_root(Path.cwd())
    if args.command in (None, "gui"):
        return _gui(args)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a reader gone by now is a BrokenPipeError here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except (UserError, UserErrors) as exc:
        _print_problems(exc)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was left behind", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_PROBLEM


def _reader_gone() -> int:
    """The output's reader closed the pipe (``| head``): stop without a word. What is still
    buffered goes to the null device, or Python would fail again flushing it at exit
    ("Exception ignored … BrokenPipeError"); see the note on SIGPIPE in the signal module's
    documentation."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (output captured in-process)
        pass
    return EXIT_BROKEN_PIPE


def _gui(args: argparse.Namespace) -> int:
    """The desktop app; offscreen when only a screenshot is wanted."""
    import os

    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        # Qt would abort with its own message; say what is going on instead.
        print(
            "error: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set) — "
            "run it in a desktop session, or use the command line: campaign-app --help",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        from campaign_app.gui.app import run
    except ImportError as exc:
        print(
            f"error: the desktop app cannot start ({exc}) — reinstall with 'pip install campaign_app'",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    try:
        return run(getattr(args, "workspace", None), screenshot, getattr(args, "tab", None))
    except (UserError, UserErrors) as exc:
        _print_problems(exc)
        return EXIT_PROBLEM


def _dispatch(args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.workspace import Workspace, init_workspace

    if args.command == "name":
        return _name(args.name)
    if args.command == "init":
        target = init_workspace(args.directory)
        print(f"Created {target} with the example campaign. Next: campaign-app check -w {target}")
        return EXIT_OK
    ws = Workspace.open(args.workspace)
    if args.command == "check":
        return _check(ws)
    if args.command == "recipients":
        return _recipients(ws, args)
    if args.command == "generate":
        return _generate(ws, args)
    if args.command == "send":
        from campaign_app.cli import send_command

        return send_command.run(ws, args)
    if args.command == "log":
        from campaign_app.cli import log_commands

        return log_commands.run(ws, args)
    raise AssertionError(args.command)


def _name(name: str | None) -> int:
    from campaign_app.core.common.appstate import AppState, volunteer_name

    if name is not None:
        state = AppState.load()
        state.volunteer_name = " ".join(name.split())
        state.save()
    print(f"The contact log records you as: {volunteer_name()}")
    return EXIT_OK


def _check(ws) -> int:
    from campaign_app.core.campaign.check import check_workspace

    report = check_workspace(ws)
    for line in report.summary:
        print(f"ok: {line}")
    for line in report.warnings:
        print(f"warning: {line}")
    print(f"Checked {ws.root}: {report.letters_rendered} letters render without errors.")
    return EXIT_OK


def _recipients(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.audience import parse_campaign_query

    if args.action == "import":
        return _import(ws, args)
    chosen = parse_campaign_query(args.query, ws.recipient_statuses).filter(ws.directory)
    if args.action == "export":
        from campaign_app.core.directory.export import export_recipients

        count = export_recipients(chosen, args.file)
        print(f"Wrote {count} recipients to {args.file}")
        return EXIT_OK
    _print_table(chosen)
    return EXIT_OK


def _channel(r) -> str:
    if r.email:
        return r.email
    if r.web_form:
        return f"web form: {r.web_form}"
    if r.postal_address:
        return "post"
    return "(no contact channel)"


def _print_table(recipients) -> None:
    rows = [("ID", "CATEGORY", "NAME", "COUNTRY", "LANG", "CONTACT")]
    for r in recipients:
        rows.append((r.id, r.category, r.display_name, r.country, r.language, _channel(r)))
    width = shutil.get_terminal_size((160, 20)).columns
    id_width = max(len(row[0]) for row in rows)  # whole, always: log mark takes it
    print_columns(rows, [None, 20, 44, 7, 5, max(20, width - 86 - id_width)])
    print(f"{len(recipients)} recipient(s)")


def _import(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.directory.importing import ImportOptions, plan_import, read_source

    options = ImportOptions(
        into=args.into,
        category=args.category,
        sheet=args.sheet,
        update=args.update,
        keep_no_contact=args.keep_no_contact,
        dry_run=args.dry_run,
    )
    source = read_source(args.file, args.sheet)
    plan = plan_import(ws.root, source, options)
    if not args.dry_run:
        plan.apply()
    for line in plan.report.lines():
        print(line)
    if args.rejects is not None:
        if args.dry_run:
            print(f"Dry run: {args.rejects} was not written either.")
        elif plan.rejected:
            count = plan.write_rejects(args.rejects)
            print(f"Rows not imported: {count}, written with their reasons to {args.rejects}")
        else:
            print(f"Every row was imported: no {args.rejects} written.")
    return EXIT_OK


def _generate(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.generate import parse_formats, plan_batch, run_batch

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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
