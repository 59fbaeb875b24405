"""The search index selects exactly the rows parse_query's predicates select.

The desktop app filters through SearchIndex (folded once, fast per keystroke); the command
line through Query.filter. Both must agree on every query, so they are compared on the
example directory and on generated rows full of accents, over hand-picked and random queries.
"""

from __future__ import annotations

import random

import pytest

from campaign_app.core.campaign.workspace import Workspace, init_workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.directory.search import SearchIndex, query_terms, search_text
from campaign_app.core.outreach.terms import QUERY_STATUSES

QUERIES = [
    "",
    "simecka",
    "ŠIMEČKA",
    "sanchez amor",
    "category:mep",
    "category:MEP country:sk",
    "-category:mep",
    "tag:supporter",
    "-tag:supporter ukraine",
    "org:parliament",
    "organization:unhcr",
    "name:zelensk",
    "language:uk",
    "position:minister -country:ua",
    "email:europarl",
    "verified_on:2020",
    "notes:confirm",
    "http://x",
    "'european parliament'",
    "id:unhcr-ukraine",
    "postal_address:kyiv",
    "gender:f",
    "-",
    "президент",
    "addressee:зеленському",
]


@pytest.fixture(scope="module")
def example_recipients(tmp_path_factory):
    root = init_workspace(tmp_path_factory.mktemp("search") / "ws")
    return list(Workspace.open(root).directory)


def generated(count: int, seed: int = 7) -> list[Recipient]:
    rnd = random.Random(seed)
    names = ["Šimečka", "Sánchez Amor", "Łódź", "Øster", "Зеленський", "ﬁnn", "Straße", "Ana", "ǅemal", ""]
    rows = []
    for i in range(count):
        rows.append(
            Recipient(
                id=f"r-{i}",
                category=rnd.choice(CATEGORIES),
                given_name=rnd.choice(names),
                family_name=rnd.choice(names) or "X",
                position=rnd.choice(["", "Minister", {"uk": "Міністр", "en": "Minister"}]),
                organisation=rnd.choice(["", "European Parliament", "ÖSTERREICH"]),
                country=rnd.choice(["", "SK", "UA"]),
                email=rnd.choice(["", f"a{i}@example.org"]),
                tags=tuple(rnd.sample(["supporter", "droi", "Ünion"], rnd.randint(0, 2))),
                notes=rnd.choice(["", "a\u0301", "x y"]),
            )
        )
    return rows


def random_queries(count: int, seed: int = 3) -> list[str]:
    rnd = random.Random(seed)
    words = ["sim", "simecka", "amor", "lodz", "oster", "зелен", "fin", "strasse", "dzemal", "minister", "a"]
    fields = ["", "", "category:", "country:", "tag:", "org:", "name:", "email:", "notes:", "position:"]
    values = [*words, "mep", "sk", "supporter", "union", "europe", "\u0301", "example"]
    queries = []
    for _ in range(count):
        terms = []
        for _ in range(rnd.randint(1, 3)):
            field = rnd.choice(fields)
            term = field + rnd.choice(values if field else words)
            terms.append(("-" if rnd.random() < 0.2 else "") + term)
        queries.append(" ".join(terms))
    return queries


def check_same(recipients, queries):
    index = SearchIndex(recipients)
    for query in queries:
        expected = [r.id for r in parse_query(query).filter(recipients)]
        assert [recipients[i].id for i in index.select(query_terms(query))] == expected, query


def test_the_index_agrees_with_parse_query_on_the_example(example_recipients):
    check_same(example_recipients, QUERIES)
    index = SearchIndex(example_recipients)
    found = [example_recipients[i].display_name for i in index.select(query_terms("simecka"))]
    assert found == ["Michal Šimečka"]


def test_the_index_agrees_with_parse_query_on_accented_generated_rows():
    check_same(generated(400), QUERIES + random_queries(300))


def test_search_text_is_query_search_text():
    from campaign_app.core.directory.query import _search_text

    for recipient in generated(200, seed=11):
        assert search_text(recipient) == _search_text(recipient)


def test_edits_deletions_and_new_rows_are_searched():
    rows = generated(50)
    index = SearchIndex(rows, prepare=("category", "email"))
    index.set(0, Recipient(id="r-0", category="ngo", family_name="Novák", email="n@x.org"))
    index.set(1, None)
    index.set(50, Recipient(id="new", category="mep", family_name="Nováková"))
    assert [i for i in index.select(query_terms("novak"))] == [0, 50]
    assert 1 not in index.select(query_terms(""))
    assert index.select(query_terms("category:ngo email:n@x")) == [0]
    assert index.select(query_terms("novak"), rows=[50, 0]) == [50, 0]


def test_a_bad_query_raises_the_command_lines_error():
    with pytest.raises(UserError) as caught:
        query_terms("colour:red")
    with pytest.raises(UserError) as reference:
        parse_query("colour:red")
    assert str(caught.value) == str(reference.value)
    assert str(caught.value).startswith("unknown field 'colour' in query 'colour:red' — use one of")


def test_status_terms_are_answered_by_the_log_table(example_recipients):
    table = {example_recipients[0].id: frozenset({"sent", "followup-due"})}
    index = SearchIndex(example_recipients)
    for text in ("status:followup-due", "-status:sent", "status:none category:mep"):
        expected = [r.id for r in parse_query(text, lambda: table, QUERY_STATUSES).filter(example_recipients)]
        terms = query_terms(text, lambda: table, QUERY_STATUSES)
        got = [example_recipients[i].id for i in index.select(terms, statuses=table)]
        assert got == expected, text
