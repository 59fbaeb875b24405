"""One bare word over a whole directory's names, one byte a row: the window's first keystrokes.

A row's names (``search.NAME_PARTS``, folded and joined by spaces: ~60 characters) are
mostly its office, its position and organisation, which a few hundred distinct offices
share ("head of office osce", "member of the european parliament european parliament").
A word without a space is in a row's names exactly when it is in one of the parts, so each
part can be asked on its own. A part with at most 256 distinct texts in the directory (the
office always; the honorific; given or family names where they repeat that much) is asked
once per distinct text, and a row's answer read off its text's number with
``bytes.translate``. The ids are asked row by row only when the word is in one of them at
all (one search of them joined: "sa" is in no "mep-124963"), or by their heads: a word
without a digit is in an id exactly when it is in what is left of the id without its
trailing digits ("mep-", shared by thousands), asked once per distinct head where there are
at most 256 ("c", the first letter typed, is in every "bench-1234": 3 ms row by row, a
tenth of that by head). The other parts (names of a directory of many different people)
are joined and tested row by row. The second letter typed, which still matches most of
100,000 rows and so is tested over the whole column, took 9-10 ms of its 20 ms budget on
the joined names, ~6 ms with the person's parts joined, ~1 ms on the bench's directory this
way (its 12 given and 8 family names repeat; a directory of as many names as people keeps
~5 ms). A directory with more than 256 offices (a number no
longer fits a byte) keeps the joined names only (``WordMask.of`` gives None).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, islice, repeat
from operator import contains
from typing import cast

MAX_OFFICES = 256
_DIGITS = "0123456789"
Parts = Sequence[str | None]  # a row's NAME_PARTS, folded; None: no text


def joined(*parts: str | None) -> str:
    return " ".join([p for p in parts if p is not None])


def joined_columns(columns: Sequence[Sequence[str | None]]) -> list[str]:
    """Each row's parts joined by spaces (None left out), in one C-level pass when none is None."""
    if any(None in column for column in columns):
        return [joined(*parts) for parts in zip(*columns, strict=True)]
    return list(map(" ".join, zip(*columns, strict=True)))


class _Numbered:
    """One part of every row as a number a row (a byte) into its distinct texts."""

    __slots__ = ("codes", "number", "texts")

    def __init__(self, texts: list[str], column: Sequence[str]):
        self.texts = texts
        self.number = {text: n for n, text in enumerate(texts)}
        self.codes = bytearray(map(self.number.__getitem__, column))

    @classmethod
    def of(cls, column: Sequence[str | None]) -> _Numbered | None:
        """None past ``MAX_OFFICES`` distinct texts. (None, no text, is numbered as ""; the
        steps are in C: this runs for 100,000 rows at each load, off the UI thread.)"""
        plain = cast(Sequence[str], column if None not in column else [text or "" for text in column])
        texts = list(dict.fromkeys(plain))
        return cls(texts, plain) if len(texts) <= MAX_OFFICES else None

    def holding(self, word: str) -> int:
        """The rows whose text holds ``word``, one byte a row, as a big integer (0: none)."""
        held = bytes(word in text for text in self.texts)
        return int.from_bytes(self.codes.translate(held.ljust(256, b"\0"))) if any(held) else 0

    def put(self, row: int, text: str | None) -> bool:
        """Row ``row`` (appended at ``len``) has ``text``; False if that is one text too many."""
        number = self.number.get(text or "")
        if number is None:
            if len(self.texts) >= MAX_OFFICES:
                return False
            number = self.number[text or ""] = len(self.texts)
            self.texts.append(text or "")
        if row == len(self.codes):
            self.codes.append(number)
        else:
            self.codes[row] = number
        return True

    def column(self) -> list[str]:
        return [self.texts[n] for n in self.codes]


