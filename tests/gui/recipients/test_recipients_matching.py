"""A keystroke's rows answered from earlier keystrokes' (``MatchCache``) are the rows the
whole query selects over the whole directory, in the same order.

The cache narrows an earlier answer, tests only the parts the earlier query did not have,
walks an earlier answer's rows in the sort order, and answers Backspace from what it kept;
each of these is compared here, key by key, with the index asked afresh and sorted plainly.
"""

from __future__ import annotations

import datetime as dt
import random

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.query import parse_query
from campaign_app.core.outreach.terms import QUERY_STATUSES
from campaign_app.gui.recipients.matching import MatchCache, rows_of
from campaign_app.gui.recipients.rows import COL_NAME, COL_OFFICE, LoadedDirectory, SortOrder

GIVEN = ["Anna", "Řehoř", "Ana", "Annabel", "Ольга", "Sánchez", "Nova"]
FAMILY = ["Novák", "Nováková", "Sánchez Amor", "Шевченко", "Du Pont", "Costa"]
TAGS = ["supporter", "supporter;droi", "droi", ""]
SCRIPTED = [
    "tag:supporter -country:ua",
    'category:mep "sanchez amor" -co',
    "an OR nov",
    "-(country:sk OR an) tag:droi",
    "status:sent an",
    "an status:sent -country:lt",
]
KEYS = [*"anovskp", " ", "-", '"', "tag:supporter", "country:", "status:sent", " OR ", "(", ")", "BS", "BS"]


def write_people(mini_ws, count: int = 500) -> None:
    """Names that share beginnings and contain spaces (for quotes), tags, two offices."""
    rnd = random.Random(7)
    lines = ["id,category,given_name,family_name,position,country,language,email,tags"]
    for i in range(count):
        position = rnd.choice(["Member of the European Parliament", "Head of office", ""])
        country = rnd.choice(["SK", "LT", "UA"])
        email = f"p{i}@example.org" if i % 7 else ""
        lines.append(
            f"p-{i},{rnd.choice(['mep', 'ngo'])},{rnd.choice(GIVEN)},{rnd.choice(FAMILY)},"
            f"{position},{country},en,{email},{rnd.choice(TAGS)}"
        )
    mini_ws.write("recipients/people.csv", "\n".join(lines) + "\n")


def typed(rnd: random.Random) -> list[str]:
    """What the search box holds after each key: the scripted queries typed letter by letter
    (each then taken back a few letters and typed on), then random keys with Backspace."""
    texts: list[str] = []
    for query in SCRIPTED:
        texts += [query[:n] for n in range(1, len(query) + 1)]
        back = len(query) - rnd.randint(1, 6)
        texts += [query[:n] for n in range(len(query) - 1, back - 1, -1)] + [query, ""]
    text = ""
    for _ in range(1500):
        key, before = rnd.choice(KEYS), text
        text = text[:-1] if key == "BS" else text + key
        texts.append(text)
        if not parses(text) and rnd.random() < 0.7:
            text = before  # a key that makes a mistake is mostly taken back
        if len(text) > 50:
            text = ""
    return texts


def parses(text: str) -> bool:
    try:
        parse_query(text, lambda: {}, QUERY_STATUSES)
    except UserError:
        return False
    return True


def test_each_keystroke_from_the_cache_is_the_whole_querys_rows_in_order(mini_ws):
    write_people(mini_ws)
    directory = Workspace(mini_ws.root).directory
    loaded = LoadedDirectory.of_directory(directory, dt.date(2024, 1, 31))
    index = loaded.index
    assert index is not None
    statuses = {f"p-{i}": frozenset({"sent"}) for i in range(0, 500, 3)}
    texts = typed(random.Random(3))
    orders = [None, SortOrder.of(loaded.recipients.copy(), COL_NAME)]
    orders.append(SortOrder.of(loaded.recipients.copy(), COL_OFFICE))  # many ties
    answered = 0
    for order in orders:
        cache = MatchCache()
        for text in texts:
            try:
                query = parse_query(text, lambda: statuses, QUERY_STATUSES)
            except UserError:  # a half-typed field or quote: the box shows the mistake
                continue
            rows, mask = cache.select(index, query, statuses, 1, order)
            whole = index.select(query, statuses=statuses)
            if order is not None:
                whole = sorted(whole, key=lambda i: (order.keys[i], i))
            assert rows == whole, f"after typing {text!r}"
            if mask is not None:
                assert sorted(rows) == [i for i, held in enumerate(mask) if held], text
            answered += 1
    assert answered > 900


