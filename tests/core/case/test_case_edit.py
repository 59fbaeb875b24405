"""Editing the case file in place: only the edited values change, nothing invalid is written."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.campaign.creation import init_empty_workspace
from campaign_app.core.case.edit import CaseChangedOnDisk, CaseDocument
from campaign_app.core.case.load import load_case
from campaign_app.core.case.round_trip import styled
from campaign_app.core.case.rules import check_date, check_id, check_kind, check_refs, check_url, parse_refs
from campaign_app.core.case.save import problem_path, save_or_explain
from campaign_app.core.case.schema import SECTIONS
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.resources import example_dir

EXAMPLE_CASE = example_dir() / "cases" / "akhmetova-extradition.yaml"


@pytest.fixture
def example_case(tmp_path: Path) -> Path:
    target = tmp_path / "cases" / "akhmetova-extradition.yaml"
    target.parent.mkdir()
    target.write_bytes(EXAMPLE_CASE.read_bytes())
    return target


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed from ``before`` and added in ``after``."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def fact(doc: CaseDocument, fact_id: str):
    return next(f for f in doc.items("facts") if f["id"] == fact_id)


def test_an_unedited_case_dumps_to_exactly_the_same_text(example_case, mini_ws):
    for path in (example_case, mini_ws.root / "cases" / "test-case.yaml"):
        doc = CaseDocument.load(path)
        assert doc.dump() == path.read_text(encoding="utf-8")
        assert not doc.modified


def test_editing_one_fact_changes_only_its_lines(example_case):
    original = example_case.read_text(encoding="utf-8")
    doc = CaseDocument.load(example_case)
    new_text = (
        "Zhanara Akhmetova is a Kazakhstani journalist, the programme director of the opposition outlet "
        "“16/12” and a leader of the Democratic Choice of Kazakhstan movement."
    )
    assert doc.set_text(fact(doc, "roles"), "text", "en", new_text)
    assert not doc.set_text(fact(doc, "roles"), "text", "en", new_text), "an unchanged value is not a change"
    result = doc.save()
    written = example_case.read_text(encoding="utf-8")
    assert written == result.text
    removed, added = changed_lines(original, written)
    # exactly the three folded lines of the English text were replaced
    assert removed == [
        "        Zhanara Akhmetova is the programme director of the Kazakhstani opposition media outlet",
        "        “16/12” and one of the leaders of the opposition movement “Democratic Choice of",
        "        Kazakhstan” (DCK).",
    ]
    assert " ".join(line.strip() for line in added) == new_text
    assert all(len(line) <= 100 for line in added), "a long text is folded like the rest of the file"
    assert written.splitlines()[:7] == original.splitlines()[:7], "the comments at the top are kept"
    case = load_case(example_case)
    roles = next(f for f in case.facts if f.id == "roles")
    assert roles.text["en"] == new_text
    assert roles.text["uk"].startswith("Жанара Ахметова — програмна директорка")
    assert result.case.facts == case.facts
    assert not doc.modified


def test_a_snapshot_is_written_while_the_document_takes_more_edits(example_case):
    doc = CaseDocument.load(example_case)
    doc.set_text(fact(doc, "roles"), "text", "en", "First words.")
    copy = doc.snapshot()
    doc.set_text(fact(doc, "roles"), "text", "en", "First words. Then more.")
    outcome = save_or_explain(copy)
    assert outcome.saved is not None
    roles = next(f for f in load_case(example_case).facts if f.id == "roles")
    assert roles.text["en"] == "First words."
    doc.written_as(outcome.saved.original_text)
    assert doc.modified and not doc.changed_on_disk(), "later edits unsaved; the file is ours"
    doc.save()
    roles = next(f for f in load_case(example_case).facts if f.id == "roles")
    assert roles.text["en"] == "First words. Then more."


def test_a_new_language_text_goes_in_the_case_languages_order(mini_ws):
    path = mini_ws.write(
        "cases/test-case.yaml",
        (mini_ws.root / "cases" / "test-case.yaml").read_text().replace(", uk: Зупиніть екстрадицію.}", "}"),
    )
    doc = CaseDocument.load(path)
    demand = doc.items("demands")[0]
    assert list(demand["text"]) == ["en"]
    doc.set_text(demand, "text", "uk", "Зупиніть екстрадицію.")
    assert list(demand["text"]) == ["en", "uk"]
    doc.set_text(demand, "text", "fr", "Arrêtez l’extradition.")
    assert list(demand["text"]) == ["en", "uk", "fr"]
    doc.save()
    assert load_case(path).demands[0].text["fr"] == "Arrêtez l’extradition."


def test_quoting_is_kept_and_a_shared_title_stays_shared(example_case):
    doc = CaseDocument.load(example_case)
    source = next(s for s in doc.items("sources") if s["id"] == "odf-brief-2020")
    doc.set_text(source, "title", "en", "[Briefing on the extradition]")
    assert '      en: "[Briefing on the extradition]"' in doc.dump()
    mini = CaseDocument.from_text(example_case, 'sources:\n  - id: a\n    title: "Old title"\n')
    item = mini.items("sources")[0]
    assert mini.is_shared(item, "title")
    mini.set_text(item, "title", None, "New title: with a colon")
    assert mini.dump() == 'sources:\n  - id: a\n    title: "New title: with a colon"\n'


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(" \n\t-#:'\"{}[]"),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_any_text_reads_back_exactly_as_typed(text):
    doc = CaseDocument.from_text(
        Path("case.yaml"), "facts:\n  - id: f\n    text:\n      en: >-\n        old\n      uk: старе\n"
    )
    doc.set_text(doc.items("facts")[0], "text", "en", text)
    again = CaseDocument.from_text(Path("case.yaml"), doc.dump())
    assert again.get_text(again.items("facts")[0], "text", "en") == text
    assert again.get_text(again.items("facts")[0], "text", "uk") == "старе"


def test_typing_into_a_folded_text_keeps_it_folded(example_case):
    doc = CaseDocument.load(example_case)
    roles = fact(doc, "roles")
    typed = "Zhanara Akhmetova is an independent journalist and a leader of the DCK opposition movement."
    for end in range(len(typed) + 1):  # one keystroke at a time, through trailing spaces
        doc.set_text(roles, "text", "en", typed[:end])
    assert (
        "      en: >-\n        Zhanara Akhmetova is an independent journalist and a leader of the DCK opposition\n"
        "        movement.\n      uk: >-\n"
    ) in doc.dump()
    new = doc.add_item("facts")
    for end in range(len(typed) + 1):
        doc.set_text(new, "text", "en", typed[:end])
    assert "      en: >-\n        Zhanara Akhmetova is an independent" in doc.dump()


def test_styled_folds_long_new_text_and_keeps_short_plain():
    assert styled(None, "short") == "short"
    long = styled(None, "word " * 40 + "end")
    assert type(long).__name__ == "FoldedScalarString"
    assert styled(None, " leading space and a very long text " * 4).__class__.__name__ == (
        "DoubleQuotedScalarString"
    )


def test_dates_are_written_as_the_file_writes_them(mini_ws):
    path = mini_ws.root / "cases" / "test-case.yaml"
    doc = CaseDocument.load(path)
    event = doc.items("timeline")[0]
    order = SECTIONS["timeline"].order
    doc.set_date(event, "date", "2009", order)
    assert event["date"] == 2009
    doc.set_date(event, "date", "2017-03", order)
    assert event["date"] == "2017-03"
    doc.set_date(event, "date", "2020-05-14", order)
    assert event["date"] == dt.date(2020, 5, 14)
    assert "    date: 2020-05-14\n" in doc.dump()
    doc.set_date(event, "date", "14.05.2020", order)
    assert "    date: 14.05.2020\n" in doc.dump()


def test_an_invalid_case_is_not_written_and_each_problem_names_its_field(example_case):
    before = example_case.read_bytes()
    doc = CaseDocument.load(example_case)
    event = doc.add_item("timeline")
    doc.set_date(event, "date", "2020-13-45", SECTIONS["timeline"].order)
    doc.set_text(event, "text", "en", "Something happened.")
    outcome = save_or_explain(doc)
    assert outcome.saved is None
    assert example_case.read_bytes() == before, "nothing was written"
    assert sorted(p.name for p in example_case.parent.iterdir()) == ["akhmetova-extradition.yaml"]
    index = len(doc.items("timeline")) - 1
    found = {path: str(error) for path, error in outcome.problems}
    assert found[("timeline", index, "date")].endswith(
        "'date' '2020-13-45' is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY"
    )
    assert "akhmetova-extradition.yaml:" in found[("timeline", index, "date")]
    assert found[("timeline", index, "text")].endswith("'text' has no uk text — add the uk version")
    assert found[("timeline", index, "sources")].endswith(
        "timeline event 'new-event' names no source — add 'sources: [source-id]' backing it"
    )
    assert doc.modified, "the edits are still there to be corrected"


def test_adding_and_deleting_at_the_end_keeps_the_blank_line_between_sections(example_case):
    original = example_case.read_text(encoding="utf-8")
    doc = CaseDocument.load(example_case)
    event = doc.add_item("timeline")
    order = SECTIONS["timeline"].order  # as the Case tab gives it: a new key goes in its place
    doc.set_date(event, "date", "2020-06", order)
    doc.set_text(event, "text", "en", "A new event.", order)
    doc.set_text(event, "text", "uk", "Нова подія.", order)
    doc.set_refs(event, ["odf-brief-2020"], order)
    doc.delete_item("facts", doc.items("facts")[-1])
    text = doc.dump()
    assert (
        "    sources: [odf-brief-2020]\n  - id: new-event\n    date: 2020-06\n    text:\n"
        "      en: A new event.\n      uk: Нова подія.\n    sources: [odf-brief-2020]\n\nfacts:\n"
    ) in text
    assert "    sources: [liga-kazakhstan-crimea]\n\narguments:\n" in text
    removed, added = changed_lines(original, text)
    assert added == [
        "  - id: new-event",
        "    date: 2020-06",
        "    text:",
        "      en: A new event.",
        "      uk: Нова подія.",
        "    sources: [odf-brief-2020]",
    ]
    assert removed[0] == "  - id: extradition-test-for-authorities" and len(removed) == 14  # with as_of


def test_a_text_left_empty_is_not_written_as_an_empty_language(example_case):
    """A new source with its title typed in English only was written with ``uk: ''`` and
    ``publisher: {en: '', uk: ''}``, ``note: {en: '', uk: ''}``: lines of nothing, and a
    Ukrainian letter citing it named the source by its id."""
    original = example_case.read_text(encoding="utf-8")
    doc = CaseDocument.load(example_case)
    order = SECTIONS["sources"].order
    source = doc.add_item("sources")
    doc.set_plain(source, "id", "kyivpost-2024", order, keep_empty=True)
    doc.set_text(source, "title", "en", "Court hears the extradition case", order)
    doc.set_text(source, "publisher", "uk", "К", order)
    doc.set_text(source, "publisher", "uk", "", order)  # typed, then rubbed out
    doc.set_date(source, "date", "2024-05-02", order)
    doc.set_plain(source, "url", "https://www.kyivpost.com/post/12345", order)
    roles = fact(doc, "roles")
    doc.set_text(roles, "text", "uk", "", SECTIONS["facts"].order)
    doc.set_text(roles, "text", "uk", "Жанара Ахметова — журналістка.", SECTIONS["facts"].order)
    _removed, added = changed_lines(original, doc.dump())
    assert added == [
        "        Жанара Ахметова — журналістка.",
        "  - id: kyivpost-2024",
        "    title:",
        "      en: Court hears the extradition case",
        "    date: 2024-05-02",
        "    url: https://www.kyivpost.com/post/12345",
    ], "a text typed again after it was rubbed out keeps its place and its folding"
    doc.save()
    saved = next(s for s in load_case(example_case).sources if s.id == "kyivpost-2024")
    assert saved.title == {"en": "Court hears the extradition case"} and not saved.publisher


def test_inserting_after_an_item_and_ids_are_unique(mini_ws):
    doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
    first = doc.items("timeline")[0]
    new = doc.add_item("timeline", after=first)
    assert doc.items("timeline")[1] is new and new["id"] == "new-event"
    assert doc.add_item("timeline")["id"] == "new-event-2"


NOTE_AT_THE_END = "\n# Sources still to add: the ECtHR's interim measure of 2020.\n"


def _with_a_note_at_the_end(mini_ws):
    """The case with a campaigner's note after its last list (its sources)."""
    path = mini_ws.root / "cases" / "test-case.yaml"
    path.write_text(path.read_text(encoding="utf-8") + NOTE_AT_THE_END, encoding="utf-8")
    return path


