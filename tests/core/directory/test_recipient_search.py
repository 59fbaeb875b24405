"""The search index selects exactly the rows a plain reading of the query selects.

The desktop app, the command line and template audiences all filter through SearchIndex
(folded once, per field, compiled per query). It is compared with a plain evaluation of
each recipient (query_reference.py) on the example directory and on generated rows full
of accents, over hand-picked and random queries.
"""

from __future__ import annotations

import random

import pytest
from query_reference import evaluate

from campaign_app.core.campaign.creation import init_workspace
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.directory.search import SearchIndex, search_text
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
            term = field + rnd.choice(CATEGORIES if field == "category:" else values if field else words)
            terms.append(("-" if rnd.random() < 0.2 else "") + term)
        queries.append(" ".join(terms))
    return queries


def check_same(recipients, queries):
    index = SearchIndex(recipients)
    for query in queries:
        parsed = parse_query(query)
        expected = [r.id for r in recipients if evaluate(parsed.root, r)]
        assert [recipients[i].id for i in index.select(parsed)] == expected, query
        assert [r.id for r in parsed.filter(recipients)] == expected, query
        mask = index.plain_mask(parsed)  # one bare word: the window's whole-column answer
        if mask is not None:
            assert [r.id for r, hit in zip(recipients, mask, strict=True) if hit] == expected, query


def test_a_bare_word_and_a_field_of_few_values_have_a_mask_other_queries_none():
    """One bare word, or one term on a field of few values (its codes), has a mask: the
    rows ``select`` finds, one byte a row; other queries, and a deleted row, have none."""
    index = SearchIndex(generated(30))
    for one in ("sim", "category:mep", "country:sk"):
        mask = index.plain_mask(parse_query(one))
        assert mask is not None and isinstance(mask, bytes), one
        assert [i for i, held in enumerate(mask) if held] == index.select(parse_query(one)), one
    for other in ("", "-sim", "sim amor", "name:sim", "-category:mep", "sim OR amor"):
        assert index.plain_mask(parse_query(other)) is None, other
    index.set(3, None)  # a deleted row matches nothing: the rows one by one
    assert index.plain_mask(parse_query("sim")) is None
    assert index.plain_mask(parse_query("category:mep")) is None


def test_the_index_agrees_with_a_plain_reading_on_the_example(example_recipients):
    check_same(example_recipients, QUERIES)
    index = SearchIndex(example_recipients)
    found = [example_recipients[i].display_name for i in index.select(parse_query("simecka"))]
    assert found == ["Michal Šimečka"]


def test_the_index_agrees_with_a_plain_reading_on_accented_generated_rows():
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
    assert [i for i in index.select(parse_query("novak"))] == [0, 50]
    assert 1 not in index.select(parse_query(""))
    assert index.select(parse_query("category:ngo email:n@x")) == [0]
    assert index.select(parse_query("novak"), rows=[50, 0]) == [50, 0]


def test_status_terms_are_answered_by_the_log_table(example_recipients):
    table = {example_recipients[0].id: frozenset({"sent", "followup-due"})}
    index = SearchIndex(example_recipients)
    for text in ("status:followup-due", "-status:sent", "status:none category:mep"):
        query = parse_query(text, lambda: table, QUERY_STATUSES)
        expected = [r.id for r in example_recipients if evaluate(query.root, r, table)]
        assert [r.id for r in query.filter(example_recipients)] == expected, text
        got = [example_recipients[i].id for i in index.select(query, statuses=table)]
        assert got == expected, text


def test_the_index_answers_after_an_edit_as_a_fresh_index_does(example_recipients):
    import dataclasses

    index = SearchIndex(example_recipients)
    simecka = next(i for i, r in enumerate(example_recipients) if r.family_name == "Šimečka")
    edited = dataclasses.replace(
        example_recipients[simecka], position="Chair of the Progressive Slovakia party"
    )
    index.set(simecka, edited)
    fresh = SearchIndex([edited if i == simecka else r for i, r in enumerate(example_recipients)])
    for word in ("progressive", "simecka", "member", "parliament", "slovakia", "a"):
        assert index.plain_mask(parse_query(word)) == fresh.plain_mask(parse_query(word)), word
    assert index.plain_mask(parse_query("progressive")).count(1) == 1
