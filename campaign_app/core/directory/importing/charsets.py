"""Which script a CSV file that is not UTF-8 is written in, asked of charset-normalizer.

Excel saves "CSV" in the code page of the machine's language: Windows-1251 on a Ukrainian
or Russian Windows, Windows-1252/1250 in Western and Central Europe; older Cyrillic tools
write KOI8-U. Every byte means something in all of them, so decoding never fails: only
which reading gives words (and which language's words) tells them apart. charset-normalizer
measures exactly that ("chaos": symbols inside words, case changing mid-word; "coherence":
how well the letters fit a language), limited here to the code pages a European
spreadsheet is saved in, on a sample spread over the file (a 100,000-row file decides as
well from 64 KB as from 15 MB, much sooner).

The guess picks the family: a Cyrillic code page is taken as the detector reads it; among
the Latin ones, :mod:`.encodings`' own rules (tuned on names: ``Michèle`` against
``Michčle``) choose. When two readings are about as plausible (a short list in capitals
reads as well in Windows-1251 as in KOI8-U), nothing is guessed: :class:`EncodingDoubt`
says which readings compete, with a word of the file in each, so the person can name the
encoding instead of importing mojibake.
"""

from __future__ import annotations

import re

from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import CYRILLIC_PAGES

# The code pages a guess may land on, with the names shown to the user.
LATIN_PAGES = {
    "cp1252": "Windows-1252",
    "iso8859_2": "ISO-8859-2",
    "cp1250": "Windows-1250",
    "iso8859_15": "ISO-8859-15",
}
_SHOWN = {**CYRILLIC_PAGES, **LATIN_PAGES}
# Two readings are rivals when neither is clearly less chaotic nor clearly more like a language.
_CHAOS_MARGIN = 2.0  # percentage points
_COHERENCE_MARGIN = 10.0
SAMPLE_BYTES = 65536
_SLICES = 6
_HIGH_WORD = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")


class EncodingDoubt(Exception):
    """No reading of the file is clearly right: the message says which compete and how a
    word of the file reads in each."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def sample_of(data: bytes, size: int = SAMPLE_BYTES) -> bytes:
    """About ``size`` bytes of whole lines: the start of the file and slices spread over the
    rest (rows exported from two places often differ only further down)."""
    if len(data) <= size:
        return data
    part = size // (_SLICES + 1)
    pieces = [data[: data.rfind(b"\n", 0, part * 2) + 1 or part * 2]]
    step = (len(data) - part * 2) // _SLICES
    for i in range(1, _SLICES + 1):
        start = data.find(b"\n", part * 2 + step * (i - 1) + step // 2)
        if start < 0:
            break
        end = data.rfind(b"\n", start + 1, start + 1 + part)
        if end > start:
            pieces.append(data[start + 1 : end + 1])
    return b"".join(pieces)


def guess_code_page(data: bytes) -> str | None:
    """The Cyrillic code page ``data`` (not UTF-8) is in, or None when it is in one of the
    Latin ones (for the Latin rules to choose which); raises EncodingDoubt when no reading
    is clearly better than another."""
    from charset_normalizer import from_bytes

    sample = sample_of(data)
    results = list(from_bytes(sample, cp_isolation=[*LATIN_PAGES, *CYRILLIC_PAGES]))
    if not results:
        raise EncodingDoubt(_doubt(sample, [*CYRILLIC_PAGES, "cp1252"], _("no code page reads it as text")))
    best = results[0]
    cyrillic = best.encoding in CYRILLIC_PAGES
    rivals = [
        r.encoding
        for r in results[1:]
        if (cyrillic or r.encoding in CYRILLIC_PAGES)
        and r.percent_chaos <= best.percent_chaos + _CHAOS_MARGIN
        and r.percent_coherence >= best.percent_coherence - _COHERENCE_MARGIN
        and str(r) != str(best)
    ]
    if rivals:
        readings = [best.encoding, *dict.fromkeys(rivals)]
        why = _("it reads as well in {first} as in {second}").format(
            first=_SHOWN[readings[0]], second=_SHOWN[readings[1]]
        )
        raise EncodingDoubt(_doubt(sample, readings, why))
    return best.encoding if cyrillic else None


def shown_name(codec: str) -> str:
    return _SHOWN.get(codec, codec)


def _doubt(sample: bytes, codecs: list[str], why: str) -> str:
    """The message: why, and the first word with letters above ASCII in each reading."""
    word = _HIGH_WORD.search(sample)
    text = _("cannot tell the file's encoding for sure: {why}").format(why=why)
    if word is not None:
        readings = [
            _("'{word}' in {encoding}").format(
                word=word.group().decode(c, errors="replace"), encoding=_SHOWN[c]
            )
            for c in codecs[:3]
        ]
        text += " (" + ", ".join(readings) + ")"
    return text
