"""The bundled example tells the truth about time and sources: every fact is dated, every
letter says as of when it states one, and a claim is attributed to what its source is."""

from __future__ import annotations

from pypdf import PdfReader

from campaign_app.core.campaign.workspace import Workspace


def test_every_fact_is_dated_and_no_letter_states_an_old_fact_as_current(tmp_path, cli):
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    case = Workspace(ws_dir).case
    assert [f.id for f in case.facts if f.as_of is None] == []
    result = cli("check", "-w", ws_dir)
    assert result.code == 0, result.err
    assert "as current" not in result.out
    assert "unknown key" not in result.out


def test_letters_attribute_the_torture_claim_to_the_ngo_submissions_and_date_the_facts(tmp_path, cli):
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    for template in ("ukraine-official-appeal-en", "ukraine-official-appeal-uk"):
        result = cli(
            "generate", "-w", ws_dir, "--template", template, "--query", "id:ua-president", "--format", "pdf"
        )
        assert result.code == 0, result.err
    en = " ".join(
        " ".join(p.extract_text() for p in PdfReader(pdf).pages)
        for pdf in (ws_dir / "out" / "ukraine-official-appeal-en").glob("*.pdf")
    )
    flat = " ".join(en.split())
    assert "Human Rights Council notes" not in flat and "Council’s review" not in flat
    assert (
        "Non-governmental organisations told the UN’s Universal Periodic Review of Kazakhstan in 2019" in flat
    )
    assert "As of May 2020: According to the Open Dialogue Foundation’s sources" in flat
    uk = " ".join(
        " ".join(p.extract_text() for p in PdfReader(pdf).pages)
        for pdf in (ws_dir / "out" / "ukraine-official-appeal-uk").glob("*.pdf")
    )
    assert "Станом на травень 2020 р.:" in " ".join(uk.split())
    # a sentence after a colon takes no capital in Ukrainian: the date follows those facts
    assert "р.: За" not in " ".join(uk.split())
    assert " ".join(uk.split()).count("(Відомості станом на травень 2020 р.)") == 2
    assert "Рада ООН з прав людини зазначає" not in uk
