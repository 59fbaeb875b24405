"""Dated facts and the case file's keys, as `check` reports them while the clock moves.

A campaign lives for months: a fact true in June is stale by September. What a campaigner
checks: the warning names the fact, its date and the template line that states it; it
appears when the fact grows old and not before; a letter that says "as of …" is not
warned about; a misspelt key in the case file is named at its line with the right word.
"""

from __future__ import annotations

import datetime as dt

import time_machine

CASE = "cases/test-case.yaml"


def date_fact(mini_ws, as_of: str = "2026-06-01") -> None:
    path = mini_ws.root / CASE
    text = path.read_text().replace("  - id: unhcr\n", f"  - id: unhcr\n    as_of: {as_of}\n")
    path.write_text(text)


def at(day: str):
    return time_machine.travel(dt.datetime.fromisoformat(day + "T12:00:00+00:00"), tick=False)


def stale_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if "as current" in line]


def test_a_stale_fact_is_warned_about_once_it_is_old_and_names_fact_and_template_line(mini_ws, cli):
    with at("2036-01-01"):  # an undated fact is never called stale
        assert stale_lines(cli("check", "-w", mini_ws.root).out) == []
    date_fact(mini_ws)
    with at("2026-08-01"):  # 61 days: fresh
        fresh = cli("check", "-w", mini_ws.root)
    assert fresh.code == 0, fresh.err
    assert stale_lines(fresh.out) == []
    with at("2026-09-15"):  # 106 days: older than the default 90
        old = cli("check", "-w", mini_ws.root)
    assert old.code == 0, old.err
    (line,) = stale_lines(old.out)
    assert line.startswith(
        "warning: ws/letter_templates/appeal-en.md:10: template 'appeal-en' states fact 'unhcr'"
    )
    assert "(as of 2026-06-01, 106 days ago) as current in 2 letter(s): mep-1, mep-2" in line
    assert "as of {{ format_date(case.fact('unhcr').as_of) }}" in line


def test_the_limit_is_facts_stale_after_days_in_campaign_yaml(mini_ws, cli):
    date_fact(mini_ws)
    campaign = mini_ws.root / "campaign.yaml"
    campaign.write_text(campaign.read_text() + "facts_stale_after_days: 200\n")
    with at("2026-09-15"):
        assert stale_lines(cli("check", "-w", mini_ws.root).out) == []
    with at("2027-01-10"):
        (line,) = stale_lines(cli("check", "-w", mini_ws.root).out)
    assert "223 days ago" in line and "facts_stale_after_days in campaign.yaml: 200" in line
    campaign.write_text(campaign.read_text().replace("200", "soon"))
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert "campaign.yaml:" in result.err and "'facts_stale_after_days' must be a whole number" in result.err


def test_a_letter_that_dates_the_fact_does_not_state_it_as_current(mini_ws, cli):
    date_fact(mini_ws)
    path = mini_ws.root / "letter_templates" / "appeal-en.md"
    path.write_text(
        path.read_text().replace(
            "{{ fact('unhcr') }}", "As of {{ format_date(case.fact('unhcr').as_of) }}: {{ fact('unhcr') }}"
        )
    )
    with at("2026-12-01"):
        result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert stale_lines(result.out) == []
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "docx")
    from docx import Document

    (docx,) = (mini_ws.root / "out" / "appeal-en").glob("mep-1_*.docx")
    text = "\n".join(p.text for p in Document(docx).paragraphs)
    assert "As of 1 June 2026: UNHCR protects her from forcible return." in text


def test_unknown_keys_in_the_case_file_are_reported_at_their_line_with_the_right_word(mini_ws, cli):
    path = mini_ws.root / CASE
    text = path.read_text()
    text = text.replace("  - id: unhcr\n", "  - id: unhcr\n    as-of: 2026-06-01\n")
    text = text.replace("  - id: arrival\n", "  - id: arrival\n    kynd: decision\n")
    text = text.replace("facts:\n", "x-checked-by: Anna\nfacts:\n")
    text = text.replace("  - id: supreme-court\n", "  - id: supreme-court\n    kind: decision\n")
    path.write_text(text)
    lines = text.splitlines()
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    as_of_line = lines.index("    as-of: 2026-06-01") + 1
    kind_line = lines.index("    kynd: decision") + 1
    assert (
        f"warning: ws/{CASE}:{as_of_line}: unknown key 'as-of' in fact: it is not read — did you mean 'as_of'?"
        in result.out
    )
    assert (
        f"warning: ws/{CASE}:{kind_line}: unknown key 'kynd' in timeline event: it is not read — did you mean 'kind'?"
        in (result.out)
    )
    assert "x-checked-by" not in result.out  # a note of the user's own
    assert "'kind'" not in result.out.replace("did you mean 'kind'", "")  # kind: decision is known


