"""The e-mail cells of a chunk read at once give what reading each cell gives.

An import reads a chunk's e-mail cells with one match a cell (email_cells) and leaves
any cell it does not recognise to the steps that read each cell (split_emails,
choose_email) and to normalized_email. Generated cells, mostly of the shapes it takes
(one address, mailto: URIs, several addresses), with the traps it must hand over (case,
mailto: spelt otherwise, a second '@', dots, spaces, brackets, postmaster, reserved or
non-ASCII domains, too long), must give the same address kept, the same addresses, the
same "several", and the same normalized address as normalized_email, which must be
email_validator's own.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from campaign_app.core.directory.importing.column_cells import normalized as _normalized
from campaign_app.core.directory.importing.column_cells import read_email as _email
from campaign_app.core.directory.importing.email_cells import email_cells, read_of

LOCALS = ["a", "michal.simecka", "A.B", "a+tag", "a_b-c", "x..y", ".x", "x.", "Postmaster", "abuse"]
LOCALS += ["info", "žofie", "a b", '"q"', "x" * 64, "x" * 65, "mailto", "a@b", ""]
DOMAINS = ["europarl.europa.eu", "EUROPARL.europa.EU", "example.org", "y.de", "localhost", "example"]
DOMAINS += ["example.invalid", "x.local", "-bad.org", "bad-.org", "ex_ample.org", "exämple.org"]
DOMAINS += ["xn--bcher-kva.de", "example..org", "1.2.3.4", "[127.0.0.1]", "a" * 64 + ".org"]
DOMAINS += ["b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 50 + ".org", "example.org.", ""]
PREFIXES = ["", "", "", "mailto:", "MAILTO:", "Mailto:", "mailto:mailto:", "maılto:"]
SEPARATORS = ["; ", ";", ",", " ", ", ", " ; ", "\n", ";;"]
AROUND = ["", "", "", "", " ", "<", ">", "\t", "?subject=x", "\u2028", "\xa0"]

address = st.builds(
    lambda p, name, d: f"{p}{name}@{d}",
    st.sampled_from(PREFIXES),
    st.sampled_from(LOCALS),
    st.sampled_from(DOMAINS),
)
part = st.one_of(address, st.sampled_from(["", "n/a", "-", "none", "@example.org", "dan", "mailto:"]))


@st.composite
def cells(draw) -> str:
    parts = draw(st.lists(part, min_size=1, max_size=3))
    text = parts[0]
    for more in parts[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + more
    return draw(st.sampled_from(AROUND)) + text + draw(st.sampled_from(AROUND))


def one_by_one(cell: str):
    """What the import read of a cell before email_cells: _email, then _normalized."""
    read = _email(cell)
    return read, None if read is None else _normalized(read[0])


def validator(address: str) -> str | None:
    try:
        return validate_email(address.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@settings(max_examples=1500, deadline=None)
@given(st.lists(cells(), max_size=8))
@example(["mailto:a.b@example.org; mailto:a.b@europarl.europa.eu", "x@y.de", "", "MAILTO:x@y.de"])
@example(["a@EXAMPLE.org", "Postmaster@example.org", "mailto:a@x.org;mailto:A@x.org", "Mailto:a@x.org"])
@example(["a@x.org, b@europarl.europa.eu, c@europarl.europa.eu", "x@y.org; bad@localhost", "a@b.c\n"])
def test_a_chunk_of_cells_reads_as_each_cell(column):
    kept, readings, normal, domains = email_cells(tuple(column), _email)
    assert len(kept) == len(normal) == len(domains) == len(column)
    read = [read_of(n, kept, readings) for n in range(len(column))]
    assert kept == [None if r is None else r[0] for r in read]
    for cell, got, normalized, domain in zip(column, read, normal, domains, strict=True):
        expected, expected_normal = one_by_one(cell)
        assert got == expected, cell
        if domain is not None:  # a cell of one plain address: its domain, what the trust checks look at
            assert got is not None and got[1:] == ([got[0]], False), cell
            assert got[0][got[0].rfind("@") + 1 :] == domain, cell
        if normalized is not None:  # where email_cells knew it: what normalized_email gives
            assert normalized == expected_normal == validator(got[0]), cell


@settings(max_examples=300, deadline=None)
@given(st.lists(address, min_size=1, max_size=4))
def test_plain_addresses_are_known_without_asking_each(addresses):
    """A cell of plain, valid addresses is never handed over: the fast path is taken."""
    plain = [a for a in addresses if validator(a) == a and a.isascii() and a[:1] != "m"]
    if not plain:
        return
    _kept, _read, normal, _domains = email_cells(tuple(plain), _email)
    special = set(CASE_INSENSITIVE_MAILBOX_NAMES)  # email_validator lower-cases these: asked
    assert all(n == a for n, a in zip(normal, plain, strict=True) if a.split("@")[0].lower() not in special)
