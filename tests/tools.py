"""The system tools some tests look at output with (poppler, LibreOffice, desktop-file-utils).

A test that needs one is skipped where it is missing, and fails in CI, which installs them
all (``.ci/run`` sets CAMPAIGN_APP_REQUIRE_TOOLS=1): in CI nothing skips.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_TOOLS = os.environ.get("CAMPAIGN_APP_REQUIRE_TOOLS") == "1"


def need(tool: str, what: str | None = None) -> str:
    """The path of ``tool``; ``what``: how the skip names it (default: the tool)."""
    path = shutil.which(tool)
    if path is None:
        if REQUIRE_TOOLS:
            pytest.fail(f"{tool} is required in CI but missing")
        pytest.skip(f"{what or tool} is not installed")
    return path