class WordMask:
    """The parts of the names by number where they repeat, the rest row by row, for
    ``mask``; kept in step with the index's edits by ``set``."""

    __slots__ = ("_edited", "_id_heads", "_id_starts", "_ids", "_ids_text", "_numbered", "_office", "_rest")

    def __init__(self, office: _Numbered, person: list[Sequence[str | None]], ids: list[str]):
        # honorific, given and family name: numbered, or None where joined into _rest
        self._numbered = [_Numbered.of(column) for column in person]
        plain = [column for column, numbered in zip(person, self._numbered, strict=True) if not numbered]
        self._rest: list[str] | None = joined_columns(plain) if plain else None
        self._office, self._ids = office, ids
        # The ids joined, made here (off the UI thread: ~15 ms), where each starts in it, and
        # the rows edited or added since, asked row by row (the joined text is not made again)
        self._ids_text = "\n".join(ids)
        self._id_starts = list(accumulate(map((1).__add__, map(len, ids)), initial=0))
        self._edited: set[int] = set()
        # each id without its trailing digits, numbered (None: more heads than a byte numbers)
        self._id_heads = _Numbered.of([rid.rstrip(_DIGITS) for rid in ids])

    @classmethod
    def of(cls, columns: Sequence[Sequence[str | None]]) -> WordMask | None:
        """From the index's folded name columns, in ``NAME_PARTS`` order (honorific, given
        name, family name, position, organisation, id); None past ``MAX_OFFICES`` offices."""
        honorific, given, family, position, organisation, ids = columns
        office = _Numbered.of(joined_columns((position, organisation)))
        if office is None:
            return None
        return cls(office, [honorific, given, family], [rid or "" for rid in ids])

    def mask(self, word: str) -> bytes | None:
        """Which rows' names hold ``word`` (1 a row), or None for a word with a space (it may
        span two parts: the joined names answer it)."""
        if " " in word:
            return None
        found = self._office.holding(word)
        for numbered in self._numbered:
            if numbered is not None:
                found |= numbered.holding(word)
        if self._rest is not None:
            found |= int.from_bytes(bytes(map(contains, self._rest, repeat(word))))
        return (found | self._ids_holding(word)).to_bytes(len(self._ids))

    def _ids_holding(self, word: str) -> int:
        """``holding`` for the ids, all different: found in them joined, when in few of them
        ("t" in a directory of "mep-124963": only the few ids of other kinds), else row by row."""
        if self._id_heads is not None and not any(digit in word for digit in _DIGITS):
            return self._id_heads.holding(word)  # a word without a digit is in the head or nowhere
        ids, few = self._ids, len(self._ids) // 64
        # a regular expression, not str.find: a rare first letter makes it skip on (str.find
        # took 1.7 ms for "ta" in 100,000 ids, this 0.3 ms); it stops once many are found
        # where, not the matches: a thousand matches kept at once set off the cyclic garbage
        # collector, a full pass of which (after a sort has made its rows) took 10 ms
        found = list(islice((m.start() for m in re.finditer(re.escape(word), self._ids_text)), few + 1))
        if len(found) > few:
            return int.from_bytes(bytes(map(contains, ids, repeat(word))))
        mask = bytearray(len(ids))
        for at in found:
            row = bisect_right(self._id_starts, at) - 1
            mask[row] = word in ids[row]  # not one spanning two ids (a word with a line break)
        for row in self._edited:
            mask[row] = word in ids[row]
        return int.from_bytes(mask)

    def set(self, row: int, parts: Parts) -> bool:
        """Row ``row`` (appended at ``len``) now has these parts; False when its office is one
        too many for a byte (the caller drops this mask)."""
        *person, position, organisation, rid = parts
        if not self._office.put(row, joined(position, organisation)):
            return False
        for n, numbered in enumerate(self._numbered):
            if numbered is not None and not numbered.put(row, person[n]):
                self._join(n)  # more texts than a byte numbers: row by row from now on
        if self._rest is not None:
            rest = joined(
                *(text for text, numbered in zip(person, self._numbered, strict=True) if not numbered)
            )
            _put(self._rest, row, rest)
        _put(self._ids, row, rid or "")
        if self._id_heads is not None and not self._id_heads.put(row, (rid or "").rstrip(_DIGITS)):
            self._id_heads = None  # more heads than a byte numbers: row by row from now on
        self._edited.add(row)
        return True

    def _join(self, n: int) -> None:
        """Part ``n`` is tested row by row from now on, joined into the rest (``set`` then
        puts the edited row's rest whole)."""
        numbered = self._numbered[n]
        assert numbered is not None
        self._numbered[n] = None
        texts = numbered.column()
        self._rest = texts if self._rest is None else list(map(joined, self._rest, texts))


def _put(column: list[str], row: int, text: str) -> None:
    if row == len(column):
        column.append(text)
    else:
        column[row] = text
