"""check's word on a directory entry whose name or office is a spreadsheet formula.

``recipients import`` refuses such a row (core/directory/importing/trust.py): a list made to
attack whoever opens the directory in a spreadsheet holds ``=HYPERLINK(…)`` cells. A file
copied into recipients/ by hand, or a cell typed there, is read as it is; then the formula
runs when the file is opened in a spreadsheet, and every letter to the entry names its
recipient ``=HYPERLINK("http://…")``. ``check`` names each such entry, with its file and
line, by the import's own rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from campaign_app.core.common.i18n import _
from campaign_app.core.directory.recipients import Recipient


def formula_warnings(recipients: Iterable[Recipient]) -> list[str]:
    """One warning per entry whose name or office a spreadsheet would run as a formula."""
    # the import's rule, read when asked (the window's Batch tab imports this at start-up)
    from campaign_app.core.directory.importing.trust import FORMULA_FIELDS, formula_start

    out = []
    for r in recipients:
        found = formula_start({name: getattr(r, name) for name in FORMULA_FIELDS})
        if found is None:
            continue
        where = f"{r.origin.path}:{r.origin.line}: " if r.origin else ""
        out.append(
            _(
                "{where}{id}: {problem} — letters would name the recipient so; check where the "
                "entry came from and correct it"
            ).format(where=where, id=r.id, problem=found.message)
        )
    return out
