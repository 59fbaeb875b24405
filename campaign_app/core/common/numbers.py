"""Whole numbers read from a user's file, and values as a message may quote them.

``follow_up_days: 10**12`` would overflow every date computed from it, and ``true`` or
``14.5`` are not a number of days: a number from a file is checked for its range before
anything uses it, and a message never prints 5,000 digits back at the user.
"""

from __future__ import annotations

from typing import Any

from campaign_app.core.common.errors import UserError


def whole_number(value: Any, low: int, high: int, message: str, hint: str | None = None) -> int:
    """``value`` if it is a whole number from ``low`` to ``high``, else UserError(message)
    (true/false and 14.5 are not whole numbers; 10**12 days would overflow dates)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UserError(message, hint=hint)
    return value


def shown_value(value: Any) -> str:
    """A value from the file as a message may quote it (short; a huge number is not printed)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "a number that long"
    text = "nothing" if value is None else str(value)
    return text if len(text) <= 40 else text[:40] + "…"
