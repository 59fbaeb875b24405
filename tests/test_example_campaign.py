"""The bundled example campaign, end to end through the command line, as a user runs it."""

from __future__ import annotations

import csv
import json
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from campaign_app import __version__
from tests.tools import need

KAZAKH_AND_UKRAINIAN = "ӘәҒғҚқҢңӨөҰұҮүҺһІіЇїЄєҐґ"


def pdf_text(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in PdfReader(path).pages))


@pytest.fixture
def example(cli, tmp_path):
    result = cli("init", "campaign")
    assert result.code == 0, result.err
    return tmp_path / "campaign"


def test_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"campaign-app {__version__}"


def test_init_copies_the_example_and_check_passes(cli, example):
    for part in ("campaign.yaml", "cases/akhmetova-extradition.yaml", "recipients/meps.csv"):
        assert (example / part).is_file()
    assert len(list((example / "letter_templates").glob("*.md"))) >= 5
    result = cli("check", "-w", "campaign")
    assert result.code == 0, result.err
    assert "ok: case 'akhmetova-extradition'" in result.out
    for template in (
        "mep-appeal-en",
        "un-special-rapporteur-urgent-en",
        "ukraine-official-appeal-uk",
        "ukraine-official-appeal-en",
        "thank-you-en",
    ):
        assert f"template '{template}'" in result.out
    assert "letters render without errors" in result.out
    assert "warning: campaign.yaml: the sender is the bundled example" in result.out


def test_the_case_holds_every_source_of_the_brief(example):
    from campaign_app.core.case.load import load_case

    case = load_case(example / "cases" / "akhmetova-extradition.yaml")
    footnotes = sorted(n for s in case.sources for n in s.footnotes)
    assert footnotes == list(range(1, 48))
    assert case.person.name["en"] == "Zhanara Akhmetova" and case.person.name["uk"] == "Жанара Ахметова"
    dates = {e.date.isoformat() for e in case.timeline}
    assert {"2018-07-31", "2018-09-17", "2020-02-25", "2020-05-14", "2020-05-19", "2020-05-20"} <= dates
    assert [a.label for a in case.arguments] == ["A", "B", "C", "D"]


def test_recipient_queries_are_accent_insensitive(cli, example):
    meps = cli("recipients", "list", "-w", "campaign", "--query", "category:mep")
    assert meps.code == 0
    assert "Michal Šimečka" in meps.out and "Rasa Juknevičienė" in meps.out
    assert "Зеленський" not in meps.out
    one = cli("recipients", "list", "-w", "campaign", "--query", "simecka")
    assert "Michal Šimečka" in one.out and "1 recipient(s)" in one.out


def test_every_entry_has_a_source_and_no_email_is_invented(example):
    from campaign_app.core.directory.load import directory_files, load_directory

    directory = load_directory(directory_files(example / "recipients"))
    for r in directory:
        assert r.source_url.startswith("https://") or r.source_url.startswith("http://"), r.id
        assert r.verified_on is not None, r.id
        if r.email:
            assert r.category == "mep" and r.email.endswith("@europarl.europa.eu"), r.id
        for name in (r.given_name, r.family_name):
            assert "?" not in str(name), r.id