def test_a_misspelt_key_that_makes_letters_fail_is_said_first_where_the_check_fails(mini_ws, cli):
    """'as_off:' dropped a fact's date: check failed with a format_date() error at each
    template's line, and the warning that named the misspelt key was never printed."""
    path = mini_ws.root / CASE
    text = path.read_text().replace("  - id: unhcr\n", "  - id: unhcr\n    as_off: 2026-06-01\n")
    path.write_text(text)
    template = mini_ws.root / "letter_templates" / "appeal-en.md"
    template.write_text(template.read_text() + "\nAs of {{ format_date(case.fact('unhcr').as_of) }}.\n")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("    as_off: "))) + 1
    errors = [x for x in result.err.splitlines() if x.startswith("error:")]
    assert errors[0].startswith(f"error: ws/{CASE}:{line}: unknown key 'as_off' in fact: it is not read")
    assert "did you mean 'as_of'?" in errors[0]
    assert any("format_date" in x for x in errors[1:])


def test_a_misspelt_key_that_makes_the_case_fail_is_said_with_the_failure(mini_ws, cli):
    """'source:' for 'sources:' failed with "fact names no source" alone: the key written
    instead, which the loader had noticed, was never said."""
    path = mini_ws.root / CASE
    text = path.read_text()
    fact = text[text.index("facts:") :]
    sources = fact[fact.index("    sources:") :].split("\n", 1)[0]
    assert sources.startswith("    sources: [")
    text = text.replace(sources, sources.replace("sources:", "source:"), 1)
    path.write_text(text)
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    line = text.splitlines().index(sources.replace("sources:", "source:")) + 1
    errors = [x for x in result.err.splitlines() if x.startswith("error:")]
    assert errors[0].startswith(f"error: ws/{CASE}:{line}: unknown key 'source' in fact: it is not read")
    assert "did you mean 'sources'?" in errors[0]
    assert any("names no source" in x for x in errors[1:])


def test_an_event_kind_must_be_one_of_the_known_kinds(mini_ws, cli):
    path = mini_ws.root / CASE
    text = path.read_text().replace("  - id: supreme-court\n", "  - id: supreme-court\n    kind: hearng\n")
    path.write_text(text)
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    line = text.splitlines().index("    kind: hearng") + 1
    assert (
        f"error: ws/{CASE}:{line}: timeline event 'supreme-court' has unknown kind 'hearng' — use one of hearing,"
        in (result.err)
    )


def test_facts_written_in_a_loop_over_case_facts_are_each_stated(mini_ws, cli):
    """``{% for f in case.facts %}{{ f.text }}`` states every fact as current: an old one
    among them is warned about as it is when named one by one."""
    date_fact(mini_ws)
    mini_ws.write(
        "letter_templates/all-facts.md",
        "---\nid: all-facts\ntitle: All\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "Dear colleague,\n\n{% for f in case.facts %}{{ f.text }} {% endfor %}\n",
    )
    with at("2026-09-15"):
        result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    looped = [line for line in stale_lines(result.out) if "'all-facts'" in line]
    assert len(looped) == 1, result.out
    assert looped[0].startswith(
        "warning: ws/letter_templates/all-facts.md:10: template 'all-facts' states fact 'unhcr'"
    )


def test_a_date_asked_of_an_undated_fact_says_what_to_do_not_nonetype(mini_ws, cli):
    """'asof:' for 'as_of:' leaves the fact undated; the template's format_date of it said
    "cannot format NoneType as a date", which means nothing to a campaigner."""
    path = mini_ws.root / "letter_templates" / "appeal-en.md"
    path.write_text(
        path.read_text().replace("{{ fact('unhcr') }}", "As of {{ format_date(case.fact('unhcr').as_of) }}:")
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1 and "NoneType" not in result.err
    assert "format_date() was given no date: the fact or event has none" in result.err
    assert "as_of: YYYY-MM-DD" in result.err and "appeal-en.md:" in result.err


def test_letters_without_a_signatory_are_warned_about(mini_ws, cli):
    campaign = mini_ws.root / "campaign.yaml"
    kept, inside = [], False
    for line in campaign.read_text().splitlines():
        inside = line == "signatories:" or (inside and line.startswith((" ", "-")))
        if not inside:
            kept.append(line)
    campaign.write_text("\n".join(kept) + "\n")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "warning: campaign.yaml: no signatories: every letter ends with its closing" in result.out


def test_a_case_files_parts_are_named_in_the_interface_language(mini_ws, cli, monkeypatch):
    """A Ukrainian message read "невідомий ключ 'as_off' у fact": the part in English, in
    the wrong case. The part is named in Ukrainian, in a sentence that needs no case ending."""
    path = mini_ws.root / CASE
    path.write_text(path.read_text().replace("  - id: unhcr\n", "  - id: unhcr\n    as_off: 2026-06-01\n"))
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("check", "-w", mini_ws.root)
    assert "невідомий ключ 'as_off' (факт): він не читається — можливо, 'as_of'?" in result.out
    assert " fact" not in result.out
