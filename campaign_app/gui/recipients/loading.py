"""Reading the directory for the Recipients tab, off the UI thread and without stalling it.

The directory is read as the command line reads it (validated by the core); the rows' marks
and the search index are computed in the same job. Loading 100,000 entries makes a few
million objects that all live on, so the cyclic garbage collector is paused while they are
made and told to leave them alone afterwards.
"""

from __future__ import annotations

import datetime as dt
import gc

from campaign_app.core.campaign.settings_options import DEFAULT_FRESHNESS_DAYS
from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.directory.query import parse_query
from campaign_app.gui.recipients.rows import LoadedDirectory, SortOrder

FREEZE_AT = 20_000  # entries; see load_directory


def freshness_days(workspace) -> int:
    """The campaign's limit for a stale verified_on (as ``check`` uses); the default while
    campaign.yaml has a mistake (the Settings tab shows it; the table still loads)."""
    try:
        return workspace.campaign.freshness_days
    except (UserError, UserErrors):
        return DEFAULT_FRESHNESS_DAYS


def doubtful_addresses(workspace) -> dict[str, tuple[str, str]]:
    """Addresses a letter bounced from (the contact log's, read by ``inbox sync``); none when
    there is no log yet or it cannot be read (the Outreach tab says why)."""
    try:
        return workspace.doubtful_addresses()
    except (UserError, UserErrors):
        return {}


def load_directory(workspace, today: dt.date, with_doubtful: bool = True) -> LoadedDirectory:
    """Runs off the UI thread: the directory as the command line reads it, the marks, the
    search index and the query parser. All in one job: a table painted while a worker builds
    the index would wait for the GIL on every cell (the view calls Python thousands of times
    per paint). ``with_doubtful``: the log's bounced addresses too (a team's log is read
    after the table is shown instead: its server may take the connect timeout to answer)."""
    with collector_paused():
        directory = workspace.directory
        loaded = LoadedDirectory.of_directory(directory, today, freshness_days(workspace))
        if with_doubtful:
            loaded.doubtful = doubtful_addresses(workspace)
        # The query grammar's parser is built on first use (20 ms): here, not on the first
        # keystroke in the search box.
        parse_query("a")
        if len(directory) >= FREEZE_AT:
            # A big directory lives as long as the window shows it: tell the collector to
            # leave what exists now alone, instead of re-walking ~200,000 objects (about
            # 0.1 s with the GIL held, so the window stalls) now and on every full collection.
            gc.freeze()
        return loaded


def sort_order(recipients, column: int) -> SortOrder:
    """Runs off the UI thread: a column's order (``SortOrder.of``), and for a big directory,
    what it made left alone by the collector, as the load's is: otherwise its lists of
    100,000 keys and rows waited for the next young collection, which walked each of their
    items (~7 ms, the keys' strings lying all over memory) on whichever keystroke it fell."""
    order = SortOrder.of(recipients, column)
    if len(recipients) >= FREEZE_AT:
        gc.freeze()
    return order
