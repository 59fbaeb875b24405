"""A UTF-8 file is checked a piece at a time and its NUL and apostrophes looked for in its
bytes (csv_reader.read_csv): what it finds must be what the whole decoded text gives."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.importing import csv_reader, encodings
from campaign_app.core.directory.importing.encodings import utf8_head, utf8_reading

TEXT = st.text(alphabet=st.sampled_from(list("ab;,'\"\r\n\t éš€😀\ufeff")), max_size=60)
BYTES = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8")),
    TEXT.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    st.binary(max_size=40),
    st.tuples(TEXT, st.binary(max_size=3), TEXT).map(lambda p: p[0].encode() + p[1] + p[2].encode()),
)


@settings(max_examples=400, deadline=None)
@given(data=BYTES, head=st.integers(1, 70), delimiter=st.sampled_from([",", ";", "\t"]))
@example(data=codecs.BOM_UTF8 + b"'a", head=5, delimiter=",")
@example(data=codecs.BOM_UTF8 + b"\xff'a", head=5, delimiter=",")
@example(data="é'x".encode(), head=1, delimiter=",")
def test_a_utf8_file_read_in_pieces_is_what_its_whole_text_says(data, head, delimiter):
    whole, found = utf8_reading(data), utf8_head(data, head)
    assert (whole is None) == (found is None)
    if whole is None or found is None:
        return
    decoded, start = found
    assert (decoded.encoding, decoded.note, decoded.codec) == (whole.encoding, whole.note, whole.codec)
    assert decoded.text == whole.text[:head]
    assert codecs.decode(data[start:], "utf-8") == whole.text
    assert (b"\x00" in data) == ("\x00" in whole.text)
    assert csv_reader._may_start_cells(data, delimiter, start) == csv_reader._may_start_cells(
        whole.text, delimiter
    )


def test_a_utf8_file_s_apostrophes_past_those_looked_at_are_taken_to_start_cells(monkeypatch):
    monkeypatch.setattr(csv_reader, "LOOKED", 3)
    for text in ("a'b'c'd", "a'b'c'", "a'b'c", "é'é'é'é'", ";'"):
        data = text.encode("utf-8")
        assert csv_reader._may_start_cells(data, ";", 0) == csv_reader._may_start_cells(text, ";")


def test_a_code_page_whose_nul_is_looked_for_in_the_bytes_reads_it_from_byte_0_alone():
    for codec in csv_reader._NUL_AT_BYTE_0 - {"utf-8", "utf-8-sig"}:
        chars = bytes(range(256)).decode(codec, "replace")
        assert len(chars) == 256 and chars.index("\x00") == 0 and chars.count("\x00") == 1, codec
    assert not csv_reader._nul_is_byte_0("utf-16") and not csv_reader._nul_is_byte_0("utf-7")
    assert not csv_reader._nul_is_byte_0("no-such-codec") and csv_reader._nul_is_byte_0("Windows-1252")


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=12) | TEXT.map(lambda t: t.encode("utf-8") + b"\x00"))
def test_a_nul_read_in_utf8_is_a_nul_byte(data):
    for codec in ("utf-8", "utf-8-sig"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        assert ("\x00" in text) == (b"\x00" in data)


@settings(max_examples=500, deadline=None)
@given(
    data=st.lists(
        st.sampled_from(
            [
                b"A",
                b" ",
                b"\x80",
                b"\xbf",
                b"\xc2",
                b"\xc3",
                b"\xe0",
                b"\xe2",
                b"\xed",
                b"\xa0",
                b"\xf0",
                b"\xf4",
                b"\x90",
                b"\x8f",
                b"\xff",
                b"\x9a",
                b"\xe9",
                "š".encode(),
                "😀".encode(),
            ]
        ),
        max_size=12,
    ).map(b"".join)
)
def test_utf8_letters_are_found_as_when_the_other_bytes_were_kept_as_escapes(data):
    try:
        data.decode("utf-8", "surrogateescape").encode("ascii", "surrogateescape")
        escaped = False
    except UnicodeEncodeError:
        escaped = True
    assert encodings._has_utf8_letters(data) == escaped
    for piece in (1, 2, 3):  # a letter cut between two pieces is found whole
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(encodings, "_PIECE", piece)
            assert encodings._has_utf8_letters(data) == escaped


def whole_utf8_reading(data: bytes) -> tuple[str, str, str] | None:
    """What utf8_reading gave when it decoded the whole file at once: (text, name, codec)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM", "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8", "utf-8"
    except UnicodeDecodeError:
        return None


@settings(max_examples=400, deadline=None)
@given(data=BYTES, piece=st.sampled_from([1, 2, 3, 1 << 16]))
@example(data=codecs.BOM_UTF8 + b"\xff", piece=1 << 16)
@example(data="aé".encode(), piece=2)  # a letter cut between two pieces
def test_utf8_checked_in_pieces_is_what_the_whole_decoding_found(data, piece):
    """utf8_reading and refuse_mixed_encodings look a piece at a time (no copy of a code
    page file's bytes in an error): the same answer as decoding it whole."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(encodings, "_PIECE", piece)
        found = utf8_reading(data)
    expected = whole_utf8_reading(data)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert (found.text, found.encoding, found.codec) == expected
