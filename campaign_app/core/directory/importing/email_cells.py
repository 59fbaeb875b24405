"""The e-mail cells of a chunk of CSV rows: each read, and its address normalized, at once.

A cell was read by :func:`.column_cells.read_email` (``split_emails`` and ``choose_email``) and its
address normalized again, later, by :func:`.column_cells.normalized` (``normalized_email``):
two regular expressions, a dozen calls and, for a cell of two addresses (the European
Parliament's ``mailto:a@x.org; mailto:a@europarl.europa.eu``), a split, two validations
and a third: a quarter of a second of a 100,000-row import. Nearly every cell holds
addresses of the plain shape ``name.surname@institution.eu``
(:data:`~campaign_app.core.directory.validation._PLAIN_EMAIL`), bare or as ``mailto:``
URIs, one or two of them: one match of the whole cell tells what those steps would find,
and the address as ``normalized_email`` gives it is known from its domain, which
email_validator is asked about once per distinct domain (as ``normalized_email`` asks it).
The chunk's cells are matched by a ``map`` of the pattern over them, their groups taken
the same way; the conditions on a single address are looked at for the whole column, and
only the cells that fail them, hold two addresses or another shape are looked at one by
one.

Any other cell (spaces around it, brackets, a name before the address, the same address
twice, a mailbox such as ``postmaster`` that email_validator lower-cases, a domain it
refuses or writes otherwise) is read by the same steps as before, one by one, so what is
kept, refused and said stays theirs (tests/core/directory/importing/test_email_cells.py
compares the two on generated cells, and both with email_validator).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES

from campaign_app.core.directory.importing.cells import _EMAIL_SPLIT
from campaign_app.core.directory.importing.ep import EP_DOMAIN
from campaign_app.core.directory.validation import _EMAIL_MAX_LENGTH, _normalized_domain

# validation._PLAIN_EMAIL without its anchors: (the address, its local part, its domain).
# Possessive: none of a run's characters could end it ("." or "@"), so giving some back
# never made another match, only a slower failure.
_PLAIN = r"(([A-Za-z0-9_+-]++(?:\.[A-Za-z0-9_+-]++)*+)@([A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++))"
# A cell that is one address: split_emails takes it whole, after a "mailto:" or "MAILTO:"
# (only those two spellings: "Mailto:x@y.org" is kept as it is, and refused later).
_ONE = re.compile(rf"(?:mailto:|MAILTO:|(?!mailto:|MAILTO:)){_PLAIN}")
# One of several addresses in a cell, as split_emails leaves it: its "mailto:" removed in
# any case (cells._MAILTO ignores case), nothing else around it.
_PART = re.compile(rf"(?i:mailto:)?{_PLAIN}")
# A cell of two such addresses, as split_emails splits them (cells._EMAIL_SPLIT): six groups.
_TWO = re.compile(rf"(?i:mailto:)?{_PLAIN}[;,\s]+(?i:mailto:)?{_PLAIN}")
_MAILBOX_NAMES = frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)
_NO_MATCH = re.compile("()()()").fullmatch("")  # its groups: no address, no local part, no domain
_GROUPS = re.Match.groups

# (the address kept, every address in the cell, whether it held several) or None: no address
Read = tuple[str, list[str], bool] | None


def email_cells(
    cells: Sequence[str], slow: Callable[[str], Read]
) -> tuple[list[str | None], dict[int, Read], list[str | None], list[str | None]]:
    """What ``slow`` (:func:`.column_cells.read_email`) gives for each cell: the address kept (None:
    none), and the whole reading of each cell that is not one plain address (a cell that
    is, ``a``, reads ``(a, [a], False)``: see :func:`read_of`); each kept address as
    normalized_email gives it (None: not known here, to be asked of normalized_email);
    and the domain of each cell that is one plain address (None for any other cell: its
    addresses are to be looked at one by one).

    Each cell is matched by a ``map`` (no Python step a cell) and the groups of the matches
    taken the same way; the plain addresses whose domain email_validator leaves as it is
    (asked once per distinct domain), not too long, and of no mailbox it lower-cases, are
    known from that alone, looked at for the whole column; every other cell is read on
    its own: two plain addresses by :data:`_TWO` (:func:`_two`), any other by :func:`_cell`."""
    matches = list(map(_ONE.fullmatch, cells))
    if not matches:
        return [], {}, [], []
    if None in matches:
        matches = [_NO_MATCH if match is None else match for match in matches]
    addresses, locals_, domains = zip(*map(_GROUPS, matches), strict=True)  # type: ignore[arg-type]
    # _normalized's conditions, for the whole column: a domain normalized as it is (asked
    # once per distinct domain; "" is no address), no address too long, no special mailbox
    known = {domain for domain in set(domains) if domain and _normalized_domain(domain) == domain}
    if max(map(len, addresses)) <= _EMAIL_MAX_LENGTH and _MAILBOX_NAMES.isdisjoint(map(str.lower, locals_)):
        others = [n for n, domain in enumerate(domains) if domain not in known]
    else:
        others = [
            n
            for n, (address, local, domain) in enumerate(zip(addresses, locals_, domains, strict=True))
            if domain not in known or len(address) > _EMAIL_MAX_LENGTH or local.lower() in _MAILBOX_NAMES
        ]
    kept: list[str | None] = list(addresses)
    normal: list[str | None] = list(addresses)
    plain: list[str | None] = list(domains)
    read: dict[int, Read] = {}
    for n in others:
        cell = cells[n]
        two = _TWO.fullmatch(cell)
        found = None if two is None else _two(*two.groups())
        read[n], normal[n] = _cell(cell, slow) if found is None else found
        kept[n] = None if read[n] is None else read[n][0]  # type: ignore[index]
        plain[n] = None
    return kept, read, normal, plain


def read_of(n: int, kept: Sequence[str | None], read: dict[int, Read]) -> Read:
    """The reading of cell ``n`` from :func:`email_cells`' kept addresses and readings."""
    if n in read:
        return read[n]
    address = kept[n]
    return None if address is None else (address, [address], False)


