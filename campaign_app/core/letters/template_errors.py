"""What a template author is told when a name in a template is not in the letter's data.

Jinja says "'…CaseView object' has no attribute 'persn'"; an author needs "case has no
'persn'", the name they were close to, or, for a person's name form the case does not give
in the letter's language, where to add it.
"""

from __future__ import annotations

import re

from campaign_app.core.common.errors import Location, UserError, did_you_mean
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.directory.recipients import NOT_FOR_LETTERS

# The names a template's scope holds (kept beside templates.py's context, which builds them).
SCOPE_NAMES = (
    "recipient",
    "case",
    "sender",
    "campaign",
    "today",
    "salutation",
    "closing",
    "cite",
    "fact",
    "updates",
    "personal_note",
)


_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")
_FRIENDLY = {
    "RecipientView": "recipient",
    "CaseView": "case",
    "PersonView": "case.person",
    "SenderView": "sender",
    "LocalView": N_("this case item"),
    "FactView": N_("this fact"),
    "dict": N_("this item"),
}


_MISSING_FORM = re.compile(r"'dict object' has no attribute '(\w+)'")
_NAME_CASES = frozenset(
    {
        "nominative",
        "genitive",
        "dative",
        "accusative",
        "instrumental",
        "locative",
        "prepositional",
        "vocative",
    }
)


def _friendly(message: str) -> str:
    """Jinja says "'…CaseView object' has no attribute 'persn'"; a template author needs
    "case has no 'persn'"."""
    m = _NO_ATTRIBUTE.search(message)
    if m is None:
        return message
    owner = _FRIENDLY.get(m.group(1), m.group(1))
    if owner == "recipient" and m.group(2) in NOT_FOR_LETTERS:
        return _("recipient.{name} are the campaign's own notes: they never go into a letter").format(
            name=m.group(2)
        )
    return _("{owner} has no '{name}'").format(owner=_(owner), name=m.group(2))


_UNDEFINED_NAME = re.compile(r"^'(\w+)' is undefined$")


def undefined_error(message: str, where: Location, said: str) -> UserError:
    """A name the letter's data lacks: a person's name form the case does not give in this
    language (``case.person.forms.genitive`` in a Russian letter), else a misspelt name."""
    form = _MISSING_FORM.search(message)
    if form is not None and form.group(1) in _NAME_CASES:
        return UserError(
            _("the case gives no '{form}' form of the person's name in this letter's language").format(
                form=form.group(1)
            ),
            where,
            _("add it under person: forms: in the case file, e.g. forms: {{ru: {{{form}: …}}}}").format(
                form=form.group(1)
            ),
        )
    return UserError(said.format(friendly=_friendly(message)), where, _spelling_hint(message))


def _spelling_hint(message: str) -> str:
    """For a name the template's scope lacks, the name it was close to (``recipent``:
    "did you mean 'recipient'?"); else the names a template knows."""
    m = _UNDEFINED_NAME.match(message)
    close = did_you_mean(m.group(1), SCOPE_NAMES) if m else None
    known = ", ".join(SCOPE_NAMES)
    return close or _("check the spelling; templates know {scope_names}").format(scope_names=known)
