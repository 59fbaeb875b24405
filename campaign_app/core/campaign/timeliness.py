"""What ``check`` says about time: letters stating old facts as current, letters to people
who have left the office they are written to in, and what a "further information" letter
would tell each recipient.

``check`` renders every letter; it hands each rendering here (:meth:`TimeReview.letter`)
and prints what this gathers, one line per template and fact (or per template), with
the letters it concerns counted and named, so 53 letters stating the same old fact make
one line naming the fact and the template line, not 53.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from campaign_app.core.case.model import Case, Fact
from campaign_app.core.case.over_time import Update, fact_age, is_stale, updates_since
from campaign_app.core.common.i18n import _, listed, ngettext
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.fact_usage import FactUsage
from campaign_app.core.letters.templates import Template


def has_left_office(recipient: Recipient, today: dt.date) -> bool:
    """True when the entry's ``in_office_until`` has passed."""
    until = recipient.in_office_until
    return until is not None and until < today


def former_warnings(former: Mapping[str, Sequence[Recipient]]) -> list[str]:
    """One line per person who has left the office the letters write to them in (template id
    → those people): the entry, the office, the day they left, the templates. check says it
    of the whole audience; generate and send of the letters they are about to write or send."""
    by_recipient: dict[str, tuple[Recipient, list[str]]] = {}
    for template_id, people in former.items():
        for r in people:
            by_recipient.setdefault(r.id, (r, []))[1].append(template_id)
    out = []
    for r, template_ids in by_recipient.values():
        office = (pick(r.position, r.language) if r.position else "") or r.category
        where = f", {r.origin.path}:{r.origin.line}" if r.origin else ""
        out.append(
            ngettext(
                "{id} ({display_name}{where}) held the office '{office}' only until "
                "{in_office_until} (in_office_until), yet {count} template(s) still "
                "write to them in it: {template_ids} — leave them out of the audience "
                "(-id:{id}) or update the entry to their current office",
                "{id} ({display_name}{where}) held the office '{office}' only until "
                "{in_office_until} (in_office_until), yet {count} template(s) still "
                "write to them in it: {template_ids} — leave them out of the audience "
                "(-id:{id}) or update the entry to their current office",
                len(template_ids),
            ).format(
                id=r.id,
                display_name=r.display_name,
                where=where,
                office=office,
                in_office_until=r.in_office_until,
                count=len(template_ids),
                template_ids=", ".join(template_ids),
            )
        )
    return out


def left_office_warnings(template_id: str, recipients: Iterable[Recipient]) -> list[str]:
    """check's warning for those of ``recipients`` who have left office today, as generate
    and send say it of the letters they write or send from ``template_id``."""
    today = dt.date.today()
    return former_warnings({template_id: [r for r in recipients if has_left_office(r, today)]})


def update_label(update: Update) -> str:
    """How check names one piece of news: "hearing on 2026-12-20", "fact 'x' (as of 2026-06)"."""
    if update.kind == "fact":
        return _("fact '{id}' (as of {date})").format(id=update.id, date=update.date.isoformat())
    # the kind as the case file writes it (hearing, decision…); "on" a day, "in" a month or year
    said = (
        _("{kind} on {date} ('{id}')") if update.date.precision == "day" else _("{kind} in {date} ('{id}')")
    )
    return said.format(kind=update.kind, date=update.date.isoformat(), id=update.id)


@dataclass
class _TemplateNews:
    """For a template using ``updates``: who gets news, who has none, and what is new."""

    with_news: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)  # written to, nothing new since
    unwritten: list[str] = field(default_factory=list)  # never sent a letter on this case
    news: Counter[str] = field(default_factory=Counter)


