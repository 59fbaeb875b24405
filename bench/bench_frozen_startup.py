"""Benchmark: the frozen app (PyInstaller bundle) against the installed app, start to first window.

Both are started the way a user starts them, as ``campaign-app gui -w WORKSPACE`` (the
bundle's executable; the venv's console script), on a copy of the example campaign, with a
fresh HOME. The moment of the first paint is read from Qt's own widget-painting log
(``qt.widgets.painting``: "Drawing ... of MainWindow"), which needs no probe code in the
app and is the same for both, so the comparison is fair; the process is then stopped.

"Cold": the page cache is dropped before each start (needs root and a writable
/proc/sys/vm/drop_caches; otherwise said so and skipped), so every library and data file
is read from disk, as on the first start after installing. "Warm": the same start
repeated with the files cached. Also prints the bundle's size and its archive's.

    python bench/bench_frozen_startup.py --runs 7
    python bench/bench_frozen_startup.py --bundle dist/campaign-app --installed .venv/bin/campaign-app

Offscreen by default; set QT_QPA_PLATFORM=xcb with an X server to measure a real display.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "of MainWindow("  # "Drawing QRegion(...) of MainWindow(0x...) at ... into paint device"


def time_to_first_paint(command: list[str], home: Path, timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` until the main window first paints."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "QT_LOGGING_RULES": "qt.widgets.painting=true",
        "QT_MESSAGE_PATTERN": "%{category} %{message}",
    }
    for name in ("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"):
        if name in os.environ:
            env[name] = os.environ[name]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True, errors="replace"
    )
    tail: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("qt.widgets.painting Drawing") and MARKER in line:
                return time.perf_counter() - start
            if not line.startswith("qt.widgets.painting"):
                tail = [*tail[-5:], line]
            if time.perf_counter() - start > timeout:
                break
        raise RuntimeError(f"{command[0]}: no window painted: {''.join(tail)}")
    finally:
        proc.kill()
        proc.wait()


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def size(path: Path) -> str:
    total = (
        path.stat().st_size
        if path.is_file()
        else sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    )
    return f"{total / 1e6:.0f} MB"


def find_installed(given: str | None) -> str:
    for candidate in (
        given,
        ROOT / "build" / "packaging-venv" / "bin" / "campaign-app",
        shutil.which("campaign-app"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit("error: no installed campaign-app found: pass --installed PATH")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "campaign-app")
    parser.add_argument(
        "--installed", default=None, help="the installed console script (default: build/packaging-venv's)"
    )
    args = parser.parse_args()
    frozen = args.bundle / "campaign-app"
    if not frozen.is_file():
        raise SystemExit(f"error: {frozen} is missing: run packaging/build-linux.sh first")
    installed = find_installed(args.installed)

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        workspace = Path(tmp) / "example"
        subprocess.run([str(frozen), "init", str(workspace)], check=True, capture_output=True)
        apps = {
            "frozen": [str(frozen), "gui", "-w", str(workspace)],
            "installed": [installed, "gui", "-w", str(workspace)],
        }
        cold: dict[str, list[float]] = {name: [] for name in apps}
        can_drop = drop_caches()
        if can_drop:
            for _ in range(max(1, args.runs // 2)):
                for name, command in apps.items():
                    drop_caches()
                    cold[name].append(time_to_first_paint(command, home))
        warm: dict[str, list[float]] = {name: [] for name in apps}
        for command in apps.values():
            time_to_first_paint(command, home)  # fill the cache
        for _ in range(args.runs):
            for name, command in apps.items():
                warm[name].append(time_to_first_paint(command, home))

    print(f"frozen:    {frozen}")
    print(f"installed: {installed}")
    tarballs = sorted(args.bundle.parent.glob("campaign-app-*.tar.gz"))
    archive = f", archive {tarballs[-1].name} {size(tarballs[-1])}" if tarballs else ""
    print(f"bundle size: {size(args.bundle)} on disk{archive}")
    for name in apps:
        line = f"{name:9s} start to first window: warm median {statistics.median(warm[name]) * 1000:.0f} ms"
        if can_drop:
            line += f", cold median {statistics.median(cold[name]) * 1000:.0f} ms ({len(cold[name])} runs)"
        print(f"{line}  ({args.runs} warm runs)")
    if not can_drop:
        print("cold start not measured: dropping the page cache needs root (/proc/sys/vm/drop_caches)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
