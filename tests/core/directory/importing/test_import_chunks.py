"""A chunk's rows certainly new are added at once (importing/chunks.py); every other row,
and a row after one that changed the index, is taken row by row. What the import writes
and says must be what the plain row-by-row import writes and says, wherever in a chunk
the rows that meet the directory, or an earlier row, fall."""

from __future__ import annotations

import csv
import io
import random
import shutil

import pytest

from campaign_app.core.directory import importing
from campaign_app.core.directory.importing import columns as importing_columns
from campaign_app.core.directory.importing import rows as importing_rows

HEADER = ["ID", "First name", "Last name", "Country", "E-mail", "Organisation", "Notes"]
ORGS = ["European Parliament", "OHCHR", "Helsinki Group", ""]


def people(seed: int, count: int) -> str:
    """New people, mostly, and some rows that meet the directory (mini_ws's people.csv) or
    an earlier row: by id, by e-mail, by name within the organisation; some with an earlier
    row's name in another organisation; some unreachable."""
    rnd = random.Random(seed)
    rows: list[list[str]] = []
    for n in range(count):
        row = [f"p-{n}", rnd.choice(["Anna", "Jan", "Léa"]), f"Novák{n}", "SK", f"p{n}@example.org"]
        row += [rnd.choice(ORGS), rnd.choice(["", "", "two\nlines"])]
        kind = rnd.randrange(12)
        if kind == 0 and rows:  # an earlier row's e-mail, another id
            row[4] = rnd.choice(rows)[4].upper()
        elif kind == 1 and rows:  # an earlier row's name and organisation
            earlier = rnd.choice(rows)
            row[1], row[2], row[5] = earlier[1], earlier[2], earlier[5]
        elif kind == 2 and rows:  # an earlier row's id, someone else
            row[0] = rnd.choice(rows)[0]
        elif kind == 3:  # the directory's
            row[0], row[1], row[2], row[4] = rnd.choice(
                [
                    ("mep-1", "Michal", "Šimečka", "x@example.org"),
                    ("q-1", "Rasa", "Juknevičienė", "rasa.jukneviciene@europarl.europa.eu"),
                    ("mep-2", "Zed", "Zedson", "z@example.org"),
                ]
            )
            row[5] = "European Parliament"
        elif kind == 4:  # no way to reach them
            row[4] = ""
        elif kind == 5:  # the id a later row is given when its own is taken
            row[0] = f"p-{rnd.randrange(count)}-2"
        elif kind == 6 and rows:  # an earlier row's name in another organisation: someone else
            earlier = rnd.choice(rows)
            row[1], row[2] = earlier[1], earlier[2]
            row[5] = next(org for org in ORGS if org != earlier[5])
        rows.append(row)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("chunk", [1, 5, 64, 512])
@pytest.mark.parametrize("options", [("--category", "ngo"), ("--category", "ngo", "--update")])
def test_chunks_decide_rows_as_the_plain_import_does(mini_ws, cli, tmp_path, seed, chunk, options):
    source = tmp_path / "list.csv"
    source.write_text(people(seed, 300), encoding="utf-8")
    results = []
    for fast in (True, False):
        root = tmp_path / f"ws-{fast}"
        shutil.copytree(mini_ws.root, root)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(importing, "CHUNK", chunk)
            patch.setattr(importing_columns, "SHARED", 512)
            patch.setattr(importing_rows.RowPlanner, "fast_paths", fast)
            result = cli("recipients", "import", source, "-w", root, *options)
        written = {p.name: p.read_bytes() for p in sorted((root / "recipients").iterdir())}
        out = result.out.replace(str(root), "WS").replace(root.name, "WS")
        results.append((result.code, out, result.err.replace(str(root), "WS"), written))
    assert results[0] == results[1]
    assert results[0][0] == 0
    assert "repeated an earlier row" in results[0][1]
