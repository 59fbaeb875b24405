"""An import of a CSV file into a CSV directory reads no YAML, so it does not import
ruamel.yaml (12-20 ms of a command's start, core/common/yamlio.py): the directory's
loader and editors import yamlio at their top, and yamlio imports ruamel only where YAML
is read or written. Asked in a fresh interpreter, as a user's command starts.
"""

from __future__ import annotations

import subprocess
import sys

from campaign_app.core.campaign.creation import init_empty_workspace

SCRIPT = """
import sys
from campaign_app.cli.main import main
code = main(["recipients", "import", sys.argv[1], "-w", sys.argv[2], "--category", "ngo", *sys.argv[3:]])
print("exit", code)
print("loaded", sorted(name for name in sys.modules if name.startswith("ruamel")))
"""


def _import(tmp_path, *args: str) -> list[str]:
    source = tmp_path / "people.csv"
    source.write_text("Given name;Family name;E-mail\nAnna;Novák;anna@example.org\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), str(tmp_path / "ws"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_csv_import_into_a_csv_file_does_without_ruamel(tmp_path):
    init_empty_workspace(tmp_path / "ws")
    out = _import(tmp_path)
    assert "Result: 1 added, 0 updated, 0 unchanged, 0 skipped (of 1 row)." in out
    assert out[-2:] == ["exit 0", "loaded []"]
    assert "Novák" in (tmp_path / "ws" / "recipients" / "people.csv").read_text(encoding="utf-8")


def test_a_csv_import_into_a_yaml_file_still_writes_it(tmp_path):
    init_empty_workspace(tmp_path / "ws")
    out = _import(tmp_path, "--into", "people.yaml")
    assert "Result: 1 added, 0 updated, 0 unchanged, 0 skipped (of 1 row)." in out
    assert out[-2] == "exit 0" and "ruamel.yaml" in out[-1]
    written = (tmp_path / "ws" / "recipients" / "people.yaml").read_text(encoding="utf-8")
    assert "family_name: Novák" in written and "email: anna@example.org" in written


BABEL_SCRIPT = """
import sys
import babel.localedata
from campaign_app.cli.main import main
code = main(["recipients", "import", sys.argv[1], "-w", sys.argv[2], "--category", "ngo"])
print("exit", code)
print("locales", sorted(babel.localedata._cache))
"""


def test_country_names_come_from_the_names_kept_between_starts(tmp_path):
    """A country's name or code is read with the CLDR names core/common/language_names.py
    keeps in the cache folder: once they are kept, an import loads none of Babel's locale
    data (the English data alone took 13-19 ms of a 100,000-row import)."""
    source = tmp_path / "people.csv"
    source.write_text(
        "Given name;Family name;E-mail;Country\n"
        "Anna;Novák;anna@example.org;Slovakia\n"
        "Jan;Kowalski;jan@example.org;PL\n",
        encoding="utf-8",
    )
    outs = []
    for n in range(2):  # the first start keeps the names; the second reads them
        ws = tmp_path / f"ws{n}"
        init_empty_workspace(ws)
        done = subprocess.run(
            [sys.executable, "-c", BABEL_SCRIPT, str(source), str(ws)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout.splitlines())
        written = (ws / "recipients" / "people.csv").read_text(encoding="utf-8")
        assert "anna-novak,ngo,Anna,Novák,SK,anna@example.org" in written
        assert "jan-kowalski,ngo,Jan,Kowalski,PL,jan@example.org" in written
    assert outs[1][-2:] == ["exit 0", "locales []"]
