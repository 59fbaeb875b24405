"""Wording the tabs share: a user mistake's lines, a count with its noun, a time at a glance.

Every tab and dialog says these things; each is one function here, so the window says them
the same way everywhere, and no tab imports another to borrow them.
"""

from __future__ import annotations

from campaign_app.core.common.errors import UserError, UserErrors, flatten


def problems(exc: UserError | UserErrors) -> str:
    """The command line's lines for a mistake (``file:line: message — advice``), one per problem."""
    return "\n".join(str(e) for e in flatten(exc))


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 letter``, ``2 letters``; ``many`` for a noun that does not just take an s."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def sentence(text: str) -> str:
    """``text`` with a capital first letter (the core's messages start in lower case)."""
    return text[:1].upper() + text[1:]


def clock(seconds: float) -> str:
    """0:42, 12:05, 1:02:03: how long, at a glance."""
    total = int(seconds + 0.5)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration(seconds: float) -> str:
    """Time taken, for a summary: tenths below a minute, a clock above."""
    return f"{seconds:.1f} s" if seconds < 60 else clock(seconds)
