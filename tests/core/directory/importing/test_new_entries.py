"""A chunk's new entries keep their values as the chunk's columns (NewValues, NewEntry) until
read: the dict a row's values are made on reading, the fields written and every cell written
from the columns must be what the dicts NewValues.records makes would give, and a
directory CSV written from such entries the bytes written from the dicts."""

from __future__ import annotations

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
from campaign_app.core.directory.importing.convert import RowConverter
from campaign_app.core.directory.importing.edits import CsvEdit
from campaign_app.core.directory.importing.merge import Entry
from campaign_app.core.directory.importing.new_entries import NewEntry
from campaign_app.core.directory.recipients import ALL_FIELDS

# each column's cells: mostly ones a valid row has (blank ones too), else the messy ones
GOOD = [
    ["p-1", "p-2", "mep-1"],
    ["", "Mr", "Dr"],
    ["Michal", "José", " Anna "],
    ["Novák", "Ward", "DUPONT"],
    ["", "male", "F", "x"],
    ["", "SK", "Slovakia"],
    ["", "en", "uk"],
    ["", "x@y.de", "p.1@europarl.europa.eu", "mailto:a.b@example.org; mailto:a.b@europarl.europa.eu"],
    ["", "OHCHR", "European Parliament"],
    ["", "Member"],
    ["", "2024-09-23"],
    ["", "https://example.org/form"],
    ["", "  ", "Met at the hearing; follow up, please"],
    ["", "mep", "NGO"],
]
MESSY = [
    IDS,
    TITLES,
    GIVEN,
    FAMILY,
    SEX,
    COUNTRY,
    LANGUAGE,
    EMAIL,
    ORG,
    POSITION,
    DATES,
    WEB,
    NOTES,
    CATEGORY,
]
row = st.tuples(
    *(st.sampled_from(good) | st.sampled_from(messy) for good, messy in zip(GOOD, MESSY, strict=True))
)
rows = st.lists(row.map(list), min_size=1, max_size=30)


def _chunk(cells, category):
    mapping = importing.guess_mapping(HEADER)
    converter = importing_columns.ColumnConverter(RowConverter(mapping, HEADER, category=category))
    chunk = converter.convert(cells)
    assert chunk is not None
    return chunk


@settings(max_examples=150, deadline=None)
@given(cells=rows, category=st.sampled_from([None, "ngo", ""]), picked=st.lists(st.booleans(), max_size=30))
def test_new_values_give_each_row_s_values_cells_and_fields_as_its_dict_would(cells, category, picked):
    chunk = _chunk(cells, category)
    if chunk.checks is None:
        return
    valid = [n not in chunk.checks.faulty for n in range(len(cells))]
    block = chunk.new_values(valid)
    made = None if block is None else block.records()
    if block is None:
        assert made is None
        return
    assert made is not None
    assert [list(block.record(n).items()) for n in range(len(made))] == [list(v.items()) for v in made]
    # some of the rows (in order, not all following each other), as a run of them is written
    some = list(compress(range(len(made)), picked + [True] * len(made))) if picked else list(range(len(made)))
    assert block.used(some) == {name for n in some for name in made[n]}
    for name in ALL_FIELDS:
        assert block.cells(name, some) == [made[n].get(name, "") for n in some]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=rows,
    category=st.sampled_from([None, "ngo"]),
    read=st.lists(st.sampled_from(["no", "read", "changed"]), max_size=30),
    plain_at=st.integers(0, 30),
    existing=st.booleans(),
)
def test_new_entries_written_from_their_columns_are_the_bytes_of_their_dicts(
    tmp_path, cells, category, read, plain_at, existing
):
    """Entries still columns, read (made a dict) or changed after, between entries of dicts:
    the CSV written is the one written from each entry's dict."""
    chunk = _chunk(cells, category)
    if chunk.checks is None:
        return
    valid = [n not in chunk.checks.faulty for n in range(len(cells))]
    block = chunk.new_values(valid)
    made = None if block is None else block.records()
    if block is None or made is None:
        return
    lazy = [NewEntry(f"id-{n}", block, n, n + 2, "en") for n in range(len(made))]
    plain = [Entry(f"id-{n}", dict(values), None, n + 2) for n, values in enumerate(made)]
    for entry, twin, how in zip(lazy, plain, read, strict=False):
        if how != "no":
            assert entry.values == twin.values
        if how == "changed":  # as a later row of the same person adds to it
            entry.values["given_name"] = twin.values["given_name"] = "Changed"
            entry.values["notes"] = twin.values["notes"] = "changed; here"
    other = Entry("other-1", {"category": "ngo", "given_name": "Ana", "tags": ("a", "b")}, None, 1)
    written = []
    for entries in (lazy, plain):
        path = tmp_path / f"{entries is lazy}.csv"
        path.unlink(missing_ok=True)
        if existing:
            path.write_bytes(b"id;category;family_name\r\nx-1;ngo;Nowak\r\n")
        edit = CsvEdit(path, existing)
        edit.append_entries([*entries[:plain_at], other, *entries[plain_at:]])
        written.append(edit.render())
    assert written[0] == written[1]


ANY_CELL = st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\0"), max_size=8)


@settings(max_examples=80, deadline=None)
@given(
    cells=st.one_of(
        rows, st.lists(st.lists(ANY_CELL, min_size=len(HEADER), max_size=len(HEADER)), min_size=1)
    ),
    category=st.sampled_from([None, "ngo"]),
)
def test_every_value_a_chunk_is_checked_with_is_a_text_or_none(cells, category):
    """The checks take each column's values as texts or None without looking (columns.py):
    a CSV's cells are texts, and so is what each cleaner makes of one."""
    chunk = _chunk(cells, category)
    columns = chunk.columns + ([] if chunk.checks is None else list(chunk.checks.fields.values()))
    assert {type(v) for column in columns for v in column} <= {str, type(None)}


@pytest.mark.parametrize("category", ["robot", "ng\x07o", "ngo"])
@pytest.mark.parametrize("column", [True, False])
def test_a_default_the_directory_refuses_makes_each_row_it_fills_faulty(category, column):
    """A default fills a column whose values were each vetted (or makes one): that column is
    taken as vetted only if the default is too; a category the directory refuses (or a
    control character in it) is found in every row it fills, as the row's own check does."""
    people = [["p-1", "", "Ana", "Novák", "", "SK", "", "a@example.org", "", "", "", "", "", "ngo"]] * 2
    people = [people[0], [*people[1][:-1], ""]]
    mapping = importing.guess_mapping(HEADER)
    if not column:  # no category column: the default is every row's
        mapping[HEADER.index("Category")] = None
    converter = importing_columns.ColumnConverter(RowConverter(mapping, HEADER, category=category))
    chunk = converter.convert(people)
    assert chunk is not None and chunk.checks is not None
    refused = category != "ngo"
    assert (1 in chunk.checks.faulty) == refused
    assert (0 in chunk.checks.faulty) == (refused and not column)