def test_a_source_added_at_the_end_keeps_the_note_after_the_list_below_it(mini_ws):
    """A note after the last source was lost when a source was added after it."""
    path = _with_a_note_at_the_end(mini_ws)
    doc = CaseDocument.load(path)
    source = doc.add_item("sources")
    doc.set_plain(source, "id", "echr", SECTIONS["sources"].order, keep_empty=True)
    doc.set_text(source, "title", "en", "ECtHR interim measure")
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert text.count("# Sources still to add") == 1
    assert text.index("ECtHR interim measure") < text.index("# Sources still to add")


def test_deleting_the_last_source_keeps_the_note_after_the_list(mini_ws):
    path = _with_a_note_at_the_end(mini_ws)
    doc = CaseDocument.load(path)
    fact = doc.items("facts")[0]
    doc.set_refs(fact, ["unhcr-doc"])  # the last source, "brief", cited no more
    event = next(e for e in doc.items("timeline") if e["id"] == "arrival")
    doc.set_refs(event, ["court"])
    doc.delete_item("sources", doc.items("sources")[-1])
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert "Open Dialogue Foundation" not in text
    assert text.count("# Sources still to add") == 1
    assert text.index("UNHCR protection letter") < text.index("# Sources still to add")


def test_an_empty_case_gets_block_lists(tmp_path):
    root = init_empty_workspace(tmp_path / "empty")
    path = root / "cases" / "new-case.yaml"
    doc = CaseDocument.load(path)
    demand = doc.add_item("demands")
    doc.set_text(demand, "text", "en", "Free her.")
    source = doc.add_item("sources")
    doc.set_plain(source, "id", "brief", SECTIONS["sources"].order, keep_empty=True)
    doc.set_text(source, "title", "en", "Brief")
    fact_ = doc.add_item("facts")
    doc.set_text(fact_, "text", "en", "A fact.")
    doc.set_refs(fact_, ["brief"])
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert "demands:\n  - id: new-demand\n    text:\n      en: Free her.\n" in text
    case = load_case(path)
    assert case.facts[0].sources == ("brief",)
    assert case.demands[0].text == {"en": "Free her."}


