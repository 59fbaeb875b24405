"""The DOCX writer, checked by reading the file back as Word or a user would see it."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from campaign_app.core.letters.document import (
    Footnote,
    FootnoteRef,
    Heading,
    Letter,
    Letterhead,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Signatory,
)
from campaign_app.core.letters.docx.language import word_language
from campaign_app.core.letters.docx.writer import docx_bytes, write_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R, "pr": PR}
HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

KAZAKH = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі"
SCRIPT = "<script> & co"
BODY_LINK = "https://example.org/report?lang=uk&section=3"
URLS = (
    "https://www.amnesty.org/en/documents/eur50/1234/2025/en/?utm_source=newsletter&utm_medium=email&utm_campaign=free-simecka-and-juknevicience-now",
    "https://www.hrw.org/report/2025/03/14/locked-up-for-speaking-out/arbitrary-detention-of-human-rights-defenders-in-eastern-europe",
    "https://www.ohchr.org/en/documents/thematic-reports/ahrc5527-report-special-rapporteur-situation-human-rights-defenders#para-41",
)
FOOTNOTE_TEXTS = (
    "Amnesty International, Urgent Action: Mikuláš Šimečka, 2025.",
    f"Human Rights Watch, «Ув'язнені за слово», {SCRIPT}, 2025.",
    "UN Special Rapporteur, report A/HRC/55/27 (Қазақстан), 2024.",
)


def make_letter(*, paper: str = "A4", language: str = "uk") -> Letter:
    body = (
        Paragraph(
            (
                Run("We are writing about "),
                Run("Mikuláš Šimečka", bold=True),
                Run(", detained since March 2024"),
                FootnoteRef(1),
                Run(". "),
                Run("Ми глибоко стурбовані його станом.", italic=True),
            )
        ),
        Heading(1, (Run("Background"),)),
        Paragraph(
            (
                Run("His colleague Ona Juknevičienė, of the group "),
                Run(SCRIPT),
                Run(", was also questioned; see "),
                Run("the full report", link=BODY_LINK),
                FootnoteRef(2),
                Run("."),
                LineBreak(),
                Run(f"Kazakh letters: {KAZAKH}."),
            )
        ),
        ListBlock(
            ordered=False,
            items=(
                ListItem(
                    (
                        Paragraph((Run("He was denied a lawyer"),)),
                        ListBlock(
                            ordered=True,
                            items=(
                                ListItem((Paragraph((Run("for 12 days"),)),)),
                                ListItem((Paragraph((Run("and again in May"), FootnoteRef(1))),)),
                            ),
                        ),
                    )
                ),
                ListItem((Paragraph((Run("His family was not informed"),)),)),
            ),
        ),
        ListBlock(
            ordered=True,
            start=3,
            items=(
                ListItem((Paragraph((Run("Release him immediately"),)),)),
                ListItem((Paragraph((Run("Investigate the ill-treatment"),)),)),
            ),
        ),
        Quote((Paragraph((Run("Everyone has the right to liberty."), FootnoteRef(3))),)),
    )
    return Letter(
        recipient_id="min-justice-lt",
        template_id="urgent-appeal",
        case_id="simecka-2025",
        language=language,
        title="Appeal: Mikuláš Šimečka",
        author="Rights Watch Europe",
        subject="Звернення щодо Mikuláš Šimečka та Ona Juknevičienė",
        letterhead=Letterhead(
            "Rights Watch Europe", ("Rue de la Loi 42, 1000 Brussels", "appeals@example.org")
        ),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=("H.E. Ona Juknevičienė", "Ministry of Justice", "Gedimino pr. 30, Vilnius"),
        salutation="Шановна пані Юкнявічене,",
        body=body,
        closing="З повагою,",
        signatories=(
            Signatory("Mikuláš Šimečka", "Chair"),
            Signatory("Ona Juknevičienė", "Секретарка"),
        ),
        footnotes=tuple(
            Footnote(n, f"src{n}", text, url)
            for n, (text, url) in enumerate(zip(FOOTNOTE_TEXTS, URLS, strict=True), start=1)
        ),
        paper=paper,  # type: ignore[arg-type]
        keywords=("appeal", "Šimečka"),
    )


EXPECTED_PARAGRAPHS = [
    # the first page's table: the letterhead, then the address and the date beside it
    ("Rights Watch Europe", "Letterhead"),
    ("Rue de la Loi 42, 1000 Brussels", "Letterhead Details"),
    ("appeals@example.org", "Letterhead Details"),
    ("H.E. Ona Juknevičienė", "Recipient Address"),
    ("Ministry of Justice", "Recipient Address"),
    ("Gedimino pr. 30, Vilnius", "Recipient Address"),
    ("Brussels, 24 November 2026", "Date"),
    ("Звернення щодо Mikuláš Šimečka та Ona Juknevičienė", "Letter Subject"),
    ("Шановна пані Юкнявічене,", "Salutation"),
    (
        "We are writing about Mikuláš Šimečka, detained since March 2024. Ми глибоко стурбовані його станом.",
        "Normal",
    ),
    ("Background", "Heading 1"),
    (
        f"His colleague Ona Juknevičienė, of the group {SCRIPT}, was also questioned; "
        f"see the full report.\nKazakh letters: {KAZAKH}.",
        "Normal",
    ),
    ("He was denied a lawyer", "List Bullet"),
    ("for 12 days", "List Number 2"),
    ("and again in May1", "List Number 2"),  # the repeated source shows its number, 1
    ("His family was not informed", "List Bullet"),
    ("Release him immediately", "List Number"),
    ("Investigate the ill-treatment", "List Number"),
    ("Everyone has the right to liberty.", "Quote"),
    ("З повагою,", "Closing"),
    ("Mikuláš Šimečka", "Signature"),
    ("Chair", "Signatory Role"),
    ("Ona Juknevičienė", "Signature"),
    ("Секретарка", "Signatory Role"),
]


@pytest.fixture(scope="module")
def data() -> bytes:
    return docx_bytes(make_letter())


@pytest.fixture(scope="module")
def doc(data: bytes):
    return Document(io.BytesIO(data))


def paragraphs(doc) -> list[DocxParagraph]:
    """The paragraphs as a reader meets them: those in the first page's table (the letterhead,
    the address, the date) included, the empty ones (the 1-pt line before the table, an empty
    cell's) left out."""
    return [DocxParagraph(p, doc._body) for p in doc.element.body.iter(w("p")) if "".join(p.itertext())]


def read_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def rels(data: bytes, name: str) -> dict[str, etree._Element]:
    return {rel.get("Id"): rel for rel in read_xml(data, name).findall("pr:Relationship", NS)}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def test_paragraphs_in_letter_order_with_their_styles(doc) -> None:
    got = [(p.text, p.style.name) for p in paragraphs(doc)]
    assert got == EXPECTED_PARAGRAPHS


def test_runs_keep_bold_italic_and_links(doc) -> None:
    first = paragraphs(doc)[9]
    bold = [r.text for r in first.runs if r.bold]
    italic = [r.text for r in first.runs if r.italic]
    assert bold == ["Mikuláš Šimečka"]
    assert italic == ["Ми глибоко стурбовані його станом."]
    links = paragraphs(doc)[11].hyperlinks
    assert [(h.text, h.url) for h in links] == [("the full report", BODY_LINK)]
    assert [r.style.name for r in links[0].runs] == ["Hyperlink"]


def test_normal_style_is_pt_serif_in_the_letter_language(data: bytes, doc) -> None:
    assert doc.styles["Normal"].font.name == "PT Serif"
    styles = read_xml(data, "word/styles.xml")
    rpr = styles.find("w:style[@w:styleId='Normal']/w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(w(attr)) == "PT Serif"
    assert not [k for k in fonts.attrib if k.endswith("Theme")]
    assert rpr.find("w:lang", NS).get(w("val")) == "uk-UA"
    english = read_xml(docx_bytes(make_letter(language="en")), "word/styles.xml")
    lang = english.find("w:style[@w:styleId='Normal']/w:rPr/w:lang", NS)
    assert lang.get(w("val")) == "en-GB"


def test_styles_used_are_defined_as_real_styles(data: bytes) -> None:
    styles = read_xml(data, "word/styles.xml")
    defined = {s.get(w("styleId")): s for s in styles.findall("w:style", NS)}
    document = read_xml(data, "word/document.xml")
    footnotes = read_xml(data, "word/footnotes.xml")
    used = {el.get(w("val")) for root in (document, footnotes) for el in root.iter(w("pStyle"), w("rStyle"))}
    assert {"FootnoteText", "FootnoteReference", "Hyperlink", "Quote"} <= used
    assert used <= set(defined)
    assert defined["FootnoteText"].find("w:name", NS).get(w("val")) == "footnote text"
    assert defined["FootnoteReference"].get(w("type")) == "character"
    superscript = defined["FootnoteReference"].find("w:rPr/w:vertAlign", NS)
    assert superscript.get(w("val")) == "superscript"
    assert defined["Hyperlink"].get(w("type")) == "character"
    # Runs carry no hard-coded fonts: the face comes from the styles.
    assert document.find(".//w:r/w:rPr/w:rFonts", NS) is None


def test_footnotes_are_real_word_footnotes(data: bytes) -> None:
    footnotes = read_xml(data, "word/footnotes.xml")
    notes = {int(fn.get(w("id"))): fn for fn in footnotes.findall("w:footnote", NS)}
    separators = {i: fn.get(w("type")) for i, fn in notes.items() if fn.get(w("type"))}
    assert separators == {0: "separator", 1: "continuationSeparator"}
    sources = {i: fn for i, fn in notes.items() if i not in separators}
    assert sorted(sources) == [2, 3, 4]

    note_rels = rels(data, "word/_rels/footnotes.xml.rels")
    for (number, fn), text, url in zip(sorted(sources.items()), FOOTNOTE_TEXTS, URLS, strict=True):
        p = fn.find("w:p", NS)
        assert p.find("w:pPr/w:pStyle", NS).get(w("val")) == "FootnoteText"
        mark = p.find("w:r", NS)
        assert mark.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert mark.find("w:footnoteRef", NS) is not None, number
        assert text in "".join(p.itertext())
        (link,) = p.findall("w:hyperlink", NS)
        rel = note_rels[link.get(f"{{{R}}}id")]
        assert rel.get("Type") == HYPERLINK_RT
        assert rel.get("TargetMode") == "External"
        assert rel.get("Target") == url
        assert "".join(link.itertext()) == url

    # The footnote links belong to the footnotes part, not to the document part.
    doc_targets = {r.get("Target") for r in rels(data, "word/_rels/document.xml.rels").values()}
    assert BODY_LINK in doc_targets
    assert not set(URLS) & doc_targets


def test_each_reference_points_to_a_footnote_and_repeats_show_the_same_number(data) -> None:
    document = read_xml(data, "word/document.xml")
    footnotes = read_xml(data, "word/footnotes.xml")
    ids = {fn.get(w("id")) for fn in footnotes.findall("w:footnote", NS)}
    refs = document.findall(".//w:footnoteReference", NS)
    ref_ids = [ref.get(w("id")) for ref in refs]
    assert ref_ids == ["2", "3", "4"]  # reading order, each footnote referenced once
    assert set(ref_ids) <= ids
    for ref in refs:
        run = ref.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"

    # "and again in May" cites source 1 a second time: a number in the reference style.
    (p,) = [p for p in document.iter(w("p")) if "".join(p.itertext()).startswith("and again")]
    last = p.findall("w:r", NS)[-1]
    assert last.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    assert last.find("w:footnoteReference", NS) is None
    assert "".join(last.itertext()) == "1"


def test_footnote_numbering_settings(data: bytes) -> None:
    settings = read_xml(data, "word/settings.xml")
    pr = settings.find("w:footnotePr", NS)
    assert pr.find("w:numFmt", NS).get(w("val")) == "decimal"
    assert pr.find("w:numStart", NS).get(w("val")) == "1"
    assert [f.get(w("id")) for f in pr.findall("w:footnote", NS)] == ["0", "1"]


def test_content_types_and_relationship_for_footnotes(data: bytes) -> None:
    types = read_xml(data, "[Content_Types].xml")
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(ct)}
    assert overrides["/word/footnotes.xml"] == FOOTNOTES_CT
    doc_rels = rels(data, "word/_rels/document.xml.rels").values()
    footnote_rels = [r for r in doc_rels if r.get("Type").endswith("/relationships/footnotes")]
    assert [r.get("Target") for r in footnote_rels] == ["footnotes.xml"]


def test_ordered_lists_restart_at_their_own_start(data: bytes) -> None:
    document = read_xml(data, "word/document.xml")
    numbering = read_xml(data, "word/numbering.xml")

    def start_of(text: str) -> str:
        (p,) = [p for p in document.iter(w("p")) if "".join(p.itertext()) == text]
        num_id = p.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
        num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
        return num.find("w:lvlOverride/w:startOverride", NS).get(w("val"))

    assert start_of("Release him immediately") == "3"
    assert start_of("for 12 days") == "1"


def test_core_properties_and_no_python_docx_trace(data: bytes, doc) -> None:
    props = doc.core_properties
    assert props.title == "Appeal: Mikuláš Šimečka"
    assert props.author == "Rights Watch Europe"
    assert props.last_modified_by == "Rights Watch Europe"
    assert props.subject == "Звернення щодо Mikuláš Šimečka та Ona Juknevičienė"
    assert props.keywords == "appeal; Šimečka"
    assert props.language == "uk-UA"
    assert props.comments == "Generated by campaign_app"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("docProps/"):
                assert b"python-docx" not in zf.read(name), name
    app = read_xml(data, "docProps/app.xml")
    ep = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.find(f"{ep}Application").text == "campaign_app"


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("A4", 210.0, 297.0), ("Letter", 215.9, 279.4)])
def test_page_size_follows_the_paper(paper: str, width_mm: float, height_mm: float) -> None:
    section = Document(io.BytesIO(docx_bytes(make_letter(paper=paper)))).sections[0]
    assert section.page_width.mm == pytest.approx(width_mm, abs=0.1)
    assert section.page_height.mm == pytest.approx(height_mm, abs=0.1)
    assert 24 <= section.left_margin.mm <= 26
    assert section.top_margin.mm == pytest.approx(20, abs=0.1)  # the letterhead's room: first_page.py


