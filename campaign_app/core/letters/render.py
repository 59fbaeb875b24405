"""One template + one recipient + the case → a :class:`Letter` (the document model).

This is the only place where a letter's content is decided. The PDF, DOCX and e-mail
writers receive the finished Letter and add nothing of their own, so the three formats
say the same thing, word for word.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from campaign_app.core.case.model import Case, Event, Fact, Source
from campaign_app.core.case.over_time import updates_since
from campaign_app.core.case.view import CaseView, LocalView, Wording
from campaign_app.core.common.dates import format_in
from campaign_app.core.common.errors import LISTED_IDS, UserError, did_you_mean
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import PARAGRAPH_CHARS
from campaign_app.core.common.localized import is_language_tag, pick
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.document import (
    LAYOUTS,
    Block,
    Footnote,
    Heading,
    Layout,
    Letter,
    ListBlock,
    Paragraph,
    Quote,
    Signatory,
    inline_text,
)
from campaign_app.core.letters.fact_usage import FactUsage
from campaign_app.core.letters.forms_of_address.rules import rules_for
from campaign_app.core.letters.markdown import (
    MARK_CLOSE,
    MARK_OPEN,
    escape_markdown,
    markdown_to_blocks,
    marker,
)
from campaign_app.core.letters.salutation import address_block, closing_for, footnotes_heading, salutation_for
from campaign_app.core.letters.sender import LetterSettings, SenderView
from campaign_app.core.letters.templates import Markdown, Template, TemplateDataError, run_template


def _citations(case: Case) -> tuple[Callable[..., Markdown], list[str]]:
    """cite() for one letter, and the list of source ids in first-cited order.

    A plain closure rather than an object, so a template cannot reach the case behind it.
    """
    order: list[str] = []

    def cite(*source_ids: str) -> Markdown:
        if not source_ids:
            raise TemplateDataError(_("cite() needs a source id"), hint=_("write cite('source-id')"))
        out = []
        for sid in (str(s) for s in source_ids):
            if case.source(sid) is None:
                raise TemplateDataError(
                    _("cite('{sid}'): the case has no source '{sid}'").format(sid=sid),
                    hint=_("use an id from the case file's 'sources:' list"),
                )
            if sid not in order:
                order.append(sid)
            out.append(marker(order.index(sid)))
        return Markdown("".join(out))

    return cite, order


def _footnote_text(source: Source, wording: Wording) -> str:
    title = wording.text(source.title, f"sources/{source.id}/title", as_given=True) if source.title else ""
    publisher = source.publisher and wording.text(
        source.publisher, f"sources/{source.id}/publisher", as_given=True
    )
    language = wording.language
    parts = [str(title or source.id).rstrip(".") + "."]
    tail = ", ".join(
        str(p) for p in (publisher, format_in(source.date, language) if source.date else "") if p
    )
    if tail:
        parts.append(tail if tail.endswith(".") else tail + ".")
    return " ".join(parts)


def _missing(message: str, hint: str) -> TemplateDataError:
    return TemplateDataError(message, hint=hint)


# Marks the end of a date that closes with an abbreviation's full stop ("4 грудня 2026 р.",
# "4 декабря 2026 г."): a template that ends its sentence after the date ("станом на
# {{ format_date(…) }}.") must print one full stop, as a typesetter would, not "р..".
DATE_STOP = "\u2063"  # invisible separator: never typed in a template, removed before print
# Between the two stops: emphasis marks, and cite()'s footnote markers ("р.¹." → "р.¹").
_DATE_AND_STOP = re.compile(rf"(\\?\.)\u2063((?:\*|_|{MARK_OPEN}\d+{MARK_CLOSE})*)\\?\.")


def one_full_stop(text: str) -> str:
    """The rendered text with a date's full stop and the sentence's made one, and the
    marks ``format_date`` left after such dates removed."""
    if DATE_STOP not in text:
        return text
    return _DATE_AND_STOP.sub(r"\1\2", text).replace(DATE_STOP, "")


def dateline(city: str, date_text: str, language: str) -> str:
    """The letter's place and date as the language writes them: "Brussels, 4 December 2026";
    French puts the article before the day ("Bruxelles, le 4 décembre 2026")."""
    if language.split("-")[0].lower() == "fr":
        date_text = f"le {date_text}"
    return f"{city}, {date_text}" if city else date_text


def _update_view(update: Any, wording: Wording) -> LocalView:
    """An item of ``updates``, named where it is in the case (``facts/roles``)."""
    section = "facts" if update.kind == "fact" else "timeline"
    return LocalView(update, wording, f"{section}/{update.id}")


def _paragraphs(blocks: tuple[Block, ...] | list[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield inline_text(block.inlines)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _paragraphs(item.blocks)
        elif isinstance(block, Quote):
            yield from _paragraphs(block.blocks)


def _address_lines(recipient: Recipient, language: str, sender: SenderView) -> tuple[str, ...]:
    """The address block, ending with the destination country when the letter goes abroad
    and the address does not say it (``with_country``): the window of an envelope shows it,
    and the envelopes and labels of a print pack repeat it. A Ukrainian letter from Brussels
    to "м. Київ, 01220" ended there, where its English version ended "Ukraine". A Member of
    the European Parliament's office is in Brussels, whatever their country."""
    from campaign_app.core.letters.post.address import with_country

    lines = address_block(recipient, language)
    if recipient.category == "mep":
        return lines
    return with_country(lines, recipient.country, sender.address_lines)


