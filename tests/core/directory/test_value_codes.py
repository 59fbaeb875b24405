"""An exact field's values by number (core/directory/value_codes.py) select the rows the
values tested one by one select: negated too, after edits and added rows; a column of too
many values, or of values that cannot be hashed, is left to the row-by-row test."""

from __future__ import annotations

import random

from campaign_app.core.directory.value_codes import MAX_VALUES, ValueCodes

VALUES = [("mep",), ("osce",), ("supporter", "droi"), ("droi",), (), ("ua",), None]


def by_row(column, wanted: str, negated: bool) -> list[int]:
    return [i for i, value in enumerate(column) if (value is not None and wanted in value) != negated]


def test_the_rows_of_a_value_are_those_tested_one_by_one_after_edits_too():
    rnd = random.Random(4)
    column = [rnd.choice(VALUES[:-1]) for _ in range(300)]
    codes = ValueCodes.of(column)
    assert codes is not None
    for step in range(40):
        everyone = list(range(len(column)))
        assert codes.covers(range(len(column))) and not codes.covers(range(1, len(column)))
        for wanted in ("mep", "droi", "supporter", "ua", "x", ""):
            for negated in (False, True):
                assert codes.select(wanted, negated, everyone) == by_row(column, wanted, negated), step
        row = rnd.randrange(len(column) + 1)  # an edit, or a row added
        value = rnd.choice(VALUES)
        assert codes.put(row, value)
        if row == len(column):
            column.append(value)
        else:
            column[row] = value


def test_more_values_than_a_byte_numbers_leave_the_column_row_by_row():
    column = [(f"v{n}",) for n in range(MAX_VALUES)]
    codes = ValueCodes.of(column)
    assert codes is not None and codes.select("v1", False, list(range(MAX_VALUES))) == [1]
    assert not codes.put(0, ("one too many",))
    assert ValueCodes.of([*column, ("another",)]) is None
    assert ValueCodes.of([["a list"], ("mep",)]) is None  # not hashable
