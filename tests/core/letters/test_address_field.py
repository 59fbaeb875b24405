"""The recipient's address in the field a window envelope shows (letters/address_field.py):
at the same place on the page in the PDF and in the DOCX (as LibreOffice sets it), whatever
the letterhead and the layout; a letterhead too tall moves it down, never under itself, and
check says so. Positions are read back with poppler's pdftotext, in mm from the page's
top-left corner (a line's top is the top of its glyphs' boxes)."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from campaign_app.core.common.images import Picture
from campaign_app.core.letters import address_field as field
from campaign_app.core.letters.document import Letter, Letterhead, Paragraph, Run, Signatory
from campaign_app.core.letters.docx.writer import docx_bytes
from campaign_app.core.letters.pdf.writer import letterhead_overrun, pdf_bytes
from tests.pdf_helpers import LineBox, line_box, line_boxes
from tests.tools import need

ADDRESS = (
    "Президентові України",
    "Володимиру ЗЕЛЕНСЬКОМУ",
    "Офіс Президента України",
    "вул. Банкова, 11",
    "м. Київ, 01220",
    "UKRAINE",
)
DATE = "Брюссель, 5 грудня 2026 р."
SUBJECT = "Щодо недопущення екстрадиції Жанари Ахметової"
ORGANISATION = "Приклад правозахисної мережі"
# Two lines at the letterhead's 14 points: fits above the field, also beside a logo in a
# compact letter; with a logo in a standard one it does not.
TWO_LINES = f"{ORGANISATION} — Міжнародна громадська ініціатива на захист політичних біженців і журналістів"
FOUR_LINES = f"{TWO_LINES}, правозахисників та їхніх родин у Центральній Азії і на Кавказі"
DETAILS = ("Example Street 1, 1000 Брюссель, Бельгія", "appeals@example.org · https://example.org")
MM = 0.5  # what pdftotext's boxes and the fonts' ascent leave of a millimetre


def logo() -> Picture:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (31, 63, 119)).save(out, "PNG")
    return Picture(out.getvalue(), "png", 300, 300, "logo.png")


def make_letter(
    *,
    layout: str = "standard",
    organisation: str = ORGANISATION,
    with_logo: bool = False,
    address: tuple[str, ...] = ADDRESS,
    paper: str = "A4",
) -> Letter:
    text = "Звертаємося до Вас у справі журналістки, якій загрожує видача до Республіки Казахстан. " * 6
    return Letter(
        recipient_id="ua-president",
        template_id="appeal-uk",
        case_id="case",
        language="uk",
        title=SUBJECT,
        author=organisation,
        subject=SUBJECT,
        letterhead=Letterhead(organisation, DETAILS, logo() if with_logo else None),
        place_and_date=DATE,
        recipient_lines=address,
        salutation="Шановний пане Президенте!",
        body=(Paragraph((Run(text),)), Paragraph((Run(text),))),
        closing="З повагою,",
        signatories=(Signatory("Джейн Екзампл", "Координаторка кампанії"),),
        paper=paper,  # type: ignore[arg-type]
        layout=layout,  # type: ignore[arg-type]
    )


LETTERHEADS = {
    "plain": {},
    "logo": {"with_logo": True},
    "two-line name": {"organisation": TWO_LINES},
}


def assert_in_the_field(lines: list[LineBox], address: tuple[str, ...] = ADDRESS, down: float = 0.0) -> None:
    """The address from 50 mm down (``down`` mm lower) and 25 mm from the left, the date on
    its right beyond the window, the subject below the field, and in the window's reach
    (20-110 mm from the left, 45-95 mm from the top, however the letter sits in a DL
    envelope) nothing but the address."""
    first, last = line_box(lines, address[0]), line_box(lines, address[-1])
    assert first.top == pytest.approx(field.ADDRESS_TOP + down, abs=MM)
    assert all(line_box(lines, text).left == pytest.approx(field.ADDRESS_LEFT, abs=MM) for text in address)
    assert last.bottom <= field.ADDRESS_TOP + field.ADDRESS_HEIGHT + down
    date = line_box(lines, DATE)
    assert date.top == pytest.approx(first.top, abs=MM) and date.left >= field.DATE_LEFT
    subject = line_box(lines, SUBJECT)
    assert subject.top == pytest.approx(field.TEXT_TOP + down, abs=MM)
    if not down:
        in_window = [
            ln.text for ln in lines if ln.left < 110 and ln.right > 20 and ln.bottom > 45 and ln.top < 95
        ]
        assert in_window == list(address)
    above = [ln for ln in lines if ln.top < first.top - MM]
    assert above and max(ln.bottom for ln in above) < first.top  # the letterhead, never over it


@pytest.mark.parametrize("layout", ["standard", "compact"])
@pytest.mark.parametrize("letterhead", list(LETTERHEADS))
def test_the_pdf_sets_the_address_in_the_field_whatever_the_letterhead(layout, letterhead):
    letter = make_letter(layout=layout, **LETTERHEADS[letterhead])
    assert letterhead_overrun(letter) == 0
    assert_in_the_field(line_boxes(pdf_bytes(letter)))


def test_a_letterhead_too_tall_moves_the_field_down_by_as_much_and_never_under_it():
    letter = make_letter(organisation=FOUR_LINES, with_logo=True)
    overrun = letterhead_overrun(letter)
    assert overrun > 5
    lines = line_boxes(pdf_bytes(letter))
    assert_in_the_field(lines, down=overrun)
    compact = dataclasses.replace(letter, layout="compact")  # more room above the field
    assert 0 < letterhead_overrun(compact) < overrun


def test_an_address_longer_than_the_field_is_set_smaller_until_it_fits():
    long = (
        "Генеральному прокуророві України",
        "пані Ірині ВЕНЕДІКТОВІЙ",
        "Офіс Генерального прокурора України, Департамент міжнародно-правового співробітництва",
        "Відділ екстрадиції",
        "вул. Різницька, 13/15",
        "м. Київ, 01011",
        "UKRAINE",
        "(для передачі в канцелярію)",
    )
    lines = line_boxes(pdf_bytes(make_letter(address=long)))
    first = line_box(lines, long[0])
    assert first.top == pytest.approx(field.ADDRESS_TOP, abs=MM)
    assert line_box(lines, long[-1]).bottom <= field.ADDRESS_TOP + field.ADDRESS_HEIGHT
    assert line_box(lines, SUBJECT).top == pytest.approx(field.TEXT_TOP, abs=MM)
    fit = field.address_type(long, 10.5, 1.2)
    assert fit.fits and fit.size < 10.5 and fit.lines > len(long)  # the office's line wraps


def test_a_long_line_wraps_before_the_address_is_set_smaller():
    fit = field.address_type(
        ("Office of the Prosecutor General of Ukraine, International Department",), 10.5, 1.2
    )
    assert (fit.size, fit.lines, fit.fits) == (10.5, 2, True)
    many = field.address_type(tuple(f"line {n}" for n in range(20)), 10.5, 1.2)
    assert many.size == field.SMALLEST and not many.fits  # it runs below; the text follows it


def test_letter_paper_has_the_field_at_the_same_place():
    assert_in_the_field(line_boxes(pdf_bytes(make_letter(paper="Letter"))))


def soffice() -> str:
    return need("soffice", "LibreOffice")


def as_libreoffice_sets_them(tmp_path: Path, letters: dict[str, Letter]) -> None:
    """Each letter's DOCX, and the PDF LibreOffice makes of it (``tmp_path/pdf/NAME.pdf``)."""
    for name, letter in letters.items():
        (tmp_path / f"{name}.docx").write_bytes(docx_bytes(letter))
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / f"{name}.docx") for name in letters),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.mark.slow
def test_the_docx_as_libreoffice_sets_it_has_the_address_in_the_same_field(tmp_path: Path):
    letters = {
        **{name: make_letter(**kw) for name, kw in LETTERHEADS.items()},
        "compact": make_letter(layout="compact", with_logo=True),
        "letter-paper": make_letter(paper="Letter"),
        "tall": make_letter(organisation=FOUR_LINES, with_logo=True),
    }
    as_libreoffice_sets_them(tmp_path, letters)
    for name in letters:
        lines = line_boxes(tmp_path / "pdf" / f"{name}.pdf")
        if name == "tall":  # its row grows: the field moves down, never under the letterhead
            first = line_box(lines, ADDRESS[0])
            assert first.top > field.ADDRESS_TOP + 5
            assert_in_the_field(lines, down=first.top - field.ADDRESS_TOP)
        else:
            assert_in_the_field(lines)


