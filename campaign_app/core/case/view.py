"""The case as a template sees it: every text already in the letter's language.

Template authors write ``{{ case.person.name }}`` and get «Жанара Ахметова» in a Ukrainian
letter and "Zhanara Akhmetova" in an English one; they never handle language maps.
Looking up a fact or event that does not exist is a template error at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import is_dataclass
from typing import Any

from campaign_app.core.case.model import Case
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import is_localized_map, pick

# Fields that are bookkeeping, not letter content: the file a case was read from, its
# warnings, and a source's note (the campaign's own remark, never a letter's words).
_HIDDEN = frozenset({"path", "warnings", "note"})


class LocalView:
    """Read-only view of a case dataclass with localized texts resolved to one language."""

    __slots__ = ("_language", "_obj")

    def __init__(self, obj: Any, language: str):
        self._obj = obj
        self._language = language

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in _HIDDEN:
            raise AttributeError(name)
        return _resolve(getattr(self._obj, name), self._language)

    def __repr__(self) -> str:
        return f"<{type(self._obj).__name__} {getattr(self._obj, 'id', '')}>"


def _resolve(value: Any, language: str) -> Any:
    if isinstance(value, str | int | float | PartialDate) or value is None:
        return value
    if is_localized_map(value):
        text = pick(value, language)
        if text is None:  # e.g. a source title kept only in its original language
            text = next(iter(value.values()))
        return text
    if isinstance(value, tuple | list):
        return [_resolve(v, language) for v in value]
    if isinstance(value, Mapping):
        return {k: _resolve(v, language) for k, v in value.items()}
    if is_dataclass(value):
        return LocalView(value, language)
    return value


class PersonView(LocalView):
    """The person: ``name`` in the letter language, ``forms.genitive`` etc. where given."""

    @property
    def name(self) -> str:
        return pick(self._obj.name, self._language) or next(iter(self._obj.name.values()), "")

    @property
    def names(self) -> dict[str, str]:
        """The name in every language (``names.en`` in a Ukrainian letter)."""
        return dict(self._obj.name)

    @property
    def forms(self) -> dict[str, str]:
        """The name as the letter's language declines it (``forms.genitive``), if given."""
        return dict(self._obj.forms.get(self._language, {}))


class FactView(LocalView):
    """One fact as ``case.fact('id')`` gives it; reading its ``text`` or ``as_of`` is told to
    ``on_use(fact_id, "text" | "as_of")``, so ``check`` knows which facts a letter states
    and which it dates ("as of 29 May 2020")."""

    __slots__ = ("_on_use",)

    def __init__(self, obj: Any, language: str, on_use: Any):
        super().__init__(obj, language)
        self._on_use = on_use

    @property
    def text(self) -> Any:
        self._on_use(self._obj.id, "text")
        return _resolve(self._obj.text, self._language)

    @property
    def as_of(self) -> PartialDate | None:
        self._on_use(self._obj.id, "as_of")
        return self._obj.as_of


class CaseView(LocalView):
    """``case`` in templates: lists of events, facts, arguments, demands, supporters, sources.

    ``on_use``: told when a template reads a fact's text or date (see FactView)."""

    def __init__(self, case: Case, language: str, on_missing: Any, on_use: Any = None):
        super().__init__(case, language)
        self._missing = on_missing
        self._on_use = on_use or (lambda fact_id, what: None)

    __slots__ = ("_missing", "_on_use")

    @property
    def person(self) -> PersonView:
        return PersonView(self._obj.person, self._language)

    def _find(self, kind: str, items: Any, item_id: str) -> LocalView:
        for item in items:
            if item.id == item_id:
                return LocalView(item, self._language)
        known = ", ".join(i.id for i in items) or "none"
        raise self._missing(
            _("the case has no {kind} '{item_id}'").format(kind=kind, item_id=item_id),
            _("known {kind} ids: {known}").format(kind=kind, known=known),
        )

    def fact(self, fact_id: str) -> LocalView:
        found = self._find("fact", self._obj.facts, fact_id)
        return FactView(found._obj, self._language, self._on_use)

    def event(self, event_id: str) -> LocalView:
        return self._find("timeline event", self._obj.timeline, event_id)

    def argument(self, argument_id: str) -> LocalView:
        return self._find("argument", self._obj.arguments, argument_id)

    def demand(self, demand_id: str) -> LocalView:
        return self._find("demand", self._obj.demands, demand_id)

    def supporter(self, supporter_id: str) -> LocalView:
        return self._find("supporter", self._obj.supporters, supporter_id)

    def source(self, source_id: str) -> LocalView:
        return self._find("source", self._obj.sources, source_id)

    def supporters_of_kind(self, kind: str) -> list[LocalView]:
        """The supporters of one kind ("parliamentarian", "ngo"…), in file order."""
        return [LocalView(s, self._language) for s in self._obj.supporters if s.kind == kind]
