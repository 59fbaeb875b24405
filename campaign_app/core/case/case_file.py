"""The case file: the facts of one case, each tied to the sources that back it.

An unsourced claim in an appeal can be turned against the person it defends, so the
loader refuses a fact, event or argument that names no source, or a source id that does
not exist, and requires every letter text in every language the case declares.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import Location, ProblemCollector, UserError
from campaign_app.core.common.localized import Localized, is_language_tag, is_localized_map
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text
from campaign_app.core.common.yamltypes import (
    TEXT_HINT,
    is_scalar,
    kind,
    language_values_are_texts,
    list_of_mappings,
    localized_hint,
    plain_text,
    whole_numbers,
)

_ID_HINT = "write a short word such as 'supreme-court-2020' (a number in quotes: id: '12')"
SUPPORTER_KINDS = ("official", "parliamentarian", "un", "international_organisation", "ngo", "activists")


@dataclass(frozen=True)
class Source:
    id: str
    title: Localized
    publisher: str = ""
    date: PartialDate | None = None
    url: str = ""
    footnotes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    text: Localized
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    id: str
    text: Localized
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    text: Localized
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Argument:
    id: str
    label: str
    title: Localized
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Demand:
    id: str
    text: Localized


@dataclass(frozen=True)
class Supporter:
    id: str
    name: Localized
    kind: str
    date: PartialDate | None
    sources: tuple[str, ...]
    recipient: str = ""


@dataclass(frozen=True)
class Person:
    name: Mapping[str, str]
    gender: str = ""
    description: Localized = ""
    forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    id: str
    languages: tuple[str, ...]
    title: Localized
    person: Person
    summary: Localized
    timeline: tuple[Event, ...]
    facts: tuple[Fact, ...]
    arguments: tuple[Argument, ...]
    demands: tuple[Demand, ...]
    supporters: tuple[Supporter, ...]
    sources: tuple[Source, ...]
    path: Path | None = None

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def cited_source_ids(self) -> set[str]:
        used: set[str] = set()
        for item in (*self.timeline, *self.facts, *self.supporters):
            used.update(item.sources)
        for arg in self.arguments:
            for p in arg.points:
                used.update(p.sources)
        return used


class _CaseReader:
    """Walks the loaded YAML, building model objects and collecting located problems."""

    def __init__(self, path: Path, root: Any):
        self.path = path
        self.root = YamlPlace(path, root, 1)
        self.problems = ProblemCollector()
        self.languages: tuple[str, ...] = ()
        self.source_ids: set[str] = set()
        self.sources_broken = False  # then "cites unknown source" would only repeat the problem

    def fail(self, message: str, where: Location, hint: str | None = None) -> None:
        self.problems.add(message, where, hint)

    def text(
        self, place: YamlPlace, key: str, required: bool = True, all_languages: bool = True
    ) -> Localized:
        node = place.node
        if key not in node or node[key] in (None, ""):
            if required:
                self.fail(f"missing '{key}'", place.here(), f"add '{key}:' with a text per language")
            return ""
        value = node[key]
        if isinstance(value, str):
            if all_languages and len(self.languages) > 1:
                self.fail(
                    f"'{key}' must exist in every case language ({', '.join(self.languages)})",
                    place.at(key),
                    "write it as {" + ", ".join(f"{lang}: …" for lang in self.languages) + "}",
                )
            return str(value)
        if not is_localized_map(value):
            self.fail(
                f"'{key}' must be text or a map by language, not {kind(value)}",
                place.at(key),
                localized_hint(key, self.languages),
            )
            return ""
        if not language_values_are_texts(place, key, self.problems):
            return ""
        if all_languages:
            missing = [lang for lang in self.languages if not value.get(lang)]
            if missing:
                self.fail(
                    f"'{key}' has no {', '.join(missing)} text",
                    place.at(key),
                    f"add the {', '.join(missing)} version",
                )
        return {str(k): str(v) for k, v in value.items() if v is not None}

    def ident(self, place: YamlPlace, seen: set[str], what: str) -> str:
        value = place.node.get("id")
        if value is not None and value != "" and not isinstance(value, str):
            self.fail(f"{what} id must be text, not {kind(value)}", place.at("id"), _ID_HINT)
            return ""
        if not value:
            self.fail(
                f"{what} has no 'id'", place.here(), "give it a short unique id such as 'supreme-court-2020'"
            )
            return ""
        if value in seen:
            self.fail(f"{what} id '{value}' is used twice", place.at("id"), "make each id unique")
        seen.add(value)
        return value

    def date(self, place: YamlPlace, key: str, required: bool) -> PartialDate | None:
        if key not in place.node or place.node[key] in (None, ""):
            if required:
                self.fail(f"missing '{key}'", place.here(), "write it as YYYY-MM-DD, YYYY-MM or YYYY")
            return None
        try:
            return PartialDate.parse(place.node[key])
        except ValueError:
            self.fail(
                f"'{key}' {place.node[key]!r} is not a date",
                place.at(key),
                "write it as YYYY-MM-DD, YYYY-MM or YYYY",
            )
            return None

    def source_refs(self, place: YamlPlace, what: str) -> tuple[str, ...]:
        refs = place.node.get("sources")
        if not refs:
            self.fail(f"{what} names no source", place.here(), "add 'sources: [source-id]' backing it")
            return ()
        if isinstance(refs, str):
            refs = [refs]
        if not isinstance(refs, list) or not all(is_scalar(r) for r in refs):
            self.fail(
                f"'sources' of {what} must be a list of source ids, not {kind(refs)}",
                place.at("sources"),
                "write it as 'sources: [source-id, other-id]'",
            )
            return ()
        out = []
        for r in refs:
            if str(r) not in self.source_ids and not self.sources_broken:
                self.fail(
                    f"{what} cites unknown source '{r}'",
                    place.at("sources"),
                    "add it under 'sources:' or correct the id",
                )
            out.append(str(r))
        return tuple(out)

    def person(self) -> Person:
        """The person the case is about: names and grammatical forms per language."""
        here = self.root
        node = here.node.get("person")
        if not isinstance(node, Mapping):
            if node is None:
                self.fail("missing 'person'", here.here(), "add 'person:' with the name in each language")
            else:
                self.fail(
                    f"'person' must be 'key: value' lines, not {kind(node)}",
                    here.at("person"),
                    "write 'person:' and, indented under it, 'name: {en: …, uk: …}' and 'gender: f' or 'm'",
                )
            return Person(name={})
        pp = here.child("person")
        name = self.text(pp, "name")
        return Person(
            name=name if isinstance(name, Mapping) else {lang: name for lang in self.languages},
            gender=plain_text(pp, "gender", self.problems),
            description=self.text(pp, "description", required=False),
            forms=self.forms(pp),
        )

    def forms(self, pp: YamlPlace) -> dict[str, dict[str, str]]:
        """``forms: {uk: {genitive: …}}``: the name as each language declines it."""
        forms = pp.node.get("forms")
        if forms is None:
            return {}
        hint = "write 'forms:', then per language e.g. 'uk: {genitive: …, dative: …}'"
        if not isinstance(forms, Mapping):
            self.fail(f"'forms' must be a mapping by language, not {kind(forms)}", pp.at("forms"), hint)
            return {}
        out: dict[str, dict[str, str]] = {}
        fp = pp.child("forms")
        for lang, by_case in forms.items():
            if not isinstance(by_case, Mapping):
                self.fail(
                    f"the {lang} forms must be 'case: name' pairs, not {kind(by_case)}", fp.at(lang), hint
                )
                continue
            cp = fp.child(lang)
            bad = [c for c, v in by_case.items() if not is_scalar(v)]
            for c in bad:
                self.fail(f"the {lang} {c} form must be text, not {kind(by_case[c])}", cp.at(c), TEXT_HINT)
            out[str(lang)] = {str(c): str(v) for c, v in by_case.items() if c not in bad and v is not None}
        return out

    def items(self, key: str, required: bool = True) -> list[YamlPlace]:
        node = self.root.node
        if key not in node or node[key] is None:
            if required:
                self.fail(f"missing '{key}'", self.root.here(), f"add a '{key}:' list")
            return []
        return list_of_mappings(self.root, key, f"'{key}'", self.problems)

    def read(self) -> Case:
        node = self.root.node
        here = self.root
        case_id = node.get("id")
        if case_id is not None and case_id != "" and not isinstance(case_id, str):
            self.fail(f"the case id must be text, not {kind(case_id)}", here.at("id"), _ID_HINT)
        elif not case_id:
            self.fail("case has no 'id'", here.here(), "add 'id: short-case-name'")
        langs = node.get("languages") or []
        if not isinstance(langs, list) or not langs or not all(is_language_tag(x) for x in langs):
            self.fail(
                "'languages' must list the letter languages"
                + (f", not {kind(langs)}" if not isinstance(langs, list) else ""),
                here.at("languages") if "languages" in node else here.here(),
                "write them as a list of language codes, e.g. 'languages: [en, uk]'",
            )
            langs = []
        self.languages = tuple(str(x) for x in langs)

        sources = []
        seen: set[str] = set()
        for p in self.items("sources"):
            sid = self.ident(p, seen, "source")
            title = self.text(p, "title", all_languages=False)
            url = plain_text(p, "url", self.problems)
            if url and not url.startswith(("http://", "https://")):
                self.fail(
                    f"source '{sid}' url is not a web address", p.at("url"), "use a full http(s):// URL"
                )
            sources.append(
                Source(
                    id=sid,
                    title=title,
                    publisher=plain_text(p, "publisher", self.problems),
                    date=self.date(p, "date", required=False),
                    url=url,
                    footnotes=whole_numbers(p, "footnotes", self.problems),
                )
            )
        self.source_ids = {s.id for s in sources}
        raw = node.get("sources")
        # A source that could not be read leaves its id unknown: skip "cites unknown source".
        self.sources_broken = not isinstance(raw, list) or len(raw) != len([s for s in sources if s.id])

        person = self.person()

        timeline = []
        seen = set()
        for p in self.items("timeline"):
            eid = self.ident(p, seen, "timeline event")
            timeline.append(
                Event(
                    id=eid,
                    date=self.date(p, "date", required=True) or PartialDate(1),
                    text=self.text(p, "text"),
                    sources=self.source_refs(p, f"timeline event '{eid}'"),
                )
            )
        facts = []
        seen = set()
        for p in self.items("facts", required=False):
            fid = self.ident(p, seen, "fact")
            facts.append(Fact(fid, self.text(p, "text"), self.source_refs(p, f"fact '{fid}'")))
        arguments = []
        seen = set()
        for p in self.items("arguments", required=False):
            aid = self.ident(p, seen, "argument")
            points = []
            has_points = p.node.get("points") not in (None, "")
            pts = (
                list_of_mappings(p, "points", f"points of argument '{aid}'", self.problems)
                if has_points
                else []
            )
            for i, ppl in enumerate(pts):
                points.append(
                    Point(self.text(ppl, "text"), self.source_refs(ppl, f"argument '{aid}' point {i + 1}"))
                )
            arguments.append(
                Argument(aid, plain_text(p, "label", self.problems), self.text(p, "title"), tuple(points))
            )
        demands = []
        seen = set()
        for p in self.items("demands"):
            did = self.ident(p, seen, "demand")
            demands.append(Demand(did, self.text(p, "text")))
        supporters = []
        seen = set()
        for p in self.items("supporters", required=False):
            sid = self.ident(p, seen, "supporter")
            supporter_kind = plain_text(p, "kind", self.problems)
            if supporter_kind not in SUPPORTER_KINDS and is_scalar(p.node.get("kind")):
                self.fail(
                    f"supporter '{sid}' has unknown kind '{supporter_kind}'",
                    p.at("kind") if "kind" in p.node else p.here(),
                    f"use one of {', '.join(SUPPORTER_KINDS)}",
                )
            supporters.append(
                Supporter(
                    id=sid,
                    name=self.text(p, "name"),
                    kind=supporter_kind,
                    date=self.date(p, "date", required=False),
                    sources=self.source_refs(p, f"supporter '{sid}'"),
                    recipient=plain_text(p, "recipient", self.problems),
                )
            )
        title = self.text(here, "title")
        summary = self.text(here, "summary")
        self.problems.raise_if_any()
        return Case(
            id=str(case_id),
            languages=self.languages,
            title=title,
            person=person,
            summary=summary,
            timeline=tuple(timeline),
            facts=tuple(facts),
            arguments=tuple(arguments),
            demands=tuple(demands),
            supporters=tuple(supporters),
            sources=tuple(sources),
            path=self.path,
        )


def load_case(path: Path) -> Case:
    """Load and validate a case file; every problem is reported with its line."""
    return load_case_text(read_text(path), path)


def load_case_text(text: str, path: Path) -> Case:
    """Validate case-file text as the file ``path`` (the editor checks before it writes)."""
    data = load_yaml_text(text, path)
    if not isinstance(data, Mapping):
        raise UserError("a case file must be a mapping of keys", Location.of(path, 1), "start with 'id: …'")
    return _CaseReader(path, data).read()
