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

from collections.abc import Callable
from dataclasses import dataclass, field

from campaign_app.core.campaign.nobody import NobodyMatches
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.directory.query import (
    And,
    Node,
    Not,
    Query,
    QueryPlace,
    StatusTable,
    Term,
    combine,
    parse_query,
    to_text,
    without,
)
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.templates import Template
from campaign_app.core.outreach.terms import QUERY_STATUSES


def parse_campaign_query(
    text: str | None, statuses: Callable[[], StatusTable] | None, place: QueryPlace | None = None
) -> Query:
    """A query as a campaign reads it: its ``status:`` words are the contact log's. A
    mistake points into ``place`` (default: the command line's ``--query``)."""
    return parse_query(text, statuses, QUERY_STATUSES, place)


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


def match_audience(
    ws: Workspace,
    audience: str,
    query: str | None = None,
    template_id: str = "",
    where: QueryPlace | None = None,
) -> Audience:
    """THE rule: the recipients of ``audience`` narrowed by ``query``, ``status:`` terms
    answered by the workspace's contact log; when that is nobody only because of the
    audience's status: terms, ``waiting`` holds who it reaches once the log says they are
    due. Never raises for an empty result; a malformed query is a UserError pointing into
    the audience (at ``where``: the template's audience line) or into ``--query``."""
    narrowed_by = (query or "").strip()
    directory = ws.directory
    own = parse_campaign_query(audience, ws.recipient_statuses, where or QueryPlace("audience"))
    narrowing = parse_campaign_query(narrowed_by, ws.recipient_statuses)
    chosen = _both(own, narrowing).filter(directory)
    waiting: list[Recipient] = []
    if not chosen and own.uses_status:
        base = Query(own.text, without(own.root, _is_status), own.statuses)
        waiting = _both(base, narrowing).filter(directory)
    return Audience(audience, narrowed_by, chosen, waiting, template_id)


def _both(first: Query, second: Query) -> Query:
    """Recipients matching both queries (the audience, narrowed by the user's)."""
    if second.root is None:
        return first
    if first.root is None:
        return second
    return Query(combine(first.text, second.text), And((first.root, second.root)), first.statuses)


def _is_status(term: Term) -> bool:
    return term.field == "status"


def audience_place(template: Template) -> QueryPlace:
    """Where a template's audience is written, so a mistake in it is shown at its column."""
    line = template.meta["__lines__"].get("audience") or 1
    return QueryPlace(template.where(line).path, line, template.audience_column)


def template_audience(ws: Workspace, template_id: str, query: str | None = None) -> Audience:
    """:func:`match_audience` for a template. An audience that matches nobody for any reason
    but its status: terms is a UserError naming the template's audience line."""
    template = ws.template(template_id)
    found = match_audience(ws, template.audience, query, template.id, audience_place(template))
    if not found.recipients and not found.nobody_due:
        raise NobodyMatches(
            _("no recipient matches the audience of template '{id}' narrowed by --query {query!r}").format(
                id=template.id, query=query
            )
            if query
            else _("no recipient matches the audience of template '{id}'").format(id=template.id),
            template.where(template.meta["__lines__"].get("audience")),
            _(
                "audience is {audience!r}; check it with 'campaign-app recipients list --query \"{query}\"'"
            ).format(audience=template.audience, query=found.query),
            template.id,
            template.audience,
            query or "",
        )
    return found


def status_terms(query: str) -> list[str]:
    """The ``status:`` terms of a query (negated ones too), as written."""
    try:
        root = parse_query(query, dict, QUERY_STATUSES).root
    except UserError:
        return []
    return _status_texts(root)


def _status_texts(node: Node | None) -> list[str]:
    if isinstance(node, Term):
        return [node.text] if node.field == "status" else []
    if isinstance(node, Not):
        inner = _status_texts(node.child)
        return ["-" + t for t in inner] if isinstance(node.child, Term) else inner
    return [t for child in node.children for t in _status_texts(child)] if node is not None else []


def without_status(query: str) -> str:
    """The query without its ``status:`` terms: whom it could ever reach."""
    try:
        parsed = parse_query(query, dict, QUERY_STATUSES)
    except UserError:
        return query
    if not parsed.uses_status:
        return query
    return to_text(without(parsed.root, _is_status))
