"""``recipients import`` starts without what only queries and letters need: the query
parser (lark) and the template engine (jinja2) were 0.14 s of every import's start,
imported by the recipients commands' shared entry and by the importer's case folding."""

from __future__ import annotations

import subprocess
import sys

from campaign_app.core.campaign.creation import init_empty_workspace

NOT_FOR_AN_IMPORT = (
    "lark",
    "jinja2",
    "campaign_app.core.directory.query",
    "campaign_app.core.campaign.audience",
)


def test_an_import_loads_neither_the_query_parser_nor_the_templates(tmp_path):
    ws = init_empty_workspace(tmp_path / "ws")
    source = tmp_path / "people.csv"
    source.write_text("given_name;family_name;email\nLéa;Dupont;lea@example.org\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from campaign_app.cli.main import main\n"
        f"assert main(['recipients', 'import', {str(source)!r}, '-w', {str(ws)!r}, '--category', 'ngo']) == 0\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {NOT_FOR_AN_IMPORT!r} or n in {NOT_FOR_AN_IMPORT!r}"
        f" or n.startswith('campaign_app.core.letters.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
    assert "1 added" in done.stdout