def test_the_rows_of_a_mask_nearly_all_set_are_the_rows_walked_one_by_one():
    """A mask with a few rows unset is copied around them (in file order or a sort order
    with ties); the same rows as the mask walked row by row, for any number unset."""
    rnd = random.Random(9)
    for size in (0, 1, 5, 64, 65, 300, 5000):
        keys = [rnd.choice("abcde") for _ in range(size)]
        order = SortOrder(0, keys, sorted(range(size), key=lambda i: (keys[i], i)))
        for unset in {0, 1, 2, size // 70, size // 64, size // 10, size}:
            mask = bytearray([1]) * size
            for i in rnd.sample(range(size), min(unset, size)):
                mask[i] = 0
            count = mask.count(1)
            assert rows_of(bytes(mask), count, None) == [i for i in range(size) if mask[i]], (size, unset)
            expected = [i for i in order.rows if mask[i]]
            assert rows_of(bytes(mask), count, order) == expected, (size, unset)


def test_a_bare_word_narrowing_many_rows_is_answered_on_masks_with_the_same_rows(mini_ws):
    """A bare word (or one excluded) typed after a term that holds a quarter of the rows or
    more is answered by and'ing masks (the word's over every row, the earlier answer's): the
    same rows, in the same order, as the whole query asked afresh; and, once a row is
    deleted (the index has no word masks then), row by row, the same again."""
    write_people(mini_ws)
    loaded = LoadedDirectory.of_directory(Workspace(mini_ws.root).directory, dt.date(2024, 1, 31))
    index = loaded.index
    assert index is not None
    name_order = SortOrder.of(loaded.recipients.copy(), COL_NAME)
    texts = [
        "tag:supporter",
        "tag:supporter -an",
        "tag:supporter -ano",
        "tag:supporter an",
        "tag:supporter nov",
        "tag:supporter -country:ua",
        "tag:supporter country:sk",
        "tag:supporter -category:mep",
    ]
    for version in (1, 2):
        if version == 2:
            index.set(3, None)
        for order in (None, name_order):
            cache = MatchCache()
            for text in texts:
                query = parse_query(text)
                rows, mask = cache.select(index, query, None, version, order)
                whole = index.select(query)
                if order is not None:
                    whole = sorted(whole, key=lambda i: (order.keys[i], i))
                assert rows == whole, (text, version)
                assert (mask is not None) == (version == 1), (text, version)
                if mask is not None:
                    assert sorted(rows) == [i for i, held in enumerate(mask) if held], text


def test_the_rows_of_a_mask_are_picked_from_the_row_numbers_given():
    """``rows_of`` with every row number as one list (``SearchIndex.row_numbers``) gives the
    same rows as with none, and takes its numbers from that list."""
    everyone = list(range(1000, 1000 + 300))  # numbers made apart from any the test compares
    everyone = [i - 1000 for i in everyone]
    for mask in (bytes([1]) * 300, bytes(i % 3 == 0 for i in range(300)), bytes(300)):
        count = mask.count(1)
        rows = rows_of(mask, count, None, everyone)
        assert rows == rows_of(mask, count, None) == [i for i in range(300) if mask[i]]
        assert all(row is everyone[row] for row in rows)
    assert rows_of(bytes([1, 0, 1]), 2, None, everyone) == [0, 2]  # not every row's list: ignored
