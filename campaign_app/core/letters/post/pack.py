"""The print pack: the letters, each starting on an odd page, then envelopes or labels.

Printed on both sides of the paper, a letter that ends on a front page would put the next
letter's first page on its back. So after every letter with an odd number of pages comes
one blank page of the same size, and every letter starts on a new sheet. The envelopes or
label sheets come after the letters, in the same order, so that the clerk-like work of
folding letter after letter into envelope after envelope needs no sorting.

The letters are the very PDF files ``generate`` writes (they are merged page by page, not
typeset again), so what is printed is what the log and out/ hold.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter


def compose_pack(
    letters: Sequence[bytes], tail: bytes | None = None, title: str = "Letters to print"
) -> tuple[bytes, list[int], int, int]:
    """One PDF of ``letters`` (each starting on an odd page) then ``tail``'s pages; also the
    first page (1-based) of each letter in the pack, the number of pages of the letters (the
    tail's pages follow them), and the number of pages in all."""
    writer = PdfWriter()
    starts: list[int] = []
    for data in letters:
        starts.append(len(writer.pages) + 1)
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            writer.add_page(page)
        if len(reader.pages) % 2:
            last = reader.pages[-1].mediabox
            writer.add_blank_page(float(last.width), float(last.height))
    letter_pages = len(writer.pages)
    if tail is not None:
        for page in PdfReader(io.BytesIO(tail)).pages:
            writer.add_page(page)
    writer.add_metadata({"/Title": title, "/Creator": "campaign_app"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), starts, letter_pages, len(writer.pages)
