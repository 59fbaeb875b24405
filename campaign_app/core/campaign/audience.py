"""Who a template's letter goes to now: one rule for check, generate, send and the window.

A template's audience is a query (core/directory/query.py), which the user may narrow with one of their
own. A follow-up's audience holds ``status:`` terms (``status:followup-due``): in a new
campaign, and whenever the contact log says nobody is due, it matches nobody. That is no
mistake in the template, the letter simply has nobody to go to yet, so it is not an error
but "nobody is due yet", and every caller (``check``, ``generate``, ``send``, the Compose
and Batch tabs, the send dialog) says so the same way. An audience that matches nobody for
any other reason (a misspelt country, a category nobody has) stays an error everywhere.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass, field

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.directory.query import Query, StatusTable, combine, parse_query
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.outreach.terms import QUERY_STATUSES


def parse_campaign_query(text: str | None, statuses: Callable[[], StatusTable] | None) -> Query:
    """A query as a campaign reads it: its ``status:`` words are the contact log's."""
    return parse_query(text, statuses, QUERY_STATUSES)


@dataclass(frozen=True)
class Audience:
    """What an audience (narrowed by ``narrowed_by``) selects in the directory today."""

    audience: str  # the template's audience query
    narrowed_by: str  # the user's query ("" for none)
    recipients: list[Recipient]  # who gets the letter now
    # Only when nobody is due: who it selects without the audience's status: terms.
    waiting: list[Recipient] = field(default_factory=list)
    template_id: str = ""

    @property
    def query(self) -> str:
        """The query as matched: the audience AND the user's query."""
        return combine(self.audience, self.narrowed_by)

    @property
    def status_terms(self) -> list[str]:
        return status_terms(self.audience)

    @property
    def nobody_due(self) -> bool:
        """Empty only because of the audience's status: terms: not an error, nobody is due yet."""
        return not self.recipients and bool(self.waiting)

    @property
    def base_query(self) -> str:
        """The query without the audience's status: terms (who it could ever reach)."""
        return combine(without_status(self.audience), self.narrowed_by)

    @property
    def nobody_due_message(self) -> str:
        """One line naming the template and the status term; "" unless nobody is due."""
        if not self.nobody_due:
            return ""
        if self.template_id:
            of = _("template '{id}'").format(id=self.template_id)
        else:
            of = _("the audience {audience!r}").format(audience=self.audience)
        return ngettext(
            "nobody is due yet for {of}: none of the {count} recipient(s) of {query!r} matches "
            "{terms} in the contact log",
            "nobody is due yet for {of}: none of the {count} recipient(s) of {query!r} matches "
            "{terms} in the contact log",
            len(self.waiting),
        ).format(of=of, count=len(self.waiting), query=self.base_query, terms=" ".join(self.status_terms))


def match_audience(ws: Workspace, audience: str, query: str | None = None, template_id: str = "") -> Audience:
    """THE rule: the recipients of ``audience`` narrowed by ``query``, ``status:`` terms
    answered by the workspace's contact log; when that is nobody only because of the
    audience's status: terms, ``waiting`` holds who it reaches once the log says they are
    due. Never raises for an empty result; a malformed query is a UserError."""
    narrowed_by = (query or "").strip()
    directory = ws.directory
    chosen = parse_campaign_query(combine(audience, narrowed_by), ws.recipient_statuses).filter(directory)
    waiting: list[Recipient] = []
    if not chosen and status_terms(audience):
        base = combine(without_status(audience), narrowed_by)
        waiting = parse_campaign_query(base, ws.recipient_statuses).filter(directory)
    return Audience(audience, narrowed_by, chosen, waiting, template_id)


def template_audience(ws: Workspace, template_id: str, query: str | None = None) -> Audience:
    """:func:`match_audience` for a template. An audience that matches nobody for any reason
    but its status: terms is a UserError naming the template's audience line."""
    template = ws.template(template_id)
    found = match_audience(ws, template.audience, query, template.id)
    if not found.recipients and not found.nobody_due:
        raise UserError(
            _("no recipient matches the audience of template '{id}' narrowed by --query {query!r}").format(
                id=template.id, query=query
            )
            if query
            else _("no recipient matches the audience of template '{id}'").format(id=template.id),
            template.where(template.meta["__lines__"].get("audience")),
            _(
                "audience is {audience!r}; check it with 'campaign-app recipients list --query \"{query}\"'"
            ).format(audience=template.audience, query=found.query),
        )
    return found


def status_terms(query: str) -> list[str]:
    """The ``status:`` terms of a query (negated ones too), as written."""
    try:
        return [t for t in shlex.split(query) if t.lstrip("-").lower().startswith("status:")]
    except ValueError:
        return []


def without_status(query: str) -> str:
    drop = set(status_terms(query))
    return shlex.join(t for t in shlex.split(query) if t not in drop) if drop else query