def test_markup_characters_appear_literally(data: bytes, doc) -> None:
    assert any(SCRIPT in p.text for p in doc.paragraphs)
    footnotes = read_xml(data, "word/footnotes.xml")
    assert SCRIPT in "".join(footnotes.itertext())
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        raw = zf.read("word/document.xml").decode("utf-8")
    assert "&lt;script&gt; &amp; co" in raw
    assert "<script>" not in raw


def test_control_characters_and_tabs_do_not_break_the_file() -> None:
    letter = make_letter()
    odd = Paragraph((Run("a\tb\x0bc\x00d\r\ne"),))
    data = docx_bytes(Letter(**{**letter.__dict__, "body": (odd,), "footnotes": (), "closing": ""}))
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert "a\tbcd\ne" in texts
    footnotes = read_xml(data, "word/footnotes.xml")  # separators only
    assert len(footnotes.findall("w:footnote", NS)) == 2


def test_write_docx_writes_the_same_document(tmp_path: Path, data: bytes) -> None:
    target = tmp_path / "letter.docx"
    target.write_bytes(b"old")
    write_docx(make_letter(), target)
    assert zipfile.is_zipfile(target)
    texts = [p.text for p in paragraphs(Document(str(target)))]
    assert texts == [text for text, _ in EXPECTED_PARAGRAPHS]
    assert [p.name for p in tmp_path.iterdir()] == ["letter.docx"]


