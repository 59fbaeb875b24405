"""The letterhead logo and the signature image: in the PDF and the DOCX, and check's errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

# A plainly generic logo and a scribble, drawn here: no real organisation's mark anywhere.


def generic_logo(path: Path, size=(400, 200)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, size[1] - 10, size[1] - 10), fill=(31, 63, 119))
    draw.rectangle((size[1] + 10, size[1] // 3, size[0] - 10, 2 * size[1] // 3), fill=(120, 120, 120))
    image.save(path)
    return path


def scribble(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(image).line(
        [(20 + i * 10, 70 + 60 * (i % 2)) for i in range(56)], fill=(10, 20, 90), width=6
    )
    image.save(path, "JPEG")
    return path


def with_images(ws, logo="images/logo.png", signature="images/signature.jpg") -> None:
    text = (ws.root / "campaign.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  email: office@rights.example\n", f"  email: office@rights.example\n  logo: {logo}\n"
    )
    text = text.replace(
        "    role: {en: Director", f"    signature_image: {signature}\n    role: {{en: Director"
    )
    (ws.root / "campaign.yaml").write_text(text, encoding="utf-8")


def image_sizes_pt(page) -> list[tuple[float, float]]:
    """Each image drawn on the page, as (width, height) in points from the page's content
    (not the other forms it draws, such as the page number of a longer letter)."""
    sizes = []
    xobjects = page["/Resources"]["/XObject"]

    def visit(op, args, cm, tm):
        if op == b"Do" and xobjects[args[0]].get_object()["/Subtype"] == "/Image":
            sizes.append((round(cm[0], 1), round(cm[3], 1)))

    page.extract_text(visitor_operand_before=visit)
    return sizes


def test_logo_and_signature_in_pdf_and_docx(mini_ws, cli):
    generic_logo(mini_ws.root / "images/logo.png")
    scribble(mini_ws.root / "images/signature.jpg")
    with_images(mini_ws)
    r = cli("generate", "-w", mini_ws.root, "-t", "appeal-en", "-q", "simecka")
    assert r.code == 0, r.err
    folder = mini_ws.root / "out/appeal-en"
    page = PdfReader(next(folder.glob("*.pdf"))).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    assert len([x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]) == 2
    mm = 72 / 25.4
    (logo_w, logo_h), (sig_w, sig_h) = image_sizes_pt(page)
    assert logo_h == pytest.approx(20 * mm, abs=0.5) and logo_w == pytest.approx(40 * mm, abs=0.5)
    assert sig_h == pytest.approx(15 * mm, abs=0.5) and sig_w == pytest.approx(45 * mm, abs=0.5)

    document = docx.Document(next(folder.glob("*.docx")))
    shapes = [(round(s.width.mm), round(s.height.mm)) for s in document.inline_shapes]
    assert shapes == [(40, 20), (45, 15)]
    names = [p.text for p in document.paragraphs if p.style.name == "Signature"]
    assert names == ["", "Anna Smith"]  # the image, then the name right under it
    parts = [p.partname for p in document.part.package.parts if p.partname.startswith("/word/media/")]
    assert len(parts) == 2


def test_changing_the_logo_makes_the_letters_new(mini_ws, cli):
    generic_logo(mini_ws.root / "images/logo.png")
    scribble(mini_ws.root / "images/signature.jpg")
    with_images(mini_ws)
    assert cli("generate", "-w", mini_ws.root, "-t", "appeal-en").code == 0
    generic_logo(mini_ws.root / "images/logo.png", size=(300, 200))
    again = cli("generate", "-w", mini_ws.root, "-t", "appeal-en")
    assert "2 letter(s) written" in again.out


@pytest.mark.parametrize(
    ("logo", "make", "message"),
    [
        ("images/missing.png", None, "the letterhead logo 'images/missing.png' does not exist"),
        ("images/logo.png", "text", "the letterhead logo 'images/logo.png' is not a PNG or JPEG image"),
        ("images/logo.gif", "gif", "the letterhead logo 'images/logo.gif' is a GIF image, not PNG or JPEG"),
        ("../logo.png", None, "the letterhead logo '../logo.png' must be a file inside the campaign folder"),
    ],
)
def test_a_bad_logo_is_one_check_error_at_its_line(mini_ws, cli, logo, make, message):
    scribble(mini_ws.root / "images/signature.jpg")
    if make == "text":
        (mini_ws.root / "images/logo.png").write_text("not an image")
    elif make == "gif":
        Image.new("RGB", (10, 10)).save(mini_ws.root / "images/logo.gif")
    with_images(mini_ws, logo=logo)
    line = (mini_ws.root / "campaign.yaml").read_text().splitlines().index(f"  logo: {logo}") + 1
    r = cli("check", "-w", mini_ws.root)
    assert r.code == 1
    assert f"error: ws/campaign.yaml:{line}: {message}" in r.err
    assert "Traceback" not in r.err


def test_a_missing_signature_image_is_named_at_its_line(mini_ws, cli):
    generic_logo(mini_ws.root / "images/logo.png")
    with_images(mini_ws, signature="scans/anna.png")
    line = (mini_ws.root / "campaign.yaml").read_text().splitlines().index(
        "    signature_image: scans/anna.png"
    ) + 1
    r = cli("generate", "-w", mini_ws.root, "-t", "appeal-en")
    assert r.code == 1
    assert f"error: ws/campaign.yaml:{line}: the signature image 'scans/anna.png' does not exist" in r.err


def test_an_image_too_large_is_refused(mini_ws, cli, monkeypatch):
    from campaign_app.core.common import images

    monkeypatch.setattr(images, "IMAGE_PIXELS", 1000)
    generic_logo(mini_ws.root / "images/logo.png")
    scribble(mini_ws.root / "images/signature.jpg")
    with_images(mini_ws)
    r = cli("check", "-w", mini_ws.root)
    assert r.code == 1 and "the letterhead logo 'images/logo.png' has too many pixels" in r.err


def test_the_example_has_no_logo_or_signature():
    """The bundled example carries no organisation's logo (nor anyone's signature)."""
    from campaign_app.core.common.resources import example_dir

    text = (example_dir() / "campaign.yaml").read_text(encoding="utf-8")
    assert "logo:" not in text and "signature_image:" not in text