def _cell(cell: str, slow: Callable[[str], Read]) -> tuple[Read, str | None]:
    """One cell read: a plain address matched, several plain ones (:func:`_several`), else
    by ``slow``; and its kept address normalized where known here."""
    match = _ONE.fullmatch(cell)
    if match is not None:
        address, local, domain = match.groups()
        return (address, [address], False), _normalized(address, local, domain)
    if not cell:
        return None, None
    several = _several(cell)
    if several is None:
        return slow(cell), None
    return several


def _normalized(address: str, local: str, domain: str) -> str | None:
    """The address as normalized_email gives it, where its fast path does not refuse it:
    the same conditions, in the same order; None where normalized_email must look."""
    if len(address) > _EMAIL_MAX_LENGTH or local.lower() in _MAILBOX_NAMES:
        return None
    normalized_domain = _normalized_domain(domain)
    if normalized_domain is None or len(local) + 1 + len(normalized_domain) > _EMAIL_MAX_LENGTH:
        return None
    return address if normalized_domain == domain else f"{local}@{normalized_domain}"


def _two(
    first: str, local: str, domain: str, second: str, local2: str, domain2: str
) -> tuple[Read, str] | None:
    """What :func:`_several` makes of a cell of two plain addresses, from their groups
    (no split, no match again); None where it would give None."""
    normalized = _normalized(first, local, domain)
    normalized2 = _normalized(second, local2, domain2)
    if normalized is None or normalized2 is None or first.casefold() == second.casefold():
        return None
    if domain.lower() != EP_DOMAIN and domain2.lower() == EP_DOMAIN:
        return (second, [first, second], True), normalized2
    return (first, [first, second], True), normalized


def _several(cell: str) -> tuple[Read, str] | None:
    """A cell of several plain addresses, each valid, none twice: what split_emails and
    choose_email make of it (the one at the European Parliament, else the first), and the
    kept one normalized; None for any other cell."""
    parts = _EMAIL_SPLIT.split(cell.strip())
    if len(parts) < 2:
        return None
    emails, normal = [], []
    for part in parts:
        match = _PART.fullmatch(part)
        if match is None:
            return None
        address, local, domain = match.groups()
        normalized = _normalized(address, local, domain)
        if normalized is None:  # perhaps invalid: choose_email would pass it over
            return None
        emails.append(address)
        normal.append(normalized)
    if len({e.casefold() for e in emails}) != len(emails):  # split_emails drops a repeated address
        return None
    chosen = next((n for n, e in enumerate(emails) if e.rsplit("@", 1)[-1].lower() == EP_DOMAIN), 0)
    return (emails[chosen], emails, True), normal[chosen]
