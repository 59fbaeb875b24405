"""Reading a directory CSV column by column gives what reading it row by row gave.

The fast reading (core/directory/columns.py) must accept the same rows with the same
values, and report the same problems at the same row and column, as validating each row
with parse_recipient. Messy generated files (white space, lower-case countries, bad
addresses, multi-line postal addresses, CRLF, blank and short rows, repeated ids) are read
both ways.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import campaign_app.core.directory.cells as cells_module
from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path, flatten
from campaign_app.core.directory.load import load_directory, read_csv_records
from campaign_app.core.directory.validation import parse_recipient

HEADER = [
    "id",
    "category",
    "given_name",
    "family_name",
    "gender",
    "organisation",
    "country",
    "language",
    "email",
    "postal_address",
    "tags",
    "verified_on",
    "web_form",
]
CELLS = {
    "id": ["mep-{i}", "mep-{i}", " mep-{i} ", "bad id {i}", "", "mep-1"],
    "category": ["mep", "mep", "osce", "MEP", "bogus", ""],
    "given_name": ["Michal", " Anna ", "", "Łukasz", "Ann\u2028Marie"],
    "family_name": ["Šimečka", "Novák", "", "  "],
    "gender": ["", "m", "f", "", "F", " m ", "robot"],
    "organisation": ["", "", "European Parliament", "OSCE"],
    "country": ["DE", "sk", "", "XX", " ua "],
    "language": ["en", "", "uk", "zz-bad-tag!"],
    "email": [
        "m.{i}@europarl.europa.eu",
        "",
        "Info@osce.org",
        "x.{i}@EXAMPLE.org",
        "bad@",
        " a.{i}@osce.org ",
    ],
    "postal_address": ["", "Rue Wiertz 60\n1047 Brussels", "Kyiv\r\nUkraine"],
    "tags": ["", "droi; supporter", " ; ", "droi"],
    "verified_on": ["2024-01-02", "", "2024-13-01"],
    "web_form": ["", "https://example.org/form", "not a url"],
}


def messy_csv(path, rows: int, seed: int, crlf: bool | str = False, vocabulary=None) -> None:
    vocabulary = vocabulary or CELLS
    rnd = random.Random(seed)
    lines = [",".join(HEADER)]
    for i in range(rows):
        roll = rnd.random()
        if roll < 0.03:
            lines.append("")  # a blank line
            continue
        if roll < 0.05:
            lines.append(f"short-{i},mep,Ann")  # a short row
            continue
        cells = []
        for name in HEADER:
            value = rnd.choice(vocabulary[name]).format(i=i)
            cells.append(
                '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r;') else value
            )
        lines.append(",".join(cells))
    end = crlf if isinstance(crlf, str) else "\r\n" if crlf else "\n"
    path.write_bytes((end.join(lines) + end).encode("utf-8"))


def row_by_row(paths):
    """The directory as validating each row with parse_recipient reads it."""
    problems, kept, seen = [], [], {}
    for path in paths:
        for record, line, columns in read_csv_records(path):

            def locate(name, line=line, columns=columns, path=path):
                return Location(display_path(path), line, columns.get(name))

            recipient, errors = parse_recipient(record, locate)
            problems.extend(str(e) for e in errors)
            if recipient is None:
                continue
            if recipient.id in seen:
                problems.append(
                    f"{display_path(path)}:{line}: id '{recipient.id}' is already used at {seen[recipient.id]} — give each recipient its own id"
                )
                continue
            seen[recipient.id] = f"{display_path(path)}:{line}"
            kept.append((recipient.record(), str(recipient.origin)))
    return kept, sorted(problems)


def by_columns(paths):
    try:
        directory = load_directory(paths)
    except (UserError, UserErrors) as exc:
        return None, sorted(str(e) for e in flatten(exc))
    return [(r.record(), str(r.origin)) for r in directory], []


@pytest.mark.parametrize(("seed", "crlf"), [(1, False), (2, True), (3, False), (4, True), (5, "\r")])
def test_a_messy_file_reads_the_same_both_ways(tmp_path, seed, crlf):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    messy_csv(a, 300, seed, crlf)
    messy_csv(b, 40, seed + 100)  # ids repeated across the files too
    _kept, problems = row_by_row([a, b])
    assert problems  # the vocabulary makes mistakes: they must be found
    _got, got_problems = by_columns([a, b])
    assert got_problems == problems


@pytest.mark.parametrize("crlf", [False, True])
def test_a_clean_file_gives_the_same_recipients_both_ways(tmp_path, crlf):
    bad = {
        "bad id {i}",
        "",
        "MEP",
        "bogus",
        "XX",
        "zz-bad-tag!",
        "bad@",
        "2024-13-01",
        "not a url",
        "mep-1",
        "robot",
        "F",
    }
    bad.add("Ann\u2028Marie")  # a line separator: refused (its line is found right in the messy files)
    cells = {name: [v for v in values if v not in bad] or [""] for name, values in CELLS.items()}
    cells["family_name"] = ["Šimečka", "Novák"]
    path = tmp_path / "clean.csv"
    messy_csv(path, 500, 9, crlf, cells)
    kept, problems = row_by_row([path])
    got, got_problems = by_columns([path])
    assert problems == got_problems == []
    assert got == kept
    assert any("\n" in record["postal_address"] for record, _ in got)  # multi-line cells, lines still right


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    rows=st.integers(0, 120),
    chunk=st.integers(1, 40),
    shared=st.integers(0, 12),
    crlf=st.sampled_from([False, True, "\r"]),
    clean=st.booleans(),
)
def test_rows_read_a_chunk_at_a_time_read_as_row_by_row(seed, rows, chunk, shared, crlf, clean):
    """The cells are stripped a chunk of rows at a time, one string per distinct value until
    a column has many (core/directory/cells.py): with chunks and limits small enough to fall
    anywhere in a file, the recipients, their lines and every problem stay those of reading
    row by row."""
    cells = dict(CELLS)
    if clean:
        bad = {"bad id {i}", "", "MEP", "bogus", "XX", "zz-bad-tag!", "bad@", "2024-13-01", "not a url"}
        cells = {name: [v for v in values if v not in bad] or [""] for name, values in CELLS.items()}
        cells["id"] = ["mep-{i}", " mep-{i} "]
        cells["family_name"] = ["Šimečka", "Novák", " Ann{i} "]  # many distinct values: each cell's own
    saved = (cells_module.CHUNK, cells_module.SHARED)
    cells_module.CHUNK, cells_module.SHARED = chunk, shared
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "people.csv"
            messy_csv(path, rows, seed, crlf, cells)
            kept, problems = row_by_row([path])
            got, got_problems = by_columns([path])
    finally:
        cells_module.CHUNK, cells_module.SHARED = saved
    assert got_problems == problems
    if not problems:
        assert got == kept


@pytest.mark.parametrize(("seed", "crlf", "chunk", "shared"), [(11, False, 512, 512), (12, True, 7, 3)])
def test_control_characters_are_found_the_same_both_ways(tmp_path, monkeypatch, seed, crlf, chunk, shared):
    """A column holding an escape code, a bell or a bidirectional override in a few rows
    (marked a chunk at a time, once per value in a column of few), and a line break in a
    name: the same rows refused, with the same words, as validating row by row."""
    monkeypatch.setattr(cells_module, "CHUNK", chunk)
    monkeypatch.setattr(cells_module, "SHARED", shared)
    cells = {name: list(values) for name, values in CELLS.items()}
    cells["given_name"] += ["Ol\x1b[8mena", "Anna\tMaria"]
    cells["family_name"] += ["Two\nLines", "Ward\u202e"]
    cells["postal_address"] += ["Rue\x07 Wiertz", "Kyiv\tUkraine\nOK"]
    cells["tags"] += ["droi;\x9b"]
    path = tmp_path / "people.csv"
    messy_csv(path, 300, seed, crlf, cells)
    _kept, problems = row_by_row([path])
    assert any("U+001B" in p for p in problems) and any("U+000A" in p for p in problems)
    _got, got_problems = by_columns([path])
    assert got_problems == problems
