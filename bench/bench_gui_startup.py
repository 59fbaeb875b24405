"""Benchmark: time from process start to the first painted main window, and to a usable one.

Compares ``campaign-app gui`` (on a copy of the example campaign) with a bare PySide6
QMainWindow in the same run, interleaved (bare, ours, bare, ours…); prints medians of
several cold process starts and the ratio (target <= 2). Offscreen by default; set
QT_QPA_PLATFORM=xcb with an X server to measure a real display.

"Usable" is measured from the first paint, in the same process: the first tab (Case) shows
the example case (its title in the heading, its editors enabled: the case file is read and
checked), and a key press posted to its list of parts at that moment has been handled (the
Down key moved the selection to the next part): the window answers input with the campaign
in it. Target: usable <= 0.3 s after the first paint. Meanwhile a 5 ms timer records the
longest stall of the event loop, from the first paint to 2 s after it.

Modules start from bytecode, as in an installed copy (``--from-source``: compiled at every
start, as a checkout run with PYTHONDONTWRITEBYTECODE is); the case's parsed tree is kept
from the start before, as from a user's second start on (``--first-start``: parsed at every
start, as the first time a case file is opened).

    python bench/bench_gui_startup.py --runs 7
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

from bytecode import as_installed

PAINT_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if not getattr(self, "done", False):
                self.done = True
                print(f"PAINTED {time.time():.6f} {time.process_time():.6f}", flush=True)
                if "--bare" in sys.argv:
                    QTimer.singleShot(0, lambda: sys.exit(0))
        return False
"""

BARE = (
    PAINT_PROBE
    + """
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 820)
sys.argv.append("--bare")
probe = Probe(); w.installEventFilter(probe); w.show()
app.exec()
"""
)

APP = (
    PAINT_PROBE
    + """
import itertools
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from campaign_app.gui.app import application, build_window
app = application()
window, session, tasks = build_window(  # as run()
    Path(sys.argv[1]), remember=False, open_now=False, preload_tabs=True
)
window.resize(1280, 820)
probe = Probe(); window.installEventFilter(probe)
ticks, state = [], {}
heartbeat = QTimer(); heartbeat.setTimerType(Qt.TimerType.PreciseTimer); heartbeat.setInterval(5)
heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
class KeySeen(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.KeyPress and "key_seen" not in state:
            state["key_seen"] = True
            QTimer.singleShot(0, handled)
        return False
seen = KeySeen()
def handled():
    case = window.pages["case"]
    if case.parts.currentIndex().row() == 1:  # the Down key moved to the next part
        print(f"USABLE {time.time():.6f} {time.process_time():.6f}", flush=True)
def poll():
    if not heartbeat.isActive() and probe_done():
        heartbeat.start()
    case = window._slots["case"].page
    if "posted" not in state and case is not None and case.doc is not None and not case.busy:
        state["posted"] = True
        case.parts.installEventFilter(seen)
        case.parts.setFocus()
        down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        QCoreApplication.postEvent(case.parts, down)
    if ticks and ticks[-1] - ticks[0] > 2.0:
        gap = max((b - a for a, b in itertools.pairwise(ticks)), default=0)
        print(f"STALL {gap:.6f}", flush=True)
        sys.exit(0)
def probe_done():
    return getattr(probe, "done", False)
poller = QTimer(); poller.setInterval(2); poller.timeout.connect(poll); poller.start()
window.show()
app.exec()
"""
)


