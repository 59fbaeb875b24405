"""Benchmark: generate N one-page letters as PDF and DOCX, against a bare-library floor.

In one interleaved run (ours, floor, ours for a tenth of the letters; several rounds, the
order alternating) it prints the medians of: the wall time of ``campaign-app generate``'s
engine (default workers), the wall time of the same letters written by bare reportlab +
python-docx in one process (the floor, bench/bare_letter.py: same fonts, text,
paragraphs and footnotes), their ratio; the CPU time per letter of the whole process tree
between the small and the large batch (the marginal cost of a letter); the size of our
PDF beside the bare reportlab one; and the load average seen. Each figure is printed
beside its target (issue 18). Usage:

    python bench/bench_generate.py --letters 1000 --rounds 3
    python bench/bench_generate.py --letters 10000 --skip-floor     # memory at scale
    python bench/bench_generate.py --letters 1000 --floor-embeds-fonts  # floor's DOCX embeds PT Serif too
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.creation import init_workspace
from campaign_app.core.campaign.generate import plan_batch
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.letters.render import render_letter

TEMPLATE = """\
---
id: bench-one-page
title: Benchmark letter
language: en
audience: tag:bench
subject: "Urgent: stop the extradition of {{ case.person.name }}"
---
We are writing to you, {{ recipient.name }}, about {{ case.person.name }}, a Kazakhstani
journalist who could be extradited from Ukraine to Kazakhstan at any time.

{{ case.summary }}{{ cite(case.sources[0].id) }}

We ask you to raise her case with the Ukrainian authorities without delay{{ cite(case.sources[1].id) }}.
"""


FIRST_RECORD_S = 12.0  # the batch saves its manifest and records drafts every 10 s


class PeakRss:
    """Samples the summed RSS of this process and its children every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self.samples: list[int] = []  # every sample, to tell a flat curve from a growing one
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
            self.peak = max(self.peak, total)
            self.samples.append(total)
            time.sleep(0.05)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def make_workspace(root: Path, letters: int, real_sender: bool = False) -> Workspace:
    """A workspace of ``letters`` recipients for the one-page bench letter; ``real_sender``
    drops the example's 'example: true' (letters without the EXAMPLE mark, and sendable)."""
    init_workspace(root)
    if real_sender:
        campaign = root / "campaign.yaml"
        campaign.write_text(
            campaign.read_text(encoding="utf-8").replace("example: true\n", ""), encoding="utf-8"
        )
    for old in (root / "letter_templates").glob("*.md"):
        old.unlink()
    (root / "letter_templates" / "bench.md").write_text(TEMPLATE, encoding="utf-8")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(
        [
            "id",
            "category",
            "honorific",
            "given_name",
            "family_name",
            "gender",
            "country",
            "language",
            "email",
            "tags",
        ]
    )
    for i in range(letters):
        writer.writerow(
            [
                f"bench-{i:05d}",
                "mep",
                "Ms" if i % 2 else "Mr",
                f"Given{i}",
                f"Family{i}",
                "f" if i % 2 else "m",
                "DE",
                "en",
                f"member{i}@example.org",
                "bench",
            ]
        )
    for old in (root / "recipients").iterdir():
        old.unlink()
    (root / "recipients" / "bench.csv").write_text(buf.getvalue(), encoding="utf-8")
    return Workspace(root)


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_ours(
    ws: Workspace, out: Path, workers: int | None, formats: tuple[str, ...]
) -> tuple[float, float, PeakRss]:
    """Wall and CPU seconds of one batch (plan and run), and its sampled memory."""
    shutil.rmtree(out, ignore_errors=True)
    cpu = cpu_seconds()
    with PeakRss() as rss:
        start = time.perf_counter()
        plan = plan_batch(ws, "bench-one-page", formats, out)
        result = run_batch(ws, plan, workers=workers, today=dt.date.today())
        wall = time.perf_counter() - start
    assert not result.failed and result.letters_written == len(plan.jobs), result.failed[:3]
    return wall, cpu_seconds() - cpu, rss


def run_floor(letters: list, out: Path, formats: tuple[str, ...], embed_fonts: bool) -> tuple[float, float]:
    """Wall and CPU seconds of the bare libraries writing the same letters in one process."""
    import bare_letter

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    bare_letter.register_fonts()  # once per process, as ours: not timed
    cpu = cpu_seconds()
    start = time.perf_counter()
    for n, letter in enumerate(letters):
        if "pdf" in formats:
            bare_letter.pdf(letter, out / f"{n}.pdf")
        if "docx" in formats:
            bare_letter.docx(letter, out / f"{n}.docx", embed_fonts)
    return time.perf_counter() - start, cpu_seconds() - cpu


