"""What `recipients import` writes and says, in 22 scenarios, for comparing two versions
of the code: a change that makes the import faster must leave both alone, byte for byte.

Each scenario builds a source file (generated like bench_import.py's, or messy: bad
e-mails, repeated ids, lost letters, formulas, control characters, odd dates, people the
example directory has) and a workspace (empty, or a copy of the checkout's example), runs
the command in a fresh process with TREE's code, and keeps its exit status, its output
and every file it wrote under OUTDIR (the scenario's digest in OUTDIR/<scenario>.txt).

Usage (run it from outside both checkouts: a child started in one imports its code):
    python bench/import_scenarios.py /path/to/main-checkout /tmp/out-main
    python bench/import_scenarios.py /path/to/this-checkout /tmp/out-new
    diff -r /tmp/out-main /tmp/out-new
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import bench_import as B

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the tests' messy cells
import messy_cells as M

TREE, OUT = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
WORK = OUT.parent / (OUT.name + "-run")
REPO = TREE  # the checkout's example campaign: campaign.yaml, cases, templates, recipients
PY = sys.executable

# The tests' messy cells (tests/messy_cells.py), and a few more of the bench's own.
HEADER = M.HEADER
IDS = [*M.IDS, "mep-124963", "x-1", "x-2", "x-1-2"]
GIVEN = [*M.GIVEN, "Julie", "Anna  Maria"]
FAMILY = [*M.FAMILY, "WARD", "Ward ", "van  Dyk"]
COUNTRY = [*M.COUNTRY, "GB"]
EMAIL = [
    *M.EMAIL,
    "Q@Example.org",
    "julie.ward@europarl.europa.eu",
    "a..b@example.org",
    '"quoted"@example.org',
    "x@[127.0.0.1]",
    "MAILTO:z@example.org",
]
LISTS = [
    IDS,
    M.TITLES,
    GIVEN,
    FAMILY,
    M.SEX,
    COUNTRY,
    M.LANGUAGE,
    EMAIL,
    M.ORG,
    M.POSITION,
    M.DATES,
    M.WEB,
    M.NOTES,
    M.CATEGORY,
]


GOOD = [
    "",
    "Mr",
    "Anna",
    "Novák",
    "f",
    "SK",
    "en",
    "",
    "Helsinki Group",
    "Member",
    "2024-09-23",
    "",
    "",
    "ngo",
]


def messy(path, n, seed, delimiter=",", encoding="utf-8", unique_share=0.7, bad=1.0):
    rnd = random.Random(seed)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(HEADER)
    for i in range(n):
        row = [rnd.choice(v) if rnd.random() < bad else g for v, g in zip(LISTS, GOOD, strict=True)]
        if rnd.random() < unique_share:  # mostly distinct people, some repeats
            k = rnd.randrange(n)
            row[0] = rnd.choice(["", f"id-{k}", f"id-{k}", row[0]])
            row[3] = f"{row[3]}{k}" if rnd.random() < 0.8 else row[3]
            if rnd.random() < 0.8:
                row[7] = rnd.choice(
                    [
                        f"p{k}@example.org",
                        f"P{k}@Example.org",
                        f"mailto:p{k}@example.org; q{k}@europarl.europa.eu",
                        row[7],
                    ]
                )
        if i % 50 == 0:
            w.writerow([""] * len(HEADER))
        w.writerow(row)
    path.write_bytes(buf.getvalue().encode(encoding, "replace"))


def bench_like(path, n, encoding="utf-8", seed=1, dup_every=0, no_id=False):
    B.write_source(path, n, encoding, seed)
    if dup_every or no_id:
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline=""), delimiter=";"))
        out = [rows[0]]
        rnd = random.Random(seed)
        for i, r in enumerate(rows[1:], 1):
            out.append(r)
            if dup_every and i % dup_every == 0:
                src = list(rows[rnd.randrange(1, len(rows))])
                kind = i // dup_every % 4
                if kind == 0:
                    src[0] = str(100000 + i)  # same e-mail, other id
                elif kind == 1:
                    src[6] = f"other{i}@example.org"  # same name+org, other e-mail, other id
                    src[0] = str(200000 + i)
                elif kind == 2:
                    src[2] = "Zed"  # same id, other name & e-mail
                    src[6] = f"zed{i}@example.org"
                else:
                    src[8] = "Changed job"  # same everything, a different field
                out.append(src)
        if no_id:
            out = [r[1:] for r in out]
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(out)
        path.write_bytes(buf.getvalue().encode(encoding))


def example_ws(ws):
    ws.mkdir(parents=True)
    for name in ("campaign.yaml", "cases", "letter_templates", "recipients"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, ws / name)


def empty_ws(ws):
    subprocess.run(
        [
            PY,
            "-c",
            "import sys; from pathlib import Path;"
            " from campaign_app.core.campaign.creation import init_empty_workspace as i;"
            " i(Path(sys.argv[1]))",
            str(ws),
        ],
        check=True,
        env={**os.environ, "PYTHONPATH": str(TREE)},
        cwd="/tmp",
    )


RUNNER = "import sys\nfrom campaign_app.cli.main import main\nraise SystemExit(main(sys.argv[1:]))"


def run(d, *args):
    env = {**os.environ, "PYTHONPATH": str(TREE), "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [PY, "-c", RUNNER, "recipients", "import", *args], cwd=d, capture_output=True, env=env
    )
    return done


def scenario(name, make_source, make_ws, *args, twice=None):
    d = WORK / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    src = make_source(d)
    ws = d / "ws"
    make_ws(ws)
    results = [run(d, str(src), "-w", "ws", *args)]
    if twice is not None:
        src2 = twice(d)
        results.append(run(d, str(src2), "-w", "ws", *args))
    lines = []
    for done in results:
        lines.append(f"exit {done.returncode}")
        lines.append("--- stdout\n" + done.stdout.decode("utf-8", "replace").replace(str(d), "D"))
        lines.append("--- stderr\n" + done.stderr.decode("utf-8", "replace").replace(str(d), "D"))
    for p in sorted(d.rglob("*")):
        if (p.is_file() and "ws/recipients" in str(p)) or p.name.startswith("rej"):
            data = p.read_bytes()
            lines.append(f"file {p.relative_to(d)} {len(data)} {hashlib.sha256(data).hexdigest()}")
            shutil.copy(p, OUT / f"{name}--{p.name}")
    text = "\n".join(lines)
    (OUT / f"{name}.txt").write_text(text)
    print(name, hashlib.sha256(text.encode()).hexdigest()[:16], [r.returncode for r in results], flush=True)


def made(name: str, make, *args, **options):
    """A scenario's source: ``make(folder / name, *args, **options)``, its path."""

    def build(folder: Path) -> Path:
        make(folder / name, *args, **options)
        return folder / name

    return build


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ngo = ("--category", "ngo")
    scenario("bench-utf8", made("l.csv", bench_like, 3000), empty_ws, *ngo)
    scenario("bench-cp1252", made("l.csv", bench_like, 3000, "cp1252"), empty_ws, *ngo)
    dups = made("l.csv", bench_like, 3000, dup_every=7)
    scenario("bench-dups", dups, empty_ws, *ngo, "--rejects", "rej.csv")
    dups2 = made("l.csv", bench_like, 3000, dup_every=5, seed=2)
    scenario("bench-dups-update", dups2, empty_ws, *ngo, "--update")
    scenario("bench-noid", made("l.csv", bench_like, 2000, no_id=True, dup_every=9), empty_ws, *ngo)
    again = made("l2.csv", bench_like, 2500, dup_every=4, seed=1)
    scenario("bench-twice", made("l.csv", bench_like, 2000), empty_ws, *ngo, twice=again)
    again = made("l.csv", bench_like, 2500, dup_every=3, seed=1)
    scenario("bench-twice-update", made("l.csv", bench_like, 2000), empty_ws, *ngo, "--update", twice=again)
    few = made("l.csv", bench_like, 120, dup_every=6)  # a YAML file is written entry by entry: slow
    scenario("bench-yaml", few, empty_ws, *ngo, "--into", "people.yaml")
    into = made("l.csv", bench_like, 1500, dup_every=6)
    scenario("bench-into-meps", into, example_ws, "--category", "mep", "--into", "meps.csv")
    own = made("m.csv", lambda path: shutil.copy(REPO / "recipients/meps.csv", path))
    scenario("reimport-meps", own, example_ws, "--update")
    options = [
        ngo,
        ("--update", "--category", "mep"),
        ("--dry-run",),
        ("--keep-no-contact", *ngo, "--rejects", "rej.csv"),
        (),
    ]
    for seed, opts in enumerate(options, start=1):
        scenario(f"messy-{seed}", made("m.csv", messy, 4000, seed, ",;\t"[seed % 3]), example_ws, *opts)
    cp1252 = made("m.csv", messy, 3000, 6, ";", "cp1252", bad=0.1)
    scenario("messy-cp1252", cp1252, example_ws, *ngo, "--rejects", "rej.csv", "--encoding", "cp1252")
    scenario("light-1", made("m.csv", messy, 4000, 11, ",", bad=0.05), example_ws, *ngo)
    scenario("light-2", made("m.csv", messy, 4000, 12, ";", bad=0.03, unique_share=0.5), empty_ws, "--update")
    light3 = made("m.csv", messy, 4000, 13, ",", bad=0.08, unique_share=0.9)
    scenario("light-3", light3, example_ws, "--keep-no-contact", "--category", "mep")
    again = made("m2.csv", messy, 3000, 14, ",", bad=0.05)
    scenario("light-twice", made("m.csv", messy, 3000, 14, ",", bad=0.03), empty_ws, *ngo, twice=again)
    scenario("messy-empty", made("m.csv", messy, 3000, 7, ",", unique_share=0.95), empty_ws, *ngo)
    again = made("m2.csv", messy, 2000, 8, ",", unique_share=0.9)
    scenario("messy-twice", made("m.csv", messy, 2000, 8, ","), example_ws, *ngo, twice=again)


if __name__ == "__main__":
    main()
