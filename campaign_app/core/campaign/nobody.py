"""The error of an audience that matches nobody, apart from the audience rule itself.

The window puts every mistake into its own words (gui/texts.py), and must tell this one
from the others; importing it from ``audience.py`` would load the query grammar, Jinja2 and
the Markdown parser with the first tab, before the window shows the case (issue 18).
"""

from __future__ import annotations

from campaign_app.core.common.errors import UserError


class NobodyMatches(UserError):
    """A template's audience, narrowed by a query or not, matches nobody: the window says it
    in its own words (no --query, no command to type), from these fields."""

    def __init__(self, message: str, where, hint: str, template_id: str, audience: str, query: str):
        super().__init__(message, where, hint)
        self.template_id, self.audience, self.query = template_id, audience, query

    def __reduce__(self):  # whole across processes, as UserError
        fields = (self.message, self.where, self.hint, self.template_id, self.audience, self.query)
        return (type(self), fields)
