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


def test_names_that_repeat_little_are_tested_row_by_row_and_after_edits_too():
    """Given names numbered (few), family names row by row (more than a byte numbers), then an
    edit that gives the given names one text too many: the answers stay the joined names'."""
    rows = [("dr", "ann" if n % 2 else "ivo", f"lee{n}", "office", "org", f"mep-{n}") for n in range(300)]
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None
    for word in ("lee1", "ann", "mep-2", "dr", "x", "", "ffi", "e2"):
        assert words.mask(word) == by_joined(rows, word), word
    for n in range(MAX_OFFICES + 1):
        rows[n] = ("dr", f"given{n}", None, "office", "org", f"mep-{n}")
        assert words.set(n, rows[n])
    rows.append((None, "added", "lee", None, None, "new-1"))
    assert words.set(len(rows) - 1, rows[-1])
    for word in ("given1", "given25", "ann", "lee", "added", "new", "mep-299", "dr", "office", "ven2"):
        assert words.mask(word) == by_joined(rows, word), word


def test_a_word_in_few_ids_is_found_in_them_joined_as_row_by_row():
    """Ids asked through their joined text (a word in few of them) or row by row (in many):
    the same rows; a word across two ids (a line break) is in neither."""
    ids = [f"mep-{n}" for n in range(400)] + ["un-sr-torture", "ua-president", ""]
    rows = [(None, "ann", None, None, None, rid) for rid in ids]
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None
    for word in ("t", "to", "rt", "un", "p-1", "-", "mep-39", "9\nmep", "\n", "", "ua-president", "x"):
        assert words.mask(word) == by_joined(rows, word), word


def test_a_word_without_a_digit_is_asked_of_the_ids_heads_and_after_edits_too():
    """Ids whose heads (without their trailing digits) repeat: a word without a digit is
    answered by head, one with a digit row by row; the same rows as the joined names, also
    once an edit brings more heads than a byte numbers (asked row by row from then on)."""
    ids = [f"bench-{n}" for n in range(300)] + ["mep-12", "un-sr-torture", "x2y-3", "", "7", "a1b2"]
    rows = [(None, "ann", None, None, None, rid) for rid in ids]
    words = WordMask.of(list(zip(*rows, strict=True)))
    assert words is not None
    words_asked = ("c", "bench-", "h-", "h-1", "-1", "1", "b2", "x2y", "y-", "2y", "a", "e", "", "torture")
    for word in words_asked:
        assert words.mask(word) == by_joined(rows, word), word
    for n in range(MAX_OFFICES + 2):
        rows[n] = (None, "ann", None, None, None, f"head{n}x-{n}")
        assert words.set(n, rows[n])
    rows.append((None, "ann", None, None, None, "bench"))
    assert words.set(len(rows) - 1, rows[-1])
    for word in ("c", "bench", "head1", "d1x", "x-1", "x", "bench-299", "h", "-"):
        assert words.mask(word) == by_joined(rows, word), word
