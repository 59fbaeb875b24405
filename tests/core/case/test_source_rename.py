"""A source renamed in the Case tab takes the case's citations of it along
(core/case/source_rename.py): typed a letter at a time, never onto another source's id."""

from __future__ import annotations

from pathlib import Path

from campaign_app.core.case.edit import CaseDocument, validate_case_text
from campaign_app.core.case.source_rename import CitationsFollow, citing_items
from campaign_app.core.common.resources import example_dir

EXAMPLE_CASE = example_dir() / "cases" / "akhmetova-extradition.yaml"


def source(doc: CaseDocument, source_id: str):
    return next(s for s in doc.items("sources") if doc.get_plain(s, "id") == source_id)


def citations(doc: CaseDocument) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in citing_items(doc):
        for ref in doc.get_refs(item):
            counts[ref] = counts.get(ref, 0) + 1
    return counts


def typed(follow: CitationsFollow, node, steps: list[str]) -> None:
    """The id field as it reads after each key (Backspaces, then letters)."""
    for text in steps:
        follow.set_id(node, text)


def test_the_examples_main_source_renamed_key_by_key_keeps_every_citation():
    doc = CaseDocument.load(EXAMPLE_CASE)
    before = citations(doc)
    assert before["odf-brief-2020"] >= 20  # the facts, events and argument points that cite it
    follow = CitationsFollow(doc)
    old = "odf-brief-2020"
    steps = [old[:n] for n in range(len(old) - 1, 2, -1)] + ["odf-", "odf-2", "odf-20", "odf-202", "odf-2020"]
    typed(follow, source(doc, old), steps)

    after = citations(doc)
    assert "odf-brief-2020" not in after and after["odf-2020"] == before["odf-brief-2020"]
    assert {k: v for k, v in after.items() if k != "odf-2020"} == {
        k: v for k, v in before.items() if k != "odf-brief-2020"
    }
    case = validate_case_text(doc.dump(), Path(EXAMPLE_CASE))  # no source unknown: the case is valid
    assert "odf-2020" in {s.id for s in case.sources}


def test_citations_never_move_onto_or_off_another_sources_id(mini_ws):
    doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
    ids = doc.source_ids()
    assert len(ids) >= 2
    this, other = source(doc, ids[0]), ids[1]
    before = citations(doc)
    assert before.get(ids[0], 0) >= 1 and before.get(other, 0) >= 1
    follow = CitationsFollow(doc)

    follow.set_id(this, other)  # on the way, the other source's id: nothing moves
    assert citations(doc) == before
    follow.set_id(this, "")  # cleared: nothing moves either
    assert citations(doc) == before
    follow.set_id(this, "renamed")  # its own again: its citations follow, not the other's
    after = citations(doc)
    assert after.get("renamed", 0) == before.get(ids[0], 0) and ids[0] not in after
    assert after.get(other, 0) == before.get(other, 0)