def test_unknown_keys_and_other_languages_survive(mini_ws):
    path = mini_ws.root / "cases" / "test-case.yaml"
    text = path.read_text().replace("facts:\n", "x-reviewed-by: Anna  # who checked it\nfacts:\n")
    text = text.replace(
        "    sources: [unhcr-doc, brief]\n", "    sources: [unhcr-doc, brief]\n    note: from the brief\n"
    )
    path.write_text(text)
    doc = CaseDocument.load(path)
    doc.set_text(doc.items("facts")[0], "text", "en", "UNHCR protects her.")
    doc.set_text(doc.data, "title", "en", "Stop it")
    doc.save()
    after = path.read_text()
    assert "x-reviewed-by: Anna  # who checked it\n" in after
    assert "    note: from the brief\n" in after
    assert "kk: Жанара Ахметова" in after
    assert "uk: УВКБ ООН захищає її від примусового повернення." in after


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(mini_ws):
    path = mini_ws.root / "cases" / "test-case.yaml"
    doc = CaseDocument.load(path)
    doc.set_text(doc.items("facts")[0], "text", "en", "Changed here.")
    path.write_text(path.read_text().replace("Stop the extradition.", "Changed elsewhere."))
    with pytest.raises(CaseChangedOnDisk) as caught:
        save_or_explain(doc)
    assert "test-case.yaml: the case file was changed by another program" in str(caught.value)
    assert "Changed elsewhere." in path.read_text()
    assert save_or_explain(doc, force=True).saved is not None
    assert "Changed here." in path.read_text() and "Changed elsewhere." not in path.read_text()


