"""A column of e-mail addresses checked at once gives what checking each address gives.

The directory's load looks at all addresses of a CSV file together (a few searches of
their joined text) and only asks about each address when one of them is unusual. Random
columns of ordinary and tricky addresses must give the same accepted addresses, written as
email_validator writes them, and refuse the same rows.
"""

from __future__ import annotations

from email_validator import EmailNotValidError
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.columns import _check_emails
from campaign_app.core.directory.validation import normalized_email

ADDRESSES = [
    "",
    "michal.simecka@europarl.europa.eu",
    "a.b@osce.org",
    "Info@osce.org",
    "x.info@osce.org",
    "abuse@example.org",
    "A.B@EXAMPLE.org",
    "a..b@example.org",
    ".a@example.org",
    "a.@example.org",
    "@example.org",
    "a@",
    "a@b@c.org",
    "a@example..org",
    "a@-example.org",
    "a+tag@example.org",
    "a_b-c@sub.example.org",
    "žofie@example.org",
    "a@exämple.org",
    "a b@example.org",
    "a@localhost",
    "x" * 250 + "@example.org",
]


def one_by_one(column: list[str]) -> tuple[list[int], list[str]]:
    refused, written = [], []
    for i, address in enumerate(column):
        try:
            written.append(normalized_email(address) if address else "")
        except EmailNotValidError:
            refused.append(i)
            written.append(address)
    return refused, written


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ADDRESSES), max_size=12))
def test_a_column_of_addresses_reads_as_each_address(column):
    values = {"email": tuple(column)}
    refused = _check_emails(values)
    expected_refused, expected_written = one_by_one(column)
    assert sorted(refused) == expected_refused
    kept = [i for i in range(len(column)) if i not in expected_refused]
    assert [values["email"][i] for i in kept] == [expected_written[i] for i in kept]
