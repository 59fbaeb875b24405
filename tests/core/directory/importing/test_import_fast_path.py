"""A large import takes faster paths (cells cleaned and records checked column by column,
records checked without a Recipient, new rows written column by column); what it writes
and says must stay exactly what the plain row-by-row import writes and says.

Each example imports the same generated, messy spreadsheet export (bad e-mails, repeated
ids, blank cells, odd dates, lost letters, multi-line cells, control characters, people the
directory has) into two copies of a workspace: once as the command runs, once with every
fast path off.
The exit status, every line printed and every directory file must be the same.
"""

from __future__ import annotations

import csv
import io
import shutil
from itertools import compress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from messy_cells import (
    CATEGORY,
    COUNTRY,
    DATES,
    EMAIL,
    FAMILY,
    GIVEN,
    HEADER,
    IDS,
    LANGUAGE,
    NOTES,
    ORG,
    POSITION,
    SEX,
    TITLES,
    WEB,
)

from campaign_app.core.directory import importing
from campaign_app.core.directory.importing import columns as importing_columns
from campaign_app.core.directory.importing import edits as importing_edits
from campaign_app.core.directory.importing import rows as importing_rows
from campaign_app.core.directory.importing.convert import RowConverter
from campaign_app.core.directory.importing.edits import CsvEdit
from campaign_app.core.directory.importing.merge import Entry
from campaign_app.core.directory.importing.rows import validated_values

row = st.tuples(*(st.sampled_from(v) for v in (IDS, TITLES, GIVEN, FAMILY, SEX, COUNTRY)))
# addresses validation gives otherwise (the domain's capitals), countries in any case
ODD_EMAIL = [*EMAIL, "Ana@Example.ORG", "mailto:B.c@EXAMPLE.org", "ž@Ex.SK"]
row3 = st.tuples(
    *(st.sampled_from(v) for v in (LANGUAGE, ODD_EMAIL, ORG, POSITION, DATES, WEB, NOTES, CATEGORY))
)
rows3 = st.lists(st.tuples(row, row3).map(lambda pair: [*pair[0], *pair[1]]), min_size=1, max_size=40)


def spreadsheet(cells: list[list[str]], delimiter: str, blank_every: int) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i, line in enumerate(cells, start=1):
        writer.writerow(line)
        if blank_every and i % blank_every == 0:
            writer.writerow([""] * len(HEADER))  # a blank row: no entry
    return buf.getvalue()