def test_check_says_when_the_letterhead_is_too_tall_for_the_room_above_the_field(cli, mini_ws):
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert "too tall for the room above the address field" not in result.out + result.err
    long_name = "Rights Watchers — " + "International Network for the Defence of Journalists in Exile, " * 3
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    mini_ws.write("campaign.yaml", text.replace("{en: Rights Watchers,", f"{{en: '{long_name}',"))
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    (said,) = [ln for ln in (result.out + result.err).splitlines() if "above the address field" in ln]
    assert "campaign.yaml: the letterhead in 'en'" in said and "mm too tall" in said
    assert "template appeal-en (layout: standard) sets the address" in said and "appeal-uk" not in said
    assert "sender.organisation" in said


def test_check_names_a_recipient_whose_address_runs_below_the_window_even_in_its_smallest_type(
    cli, mini_ws, tmp_path
):
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert "too long for the address" not in result.out + result.err
    # Fourteen lines: more than the field's 40 mm hold in 8-point type (eleven in the DOCX).
    long = "\n".join(f"Floor {n}, Wing {n}" for n in range(1, 13)) + "\nB-1047 Brussels\nBelgium"
    text = (mini_ws.root / "recipients" / "people.csv").read_text(encoding="utf-8")
    text = text.replace(",email,tags\n", ",email,tags,postal_address\n")
    text = text.replace(",supporter\n", f',supporter,"{long}"\n', 1)  # mep-1 only
    text = text.replace(",supporter;droi\n", ',supporter;droi,"Rue Wiertz 60\nB-1047 Brussels\nBelgium"\n')
    text = text.replace(",,\n", ",,,\n")
    mini_ws.write("recipients/people.csv", text)

    result = cli("check", "-w", "ws")

    assert result.code == 0, result.err
    (said,) = [ln for ln in (result.out + result.err).splitlines() if "too long for the address" in ln]
    assert "template 'appeal-en'" in said and "mep-1" in said and "mep-2" not in said
    assert "8-point" in said and "postal_address" in said
    from campaign_app.core.campaign.address_room import address_fits

    # what the warning says is what the letter shows: the last line below the field
    lines = ("Mr Michal Šimečka", *long.splitlines())
    assert not address_fits(lines) and address_fits(("Ms Rasa Juknevičienė", "Rue Wiertz 60", "Belgium"))
    need("pdftotext", "pdftotext (poppler-utils)")
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes(make_letter(address=lines)))
    boxes = line_boxes(path)
    assert line_box(boxes, "Belgium").bottom > field.ADDRESS_TOP + field.ADDRESS_HEIGHT


