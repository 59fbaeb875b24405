"""Validate a whole workspace the way a batch would use it, before anything is generated.

``check`` loads every file and renders every template for every recipient of its audience
(text only, which is fast), so a mistake surfaces here rather than at letter 173 of 300.
Errors stop the check; warnings (an example sender, an unused source) are reported only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from campaign_app.core.campaign.address_room import AddressRoom
from campaign_app.core.campaign.audience import Audience, audience_place, match_audience, without_status
from campaign_app.core.campaign.creation import placeholders_left
from campaign_app.core.campaign.formula_cells import formula_warnings
from campaign_app.core.campaign.last_letters import LastLetters, uses_updates
from campaign_app.core.campaign.letter_files import letter_origins
from campaign_app.core.campaign.letterhead_room import LetterheadRoom
from campaign_app.core.campaign.settings import Campaign
from campaign_app.core.campaign.timeliness import TimeReview
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.case.texts import translation_gaps
from campaign_app.core.common.errors import ProblemCollector, UserError, UserErrors, display_path, flatten
from campaign_app.core.common.i18n import _, listed, ngettext
from campaign_app.core.directory.load import unread_lists
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.attachments import read_attachments
from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.fact_usage import FactUsage
from campaign_app.core.letters.glyphs import check_glyphs
from campaign_app.core.letters.render import render_letter
from campaign_app.core.letters.templates import Template
from campaign_app.core.outreach.log_errors import LogUnusable


@dataclass
class CheckReport:
    summary: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    letters_rendered: int = 0


def load_workspace(ws: Workspace) -> None:
    """Read campaign.yaml, the case file and the directory; every problem found is raised
    together (UserErrors), so check and a window screenshot list them all. Templates are
    read one by one (``Workspace.template_scan``): a broken one does not block the others."""
    problems = ProblemCollector()
    for part in ("campaign", "case", "directory"):
        try:
            getattr(ws, part)
        except (UserError, UserErrors) as exc:
            problems.extend(flatten(exc))
            if part == "campaign":  # the case file is named in campaign.yaml
                break
    problems.raise_if_any()


def _audience_of(
    ws: Workspace, template: Template, report: CheckReport, problems: ProblemCollector
) -> Audience | None:
    """Whom the template reaches; None when its audience line has a mistake (added there)."""
    try:
        return match_audience(ws, template.audience, template_id=template.id, where=audience_place(template))
    except LogUnusable as exc:  # offline: checked against everyone it could reach
        return _without_the_log(ws, template, exc, report, problems)
    except UserError as exc:  # at its column in the audience line
        problems.add(exc.message, exc.where, exc.hint)
        return None


def _without_the_log(
    ws: Workspace, template: Template, exc: LogUnusable, report: CheckReport, problems: ProblemCollector
) -> Audience | None:
    """A template whose audience asks the team's log (status: terms) while it cannot be
    reached: said once, at the audience line, and checked against everyone the audience
    could reach (check works offline)."""
    where = template.where(template.meta["__lines__"].get("audience"))
    report.warnings.append(
        _(
            "{where}: the audience's status: terms need the contact log, which cannot be reached "
            "({reason}): template '{id}' was checked for everyone its other terms reach"
        ).format(where=where, reason=exc.message, id=template.id)
    )
    try:
        return match_audience(ws, without_status(template.audience), template_id=template.id)
    except UserError as again:
        problems.add(again.message, again.where or where, again.hint)
        return None


def check_workspace(ws: Workspace, today: dt.date | None = None) -> CheckReport:
    """Raise UserError(s) for problems; return what was checked and any warnings."""
    report = CheckReport()
    problems = ProblemCollector()
    try:
        load_workspace(ws)
    except (UserError, UserErrors) as exc:
        problems.extend(flatten(exc))
        problems.extend(ws.template_scan.problems)  # said in the same pass
        problems.raise_if_any()
    scan = ws.template_scan  # a broken template is reported; the others are still checked
    problems.extend(scan.problems)
    campaign, case, directory, templates = ws.campaign, ws.case, ws.directory, scan.templates
    problems.extend(
        campaign.mail_problems
    )  # the smtp section and the sender's address, as sending reads them
    problems.extend(campaign.inbox_problems)  # the inbox section, as inbox sync reads it

    report.summary.append(_("campaign.yaml: sender, signatories and settings are valid"))
    report.summary.append(
        _(
            "case '{id}': {count} timeline events, {count2} facts, {count3} "
            "arguments, {count4} demands, {count5} supporters, {count6} sources, in "
            "{languages}"
        ).format(
            id=case.id,
            count=len(case.timeline),
            count2=len(case.facts),
            count3=len(case.arguments),
            count4=len(case.demands),
            count5=len(case.supporters),
            count6=len(case.sources),
            languages=", ".join(case.languages),
        )
    )
    report.summary.append(
        ngettext(
            "recipients: {count} in {count2} file(s)",
            "recipients: {count} in {count2} file(s)",
            len(directory.files),
        ).format(count=len(directory), count2=len(directory.files))
    )
    today = today or dt.date.today()
    review = TimeReview(case, today, campaign.facts_stale_after_days)
    last_letters: LastLetters | None = None
    letterheads = LetterheadRoom()  # a letterhead too tall moves the address out of the window
    addresses = AddressRoom()
    for template in templates.values():
        found = _audience_of(ws, template, report, problems)
        if found is None:
            continue
        # A follow-up's audience is empty until the log says someone is due: not an error;
        # check the template against everyone it could reach.
        audience = found.waiting if found.nobody_due else found.recipients
        if found.nobody_due:
            report.summary.append(found.nobody_due_message)
        if not audience:
            problems.add(
                _("audience {audience!r} of template '{id}' matches nobody").format(
                    audience=template.audience, id=template.id
                ),
                template.where(template.meta["__lines__"].get("audience")),
                _("correct the audience query or add recipients"),
            )
            continue
        failures_before = len(problems.errors)
        try:
            read_attachments(template, ws.root)
        except UserError as exc:
            problems.add(exc.message, exc.where, exc.hint)
        updating = uses_updates(template)
        if updating and last_letters is None:
            last_letters = LastLetters.read(ws)
        letters = LetterReview(review, last_letters if updating else None, addresses)
        first = check_letters(ws, template, audience, today, problems, report, letters)
        if first is not None:
            letterheads.letter(template, first)
        report.warnings.extend(english_forms_warning(template))
        if len(problems.errors) == failures_before:
            report.summary.append(
                ngettext(
                    "template '{id}' ({language}): renders for all {count} recipient(s) of {value!r}",
                    "template '{id}' ({language}): renders for all {count} recipient(s) of {value!r}",
                    len(audience),
                ).format(
                    id=template.id,
                    language=template.language,
                    count=len(audience),
                    value=found.base_query if found.nobody_due else template.audience,
                )
            )
    problems.raise_if_any(causes=case.warnings)  # a misspelt key is often why its letters fail
    report.summary.extend(review.summary())
    report.warnings.extend(review.warnings())

    if not templates:
        report.warnings.append(_("letter_templates/ holds no template (*.md): there is nothing to generate"))
    report.warnings.extend(_sender_warnings(campaign))
    report.warnings.extend(letterheads.warnings())
    report.warnings.extend(addresses.warnings())
    report.warnings.extend(str(w) for w in case.warnings)
    report.warnings.extend(translation_gaps(case, [t.language for t in templates.values()]))
    unused = {s.id for s in case.sources} - case.cited_source_ids()
    if unused:
        report.warnings.append(
            ngettext(
                "{count} source in the case file is never cited by a fact or event: {ids}",
                "{count} sources in the case file are never cited by a fact or event: {ids}",
                len(unused),
            ).format(count=len(unused), ids=", ".join(sorted(unused)))
        )
    report.warnings.extend(freshness_warnings(directory, campaign.freshness_days, today))
    report.warnings.extend(formula_warnings(directory))
    for path in unread_lists(ws.root / "recipients"):
        report.warnings.append(
            _(
                "{file}: not read, the directory reads .csv and .yaml files: its recipients are in "
                "no audience — move it out of recipients/ and import it (campaign-app recipients "
                "import FILE)"
            ).format(file=display_path(path))
        )
    no_channel = [r.id for r in directory if not (r.email or r.postal_address or r.web_form)]
    if no_channel:
        report.warnings.append(
            ngettext(
                "{count} recipient has no e-mail, postal address or web form: {ids}",
                "{count} recipients have no e-mail, postal address or web form: {ids}",
                len(no_channel),
            ).format(count=len(no_channel), ids=", ".join(no_channel))
        )
    return report


@dataclass
class LetterReview:
    """What check looks at in each rendered letter besides the letter itself: the dates of the
    facts it states (``review``) and, for a template using ``updates``, each recipient's last
    letter (``last_letters``)."""

    review: TimeReview
    last_letters: LastLetters | None = None
    addresses: AddressRoom = field(default_factory=AddressRoom)  # too long for the envelope's window


def check_letters(
    ws: Workspace,
    template: Template,
    audience: list[Recipient],
    today: dt.date,
    problems: ProblemCollector,
    report: CheckReport,
    letters: LetterReview,
) -> Letter | None:
    """Render the template for each recipient: it renders, every character has a glyph, the
    facts it states are not stale, and a compact letter fits on one page (a warning). The
    first letter that renders with every glyph is returned (None: none did)."""
    first: Letter | None = None
    over_one_page: list[str] = []
    other_script: list[str] = []
    example = ""  # the first of their Cyrillic lines, as the letter has it
    updating = letters.last_letters is not None
    for recipient in audience:
        usage = FactUsage(template)
        since = letters.last_letters.since(recipient.id, template.id) if letters.last_letters else None
        try:
            letter = render_letter(template, recipient, ws.case, ws.campaign, today, since=since, usage=usage)
            report.letters_rendered += 1
            letters.review.letter(template, recipient, usage, since, updating)
        except UserError as exc:
            problems.add(
                _("{message} (for recipient '{id}')").format(message=exc.message, id=recipient.id),
                exc.where,
                exc.hint,
            )
            return first  # the same template mistake would repeat for every recipient
        try:
            check_glyphs(letter, recipient, letter_origins(ws, template.path))
        except UserError as exc:  # this recipient's letter only: the others are still checked
            problems.add(exc.message, exc.where, exc.hint)
            continue
        first = first or letter
        letters.addresses.letter(template.id, recipient.id, letter)
        if letter.layout == "compact" and pdf_pages(letter) > 1:
            over_one_page.append(recipient.id)
        if (text := in_another_script(letter, template.language)) is not None:
            other_script.append(recipient.id)
            example = example or text
    if over_one_page:
        report.warnings.append(one_page_warning(template, over_one_page))
    if other_script:
        report.warnings.append(
            ngettext(
                "template '{id}' ({language}): {count} letter names its recipient in Cyrillic in a "
                "letter in Latin script ('{example}'): {ids} — give their name, position and "
                "address in {language} in the directory (e.g. family_name: {{{language}: …, uk: …}})",
                "template '{id}' ({language}): {count} letters name their recipients in Cyrillic in a "
                "letter in Latin script ('{example}'…): {ids} — give their names, positions and "
                "addresses in {language} in the directory (e.g. family_name: {{{language}: …, uk: …}})",
                len(other_script),
            ).format(
                id=template.id,
                language=template.language,
                count=len(other_script),
                ids=listed(other_script),
                example=example,
            )
        )
    return first


def _sender_warnings(campaign: Campaign) -> list[str]:
    """What check says of who the letters come from: the example's sender, a new campaign's
    placeholders, no signatories."""
    out: list[str] = []
    if campaign.is_example:
        out.append(
            _(
                "campaign.yaml: the sender is the bundled example — put your organisation, address and "
                "signatories in campaign.yaml and remove 'example: true' before sending"
            )
        )
    left = placeholders_left(campaign)
    if left:
        out.append(
            _(
                "campaign.yaml still holds a new campaign's placeholders ({fields}): letters would be "
                "written and sent in their name — fill them in (the Settings tab)"
            ).format(fields=", ".join(left))
        )
    if not campaign.signatories and not campaign.is_example:
        out.append(
            _(
                "campaign.yaml: no signatories: every letter ends with its closing and no name under "
                "it — add 'signatories:' with each signatory's name and role (or sign the printed "
                "letters by hand)"
            )
        )
    return out


_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Letter languages written in Cyrillic by default; any other is in Latin script here, and a
# "-Latn" or "-Cyrl" subtag says which (kk-Latn: Kazakh in Latin letters).
_CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "kk", "be", "bg", "sr", "mk", "ky", "tg", "mn"})


def in_another_script(letter: Letter, language: str) -> str | None:
    """The salutation or address line in Cyrillic of a letter in Latin script (the directory
    has the recipient's name or address in Ukrainian only, and the letter fell back to it),
    or None."""
    parts = language.lower().split("-")
    cyrillic = "cyrl" in parts or (parts[0] in _CYRILLIC_LANGUAGES and "latn" not in parts)
    if cyrillic:
        return None
    return next((t for t in (letter.salutation, *letter.recipient_lines) if _CYRILLIC.search(t)), None)


def pdf_pages(letter: Letter) -> int:
    """How many pages the letter's PDF has (it is typeset, not written)."""
    from campaign_app.core.letters.pdf.writer import typeset  # reportlab only when needed

    return typeset(letter)[1]


def english_forms_warning(template: Template) -> list[str]:
    """A letter language this program has no forms of address for (Kazakh, say): its letters
    open "Dear Mr …" and close "Yours sincerely," in English, which check must not call fine."""
    from campaign_app.core.letters.forms_of_address.rules import LANGUAGES

    language = template.language
    if language.split("-")[0].lower() in LANGUAGES:
        return []
    said = _(
        "{where}: template '{id}' is in '{language}', which has no forms of address here: its "
        "salutations, address titles and closings will be in English ('Dear Mr …', 'Yours "
        "sincerely,') — write them in the template itself, or use a language that has them ({languages})"
    ).format(
        where=template.where(template.meta["__lines__"].get("language")),
        id=template.id,
        language=language,
        languages=", ".join(LANGUAGES),
    )
    return [said]


def one_page_warning(template: Template, recipient_ids: list[str]) -> str:
    """A compact template's letters that still run over one page."""
    where = template.where(template.meta["__lines__"].get("layout"))
    return ngettext(
        "{where}: template '{id}' has 'layout: compact', but {count} of its letters runs over one "
        "page: {ids} — shorten the text (or the sources cited)",
        "{where}: template '{id}' has 'layout: compact', but {count} of its letters run over one "
        "page: {ids} — shorten the text (or the sources cited)",
        len(recipient_ids),
    ).format(where=where, id=template.id, count=len(recipient_ids), ids=listed(recipient_ids))


FORMER_MEMBER_TAG = "former-member"


def freshness_warnings(recipients, freshness_days: int, today: dt.date) -> list[str]:
    """Entries to check again before sending: never verified, verified longer ago than the
    campaign's ``freshness_days`` (campaign.yaml, default 365), or MEPs whose term has
    ended by their source's word (the directory keeps that as the tag ``former-member``,
    which the importer sets from an end-of-term or death date column)."""
    never, stale, former = [], [], []
    oldest: dt.date | None = None
    for r in recipients:
        if r.verified_on is None:
            never.append(r.id)
        elif (today - r.verified_on).days > freshness_days:
            stale.append(r.id)
            oldest = r.verified_on if oldest is None else min(oldest, r.verified_on)
        if r.category == "mep" and FORMER_MEMBER_TAG in r.tags:
            former.append(r.id)
    warnings = []
    if stale:
        warnings.append(
            ngettext(
                "{count} recipient(s) were last verified more than {freshness_days} days "
                "ago (the oldest on {oldest}): {ids} — check them at their source_url "
                "and update verified_on (the limit is freshness_days in campaign.yaml)",
                "{count} recipient(s) were last verified more than {freshness_days} days "
                "ago (the oldest on {oldest}): {ids} — check them at their source_url "
                "and update verified_on (the limit is freshness_days in campaign.yaml)",
                len(stale),
            ).format(count=len(stale), freshness_days=freshness_days, oldest=oldest, ids=listed(stale))
        )
    if never:
        warnings.append(
            ngettext(
                "{count} recipient(s) have never been verified (no verified_on): {ids} — "
                "check them at their source and fill in verified_on",
                "{count} recipient(s) have never been verified (no verified_on): {ids} — "
                "check them at their source and fill in verified_on",
                len(never),
            ).format(count=len(never), ids=listed(never))
        )
    if former:
        warnings.append(
            ngettext(
                "{count} MEP(s) are no longer members of the European Parliament (tagged "
                "{former_member_tag}): {ids} — leave them out (add "
                "-tag:{former_member_tag} to the query) or find where they are now",
                "{count} MEP(s) are no longer members of the European Parliament (tagged "
                "{former_member_tag}): {ids} — leave them out (add "
                "-tag:{former_member_tag} to the query) or find where they are now",
                len(former),
            ).format(count=len(former), former_member_tag=FORMER_MEMBER_TAG, ids=listed(former))
        )
    return warnings