@dataclass
class TimeReview:
    """Gathers, letter by letter, what check warns about time (see the module's docstring)."""

    case: Case
    today: dt.date
    stale_after_days: int
    # (template id, fact id) → (template, template line, recipient ids)
    stale: dict[tuple[str, str], tuple[Template, int | None, list[str]]] = field(default_factory=dict)
    # template id → recipients who have left the office they are written to in
    former: dict[str, list[Recipient]] = field(default_factory=dict)
    news: dict[str, _TemplateNews] = field(default_factory=dict)

    def letter(
        self,
        template: Template,
        recipient: Recipient,
        usage: FactUsage,
        since: dt.date | None,
        updating: bool,
    ) -> None:
        """One rendered letter: its undated facts, its addressee's office, its news."""
        facts = {f.id: f for f in self.case.facts}
        for fact_id, line in usage.undated().items():
            fact = facts.get(fact_id)
            if fact is not None and is_stale(fact, self.today, self.stale_after_days):
                self.stale.setdefault((template.id, fact_id), (template, line, []))[2].append(recipient.id)
        if has_left_office(recipient, self.today):
            self.former.setdefault(template.id, []).append(recipient)
        if updating:
            news = self.news.setdefault(template.id, _TemplateNews())
            updates = updates_since(self.case, since, self.today) if since else []
            (news.with_news if updates else news.without if since else news.unwritten).append(recipient.id)
            news.news.update(update_label(u) for u in updates)

    def summary(self) -> list[str]:
        """For each template using ``updates``: how many would receive it, and what is new."""
        lines = []
        for template_id, news in self.news.items():
            total = len(news.with_news) + len(news.without) + len(news.unwritten)
            what = "; ".join(
                _("{news} for {count}").format(news=label, count=n) for label, n in news.news.most_common()
            )
            line = ngettext(
                "template '{id}' (updates): {count} of {total} recipient would receive news",
                "template '{id}' (updates): {count} of {total} recipients would receive news",
                total,
            ).format(id=template_id, count=len(news.with_news), total=total)
            unwritten = len(news.unwritten)
            if unwritten:
                line += "; " + ngettext(
                    "{count} has had no letter on this case yet",
                    "{count} have had no letter on this case yet",
                    unwritten,
                ).format(count=unwritten)
            if what:
                line += "; " + _("new for them: {news}").format(news=what)
            lines.append(line)
        return lines

    def warnings(self) -> list[str]:
        return [*self._stale_warnings(), *self._former_warnings(), *self._no_news_warnings()]

    def _stale_warnings(self) -> list[str]:
        facts = {f.id: f for f in self.case.facts}
        out = []
        for (_case, fact_id), (template, line, ids) in self.stale.items():
            fact: Fact = facts[fact_id]
            assert fact.as_of is not None
            out.append(
                ngettext(
                    "{where}: template '{id}' states fact '{fact_id}' (as of {as_of}, "
                    "{fact_age:,} days ago) as current in {count} letter(s): {ids} — check "
                    "the fact and update its text and as_of in the case file, or date it in "
                    "the letter: as of {{{{ format_date(case.fact('{fact_id}').as_of) }}}} "
                    "(the limit is facts_stale_after_days in campaign.yaml: "
                    "{stale_after_days})",
                    "{where}: template '{id}' states fact '{fact_id}' (as of {as_of}, "
                    "{fact_age:,} days ago) as current in {count} letter(s): {ids} — check "
                    "the fact and update its text and as_of in the case file, or date it in "
                    "the letter: as of {{{{ format_date(case.fact('{fact_id}').as_of) }}}} "
                    "(the limit is facts_stale_after_days in campaign.yaml: "
                    "{stale_after_days})",
                    len(ids),
                ).format(
                    where=template.where(line),
                    id=template.id,
                    fact_id=fact_id,
                    as_of=fact.as_of.isoformat(),
                    fact_age=fact_age(fact, self.today),
                    count=len(ids),
                    ids=listed(ids),
                    stale_after_days=self.stale_after_days,
                )
            )
        return out

    def _former_warnings(self) -> list[str]:
        return former_warnings(self.former)

    def _no_news_warnings(self) -> list[str]:
        return [
            ngettext(
                "template '{id}': {count} recipient has nothing new since their last letter: {ids} — "
                "leave them out (narrow with --query) or add the news to the case file with its date",
                "template '{id}': {count} recipients have nothing new since their last letter: {ids} — "
                "leave them out (narrow with --query) or add the news to the case file with its date",
                len(news.without),
            ).format(id=template_id, count=len(news.without), ids=listed(news.without))
            for template_id, news in self.news.items()
            if news.without
        ]