def run_import(cli, root, source, fast: bool, *options: str, chunk: int = 512, shared: int = 512):
    """The import's exit status, output and directory files; ``fast`` False: row by row.
    Small ``chunk`` and ``shared`` sizes make a few rows go in several chunks, and columns
    run out of their distinct values kept."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing, "CHUNK", chunk)
        patch.setattr(importing_columns, "SHARED", shared)
        if not fast:
            patch.setattr(importing_rows.RowPlanner, "fast_paths", False)
        result = cli("recipients", "import", source, "-w", root, *options)
    written = {p.name: p.read_bytes() for p in sorted((root / "recipients").iterdir())}
    shown = (str(root), root.name)  # the workspace's own name: ws-True or ws-False
    out, err = result.out, result.err
    for name in shown:
        out, err = out.replace(name, "WS"), err.replace(name, "WS")
    return result.code, out, err, written


def imported_both_ways(mini_ws, cli, tmp_path, rows, chunk):
    """``rows`` imported into copies of the workspace by the fast path and row by row (chunks
    of ``chunk``): what each said and wrote, the same for both."""
    source = tmp_path / "list.csv"
    source.write_text(spreadsheet(rows, ";", 0), encoding="utf-8")
    results = []
    for fast in (True, False):
        root = tmp_path / f"ws-{fast}"
        shutil.copytree(mini_ws.root, root)
        results.append(run_import(cli, root, source, fast, chunk=chunk))
    assert results[0] == results[1]
    return results[0]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=rows3,  # with the addresses and countries written otherwise than validation gives them
    delimiter=st.sampled_from([",", ";", "\t"]),
    blank_every=st.integers(0, 5),
    options=st.sampled_from(
        [
            (),
            ("--category", "ngo"),
            ("--update", "--category", "mep"),
            ("--dry-run",),
            ("--category", "ngo", "--into", "people.yaml"),  # the values' order written
        ]
    ),
    chunk=st.sampled_from([1, 2, 3, 7, 512]),
    shared=st.sampled_from([1, 2, 5, 512]),
)
def test_the_fast_import_writes_and_says_what_the_plain_one_does(
    mini_ws, cli, tmp_path, cells, delimiter, blank_every, options, chunk, shared
):
    source = tmp_path / "list.csv"
    source.write_text(spreadsheet(cells, delimiter, blank_every), encoding="utf-8")
    results = []
    for fast in (True, False):
        root = tmp_path / f"ws-{fast}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(mini_ws.root, root)
        results.append(run_import(cli, root, source, fast, *options, chunk=chunk, shared=shared))
    assert results[0] == results[1]


# Rows the fast path takes whole chunks of: every id an id, every category known (the
# --category option's where the cell is blank), and most rows valid, so that most are new
# people made from their chunk's columns (the rows above are nearly all faulty somewhere);
# their addresses often written otherwise than validation gives them, and the directory's
# own people (by address, by name within their organisation) under new ids.
GOOD_IDS = ["p-1", "p-2", "p-3", "p-4", "p-5", "x-9", "mep-1", "ua-president"]
OFTEN_ODD = [*ODD_EMAIL[2:], *ODD_EMAIL[-3:] * 4, *["michal.simecka@europarl.europa.eu"] * 2]
row_ok = st.tuples(
    *(
        st.sampled_from(v)
        for v in (
            GOOD_IDS,
            TITLES,
            ["Michal", "Rasa", "MARIE", "José", " Anna ", "Jo?n", "Michal"],
            ["Šimečka", "Juknevičienė", "DUPONT", "Novák", "Ward", "Šimečka"],
            ["", "m", "F", "male"],
            ["", "Slovakia", "SK", "sk", "DE", "Lithuania", "Czech Republic", "UA", "XX"],
        )
    )
)
row3_ok = st.tuples(
    *(
        st.sampled_from(v)
        for v in (
            ["", "en", "uk", "fr"],
            OFTEN_ODD,
            ["", "European Parliament", "OHCHR", "EUROPEAN PARLIAMENT", "European Parliament"],
            ["", "Member", "Special Rapporteur on torture"],
            ["", "2024-09-23", "23.09.2024"],
            ["", "https://example.org/form"],
            ["", "Met at the hearing; follow up, please", "two\nlines", "=1+1"],
            ["", "mep", "NGO"],
        )
    )
)
rows_ok = st.lists(st.tuples(row_ok, row3_ok).map(lambda pair: [*pair[0], *pair[1]]), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=rows_ok, chunk=st.sampled_from([1, 2, 3, 7, 512]), shared=st.sampled_from([1, 2, 512]))
def test_chunks_the_fast_path_takes_whole_are_written_as_the_plain_import_writes_them(
    mini_ws, cli, tmp_path, cells, chunk, shared
):
    """Chunks whose every row has an id and a category, so that their new people are made
    from the chunk's columns (the e-mail and the country as validation gives them, where
    that differs from the cell: ``Ana@Example.ORG``, ``sk``); the same as row by row."""
    source = tmp_path / "list.csv"
    source.write_text(spreadsheet(cells, ";", 0), encoding="utf-8")
    results = []
    for fast in (True, False):
        root = tmp_path / f"ws-{fast}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(mini_ws.root, root)
        results.append(run_import(cli, root, source, fast, "--category", "ngo", chunk=chunk, shared=shared))
    assert results[0] == results[1]


@settings(max_examples=80, deadline=None)
@given(cells=rows3, category=st.sampled_from([None, "ngo", ""]))
def test_a_chunk_s_new_entries_values_are_each_record_s_validated_values(cells, category):
    """The values a row certainly valid is added with, made from its chunk's columns
    (ConvertedChunk.new_values), are what validated_values makes of the row's own record, field
    for field and in the same order, with the same e-mail and country."""
    mapping = importing.guess_mapping(HEADER)
    converter = importing_columns.ColumnConverter(RowConverter(mapping, HEADER, category=category))
    chunk = converter.convert(cells)
    assert chunk is not None
    checks = chunk.checks
    if checks is None:
        return  # no row is certainly valid: each row's record is checked by the planner
    valid = [n not in checks.faulty for n in range(len(cells))]
    block = chunk.new_values(valid)
    assert block is not None
    made = block.records()
    expected = []
    for n in compress(range(len(cells)), valid):
        record = dict(chunk.one(n).record)
        record.setdefault("id", "")  # validated_values takes the id away
        expected.append(validated_values(record, checks.emails[n], checks.countries[n]))
    assert [list(v.items()) for v in made] == [list(v.items()) for v in expected]


def test_a_row_with_everything_wrong_is_reported_the_same_way(mini_ws, cli, tmp_path):
    """One row the fast check must hand to parse_recipient: its messages at file:row:column."""
    source = tmp_path / "list.csv"
    source.write_text(
        spreadsheet(
            [
                [
                    "p 3",
                    "",
                    "Ana",
                    "Novák",
                    "robot",
                    "SK",
                    "klingon",
                    "bad@",
                    "",
                    "",
                    "yesterday",
                    "ftp://x",
                    "",
                ]
            ],
            ",",
            0,
        ),
        encoding="utf-8",
    )
    fast = run_import(cli, mini_ws.root, source, True, "--category", "ngo")
    assert fast[0] == 0
    assert "list.csv:2:5: gender 'robot' is not f, m or empty" in fast[1] + fast[2]
    assert "list.csv:2:11: verified_on 'yesterday' is not a date" in fast[1] + fast[2]


@pytest.mark.parametrize("chunk", [2, 512])
def test_addresses_and_countries_are_checked_as_the_plain_import_checks_them(mini_ws, cli, tmp_path, chunk):
    """The trust checks look only at the rows that may have something to find: one plain
    address whose domain names a country (against the row's), two addresses, another
    shape; what they find and the count of rows with several addresses are the plain
    import's."""
    cells = [
        ("DE", "a@y.sk"),  # a clash
        ("SK", "b@y.sk"),
        ("SK", "c@europarl.europa.eu"),
        ("SK", "mailto:d@y.de; mailto:d@europarl.europa.eu"),  # two, the second kept
        ("DE", "mailto:e@y.sk; mailto:e@example.org"),  # two, the first kept: a clash
        ("", "f@y.de"),
        ("Slovakia", "Gia <g@y.de>, h@example.org"),  # another shape, read by the slow steps
        ("Narnia", "i@y.sk"),  # a country refused
        ("SK", ""),
        ("SK", "j@example.org"),
        ("SK", "mailto:k@y.sk; mailto:k@europarl.europa.eu"),  # two, no clash: added
    ]
    rows = [
        [f"p-{n}", "", "Ana", f"Novák{n}", "", country, "", email, "", "", "", "", "", "ngo"]
        for n, (country, email) in enumerate(cells)
    ]
    _code, out, err, *_rest = imported_both_ways(mini_ws, cli, tmp_path, rows, chunk)
    said = out + err
    assert "contradicts" in said and "several e-mail addresses" in said


@pytest.mark.parametrize("chunk", [1, 2, 3, 512])
def test_a_memo_s_odd_value_is_looked_at_in_every_chunk_it_comes_in(mini_ws, cli, tmp_path, chunk):
    """A column made of the values its memo keeps is only looked at while the memo holds a
    value the looks would find something in: a control character, a code the directory
    refuses, a '?', a formula's start, coming after chunks of plain values or in the first."""
    odd = [
        ("Ol\x1b[8mena", "", "", ""),  # a control character in a given name
        ("Ana", "robot", "", ""),  # a gender the directory refuses
        ("Jo?n", "", "", ""),  # letters lost
        ("Ana", "", "=1+1", ""),  # an office that runs as a formula
        ("Ana", "", "", "ring\x07"),  # a control character in the notes
    ]
    people = [("Ana", "m", "Member", "")] * 5 + odd + [("Ana", "f", "Member", "")] * 3 + odd
    rows = [
        [f"p-{n}", "", given, f"Novák{n}", sex, "SK", "", f"p{n}@example.org", "", job, "", "", notes, "ngo"]
        for n, (given, sex, job, notes) in enumerate(people)
    ]
    _code, out, err, *_rest = imported_both_ways(mini_ws, cli, tmp_path, rows, chunk)
    said = out + err
    assert "U+001B" in said and "U+0007" in said and "robot" in said and "formula" in said


@pytest.mark.parametrize("odd", ["p-4\nx", "p-5\n", " p-6", "p 7", ""])
def test_a_chunk_of_ids_is_taken_as_it_is_only_when_each_is_an_id(mini_ws, cli, tmp_path, odd):
    """A chunk whose id cells are all ids is taken as it is; an id with a line break, a
    space or none among them is cleaned (renamed, with its note) as the plain import does."""
    people = [("mep-1", "Ana", "ana"), (odd, "Bea", "bea"), ("sr-1", "Cyd", "cyd")]
    rows = [
        [rid, "", g, "Novák", "", "SK", "", f"{m}@example.org", "", "", "", "", "", "ngo"]
        for rid, g, m in people
    ]
    code, *_said = imported_both_ways(mini_ws, cli, tmp_path, rows, 512)
    assert code == 0


CELL = st.text(alphabet=st.sampled_from(list("ab ;,\"\t\r\n'=é")), max_size=5)
VALUES = st.dictionaries(
    st.sampled_from(["category", "given_name", "family_name", "notes", "tags", "country"]),
    st.one_of(CELL, st.lists(CELL.filter(bool), max_size=3).map(tuple)),
)
EXISTING = ["", "id,category,given_name\r\nx-1,ngo,Anna\r\n", "id;family_name\nx-1;Nowak\n"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    new=st.lists(st.tuples(st.sampled_from(["", "a-1", "b;2"]), VALUES), max_size=12),
    existing=st.sampled_from(EXISTING),
    at_once=st.sampled_from([1, 5, 2000]),
)
def test_new_rows_written_column_by_column_are_what_csv_writer_writes_row_by_row(
    tmp_path, new, existing, at_once
):
    """New entries (and records without an id) appended to a directory CSV, new or not:
    the bytes are those of each row written by csv.writer in the file's own dialect."""
    path = tmp_path / "people.csv"
    path.unlink(missing_ok=True)
    if existing:
        path.write_bytes(existing.encode("utf-8"))
    edit = CsvEdit(path, bool(existing))
    edit.append_entries([Entry(rid, values, None) for rid, values in new if rid])
    edit.append(values for rid, values in new if not rid)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing_edits, "WRITTEN_AT_ONCE", at_once)
        written = edit.render()
    delimiter, terminator = (";", "\n") if ";" in existing else (",", "\r\n")
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, delimiter=delimiter, lineterminator=terminator)
    if existing and not edit.header_grew:
        expected.write(existing)
    else:
        writer.writerow(edit.raw_header)
        expected.write(existing.partition(terminator)[2])
    appended = [(rid, v) for rid, v in new if rid] + [(None, v) for rid, v in new if not rid]
    for rid, values in appended:
        cells = [rid if name == "id" and rid else values.get(name, "") for name in edit.header]
        writer.writerow([";".join(c) if isinstance(c, tuple) else c for c in cells])
    assert written == expected.getvalue().encode("utf-8")
