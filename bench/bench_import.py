"""Benchmark: ``campaign-app recipients import`` of a 100,000-row CSV beside ``pandas.read_csv``.

Builds a new empty workspace and a generated spreadsheet export in a temporary folder:
semicolon-delimited, header names in other spellings (``First name``, ``E-mail``…),
accented names, ``mailto:`` cells with two addresses, a few rows with letters lost to
``?`` and a few without any contact. Each round imports the file as the command a user
types, in a fresh process, into a new empty workspace, and reads the same file with
``pandas.read_csv`` in a fresh process (told the delimiter and the encoding, which it does
not detect), both from compiled modules as an installed copy starts (bench/bytecode.py);
the two alternate, round after round, so both see the same load, and the
medians are compared. Once in UTF-8, once in Windows-1252 (the encoding is detected).

Targets (issue 18): our wall time ≤ 2× pandas.read_csv's, the peak RSS of our process
tree ≤ 150 MB: the command's own peak plus its largest child's (``RUSAGE_CHILDREN``: a child
process reading or converting a part of the file counts too; a forked child's pages shared
with the command are counted twice, so this is an upper bound).

Usage:  pip install -e ".[bench]"; python bench/bench_import.py [--rows 100000] [--rounds 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import as_installed

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
from campaign_app.cli.main import run  # the console script's entry point, as a user types it
code = run()
elapsed = time.perf_counter() - t0
usage = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
print(f"@@ {code} {elapsed:.3f} {cpu:.3f} {usage.ru_maxrss + children.ru_maxrss}", file=sys.stderr)
"""

PANDAS = """
import sys, resource
import pandas
frame = pandas.read_csv(sys.argv[1], sep=";", encoding=sys.argv[2], dtype=str, keep_default_na=False)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(f"@@ {len(frame)} {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss}", file=sys.stderr)
"""


def _marker(done: subprocess.CompletedProcess) -> list[str]:
    marker = [ln for ln in done.stderr.splitlines() if ln.startswith("@@ ")]
    if done.returncode != 0 or not marker:
        sys.exit(f"failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return marker[-1].split()[1:]


def run_ours(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall time of the process, its CPU time and its children's, the peak RSS in MB of it
    and its largest child together, the report's result line)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, *args], cwd=cwd, capture_output=True, text=True, check=False, env=env
    )
    wall = time.perf_counter() - start
    code, _inside, cpu, rss_kb = _marker(done)
    if code != "0":
        sys.exit(f"import exited {code}:\n{done.stderr[-2000:]}")
    result = next((ln for ln in done.stdout.splitlines() if ln.startswith("Result: ")), "?")
    return wall, float(cpu), int(rss_kb) / 1024, result


def run_pandas(source: Path, encoding: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(wall time of a process reading the file with pandas.read_csv, its CPU time, peak RSS in MB)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PANDAS, str(source), encoding],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    wall = time.perf_counter() - start
    _rows, cpu, rss_kb = _marker(done)
    return wall, float(cpu), int(rss_kb) / 1024


def fresh_workspace(ws: Path) -> None:
    import shutil

    from campaign_app.core.campaign.creation import init_empty_workspace

    if ws.exists():
        shutil.rmtree(ws)
    init_empty_workspace(ws)


def load() -> str:
    try:
        import psutil

        return (
            "load average "
            + ", ".join(f"{x:.1f}" for x in psutil.getloadavg())
            + f" on {psutil.cpu_count()} cores"
        )
    except ImportError:
        return "load unknown (pip install -e '.[bench]')"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None, help="build in DIR and keep it")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{args.rows:,} rows, {args.rounds} interleaved rounds, in {folder}; {load()}")
    env = as_installed(folder / "bytecode")  # both start from compiled modules, as installed
    failed = False
    for encoding in ("utf-8", "cp1252"):
        source = folder / f"list-{encoding}.csv"
        write_source(source, args.rows, encoding)
        ws = folder / f"ws-{encoding}"
        ours, bare, rss, cpu, bare_cpu = [], [], [], [], []
        command = ["recipients", "import", str(source), "-w", str(ws), "--category", "ngo"]
        fresh_workspace(ws)  # an untimed first round compiles both sides' modules (bench/bytecode.py)
        run_ours(command, folder, env)
        run_pandas(source, encoding, env)
        for _round in range(args.rounds):
            fresh_workspace(ws)
            wall, used, peak, result = run_ours(command, folder, env)
            ours.append(wall)
            cpu.append(used)
            rss.append(peak)
            pandas_wall, pandas_cpu, _pandas_rss = run_pandas(source, encoding, env)
            bare.append(pandas_wall)
            bare_cpu.append(pandas_cpu)
        median = statistics.median
        ratio = median(ours) / median(bare)
        print(f"{encoding}: {result}")
        print(
            f"  import wall {median(ours):.2f} s (CPU {median(cpu):.2f} s) vs pandas.read_csv "
            f"{median(bare):.2f} s (CPU {median(bare_cpu):.2f} s): {ratio:.2f}× — target ≤ 2×"
            f" {'met' if ratio <= 2 else 'MISSED'}"
        )
        print(
            f"  import peak RSS (with its largest child's) {max(rss):.0f} MB — target ≤ 150 MB"
            f" {'met' if max(rss) <= 150 else 'MISSED'}"
        )
        failed |= ratio > 2 or max(rss) > 150
    print(f"after: {load()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
