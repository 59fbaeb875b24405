"""Benchmark: time from process start to the first painted main window.

Compares ``campaign-app gui`` (on a copy of the example campaign) with a bare PySide6
QMainWindow in the same run; prints medians of several cold process starts and the
ratio (target <= 2). Offscreen by default; set QT_QPA_PLATFORM=xcb with an X server to
measure a real display.

    python bench/bench_gui_startup.py --runs 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAINT_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if not getattr(self, "done", False):
                self.done = True
                print(f"PAINTED {time.time():.6f}", flush=True)
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
from pathlib import Path
from campaign_app.gui.app import application, build_window
app = application()
window, session, tasks = build_window(Path(sys.argv[1]), remember=False, open_now=False)  # as run()
window.resize(1280, 820)
probe = Probe(); window.installEventFilter(probe)
def ready():
    print(f"READY {time.time():.6f}", flush=True)
    QTimer.singleShot(0, lambda: sys.exit(0))
session.workspaceChanged.connect(lambda: QTimer.singleShot(0, ready))
window.show()
app.exec()
"""
)


def one_run(code: str, *args: str, marker: str = "PAINTED ") -> float:
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    for line in out.stdout.splitlines():
        if line.startswith(marker):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint: {out.stderr[-500:]}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from campaign_app.core.campaign.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "example")
        one_run(BARE)
        one_run(APP, str(ws))  # warm the file cache: we measure start-up, not the disk
        bare, ours, ready = [], [], []
        for _ in range(args.runs):
            bare.append(one_run(BARE))
            ours.append(one_run(APP, str(ws)))
            ready.append(one_run(APP, str(ws), marker="READY "))
    b, o, r = statistics.median(bare), statistics.median(ours), statistics.median(ready)
    print(f"bare PySide6 window:  median {b * 1000:.0f} ms to first paint ({args.runs} runs)")
    print(f"campaign_app window:  median {o * 1000:.0f} ms to first paint (menus, tabs, 'Opening…')")
    print(f"ratio app/bare:       {o / b:.2f}  (target <= 2)")
    print(f"campaign shown:       median {r * 1000:.0f} ms until the example campaign is open in the window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
