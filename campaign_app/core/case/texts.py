"""Every text of the case that a letter can state, each with a stable path.

A translator needs the case's texts one by one (``case translate export``), ``check`` needs
to count those a language still lacks, and a letter that misses one must say which. All
three name a text by the same path: ``facts/supreme-court/text``,
``arguments/economic-charges/points/2/text``, ``person/forms/genitive``. The walk below is
the one list of them; it reads the case file's round-trip tree (for the file's lines, and
to write translations back) and the loaded :class:`~campaign_app.core.case.model.Case`
alike, since both use the same keys.

``required``: the loader requires the text in every case language (when it is there at
all); those are what ``check`` counts. A source's title and the person's name forms are
offered for translation too, but a title may stay in its original language and not every
language declines names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from campaign_app.core.case.round_trip import date_text
from campaign_app.core.common.i18n import ngettext
from campaign_app.core.common.yamlio import key_line

# (list, key of its text, what an item is called for a translator)
_ITEM_TEXTS = (
    ("timeline", "text", "Timeline event"),
    ("facts", "text", "Fact"),
    ("demands", "text", "Demand"),
    ("supporters", "name", "Name of the supporter"),
)


def _get(obj: Any, key: str) -> Any:
    """``key`` of a mapping of the case file, or the attribute of a loaded case object."""
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


@dataclass(frozen=True)
class CaseText:
    """One text of the case: ``holder[key]`` is ``{language: text}`` (for a name form,
    ``holder`` is ``forms`` and the text is ``holder[language][key]``)."""

    path: str
    holder: Any
    key: str
    what: str  # what the text is, for a translator: "Fact 'roles', as of 2020-05"
    sources: tuple[str, ...] = ()
    required: bool = True
    form: bool = False

    def value(self) -> Any:
        return None if self.form else _get(self.holder, self.key)

    @property
    def shared(self) -> bool:
        """One text for every language (``title: "…"``): nothing to translate."""
        return isinstance(self.value(), str)

    def text(self, language: str) -> str:
        """The text in ``language`` ("" when there is none)."""
        if self.form:
            forms = _get(self.holder, language) if isinstance(self.holder, Mapping) else None
            found = forms.get(self.key) if isinstance(forms, Mapping) else None
        else:
            value = self.value()
            found = value if isinstance(value, str) else (value or {}).get(language)
        return "" if found is None else str(found)

    def languages(self) -> list[str]:
        """The languages the text is given in (none for a shared text)."""
        if self.form:
            return [str(lang) for lang, forms in self.holder.items() if self.key in (forms or {})]
        value = self.value()
        return [str(k) for k, v in value.items() if v not in (None, "")] if isinstance(value, Mapping) else []

    def line(self, language: str) -> int | None:
        """The case file's line of the text in ``language`` (of the text, if not given in
        it); None for a loaded case, which keeps no lines."""
        if self.form:
            return key_line(self.holder.get(language), self.key) if language in self.holder else None
        value = self.value()
        if isinstance(value, Mapping) and language in value:
            return key_line(value, language)
        return key_line(self.holder, self.key)


def case_texts(case: Any) -> list[CaseText]:
    """The case's texts in file order: title, person, summary, timeline, facts, arguments,
    demands, supporters, then the sources' titles. Only texts the case has are listed."""
    return [t for t in _walk(case) if t.value() not in (None, "") or t.form]


def _walk(case: Any) -> Iterator[CaseText]:
    yield CaseText("title", case, "title", "The case's title")
    person = _get(case, "person")
    if person is not None:
        name = _get(person, "name")
        yield CaseText("person/name", person, "name", "The name of the person the case is about")
        yield CaseText("person/description", person, "description", "Who the person is")
        yield from _forms(person, name)
    yield CaseText("summary", case, "summary", "The case's summary")
    for section, key, noun in _ITEM_TEXTS[:2]:
        yield from _items(case, section, key, noun)
    yield from _arguments(case)
    for section, key, noun in _ITEM_TEXTS[2:]:
        yield from _items(case, section, key, noun)
    for source in _get(case, "sources") or ():
        sid = _get(source, "id")
        publisher = _get(source, "publisher")
        if isinstance(publisher, Mapping):
            publisher = next((v for v in publisher.values() if v), "")
        said = (publisher, date_text(_get(source, "date")), _get(source, "url"))
        facts = ", ".join(str(x) for x in said if x)
        what = f"Title of the source '{sid}' in the letters' footnotes" + (f" ({facts})" if facts else "")
        yield CaseText(f"sources/{sid}/title", source, "title", what, required=False)
        if publisher:
            what = f"Publisher of the source '{sid}'"
            yield CaseText(f"sources/{sid}/publisher", source, "publisher", what, required=False)


