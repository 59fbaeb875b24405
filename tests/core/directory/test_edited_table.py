"""The window's index over the directory's columns selects what an index of its Recipients selects.

The Recipients tab builds its search index from the directory's table (``EditedTable``:
columns, each Recipient made only when asked for) instead of from 100,000 Recipients, and
edits it in place as entries are saved, added and deleted. For random directories (rows
from a CSV file and entries from YAML, names in several languages), random edits and
random queries, both indexes must select the same rows in the same order as a plain
reading of each recipient (tests/query_reference.py), and the table must hold the rows
a plain list holds.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from query_reference import evaluate

from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.core.directory.table import EditedTable, RecipientTable

NAMES = ["", "Šimečka", "Sánchez Amor", "Łódź", "Зеленський", "Straße", "Ana", "a\u0301b", "SIM"]
texts = st.one_of(
    st.sampled_from(NAMES), st.dictionaries(st.sampled_from(["en", "uk"]), st.sampled_from(NAMES), max_size=2)
)


def fields(text):
    return st.fixed_dictionaries(
        {
            "category": st.sampled_from(["mep", "osce", "ngo"]),
            "honorific": st.sampled_from(["", "Ms", "Dr"]),
            "given_name": text,
            "family_name": text,
            "organisation": st.sampled_from(["", "European Parliament", "ÖSTERREICH", "OSCE"]),
            "country": st.sampled_from(["", "SK", "UA"]),
            "email": st.sampled_from(["", "a@example.org", "sim@osce.org"]),
            "tags": st.lists(st.sampled_from(["supporter", "droi", "Ünion"]), max_size=2, unique=True).map(
                tuple
            ),
        }
    )


WORDS = ["sim", "amor", "lodz", "зелен", "strasse", "a", "ms ana", "r-1", '"ana sim"']
FIELD_TERMS = [
    "category:mep",
    "category:osce",
    "country:sk",
    "country:ua",
    "tag:supporter",
    "tag:sup",
    "org:europe",
    "email:osce",
    "name:sim",
    "id:r-10",
]
queries = st.lists(
    st.tuples(
        st.sampled_from(["", "-"]),
        st.sampled_from([*WORDS, *FIELD_TERMS]),
    ).map("".join),
    min_size=1,
    max_size=3,
).flatmap(lambda ts: st.sampled_from([" ".join(ts), " OR ".join(ts)]))
# An edit: replace a row, delete it, or add an entry at the end
edits = st.tuples(st.sampled_from(["replace", "delete", "add"]), st.integers(0, 30), fields(texts))


def table_of(from_yaml: list[dict], from_csv: list[dict]) -> RecipientTable:
    """YAML entries (Recipients), then a CSV file's rows (columns), then YAML entries again."""
    table = RecipientTable()
    for i, values in enumerate(from_yaml[:2]):
        table.add(Recipient(id=f"r-{i}", **values))
    csv_rows = [Recipient(id=f"r-{100 + i}", **values) for i, values in enumerate(from_csv)]
    if csv_rows:
        records = [r.record() for r in csv_rows]
        columns = {n: tuple(rec[n] for rec in records) for n in records[0]}
        columns |= {"tags": tuple(r.tags for r in csv_rows), "verified_on": (None,) * len(csv_rows)}
        columns["in_office_until"] = columns["verified_on"]
        table.add_rows(columns, list(range(2, 2 + len(csv_rows))), "people.csv", 1)
    for i, values in enumerate(from_yaml[2:]):
        table.add(Recipient(id=f"r-{200 + i}", **values))
    return table


@settings(max_examples=200, deadline=None)
@given(
    st.lists(fields(texts), max_size=4),
    st.lists(fields(st.sampled_from(NAMES)), max_size=10),
    st.lists(edits, max_size=6),
    st.lists(queries, min_size=1, max_size=4),
)
def test_the_index_over_the_edited_table_selects_what_the_recipients_index_selects(
    from_yaml, from_csv, changes, texts_of_queries
):
    table = table_of(from_yaml, from_csv)
    shown = EditedTable(table)
    own = shown.copy()
    fast = SearchIndex(own, columns=own.column, editable=True)
    plain = SearchIndex(list(table))
    rows: list[Recipient | None] = list(table)
    parsed = [(text, parse_query(text)) for text in texts_of_queries]
    for step, (kind, at, values) in enumerate([(None, 0, None), *changes]):
        if kind is not None:
            row = len(rows) if kind == "add" or not rows else at % len(rows)
            recipient = None if kind == "delete" else Recipient(id=f"r-{300 + step}", **values)
            for index in (fast, plain):
                index.set(row, recipient)
            if row == len(rows):
                rows.append(recipient)
                shown.append(recipient)
            else:
                rows[row] = shown[row] = recipient
        assert list(shown) == rows and list(own) == rows and len(shown) == len(rows)
        for text, query in parsed[: step + 1]:  # a field first asked after some edits, too
            expected = [i for i, r in enumerate(rows) if r is not None and evaluate(query.root, r)]
            assert plain.select(query) == expected, text
            assert fast.select(query) == expected, text
            assert fast.select(query, rows=expected[::-1]) == expected[::-1], text


def test_a_copy_keeps_its_own_edits():
    """The copy a worker thread reads does not change when the window edits its rows after."""
    table = table_of([], [{"category": "mep", "given_name": "Ana"}, {"category": "ngo", "given_name": "Sim"}])
    rows = EditedTable(table)
    copy = rows.copy()
    rows[0] = None
    rows.append(Recipient(id="new", category="osce"))
    assert [r.id if r else None for r in rows] == [None, "r-101", "new"]
    assert [r.id for r in copy] == ["r-100", "r-101"] and copy.column("category") == ("mep", "ngo")
    assert rows.column("category") == [None, "ngo", "osce"]


def test_a_value_no_row_had_is_found_once_an_edit_gives_it():
    """``category:ngo`` selects nothing while no entry is an NGO (answered on the column's
    distinct values), and the edited entry once it is one; ``-category:mep`` likewise."""
    table = table_of([], [{"category": "mep", "given_name": "Ana"}, {"category": "mep", "given_name": "Sim"}])
    own = EditedTable(table)
    index = SearchIndex(own, columns=own.column, editable=True)
    ngo, not_mep, mep = (parse_query(text) for text in ("category:ngo", "-category:mep", "category:mep"))
    assert (index.select(ngo), index.select(not_mep), index.select(mep)) == ([], [], [0, 1])
    index.set(1, Recipient(id="r-101", category="ngo", given_name="Sim"))
    index.set(2, Recipient(id="r-300", category="ngo", given_name="Olga"))
    assert (index.select(ngo), index.select(not_mep), index.select(mep)) == ([1, 2], [1, 2], [0])
