"""``check`` warns, without failing, about entries to verify again before sending:
``verified_on`` missing or older than the campaign's ``freshness_days`` (default 365), and
MEPs whose term has ended (tagged ``former-member``)."""

from __future__ import annotations

import datetime as dt

from conftest import CAMPAIGN, PEOPLE_CSV

from campaign_app.core.campaign.check import check_workspace
from campaign_app.core.campaign.workspace import Workspace

TODAY = dt.date(2026, 6, 1)


def people(verified: dict[str, str], tags: dict[str, str] | None = None) -> str:
    lines = PEOPLE_CSV.splitlines()
    out = [lines[0] + ",verified_on"]
    for line in lines[1:]:
        rid = line.split(",", 1)[0]
        if tags and rid in tags:
            line = line.rsplit(",", 1)[0] + "," + tags[rid]
        out.append(line + "," + verified.get(rid, ""))
    return "\n".join(out) + "\n"


def warnings(mini_ws) -> list[str]:
    return check_workspace(Workspace(mini_ws.root), today=TODAY).warnings


def test_missing_and_stale_verification_are_warned_with_the_limit(mini_ws):
    mini_ws.write("recipients/people.csv", people({"mep-1": "2025-06-01", "mep-2": "2025-05-31"}))
    found = warnings(mini_ws)
    assert (
        "1 recipient(s) were last verified more than 365 days ago (the oldest on 2025-05-31): mep-2 — "
        "check them at their source_url and update verified_on (the limit is freshness_days in campaign.yaml)"
    ) in found
    assert any(
        w.startswith(
            "3 recipient(s) have never been verified (no verified_on): ua-president, ua-minister, sr-1"
        )
        for w in found
    )


def test_freshness_days_comes_from_campaign_yaml(mini_ws, cli):
    mini_ws.write("campaign.yaml", CAMPAIGN + "freshness_days: 30\n")
    mini_ws.write(
        "recipients/people.csv", people({"mep-1": "2026-05-01", "mep-2": "2026-05-03", "sr-1": "2026-05-02"})
    )
    found = warnings(mini_ws)
    assert any(
        w.startswith(
            "1 recipient(s) were last verified more than 30 days ago (the oldest on 2026-05-01): mep-1 "
        )
        for w in found
    )
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err  # a warning, not a failure


def test_a_bad_freshness_days_is_an_error(mini_ws, cli):
    mini_ws.write("campaign.yaml", CAMPAIGN + "freshness_days: soon\n")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert (
        "error: ws/campaign.yaml:" in result.err
        and "'freshness_days' must be a whole number of days" in result.err
    )


def test_former_members_are_warned(mini_ws):
    mini_ws.write("recipients/people.csv", people({}, tags={"mep-2": "supporter;former-member"}))
    found = warnings(mini_ws)
    assert (
        "1 MEP(s) are no longer members of the European Parliament (tagged former-member): mep-2 — leave them out "
        "(add -tag:former-member to the query) or find where they are now"
    ) in found


def test_long_lists_are_cut(mini_ws):
    rows = "".join(f"x-{i},ngo,,,Office {i},,,en,,\n" for i in range(15))
    mini_ws.write(
        "recipients/many.csv",
        "id,category,given_name,family_name,position,organisation,country,language,email,tags\n" + rows,
    )
    (line,) = [w for w in warnings(mini_ws) if "never been verified" in w]
    assert line.startswith("20 recipient(s) have never been verified")
    assert "… and 10 more" in line
