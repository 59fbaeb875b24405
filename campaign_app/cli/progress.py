"""A progress bar for long work on a terminal, silent when output is not a terminal.

Batches of hundreds of letters take minutes; a volunteer needs to see that work goes on
and how long is left. Logs and pipes get only the final summary line.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from campaign_app.core.common.i18n import _

if TYPE_CHECKING:  # the command line should not load the batch engine just to start
    from campaign_app.core.campaign.generate import BatchProgress


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 60}:{seconds % 60:02d}"


class ProgressBar:
    def __init__(self, total: int, noun: str, stream: TextIO | None = None, width: int = 30):
        self.total = total
        self.noun = noun
        self.stream = stream or sys.stderr
        self.width = width
        self.enabled = total > 0 and self.stream.isatty()
        self._shown = False

    def update(self, p: BatchProgress) -> None:
        if not self.enabled:
            return
        filled = int(self.width * p.done / max(1, p.total))
        left = p.remaining_seconds
        eta = (
            " · " + _("{time} left").format(time=_clock(left))
            if left is not None and p.done < p.total
            else ""
        )
        failed = " · " + _("{count} failed").format(count=p.failed) if p.failed else ""
        line = f"\r[{'#' * filled}{'.' * (self.width - filled)}] {p.done}/{p.total} {self.noun}{failed}{eta}"
        self.stream.write(line.ljust(78))
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
