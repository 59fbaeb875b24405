"""The shape of the code, checked by tools rather than by memory.

- import-linter's contracts (pyproject.toml, [tool.importlinter]): the core never imports
  Qt, the window or the command line; the core's parts import downwards only; the window's
  tabs do not import each other. It follows every import, relative ones and those inside
  functions included.
- Loading the whole engine and the command line loads no Qt (the CLI, batch workers and
  tests run without a display).
- mypy runs clean on the whole package (the core, the window and the command line).
- No module grows past what a newcomer can read in one sitting.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "campaign_app"
MAX_MODULE_LINES = 450  # "under about 400": a module past this is split by what it holds


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    assert path.exists(), f"{name} is a test dependency (pip install -e '.[test]')"
    return str(path)


def test_import_contracts_are_kept():
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
    assert "BROKEN" not in result.stdout


def test_loading_the_whole_engine_and_cli_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, campaign_app.core as c, campaign_app.cli.main\n"
        "for m in pkgutil.walk_packages(c.__path__, 'campaign_app.core.'): importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'PyQt'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_package_type_checks():
    result = subprocess.run([_tool("mypy"), "campaign_app"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr


def test_no_module_is_too_long_to_read():
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
