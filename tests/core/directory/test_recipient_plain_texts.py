"""A record of plain strings (a CSV row, an import's record) is read as any record is.

parse_recipient reads such a record by the fields it gives (an import's record names ten
of the 23 fields, 100,000 times) and makes the Recipient without the frozen dataclass's
field-by-field ``__init__``. Both must give what reading every field in order and
``Recipient(**values)`` give: the same values, the same problems, an equal Recipient.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.common.errors import Location
from campaign_app.core.directory.recipients import ALL_FIELDS, Recipient
from campaign_app.core.directory.validation import _plain_texts, _texts, parse_recipient

cells = st.sampled_from(
    [
        "",
        " ",
        "mep",
        "osce",
        " Anna ",
        "Šimečka",
        "sk",
        "DE",
        "xx",
        "uk",
        "zz!",
        "f",
        "q",
        "2024-01-02",
        "2024-13-01",
        "a.b@europarl.europa.eu",
        "bad@",
        "https://example.org",
        "not a url",
        "droi; supporter",
        "mep-1",
        "bad id",
    ]
)
records = st.dictionaries(
    st.sampled_from([*ALL_FIELDS, "nickname"]), st.one_of(st.none(), cells), max_size=14
)


def locate(name: str) -> Location:
    return Location("people.csv", 7, ALL_FIELDS.index(name) + 1 if name in ALL_FIELDS else 99)


@settings(max_examples=400, deadline=None)
@given(records)
def test_plain_records_read_as_every_record(record):
    errors: list = []
    assert _plain_texts(record) == _texts(record, locate, errors)
    assert errors == []
    recipient, problems = parse_recipient(record, locate)
    again, problems_again = parse_recipient(dict(record), locate)
    assert [(p.message, p.where, p.hint) for p in problems] == [
        (p.message, p.where, p.hint) for p in problems_again
    ]
    if recipient is None:
        assert problems and again is None
        return
    fields = {f.name: getattr(recipient, f.name) for f in dataclasses.fields(Recipient)}
    made = Recipient(**fields)
    assert recipient == made and again == made
    assert recipient.origin == made.origin == Location("people.csv", 7, 1)
    assert vars(recipient) == vars(made)
    assert hash(recipient) == hash(made)
