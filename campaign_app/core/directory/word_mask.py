"""One bare word over a whole directory's names, one byte a row: the window's first keystrokes.

A row's names (``search.NAME_PARTS``, folded and joined by spaces: ~60 characters) are
mostly its office, its position and organisation, which a few hundred distinct offices
share ("head of office osce", "member of the european parliament european parliament").
A word without a space is in a row's names exactly when it is in one of the parts, so the
person's parts (honorific, given and family name, id) are tested row by row, a third of the
text, and each distinct office once; a row's office answer is read off its office's number
with ``bytes.translate``. The second letter typed, which still matches most of 100,000 rows
and so is tested over the whole column, took 9-10 ms of its 20 ms budget on the joined
names, ~5 ms this way. A directory with more than 256 offices (a number no longer fits a
byte) keeps the joined names only (``WordMask.of`` gives None).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import contains

MAX_OFFICES = 256
Parts = Sequence[str | None]  # a row's NAME_PARTS, folded; None: no text


def joined(*parts: str | None) -> str:
    return " ".join([p for p in parts if p is not None])


def joined_columns(columns: Sequence[Sequence[str | None]]) -> list[str]:
    """Each row's parts joined by spaces (None left out), in one C-level pass when none is None."""
    if any(None in column for column in columns):
        return [joined(*parts) for parts in zip(*columns, strict=True)]
    return list(map(" ".join, zip(*columns, strict=True)))


class WordMask:
    """The person's texts per row and the offices by number, for ``mask``; kept in step with
    the index's edits by ``set``."""

    __slots__ = ("_codes", "_number", "_offices", "_person")

    def __init__(self, person: list[str], codes: bytearray, offices: list[str]):
        self._person, self._codes, self._offices = person, codes, offices
        self._number = {office: n for n, office in enumerate(offices)}

    @classmethod
    def of(cls, columns: Sequence[Sequence[str | None]]) -> WordMask | None:
        """From the index's folded name columns, in ``NAME_PARTS`` order (honorific, given
        name, family name, position, organisation, id); None past ``MAX_OFFICES`` offices."""
        honorific, given, family, position, organisation, ids = columns
        office_of_row = joined_columns((position, organisation))
        offices = list(dict.fromkeys(office_of_row))
        if len(offices) > MAX_OFFICES:
            return None
        number = {office: n for n, office in enumerate(offices)}
        codes = bytearray(map(number.__getitem__, office_of_row))
        return cls(joined_columns((honorific, given, family, ids)), codes, offices)

    def mask(self, word: str) -> bytes | None:
        """Which rows' names hold ``word`` (1 a row), or None for a word with a space (it may
        span two parts: the joined names answer it)."""
        if " " in word:
            return None
        person = bytes(map(contains, self._person, repeat(word)))
        held = bytes(word in office for office in self._offices)
        if not any(held):
            return person
        office = self._codes.translate(held.ljust(256, b"\0"))
        return (int.from_bytes(person) | int.from_bytes(office)).to_bytes(len(person))

    def set(self, row: int, parts: Parts) -> bool:
        """Row ``row`` (appended at ``len``) now has these parts; False when its office is one
        too many for a byte (the caller drops this mask)."""
        honorific, given, family, position, organisation, rid = parts
        office = joined(position, organisation)
        number = self._number.get(office)
        if number is None:
            if len(self._offices) >= MAX_OFFICES:
                return False
            number = self._number[office] = len(self._offices)
            self._offices.append(office)
        person = joined(honorific, given, family, rid)
        if row == len(self._person):
            self._person.append(person)
            self._codes.append(number)
        else:
            self._person[row], self._codes[row] = person, number
        return True
