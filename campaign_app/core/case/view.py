"""The case as a template sees it: every text already in the letter's language.

Template authors write ``{{ case.person.name }}`` and get «Жанара Ахметова» in a Ukrainian
letter and "Zhanara Akhmetova" in an English one; they never handle language maps.
Looking up a fact or event that does not exist is a template error at its line.

A text the case does not have in the letter's language is never replaced silently: the
letter uses another case language's text only where its template names one
(``fallback_language:``), and otherwise stops with an error naming the text by its path in
the case (``facts/supreme-court/text``, as ``case translate export`` names it). That rule is
:class:`Wording`, used for every case text a letter states.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, is_dataclass
from typing import Any

from campaign_app.core.case.model import Case
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import LISTED_IDS, did_you_mean
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import is_localized_map, pick

# Fields that are bookkeeping, not letter content: the file a case was read from, its
# warnings, and a source's note (the campaign's own remark, never a letter's words).
_HIDDEN = frozenset({"path", "warnings", "note"})


@dataclass(frozen=True)
class Wording:
    """The one rule for a case text in a letter: the text in the letter's ``language`` (or
    its primary subtag's: ``kk`` for ``kk-Latn``); else, only when the template names one,
    the ``fallback`` language's; else ``missing(message, hint)`` is raised, naming the text.

    One text shared by every language is every language's. A source's title may stay in
    its original language (``as_given``): a document is cited by the title it has."""

    language: str
    fallback: str | None
    missing: Callable[[str, str], Exception]

    def text(self, value: Any, path: str, as_given: bool = False) -> str:
        found = pick(value, self.language, self.fallback)
        if found is not None:
            return found
        if as_given and isinstance(value, Mapping) and value:
            return str(next(iter(value.values())))
        raise self.missing(*self.lacking(path))

    def lacking(self, path: str) -> tuple[str, str]:
        """What to say about a text the case lacks in the letter's language: message, hint."""
        lang = self.language
        export = f"campaign-app case translate export {lang} FILE.po"
        if self.fallback:
            return (
                _("the case has no {language} or {fallback} text for '{path}'").format(
                    language=lang, fallback=self.fallback, path=path
                ),
                _("translate it ({command})").format(command=export),
            )
        return (
            _("the case has no {language} text for '{path}'").format(language=lang, path=path),
            _(
                "translate it ({command}), or name a case language to use instead in the template's "
                "front matter, e.g. 'fallback_language: en'"
            ).format(command=export),
        )


class LocalView:
    """Read-only view of a case dataclass with localized texts resolved to one language;
    ``path``: where it is in the case (``facts/roles``), to name a missing text."""

    __slots__ = ("_obj", "_path", "_wording")

    def __init__(self, obj: Any, wording: Wording, path: str = ""):
        self._obj = obj
        self._wording = wording
        self._path = path

    @property
    def _language(self) -> str:
        return self._wording.language

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name in _HIDDEN:
            raise AttributeError(name)
        return _resolve(getattr(self._obj, name), self._wording, _join(self._path, name))

    def __repr__(self) -> str:
        return f"<{type(self._obj).__name__} {getattr(self._obj, 'id', '')}>"


def _join(path: str, name: Any) -> str:
    return f"{path}/{name}" if path else str(name)


def _resolve(value: Any, wording: Wording, path: str) -> Any:
    if isinstance(value, str | int | float | PartialDate) or value is None:
        return value
    if is_localized_map(value):
        return wording.text(value, path, as_given=path.startswith("sources/"))
    if isinstance(value, tuple | list):
        return [_resolve(v, wording, _join(path, _item_key(v, i))) for i, v in enumerate(value)]
    if isinstance(value, Mapping):
        return {k: _resolve(v, wording, _join(path, k)) for k, v in value.items()}
    if is_dataclass(value):
        return LocalView(value, wording, path)
    return value


def _item_key(item: Any, index: int) -> Any:
    """An item of a list is named by its id (``facts/roles``), a point by its number from 1."""
    return getattr(item, "id", None) or index + 1


class PersonView(LocalView):
    """The person: ``name`` in the letter language, ``forms.genitive`` etc. where given."""

    @property
    def name(self) -> str:
        return self._wording.text(self._obj.name, "person/name")

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

    def __init__(self, obj: Any, wording: Wording, on_use: Any):
        super().__init__(obj, wording, f"facts/{obj.id}")
        self._on_use = on_use

    @property
    def text(self) -> Any:
        self._on_use(self._obj.id, "text")
        return _resolve(self._obj.text, self._wording, f"{self._path}/text")

    @property
    def as_of(self) -> PartialDate | None:
        self._on_use(self._obj.id, "as_of")
        return self._obj.as_of


class CaseView(LocalView):
    """``case`` in templates: lists of events, facts, arguments, demands, supporters, sources.

    ``on_use``: told when a template reads a fact's text or date (see FactView)."""

    def __init__(self, case: Case, wording: Wording, on_use: Any = None):
        super().__init__(case, wording)
        self._on_use = on_use or (lambda fact_id, what: None)

    __slots__ = ("_on_use",)

    @property
    def person(self) -> PersonView:
        return PersonView(self._obj.person, self._wording, "person")

    def _find(self, kind: str, section: str, item_id: str) -> LocalView:
        items = getattr(self._obj, section)
        for item in items:
            if item.id == item_id:
                return LocalView(item, self._wording, f"{section}/{item.id}")
        ids = [i.id for i in items]
        raise self._wording.missing(
            _("the case has no {kind} '{item_id}'").format(kind=kind, item_id=item_id),
            did_you_mean(item_id, ids)
            or (
                _("known {kind} ids: {known}").format(kind=kind, known=", ".join(ids) or "none")
                if len(ids) <= LISTED_IDS
                else _("use an id from the case file's '{section}:' list").format(section=section)
            ),
        )

    def fact(self, fact_id: str) -> LocalView:
        found = self._find("fact", "facts", fact_id)
        return FactView(found._obj, self._wording, self._on_use)

    @property
    def facts(self) -> list[FactView]:
        """Every fact, as ``case.fact('id')`` gives each: a template that writes them all
        in a loop states each one, and ``check`` must know which (their dates)."""
        return [FactView(f, self._wording, self._on_use) for f in self._obj.facts]

    def event(self, event_id: str) -> LocalView:
        return self._find("timeline event", "timeline", event_id)

    def argument(self, argument_id: str) -> LocalView:
        return self._find("argument", "arguments", argument_id)

    def demand(self, demand_id: str) -> LocalView:
        return self._find("demand", "demands", demand_id)

    def supporter(self, supporter_id: str) -> LocalView:
        return self._find("supporter", "supporters", supporter_id)

    def source(self, source_id: str) -> LocalView:
        return self._find("source", "sources", source_id)

    def supporters_of_kind(self, kind: str) -> list[LocalView]:
        """The supporters of one kind ("parliamentarian", "ngo"…), in file order."""
        return [
            LocalView(s, self._wording, f"supporters/{s.id}") for s in self._obj.supporters if s.kind == kind
        ]
