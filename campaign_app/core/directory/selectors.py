"""Selections of rows, combined as a query's tree combines its terms (core/directory/search.py).

A selector takes row numbers and returns those it chooses, in the order given: AND narrows
term by term, OR unites, NOT takes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Rows = Sequence[int]
Selector = Callable[[Rows], list[int]]


def all_of(parts: list[Selector]) -> Selector:
    """AND: each part narrows the rows the one before it chose (none left: no more asked)."""

    def select(rows: Rows) -> list[int]:
        for part in parts:
            if not rows:
                break
            rows = part(rows)
        return list(rows)

    return select


def any_of(parts: list[Selector]) -> Selector:
    """OR: each part asked only about the rows no part before it chose; in the order given."""

    def select(rows: Rows) -> list[int]:
        chosen: set[int] = set()
        rest = rows
        for part in parts:
            found = part(rest)
            if found:
                chosen.update(found)
                rest = [i for i in rest if i not in chosen]
        return [i for i in rows if i in chosen]

    return select


def complement(inner: Selector) -> Selector:
    """NOT: the rows ``inner`` does not choose, in the order given."""

    def select(rows: Rows) -> list[int]:
        found = set(inner(rows))
        return [i for i in rows if i not in found]

    return select