def test_export_writes_a_csv_that_reads_back(cli, example, tmp_path):
    result = cli("recipients", "export", "meps.csv", "-w", "campaign", "--query", "category:mep")
    assert result.code == 0
    with (tmp_path / "meps.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["family_name"] for r in rows} >= {"Šimečka", "Juknevičienė", "Bilčík"}
    assert all(r["category"] == "mep" for r in rows)
    # every field an entry may have: the former MEP's term end read back, as check warns of it
    (simecka,) = [r for r in rows if r["id"] == "mep-103746"]
    assert simecka["in_office_until"] == "2023-10-24" and "addressee" in simecka
    assert result.err == ""  # one language each: nothing left out


def test_an_export_says_which_entries_lose_their_other_languages(cli, example, tmp_path):
    result = cli(
        "recipients", "export", "ua.csv", "-w", "campaign", "--query", "country:UA category:national_official"
    )
    assert result.code == 0, result.err
    (note,) = result.err.splitlines()
    assert note.startswith("note: 6 entries have texts in several languages") and "ua-president" in note
    with (tmp_path / "ua.csv").open(encoding="utf-8-sig", newline="") as fh:
        president = next(r for r in csv.DictReader(fh) if r["id"] == "ua-president")
    assert president["addressee"].startswith("Президентові України")  # the entry's own language


def test_importing_the_campaigns_own_export_finds_every_entry_it_has(cli, example, tmp_path):
    """A re-import of an export (a colleague's edited copy, a backup) is the same people:
    an entry kept in Ukrainian and English is matched by its id and its name in either
    language, an office without a person's name by its id and its office; none is added
    again as 'ua-president-2', and a term's end the entry has is not "filled in"."""
    assert cli("recipients", "export", "all.csv", "-w", "campaign").code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "campaign" / "recipients").iterdir()}
    result = cli("recipients", "import", "all.csv", "-w", "campaign")
    assert result.code == 0, result.err
    assert "Result: 0 added, 0 updated, 25 unchanged, 0 skipped (of 25 rows)." in result.out
    assert "-2'" not in result.out and "filled in" not in result.out
    after = {p.name: p.read_bytes() for p in (tmp_path / "campaign" / "recipients").iterdir()}
    assert after == before  # no file written, none added


def test_generate_writes_letters_that_say_what_a_campaigner_expects(cli, example, tmp_path):
    result = cli(
        "generate", "-w", "campaign", "--template", "mep-appeal-en", "--format", "both", "--out", "letters"
    )
    assert result.code == 0, result.err
    out = tmp_path / "letters"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]
    pdfs = {e["recipient_id"]: out / e["path"] for e in manifest if e["format"] == "pdf"}
    assert "mep-197840" in pdfs and "mep-124963" not in pdfs  # Julie Ward left Parliament in 2020
    text = pdf_text(pdfs["mep-197840"])
    assert "Dear Ms Juknevičienė," in text
    assert "Ms Rasa Juknevičienė\nMember of the European Parliament" in text
    assert "Zhanara Akhmetova" in text
    assert "Yours sincerely," in text
    reader = PdfReader(pdfs["mep-197840"])
    meta = reader.metadata
    assert meta.subject and "Akhmetova" in meta.subject
    assert meta.title == meta.subject  # what the letter is about, not the template's own title
    assert meta.author == "Example Human Rights Network"
    uris = {
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    }
    assert any("ohchr.org" in u or "europarl.europa.eu" in u for u in uris)


def test_ukrainian_letters_use_the_vocative_and_every_glyph_is_in_the_font(cli, example, tmp_path):
    from reportlab.pdfbase import pdfmetrics

    from campaign_app.core.common.fonts import register_pdf_fonts

    result = cli(
        "generate", "-w", "campaign", "--template", "ukraine-official-appeal-uk", "-f", "pdf", "--out", "o"
    )
    assert result.code == 0, result.err
    president = next((tmp_path / "o" / "ukraine-official-appeal-uk").glob("ua-president*.pdf"))
    text = pdf_text(president)
    assert "Шановний пане Президенте!" in text
    assert "Жанари Ахметової" in text or "Жанарі Ахметовій" in text
    assert "З повагою," in text
    family = register_pdf_fonts()
    face = pdfmetrics.getFont(family).face
    for pdf in (tmp_path / "o").rglob("*.pdf"):
        for ch in set(pdf_text(pdf)) - {"\n", " "}:
            assert ord(ch) in face.charToGlyph, f"{pdf.name}: no glyph for {ch!r} U+{ord(ch):04X}"
    assert all(ord(ch) in face.charToGlyph for ch in KAZAKH_AND_UKRAINIAN)


