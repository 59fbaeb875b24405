"""The Case tab is the first one shown: what it needs to show the case, and no more, is
loaded between the window's first paint and a case the user can work in (issue 18)."""

from __future__ import annotations

import subprocess
import sys


def test_the_case_tab_loads_no_template_engine_query_grammar_or_markdown():
    """Jinja2, lark and markdown-it cost ~90 ms to import and the Case tab uses none of them
    (a mistake's wording once pulled them in through the audience rule); nor sqlite3 (~5 ms,
    through the contact log's errors)."""
    code = (
        "import sys, campaign_app.gui.app, campaign_app.gui.case.tab\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'jinja2', 'lark', 'markdown_it', 'sqlite3'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_each_text_is_captioned_with_its_language_name(open_tab, mini_ws):
    """The captions are Babel's names in the interface language, as before they were looked
    up off the UI thread."""
    from PySide6.QtWidgets import QLabel

    _window, tab = open_tab(mini_ws.root, "case")
    names = tab.editors["overview"].inputs["name"]
    captions = [label.text() for label in names.findChildren(QLabel) if label.isVisible()]
    assert captions == ["English (en)", "Ukrainian (uk)", "Kazakh (kk)"]


def test_reading_the_case_looks_up_its_language_names_off_the_ui_thread(mini_ws):
    """Reading the case (on the thread pool) looks its languages' names up, so showing the
    editors does not read Babel's locale data (~40 ms the first time) on the UI thread."""
    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.gui import texts
    from campaign_app.gui.case.tab import _read_case

    texts._language_name.cache_clear()
    doc, _found, _days = _read_case(Workspace.open(mini_ws.root), texts.interface_locale())
    assert doc.languages == ("en", "uk")  # the case's languages (the name is in Kazakh too)
    before = texts._language_name.cache_info()
    assert [texts.language_name(tag) for tag in doc.languages] == ["English (en)", "Ukrainian (uk)"]
    after = texts._language_name.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (2, 0)
