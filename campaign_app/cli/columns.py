"""Tables on the terminal: each column as wide as its widest cell, some shortened to fit.

An id is never shortened: ``log mark``, ``--query id:…`` and scripts reading the output
need it whole, so a long one widens its column instead.

A cell's control characters are shown as "�": a name in the directory, or an event's kind
a team member wrote into the shared log by hand, could otherwise hold a terminal's escape
codes and clear, recolour or rewrite the coordinator's screen. :func:`shown` does the same
for any other line the command line prints from the directory, the log or a file.
"""

from __future__ import annotations

from collections.abc import Sequence

from campaign_app.core.common.controls import CONTROL as _CONTROL
from campaign_app.core.common.controls import CONTROL_CODES

_SHOWN = dict.fromkeys(CONTROL_CODES, "\ufffd")


def shown(text: str, lines: bool = False) -> str:
    """``text`` with each control character shown as "�", to print what the directory, the
    log or a file gave: a recipient's name in ``send``'s lines, a value quoted in a
    problem. A line break is shown so too, unless ``lines`` (a text of several lines: a
    postal address in an import's report, a server's reply)."""
    if not _CONTROL.search(text):
        return text
    if lines:
        return "\n".join(line.translate(_SHOWN) for line in text.split("\n"))
    return text.translate(_SHOWN)


def _safe(column: Sequence[str]) -> Sequence[str]:
    """``column`` with each control character shown as "�" (one character for one: the
    widths stay); asked of the whole column at once, as almost none has any."""
    if not _CONTROL.search("".join(column)):
        return column
    return [c.translate(_SHOWN) for c in column]


def print_columns(rows: Sequence[Sequence[str]], caps: Sequence[int | None]) -> None:
    """Print ``rows`` (the header first) in columns; a cell wider than its column's cap is
    cut with "…"; a cap of None never cuts, nor does one narrower than the column's header
    (a translated header is often longer than the English one the cap was chosen for)."""
    rows = list(zip(*map(_safe, zip(*rows, strict=True)), strict=True))
    sizes = [max(map(len, column)) for column in zip(*rows, strict=True)][: len(caps)]
    sizes = [
        size if cap is None else min(max(cap, len(head)), size)
        for size, cap, head in zip(sizes, caps, rows[0], strict=False)
    ]
    lines = []
    for row in rows:
        cells = [(c if len(c) <= s else c[: s - 1] + "…").ljust(s) for c, s in zip(row, sizes, strict=True)]
        lines.append("  ".join(cells).rstrip())
    print("\n".join(lines))  # at once: a list of 100,000 recipients is printed in one write


def print_table_columns(
    header: Sequence[str], columns: Sequence[Sequence[str]], caps: Sequence[int | None]
) -> None:
    """What ``print_columns([header, *rows], caps)`` prints, for a table given column by
    column: each column is measured and cut as a whole, and each line made by one format
    (a list of 100,000 recipients)."""
    header, columns = _safe(header), [_safe(column) for column in columns]
    widest = [max(map(len, column), default=0) for column in columns]
    sizes = [max(len(h), w) for h, w in zip(header, widest, strict=True)]
    sizes = [
        size if cap is None else min(max(cap, len(h)), size)
        for size, cap, h in zip(sizes, caps, header, strict=True)
    ]
    cut = [
        column if w <= size else _cut(column, size)
        for column, w, size in zip(columns, widest, sizes, strict=True)
    ]
    line = "  ".join(f"%-{size}s" for size in sizes).__mod__  # for text, as ljust pads it
    lines = [_cut([h], size)[0].ljust(size) for h, size in zip(header, sizes, strict=True)]
    text = "\n".join(["  ".join(lines).rstrip(), *map(str.rstrip, map(line, zip(*cut, strict=True)))])
    print(text)  # at once: one write


def _cut(column: Sequence[str], size: int) -> Sequence[str]:
    """The cells of ``column`` no wider than ``size``, a longer one ending in "…"."""
    return [c if len(c) <= size else c[: size - 1] + "…" for c in column]
