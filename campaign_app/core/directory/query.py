"""Recipient queries: ``category:mep country:SK simecka``.

One small language serves the command line, template audiences and the desktop app's
search box. Every term must match; ``field:value`` compares one field, bare words look in
the name, position and organisation. Matching ignores case and accents, because a
volunteer types ``simecka`` for Šimečka and ``sanchez`` for Sánchez Amor. A term starting
with ``-`` excludes.

``status:sent`` selects by what the contact log says about a recipient. The directory
knows nothing of the log: the caller passes the words a status may be (``status_words``,
word → meaning: the campaign passes the contact log's) and a ``statuses`` function that
reads the log, only called when a query asks for a status.
"""

from __future__ import annotations

import shlex
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.recipients import ALL_FIELDS, Recipient

# Letters that Unicode does not decompose into base letter + accent.
_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

EXACT_FIELDS = {"id", "category", "country", "language", "gender"}
ALIASES = {"tag": "tags", "org": "organisation", "organization": "organisation", "name": "_name"}
QUERY_FIELDS = sorted({*ALL_FIELDS, "tag", "name", "status"} - {"tags"})
# Recipient id → the statuses the contact log gives them; ids not in it have "none".
StatusTable = Mapping[str, frozenset[str]]
# The words a status: term may use → what each means (shown in help).
StatusWords = Mapping[str, str]
NO_LETTER = frozenset({"none"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of text for matching (Šimečka → simecka, Łódź → lodz)."""
    # Decompose before and after case folding: compatibility forms (𝐴, ﬁ) only reveal
    # their letters after NFKD, and some letters only decompose once lower-cased.
    for _pass in range(2):
        text = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(c for c in text if not unicodedata.combining(c))
    stripped = text
    return stripped.translate(_EXTRA_FOLDS)


def _all_texts(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    return [str(value)]


def _search_text(r: Recipient) -> str:
    parts: list[str] = []
    for name in ("honorific", "given_name", "family_name", "position", "organisation", "id"):
        parts.extend(_all_texts(getattr(r, name)))
    return fold(" ".join(parts))


Predicate = Callable[[Recipient], bool]


@dataclass(frozen=True)
class Query:
    """A parsed query; ``matches`` tests one recipient."""

    text: str
    predicates: tuple[tuple[bool, Predicate], ...]  # (negated, predicate)

    def matches(self, recipient: Recipient) -> bool:
        return all(pred(recipient) != negated for negated, pred in self.predicates)

    def filter(self, recipients: Iterable[Recipient]) -> list[Recipient]:
        return [r for r in recipients if self.matches(r)]


def _field_predicate(field: str, value: str) -> Predicate:
    wanted = fold(value)
    if field == "tags":
        return lambda r: any(fold(t) == wanted for t in r.tags)
    if field == "_name":
        return lambda r: wanted in _search_text(r)
    if field in EXACT_FIELDS:
        return lambda r: any(fold(t) == wanted for t in _all_texts(getattr(r, field)))
    return lambda r: any(wanted in fold(t) for t in _all_texts(getattr(r, field)))


def _word_predicate(wanted: str) -> Predicate:
    """A bare word: looked for in the name, position, organisation and id."""
    return lambda r: wanted in _search_text(r)


def _status_predicate(
    value: str, statuses: Callable[[], StatusTable] | None, status_words: StatusWords | None, text: str
) -> Predicate:
    """A ``status:`` term, checked against the caller's words; without them (or without a
    log to read) no status can be answered."""
    wanted = value.lower()
    if status_words is not None and wanted not in status_words:
        raise UserError(
            _("unknown status '{value}' in query {text!r}").format(value=value, text=text),
            hint=_("use one of {status_words}").format(status_words=", ".join(status_words)),
        )
    if statuses is None or status_words is None:
        raise UserError(
            _("query {text!r} asks for a status, which only a campaign's contact log can answer").format(
                text=text
            ),
            hint=_("use status: with generate, send, recipients list or log status in a campaign folder"),
        )
    table: list[StatusTable] = []  # read once, at the first recipient tested

    def matches(r: Recipient) -> bool:
        if not table:
            table.append(statuses())
        return wanted in table[0].get(r.id, NO_LETTER)

    return matches


def parse_query(
    text: str | None,
    statuses: Callable[[], StatusTable] | None = None,
    status_words: StatusWords | None = None,
) -> Query:
    """Parse a query string; an unknown field or unbalanced quote is a UserError.
    ``status:`` terms take one of ``status_words`` and are answered by ``statuses`` (see
    the module's docstring)."""
    text = (text or "").strip()
    try:
        terms = shlex.split(text)
    except ValueError:
        raise UserError(
            _("query {text!r} has an unbalanced quote").format(text=text), hint=_("close the quote")
        ) from None
    predicates: list[tuple[bool, Predicate]] = []
    for term in terms:
        negated = term.startswith("-") and len(term) > 1
        if negated:
            term = term[1:]
        field, sep, value = term.partition(":")
        if sep and field and not field.startswith("http"):
            key = ALIASES.get(field.lower(), field.lower())
            if key == "status" and value:
                predicates.append((negated, _status_predicate(value, statuses, status_words, text)))
                continue
            if key not in ALL_FIELDS and key != "_name":
                raise UserError(
                    _("unknown field '{field}' in query {text!r}").format(field=field, text=text),
                    hint=_("use one of {query_fields}").format(query_fields=", ".join(QUERY_FIELDS)),
                )
            if not value:
                raise UserError(
                    _("'{field}:' has no value in query {text!r}").format(field=field, text=text),
                    hint=_("write e.g. {field}:value").format(field=field),
                )
            predicates.append((negated, _field_predicate(key, value)))
        else:
            predicates.append((negated, _word_predicate(fold(term))))
    return Query(text, tuple(predicates))


def combine(*queries: str | None) -> str:
    """Join query strings with AND (a template's audience narrowed by ``--query``)."""
    return " ".join(q.strip() for q in queries if q and q.strip())
