"""Benchmark: ``campaign-app recipients import`` of a 100,000-row CSV (prints figures, not a test).

Builds a new empty workspace and a generated spreadsheet export in a temporary folder:
semicolon-delimited, header names in other spellings (``First name``, ``E-mail``…),
accented names, ``mailto:`` cells with two addresses, a few rows with letters lost to
``?`` and a few without any contact. The import runs as the command a user types, in a
fresh process, once in UTF-8 and once in Windows-1252 (encoding detection on the whole
file); then the same file is imported again into the filled directory (every row is
matched and unchanged). For each run: wall time of the whole command (interpreter start
included), its CPU time (what the wall time would be on an idle machine) and its peak
RSS. Target: ≤ 3 s and ≤ 300 MB for the first import.

Usage:  python bench/bench_import.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIVEN = [
    "Michal",
    "Rasa",
    "Anna",
    "Jan",
    "Petras",
    "Zuzana",
    "José",
    "Léa",
    "Jürgen",
    "Søren",
    "Marie",
    "Iñigo",
]
FAMILY = ["Simecka", "Bilcík", "Novák", "Kowalski", "Sánchez Amor", "Müller", "Dupont", "Gonçalves", "Ward"]
ASCII = {"José": "jose", "Léa": "lea", "Jürgen": "juergen", "Søren": "soren", "Iñigo": "inigo"}
COUNTRIES = [
    "Slovakia",
    "Lithuania",
    "Czechia",
    "Poland",
    "Spain",
    "Germany",
    "France",
    "Portugal",
    "Ireland",
]
ORGS = ["European Parliament", "Helsinki Group", "Kharkiv Human Rights Group", "Amnesty International"]


SYLLABLES = ["ka", "ro", "li", "ne", "mi", "šo", "vá", "tu", "ze", "pe", "dó", "ri"]


def unique_family(i: int, family: str) -> str:
    """A family name no other row has: "Novák-Karolimi" (people, not copies, are imported)."""
    word = ""
    while True:
        i, digit = divmod(i, len(SYLLABLES))
        word += SYLLABLES[digit]
        if not i:
            break
    return f"{family}-{word.capitalize()}"


def write_source(path: Path, rows: int, encoding: str, seed: int = 1) -> None:
    rnd = random.Random(seed)
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            [
                "ID",
                "Title",
                "First name",
                "Last name",
                "Sex",
                "Country",
                "E-mail",
                "Organisation",
                "Job title",
                "Notes",
            ]
        )
        for i in range(rows):
            given, family = rnd.choice(GIVEN), unique_family(i, rnd.choice(FAMILY))
            local = f"{ASCII.get(given, given).lower()}.{i}"
            if i % 10 == 0:
                email = f"mailto:{local}@example.org; mailto:{local}@europarl.europa.eu"
            elif i % 97 == 0:
                email = ""  # no contact channel: skipped
            else:
                email = f"mailto:{local}@europarl.europa.eu"
            if i % 101 == 0:
                family = "Juknevi?ien?"  # letters lost in the source: skipped
            writer.writerow(
                [
                    i + 1,
                    rnd.choice(["Mr", "Ms", "Dr"]),
                    given,
                    family,
                    rnd.choice(["male", "female", ""]),
                    rnd.choice(COUNTRIES),
                    email,
                    rnd.choice(ORGS),
                    "Member" if i % 3 else "Head of delegation",
                    "" if i % 7 else "Met at the hearing; follow up, please",
                ]
            )


RUNNER = """
import sys, time, resource
t0 = time.perf_counter()
from campaign_app.cli.main import main
code = main(sys.argv[1:])
elapsed = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(f"@@ {code} {elapsed:.3f} {cpu:.3f} {usage.ru_maxrss}", file=sys.stderr)
"""


def run(args: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """(wall time of the process, its CPU time, peak RSS in MB, the report's result line)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    marker = [ln for ln in done.stderr.splitlines() if ln.startswith("@@ ")]
    if done.returncode != 0 or not marker:
        sys.exit(f"import failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    _, code, _inside, cpu, rss_kb = marker[-1].split()
    if code != "0":
        sys.exit(f"import exited {code}:\n{done.stderr[-2000:]}")
    result = next((ln for ln in done.stdout.splitlines() if ln.startswith("Result: ")), "?")
    return wall, float(cpu), int(rss_kb) / 1024, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="build in DIR and keep it")
    args = parser.parse_args()
    from campaign_app.core.campaign.workspace import init_empty_workspace

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{args.rows:,} rows, in {folder}")
    print(f"{'run':44} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}  result")
    failed = False
    for encoding in ("utf-8", "cp1252"):
        source = folder / f"list-{encoding}.csv"
        write_source(source, args.rows, encoding)
        ws = folder / f"ws-{encoding}"
        if ws.exists():
            import shutil

            shutil.rmtree(ws)
        init_empty_workspace(ws)
        for label, extra in (
            ("first import", ["--category", "ngo"]),
            ("same file again (all matched)", ["--category", "ngo"]),
        ):
            wall, cpu, rss, result = run(["recipients", "import", str(source), "-w", str(ws), *extra], folder)
            name = f"{encoding}: {label}"
            print(f"{name:44} {wall:7.2f} {cpu:7.2f} {rss:8.0f}  {result}")
            if label == "first import" and (wall > 3.0 or rss > 300):
                failed = True
    print("target for a first import: ≤ 3 s and ≤ 300 MB —", "MISSED" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
