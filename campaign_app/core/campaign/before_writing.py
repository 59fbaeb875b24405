"""What to know before letters are written to an audience: the warnings ``generate``, the
Batch tab and a send's plan say before the first letter, as ``check`` says them.

Someone written to in an office they have left (core/campaign/timeliness.py), and an entry
whose name or office is a spreadsheet formula, which every letter would print as its
recipient's name (core/campaign/formula_cells.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from campaign_app.core.campaign.formula_cells import formula_warnings
from campaign_app.core.campaign.timeliness import left_office_warnings
from campaign_app.core.directory.recipients import Recipient


def before_writing(template_id: str, recipients: Iterable[Recipient]) -> list[str]:
    """The warnings for letters from ``template_id`` to ``recipients``."""
    recipients = list(recipients)
    return left_office_warnings(template_id, recipients) + formula_warnings(recipients)
