"""Recipient queries: the same language in the CLI, template audiences and the GUI."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.query import fold, parse_query
from campaign_app.core.directory.recipients import Recipient


def _r(rid, **kw):
    return Recipient(id=rid, category=kw.pop("category", "mep"), **kw)


PEOPLE = [
    _r("mep-1", given_name="Michal", family_name="Šimečka", country="SK", tags=("supporter",)),
    _r("mep-2", given_name="Nacho", family_name="Sánchez Amor", country="ES", tags=("droi", "supporter")),
    _r("mep-3", given_name="Róża", family_name="Thun und Hohenstein", country="PL"),
    _r(
        "ua-1",
        category="national_official",
        position={"uk": "Президент України", "en": "President of Ukraine"},
        country="UA",
        language="uk",
    ),
    _r(
        "sr-1",
        category="un_special_procedure",
        position="Special Rapporteur on torture",
        organisation="OHCHR",
    ),
]


def ids(query: str) -> list[str]:
    return [r.id for r in parse_query(query).filter(PEOPLE)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("simecka", ["mep-1"]),
        ("ŠIMEČKA", ["mep-1"]),
        ("sanchez", ["mep-2"]),
        ("roza thun", ["mep-3"]),
        ("category:mep", ["mep-1", "mep-2", "mep-3"]),
        ("category:MEP country:sk", ["mep-1"]),
        ("tag:supporter", ["mep-1", "mep-2"]),
        ("tag:supporter -tag:droi", ["mep-1"]),
        ("президент", ["ua-1"]),
        ("president", ["ua-1"]),
        ("language:uk", ["ua-1"]),
        ('organisation:"ohchr"', ["sr-1"]),
        ("rapporteur torture", ["sr-1"]),
        ("", ["mep-1", "mep-2", "mep-3", "ua-1", "sr-1"]),
        ("category:ngo", []),
    ],
)
def test_queries_match_like_a_person_expects(query, expected):
    assert ids(query) == expected


def test_unknown_field_is_a_clear_error():
    with pytest.raises(UserError) as info:
        parse_query("catgory:mep")
    assert "unknown field 'catgory'" in str(info.value)
    assert "category" in info.value.hint


def test_unbalanced_quote_is_a_clear_error():
    with pytest.raises(UserError, match="unbalanced quote"):
        parse_query('organisation:"European')


@given(st.text(min_size=1, max_size=20))
def test_folding_is_idempotent_and_lowercase(text):
    once = fold(text)
    assert fold(once) == once


def test_fold_removes_accents_of_names_in_the_brief():
    names = "Šimečka Juknevičienė Bilčík Auštrevičius Sánchez Zdechovský Glucksmann Róża Łódź"
    assert fold(names) == "simecka jukneviciene bilcik austrevicius sanchez zdechovsky glucksmann roza lodz"


# The directory knows no contact log: whoever asks gives the words a status: term may use.
WORDS = {"written": "a letter went out", "answered": "they answered"}
LOG = {"mep-1": frozenset({"written"}), "mep-2": frozenset({"written", "answered"})}


def test_status_terms_take_the_callers_words():
    def matching(query: str) -> list[str]:
        return [r.id for r in parse_query(query, lambda: LOG, WORDS).filter(PEOPLE)]

    assert matching("status:written") == ["mep-1", "mep-2"]
    assert matching("status:ANSWERED") == ["mep-2"]
    assert matching("-status:answered category:mep") == ["mep-1", "mep-3"]


def test_a_status_the_caller_does_not_know_names_the_callers_words():
    with pytest.raises(UserError) as info:
        parse_query("status:sent", lambda: LOG, WORDS)
    assert (
        str(info.value)
        == "query:1:1: unknown status 'sent' in query 'status:sent' — use one of written, answered"
    )


def test_without_a_contact_log_a_status_term_cannot_be_answered():
    for statuses, words in ((None, WORDS), (lambda: LOG, None), (None, None)):
        with pytest.raises(UserError) as info:
            parse_query("status:written", statuses, words)
        assert info.value.message == (
            "query 'status:written' asks for a status, which only a campaign's contact log can answer"
        )


def test_the_command_line_names_the_contact_logs_statuses(mini_ws, cli):
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:posted")
    assert result.code == 1
    assert result.err.strip() == (
        "error: query:1:1: unknown status 'posted' in query 'status:posted' — use one of none, drafted, printed, "
        "uncertain, sent, revised, failed, replied, auto-reply, bounced, no-reply, closed, followup-due"
    )