def _forms(person: Any, name: Any) -> Iterator[CaseText]:
    forms = _get(person, "forms")
    if not isinstance(forms, Mapping):
        return
    names: list[str] = []
    for by_case in forms.values():
        names += [str(c) for c in (by_case or {}) if str(c) not in names]
    for form in names:
        what = (
            f"The person's name in the {form} case (case.person.forms.{form}), as the letter's "
            "language declines it; leave it empty if the language does not"
        )
        yield CaseText(f"person/forms/{form}", forms, form, what, required=False, form=True)


def _items(case: Any, section: str, key: str, noun: str) -> Iterator[CaseText]:
    for item in _get(case, section) or ():
        item_id = _get(item, "id")
        details = [x for x in (date_text(_get(item, "date")), _get(item, "kind")) if x]
        if _get(item, "as_of"):
            details.append(f"as of {date_text(_get(item, 'as_of'))}")
        what = f"{noun} '{item_id}'" + (f" ({', '.join(str(d) for d in details)})" if details else "")
        yield CaseText(f"{section}/{item_id}/{key}", item, key, what, _refs(item))


def _arguments(case: Any) -> Iterator[CaseText]:
    for argument in _get(case, "arguments") or ():
        aid = _get(argument, "id")
        label = _get(argument, "label")
        named = f"argument '{aid}'" + (f" ({label})" if label else "")
        yield CaseText(f"arguments/{aid}/title", argument, "title", f"Title of the {named}")
        for number, point in enumerate(_get(argument, "points") or (), start=1):
            path = f"arguments/{aid}/points/{number}/text"
            yield CaseText(path, point, "text", f"Point {number} of the {named}", _refs(point))


def _refs(item: Any) -> tuple[str, ...]:
    refs = _get(item, "sources") or ()
    return (str(refs),) if isinstance(refs, str) else tuple(str(r) for r in refs)


def untranslated(texts: list[CaseText], language: str) -> list[CaseText]:
    """The texts the case keeps in every case language that ``language`` still lacks."""
    return [t for t in texts if t.required and not t.shared and not t.text(language)]


def languages_in(texts: list[CaseText]) -> list[str]:
    """Every language any text of the case is given in, in order of first appearance."""
    found: list[str] = []
    for t in texts:
        found += [lang for lang in t.languages() if lang not in found]
    return found


NAME_ONLY = ("person/name",)  # a name's spelling in a script: no sign of a translation begun


def translation_gaps(case: Any, template_languages: list[str]) -> list[str]:
    """``check``'s warnings: per language a template writes in or the case has a text in,
    how many of the texts the case keeps in every case language it still lacks.

    The person's name alone does not count: a case often spells it in the person's own
    languages and scripts (the example: ru, kk, kk-Latn) with no letter to write in them,
    and a warning at every check about a translation nobody began teaches users to skip
    warnings. A template in that language, or any other text in it, brings the count back."""
    texts = case_texts(case)
    counted = [t for t in texts if t.required and not t.shared]
    begun = languages_in([t for t in texts if t.path not in NAME_ONLY])
    languages = list(dict.fromkeys([*template_languages, *begun]))
    warnings = []
    for language in languages:
        missing = len(untranslated(texts, language))
        if missing:
            # "required": the export also holds the texts a case may keep in one language
            # (a source's title), so it counts more than this
            gap = ngettext(
                "{language}: {missing} of {total} required case texts not translated "
                "(campaign-app case translate export {language} FILE.po)",
                "{language}: {missing} of {total} required case texts not translated "
                "(campaign-app case translate export {language} FILE.po)",
                len(counted),
            )
            warnings.append(gap.format(language=language, missing=missing, total=len(counted)))
    return warnings
