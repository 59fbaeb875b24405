"""When each recipient was last sent a letter on this case: what ``updates`` is new after.

The "further information" letter tells everyone written to before what has happened
since. So a template's ``updates`` holds the events and facts dated after this
recipient's last letter sent on this case, read from the contact log (through LogStore:
a letter's "sent" events). The letter of the template being rendered does not count
itself: once sent, it stays the letter that went out when generated again, rather than
losing its news and counting as revised.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from jinja2 import Environment, TemplateSyntaxError, nodes

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.letters.templates import Template
from campaign_app.core.outreach.records import WENT_OUT, parse_time


def uses_updates(template: Template) -> bool:
    """True when the template's body or subject names ``updates`` (only then does a letter
    depend on the log, and only then is the log read). Read off the parsed template, not
    compiled again: a template from a stranger is only ever compiled in the sandbox."""
    env = Environment()
    try:
        return any(
            node.name == "updates"
            for source in (template.body_source, template.subject_source)
            for node in env.parse(source).find_all(nodes.Name)
        )
    except (TemplateSyntaxError, RecursionError, MemoryError):
        return False  # compiling it says what is wrong


@dataclass
class LastLetters:
    """recipient id → template id → the day their letter of that template last went out."""

    sent: dict[str, dict[str, dt.date]] = field(default_factory=dict)

    @classmethod
    def read(cls, ws: Workspace) -> LastLetters:
        """From the workspace's contact log (nobody was written to when there is none)."""
        found = cls()
        if not ws.log_path.exists():
            return found
        with ws.read_log() as log:
            contacts = {c.id: c for c in log.contacts(ws.case.id)}
            for event in log.events():
                contact = contacts.get(event.contact_id)
                if contact is None or event.kind not in WENT_OUT:
                    continue
                day = parse_time(event.at).date()
                by_template = found.sent.setdefault(contact.recipient_id, {})
                if day > by_template.get(contact.template_id, dt.date.min):
                    by_template[contact.template_id] = day
        return found

    def since(self, recipient_id: str, template_id: str) -> dt.date | None:
        """The day of the recipient's last letter on this case from another template."""
        days = [d for t, d in self.sent.get(recipient_id, {}).items() if t != template_id]
        return max(days) if days else None


def since_for(ws: Workspace, template: Template) -> LastLetters | None:
    """The log's last letters when ``template`` uses ``updates``; None when it does not."""
    return LastLetters.read(ws) if uses_updates(template) else None
