"""The Recipients tab's fixture, shared by its tests and the Import dialog's."""

from __future__ import annotations

import pytest


@pytest.fixture
def tab(open_tab, example_ws):
    """The Recipients tab on a fresh copy of the example campaign, its directory loaded."""
    _window, page = open_tab(example_ws, "recipients")
    assert page.model.searchable
    return page
