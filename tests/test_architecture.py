"""The core must never import Qt: the CLI, batch workers and tests run without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "campaign_app" / "core"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "campaign_app.gui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_sources_do_not_import_qt():
    offenders = {
        str(p.relative_to(CORE.parent.parent)): name
        for p in CORE.rglob("*.py")
        for name in _imports(p)
        if name.split(".")[0] in {m.split(".")[0] for m in QT_MODULES} and name.startswith(QT_MODULES)
    }
    assert offenders == {}


def test_loading_the_whole_engine_and_cli_loads_no_qt():
    code = (
        "import sys, pkgutil, importlib, campaign_app.core as c, campaign_app.cli.main\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('campaign_app.core.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'PyQt'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
