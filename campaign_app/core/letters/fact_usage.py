"""Which facts one letter states, at which line of its template, and which it dates.

``check`` warns about a letter that states an old fact as if it were current, naming the
fact and the template line, so the author knows exactly what to update or date. The
rendering tells this recorder each time the template writes a fact (``fact('id')``,
``case.fact('id').text``) or reads its date (``case.fact('id').as_of``, which a template
prints as "as of 29 May 2020"); the line is read off the running template's frame.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from types import FrameType

from campaign_app.core.letters.templates import Template


@dataclass
class FactUsage:
    """What one rendering did with the case's facts: ``stated`` maps a fact id to the
    template line that first wrote it (None: not in the body, e.g. the subject);
    ``dated`` holds the facts whose ``as_of`` the template read."""

    template: Template
    stated: dict[str, int | None] = field(default_factory=dict)
    dated: set[str] = field(default_factory=set)

    def use(self, fact_id: str, what: str) -> None:
        if what == "as_of":
            self.dated.add(fact_id)
        elif fact_id not in self.stated:
            self.stated[fact_id] = self._line(sys._getframe(1))

    def _line(self, frame: FrameType | None) -> int | None:
        """The template line being rendered: the innermost frame of the template's own code,
        mapped back from Python's line to the template's (Jinja keeps the table)."""
        filename = str(self.template.path)
        while frame is not None:
            if frame.f_code.co_filename == filename:
                _, body = self.template.compiled()
                return int(body.get_corresponding_lineno(frame.f_lineno))
            frame = frame.f_back
        return None

    def undated(self) -> dict[str, int | None]:
        """The facts the letter states without saying as of when."""
        return {fid: line for fid, line in self.stated.items() if fid not in self.dated}
