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
import sys
from collections.abc import Sequence
from pathlib import Path

from campaign_app import __version__
from campaign_app.cli import (
    argparse_words,
    case_commands,
    check_command,
    generate_command,
    gui_command,
    inbox_command,
    init_command,
    log_commands,
    name_command,
    print_command,
    recipients_commands,
    send_command,
)
from campaign_app.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_PROBLEM,
    Parser,
    print_problems,
)
from campaign_app.core.common.errors import UserError, UserErrors, set_display_root
from campaign_app.core.common.i18n import _

# Each command group is a module with add_parser() and run(); these need no workspace.
_WITHOUT_WORKSPACE = {"init": init_command, "name": name_command}
_IN_WORKSPACE = {
    "check": check_command,
    "recipients": recipients_commands,
    "generate": generate_command,
    "send": send_command,
    "print": print_command,
    "log": log_commands,
    "case": case_commands,
    "inbox": inbox_command,
}


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = Parser(
        prog="campaign-app",
        description=_("Personalised appeal letters for human-rights campaigns: PDF, DOCX and e-mail."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"campaign-app {__version__}",
        help=_("show program's version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    gui_command.add_parser(sub)
    init_command.add_parser(sub)
    name_command.add_parser(sub)
    check_command.add_parser(sub)
    recipients_commands.add_parser(sub)
    generate_command.add_parser(sub)
    send_command.add_parser(sub)
    print_command.add_parser(sub)
    log_commands.add_parser(sub)
    case_commands.add_parser(sub)
    inbox_command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_queries_kept(sys.argv[1:] if argv is None else list(argv)))
    set_display_root(Path.cwd())
    if args.command in (None, "gui"):
        return gui_command.run(args)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a reader gone by now is a BrokenPipeError here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except (UserError, UserErrors) as exc:
        print_problems(exc)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print(_("interrupted: nothing half-written was left behind"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(_("error: {problem}").format(problem=f"{exc.strerror or exc}{where}"), file=sys.stderr)
        return EXIT_PROBLEM


# Options whose value is the user's own words, which may start with "-".
_TEXT_OPTIONS = ("--query", "-q", "--note")


def _queries_kept(argv: list[str]) -> list[str]:
    """``--query -tag:former-member``: a query may start with ``-`` (NOT), and a note with
    anything, which argparse would take for an option and refuse ("expected one argument").
    The value is joined to its option (``--query=-tag:former-member``), unless it is an
    option itself (``-w``, ``--dry-run``: the value was left out, and argparse says so)."""
    out: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":
            out += [word, *words]
            break
        if word in _TEXT_OPTIONS:
            value = next(words, None)
            if value is None:
                out.append(word)
            elif value.startswith("-") and not value.startswith("--") and len(value) > 2:
                out.append(f"{word}={value}" if word.startswith("--") else f"{word}{value}")
            else:
                out += [word, value]
            continue
        out.append(word)
    return out


def run() -> int:
    """The ``campaign-app`` command (the console script, ``python -m campaign_app`` and the
    frozen app): :func:`main`, then every object still alive is frozen out of the garbage
    collector's sight (``gc.freeze``) before the interpreter exits.

    Python's exit sweeps every object once more for cycles to free. After a command that
    read the contact log (SQLAlchemy's many classes and registries) that last sweep took
    40-50 ms of a ``log status``, to free memory the system takes back at once anyway. The
    command's files are closed and its output flushed by then; objects still alive at exit
    were never promised their finalizers. Tests call :func:`main`, which does not freeze."""
    import gc

    from campaign_app.cli.common import process_ends_with_command

    process_ends_with_command(True)
    try:
        code = main()
    finally:
        process_ends_with_command(False)
    gc.freeze()
    return code


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


def _dispatch(args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.workspace import Workspace

    if args.command in _WITHOUT_WORKSPACE:
        return _WITHOUT_WORKSPACE[args.command].run(args)
    return _IN_WORKSPACE[args.command].run(Workspace.open(args.workspace), args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