def _check_paragraphs(template: Template, subject: str, body: tuple[Block, ...]) -> None:
    """No paragraph longer than PARAGRAPH_CHARS: the PDF's layout of one paragraph takes
    time that grows with the square of its length (see core/common/limits.py)."""
    for text in (subject, *_paragraphs(body)):
        if len(text) > PARAGRAPH_CHARS:
            raise UserError(
                _(
                    "template limit: a paragraph of the letter is longer than {paragraph_chars:,} characters"
                ).format(paragraph_chars=PARAGRAPH_CHARS),
                template.where(),
                _("a real paragraph is far shorter; split it with an empty line"),
            )


def letter_layout(template: Template) -> Layout:
    """The front matter's ``layout:`` (``standard`` unless it says ``compact``)."""
    value = template.meta.get("layout")
    if value in (None, ""):
        return "standard"
    for layout in LAYOUTS:
        if str(value).strip().lower() == layout:
            return layout
    raise UserError(
        _("layout {value!r} is not one of {layouts}").format(value=value, layouts=", ".join(LAYOUTS)),
        template.where(template.meta["__lines__"].get("layout")),
        _("write 'layout: compact' for a letter meant to fit on one page, or leave the key out"),
    )


def letter_fallback(template: Template, case: Case) -> str | None:
    """The front matter's ``fallback_language:``: the case language whose text a letter uses
    where the case has none in the letter's language (see view.Wording). Without the key a
    missing text is an error: a letter never mixes languages unless its template says so."""
    value = template.meta.get("fallback_language")
    if value in (None, ""):
        return None
    language = str(value).strip()
    if not is_language_tag(language) or language not in case.languages or language == template.language:
        others = [lang for lang in case.languages if lang != template.language]
        raise UserError(
            _("fallback_language {value!r} is not another of the case's languages ({languages})").format(
                value=value, languages=", ".join(others)
            ),
            template.where(template.meta["__lines__"].get("fallback_language")),
            _(
                "name a language listed in the case's 'languages:' (every case text exists in it), "
                "or leave the key out"
            ),
        )
    return language


def letter_wording(template: Template, case: Case) -> Wording:
    """How this template's letters pick each case text (see view.Wording)."""
    return Wording(template.language, letter_fallback(template, case), _missing)


