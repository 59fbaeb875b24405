"""Benchmark: a second start's read of the case file, kept parsed tree vs none.

Times ``read_yaml_text`` of the example case (80 KB) in a fresh process, on a copy of the
example workspace: "kept" after a run that kept its tree (core/common/yaml_cache.py, the
workspace's ``.cache``), "parsed" with no tree kept (the parse, and keeping its tree).
Wall and CPU medians of interleaved rounds. ``--old PATH``: also time the code of another
checkout (``git worktree add /tmp/old main``) in the same rounds, with its own user folders.

    python bench/bench_case_read.py --rounds 7 [--old /tmp/old]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import sys, time
from pathlib import Path
from campaign_app.core.common import yamlio
path = Path(sys.argv[1]); text = path.read_text(encoding="utf-8")
wall, cpu = time.perf_counter(), time.process_time()
yamlio.read_yaml_text(text, path)
print(time.perf_counter() - wall, time.process_time() - cpu)
"""
HERE = Path(__file__).resolve().parents[1]


def one_run(code: Path, home: Path, ws: Path, case: Path, kept: bool) -> tuple[float, float]:
    """One fresh process's read; ``kept``: after a warm-up run that keeps the tree."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(home / var.lower())
    command = [sys.executable, "-c", CHILD, str(case)]
    if kept:
        subprocess.run(command, env=env, check=True, capture_output=True)
    else:
        shutil.rmtree(home / "xdg_cache_home", ignore_errors=True)  # where older versions kept it
        shutil.rmtree(ws / ".cache", ignore_errors=True)
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    wall, cpu = map(float, out.stdout.split())
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--old", type=Path, help="another checkout to time in the same rounds")
    args = parser.parse_args()
    codes = {"this": HERE, **({"old": args.old.resolve()} if args.old else {})}
    results: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        (ws / "cases").mkdir(parents=True)
        shutil.copy(HERE / "campaign.yaml", ws / "campaign.yaml")
        case = ws / "cases" / "akhmetova-extradition.yaml"
        shutil.copy(HERE / "cases" / case.name, case)
        for _round in range(args.rounds):
            for name, code in codes.items():
                for kept in (True, False):
                    run = one_run(code, Path(tmp) / f"home-{name}", ws, case, kept)
                    results.setdefault((name, kept), []).append(run)
    print(
        f"load average: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs); {args.rounds} rounds, interleaved"
    )
    for (name, kept), runs in results.items():
        wall = statistics.median(r[0] for r in runs) * 1000
        cpu = statistics.median(r[1] for r in runs) * 1000
        print(
            f"{name:>4} {'kept tree' if kept else 'parsed   '}: median wall {wall:6.1f} ms, CPU {cpu:6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