def test_pdf_pages_render_with_poppler(cli, example, tmp_path):
    pdftoppm = need("pdftoppm")
    cli("generate", "-w", "campaign", "-t", "un-special-rapporteur-urgent-en", "-f", "pdf", "--out", "o")
    pdf = next((tmp_path / "o").rglob("*.pdf"))
    subprocess.run([pdftoppm, "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pages) <= 4
    assert all(p.stat().st_size > 5000 for p in pages)


def test_docx_opens_in_libreoffice_and_says_the_same_as_the_pdf(cli, example, tmp_path):
    soffice = need("soffice")
    cli("generate", "-w", "campaign", "-t", "ukraine-official-appeal-en", "-q", "zelenskyy", "--out", "o")
    docx = next((tmp_path / "o").rglob("*.docx"))
    pdf = docx.with_suffix(".pdf")
    conv = tmp_path / "lo"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(conv),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from_docx = " ".join(pdf_text(conv / pdf.name).split())
    from_pdf = " ".join(pdf_text(pdf).split())
    for phrase in ("Dear Mr President,", "Zhanara Akhmetova", "Yours sincerely,"):
        assert phrase in from_docx and phrase in from_pdf


def test_init_refuses_a_non_empty_folder_and_leaves_it_alone(cli, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("init", "busy")
    assert result.code == 1
    assert "already exists and is not empty" in result.err
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".init-")]


def test_init_over_a_file_names_the_file_not_the_systems_words(cli, tmp_path):
    (tmp_path / "f").write_text("mine", encoding="utf-8")
    for target in ("f", "f/sub"):
        result = cli("init", target)
        assert result.code == 1
        (line,) = result.err.splitlines()
        assert "f is a file, not a folder" in line and "nothing was changed" in line, line
        assert "File exists" not in line and ".init-" not in line
    assert (tmp_path / "f").read_text(encoding="utf-8") == "mine"


def test_an_empty_campaign_is_valid_and_says_there_is_nothing_to_generate(tmp_path):
    from campaign_app.core.campaign.check import check_workspace
    from campaign_app.core.campaign.creation import init_empty_workspace
    from campaign_app.core.campaign.workspace import Workspace

    report = check_workspace(Workspace(init_empty_workspace(tmp_path / "empty")))
    assert any("holds no template" in w for w in report.warnings)
    # its placeholders would be the sender of every letter: said, and no send goes out
    (said,) = [w for w in report.warnings if "placeholders" in w]
    assert "sender.organisation: 'Your organisation'" in said and "signatories.name: 'Your name'" in said


def test_a_new_empty_campaigns_placeholders_are_never_the_sender_of_an_email(cli, tmp_path, server):
    from smtp_server import use_server

    from campaign_app.core.campaign.creation import init_empty_workspace

    class Root:
        root = init_empty_workspace(tmp_path / "empty")

    use_server(Root, server)
    (Root.root / "recipients" / "people.csv").write_text(
        "id,category,given_name,family_name,gender,country,language,email\n"
        "mep-1,mep,Anna,Nowak,f,PL,en,anna@example.org\n",
        encoding="utf-8",
    )
    (Root.root / "letter_templates" / "a.md").write_text(
        "---\nid: a\ntitle: A\nlanguage: en\naudience: category:mep\nsubject: S\n---\nText.\n",
        encoding="utf-8",
    )
    result = cli("send", "-w", Root.root, "-t", "a", "--yes")
    assert result.code == 1 and server.connections == 0
    assert "still holds a new campaign's placeholders (sender.organisation: 'Your organisation'" in result.err
    assert "nothing was sent" in result.err
    assert cli("send", "-w", Root.root, "-t", "a", "--dry-run").code == 0


def test_init_empty_makes_the_empty_campaign_the_window_makes(cli, tmp_path):
    result = cli("init", "fresh", "--empty")
    assert result.code == 0, result.err
    assert result.out.startswith("Created fresh with an empty campaign.")
    assert sorted(p.name for p in (tmp_path / "fresh").iterdir()) == [
        "campaign.yaml",
        "cases",
        "letter_templates",
        "recipients",
    ]
    assert "example: true" not in (tmp_path / "fresh" / "campaign.yaml").read_text(encoding="utf-8")
    checked = cli("check", "-w", "fresh")
    assert checked.code == 0 and "holds no template" in checked.out


def test_the_window_without_a_display_is_one_clear_line(cli, monkeypatch):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    result = cli()
    assert result.code == 1
    assert result.err.startswith("error: no display to show the window on")
    assert "campaign-app --help" in result.err


def test_the_further_information_letter_with_nothing_new_does_not_promise_news(cli, example, tmp_path):
    """It said "we are writing again to inform you of what has happened since our last
    letter", then "we know of no new development": for each language, one or the other."""
    for appeal, further, rid in (
        ("mep-appeal-en", "further-information-en", "mep-197650"),
        ("ukraine-official-appeal-uk", "further-information-uk", "ua-president"),
    ):
        assert cli("generate", "-w", "campaign", "-t", appeal, "-q", f"id:{rid}", "-f", "pdf").code == 0
        marked = cli("log", "mark", rid, "-w", "campaign", "--status", "sent", "--channel", "post")
        assert marked.code == 0, marked.err
        out = tmp_path / further
        result = cli(
            "generate", "-w", "campaign", "-t", further, "-q", f"id:{rid}", "-f", "pdf", "--out", out
        )
        assert result.code == 0, result.err
        (pdf,) = out.rglob("*.pdf")
        text = " ".join(pdf_text(pdf).split())
        if further.endswith("-en"):
            assert "We are writing again because her case is still open." in text
            assert "know of no new development" in text and "inform you of what has happened" not in text
        else:
            assert "Пишемо знову, бо її справа досі не вирішена." in text
            assert "нам не відомо про нові події" in text and "що сталося" not in text


def test_a_letter_abroad_ends_its_address_with_the_country_in_every_language(example):
    """From Brussels to Kyiv: the English address said "Ukraine", the Ukrainian one stopped
    at "м. Київ, 01220" (a window envelope then showed an inland address)."""
    import datetime as dt

    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.core.letters.render import render_letter

    ws = Workspace(example)

    def lines(template_id: str, rid: str) -> tuple[str, ...]:
        letter = render_letter(
            ws.template(template_id), ws.directory.get(rid), ws.case, ws.campaign, dt.date(2026, 12, 4)
        )
        return letter.recipient_lines

    assert lines("ukraine-official-appeal-uk", "ua-president")[-2:] == ("м. Київ, 01220", "UKRAINE")
    assert lines("ukraine-official-appeal-en", "ua-president")[-2:] == ("Kyiv 01220", "Ukraine")
    assert lines("mep-appeal-en", "mep-197771")[-1] == "Belgium"  # an MEP's office: Brussels


def test_the_sources_of_a_ukrainian_letter_name_their_publishers_in_ukrainian(example):
    """«Джерела» said "Unified State Register of Court Decisions of Ukraine" and "Open Dialogue
    Foundation, травень 2020 р.": a publisher may now be written per language, as a title."""
    import datetime as dt

    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.core.letters.render import render_letter

    ws = Workspace(example)
    template, president = ws.template("ukraine-official-appeal-uk"), ws.directory.get("ua-president")
    notes = [
        f.text
        for f in render_letter(template, president, ws.case, ws.campaign, dt.date(2026, 12, 4)).footnotes
    ]
    said = " ".join(notes)
    assert "Єдиний державний реєстр судових рішень, 31 липня 2018\xa0р." in said
    assert "Фонд «Відкритий діалог», травень 2020\xa0р." in said
    assert "Unified State Register" not in said and "Open Dialogue Foundation" not in said
    english = render_letter(
        ws.template("ukraine-official-appeal-en"), president, ws.case, ws.campaign, dt.date(2026, 12, 4)
    )
    assert any("Unified State Register of Court Decisions of Ukraine" in f.text for f in english.footnotes)
