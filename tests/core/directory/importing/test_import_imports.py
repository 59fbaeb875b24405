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
