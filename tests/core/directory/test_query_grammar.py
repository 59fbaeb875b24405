"""The query grammar: OR, NOT, a leading '-', parentheses, quoted values; mistakes at their column.

Random query trees over a small vocabulary are printed as text, parsed back and matched
against random recipients; the result must be what a plain reading of the tree says
(query_reference.py), and the laws of logic must hold (NOT NOT x is x, De Morgan).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from query_reference import evaluate

from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.query import And, Not, QueryPlace, Term, parse_query
from campaign_app.core.directory.recipients import Recipient

# ---- random trees, printed as a person would type them ------------------------------

LEAVES = [
    "category:mep",
    "category:osce",
    "country:DE",
    "country:sk",
    "tag:droi",
    "tag:supporter",
    "simecka",
    "sanchez",
    "Müller",
    '"van der"',
    'name:"van der Berg"',
    "org:parliament",
    "email:europarl",
    "language:uk",
]


def leaves():
    return st.sampled_from(LEAVES).map(lambda text: ("term", text))


def trees():
    return st.recursive(
        leaves(),
        lambda inner: st.one_of(
            inner.map(lambda t: ("not", t)),
            st.lists(inner, min_size=2, max_size=3).map(lambda ts: ("and", ts)),
            st.lists(inner, min_size=2, max_size=3).map(lambda ts: ("or", ts)),
        ),
        max_leaves=8,
    )


def to_text(tree, style: int = 0) -> str:
    """The tree as query text; every operand is parenthesised unless it is a term, so the
    printed text means the tree whatever the precedence (``style`` varies the spelling)."""
    kind, body = tree
    if kind == "term":
        return body
    if kind == "not":
        inner = to_text(body, style)
        inner = inner if body[0] == "term" else f"({inner})"
        return f"-{inner}" if style % 2 == 0 else f"NOT {inner}"
    parts = [to_text(t, style) if t[0] in ("term", "not") else f"({to_text(t, style)})" for t in body]
    if kind == "and":
        return (" AND " if style % 3 == 2 else " ").join(parts)
    return " OR ".join(parts)


def reference(tree, recipient) -> bool:
    """The tree's meaning for one recipient, each term read by the plain reference."""
    kind, body = tree
    if kind == "term":
        return evaluate(parse_query(body).root, recipient)
    if kind == "not":
        return not reference(body, recipient)
    results = [reference(t, recipient) for t in body]
    return all(results) if kind == "and" else any(results)


NAMES = ["Šimečka", "Sánchez Amor", "Müller", "Mueller", "van der Berg", "Berg", "Novák"]


def recipients():
    person = st.builds(
        lambda i, category, country, tags, family, given, org, email, lang: Recipient(
            id=f"r-{i}",
            category=category,
            given_name=given,
            family_name=family,
            country=country,
            tags=tuple(tags),
            organisation=org,
            email=email,
            language=lang,
        ),
        st.integers(0, 10**6),
        st.sampled_from(["mep", "osce", "ngo"]),
        st.sampled_from(["DE", "SK", "UA", ""]),
        st.lists(st.sampled_from(["droi", "supporter"]), max_size=2, unique=True),
        st.sampled_from(NAMES),
        st.sampled_from(["Michal", "Anna", ""]),
        st.sampled_from(["European Parliament", "OSCE", ""]),
        st.sampled_from(["a@europarl.europa.eu", "b@osce.org", ""]),
        st.sampled_from(["en", "uk"]),
    )
    return st.lists(person, min_size=1, max_size=12, unique_by=lambda r: r.id)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(trees(), recipients(), st.integers(0, 5))
def test_a_printed_tree_parses_back_and_matches_as_the_reference_says(tree, people, style):
    query = parse_query(to_text(tree, style))
    assert [r.id for r in query.filter(people)] == [r.id for r in people if reference(tree, r)]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(trees(), trees(), recipients())
def test_not_not_and_de_morgan(a, b, people):
    def chosen(text: str) -> list[str]:
        return [r.id for r in parse_query(text).filter(people)]

    x, y = f"({to_text(a)})", f"({to_text(b)})"
    assert chosen(f"NOT NOT {x}") == chosen(x) == chosen(f"--{x}")
    assert chosen(f"NOT ({x} OR {y})") == chosen(f"-{x} -{y}")
    assert chosen(f"NOT ({x} {y})") == chosen(f"-{x} OR -{y}")