def test_the_pdfs_text_starts_under_the_address_and_ends_at_the_right_margin():
    """DIN 5008: the letterhead, the address, the subject and the text share one left edge,
    25 mm from the page's (where the DOCX sets them too), and the text fills to 25 mm from
    the right edge; reportlab's frame padding once moved it all 2 mm in."""
    need("pdftotext", "pdftotext (poppler-utils)")
    lines = line_boxes(pdf_bytes(make_letter()))
    body = [ln for ln in lines if ln.top > field.TEXT_TOP + 10]
    assert len(body) >= 8
    for text in (ORGANISATION, ADDRESS[0], SUBJECT):
        assert line_box(lines, text).left == pytest.approx(field.ADDRESS_LEFT, abs=MM)
    assert min(ln.left for ln in body) == pytest.approx(field.ADDRESS_LEFT, abs=MM)
    assert max(ln.right for ln in body) == pytest.approx(210 - 25, abs=MM)  # justified lines


def _page_image(pdf: bytes, tmp_path: Path, page: int) -> Image.Image:
    """Page ``page`` of ``pdf`` as pixels, 1 px = 0.25 mm (poppler's pdftoppm)."""
    pdftoppm = need("pdftoppm", "pdftoppm (poppler-utils)")
    source = tmp_path / "letter.pdf"
    source.write_bytes(pdf)
    out = tmp_path / f"page-{page}"
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-gray",
            "-r",
            "101.6",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            source,
            out,
        ],
        check=True,
    )
    return Image.open(f"{out}.png").convert("L")


