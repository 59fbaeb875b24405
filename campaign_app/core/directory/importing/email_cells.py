"""The e-mail cells of a chunk of CSV rows: each read, and its address normalized, at once.

A cell was read by :func:`.columns._email` (``split_emails`` and ``choose_email``) and its
address normalized again, later, by :func:`.columns._normalized` (``normalized_email``):
two regular expressions, a dozen calls and, for a cell of two addresses (the European
Parliament's ``mailto:a@x.org; mailto:a@europarl.europa.eu``), a split, two validations
and a third: a quarter of a second of a 100,000-row import. Nearly every cell holds
addresses of the plain shape ``name.surname@institution.eu``
(:data:`~campaign_app.core.directory.validation._PLAIN_EMAIL`), bare or as ``mailto:``
URIs: one match of the whole cell tells what those steps would find, and the address as
``normalized_email`` gives it is known from its domain, which email_validator is asked
about once per distinct domain (as ``normalized_email`` asks it).

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

# validation._PLAIN_EMAIL without its anchors: (the address, its local part, its domain)
_PLAIN = r"(([A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))"
# A cell that is one address: split_emails takes it whole, after a "mailto:" or "MAILTO:"
# (only those two spellings: "Mailto:x@y.org" is kept as it is, and refused later).
_ONE = re.compile(rf"(?:mailto:|MAILTO:|(?!mailto:|MAILTO:)){_PLAIN}")
# One of several addresses in a cell, as split_emails leaves it: its "mailto:" removed in
# any case (cells._MAILTO ignores case), nothing else around it.
_PART = re.compile(rf"(?i:mailto:)?{_PLAIN}")
_MAILBOX_NAMES = frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)

# (the address kept, every address in the cell, whether it held several) or None: no address
Read = tuple[str, list[str], bool] | None


def email_cells(cells: Sequence[str], slow: Callable[[str], Read]) -> tuple[list[Read], list[str | None]]:
    """What ``slow`` (:func:`.columns._email`) gives for each cell, and each kept address as
    normalized_email gives it (None: not known here, to be asked of normalized_email)."""
    read: list[Read] = []
    normal: list[str | None] = []
    for cell, match in zip(cells, map(_ONE.fullmatch, cells), strict=True):
        if match is not None:
            address, local, domain = match.groups()
            read.append((address, [address], False))
            # _normalized's conditions, inline: a call a row is a tenth of this loop's time
            if len(address) <= _EMAIL_MAX_LENGTH and _normalized_domain(domain) == domain:
                normal.append(None if local.lower() in _MAILBOX_NAMES else address)
            else:
                normal.append(_normalized(address, local, domain))
        elif not cell:
            read.append(None)
            normal.append(None)
        else:
            several = _several(cell)
            if several is None:
                read.append(slow(cell))
                normal.append(None)
            else:
                read.append(several[0])
                normal.append(several[1])
    return read, normal


def _normalized(address: str, local: str, domain: str) -> str | None:
    """The address as normalized_email gives it, where its fast path does not refuse it:
    the same conditions, in the same order; None where normalized_email must look."""
    if len(address) > _EMAIL_MAX_LENGTH or local.lower() in _MAILBOX_NAMES:
        return None
    normalized_domain = _normalized_domain(domain)
    if normalized_domain is None or len(local) + 1 + len(normalized_domain) > _EMAIL_MAX_LENGTH:
        return None
    return address if normalized_domain == domain else f"{local}@{normalized_domain}"


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