def mean_size(folder: Path, ext: str) -> float:
    sizes = [p.stat().st_size for p in folder.rglob(f"*.{ext}")]
    return sum(sizes) / len(sizes)


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def memory_run(ws: Workspace, out: Path, workers: int | None, formats: tuple[str, ...]) -> None:
    """Peak RSS of the whole process tree over a large batch, and whether it stays flat."""
    wall, _cpu, rss = run_ours(ws, out, workers, formats)
    n = len(rss.samples)
    # The parent records the drafts when it first saves the manifest, FIRST_RECORD_S in: that
    # opens the contact log once (SQLAlchemy, ~20 MB, for the rest of the run). "Flat" is
    # judged from then on: the first half's peak after that moment against the second half's.
    first_record = max(0, min(n // 2 - 1, max(n // 10, int(n * FIRST_RECORD_S / wall) + 1)))
    early = max(rss.samples[first_record : n // 2] or rss.samples)
    late = max(rss.samples[n // 2 :] or rss.samples)
    mb = 2**20
    print(f"letters:            {len(ws.directory)}, {wall:.1f} s wall, load {load()}")
    print(f"peak RSS, tree:     {rss.peak / mb:.0f} MB  (target <= 250 MB)")
    print(
        f"flat:               {early / mb:.0f} MB in the first half, {late / mb:.0f} MB in the second "
        f"half ({(late - early) / mb:+.0f} MB; flat when about 0; the first half counted from the "
        f"drafts' first record, {first_record * wall / max(n, 1):.0f} s in)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--format", default="both", choices=("pdf", "docx", "both"))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--skip-floor", action="store_true", help="only the memory of one large batch")
    parser.add_argument("--floor-embeds-fonts", action="store_true", help="the floor's DOCX embeds PT Serif")
    args = parser.parse_args()
    from bytecode import rerun_as_installed

    rerun_as_installed()  # the batch's workers start from compiled modules, as an installed copy's do
    formats = ("pdf", "docx") if args.format == "both" else (args.format,)
    small = max(1, args.letters // 10)

    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-"))
    try:
        ws = make_workspace(tmp / "ws", args.letters, real_sender=True)
        if args.skip_floor:
            memory_run(ws, tmp / "out", args.workers, formats)
            return 0
        ws_small = make_workspace(tmp / "ws-small", small, real_sender=True)
        template = ws.template("bench-one-page")
        letters = [render_letter(template, r, ws.case, ws.campaign) for r in ws.directory]  # not timed
        loads = [load()]
        ours, floors, ratios, marginal, peaks = [], [], [], [], []
        sizes: tuple[float, float] | None = None
        for n in range(args.rounds):
            steps = ["ours", "floor", "small"] if n % 2 == 0 else ["floor", "small", "ours"]
            for step in steps:
                if step == "ours":
                    wall, cpu, rss = run_ours(ws, tmp / "out", args.workers, formats)
                    peaks.append(rss.peak)
                elif step == "small":
                    small_wall, small_cpu, _ = run_ours(ws_small, tmp / "out-small", args.workers, formats)
                else:
                    base, base_cpu = run_floor(letters, tmp / "floor", formats, args.floor_embeds_fonts)
            ours.append(wall)
            floors.append(base)
            ratios.append(wall / base)
            marginal.append((cpu - small_cpu) / (args.letters - small))
            if sizes is None and "pdf" in formats:
                sizes = (mean_size(tmp / "out", "pdf"), mean_size(tmp / "floor", "pdf"))
            loads.append(load())
            print(
                f"round {n + 1}: ours {wall:.2f} s ({cpu / args.letters * 1000:.1f} ms CPU/letter), "
                f"floor {base:.2f} s ({base_cpu / args.letters * 1000:.1f} ms CPU/letter), ratio "
                f"{wall / base:.2f}; {small} letters {small_wall:.2f} s; load {loads[-1]}",
                flush=True,
            )
        med = statistics.median
        print(f"letters:            {args.letters} ({'+'.join(formats)}), {args.rounds} rounds, medians")
        print(f"ours:               {med(ours):.2f} s wall, {args.letters / med(ours):.0f} letters/s")
        print(
            f"floor (bare libs):  {med(floors):.2f} s wall, "
            f"{args.letters / med(floors):.0f} letters/s, 1 process"
        )
        print(f"ratio ours/floor:   {med(ratios):.2f}  (target <= 0.30)")
        print(
            f"CPU per letter:     {med(marginal) * 1000:.1f} ms, marginal from {small} to {args.letters} "
            "letters, whole process tree  (target <= 10 ms)"
        )
        if sizes:
            print(
                f"PDF size:           {sizes[0] / 1024:.1f} KB, bare reportlab {sizes[1] / 1024:.1f} KB: "
                f"{sizes[0] / sizes[1]:.2f}x  (target <= 1.2x)"
            )
        print(f"peak RSS, tree:     {max(peaks) / 2**20:.0f} MB")
        print(f"load average:       {' -> '.join(loads)} (1/5/15 min) on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
