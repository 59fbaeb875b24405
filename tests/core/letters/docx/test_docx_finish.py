"""The DOCX letters as a campaigner's Word or LibreOffice shows them: page numbers in the
footer, the fonts inside the file, the end of the letter kept together, Greek in Greek."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from conftest import PEOPLE_CSV
from fontTools.ttLib import TTFont
from lxml import etree
from pypdf import PdfReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
REQUIRE_TOOLS = os.environ.get("CAMPAIGN_APP_REQUIRE_TOOLS") == "1"
GREEK_ROW = (
    "mep-gr,mep,Mr,Γιώργος,Παπαδόπουλος,m,Member of the European Parliament,European Parliament,"
    "GR,en,giorgos.papadopoulos@europarl.europa.eu,\n"
)


def generate_docx(cli, tmp_path: Path, query: str) -> Path:
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-q", query, "-f", "docx", "--out", "o")
    assert result.code == 0, result.err
    return next((tmp_path / "o").rglob("*.docx"))


def xml(docx: Path, name: str):
    with zipfile.ZipFile(docx) as zf:
        return etree.fromstring(zf.read(name))


def embedded_faces(docx: Path) -> dict[tuple[str, str], TTFont]:
    """(family, embed element) -> the font program, de-obfuscated with its font key."""
    with zipfile.ZipFile(docx) as zf:
        table = etree.fromstring(zf.read("word/fontTable.xml"))
        rels = etree.fromstring(zf.read("word/_rels/fontTable.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        faces = {}
        for font in table.findall("w:font", NS):
            for embed in font:
                if not etree.QName(embed).localname.startswith("embed"):
                    continue
                data = bytearray(zf.read("word/" + targets[embed.get(f"{{{R}}}id")]))
                key = uuid.UUID(embed.get(f"{{{W}}}fontKey").strip("{}")).bytes
                for i in range(32):
                    data[i] ^= key[15 - i % 16]
                faces[font.get(f"{{{W}}}name"), etree.QName(embed).localname] = TTFont(
                    io.BytesIO(bytes(data))
                )
    return faces


def test_page_numbers_are_page_fields_in_the_footer(cli, mini_ws, tmp_path):
    docx = generate_docx(cli, tmp_path, "simecka")
    document = xml(docx, "word/document.xml")
    reference = document.find(".//w:sectPr/w:footerReference", NS)
    assert reference is not None and reference.get(f"{{{W}}}type") == "default"
    footer = xml(docx, "word/footer1.xml")
    instructions = [" ".join(t.text.split()) for t in footer.iter(f"{{{W}}}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    texts = "".join(t.text or "" for t in footer.iter(f"{{{W}}}t"))
    assert " / " in texts


def test_pt_serif_is_embedded_so_the_letter_looks_the_same_anywhere(cli, mini_ws, tmp_path):
    docx = generate_docx(cli, tmp_path, "simecka")
    with zipfile.ZipFile(docx) as zf:  # the fonts' deflated bytes are made once per process
        assert zf.testzip() is None  # every entry's CRC and size right
    settings = xml(docx, "word/settings.xml")
    assert settings.find("w:embedTrueTypeFonts", NS) is not None
    faces = embedded_faces(docx)
    assert {("PT Serif", "embedRegular"), ("PT Serif", "embedBold")} <= set(faces)
    for (family, _), font in faces.items():
        assert font["name"].getDebugName(1) == family  # a real font once de-obfuscated
    text = "".join(t.text or "" for t in xml(docx, "word/document.xml").iter(f"{{{W}}}t"))
    cmap = faces["PT Serif", "embedRegular"].getBestCmap()
    assert not {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}


def test_greek_runs_name_the_fallback_font_and_it_is_embedded(cli, mini_ws, tmp_path):
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + GREEK_ROW)
    docx = generate_docx(cli, tmp_path, "Παπαδόπουλος")
    runs = xml(docx, "word/document.xml").iter(f"{{{W}}}r")
    greek = [r for r in runs if "Παπαδόπουλος" in "".join(t.text or "" for t in r.iter(f"{{{W}}}t"))]
    assert greek
    for run in greek:
        fonts = run.find("w:rPr/w:rFonts", NS)
        assert fonts is not None and fonts.get(f"{{{W}}}hAnsi") == "Noto Serif"
    faces = embedded_faces(docx)
    cmap = faces["Noto Serif", "embedRegular"].getBestCmap()
    assert all(ord(ch) in cmap for ch in "ΓιώργοςΠαπαδόπουλος")


def test_the_closing_is_kept_with_the_last_lines_of_the_body(cli, mini_ws, tmp_path):
    docx = generate_docx(cli, tmp_path, "simecka")
    body = xml(docx, "word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    styles = [p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for p in paragraphs]
    closing = styles.index("Closing")
    assert paragraphs[closing - 1].find("w:pPr/w:keepNext", NS) is not None
    style_xml = xml(docx, "word/styles.xml")
    for style_id in ("Closing", "Signature"):
        style = style_xml.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert style.find("w:pPr/w:keepNext", NS) is not None


def _installed(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True).stdout
    return family.lower() in out.lower()


@pytest.mark.slow
def test_libreoffice_without_pt_serif_sets_the_letter_in_the_embedded_pt_serif(cli, mini_ws, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if REQUIRE_TOOLS:
            pytest.fail("soffice is required in CI but missing")
        pytest.skip("LibreOffice is not installed")
    if _installed("PT Serif"):
        pytest.skip("PT Serif is installed on this system: it cannot show the embedded font is used")
    mini_ws.write("recipients/people.csv", PEOPLE_CSV + GREEK_ROW)
    docx = generate_docx(cli, tmp_path, "Παπαδόπουλος")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = PdfReader(tmp_path / "lo" / docx.with_suffix(".pdf").name)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"PTSerif-Regular", "PTSerif-Bold"} <= fonts, fonts
    if not _installed("Noto Serif"):
        assert "NotoSerif-Regular" in fonts, fonts
    assert "Γιώργος Παπαδόπουλος" in " ".join(p.extract_text() for p in reader.pages)
    n = len(reader.pages)
    assert f"{n} / {n}" in reader.pages[-1].extract_text()  # the footer's fields, filled in


def header_text(docx: Path) -> str:
    """The headers' text; the first page's own header (an A4 letter's, with its fold marks)
    and the others' say the same, or both are given, apart."""
    with zipfile.ZipFile(docx) as zf:
        names = [n for n in zf.namelist() if n.startswith("word/header")]
        texts = {"".join(t.text or "" for t in etree.fromstring(zf.read(n)).iter(f"{{{W}}}t")) for n in names}
        return " | ".join(sorted(texts))


def test_example_letters_say_example_at_the_top_of_every_page(cli, tmp_path):
    assert cli("init", "campaign").code == 0
    result = cli(
        "generate", "-w", "campaign", "-t", "thank-you-en", "-q", "juknev", "-f", "docx", "--out", "o"
    )
    assert result.code == 0, result.err
    docx = next((tmp_path / "o").rglob("*.docx"))
    assert "EXAMPLE" in header_text(docx) and "not a real appeal" in header_text(docx)


def test_each_example_letter_says_so_in_its_own_language(cli, tmp_path):
    """An English and then a Ukrainian letter written by one process (whose header part is
    written once per process and language): each header in its letter's language."""
    assert cli("init", "campaign").code == 0
    headers = {}
    for template, query in (("thank-you-en", "juknev"), ("ukraine-official-appeal-uk", "ua-president")):
        out = f"o-{template}"
        result = cli("generate", "-w", "campaign", "-t", template, "-q", query, "-f", "docx", "-o", out)
        assert result.code == 0, result.err
        headers[template] = header_text(next((tmp_path / out).rglob("*.docx")))
    assert headers["thank-you-en"].startswith("EXAMPLE — ") and "not a real appeal" in headers["thank-you-en"]
    uk = headers["ukraine-official-appeal-uk"]
    assert (
        uk
        == "ЗРАЗОК — лист від вигаданого відправника вбудованої прикладної кампанії; це не справжнє звернення"
    )


def test_letters_of_a_real_sender_have_no_example_line(cli, mini_ws, tmp_path):
    docx = generate_docx(cli, tmp_path, "simecka")
    assert "EXAMPLE" not in header_text(docx)