def test_refs_keep_their_flow_style_and_parse_from_typing(mini_ws):
    doc = CaseDocument.load(mini_ws.root / "cases" / "test-case.yaml")
    item = doc.items("facts")[0]
    assert parse_refs(" brief,court ,, unhcr-doc ") == ["brief", "court", "unhcr-doc"]
    doc.set_refs(item, ["brief", "court"])
    assert "    sources: [brief, court]\n" in doc.dump()
    assert not doc.set_refs(item, ["brief", "court"])


def test_deleting_argument_points(example_case):
    doc = CaseDocument.load(example_case)
    argument = doc.items("arguments")[0]
    count = len(doc.points(argument))
    point = doc.add_point(argument, after=doc.points(argument)[0])
    assert doc.points(argument)[1] is point
    doc.delete_point(argument, point)
    doc.delete_point(argument, doc.points(argument)[-1])
    assert len(doc.points(argument)) == count - 1
    text = doc.dump()
    assert "\n\n  - id: dck-activities\n" not in text  # no blank line inside the list
    load_case_text = CaseDocument.from_text(example_case, text)
    assert len(load_case_text.points(load_case_text.items("arguments")[0])) == count - 1


BAD_CASE = """\
id: c
languages: [en]
title: {en: T}
person: {name: {en: N}}
summary: {en: S}
timeline:
  - id: e
    date: %(date)s
    text: {en: E}
    sources: %(refs)s
  - id: e
    date: 2020
    text: {en: E}
    sources: [s]
demands: []
supporters:
  - id: p
    name: {en: P}
    kind: %(kind)s
    sources: [s]
sources:
  - id: s
    title: S
    url: %(url)s
"""


