"""Reading and checking the case file: the one loader the command line and the Case tab use.

An unsourced claim in an appeal can be turned against the person it defends, so the
loader refuses a fact, event or argument that names no source, or a source id that does
not exist, and requires every letter text in every language the case declares. It reads
the whole file before it answers, so the user sees every problem at once, each at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from campaign_app.core.case.model import Argument, Case, Demand, Event, Fact, Person, Point, Source, Supporter
from campaign_app.core.case.rules import (
    KNOWN_KEYS,
    Problem,
    described,
    event_kind_problem,
    id_used_twice,
    kind_problem,
    missing_date,
    no_id,
    no_source,
    not_a_date,
    point_described,
    unknown_key,
    unknown_language,
    unknown_source,
    url_problem,
)
from campaign_app.core.common.controls import hidden_characters
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import Location, ProblemCollector, UserError
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.localized import Localized, is_language_tag, is_localized_map
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, read_yaml_text
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

_ID_HINT = N_("write a short word such as 'supreme-court-2020' (a number in quotes: id: '12')")


class _CaseReader:
    """Walks the loaded YAML, building model objects and collecting located problems."""

    def __init__(self, path: Path, root: Mapping[str, Any]):
        self.path = path
        self.root = YamlPlace(path, root, 1)
        self.problems = ProblemCollector()
        self.languages: tuple[str, ...] = ()
        self.source_ids: set[str] = set()
        self.sources_broken = False  # then "cites unknown source" would only repeat the problem
        self.warnings: list[UserError] = []  # what the file has but the case does not know

    def fail(self, message: str, where: Location, hint: str | None = None) -> None:
        self.problems.add(message, where, hint)

    def report(self, problem: Problem, where: Location) -> None:
        """A problem by one of the rules the Case tab also checks (rules.py)."""
        self.problems.add(problem.message, where, problem.hint)

    def keys(self, place: YamlPlace, what: str) -> None:
        """Every key of this part of the file that the case file does not know, at its line:
        a warning (a typo such as 'as-of:' would drop a date without a word); keys starting
        with 'x-' are the user's own notes and are kept silently."""
        for key in place.node:
            if key not in KNOWN_KEYS[what] and not str(key).startswith("x-"):
                problem = unknown_key(what, key)
                self.warnings.append(UserError(problem.message, place.at(key), problem.hint))

    # ---- one value ----

    def text(
        self, place: YamlPlace, key: str, required: bool = True, all_languages: bool = True
    ) -> Localized:
        """A letter text: one text, or a map by language holding every case language
        (``all_languages=False``: any languages, as a source's title in its original one)."""
        node = place.node
        if key not in node or node[key] in (None, ""):
            if required:
                hint = _("add '{key}:' with a text per language").format(key=key)
                self.fail(_("missing '{key}'").format(key=key), place.here(), hint)
            return ""
        value = node[key]
        if isinstance(value, str):
            if all_languages and len(self.languages) > 1:
                self.fail(
                    _("'{key}' must exist in every case language ({languages})").format(
                        key=key, languages=", ".join(self.languages)
                    ),
                    place.at(key),
                    _("write it as {{{languages}}}").format(
                        languages=", ".join(f"{lang}: …" for lang in self.languages)
                    ),
                )
            self.problems.extend(hidden_characters([(key, value, place.at(key))]))
            return str(value)
        if not is_localized_map(value):
            self.fail(
                _("'{key}' must be text or a map by language, not {kind}").format(key=key, kind=kind(value)),
                place.at(key),
                localized_hint(key, self.languages),
            )
            return ""
        if not language_values_are_texts(place, key, self.problems):
            return ""
        # An empty text is no text (``uk: ''`` is no Ukrainian title: a footnote named its id)
        texts = {str(k): str(v) for k, v in value.items() if v is not None and str(v).strip()}
        missing = [lang for lang in self.languages if lang not in texts] if all_languages else []
        if missing:
            self.fail(
                _("'{key}' has no {missing} text").format(key=key, missing=", ".join(missing)),
                place.at(key),
                _("add the {missing} version").format(missing=", ".join(missing)),
            )
        elif required and not texts:
            hint = _("add '{key}:' with a text per language").format(key=key)
            self.fail(_("missing '{key}'").format(key=key), place.at(key), hint)
        at = place.child(key).at  # a character that does not show: said at the language's line
        self.problems.extend(hidden_characters((f"{key} ({k})", v, at(k)) for k, v in texts.items()))
        return texts

    def ident(self, place: YamlPlace, seen: set[str], what: str) -> str:
        """The item's ``id``, text and unique among ``seen`` (to which it is added)."""
        value = place.node.get("id")
        if value is not None and value != "" and not isinstance(value, str):
            problem = _("{what} id must be text, not {kind}").format(what=_(what), kind=kind(value))
            self.fail(problem, place.at("id"), _(_ID_HINT))
            return ""
        if not isinstance(value, str) or not value:
            self.report(no_id(what), place.here())
            return ""
        if value in seen:
            self.report(id_used_twice(what, value), place.at("id"))
        seen.add(value)
        return value

    def date(self, place: YamlPlace, key: str, required: bool) -> PartialDate | None:
        """A date known to the day, the month or the year (YYYY-MM-DD, YYYY-MM, YYYY)."""
        if key not in place.node or place.node[key] in (None, ""):
            if required:
                self.report(missing_date(key), place.here())
            return None
        try:
            return PartialDate.parse(place.node[key])
        except ValueError:
            self.report(not_a_date(key, place.node[key]), place.at(key))
            return None

    def source_refs(self, place: YamlPlace, what: str) -> tuple[str, ...]:
        """``sources:`` of an item: at least one, each the id of a source of the case."""
        refs = place.node.get("sources")
        if not refs:
            self.report(no_source(what), place.here())
            return ()
        if isinstance(refs, str):
            refs = [refs]
        if not isinstance(refs, list) or not all(is_scalar(r) for r in refs):
            self.fail(
                _("'sources' of {what} must be a list of source ids, not {kind}").format(
                    what=_(what), kind=kind(refs)
                ),
                place.at("sources"),
                _("write it as 'sources: [source-id, other-id]'"),
            )
            return ()
        out = []
        for r in refs:
            if str(r) not in self.source_ids and not self.sources_broken:
                self.report(unknown_source(what, r), place.at("sources"))
            out.append(str(r))
        return tuple(out)

    def items(self, key: str, required: bool = True) -> list[YamlPlace]:
        """The items of a top-level list such as ``facts:``, each a place with its line."""
        node = self.root.node
        if key not in node or node[key] is None:
            if required:
                hint = _("add a '{key}:' list").format(key=key)
                self.fail(_("missing '{key}'").format(key=key), self.root.here(), hint)
            return []
        return list_of_mappings(self.root, key, f"'{key}'", self.problems)

    # ---- the parts of the file, in the order their problems are reported ----

    def case_id(self) -> str:
        """The case's ``id``: the contact log records it with every letter."""
        node = self.root.node
        case_id = node.get("id")
        if case_id is not None and case_id != "" and not isinstance(case_id, str):
            problem = _("the case id must be text, not {kind}").format(kind=kind(case_id))
            self.fail(problem, self.root.at("id"), _(_ID_HINT))
        elif not case_id:
            self.fail(_("case has no 'id'"), self.root.here(), _("add 'id: short-case-name'"))
        return str(case_id)

    def case_languages(self) -> tuple[str, ...]:
        """The letter languages: every letter text must exist in each of them."""
        node = self.root.node
        here = self.root
        langs = node.get("languages") or []
        if not isinstance(langs, list) or not langs or not all(is_language_tag(x) for x in langs):
            self.fail(
                _("'languages' must list the letter languages, not {kind}").format(kind=kind(langs))
                if not isinstance(langs, list)
                else _("'languages' must list the letter languages"),
                here.at("languages") if "languages" in node else here.here(),
                _("write them as a list of language codes, e.g. 'languages: [en, uk]'"),
            )
            langs = []
        unknown = {str(x): problem for x in langs if (problem := unknown_language(str(x)))}
        for problem in unknown.values():  # reported once here, not at every text that lacks it
            self.report(problem, here.at("languages"))
        return tuple(str(x) for x in langs if str(x) not in unknown)

    def sources(self) -> tuple[Source, ...]:
        """The sources, read before the items that cite them."""
        sources = []
        seen: set[str] = set()
        for p in self.items("sources"):
            sources.append(self.source(p, seen))
        self.source_ids = {s.id for s in sources}
        raw = self.root.node.get("sources")
        # A source that could not be read leaves its id unknown: skip "cites unknown source".
        self.sources_broken = not isinstance(raw, list) or len(raw) != len([s for s in sources if s.id])
        return tuple(sources)

    def source(self, p: YamlPlace, seen: set[str]) -> Source:
        self.keys(p, "source")
        sid = self.ident(p, seen, "source")
        title = self.text(p, "title", all_languages=False)
        url = plain_text(p, "url", self.problems)
        bad_url = url_problem(sid, url)
        if bad_url:
            self.report(bad_url, p.at("url"))
        return Source(
            id=sid,
            title=title,
            publisher=self.text(p, "publisher", required=False, all_languages=False),
            date=self.date(p, "date", required=False),
            url=url,
            footnotes=whole_numbers(p, "footnotes", self.problems),
            note=self.text(p, "note", required=False, all_languages=False),
        )

    def person(self) -> Person:
        """The person the case is about: names and grammatical forms per language."""
        here = self.root
        node = here.node.get("person")
        if not isinstance(node, Mapping):
            if node is None:
                self.fail(
                    _("missing 'person'"), here.here(), _("add 'person:' with the name in each language")
                )
            else:
                self.fail(
                    _("'person' must be 'key: value' lines, not {kind}").format(kind=kind(node)),
                    here.at("person"),
                    _(
                        "write 'person:' and, indented under it, 'name: {en: …, uk: …}' "
                        "and 'gender: f' or 'm'"
                    ),
                )
            return Person(name={})
        pp = here.child("person")
        self.keys(pp, "person")
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
        hint = _("write 'forms:', then per language e.g. 'uk: {genitive: …, dative: …}'")
        if not isinstance(forms, Mapping):
            problem = _("'forms' must be a mapping by language, not {kind}").format(kind=kind(forms))
            self.fail(problem, pp.at("forms"), hint)
            return {}
        out: dict[str, dict[str, str]] = {}
        fp = pp.child("forms")
        for lang, by_case in forms.items():
            if not isinstance(by_case, Mapping):
                problem = _("the {lang} forms must be 'case: name' pairs, not {kind}")
                self.fail(problem.format(lang=lang, kind=kind(by_case)), fp.at(lang), hint)
                continue
            cp = fp.child(lang)
            bad = [c for c, v in by_case.items() if not is_scalar(v)]
            for c in bad:
                problem = _("the {lang} {c} form must be text, not {kind}")
                self.fail(problem.format(lang=lang, c=c, kind=kind(by_case[c])), cp.at(c), _(TEXT_HINT))
            out[str(lang)] = {str(c): str(v) for c, v in by_case.items() if c not in bad and v is not None}
            named = out[str(lang)].items()
            self.problems.extend(hidden_characters((f"{c} ({lang})", v, cp.at(c)) for c, v in named))
        return out

    def timeline(self) -> tuple[Event, ...]:
        timeline = []
        seen: set[str] = set()
        for p in self.items("timeline"):
            self.keys(p, "timeline event")
            eid = self.ident(p, seen, "timeline event")
            event_kind = plain_text(p, "kind", self.problems)
            unknown_kind = event_kind_problem(eid, event_kind)
            if unknown_kind:
                self.report(unknown_kind, p.at("kind"))
            timeline.append(
                Event(
                    id=eid,
                    date=self.date(p, "date", required=True) or PartialDate(1),
                    text=self.text(p, "text"),
                    sources=self.source_refs(p, described("timeline event", eid)),
                    kind=event_kind,
                )
            )
        return tuple(timeline)

    def facts(self) -> tuple[Fact, ...]:
        facts = []
        seen: set[str] = set()
        for p in self.items("facts", required=False):
            self.keys(p, "fact")
            fid = self.ident(p, seen, "fact")
            text, refs = self.text(p, "text"), self.source_refs(p, described("fact", fid))
            facts.append(Fact(fid, text, refs, self.date(p, "as_of", required=False)))
        return tuple(facts)

    def arguments(self) -> tuple[Argument, ...]:
        arguments = []
        seen: set[str] = set()
        for p in self.items("arguments", required=False):
            self.keys(p, "argument")
            aid = self.ident(p, seen, "argument")
            points = self.points(p, aid)
            arguments.append(
                Argument(aid, plain_text(p, "label", self.problems), self.text(p, "title"), points)
            )
        return tuple(arguments)

    def points(self, p: YamlPlace, aid: str) -> tuple[Point, ...]:
        """An argument's points (optional), each with its text and sources."""
        has_points = p.node.get("points") not in (None, "")
        pts = (
            list_of_mappings(p, "points", f"points of argument '{aid}'", self.problems) if has_points else []
        )
        for ppl in pts:
            self.keys(ppl, "point")
        return tuple(
            Point(self.text(ppl, "text"), self.source_refs(ppl, point_described(aid, i + 1)))
            for i, ppl in enumerate(pts)
        )

    def demands(self) -> tuple[Demand, ...]:
        demands = []
        seen: set[str] = set()
        for p in self.items("demands"):
            self.keys(p, "demand")
            did = self.ident(p, seen, "demand")
            demands.append(Demand(did, self.text(p, "text")))
        return tuple(demands)

    def supporters(self) -> tuple[Supporter, ...]:
        supporters = []
        seen: set[str] = set()
        for p in self.items("supporters", required=False):
            supporters.append(self.supporter(p, seen))
        return tuple(supporters)

    def supporter(self, p: YamlPlace, seen: set[str]) -> Supporter:
        """One supporter; ``kind`` must be one of SUPPORTER_KINDS (templates pick by it)."""
        self.keys(p, "supporter")
        sid = self.ident(p, seen, "supporter")
        supporter_kind = plain_text(p, "kind", self.problems)
        unknown_kind = kind_problem(sid, supporter_kind)
        if unknown_kind and is_scalar(p.node.get("kind")):  # else plain_text reported it
            self.report(unknown_kind, p.at("kind") if "kind" in p.node else p.here())
        return Supporter(
            id=sid,
            name=self.text(p, "name"),
            kind=supporter_kind,
            date=self.date(p, "date", required=False),
            sources=self.source_refs(p, described("supporter", sid)),
            recipient=plain_text(p, "recipient", self.problems),
        )

    def read(self) -> Case:
        """The whole case; every problem found is raised together (UserError or UserErrors)."""
        self.keys(self.root, "case file")
        case_id = self.case_id()
        self.languages = self.case_languages()
        sources = self.sources()
        person = self.person()
        timeline = self.timeline()
        facts = self.facts()
        arguments = self.arguments()
        demands = self.demands()
        supporters = self.supporters()
        title = self.text(self.root, "title")
        summary = self.text(self.root, "summary")
        self.problems.raise_if_any(causes=self.warnings)  # 'source:' is why "names no source"
        return Case(
            id=case_id,
            languages=self.languages,
            title=title,
            person=person,
            summary=summary,
            timeline=timeline,
            facts=facts,
            arguments=arguments,
            demands=demands,
            supporters=supporters,
            sources=sources,
            path=self.path,
            warnings=tuple(self.warnings),
        )


def load_case(path: Path) -> Case:
    """Load and validate a case file; every problem is reported with its line."""
    return load_case_text(read_text(path), path)


def load_case_text(text: str, path: Path) -> Case:
    """Validate case-file text as the file ``path`` (the editor checks before it writes)."""
    data = read_yaml_text(text, path)
    if not isinstance(data, Mapping):
        raise not_a_case_file(path)
    return _CaseReader(path, data).read()


def not_a_case_file(path: Path) -> UserError:
    """The problem with a file that is YAML but not a mapping (a list, one text, nothing)."""
    problem, hint = _("a case file must be a mapping of keys"), _("start with 'id: …'")
    return UserError(problem, Location.of(path, 1), hint)