def letter_context(
    template: Template,
    recipient: Recipient,
    case: Case,
    campaign: LetterSettings,
    today: dt.date,
    since: dt.date | None = None,
    usage: FactUsage | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """The names a template can use, for one recipient (see SCOPE_NAMES in template_errors).

    ``since``: the day of this recipient's last letter sent on this case (None: none was),
    after which ``updates`` lists the events and facts; ``usage`` records the facts stated."""
    language = template.language
    citations, cited = _citations(case)
    on_use = usage.use if usage is not None else None
    wording = letter_wording(template, case)
    case_view = CaseView(case, wording, on_use)

    def fact(item_id: str) -> Markdown:
        """A fact's (or timeline event's) text followed by the citations that back it."""
        items: tuple[Fact | Event, ...] = (*case.facts, *case.timeline)
        item = next((f for f in items if f.id == item_id), None)
        if item is None:
            ids = [f.id for f in items]
            listed = _("known ids: {known}").format(known=", ".join(ids)) if len(ids) <= LISTED_IDS else ""
            raise TemplateDataError(
                _("fact('{item_id}'): the case has no fact or event '{item_id}'").format(item_id=item_id),
                hint=did_you_mean(item_id, ids)
                or listed
                or _("use an id from the case file's 'facts:' or 'timeline:' list"),
            )
        if on_use is not None and isinstance(item, Fact):
            on_use(item.id, "text")
        section = "facts" if isinstance(item, Fact) else "timeline"
        text = wording.text(item.text, f"{section}/{item.id}/text")
        return Markdown(escape_markdown(text.strip()) + citations(*item.sources))

    def date_filter(value: Any, style: str = "long") -> str:
        if value is None:  # an undated fact's as_of: "NoneType" would mean nothing to its author
            raise TemplateDataError(
                _("format_date() was given no date: the fact or event has none"),
                hint=_(
                    "give it one in the case file (as_of: YYYY-MM-DD for a fact; check the key's "
                    "spelling), or write the date only where there is one: {% if … %}"
                ),
            )
        text = format_in(value, language, style)
        return text + DATE_STOP if text.endswith(".") else text  # see one_full_stop

    context = {
        "recipient": recipient.view(language),
        "case": case_view,
        "sender": SenderView(campaign, language),
        "campaign": {"name": pick(campaign.name, language, campaign.default_language) or ""},
        "today": today,
        "salutation": salutation_for(recipient, language),
        "closing": closing_for(recipient, language),
        # The recipient's own paragraph ("" for none): as text, so Markdown in it stays text.
        "personal_note": recipient.view(language).personal_note.strip(),
        "cite": citations,
        "fact": fact,
        "format_date": date_filter,
        "updates": [_update_view(u, wording) for u in updates_since(case, since, today)] if since else [],
    }
    return context, cited


def render_letter(
    template: Template,
    recipient: Recipient,
    case: Case,
    campaign: LetterSettings,
    today: dt.date | None = None,
    paper: str | None = None,
    since: dt.date | None = None,
    usage: FactUsage | None = None,
) -> Letter:
    """Render one letter. Template mistakes raise UserError at the template's line.
    ``since`` and ``usage``: see :func:`letter_context`."""
    today = today or dt.date.today()
    language = template.language
    wording = letter_wording(template, case)
    context, cited = letter_context(template, recipient, case, campaign, today, since, usage)
    subject, body_md = map(one_full_stop, run_template(template, context))
    body, order = markdown_to_blocks(body_md)
    _check_paragraphs(template, subject, body)
    footnotes = []
    for number, index in enumerate(order, start=1):
        source = case.source(cited[index])
        assert source is not None
        footnotes.append(Footnote(number, source.id, _footnote_text(source, wording), source.url or None))
    sender = SenderView(campaign, language)
    date_text = format_in(today, language, "long")
    place_and_date = dateline(sender.city, date_text, template.language)
    person = wording.text(case.person.name, "person/name", as_given=True) if case.person.name else ""
    words = rules_for(language)  # the EXAMPLE mark in the letter's own language
    return Letter(
        recipient_id=recipient.id,
        template_id=template.id,
        case_id=case.id,
        language=language,
        # The template's title and the ids are the campaign's own words, not the letter's.
        title=subject,
        author=sender.organisation,
        subject=subject,
        letterhead=sender.letterhead,
        place_and_date=place_and_date,
        recipient_lines=_address_lines(recipient, language, sender),
        salutation=context["salutation"],
        body=body,
        closing=context["closing"],
        signatories=tuple(
            Signatory(s["name"], s["role"], c.signature_image)
            for s, c in zip(sender.signatories, campaign.signatories, strict=True)
        ),
        footnotes=tuple(footnotes),
        footnotes_heading=footnotes_heading(language),
        paper=paper or campaign.paper,  # type: ignore[arg-type]
        keywords=(person,) if person else (),
        layout=letter_layout(template),
        example=campaign.is_example,
        example_mark=words.example_mark,
        example_caption=words.example_caption,
    )
