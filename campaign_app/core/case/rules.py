"""The case file's rules for ids, dates, sources, web addresses and supporter kinds, in
the words the user sees, for the loader and for the Case tab's fields alike.

The loader (``load.py``) reports each problem at its line; the Case tab shows the same
words at the field as the user types (the ``check_*`` functions), so a problem is fixed
where it is made, and the field and the command line never disagree about it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from campaign_app.core.case.model import EVENT_KINDS, SUPPORTER_KINDS
from campaign_app.core.case.round_trip import date_value
from campaign_app.core.case.schema import PERSON_ORDER, POINT_ORDER, TOP_ORDER
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import did_you_mean
from campaign_app.core.common.i18n import N_, _

DATE_HINT = N_("write it as YYYY-MM-DD, YYYY-MM or YYYY")


@dataclass(frozen=True)
class Problem:
    """What is wrong and what to do; ``str()`` joins them as the command line prints them."""

    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}"


# ---- the parts of a case file, as its messages name them ----------------------------------

# The loader's words for each part (KNOWN_KEYS' keys), marked to be said in the interface
# language: a Ukrainian message read "невідомий ключ 'as_off' у fact".
PART_WORDS = (
    N_("case file"),
    N_("person"),
    N_("timeline event"),
    N_("fact"),
    N_("argument"),
    N_("point"),
    N_("demand"),
    N_("supporter"),
    N_("source"),
)


def described(what: str, ident: object) -> str:
    """One part by its id, as messages name it: "fact 'roles'" (``what``: a PART_WORDS word)."""
    return _("{what} '{id}'").format(what=_(what), id=ident)


def point_described(argument_id: object, number: int) -> str:
    """An argument's point, as messages name it: "argument 'asylum' point 2"."""
    return _("argument '{id}' point {number}").format(id=argument_id, number=number)


# ---- the rules, as the loader applies them ------------------------------------------------


def no_id(what: str) -> Problem:
    return Problem(
        _("{what} has no 'id'").format(what=_(what)),
        _("give it a short unique id such as 'supreme-court-2020'"),
    )


def id_used_twice(what: str, value: str) -> Problem:
    return Problem(
        _("{what} id '{value}' is used twice").format(what=_(what), value=value), _("make each id unique")
    )


def missing_date(key: str) -> Problem:
    return Problem(_("missing '{key}'").format(key=key), _(DATE_HINT))


def not_a_date(key: str, value: object) -> Problem:
    """``value``: the YAML value as the file holds it (shown with its quotes if text)."""
    return Problem(_("'{key}' {value!r} is not a date").format(key=key, value=value), _(DATE_HINT))


def no_source(what: str) -> Problem:
    return Problem(
        _("{what} names no source").format(what=_(what)), _("add 'sources: [source-id]' backing it")
    )


def unknown_source(what: str, ref: object) -> Problem:
    return Problem(
        _("{what} cites unknown source '{ref}'").format(what=_(what), ref=ref),
        _("add it under 'sources:' or correct the id"),
    )


def url_problem(source_id: str, url: str) -> Problem | None:
    """A source's ``url`` must be a full web address (letters print it as a link)."""
    if url and not url.startswith(("http://", "https://")):
        return Problem(
            _("source '{source_id}' url is not a web address").format(source_id=source_id),
            _("use a full http(s):// URL"),
        )
    return None


def kind_problem(supporter_id: str, kind: str) -> Problem | None:
    """A supporter's ``kind`` must be one of SUPPORTER_KINDS: templates choose by it."""
    if kind not in SUPPORTER_KINDS:
        known = ", ".join(SUPPORTER_KINDS)
        return Problem(
            _("supporter '{supporter_id}' has unknown kind '{kind}'").format(
                supporter_id=supporter_id, kind=kind
            ),
            _("use one of {known}").format(known=known),
        )
    return None


def event_kind_problem(event_id: str, kind: str) -> Problem | None:
    """An event's ``kind``, where given, must be one of EVENT_KINDS (reminders name it)."""
    if kind and kind not in EVENT_KINDS:
        return Problem(
            _("timeline event '{event_id}' has unknown kind '{kind}'").format(event_id=event_id, kind=kind),
            _("use one of {event_kinds}").format(event_kinds=", ".join(EVENT_KINDS)),
        )
    return None


# The keys each part of the case file may have: anything else is a typo that would
# otherwise be dropped without a word ('as-of:' leaving a fact undated). The top level, the
# person and a point have them in the order the Case tab writes them (schema.py).
KNOWN_KEYS: dict[str, tuple[str, ...]] = {
    "case file": TOP_ORDER,
    "person": PERSON_ORDER,
    "timeline event": ("id", "date", "kind", "text", "sources"),
    "fact": ("id", "text", "as_of", "sources"),
    "argument": ("id", "label", "title", "points"),
    "point": POINT_ORDER,
    "demand": ("id", "text"),
    "supporter": ("id", "name", "kind", "date", "sources", "recipient"),
    "source": ("id", "title", "publisher", "date", "url", "footnotes", "note"),
}


def unknown_key(what: str, key: object) -> Problem:
    """A key the case file's ``what`` (a KNOWN_KEYS entry) does not have."""
    known = KNOWN_KEYS[what]
    hint = did_you_mean(str(key).replace("-", "_"), known) or _("a {what} may have {keys}").format(
        what=_(what), keys=", ".join(known)
    )
    return Problem(
        _("unknown key '{key}' in {what}: it is not read").format(key=key, what=_(what)),
        _("{hint} (a note of your own: start it with 'x-')").format(hint=hint),
    )


# ---- the same rules at a field of the Case tab, on what the user typed ---------------------


def check_id(what: str, value: str, other_ids: Iterable[str]) -> str | None:
    """The loader's message for an id field, given the ids of the section's other items."""
    value = value.strip()
    if not value:
        return str(no_id(what))
    if value in set(other_ids):
        return str(id_used_twice(what, value))
    return None


def check_date(key: str, text: str, required: bool) -> str | None:
    """The loader's message for a date field holding ``text``, or None if it is fine."""
    text = text.strip()
    if not text:
        return str(missing_date(key)) if required else None
    value = date_value(text)
    try:
        PartialDate.parse(value)
    except ValueError:
        return str(not_a_date(key, value))
    return None


def parse_refs(text: str) -> list[str]:
    """Source ids typed as ``a, b`` (commas or spaces between them)."""
    return [part for part in re.split(r"[,\s]+", text) if part]


def check_refs(what: str, refs: Sequence[str], known: Iterable[str]) -> list[str]:
    """The loader's messages for a ``sources:`` list naming ``refs``."""
    if not refs:
        return [str(no_source(what))]
    known = set(known)
    return [str(unknown_source(what, r)) for r in refs if r not in known]


def check_url(source_id: str, url: str) -> str | None:
    problem = url_problem(source_id, url.strip())
    return str(problem) if problem else None


def check_kind(supporter_id: str, kind: str) -> str | None:
    problem = kind_problem(supporter_id, kind)
    return str(problem) if problem else None


def check_event_kind(event_id: str, kind: str) -> str | None:
    problem = event_kind_problem(event_id, kind)
    return str(problem) if problem else None


def unknown_language(language: str) -> Problem | None:
    """A case language the letters cannot be written in ("ua" is Ukraine, the language "uk")."""
    from campaign_app.core.common.localized import is_known_language, language_hint

    if is_known_language(language):
        return None
    return Problem(
        _("language '{language}' is not a known language tag").format(language=language),
        language_hint(language),
    )
