"""The window's answer to one bare word (core/directory/word_mask.py) is the joined names'
answer: the person's parts row by row and the offices once each find the same rows, after
edits too; a word with a space, or a directory of too many offices, is left to the joined names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.word_mask import MAX_OFFICES, WordMask, joined

TEXT = st.sampled_from(["ann", "anna maria", "šimečka", "ana", "", "head of office", "osce", "bench-1", "a"])
PART = st.one_of(st.none(), TEXT)
ROW = st.tuples(PART, PART, PART, PART, PART, TEXT)
WORD = st.sampled_from(["a", "an", "nn", "office", "of o", "osce", "e o", "ma", "ce-1", "x", "ečk", "ana b"])


def by_joined(rows, word: str) -> bytes:
    return bytes(word in joined(*row) for row in rows)


@given(st.lists(ROW, min_size=1, max_size=12), WORD)
@settings(max_examples=300)
def test_the_mask_is_the_joined_names_answer(rows, word):
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None
    mask = words.mask(word)
    if " " in word:
        assert mask is None  # it may span two parts: the joined names answer it
    else:
        assert mask == by_joined(rows, word)


@given(st.lists(ROW, min_size=1, max_size=8), st.lists(st.tuples(st.integers(0, 8), ROW), max_size=6), WORD)
@settings(max_examples=200)
def test_edits_keep_it_the_joined_names_answer(rows, edits, word):
    rows = list(rows)
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None
    for row, parts in edits:
        row = min(row, len(rows))  # an edit, or an entry added at the end
        assert words.set(row, parts)
        if row == len(rows):
            rows.append(parts)
        else:
            rows[row] = parts
    if " " not in word:
        assert words.mask(word) == by_joined(rows, word)


def test_more_offices_than_a_byte_numbers_leave_it_to_the_joined_names():
    rows = [(None, "ann", "lee", f"office {n}", "org", f"id-{n}") for n in range(MAX_OFFICES)]
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None and words.mask("office") == b"\x01" * MAX_OFFICES
    assert not words.set(0, (None, "ann", "lee", "one office too many", "org", "id-0"))
    assert WordMask.of(list(zip(*[*rows, (None, "b", "c", "another", "org", "x")], strict=True))) is None
