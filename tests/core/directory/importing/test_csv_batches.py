"""A CSV file's rows are read a batch at a time (csv_reader.BATCH), their cells looked at
at once for an export's apostrophe: each row, its line and its cells must be what reading
them one by one gives, and a broken row must end them where it starts, after the rows
before it (the Import dialog's preview of the first rows works whatever comes later)."""

from __future__ import annotations

import csv
import io
import tempfile
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.formulas import unneutralise
from campaign_app.core.directory.importing import csv_reader, sources
from campaign_app.core.directory.importing.read import read_source

ROWS = [
    ["p-1", "Anna", "Novák"],
    ["p-2", "'=1+1", "'tis"],  # an export's apostrophe taken off; a word's kept
    ["", "", ""],  # no cells: no row
    ["p-3", "Two\nlines", "Ward"],
    ["p-4", "Léa", "'-12"],
    ["p-5", "Jan", "Dupont"],
    ["p-6", "Rasa", "'@SUM(1)"],
]
EXPECTED = [
    (2, ["p-1", "Anna", "Novák"]),
    (3, ["p-2", "=1+1", "'tis"]),
    (5, ["p-3", "Two\nlines", "Ward"]),
    (7, ["p-4", "Léa", "'-12"]),  # a negative number is no formula: kept
    (8, ["p-5", "Jan", "Dupont"]),
    (9, ["p-6", "Rasa", "@SUM(1)"]),
]


def _file(tmp_path, rows, tail=""):
    def cell(text):
        return f'"{text}"' if "\n" in text else text

    text = "id,given_name,family_name\r\n" + "".join(",".join(map(cell, r)) + "\r\n" for r in rows)
    path = tmp_path / "list.csv"
    path.write_bytes((text + tail).encode("utf-8"))
    return path


@pytest.mark.parametrize("batch", [1, 2, 3, 512])
def test_rows_read_in_batches_are_the_rows_one_by_one(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(csv_reader, "BATCH", batch)
    path = _file(tmp_path, ROWS)
    assert list(read_source(path).rows()) == EXPECTED
    assert list(read_source(path, once=True).rows()) == EXPECTED


@pytest.mark.parametrize("batch", [1, 2, 4, 512])
def test_a_broken_row_ends_the_rows_after_those_before_it(tmp_path, monkeypatch, batch):
    monkeypatch.setattr(csv_reader, "BATCH", batch)
    path = _file(tmp_path, ROWS, tail='p-7,"Open,quote\r\np-8,Bea,Nowak\r\n')
    rows = read_source(path).rows()
    assert list(islice(rows, 3)) == EXPECTED[:3]  # a preview of the first rows
    got = []
    with pytest.raises(UserError) as caught:
        got.extend(rows)
    assert got == EXPECTED[3:]
    assert caught.value.where is not None and caught.value.where.line == 10


def _one_by_one(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], int | None]:
    """The rows as the reader gave them before it read a batch at a time: one by one, each
    at the line the reader had reached, blank ones left out, every cell unneutralised; and
    the line a broken row starts on (None: none)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)
    line = reader.line_num + 1
    rows = []
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if any(cells):
                rows.append((start, [unneutralise(cell) for cell in cells]))
    except csv.Error:
        return rows, line
    return rows, None


# pieces of a CSV's text: quotes opened and closed (or not), the three line ends, blank
# lines, apostrophes starting cells or not, delimiters
_PIECES = ["a", "é", "'", "'=1", "=", " ", '"', '""', ",", ";", "\r\n", "\n", "\r", '"x\r\ny"', '"\n"']


@settings(max_examples=300, deadline=None)
@example(
    0, ["a", "'", ",", "'=1"], 512, 1
)  # an apostrophe inside a cell, then one starting a cell: past LOOKED
@given(
    st.integers(0, 1300),
    st.lists(st.sampled_from(_PIECES), max_size=60),
    st.sampled_from([1, 2, 3, 512]),
    st.sampled_from([1, 2, 1000]),
)
def test_rows_and_lines_are_those_read_one_by_one(padding, pieces, batch, looked):
    """Whatever the line ends, quotes, apostrophes and blank rows (a batch of records a
    line each or not, a broken row anywhere, past the text reader's first 8 KB or not),
    each row, its line and the broken row's line are what reading the rows one by one
    gives."""
    text = "id,name,x\r\n" + "p,q,r\r\n" * padding + "".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(text.encode("utf-8"))
        saved = csv_reader.BATCH, csv_reader.LOOKED
        csv_reader.BATCH, csv_reader.LOOKED = (
            batch,
            looked,
        )  # apostrophes looked at before one is taken to start a cell
        try:
            source = read_source(path)
            got: list = []
            line = None
            try:
                got.extend(source.rows())
            except UserError as error:
                assert error.where is not None
                line = error.where.line
        finally:
            csv_reader.BATCH, csv_reader.LOOKED = saved
    assert (got, line) == _one_by_one(text, source.delimiter or ",")


def test_a_row_past_the_limit_is_refused_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "IMPORT_ROWS", 5)
    path = _file(tmp_path, ROWS)  # 6 rows
    rows = read_source(path).rows()
    assert list(islice(rows, 5)) == EXPECTED[:5]
    with pytest.raises(UserError, match="too many") as caught:
        next(rows)
    assert caught.value.where is not None and caught.value.where.line == 9
    monkeypatch.setattr(sources, "IMPORT_ROWS", 6)
    assert list(read_source(path).rows()) == EXPECTED
