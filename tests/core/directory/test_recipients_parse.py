"""The fast path for e-mail addresses gives exactly email_validator's result or error.

parse_recipient checks the common shape of an address itself and asks email_validator
about each domain once; every other address goes through email_validator whole. This
compares the two on addresses chosen to sit on the edges of that fast path.
"""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from campaign_app.core.common.errors import Location
from campaign_app.core.directory.validation import normalized_email, parse_recipient

ADDRESSES = [
    "michal.simecka@europarl.europa.eu",
    "Michal.Simecka@EuroParl.Europa.EU",
    "a+b_c-d@example.org",
    "Postmaster@example.org",
    "ABUSE@example.org",
    "x@localhost",
    "x@example",
    "x@test",
    "x@invalid",
    "x@my.local",
    "x@123.45",
    "x@example.123",
    "x@-example.org",
    "x@example-.org",
    "x@exa_mple.org",
    "x..y@example.org",
    ".x@example.org",
    "x.@example.org",
    "x@example..org",
    "x@" + "a" * 64 + ".org",
    "x@" + ".".join(["a" * 60] * 5) + ".org",
    "a" * 65 + "@example.org",
    "a" * 64 + "@example.org",
    "a" * 240 + "@example.org",
    "šimečka@example.org",
    "x@šimečka.sk",
    "x@xn--imeka-7va29e.sk",
    "Name <x@example.org>",
    '"quoted"@example.org',
    "x@[127.0.0.1]",
    "x@example.org.",
    "x@ex ample.org",
    "x@@example.org",
    "",
    "@example.org",
    "x@",
]


def reference(address: str):
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        return f"error: {exc}"


def ours(address: str):
    try:
        return normalized_email(address)
    except EmailNotValidError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("address", ADDRESSES)
def test_normalized_email_matches_email_validator(address):
    assert ours(address) == reference(address)
    assert ours(address) == reference(address)  # again, from the domain cache


def test_parse_recipient_message_for_a_bad_address_is_unchanged():
    _recipient, errors = parse_recipient(
        {"id": "x", "category": "mep", "family_name": "X", "email": "x@localhost"},
        lambda name: Location("f.csv", 2, 11),
    )
    assert [str(e) for e in errors] == [
        "f.csv:2:11: e-mail 'x@localhost' is not an address (the part after the @ sign has no dot"
        " (as in example.org)) — correct it or leave it empty"
    ]