def loader_messages(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((UserError, UserErrors)) as caught:
        load_case(path)
    return [f"{e.message} — {e.hint}" if e.hint else e.message for e in flatten(caught.value)]


def test_field_checks_say_what_the_loader_says(tmp_path):
    messages = loader_messages(
        BAD_CASE % {"date": "'2020-13-45'", "refs": "[s, nope]", "kind": "friend", "url": "www.x.org"},
        tmp_path,
    )
    assert check_date("date", "2020-13-45", True) in messages
    assert check_refs("timeline event 'e'", ["s", "nope"], ["s"]) == [
        m for m in messages if "unknown source" in m
    ]
    assert check_id("timeline event", "e", ["e"]) in messages
    assert check_kind("p", "friend") in messages
    assert check_url("s", "www.x.org") in messages
    messages = loader_messages(
        BAD_CASE % {"date": "''", "refs": "[]", "kind": "ngo", "url": "https://x.org"}, tmp_path
    )
    assert check_date("date", "", True) in messages
    assert check_refs("timeline event 'e'", [], ["s"])[0] in messages
    assert check_date("date", "2017-03", True) is None
    assert check_date("date", "", False) is None


def test_problem_paths_point_at_items_and_fields(tmp_path):
    text = BAD_CASE % {"date": "'2020-13-45'", "refs": "[s, nope]", "kind": "friend", "url": "www.x.org"}
    path = tmp_path / "case.yaml"
    path.write_text(text)
    with pytest.raises((UserError, UserErrors)) as caught:
        load_case(path)
    doc = CaseDocument.load(path)
    paths = {problem_path(doc.data, e)[:3] for e in flatten(caught.value)}
    assert ("timeline", 0, "date") in paths
    assert ("timeline", 0, "sources") in paths
    assert ("timeline", 1, "id") in paths
    assert ("supporters", 0, "kind") in paths
    assert ("sources", 0, "url") in paths


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- id: test-case\n", 1, "a case file must be a mapping of keys — start with 'id: …'"),
        ("id: test-case\nlanguages: [en]\ntimeline:\n  - date: 2020-13-45\n", 4, "malformed YAML: "),
    ],
)
def test_a_file_that_is_no_case_is_the_same_located_problem_in_the_editor_and_the_cli(
    mini_ws, cli, text, line, problem
):
    path = mini_ws.write("cases/test-case.yaml", text)
    result = cli("check", "-w", "ws")
    assert result.code == 1 and "Traceback" not in result.err
    assert f"error: ws/cases/test-case.yaml:{line}: {problem}" in result.err
    with pytest.raises(UserError) as caught:
        CaseDocument.load(path)
    assert caught.value.where is not None and caught.value.where.line == line
    assert str(caught.value).split(": ", 1)[1] in result.err
