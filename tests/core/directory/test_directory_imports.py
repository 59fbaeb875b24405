"""The directory sits low in the core: it imports only the common helpers and itself, at the
top of its modules, and its modules never import each other in a circle.

A directory that reached up into the contact log (or a module that imported its neighbour
from inside a function to dodge a circle) would load the campaign's parts into every tool
that only reads recipients, and break as soon as the files move.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DIRECTORY = ROOT / "campaign_app" / "core" / "directory"
ALLOWED = ("campaign_app.core.common", "campaign_app.core.directory")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, whether the import is inside a function) for each project import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
                found.extend((name, inside) for name in names if name.startswith("campaign_app"))
            elif isinstance(child, ast.Import):
                found.extend((a.name, inside) for a in child.names if a.name.startswith("campaign_app"))
            visit(child, inside)

    visit(tree, False)
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(DIRECTORY.rglob("*.py"))}


def test_the_directory_imports_only_the_common_helpers_and_itself():
    upward = {
        module: name
        for module, imports in MODULES.items()
        for name, _inside in imports
        if not name.startswith(ALLOWED)
    }
    assert upward == {}


def test_the_directory_imports_its_own_parts_at_the_top_of_a_module():
    inside = {
        module: name for module, imports in MODULES.items() for name, in_function in imports if in_function
    }
    assert inside == {}


def test_no_two_modules_of_the_directory_import_each_other():
    graph = {
        module: {name for name, _ in imports if name in MODULES and name != module}
        for module, imports in MODULES.items()
    }
    circles: list[list[str]] = []
    done: set[str] = set()

    def walk(path: list[str]) -> None:  # depth first; an edge back into the path closes a circle
        for target in sorted(graph[path[-1]]):
            if target in path:
                circles.append([*path[path.index(target) :], target])
            elif target not in done:
                walk([*path, target])
        done.add(path[-1])

    for start in sorted(graph):
        if start not in done:
            walk([start])
    assert circles == []
