"""Where a source is cited: the case's items and the templates, as file:line."""

from __future__ import annotations

from campaign_app.core.case.citations import (
    Renamed,
    case_citations,
    item_ids,
    items_citing,
    renamed_items,
    source_citations,
    template_uses,
)
from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.load import load_case
from campaign_app.core.case.schema import SECTIONS
from campaign_app.core.common.errors import set_display_root
from campaign_app.core.common.resources import example_dir


def lines(citations) -> list[str]:
    return [str(c) for c in citations]


def test_a_source_is_found_in_the_case_and_in_every_template(mini_ws):
    set_display_root(mini_ws.root)
    try:
        mini_ws.write(
            "letter_templates/third.md",
            """\
            ---
            id: third
            title: Third
            language: en
            audience: category:mep
            subject: "About cite('court') in plain text, not a citation"
            ---
            Plain text that says cite('court') is not a citation.
            {{ cite("court") }}
            {% for e in ['arrival', 'supreme-court'] %}{{ fact(e) }}{% endfor %}
            """,
        )
        doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
        files = sorted((mini_ws.root / "letter_templates").glob("*.md"))
        found = lines(source_citations(doc.data, doc.path, files, "court"))
    finally:
        set_display_root(None)
    assert found == [
        "cases/test-case.yaml:14: timeline event 'supreme-court'",
        "letter_templates/appeal-en.md:10: fact('supreme-court'), timeline event 'supreme-court', which cites it",
        "letter_templates/appeal-en.md:12: cite('court')",
        "letter_templates/appeal-uk.md:10: fact('supreme-court'), timeline event 'supreme-court', which cites it",
        "letter_templates/appeal-uk.md:12: case.event('supreme-court'), timeline event 'supreme-court', which cites it",
        'letter_templates/third.md:9: cite("court")',
        "letter_templates/third.md:10: 'supreme-court', timeline event 'supreme-court', which cites it",
    ]


def test_an_item_naming_its_one_source_without_a_list_cites_it(mini_ws):
    """``sources: court`` (one id, no brackets) is as much a citation as ``[court]``: the
    source cannot be deleted unnoticed from under the fact or the template using it."""
    path = mini_ws.root / "cases" / "test-case.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("sources: [court]", "sources: court"), encoding="utf-8"
    )
    doc = CaseDocument.load(path)
    files = sorted((mini_ws.root / "letter_templates").glob("*.md"))
    found = [c.split(": ", 1)[1] for c in lines(source_citations(doc.data, doc.path, files, "court"))]
    assert found[0] == "timeline event 'supreme-court'"
    assert "fact('supreme-court'), timeline event 'supreme-court', which cites it" in found
    assert items_citing(doc.data, "court") == {"supreme-court": "timeline event 'supreme-court'"}
    case = load_case(path)  # and the letters cite it: the loader reads the one id as a list of one
    assert next(e for e in case.timeline if e.id == "supreme-court").sources == ("court",)


def test_case_items_citing_a_source_name_their_line():
    doc = CaseDocument.load(example_dir() / "cases" / "akhmetova-extradition.yaml")
    found = lines(case_citations(doc.data, doc.path, "court-appeal-2018-07-31"))
    assert [c.split(": ", 1)[1] for c in found] == [
        "timeline event 'appeal-court-2018'",
        "fact 'deferral-political-motive'",
        "argument 'economic-charges' point 2",
    ]
    text = doc.path.read_text(encoding="utf-8").splitlines()
    for citation in case_citations(doc.data, doc.path, "court-appeal-2018-07-31"):
        assert "court-appeal-2018-07-31" in text[citation.where.line - 1]
    assert items_citing(doc.data, "court-appeal-2018-07-31") == {
        "appeal-court-2018": "timeline event 'appeal-court-2018'",
        "deferral-political-motive": "fact 'deferral-political-motive'",
    }


def test_a_source_nothing_cites_has_no_citations(mini_ws):
    doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
    files = sorted((mini_ws.root / "letter_templates").glob("*.md"))
    assert source_citations(doc.data, doc.path, files, "no-such-source") == []


def test_a_template_that_cannot_be_read_is_reported_not_skipped(tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_bytes("{{ cite('x') }} caf\xe9".encode("cp1252"))
    found = template_uses([broken], {"x": None})
    assert len(found) == 1 and "not checked" in found[0].what and "Windows-1252" in found[0].what


def test_renamed_items_are_told_from_deleted_added_and_swapped_ones(mini_ws):
    doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
    before = item_ids(doc.data)
    supreme, arrival = doc.items("timeline")
    order = SECTIONS["timeline"].order
    doc.set_plain(supreme, "id", "supreme-court-2020", order, keep_empty=True)
    doc.delete_item("facts", doc.items("facts")[0])  # deleted: asked about when it was deleted
    doc.add_item("demands")  # new: nothing can use it yet
    court, unhcr_doc, _brief = doc.items("sources")
    doc.set_plain(court, "id", "unhcr-doc", order, keep_empty=True)  # two ids swapped: both still exist
    doc.set_plain(unhcr_doc, "id", "court", order, keep_empty=True)
    assert arrival["id"] == "arrival"
    assert renamed_items(doc.data, before) == [Renamed("timeline", "supreme-court", "supreme-court-2020")]
