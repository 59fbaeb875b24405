"""Tables on the terminal: each column as wide as its widest cell, some shortened to fit.

An id is never shortened: ``log mark``, ``--query id:…`` and scripts reading the output
need it whole, so a long one widens its column instead.
"""

from __future__ import annotations

from collections.abc import Sequence


def print_columns(rows: Sequence[Sequence[str]], caps: Sequence[int | None]) -> None:
    """Print ``rows`` (the header first) in columns; a cell wider than its column's cap is
    cut with "…"; a cap of None never cuts."""
    sizes = [max(map(len, column)) for column in zip(*rows, strict=True)][: len(caps)]
    sizes = [size if cap is None else min(cap, size) for size, cap in zip(sizes, caps, strict=True)]
    lines = []
    for row in rows:
        cells = [(c if len(c) <= s else c[: s - 1] + "…").ljust(s) for c, s in zip(row, sizes, strict=True)]
        lines.append("  ".join(cells).rstrip())
    print("\n".join(lines))  # at once: a list of 100,000 recipients is printed in one write
