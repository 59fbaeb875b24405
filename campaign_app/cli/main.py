"""``campaign-app``: the command line over the letter engine.

Thin by design: parse arguments, call campaign_app.core, print. Exit status 0 when the
work is done, 1 when the input or the work had a problem (each one printed on its own
line, never a traceback), 2 when the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..core.errors import UserError, UserErrors, flatten, set_display_root
from .progress import ProgressBar

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
# Kept here, not imported from the GUI, so that the command line never loads Qt.
TAB_NAMES = ("case", "recipients", "compose", "batch", "settings")


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

    p = sub.add_parser("check", help="validate the workspace; render every template for its audience")
    _workspace_arg(p)

    p = sub.add_parser("recipients", help="list, export or import recipients")
    rsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    r = rsub.add_parser("list", help="show recipients (optionally matching --query)")
    _workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q")
    r = rsub.add_parser("export", help="write recipients to a CSV file")
    r.add_argument("file", type=Path, metavar="FILE")
    _workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q")
    r = rsub.add_parser("import", help="add a directory file (CSV or YAML in the directory's format)")
    r.add_argument("file", type=Path, metavar="FILE")
    _workspace_arg(r)

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
    return parser


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
        return _dispatch(args)
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


def _gui(args: argparse.Namespace) -> int:
    """The desktop app; offscreen when only a screenshot is wanted."""
    import os

    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ..gui.app import run
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
    from ..core.workspace import Workspace, init_workspace

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
    raise AssertionError(args.command)


def _check(ws) -> int:
    from ..core.check import check_workspace

    report = check_workspace(ws)
    for line in report.summary:
        print(f"ok: {line}")
    for line in report.warnings:
        print(f"warning: {line}")
    print(f"Checked {ws.root}: {report.letters_rendered} letters render without errors.")
    return EXIT_OK


def _recipients(ws, args: argparse.Namespace) -> int:
    from ..core.directory import export_csv
    from ..core.query import parse_query

    if args.action == "import":
        return _import(ws, args.file)
    chosen = parse_query(args.query).filter(ws.directory)
    if args.action == "export":
        count = export_csv(chosen, args.file)
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
    caps = [24, 20, 44, 7, 5, max(20, width - 110)]
    sizes = [min(cap, max(len(row[i]) for row in rows)) for i, cap in enumerate(caps)]
    for row in rows:
        cells = [(c if len(c) <= s else c[: s - 1] + "…").ljust(s) for c, s in zip(row, sizes, strict=True)]
        print("  ".join(cells).rstrip())
    print(f"{len(recipients)} recipient(s)")


def _import(ws, source: Path) -> int:
    from ..core.directory import directory_files, load_directory

    if source.suffix.lower() not in (".csv", ".yaml", ".yml"):
        raise UserError(f"cannot import {source}", hint="give a .csv or .yaml file in the directory's format")
    target = ws.root / "recipients" / source.name
    if target.exists():
        raise UserError(
            f"recipients/{source.name} already exists", hint="rename the file to import it beside it"
        )
    incoming = load_directory([source])
    load_directory([*directory_files(ws.root / "recipients"), source])  # id clashes
    target.parent.mkdir(exist_ok=True)
    from ..core.atomic import atomic_write_bytes

    atomic_write_bytes(target, source.read_bytes())
    print(f"Imported {len(incoming)} recipients into recipients/{source.name}")
    return EXIT_OK


def _generate(ws, args: argparse.Namespace) -> int:
    from ..core.batch import parse_formats, plan_batch, run_batch

    formats = parse_formats(args.format)
    out_dir = (args.out if args.out is not None else ws.out_dir).resolve()
    plan = plan_batch(ws, args.template, formats, out_dir, args.query, args.paper)
    # Render the first letter here before starting workers: a template mistake is then
    # one clear message instead of one per recipient.
    if plan.jobs:
        from ..core.render import render_letter

        first = ws.directory.get(plan.jobs[0].recipient_id)
        render_letter(ws.template(args.template), first, ws.case, ws.campaign, paper=plan.paper)
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
