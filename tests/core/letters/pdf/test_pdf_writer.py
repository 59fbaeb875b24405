"""The PDF writer, checked the way a campaigner would check a letter: read it back."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from campaign_app.core.common import atomic, fonts
from campaign_app.core.common.errors import UserError
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
from campaign_app.core.letters.pdf.story import Story
from campaign_app.core.letters.pdf.writer import pdf_bytes, write_pdf

KAZAKH = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі"
UKRAINIAN = "Її Єє Ґґ"
NASTY = "<script> & co"
URLS = (
    "https://www.ohchr.org/en/documents/country-reports/"
    "report-human-rights-situation-ukraine-1-december-2023-29-february-2024?utm_source=x&utm_medium=y",
    "https://www.amnesty.org/en/documents/eur50/7531/2024/en/urgent-action-kazakhstan-journalist-"
    "detained-on-politically-motivated-charges",
    "https://hudoc.echr.coe.int/eng#{%22itemid%22:[%22001-234567%22],%22languageisocode%22:[%22ENG%22]}",
)
BODY_LINK = "https://example.org/appeal?lang=uk&case=42"


def P(*inlines):
    return Paragraph(tuple(inlines))


def make_letter(paper: str = "A4") -> Letter:
    filler = (
        "The authorities have repeatedly postponed the hearing, and her lawyers have not been "
        "allowed to see the case file. "
    )
    body = (
        Heading(1, (Run("Щодо екстрадиції Жанари Ахметової"),)),
        P(
            Run("We write on behalf of "),
            Run("Rights Watchers", bold=True),
            Run(" and "),
            Run(NASTY, italic=True),
            Run(" about the case described in the "),
            Run("appeal page", link=BODY_LINK),
            FootnoteRef(1),
            Run(". "),
            Run("Both bold and italic", bold=True, italic=True),
            Run("."),
            LineBreak(),
            Run(f"Kazakh letters: {KAZAKH}. Ukrainian: {UKRAINIAN}."),
        ),
        P(
            Run(
                "Ми звертаємося до Вас щодо журналістки, якій загрожує екстрадиція до "
                "Казахстану, де її можуть піддати катуванням."
            ),
            FootnoteRef(2),
        ),
        Heading(2, (Run("Our requests"),)),
        ListBlock(
            ordered=True,
            items=(
                ListItem((P(Run("Stop the extradition.")),)),
                ListItem(
                    (
                        P(Run("Guarantee a fair procedure, in particular:")),
                        ListBlock(
                            ordered=False,
                            items=(
                                ListItem((P(Run("access to a lawyer of her choice;")),)),
                                ListItem((P(Run("an interpreter"), FootnoteRef(3), Run(";")),)),
                            ),
                        ),
                    )
                ),
                ListItem((P(Run("Release her from detention.")),)),
            ),
        ),
        Quote((P(Run("No one shall be subjected to torture.", italic=True)),)),
        Heading(3, (Run("Background"),)),
        *(P(Run(filler * 4)) for _ in range(6)),
    )
    return Letter(
        recipient_id="mep-1",
        template_id="appeal-en",
        case_id="test-case",
        language="en",
        title="Appeal: stop the extradition of Zhanara Akhmetova",
        author="Rights Watchers",
        subject="Stop the extradition of Zhanara Akhmetova",
        letterhead=Letterhead("Rights Watchers", ("1 Rue Haute, 1000 Brussels", "office@rights.example")),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=(
            "Mr Michal Šimečka",
            "Member of the European Parliament",
            f"c/o {NASTY}",
            "Rue Wiertz 60, 1047 Brussels",
        ),
        salutation="Dear Mr Šimečka,",
        body=body,
        closing="Yours sincerely,",
        signatories=(
            Signatory("Rasa Juknevičienė", "Director"),
            Signatory("Айгүл Сәрсенбаева", "Қазақстан бойынша үйлестіруші"),
        ),
        footnotes=(
            Footnote(1, "ohchr", "OHCHR, Report on the human rights situation in Ukraine", URLS[0]),
            Footnote(2, "amnesty", "Amnesty International, Urgent Action", URLS[1]),
            Footnote(3, "echr", "ECtHR, Akhmetova v. Ukraine", URLS[2]),
        ),
        footnotes_heading="Джерела",
        paper=paper,  # type: ignore[arg-type]
        keywords=("extradition", "Kazakhstan"),
    )


def letter_strings(letter: Letter) -> list[str]:
    """Every piece of text the letter prints."""
    out = [
        letter.letterhead.organisation,
        *letter.letterhead.lines,
        letter.place_and_date,
        *letter.recipient_lines,
        letter.subject,
        letter.salutation,
        letter.closing,
        letter.footnotes_heading,
    ]
    for s in letter.signatories:
        out += [s.name, s.role]
    for f in letter.footnotes:
        out += [f.text, f.url or ""]

    def walk(blocks):
        for b in blocks:
            if isinstance(b, (Paragraph, Heading)):
                out.extend(i.text for i in b.inlines if isinstance(i, Run))
            elif isinstance(b, ListBlock):
                for item in b.items:
                    walk(item.blocks)
            elif isinstance(b, Quote):
                walk(b.blocks)

    walk(letter.body)
    return out


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def letter() -> Letter:
    return make_letter()


@pytest.fixture(scope="module")
def reader(letter: Letter) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes(letter)))


@pytest.fixture(scope="module")
def text(reader: PdfReader) -> str:
    return norm("\n".join(page.extract_text() for page in reader.pages))


def test_text_contains_what_the_user_checks(letter: Letter, text: str) -> None:
    for expected in (
        letter.salutation,
        letter.closing,
        letter.subject,
        letter.place_and_date,
        "Mr Michal Šimečka",
        "Rasa Juknevičienė",
        "Айгүл Сәрсенбаева",
        "Щодо екстрадиції Жанари Ахметової",
        letter.footnotes_heading,
    ):
        assert norm(expected) in text
    for ch in (KAZAKH + UKRAINIAN).replace(" ", ""):
        assert ch in text, f"{ch!r} (U+{ord(ch):04X}) missing from the PDF text"


def test_markup_characters_print_literally(text: str) -> None:
    assert f"c/o {NASTY}" in text
    assert NASTY in text.replace(f"c/o {NASTY}", "", 1)  # also in the body (italic)
    assert "&amp;" not in text and "&lt;" not in text


def test_markup_in_any_field_cannot_inject(letter: Letter) -> None:
    evil = '<b>not bold</b> <font size="40">x</font> & <br/> "q" <a href="x">y</a>'
    changed = replace(
        letter,
        salutation=evil,
        recipient_lines=(evil,),
        letterhead=Letterhead(evil, (evil,)),
        signatories=(Signatory(evil, evil),),
        footnotes=(Footnote(1, "s", evil, 'https://e.org/?a="b"&c=<d>'),),
        body=(P(Run(evil, bold=True, link='https://e.org/?a="b"&c=<d>')),),
    )
    reader = PdfReader(io.BytesIO(pdf_bytes(changed)))
    text = norm("\n".join(page.extract_text() for page in reader.pages))
    assert text.count(norm(evil)) >= 6
    uris = _uris(reader)
    assert 'https://e.org/?a="b"&c=<d>' in uris


def test_adjacent_source_references_are_separated_and_link_to_their_sources(letter: Letter) -> None:
    body = (P(Run("Ruled"), FootnoteRef(1), FootnoteRef(2), Run(" again"), FootnoteRef(3), FootnoteRef(7)),)
    reader = PdfReader(io.BytesIO(pdf_bytes(replace(letter, body=body))))
    text = reader.pages[0].extract_text()
    assert "Ruled1,2 again3,7" in text  # "1,2", never "12"; 7 is no listed source but still shown
    internal = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Dest") is not None
    ]
    assert len(internal) == 3  # the listed sources 1, 2 and 3 are clickable; 7 is not


def test_decomposed_input_is_set_precomposed(letter: Letter) -> None:
    # "č" typed as c + U+030C: reportlab does not position combining marks, so the writer
    # must compose it into the single glyph the font has.
    nfd = unicodedata.normalize("NFD", "Michal Šimečka, Rasa Juknevičienė")
    assert nfd != unicodedata.normalize("NFC", nfd)
    reader = PdfReader(io.BytesIO(pdf_bytes(replace(letter, salutation=nfd))))
    assert "Michal Šimečka, Rasa Juknevičienė" in reader.pages[0].extract_text()


def test_every_character_has_a_glyph_in_every_face(letter: Letter, text: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts.register_pdf_fonts()
    chars = {c for s in letter_strings(letter) for c in unicodedata.normalize("NFC", s)}
    chars -= {" "}
    for face in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        cmap = pdfmetrics.getFont(face).face.charToGlyph
        missing = sorted(c for c in chars if cmap.get(ord(c), 0) == 0)
        assert not missing, f"{face} has no glyph for {missing}"
    # ...and every one of them made it into the PDF's text layer.
    assert not chars - set(text), sorted(chars - set(text))


def _uris(reader: PdfReader) -> set[str]:
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
    return uris


def test_links_carry_the_full_urls(letter: Letter, reader: PdfReader) -> None:
    uris = _uris(reader)
    for note in letter.footnotes:
        assert note.url in uris
    assert BODY_LINK in uris


def test_long_urls_stay_inside_the_page(reader: PdfReader) -> None:
    for page in reader.pages:
        width = float(page.mediabox.width)
        for annot in page.get("/Annots") or []:
            x0, _, x1, _ = (float(v) for v in annot.get_object()["/Rect"])
            assert 0 < x0 < x1 < width - 20 * 72 / 25.4  # within the right margin (~25 mm)


def test_metadata(letter: Letter, reader: PdfReader) -> None:
    meta = reader.metadata
    assert meta is not None
    assert meta["/Title"] == letter.title
    assert meta["/Author"] == letter.author
    assert meta["/Subject"] == letter.subject
    assert meta["/Creator"] == "campaign_app"
    assert "extradition" in meta["/Keywords"] and "Kazakhstan" in meta["/Keywords"]
    for value in meta.values():
        assert str(value).lower() not in ("anonymous", "untitled")


def test_all_fonts_are_embedded_pt_serif(reader: PdfReader) -> None:
    used = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for d in descendants:
                assert "/FontDescriptor" in d, f"{d['/BaseFont']} is a non-embedded standard font"
                descriptor = d["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, f"{d['/BaseFont']} is not embedded"
                used.add(str(d["/BaseFont"]).split("+")[-1])
    assert used == {"PTSerif-Regular", "PTSerif-Bold", "PTSerif-Italic", "PTSerif-BoldItalic"}


def test_embedded_fonts_carry_no_hinting_and_no_licence_text(reader: PdfReader) -> None:
    """Half a letter's bytes were PT Serif's hinting and the licence's text, which no PDF
    reader uses (core/common/unhinted_faces.py): each embedded font program is without them."""
    from fontTools.ttLib import TTFont

    programs = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            assert not {"cvt ", "fpgm", "prep", "hdmx"} & set(program.keys())
            assert {record.nameID for record in program["name"].names} <= set(range(7))
            assert program["maxp"].numGlyphs > 20
            programs += 1
    assert programs >= 4


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_paper_size(letter: Letter, paper: str, size: tuple[int, int]) -> None:
    reader = PdfReader(io.BytesIO(pdf_bytes(replace(letter, paper=paper))))
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - size[0]) <= 1
        assert abs(float(page.mediabox.height) - size[1]) <= 1


def test_page_numbers_on_every_page_of_a_longer_letter(reader: PdfReader) -> None:
    n = len(reader.pages)
    assert n >= 2, "the test letter should be long enough for two pages"
    for i in range(n):
        assert f"{i + 1} / {n}" in reader.pages[i].extract_text()


def test_no_page_number_on_a_one_page_letter(letter: Letter) -> None:
    short = replace(letter, body=(P(Run("We ask you to act.")),))
    reader = PdfReader(io.BytesIO(pdf_bytes(short)))
    assert len(reader.pages) == 1
    assert "1 / 1" not in reader.pages[0].extract_text()


def test_write_pdf_is_atomic(letter: Letter, tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old")
    write_pdf(letter, target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(target).pages) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_failed_render_leaves_old_file_and_no_debris(
    letter: Letter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self):
        raise RuntimeError("render failed")

    monkeypatch.setattr(Story, "build", boom)
    new = tmp_path / "new.pdf"
    with pytest.raises(RuntimeError):
        write_pdf(letter, new)
    assert not new.exists()
    old = tmp_path / "old.pdf"
    old.write_bytes(b"previous letter")
    with pytest.raises(RuntimeError):
        write_pdf(letter, old)
    assert old.read_bytes() == b"previous letter"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdf"]


def test_failed_write_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", fail)
    target = tmp_path / "x.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(UserError) as info:
        atomic.atomic_write_bytes(target, b"%PDF-new")
    assert info.value.hint and "close" in info.value.hint
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        atomic.atomic_write_bytes(tmp_path / "nope" / "x.pdf", b"data")


def test_register_fonts_is_idempotent_and_cheap() -> None:
    assert fonts.register_pdf_fonts() == fonts.FONT_FAMILY == "PT Serif"
    start = time.perf_counter()
    for _ in range(1000):
        fonts.register_pdf_fonts()
    assert time.perf_counter() - start < 0.05


def test_missing_font_package_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fontpkg", None)  # makes "import fontpkg" fail
    with pytest.raises(UserError) as info:
        fonts.font_paths()
    assert "install" in (info.value.hint or "")


def test_missing_font_family_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import fontpkg

    def not_installed(*args, **kwargs):
        raise fontpkg.FamilyNotInstalled("pt-serif")

    monkeypatch.setattr(fontpkg, "path", not_installed)
    with pytest.raises(UserError) as info:
        fonts.font_paths()
    assert "install" in (info.value.hint or "")


def test_writer_does_not_import_qt() -> None:
    code = (
        "import sys, campaign_app.core.letters.pdf.writer\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'shiboken'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("sentences", range(20, 44, 3))
def test_the_closing_never_starts_a_page_alone(letter: Letter, sentences: int) -> None:
    """Whatever the length of the body, its last lines share the closing's page; a long last
    paragraph is split (its start stays on the page before) rather than moved whole."""
    filler = "The hearing was postponed again and her lawyers were not shown the file. "
    last = " ".join(f"Final{i} sentence of the last paragraph." for i in range(12))
    body = (P(Run(filler * sentences)), P(Run(filler * 8)), P(Run(last)))
    reader = PdfReader(io.BytesIO(pdf_bytes(replace(letter, body=body, footnotes=()))))
    texts = [norm(p.extract_text()) for p in reader.pages]
    page = next(i for i, t in enumerate(texts) if letter.closing in t)
    before = texts[page].split(letter.closing)[0]
    assert "Final11 sentence of the last paragraph." in before
    assert "Rasa Juknevičienė" in texts[page]
    if page > 0 and "Final0" not in before:
        assert "Final0" in texts[page - 1]  # split, not moved: no hole at the foot of the page
