"""Salutations, closings and address-block names, by language, office and gender.

Forms of address are where an appeal first shows whether its author knows the recipient's
world: European Parliament usage is "Dear Ms Juknevičienė," with the office under the name
in the address block; the UN writes "Dear Special Rapporteur,"; Ukrainian addresses an
official by the vocative of the title, «Шановний пане Президенте!», and a Polish letter
opens «Szanowny Panie Ministrze,». The rules are data, one file per language
(:mod:`campaign_app.core.letters.forms_of_address`); this module picks the office and the
case of the recipient and fills the texts in. A recipient's own ``salutation`` (and
``addressee``) always wins, so an unusual case is fixed in the directory, not in code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.forms_of_address.rules import (
    LANGUAGES,
    OFFICES,
    LanguageRules,
    Office,
    rules_for,
)

# The category alone says the office (an MEP who chairs a committee is still written to
# as a Member of the European Parliament).
CATEGORY_OFFICES = {"mep": "mep"}
# Categories whose letters address a named person by name whatever office the position
# names (the chair of an NGO's board is "Dear Ms Smith,", not "Dear Madam Chair,").
PERSONAL_CATEGORIES = frozenset({"ngo", "media", "other", "un_agency", "osce"})


@dataclass(frozen=True)
class _Address:
    """How one recipient is addressed in one language."""

    rules: LanguageRules
    office: Office  # recognised from the category or position: gives the title line
    forms: Office  # whose salutation, closing and name line are used
    case: str  # m, f, x or unnamed
    values: Mapping[str, str]

    def fill(self, text: str) -> str:
        """A rule's text with the recipient's names in it, spaces left by empty parts removed."""
        filled = re.sub(r"\s+", " ", text.format(**self.values)).strip()
        # the space an empty part left before the closing mark ("Dear Meier ," → "Dear Meier,"),
        # not one inside a name ("Eve ../x" stays as the directory writes it)
        return re.sub(r" ([,.:!])(?=\s|$)", r"\1", filled)


@cache
def _patterns(languages: tuple[str, ...]) -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """Every office's patterns from these languages' files, in the order offices are tried."""
    files = [rules_for(lang) for lang in languages]
    return tuple(
        (key, tuple(p for rules in files for p in rules.offices[key].patterns))
        for key in OFFICES
        if key != "official"
    )


@cache
def _courtesy_genders(languages: tuple[str, ...]) -> Mapping[str, str]:
    """These languages' courtesy titles (Ms, Herr, пані…) → the gender they give."""
    out: dict[str, str] = {}
    for lang in languages:
        for gender, words in rules_for(lang).courtesy.items():
            for word in words:
                out.setdefault(_norm(word), gender)
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")


def _written_in(recipient: Recipient, language: str, field: str) -> tuple[str, ...]:
    """The languages a recipient's field may be written in: the letter's, the recipient's,
    those the directory names, English (the European Parliament's lists), and Ukrainian or
    Russian for Cyrillic (by the letters only one of them has). Only their files are read:
    reading all eight takes over half a second, which every batch worker would pay."""
    value = getattr(recipient, field)
    tags = [language, recipient.language, "en", *(value if isinstance(value, Mapping) else ())]
    for text in _texts(value, language):
        if _CYRILLIC.search(text):
            ukrainian, russian = bool(_UKRAINIAN.search(text)), bool(_RUSSIAN.search(text))
            tags += ["uk"] * (ukrainian or not russian) + ["ru"] * (russian or not ukrainian)
    primaries = {t.split("-")[0].lower() for t in tags if t}
    return tuple(lang for lang in LANGUAGES if lang in primaries)


def _norm(honorific: str) -> str:
    return honorific.strip().lower().replace(".", "")


def _texts(value: str | Mapping[str, str], language: str) -> list[str]:
    """A localizable field's texts, the letter language's first."""
    if isinstance(value, str):
        return [value] if value else []
    first = [value[k] for k in (language, language.split("-")[0]) if value.get(k)]
    return [*first[:1], *(v for k, v in value.items() if v and v not in first[:1])]


def _own(value: str | Mapping[str, str], language: str) -> str:
    """The text written for exactly this language ("" when the field is one text for all)."""
    if isinstance(value, Mapping):
        return next((value[k] for k in (language, language.split("-")[0]) if value.get(k)), "")
    return ""


def office_of(recipient: Recipient, language: str) -> str:
    """The office a recipient holds: by category, else from the position, in any language it
    is written in (a Russian «Генпрокурор» is named by its Ukrainian text). A chair, though,
    only from the letter's own language where the directory has its text: a Ukrainian
    «Голова» is a chair or a head, and the English letter to the "Head of the State Migration
    Service" opened "Dear Chair,"."""
    if recipient.category in CATEGORY_OFFICES:
        return CATEGORY_OFFICES[recipient.category]
    texts = [t.strip() for t in _texts(recipient.position, language)]
    own = _own(recipient.position, language).strip()
    for key, patterns in _patterns(_written_in(recipient, language, "position")):
        if key == "chair" and own:
            if any(p.search(own) for p in patterns):
                return key
            continue
        if any(p.search(t) for p in patterns for t in texts):
            return key
    return "official"


def _gender(recipient: Recipient, language: str) -> str:
    if recipient.gender in ("m", "f"):
        return recipient.gender
    genders = _courtesy_genders(_written_in(recipient, language, "honorific"))
    return next(
        (genders[_norm(h)] for h in _texts(recipient.honorific, language) if _norm(h) in genders), "x"
    )


