"""A file found in a Latin code page is decoded only as far as the CSV reader needs
(encodings.detect_encoding's ``head``): the rest is looked at for a byte the page lacks,
and its apostrophes looked for in its bytes. Each must find what the whole text did: the
same code page (a byte one page lacks, far down the file, passes to the next), the same
note, the text's head, and the same answer on apostrophes that may start a cell."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.importing import csv_reader, encodings

WORDS = ["Müller", "Michèle", "Šimečka", "Łódź", "Peña", "Dvořák", "Gonçalves", "Søren", "Kowalski"]
# bytes that code pages lack (0x81… in Windows-1252, 0x83… in Windows-1250) or read oddly
ODD = [b"\x81", b"\x83", b"\x88", b"\x8d", b"\x90", b"\x98", b"\x9d", b"\xa4", b"\xbe", b"\xff"]
PIECES = [b";", b",", b"\n", b"\r\n", b"'", b'"', b" ", b"a", b"1", *ODD]


def pieces(codec: str) -> st.SearchStrategy[bytes]:
    """Bytes of a file in ``codec``: its words, ASCII, and bytes some pages lack."""
    words = [w.encode(codec, "replace") for w in WORDS]
    return st.lists(st.sampled_from(words + PIECES), min_size=1, max_size=120).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([c for c, _name in encodings.CODE_PAGES]).flatmap(pieces),
    st.lists(st.sampled_from(ODD), max_size=2).map(b"".join),
    st.integers(1, 200),
    st.sampled_from([1, 3, 5000]),
)
@example(b"M\xfcller;Mich\xe8le\n", b"\x81", 4, 1)  # Windows-1252's words, a byte it lacks later
@example(b"\xa9ime\xe8ka;\xa3\xf3d\xbc\n", b"", 3, 5000)
def test_head_of_a_code_page_is_what_the_whole_text_gave(body, tail, head, distinct):
    data = b"x\xe9;" + body + tail  # above ASCII: not UTF-8 throughout, most of the time
    if encodings.utf8_reading(data) is not None:
        return
    with pytest.MonkeyPatch.context() as patch:  # few words: the page told from the first ones
        patch.setattr(encodings, "DISTINCT_WORDS", distinct)
        whole = encodings._latin_reading(data)
        part = encodings._latin_reading(data, head)
    assert (part.encoding, part.note, part.codec) == (whole.encoding, whole.note, whole.codec)
    if whole.whole and part.whole:  # the last resort, ISO-8859-1: decoded whole either way
        assert part.text == whole.text
    else:
        assert not part.whole and part.text == whole.text[:head]
        for delimiter in ";,\t":
            assert csv_reader._may_start_cells(data, delimiter) == csv_reader._may_start_cells(
                whole.text, delimiter
            )


def test_a_page_lacks_the_bytes_it_cannot_decode():
    for codec, _name in encodings.CODE_PAGES:
        for byte in range(256):
            try:
                bytes([byte]).decode(codec)
                decodes = True
            except UnicodeDecodeError:
                decodes = False
            assert (bytes([byte]) in encodings._lacks(codec)) is not decodes, (codec, byte)


@pytest.mark.parametrize("head", [8, 64, csv_reader.HEAD])
def test_a_code_page_file_read_in_part_reads_as_read_whole(tmp_path, head, monkeypatch):
    """read_csv on a Windows-1252 file: the same rows however little of its text is made
    (a neutralised formula far down is still found, a lacking byte refused)."""
    rows = [f"{n};Müller-{n};Michèle" for n in range(40)] + ["41;'=1+2;Zoë", "42;x;'+380 44"]
    path = tmp_path / "list.csv"
    path.write_bytes(("ID;Name;Given\n" + "\n".join(rows) + "\n").encode("cp1252"))
    monkeypatch.setattr(csv_reader, "HEAD", head)
    source = csv_reader.read_csv(path, path.read_bytes())
    assert (source.encoding, source.delimiter) == ("Windows-1252", ";")
    read = list(source.rows())
    assert read[-2:] == [(42, ["41", "=1+2", "Zoë"]), (43, ["42", "x", "+380 44"])]
    assert read[0] == (2, ["0", "Müller-0", "Michèle"])
