"""``campaign-app check``: validate the workspace; render every template for its audience."""

from __future__ import annotations

import argparse

from campaign_app.cli.columns import shown
from campaign_app.cli.common import EXIT_OK, workspace_arg
from campaign_app.core.common.i18n import _, ngettext


def add_parser(sub) -> None:
    p = sub.add_parser("check", help=_("validate the workspace; render every template for its audience"))
    workspace_arg(p)


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.check import check_workspace

    report = check_workspace(ws)
    # Lines naming recipients, templates, case texts: a control character is shown, not obeyed.
    for line in report.summary:
        print(_("ok: {line}").format(line=shown(line, lines=True)))
    for line in report.warnings:
        print(_("warning: {line}").format(line=shown(line, lines=True)))
    rendered = report.letters_rendered
    print(
        ngettext(
            "Checked {root}: {count} letters render without errors.",
            "Checked {root}: {count} letters render without errors.",
            rendered,
        ).format(root=ws.root, count=rendered)
    )
    return EXIT_OK
