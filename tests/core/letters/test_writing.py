"""Letters may be written from any thread: the PDF and DOCX writers share one lock."""

from __future__ import annotations

import io
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from campaign_app.core.letters.document import Letter, Letterhead, Paragraph, Run, Signatory
from campaign_app.core.letters.docx.writer import docx_bytes, write_docx
from campaign_app.core.letters.pdf.writer import pdf_bytes, write_pdf
from campaign_app.core.letters.writing import WRITE_LOCK

# Many different glyphs: each PDF embeds its own subset of the font all threads share.
ALPHABETS = (
    "abcdefghijklmnopqrstuvwxyzčėšžąęįųū",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß",
)
ROUNDS = 6
NAMES = ("Rasa Juknevičienė", "Айгүл Сәрсенбаева", "Michal Šimečka", "Жанара Ахметова", "Ørjan Ødegård")


def letter_to(name: str) -> Letter:
    return Letter(
        recipient_id="r",
        template_id="t",
        case_id="c",
        language="en",
        title="Appeal",
        author="Rights Watchers",
        subject="Stop the extradition",
        letterhead=Letterhead("Rights Watchers"),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=(name,),
        salutation=f"Dear {name},",
        body=tuple(
            Paragraph((Run(f"We write to you, {name}, about the case: {alphabet} {alphabet.upper()}."),))
            for alphabet in ALPHABETS
        ),
        closing="Yours sincerely,",
        signatories=(Signatory(name),),
    )


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(("write", "magic"), [(write_pdf, b"%PDF-"), (write_docx, b"PK")])
def test_a_letter_waits_while_another_thread_writes_one(
    write: Callable[[Letter, Path], None], magic: bytes, tmp_path: Path
) -> None:
    letter = letter_to(NAMES[0])
    write(letter, tmp_path / "warm-up")  # fonts and template loaded: the real write is quick
    target = tmp_path / "letter"
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            write(letter, target)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    with WRITE_LOCK:  # as if another thread were typesetting a letter right now
        thread.start()
        thread.join(timeout=1.0)
        assert thread.is_alive(), "the letter was written while another one was being typeset"
        assert not target.exists()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert not errors
    assert target.read_bytes().startswith(magic)


@pytest.fixture
def busy_switching() -> Iterator[None]:
    """Let threads take turns as often as possible, so that a race shows up quickly."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def test_letters_written_in_several_threads_at_once_are_all_whole(busy_switching: None) -> None:
    results: dict[tuple[str, int], tuple[bytes, bytes]] = {}
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            for round_ in range(ROUNDS):
                letter = letter_to(name)
                results[name, round_] = pdf_bytes(letter), docx_bytes(letter)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(name,)) for name in NAMES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(results) == ROUNDS * len(NAMES)
    for (name, _), (pdf, docx) in results.items():
        assert f"Dear {name}," in pdf_text(pdf)
        assert f"Dear {name}," in docx_text(docx)