def _honorific(recipient: Recipient, rules: LanguageRules, language: str, case: str) -> tuple[str, str]:
    """{honorific} and {academic}: as the directory writes them for this language, else
    recognised and written this language's way, else the courtesy title for the gender."""
    own = _own(recipient.honorific, language)
    texts = _texts(recipient.honorific, language)
    academic = _academic(texts, rules)
    for h in [own] if own else texts:
        for words in rules.courtesy.values():
            match = next((w for w in words if _norm(w) == _norm(h)), None)
            if match:
                # where the language puts no courtesy title before a name (Ukrainian «пан»
                # is in the salutation's own words), the directory's is not put there either,
                # even written for this very language ({uk: пан}: «пан Ігор Клименко»)
                if not rules.courtesy_by_default:
                    return "", academic
                return (own or match), academic
    if own:
        return own, academic
    if academic:
        return academic, academic
    default = rules.courtesy.get(case, ()) if rules.courtesy_by_default else ()
    return (default[0] if default else ""), academic


def _academic(texts: list[str], rules: LanguageRules) -> str:
    """The academic titles of the directory's honorific as this language writes them:
    "Prof. Dr." is two titles (read word by word, as "Dr." alone is one), written both in
    German and as the first in English ("Professor"); "" when it holds none."""
    for text in texts:
        words = [_norm(word) for word in text.split()]
        titles = list(dict.fromkeys(rules.titles[w] for w in words if w in rules.titles))
        if titles:
            return " ".join(titles) if rules.combine_titles else titles[0]
    return ""


def _address(recipient: Recipient, language: str) -> _Address:
    rules = rules_for(language)
    view = recipient.view(language)
    office = rules.offices[office_of(recipient, language)]
    personal = view.has_person and recipient.category in PERSONAL_CATEGORIES
    forms = rules.offices["official"] if personal else office
    case = _gender(recipient, language)
    if not view.has_person and (case == "x" or forms.salutation.names_the_person(case)):
        case = "unnamed"  # an office whose holder's gender is known keeps it: «пані Міністерко»
    honorific, academic = _honorific(recipient, rules, language, case)
    given, family = view.given_name, view.family_name or view.full_name
    voc = rules.vocative
    values = {
        "honorific": honorific,
        "academic": academic,
        "given": given,
        "family": family,
        "full_name": view.full_name,
        "given_voc": voc.of(given, "given", case) if voc else given,
        "family_voc": voc.of(family, "family", case) if voc else family,
    }
    return _Address(rules, office, forms, case, values)


def salutation_for(recipient: Recipient, language: str) -> str:
    """The opening line of a letter to ``recipient`` written in ``language``."""
    view = recipient.view(language)
    if view.salutation:
        return view.salutation
    address = _address(recipient, language)
    return address.fill(address.forms.salutation.get(address.case))


def closing_for(recipient: Recipient, language: str) -> str:
    """The closing formula, matched to how the letter opened: the formal one after a
    salutation that names no one ("Dear Sir or Madam," → "Yours faithfully,")."""
    address = _address(recipient, language)
    forms, case = address.forms, address.case
    named = bool(recipient.view(language).salutation) or forms.salutation.names_the_person(case)
    closing = forms.closing_less_formal if named else forms.closing_formal
    return address.fill(closing.get(case))


def _addressee(recipient: Recipient, language: str) -> str:
    """The directory's address lines for a letter in ``language``: only those written for it
    (one text for all is in the recipient's own language). Ukrainian dative lines opened
    English and Russian letters ("Президентові України") where no English ones were given."""
    value = recipient.addressee
    if isinstance(value, Mapping):
        return _own(value, language)
    same = language.split("-")[0].lower() == (recipient.language or "en").split("-")[0].lower()
    return value if same else ""


def address_name_lines(recipient: Recipient, language: str) -> list[str]:
    """The name lines of the address block (before the postal address).

    A directory's ``addressee`` in the letter's language is used verbatim (Ukrainian needs the
    dative case, which is not derived by rule). Otherwise: the person as the language writes them ("Frau Rasa
    Juknevičienė"), the title line (the position in the letter's language, else the office
    in that language, else the position as the directory has it), then the organisation
    unless the postal address already starts with it.
    """
    view = recipient.view(language)
    addressee = _addressee(recipient, language)
    if addressee:
        return [line.strip() for line in addressee.splitlines() if line.strip()]
    address = _address(recipient, language)
    lines: list[str] = []
    if view.has_person:
        lines.append(address.fill(address.forms.name_line.get(address.case)))
    title = _own(recipient.position, language)
    if not title and address.office.title is not None:
        title = address.fill(address.office.title.get(address.case))
    title = title or view.position
    if title and title not in lines:
        lines.append(title)
    postal_first = next((ln.strip() for ln in view.postal_address.splitlines() if ln.strip()), "")
    if view.organisation and view.organisation not in (postal_first, *lines):
        lines.append(view.organisation)
    return lines


def address_block(recipient: Recipient, language: str) -> tuple[str, ...]:
    """Name lines followed by the postal address (or the e-mail when there is none)."""
    view = recipient.view(language)
    lines = address_name_lines(recipient, language)
    postal = [ln.strip() for ln in view.postal_address.splitlines() if ln.strip()]
    if postal:
        lines.extend(ln for ln in postal if ln not in lines)
    elif recipient.email:
        lines.append(recipient.email)
    return tuple(lines)


def footnotes_heading(language: str) -> str:
    """The heading of the sources at the end of the letter ("Sources" where not translated)."""
    return rules_for(language).footnotes_heading