def test_precedence_is_not_then_and_then_or():
    def shape(text):
        node = parse_query(text).root

        def show(n):
            if isinstance(n, Term):
                return n.text
            if isinstance(n, Not):
                return ["NOT", show(n.child)]
            return ["AND" if isinstance(n, And) else "OR", *[show(c) for c in n.children]]

        return show(node)

    assert shape("a b OR c") == ["OR", ["AND", "a", "b"], "c"]
    assert shape("a OR b c") == ["OR", "a", ["AND", "b", "c"]]
    assert shape("-a b") == ["AND", ["NOT", "a"], "b"]
    assert shape("NOT a OR b") == ["OR", ["NOT", "a"], "b"]
    assert shape("(category:mep OR category:osce) -country:DE") == [
        "AND",
        ["OR", "category:mep", "category:osce"],
        ["NOT", "country:DE"],
    ]
    assert shape('name:"van der Berg" OR or') == ["OR", 'name:"van der Berg"', "or"]  # lower-case: a word


def test_a_quoted_name_and_a_lower_case_or_are_searched_as_before():
    people = [
        Recipient(id="a", category="mep", given_name="Jan", family_name="van der Berg"),
        Recipient(id="b", category="mep", given_name="Jan", family_name="Berg"),
        Recipient(id="c", category="mep", given_name="Leo", family_name="Orr"),
    ]
    assert [r.id for r in parse_query('name:"van der Berg"').filter(people)] == ["a"]
    assert [r.id for r in parse_query("'der berg'").filter(people)] == ["a"]
    assert [r.id for r in parse_query("or").filter(people)] == ["c"]


# ---- mistakes, at their column -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("(category:mep", "query:1:14", "missing ')' to close the '(' at column 1"),
        ("OR x", "query:1:1", "expected a term before OR"),
        ("a OR", "query:1:3", "expected a term after OR"),
        ("category:mep OR", "query:1:14", "expected a term after OR"),
        ("nosuch:field", "query:1:1", "unknown field 'nosuch' in query 'nosuch:field'"),
        ("category:mep nosuch:x", "query:1:14", "unknown field 'nosuch'"),
        ("-", "query:1:1", "expected a term after '-'"),
        ("a NOT", "query:1:3", "expected a term after NOT"),
        ("()", "query:1:1", "nothing between '(' and ')'"),
        ("a)", "query:1:2", "')' has no matching '('"),
        ('name:"van der', "query:1:6", "has an unbalanced quote"),
        ("country:", "query:1:1", "'country:' has no value"),
    ],
)
def test_a_mistake_points_at_its_column(text, where, message):
    with pytest.raises(UserError) as caught:
        parse_query(text)
    assert str(caught.value.where) == where
    assert message in caught.value.message
    assert caught.value.hint


def test_an_unknown_field_still_names_the_fields_that_exist():
    with pytest.raises(UserError) as caught:
        parse_query("(category:mep OR colour:red)")
    assert str(caught.value.where) == "query:1:18"
    assert "category" in caught.value.hint and "country" in caught.value.hint and "tag" in caught.value.hint


def test_a_mistake_in_a_file_is_placed_at_the_line_and_column_of_the_text():
    with pytest.raises(UserError) as caught:
        parse_query("category:mep OR", place=QueryPlace("letter_templates/x.md", 5, 11))
    assert str(caught.value.where) == "letter_templates/x.md:5:24"


def test_queries_that_worked_before_mean_the_same():
    people = [
        Recipient(id="mep-1", category="mep", family_name="Šimečka", country="SK", tags=("supporter",)),
        Recipient(id="mep-2", category="mep", family_name="Sánchez Amor", country="ES", tags=("droi",)),
        Recipient(
            id="sr-1", category="un_special_procedure", position="Special Rapporteur", organisation="OHCHR"
        ),
    ]

    def ids(text):
        return [r.id for r in parse_query(text).filter(people)]

    assert ids("simecka") == ["mep-1"]
    assert ids("category:mep -tag:droi") == ["mep-1"]
    assert ids('organisation:"ohchr"') == ["sr-1"]
    assert ids('"organisation:ohchr"') == ["sr-1"]  # a whole term in quotes stays a term
    assert ids("http://x") == []
