"""The coordinator's one-page report for a campaign folder (``campaign-app log report``,
Outreach ▸ Report): the workspace's log, case and settings handed to outreach/report.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.campaign.workspace_files import refuse_campaign_file
from campaign_app.core.common.localized import pick
from campaign_app.core.outreach.report import ReportData, report_data
from campaign_app.core.outreach.report_pdf import write_report


def campaign_report(ws: Workspace, now: dt.datetime | None = None) -> ReportData:
    """The report's figures for the workspace's case (zeros when there is no log yet)."""
    campaign = ws.campaign
    name = pick(campaign.name, campaign.default_language) or ""
    states = ws.recipient_states(now, abridged=True)  # the figures need no letter's events
    return report_data(states, name, ws.case.id, campaign.follow_up_days, now)


def write_campaign_report(ws: Workspace, target: Path, now: dt.datetime | None = None) -> None:
    """Write the one-page report PDF for the workspace to ``target`` (never over a file of
    the campaign: workspace_files)."""
    refuse_campaign_file(ws.root, target, "report.pdf")
    write_report(campaign_report(ws, now), target)
