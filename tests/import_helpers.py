"""What the import tests share: running an import, reading what it wrote, its report lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def run_import(cli, source: Path | str, *args: str):
    return cli("recipients", "import", str(source), "-w", "ws", *args)


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def by_id(path: Path) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows_of(path)}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_source(tmp_path: Path, name: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def assert_check_passes(cli) -> None:
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err


def result_line(out: str) -> str:
    (line,) = [ln for ln in out.splitlines() if ln.startswith("Result: ")]
    return line


def one_error(result) -> str:
    """The single ``error:`` line of a failed run (exit 1, no traceback, advice after —)."""
    assert result.code == 1, (result.code, result.out, result.err)
    assert "Traceback" not in result.err
    lines = [ln for ln in result.err.splitlines() if ln.strip()]
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: ") and " — " in lines[0], lines[0]
    return lines[0]
