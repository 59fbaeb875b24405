"""A tab is built on the window's thread when it is first shown, so what its module imports
freezes the window that long, once (issue 18). The Outreach tab reads the contact log
through the database's own driver and loads no SQLAlchemy (a third of a second there: one
helper was imported from the log's writer); the Batch and Recipients tabs load the print
pack and the importer when their dialogs are first opened."""

from __future__ import annotations

import subprocess
import sys

import pytest

NOT_YET = {
    "outreach": ("sqlalchemy",),
    "batch": ("campaign_app.core.campaign.print_pack", "campaign_app.gui.batch.print_dialog"),
    "recipients": ("campaign_app.core.directory.importing", "campaign_app.gui.recipients.import_dialog"),
}


@pytest.mark.parametrize("tab", NOT_YET)
def test_a_tab_loads_what_its_dialogs_and_writes_need_only_when_they_are_used(tab):
    modules = NOT_YET[tab]
    code = (
        f"import sys, campaign_app.gui.app, campaign_app.gui.{tab}.tab\n"
        f"print(sorted(n for n in {modules!r} if n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
