"""A listed entry's name read from the directory's columns is the name its Recipient gives.

``recipients list`` names thousands of entries from the name columns without a language
view (``plain_display_name``, ``RecipientTable.display_names``); for names in several
languages it asks the Recipient. Both must give what PRODUCT.md describes: the person,
else the office (position, organisation), in the entry's language, else the id.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.common.errors import Location
from campaign_app.core.directory.recipients import Recipient, plain_record_name
from campaign_app.core.directory.table import RecipientTable
from campaign_app.core.directory.validation import parse_recipient

words = st.sampled_from(["", "Anna", "Šimečka", "OSCE", "Head of OSCE", "Президент", "European Parliament"])
texts = st.one_of(words, st.dictionaries(st.sampled_from(["en", "uk", "fr"]), words, max_size=2))
NAMES = ("given_name", "family_name", "position", "organisation")


def name_by_view(r: Recipient) -> str:
    """The name as the entry's language view gives it (the reading before the plain one)."""
    v = r.view(r.language)
    if v.full_name:
        return v.full_name
    if v.position and v.organisation and v.organisation not in v.position:
        return f"{v.position}, {v.organisation}"
    return v.position or v.organisation or r.id


entries = st.lists(
    st.builds(
        lambda values, language, i: Recipient(f"r-{i}", "mep", language=language, **values),
        st.fixed_dictionaries(dict.fromkeys(NAMES, texts)),
        st.sampled_from(["en", "uk"]),
        st.integers(0, 10**6),
    ),
    max_size=12,
)


def table_of(from_yaml: list[Recipient], from_csv: list[Recipient]) -> RecipientTable:
    """Entries from a YAML file, then a CSV file's rows (plain strings only, as a CSV cell is)."""
    table = RecipientTable()
    for r in from_yaml:
        table.add(r)
    if from_csv:
        plain = [{n: v if isinstance(v, str) else "" for n, v in r.record().items()} for r in from_csv]
        columns = {n: tuple(p[n] for p in plain) for n in plain[0]}
        columns |= {"tags": (("droi",),) * len(plain), "verified_on": (None,) * len(plain)}
        columns["in_office_until"] = columns["verified_on"]
        table.add_rows(columns, list(range(2, 2 + len(plain))), "people.csv", 1)
    return table


@settings(max_examples=300, deadline=None)
@given(entries, entries)
def test_names_from_the_columns_are_the_recipients_names(from_yaml, from_csv):
    table = table_of(from_yaml, from_csv)
    rows = list(range(len(table)))[::-1]
    assert table.display_names(rows) == [name_by_view(table[i]) for i in rows]
    assert [table[i].display_name for i in rows] == [name_by_view(table[i]) for i in rows]


@settings(max_examples=100, deadline=None)
@given(entries, entries, st.integers(0, 30))
def test_recipients_made_all_at_once_are_those_made_one_by_one(from_yaml, from_csv, first):
    """``list(table)`` (the window's load) makes a CSV run's Recipients in one pass."""
    one_by_one, at_once = table_of(from_yaml, from_csv), table_of(from_yaml, from_csv)
    if len(at_once):
        at_once[first % len(at_once)]  # one made before the rest
    expected = [one_by_one[i] for i in range(len(one_by_one))]
    assert list(at_once) == expected
    assert [(vars(r), r.origin) for r in at_once] == [(vars(r), r.origin) for r in expected]


def test_a_directory_names_the_ids_it_holds_as_their_recipients_do(mini_ws):
    """``log status`` names its recipients through ``Directory.display_names``: from CSV
    rows and YAML entries alike, and an id the directory does not hold is left out."""
    from campaign_app.core.campaign.workspace import Workspace

    directory = Workspace(mini_ws.root).directory
    ids = [r.id for r in directory][::-1]
    names = directory.display_names([*ids, "gone-1"])
    assert names == {rid: directory.get(rid).display_name for rid in ids}
    assert len(set(names.values())) == len(ids) >= 5  # real names, not the ids repeated


padded = st.sampled_from(["", " ", "Anna ", " Šimečka", "OSCE", "Head of OSCE ", "European Parliament"])


@settings(max_examples=200, deadline=None)
@given(record=st.fixed_dictionaries({}, optional={name: padded for name in NAMES}))
def test_a_valid_records_name_read_off_its_texts_is_its_recipients(record):
    """An import names a row it refuses for want of a channel from the record's texts
    (plain_record_name), without making its Recipient: the name must be the Recipient's."""
    raw = {"id": " p-1 ", "category": "ngo", **record}
    recipient, errors = parse_recipient(raw, lambda _name: Location("list.csv"))
    if recipient is None:  # no name and no office: no entry to name
        assert errors
        return
    assert plain_record_name(raw["id"], record) == recipient.display_name
    assert plain_record_name("p-1", {"given_name": {"en": "Anna"}}) is None
