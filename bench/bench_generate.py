"""Benchmark: generate N one-page letters as PDF and DOCX, against a bare-library floor.

Prints wall time, letters per second and peak memory of ``campaign-app generate``'s
engine, and of the same content written by bare reportlab + python-docx in one process
(the floor), with the ratio ours/floor. Usage:

    python bench/bench_generate.py --letters 1000
    python bench/bench_generate.py --letters 10000 --skip-floor     # memory at scale
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.generate import plan_batch
from campaign_app.core.campaign.workspace import Workspace, init_workspace
from campaign_app.core.letters.document import Paragraph, inline_text
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


class PeakRss:
    """Samples the summed RSS of this process and its children every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
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
            time.sleep(0.05)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def make_workspace(root: Path, letters: int) -> Workspace:
    init_workspace(root)
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


def floor(ws: Workspace, out: Path) -> float:
    """The same letters' text written by bare reportlab and python-docx, one process."""
    from xml.sax.saxutils import escape

    from docx import Document
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import SimpleDocTemplate

    from campaign_app.core.common.fonts import register_pdf_fonts

    family = register_pdf_fonts()
    style = ParagraphStyle("body", fontName=family, fontSize=11, leading=15)
    template = ws.template("bench-one-page")
    letters = [render_letter(template, r, ws.case, ws.campaign) for r in ws.directory]  # not timed
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for n, letter in enumerate(letters):
        lines = [
            letter.letterhead.organisation,
            letter.place_and_date,
            *letter.recipient_lines,
            letter.subject,
            letter.salutation,
        ]
        lines += [inline_text(b.inlines) for b in letter.body if isinstance(b, Paragraph)]
        lines += [letter.closing, *(s.name for s in letter.signatories)]
        lines += [f"{f.number}. {f.text} {f.url or ''}" for f in letter.footnotes]
        doc = SimpleDocTemplate(str(out / f"{n}.pdf"), pagesize=A4)
        doc.build([RLParagraph(escape(line), style) for line in lines])
        d = Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(str(out / f"{n}.docx"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--format", default="both", choices=("pdf", "docx", "both"))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--skip-floor", action="store_true")
    args = parser.parse_args()
    formats = ("pdf", "docx") if args.format == "both" else (args.format,)

    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-"))
    try:
        ws = make_workspace(tmp / "ws", args.letters)
        out = tmp / "out"
        with PeakRss() as rss:
            start = time.perf_counter()
            plan = plan_batch(ws, "bench-one-page", formats, out)
            result = run_batch(ws, plan, workers=args.workers, today=dt.date.today())
            ours = time.perf_counter() - start
        assert not result.failed, result.failed[:3]
        pages_ok = len(result.written)
        print(f"letters:            {args.letters} ({'+'.join(formats)}), {pages_ok} files")
        print(
            f"ours:               {ours:.2f} s wall, {args.letters / ours:.1f} letters/s, "
            f"{result.workers} process(es)"
        )
        print(f"ours peak RSS:      {rss.peak / 2**20:.0f} MB (this process + workers, sampled)")
        if not args.skip_floor:
            with PeakRss() as frss:
                base = floor(ws, tmp / "floor")
            print(
                f"floor (bare libs):  {base:.2f} s wall, {args.letters / base:.1f} letters/s, 1 process, "
                f"peak RSS {frss.peak / 2**20:.0f} MB"
            )
            print(f"ratio ours/floor:   {ours / base:.2f}  (target <= 0.65)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
