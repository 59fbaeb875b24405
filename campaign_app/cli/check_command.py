"""``campaign-app check``: validate the workspace; render every template for its audience."""

from __future__ import annotations

import argparse

from campaign_app.cli.common import EXIT_OK, workspace_arg


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate the workspace; render every template for its audience")
    workspace_arg(p)


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.campaign.check import check_workspace

    report = check_workspace(ws)
    for line in report.summary:
        print(f"ok: {line}")
    for line in report.warnings:
        print(f"warning: {line}")
    print(f"Checked {ws.root}: {report.letters_rendered} letters render without errors.")
    return EXIT_OK
