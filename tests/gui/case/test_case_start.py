"""The Case tab is the first one shown: what it needs to show the case, and no more, is
loaded between the window's first paint and a case the user can work in (issue 18)."""

from __future__ import annotations

import subprocess
import sys


def test_the_case_tab_loads_no_template_engine_query_grammar_or_markdown():
    """Jinja2, lark and markdown-it cost ~90 ms to import and the Case tab uses none of them
    (a mistake's wording once pulled them in through the audience rule)."""
    code = (
        "import sys, campaign_app.gui.app, campaign_app.gui.case.tab\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'jinja2', 'lark', 'markdown_it'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
