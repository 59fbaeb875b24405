"""The European Parliament's open-data extract in tests/data, read here independently of the
importer, so that the import tests (command line and dialog) count what to expect from the
file itself instead of trusting the numbers the importer prints."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urlsplit

# Inside the repository: a fresh clone runs these tests with nothing beside it.
EP_CSV = Path(__file__).resolve().parent / "data" / "data_v1_meps_9_en.csv"


def ep_rows() -> list[tuple[int, dict[str, str]]]:
    """(line, row) of the file, as Windows-1252."""
    text = EP_CSV.read_bytes().decode("cp1252")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    out = []
    line = 2
    for row in reader:
        out.append((line, row))
        line = reader.line_num + 1
    return out


def ep_line(ep_id: str) -> int:
    """The line of the member with this EP id."""
    (line,) = [n for n, row in ep_rows() if row["mep_identifier"] == ep_id]
    return line


def _homepage_tld(row: dict[str, str]) -> str:
    host = urlsplit(row["mep_homepage"].split(";")[0].strip()).hostname or ""
    return host.rsplit(".", 1)[-1]


def ep_distrusted() -> dict[str, set[int]]:
    """Lines an importer must not take as they are: names with letters lost to '?', no
    e-mail, and Spanish and Estonian members swapped (caught by their homepage's domain)."""
    rows = ep_rows()
    return {
        "lost": {n for n, r in rows if "?" in r["mep_given_name"] + r["mep_family_name"]},
        "no_mail": {n for n, r in rows if not r["mep_email"].strip()},
        "swapped": {
            n
            for n, r in rows
            if (r["mep_citizenship"], _homepage_tld(r)) in {("Estonia", "es"), ("Spain", "ee")}
        },
    }