def one_run(
    code: str, *args: str, bytecode: Path | None = None, cache: Path | None = None
) -> dict[str, float]:
    """One cold process start: each marker it prints (PAINTED, USABLE: seconds since the
    start, and ``_CPU``: the process's CPU seconds then; STALL: seconds).

    ``bytecode``: a folder for compiled modules (``PYTHONPYCACHEPREFIX``), so that after the
    warm-up run campaign_app starts from bytecode as an installed copy does (pip and
    PyInstaller compile it); else a ``PYTHONDONTWRITEBYTECODE`` environment compiles every
    module of a source checkout at each start (about 150 ms after the first paint alone).
    ``cache``: the user's cache and data folders (``XDG_CACHE_HOME``, ``XDG_DATA_HOME``: the
    key that signs the case's parsed tree, kept in the workspace's ``.cache`` between starts,
    core/common/yaml_cache.py)."""
    env = {**os.environ} if bytecode is None else as_installed(bytecode)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)
        env["XDG_DATA_HOME"] = str(cache / "data")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    marks = {}
    for line in out.stdout.splitlines():
        name, *values = line.split()
        if name in ("PAINTED", "USABLE"):
            marks[name] = float(values[0]) - start
            marks[f"{name}_CPU"] = float(values[1])
        elif name == "STALL":
            marks[name] = float(values[0])
    if "PAINTED" not in marks:
        raise RuntimeError(f"no paint: {out.stderr[-500:]}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--from-source",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE as it is (a checkout compiled at every start)",
    )
    parser.add_argument(
        "--first-start",
        action="store_true",
        help="no .cache in the workspace at every start (the case parsed, as the first time it is opened)",
    )
    args = parser.parse_args()
    from campaign_app.core.campaign.creation import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "example")
        bytecode = None if args.from_source else Path(tmp) / "bytecode"
        one_run(BARE, bytecode=bytecode)
        cache = Path(tmp) / "cache"
        # warm the file cache: we measure start-up, not the disk
        one_run(APP, str(ws), bytecode=bytecode, cache=cache)
        bare, ours, usable, stall = [], [], [], []
        bare_cpu, ours_cpu, usable_cpu = [], [], []
        for _run in range(args.runs):
            if args.first_start:
                shutil.rmtree(ws / ".cache", ignore_errors=True)
            marks = one_run(BARE, bytecode=bytecode)
            bare.append(marks["PAINTED"])
            bare_cpu.append(marks["PAINTED_CPU"])
            marks = one_run(APP, str(ws), bytecode=bytecode, cache=cache)
            ours.append(marks["PAINTED"])
            ours_cpu.append(marks["PAINTED_CPU"])
            usable.append(marks.get("USABLE", float("inf")) - marks["PAINTED"])
            usable_cpu.append(marks.get("USABLE_CPU", float("inf")) - marks["PAINTED_CPU"])
            stall.append(marks.get("STALL", float("inf")))
    b, o = statistics.median(bare), statistics.median(ours)
    u, g = statistics.median(usable), statistics.median(stall)
    b_cpu, o_cpu, u_cpu = (statistics.median(v) for v in (bare_cpu, ours_cpu, usable_cpu))
    print(f"load average:         {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    print("modules:              " + ("compiled at each start" if args.from_source else "from bytecode"))
    kept = "none (first start)" if args.first_start else "kept from the start before"
    print(f"case's parsed tree:   {kept}")
    print(f"bare PySide6 window:  median {b * 1000:.0f} ms to first paint ({args.runs} runs, interleaved)")
    print(f"campaign_app window:  median {o * 1000:.0f} ms to first paint (menus, tabs, 'Opening…')")
    print(f"ratio app/bare:       {o / b:.2f}  (target <= 2)")
    print(
        f"  CPU to first paint: bare {b_cpu * 1000:.0f} ms, ours {o_cpu * 1000:.0f} ms, "
        f"ratio {o_cpu / b_cpu:.2f}"
    )
    print(
        f"usable after paint:   median {u * 1000:.0f} ms (worst {max(usable) * 1000:.0f}): the Case tab "
        "shows the example case and a key press is handled  (target <= 300 ms)"
    )
    print(f"  CPU from paint to usable: median {u_cpu * 1000:.0f} ms (the wall time on a quiet machine)")
    print(f"longest stall:        median {g * 1000:.0f} ms of the event loop, first paint + 2 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
