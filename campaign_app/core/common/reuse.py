"""The switch for the work a process reuses between letters, and the plain path without it.

A batch's letters share most of their content, so the letter writers keep, per process,
what comes out the same for every letter: line breaks and parsed markup of identical
paragraphs (letters/pdf/paragraphs.py), the font subsets and their tables
(common/pdf_fonts.py; within one PDF, the codes of characters already set), the DOCX
parts that do not depend on the recipient
(letters/docx/parts.py). Each of these gives the bytes the plain computation would give;
:func:`plain` turns them all off, so tests can prove that a letter written with reuse is
the letter written without it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

_enabled = True


def enabled() -> bool:
    """Whether the letter writers may reuse work from earlier letters of this process."""
    return _enabled


@contextlib.contextmanager
def plain() -> Iterator[None]:
    """Within the block every letter is computed from scratch (for tests and comparisons)."""
    global _enabled
    before, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = before
