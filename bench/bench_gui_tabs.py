"""Benchmark: how long the window freezes when a tab is shown for the first time.

A tab is built on the window's thread when the user first opens it (its modules imported,
its widgets made, what it shows read): the window answers nothing meanwhile. Each round
starts a fresh window (offscreen) on a copy of the example campaign, as an installed copy
starts (compiled modules, bench/bytecode.py) and as the app does (the other tabs' modules
loaded ahead once its start is done: gui/tab_preload.py; ``--no-preload``: not), lets it
settle, then shows one tab and times
that until the events it queued are handled, and the longest stall of the event loop while
the tab's work (in workers, then back on the window's thread) settles; then shows it again
(already built). ``--rows N`` adds a generated directory of N recipients. Each tab
in a process of its own, so that no tab finds another's modules loaded; rounds interleave
the tabs. Prints the median and the worst of each (issue 18: no stall over 50 ms in a batch
or a send; a first show is a stall a user sees once a tab and a session).

    python bench/bench_gui_tabs.py --rounds 5
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

from bytecode import as_installed

TABS = ("recipients", "compose", "batch", "settings", "outreach")

SHOW_ONE = """
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop
from campaign_app.gui.app import application, build_window, settle
app = application()
window, _session, tasks = build_window(Path(sys.argv[1]), remember=False, preload_tabs=sys.argv[3] == "1")
window.resize(1280, 820)
window.show()
settle(app, tasks, timeout=10)
loop = QEventLoop()


def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


spin(2.0)  # the window's start done, and the other tabs' modules loaded as the app does
from PySide6.QtCore import Qt, QTimer

ticks = []
ticker = QTimer()
ticker.setTimerType(Qt.TimerType.PreciseTimer)
ticker.setInterval(5)
ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
shown = []
for _ in range(2):
    window.select_tab("case")
    spin(0.5)
    start = time.perf_counter()
    window.select_tab(sys.argv[2])
    app.processEvents()
    shown.append(time.perf_counter() - start)
    if not ticks:  # after the first show: the tab's own work, in workers and back
        ticker.start()
        ticks.append(time.perf_counter())
    spin(float(sys.argv[4]))  # taken in: the second show finds the tab built and settled
    ticker.stop()
shown.append(max(b - a for a, b in zip(ticks, ticks[1:])))
print("SHOWN", *shown, flush=True)
os._exit(0)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--rows", type=int, default=0, help="add a generated directory of N rows (bench_recipients.py's)"
    )
    parser.add_argument(
        "--no-preload", action="store_true", help="the tabs' modules not loaded ahead (as before 6 December)"
    )
    args = parser.parse_args()
    from campaign_app.core.campaign.creation import init_workspace

    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-tabs-"))
    try:
        ws = init_workspace(tmp / "ws")
        settle = 2.0
        if args.rows:
            from bench_recipients import write_directory

            write_directory(ws / "recipients" / "generated.csv", args.rows)
            settle = 6.0
        env = as_installed(tmp / "bytecode")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[var] = str(tmp / var.lower())
        first: dict[str, list[float]] = {tab: [] for tab in TABS}
        again: dict[str, list[float]] = {tab: [] for tab in TABS}
        after: dict[str, list[float]] = {tab: [] for tab in TABS}
        preload = not args.no_preload
        for tab in TABS:  # untimed: each process's modules compiled once
            show(ws, tab, env, preload, settle)
        for _round in range(args.rounds):
            for tab in TABS:
                once, twice, then = show(ws, tab, env, preload, settle)
                first[tab].append(once)
                again[tab].append(twice)
                after[tab].append(then)
        load = os.getloadavg()[0]
        ahead = "loaded ahead" if preload else "not loaded ahead"
        rows = f" and {args.rows:,} more recipients" if args.rows else ""
        print(f"example campaign{rows}, {args.rounds} rounds, the tabs' modules {ahead}; load {load:.1f}")
        for tab in TABS:
            print(
                f"  {tab:11s} first shown: median {1000 * statistics.median(first[tab]):4.0f} ms, "
                f"worst {1000 * max(first[tab]):4.0f} ms; then its work's longest stall "
                f"{1000 * max(after[tab]):4.0f} ms; shown again: {1000 * max(again[tab]):3.0f} ms"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def show(ws: Path, tab: str, env: dict[str, str], preload: bool, settle: float) -> tuple[float, float, float]:
    """(first show, second show, the longest stall in the ``settle`` seconds after the first)
    of ``tab`` in a new window process, in seconds; ``preload``: the other tabs' modules
    loaded ahead, as the app does (gui/tab_preload.py)."""
    command = [sys.executable, "-c", SHOW_ONE, str(ws), tab, "1" if preload else "0", str(settle)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("SHOWN ")), None)
    if line is None:
        sys.exit(f"the window did not show {tab}:\n{done.stderr[-2000:]}")
    once, twice, then = map(float, line.split()[1:])
    return once, twice, then


if __name__ == "__main__":
    sys.exit(main())