def _ink(image: Image.Image, left_mm: float, right_mm: float, top_mm: float) -> bool:
    """Whether anything is drawn on the row ``top_mm`` (±0.5 mm) from ``left_mm`` to ``right_mm``."""
    return any(
        image.getpixel((x, y)) < 200
        for x in range(round(left_mm * 4), round(right_mm * 4))
        for y in range(round((top_mm - 0.5) * 4), round((top_mm + 0.5) * 4))
    )


def test_the_first_page_marks_where_to_fold_it_for_the_window_and_where_to_punch_it(tmp_path):
    """Folded anywhere but at 105 and 210 mm, the address slides out of a DL envelope's
    window: DIN 5008's marks on the left edge show where, and the punch mark the middle."""
    letter = make_letter(address=ADDRESS)
    letter = dataclasses.replace(letter, body=letter.body * 4)  # two pages
    pdf = pdf_bytes(letter)
    first = _page_image(pdf, tmp_path, 1)
    for top in (105.0, 148.5, 210.0):
        assert _ink(first, 4, 10, top), top
    assert not _ink(first, 4, 10, 100.0) and not _ink(first, 4, 10, 180.0)
    assert not _ink(first, 13.5, 24, 148.5)  # the marks stay in the margin, clear of the text
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2
    assert not _ink(_page_image(pdf, tmp_path, 2), 4, 10, 105.0)  # the pages are folded together
    letter_paper = _page_image(pdf_bytes(dataclasses.replace(letter, paper="Letter")), tmp_path, 1)
    assert not _ink(letter_paper, 4, 10, 105.0)  # US Letter is folded otherwise


@pytest.mark.slow
def test_the_docx_as_libreoffice_sets_it_marks_the_folds_on_its_first_page_only(tmp_path: Path):
    """The same marks as the PDF's, on a first page with a header of its own, which keeps
    the page number below and, in an example's letter, the EXAMPLE line above."""
    plain = make_letter()
    plain = dataclasses.replace(plain, body=plain.body * 4)  # two pages
    example = dataclasses.replace(plain, example=True, example_caption="EXAMPLE — a made-up sender")
    as_libreoffice_sets_them(tmp_path, {"plain": plain, "example": example})
    for name in ("plain", "example"):
        pdf = (tmp_path / "pdf" / f"{name}.pdf").read_bytes()
        first = _page_image(pdf, tmp_path, 1)
        for top in (105.0, 148.5, 210.0):
            assert _ink(first, 4, 10, top), (name, top)
        assert not _ink(first, 4, 10, 100.0) and not _ink(first, 13.5, 24, 148.5)
        assert not _ink(_page_image(pdf, tmp_path, 2), 4, 10, 105.0)
        texts = [ln.text for ln in line_boxes(pdf)]
        assert "1 / 2" in texts, texts[-3:]  # the first page keeps its page number
        assert ("EXAMPLE — a made-up sender" in texts) == (name == "example")
    assert_in_the_field(line_boxes(tmp_path / "pdf" / "plain.pdf"))  # the address where it was