def test_word_language() -> None:
    assert word_language("uk") == "uk-UA"
    assert word_language("en") == "en-GB"
    assert word_language("kk") == "kk-KZ"
    assert word_language("en-us") == "en-US"
    assert word_language("sr-latn-rs") == "sr-Latn-RS"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_document(tmp_path: Path) -> None:
    from pypdf import PdfReader

    source = tmp_path / "letter.docx"
    write_docx(make_letter(), source)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = PdfReader(tmp_path / "letter.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "Шановна пані Юкнявічене," in flat
    assert "Amnesty International, Urgent Action" in flat
    assert "Қазақстан" in flat
    assert "Šimečka" in flat


def test_package_holds_only_the_parts_a_letter_needs(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        names = set(zf.namelist())
    for dropped in ("theme", "webSettings", "customXml", "thumbnail", "stylesWithEffects", "glossary"):
        assert not [name for name in names if dropped in name], dropped
    # Every override names a part in the zip, and every internal relationship a part.
    types = read_xml(data, "[Content_Types].xml")
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
    assert {o.get("PartName").lstrip("/") for o in types.iter(ct)} <= names
    for rels_name, base in (("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")):
        for rel in rels(data, rels_name).values():
            if rel.get("TargetMode") != "External":
                assert base + rel.get("Target") in names, rel.get("Target")


def test_slim_styles_keep_every_style_they_refer_to(data: bytes) -> None:
    styles = read_xml(data, "word/styles.xml")
    assert styles.find("w:latentStyles", NS) is None
    defined = {s.get(w("styleId")) for s in styles.findall("w:style", NS)}
    for ref in styles.iter(w("basedOn"), w("next"), w("link")):
        assert ref.get(w("val")) in defined
    assert {"DefaultParagraphFont", "TableNormal", "NoList", "ListContinue2"} <= defined
    numbering = read_xml(data, "word/numbering.xml")
    assert {p.get(w("val")) for p in numbering.iter(w("pStyle"))} <= defined
    num_ids = {n.get(w("numId")) for n in numbering.findall("w:num", NS)}
    assert {n.get(w("val")) for n in styles.iter(w("numId"))} <= num_ids
    assert "Theme" not in etree.tostring(styles).decode()


def test_letters_do_not_share_state() -> None:
    first = docx_bytes(make_letter())
    english = docx_bytes(make_letter(language="en"))
    again = docx_bytes(make_letter())

    def nums(data: bytes) -> int:
        return len(read_xml(data, "word/numbering.xml").findall("w:num", NS))

    assert nums(first) == nums(again)  # ordered lists add numbering to this letter only
    lang = "w:style[@w:styleId='Normal']/w:rPr/w:lang"
    assert read_xml(english, "word/styles.xml").find(lang, NS).get(w("val")) == "en-GB"
    assert read_xml(again, "word/styles.xml").find(lang, NS).get(w("val")) == "uk-UA"
    assert len(rels(again, "word/_rels/footnotes.xml.rels")) == len(URLS)
