"""Salutations, closings and address-block names, by language, category, role and gender.

Forms of address are where an appeal first shows whether its author knows the recipient's
world: European Parliament usage is "Dear Ms Juknevičienė," with "MEP" only in the address
block; the UN writes "Dear Special Rapporteur,"; Ukrainian addresses an official by the
vocative of the title, «Шановний пане Президенте!». A recipient's own ``salutation`` always
wins, so an unusual case is fixed in the directory, not in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from campaign_app.core.directory.recipients import Recipient, RecipientView


@dataclass(frozen=True)
class Role:
    """An office recognised from a position text, with its forms of address."""

    key: str
    en_male: str
    en_female: str
    en_neutral: str
    uk_vocative_m: str  # after «Шановний пане»
    uk_vocative_f: str  # after «Шановна пані»
    uk_vocative_neutral: str  # after «Шановний» when the holder is not named


# Order matters: the first pattern that matches the position wins.
ROLES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (
        re.compile(r"prime minister|прем['ʼ’]?єр-міністр", re.I),
        Role(
            "prime-minister",
            "Dear Prime Minister,",
            "Dear Prime Minister,",
            "Dear Prime Minister,",
            "Прем'єр-міністре",
            "Прем'єр-міністерко",
            "Прем'єр-міністре",
        ),
    ),
    (
        re.compile(r"\bpresident\b|^президент", re.I),
        Role(
            "president",
            "Dear Mr President,",
            "Dear Madam President,",
            "Dear President,",
            "Президенте",
            "Президентко",
            "Президенте",
        ),
    ),
    (
        re.compile(r"prosecutor general|генеральн\w* прокурор", re.I),
        Role(
            "prosecutor-general",
            "Dear Prosecutor General,",
            "Dear Prosecutor General,",
            "Dear Prosecutor General,",
            "Генеральний прокуроре",
            "Генеральна прокурорко",
            "Генеральний прокуроре",
        ),
    ),
    (
        re.compile(r"\bminister\b|^міністр|^міністерк", re.I),
        Role(
            "minister",
            "Dear Minister,",
            "Dear Minister,",
            "Dear Minister,",
            "Міністре",
            "Міністерко",
            "Міністре",
        ),
    ),
    (
        re.compile(r"special rapporteur|спеціальн\w* доповідач", re.I),
        Role(
            "special-rapporteur",
            "Dear Special Rapporteur,",
            "Dear Special Rapporteur,",
            "Dear Special Rapporteur,",
            "Спеціальний доповідачу",
            "Спеціальна доповідачко",
            "Спеціальний доповідачу",
        ),
    ),
    (
        re.compile(r"\bindependent expert\b", re.I),
        Role(
            "independent-expert",
            "Dear Independent Expert,",
            "Dear Independent Expert,",
            "Dear Independent Expert,",
            "Незалежний експерте",
            "Незалежна експертко",
            "Незалежний експерте",
        ),
    ),
    (
        re.compile(r"\bchair(man|woman|person)?\b|^голова", re.I),
        Role("chair", "Dear Mr Chairman,", "Dear Madam Chair,", "Dear Chair,", "Голово", "Голово", "Голово"),
    ),
)

# Categories whose letters address the person by name when one is known, before any role.
BY_NAME_FIRST = {"mep", "ngo", "media", "other", "un_agency", "osce"}

CLOSINGS = {
    "en": ("Yours sincerely,", "Yours faithfully,"),
    "uk": ("З повагою,", "З повагою,"),
    "de": ("Mit freundlichen Grüßen", "Mit freundlichen Grüßen"),
    "fr": ("Veuillez agréer l'expression de ma haute considération.",) * 2,
    "ru": ("С уважением,", "С уважением,"),
}

GENERIC = {
    "en": "Dear Sir or Madam,",
    "uk": "Шановні пані та панове!",
    "de": "Sehr geehrte Damen und Herren,",
    "fr": "Madame, Monsieur,",
    "ru": "Уважаемые дамы и господа!",
}

FOOTNOTES_HEADING = {"en": "Sources", "uk": "Джерела", "de": "Quellen", "fr": "Sources", "ru": "Источники"}


def _lang(language: str) -> str:
    primary = language.split("-")[0]
    return primary if primary in GENERIC else "en"


def role_of(view: RecipientView) -> Role | None:
    """The office in the recipient's position (in the letter's language or its own)."""
    texts = [view.position]
    for pattern, role in ROLES:
        if any(t and pattern.search(t.strip()) for t in texts):
            return role
    return None


def _en_honorific(view: RecipientView, gender: str) -> str:
    honorific = view.honorific.strip()
    if honorific:
        return honorific.rstrip(".") if honorific.lower() in ("mr.", "ms.", "mrs.", "dr.") else honorific
    return {"f": "Ms", "m": "Mr"}.get(gender, "")


def salutation_for(recipient: Recipient, language: str) -> str:
    """The opening line of a letter to ``recipient`` written in ``language``."""
    view = recipient.view(language)
    if view.salutation:
        return view.salutation
    lang = _lang(language)
    gender = recipient.gender
    role = role_of(view)
    named = view.has_person
    category = recipient.category

    if lang == "uk":
        if role is not None:
            if gender == "m":
                return f"Шановний пане {role.uk_vocative_m}!"
            if gender == "f":
                return f"Шановна пані {role.uk_vocative_f}!"
            return f"Шановний {role.uk_vocative_neutral}!"
        return GENERIC["uk"]

    if lang == "en":
        if role is not None and not (
            category in BY_NAME_FIRST and named and role.key != "special-rapporteur"
        ):
            if gender == "m":
                return role.en_male
            if gender == "f":
                return role.en_female
            return role.en_neutral
        if named:
            honorific = _en_honorific(view, gender)
            family = view.family_name or view.full_name
            if honorific:
                return f"Dear {honorific} {family},"
            return f"Dear {view.full_name},"
        return GENERIC["en"]

    if lang == "de" and named and gender in ("f", "m"):
        return ("Sehr geehrte Frau " if gender == "f" else "Sehr geehrter Herr ") + f"{view.family_name},"
    if lang == "fr" and named and gender in ("f", "m"):
        return "Madame," if gender == "f" else "Monsieur,"
    return GENERIC[lang]


def closing_for(recipient: Recipient, language: str) -> str:
    """The closing formula, matched to how the letter opened (UK usage for English)."""
    lang = _lang(language)
    sincerely, faithfully = CLOSINGS[lang]
    return faithfully if salutation_for(recipient, language) == GENERIC.get(lang) else sincerely


def address_name_lines(recipient: Recipient, language: str) -> list[str]:
    """The name lines of the address block (before the postal address).

    A directory's ``addressee`` is used verbatim (Ukrainian needs the dative case, which is
    not derived by rule). Otherwise: honorific and name, "MEP" after an MEP's name in
    English, then position and organisation unless the postal address already starts so.
    """
    view = recipient.view(language)
    if view.addressee:
        return [line.strip() for line in view.addressee.splitlines() if line.strip()]
    lines: list[str] = []
    postal_first = next((ln.strip() for ln in view.postal_address.splitlines() if ln.strip()), "")
    if view.has_person:
        name = view.name
        if recipient.category == "mep" and _lang(language) == "en":
            name += " MEP"
            lines.append(name)
        else:
            lines.append(name)
            if view.position:
                lines.append(view.position)
    elif view.position:
        lines.append(view.position)
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
    return FOOTNOTES_HEADING.get(language.split("-")[0], "Sources")
