"""What every command shares: exit statuses, the parser that exits with status 2, the
``-w DIR`` option, reading a password, and how problems are printed (one ``error:
file:line: …`` line each)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from campaign_app.cli.columns import shown
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.i18n import _

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `cat FILE | head -1`'s cat


class Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and one line of advice on a wrong command line.

    A command's parser says itself what it does not know (``generate --formt pdf``), with
    its own usage line: argparse hands the words up, and the program's usage, naming no
    option of ``generate``, was all that was shown."""

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's says NoReturn
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras and self._is_command():
            self.error(_("unrecognized arguments: %s") % " ".join(extras))
        return namespace, extras

    def _is_command(self) -> bool:
        """A command's own parser (``campaign-app generate``), not the program's."""
        return " " in self.prog


def read_password(account: str, from_stdin: bool, stored: str | None, store_hint: str) -> str:
    """A password for ``account`` (``USER@HOST``): one line of standard input with
    ``--password-stdin``, else the one the keyring holds (``stored``), else asked for at a
    terminal, never echoed. Without a terminal nothing is asked: the message says where to
    store it (``store_hint``)."""
    import getpass

    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UserError(_("no password on standard input"), hint=_("pipe the password in, one line"))
        return line
    if stored:
        return stored
    if not sys.stdin.isatty():
        raise UserError(
            _("no password is stored for {account}").format(account=account),
            hint=_("{how}, or use --password-stdin").format(how=store_hint),
        )
    return getpass.getpass(_("Password for {account}: ").format(account=account))


def workspace_arg(p: argparse.ArgumentParser) -> None:
    """``-w DIR``: the campaign folder, the current folder by default."""
    p.add_argument(
        "-w",
        "--workspace",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=_("campaign folder (default: the current folder)"),
    )


def template_args(p: argparse.ArgumentParser) -> None:
    """``--template ID``, ``--query Q`` (narrowing its audience) and ``--out DIR``: what the
    commands that make a template's letters share."""
    p.add_argument("--template", "-t", required=True, metavar="ID")
    p.add_argument("--query", "-q", default="", metavar="Q", help=_("narrow the template's audience"))
    p.add_argument(
        "--out",
        "-o",
        type=Path,
        default=None,
        metavar="DIR",
        help=_("output folder (default: the workspace's out/)"),
    )


def print_problems(exc: UserError | UserErrors) -> None:
    """One ``error: …`` line per problem, on standard error; a control character in it (a
    value quoted from a file: "unknown column '…'") is shown as "�", not obeyed."""
    for err in flatten(exc):
        print(_("error: {problem}").format(problem=shown(str(err), lines=True)), file=sys.stderr)


# Set by ``cli.main.run``: this process ends when the command does (not a test calling main).
_process_ends_with_command = False


def process_ends_with_command(ends: bool) -> None:
    """Set by ``cli.main.run`` around the command (and unset after it: a test calling
    ``run`` leaves the rest of its process as it was)."""
    global _process_ends_with_command
    _process_ends_with_command = ends


def left_to_the_exit(value: object) -> None:
    """Leave ``value``, a command's last large structure (``log status``: 100,000 letters'
    states, 700,000 objects), to the end of the process, instead of freeing it object by
    object when the command returns: 60-70 ms of work for memory the system takes back at
    once. It is held by a cycle of its own and frozen out of the garbage collector's sight,
    as ``cli.main.run`` freezes everything left at the end; the exit's last sweep passes
    frozen objects by. Only in the command-line process: a test calling ``main`` frees it
    as before."""
    if not _process_ends_with_command:
        return
    import gc

    holder: list[object] = [value]
    holder.append(holder)
    gc.freeze()
