"""A query over a directory's table, answered value by value, selects what the folded columns select.

The directory's own index (``recipients list --query``, a template's audience) answers a
term on the distinct values of its field among the rows asked, folding each once; the
window's index folds whole columns first. For random queries over rows from a CSV file and
entries from YAML (with names in several languages) both must select the same rows in the
same order, and so must a plain reading of each recipient (tests/query_reference.py).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from query_reference import evaluate

from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.core.directory.table import RecipientTable

NAMES = ["", "Šimečka", "Sánchez Amor", "Łódź", "Зеленський", "ﬁnn", "Straße", "Ana", "a\u0301b", "SIM"]
texts = st.one_of(
    st.sampled_from(NAMES), st.dictionaries(st.sampled_from(["en", "uk"]), st.sampled_from(NAMES), max_size=2)
)
plain_texts = st.sampled_from(NAMES)


def entry(values: dict, i: int) -> Recipient:
    return Recipient(id=f"{values.pop('id_stem')}-{i}", category=values.pop("category"), **values)


def fields(text):
    return st.fixed_dictionaries(
        {
            "id_stem": st.sampled_from(["mep", "sim", "osce-ana", "r"]),
            "category": st.sampled_from(["mep", "osce", "ngo"]),
            "honorific": st.sampled_from(["", "Ms", "Dr"]),
            "given_name": text,
            "family_name": text,
            "position": text,
            "organisation": st.sampled_from(["", "European Parliament", "ÖSTERREICH", "OSCE"]),
            "country": st.sampled_from(["", "SK", "UA"]),
            "email": st.sampled_from(["", "a@example.org", "sim@osce.org"]),
            "tags": st.lists(st.sampled_from(["supporter", "droi", "Ünion"]), max_size=2, unique=True).map(
                tuple
            ),
        }
    )


words = st.sampled_from(
    ["sim", "simecka", "amor", "lodz", "зелен", "fin", "strasse", "a", "ab", "mep", "ana-1", "osce"]
)
field_terms = st.one_of(
    st.tuples(
        st.sampled_from(["country:", "tag:", "org:", "name:", "email:", "position:", "id:"]),
        st.sampled_from(["mep", "sk", "supporter", "union", "europe", "example", "sim", "\u0301", "mep-1"]),
    ).map("".join),
    st.sampled_from(["category:mep", "category:osce", "category:ngo"]),  # one of its few words
)
terms = st.tuples(
    st.sampled_from(["", "-"]),
    st.one_of(words, field_terms, st.sampled_from(['"sanchez amor"', '"ms ana"', '"ana sim"', '"osce mep"'])),
).map("".join)
queries = st.lists(terms, min_size=1, max_size=3).flatmap(
    lambda ts: st.sampled_from([" ".join(ts), " OR ".join(ts), f"({ts[0]} OR {ts[-1]}) {ts[0]}"])
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(fields(texts), max_size=6),
    st.lists(fields(plain_texts), max_size=12),
    st.lists(queries, min_size=1, max_size=4),
)
def test_by_value_selects_what_the_folded_columns_select(from_yaml, from_csv, texts_of_queries):
    table = RecipientTable()
    for i, values in enumerate(from_yaml[:3]):
        table.add(entry(dict(values), i))
    csv_rows = [entry(dict(values), 100 + i) for i, values in enumerate(from_csv)]
    if csv_rows:
        records = [r.record() for r in csv_rows]
        columns = {n: tuple(rec[n] for rec in records) for n in records[0]}
        columns |= {"tags": tuple(r.tags for r in csv_rows), "verified_on": (None,) * len(csv_rows)}
        columns["in_office_until"] = columns["verified_on"]
        table.add_rows(columns, list(range(2, 2 + len(csv_rows))), "people.csv", 1)
    for i, values in enumerate(from_yaml[3:]):
        table.add(entry(dict(values), 200 + i))
    recipients = list(table)
    by_value = SearchIndex(table, prepare=(), columns=table.column, odd_rows=table.recipient_rows)
    folded = SearchIndex(recipients)
    for text in texts_of_queries:
        query = parse_query(text)
        expected = [i for i, r in enumerate(recipients) if evaluate(query.root, r)]
        assert by_value.select(query) == expected, text
        assert folded.select(query) == expected, text
        assert by_value.select(query, rows=expected[::-1]) == expected[::-1], text
