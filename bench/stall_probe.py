"""What the window's process did during each long event-loop gap (``--probe`` of the GUI benches).

A thread samples, every 2 ms, every thread's Python stack and CPU clock, and the UI thread's
scheduler figures from /proc (Linux): its CPU time, its time waiting for a CPU on the run
queue, its state. For each gap of the benches' 10 ms timer over the threshold it prints how
much of the gap the UI thread spent on a CPU, waiting for one (the machine's load: no code of
the window can shorten that), and which other threads of the process ran Python meanwhile
(they hold the interpreter lock the UI thread needs), with where they were. The sampler
itself needs the lock: a gap with few samples inside is one where the lock was held.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import Counter
from pathlib import Path

MAIN = threading.main_thread()


class StallProbe:
    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.samples: list[tuple[float, dict]] = []
        # the collections over 5 ms: start, end, generation, thread
        self.collections: list[tuple[float, float, int, str]] = []
        self._started = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="stall-probe")

    def start(self) -> None:
        import gc

        gc.callbacks.append(self._collection)
        self._thread.start()

    def _collection(self, phase: str, info: dict) -> None:
        """The garbage collector's sweeps: a full one over a large heap holds the interpreter
        lock in one call."""
        now = time.perf_counter()
        if phase == "start":
            self._started = now
        elif now - self._started > 0.005:
            self.collections.append((self._started, now, info["generation"], threading.current_thread().name))

    def tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def _run(self) -> None:
        import sys

        task = Path(f"/proc/self/task/{MAIN.native_id}")
        while not self._stop.is_set():
            snap: dict = {}
            for ident, frame in sys._current_frames().items():
                if ident != threading.get_ident():
                    snap[ident] = (_cpu(ident), _where(frame))
            try:
                on_cpu, waiting, _ = (task / "schedstat").read_text().split()
                state = (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
                wchan = (task / "wchan").read_text()
                snap["ui"] = (int(on_cpu) / 1e6, int(waiting) / 1e6, f"{state} {wchan}")
            except OSError:
                snap["ui"] = (0.0, 0.0, "?")
            self.samples.append((time.perf_counter(), snap))
            time.sleep(0.002)

    def report(self, threshold_ms: float = 40) -> None:
        self._stop.set()
        times = [t for t, _snap in self.samples]
        for a, b in zip(self.ticks, self.ticks[1:], strict=False):
            if (b - a) * 1000 < threshold_ms:
                continue
            i, j = max(0, bisect.bisect_left(times, a) - 1), min(len(times) - 1, bisect.bisect_left(times, b))
            first, last = self.samples[i][1], self.samples[j][1]
            states = Counter(s[1]["ui"][2] for s in self.samples[i : j + 1]).most_common(3)
            print(
                f"gap {(b - a) * 1000:.0f} ms at +{a - self.ticks[0]:.2f} s ({j - i - 1} samples inside): "
                f"UI thread on a CPU {last['ui'][0] - first['ui'][0]:.1f} ms, waiting for a CPU "
                f"{last['ui'][1] - first['ui'][1]:.1f} ms; states {states}"
            )
            for start, end, generation, thread in self.collections:
                if start < b and end > a:
                    print(
                        f"    garbage collection of generation {generation} in {thread}: "
                        f"{(end - start) * 1000:.1f} ms"
                    )
            for ident, value in last.items():
                if ident == "ui" or ident == MAIN.ident:
                    continue
                cpu = (value[0] - first.get(ident, (0.0, ""))[0]) * 1000
                if cpu > 1:
                    print(f"    thread …{str(ident)[-5:]}: {cpu:.1f} ms CPU, at {value[1]}")


def _cpu(ident: int) -> float:
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(ident))
    except OSError:
        return 0.0


def _where(frame, depth: int = 5) -> str:
    names = []
    while frame is not None and len(names) < depth:
        names.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(names)
