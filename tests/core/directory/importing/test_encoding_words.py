"""The code page's guess counts the words holding a byte above 127 (encodings._high_words),
split in C: they must be what a pattern tried at every byte found, the same words counted
in the same order up to the same word."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.importing import encodings

# the pattern the words were found by before
HIGH_WORD = re.compile(rb"(?<![A-Za-z\x80-\xff])[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")

PIECES = [b"a", b"Z", b" ", b"\n", b"\r\n", b";", b'"', b"1", b"\xe9", b"\x9a", b"\xc3\xa9", b"\xe2\x82\xac"]
PIECES += [b"\xf0\x9f\x98\x80", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"-", b"\x00", b"\xff", b"'"]


def by_pattern(data: bytes, distinct: int) -> Counter[bytes]:
    words: Counter[bytes] = Counter()
    for match in HIGH_WORD.finditer(data):
        words[match.group()] += 1
        if len(words) >= distinct:
            break
    return words


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.integers(1, 12), st.sampled_from([1, 4, 1 << 18]))
@example([b"\xe9a", b" ", b"\xe9a", b"\n", b"b\x9a"], 2, 1)
def test_words_above_ascii_are_those_the_pattern_found(pieces, distinct, piece):
    data = b"".join(pieces)
    saved = encodings._SLICE
    encodings._SLICE = piece  # slices cut at every line's end, or the whole file at once
    try:
        found = encodings._high_words(data, distinct)
    finally:
        encodings._SLICE = saved
    expected = by_pattern(data, distinct)
    assert found == expected
    assert list(found) == list(expected)  # in the same order: the scores are summed in it
