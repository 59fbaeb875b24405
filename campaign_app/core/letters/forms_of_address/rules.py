"""One language's forms of address, read from its YAML file and checked once.

The files beside this module (``en.yaml``, ``uk.yaml``, …) say, per office and per case of
the recipient (a man, a woman, a person of unknown gender, no person named), how a letter
opens and closes and how the address block names the recipient. They are data so that a
linguist can check and correct them without reading Python, and each group of rules
names its source. A mistake in a file is a UserError at its line, raised the first time
the language is used (and by the tests, for every file).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_file
from campaign_app.core.letters.forms_of_address.vocative import Vocative, read_vocative

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "uk", "ru", "de", "fr", "pl", "es", "it")

# The offices every file describes, in the order they are recognised in a position text
# (the first whose pattern matches wins: "Prime Minister" before "Minister", a Working
# Group's "Chair-Rapporteur" before "Chair"). "official" is the fallback: any other
# official or organisation, and a person the letter addresses by name.
OFFICES = (
    "mep",
    "un_working_group",
    "un_special_rapporteur",
    "un_independent_expert",
    "ambassador",
    "prime_minister",
    "ombudsman",
    "prosecutor_general",
    "president",
    "minister",
    "mp",
    "senator",
    "chair",
    "official",
)
CASES = ("m", "f", "x", "unnamed")  # man, woman, gender unknown, no person named
NAME_FIELDS = ("given", "family", "full_name", "given_voc", "family_voc")
PERSON_FIELDS = (*NAME_FIELDS, "honorific", "academic")
TOP_KEYS = ("language", "footnotes_heading", "example", "honorifics", "vocative", "offices")
OFFICE_KEYS = ("match", "salutation", "closing", "name_line", "title")
_HINT = N_("see the comment at the top of the file for how rules are written")
# What _only() says of a key it does not know, by what the key names.
_UNKNOWN = {
    "key": N_("unknown key '{key}'"),
    "office": N_("unknown office '{key}'"),
    "case": N_("unknown case '{key}'"),
}


@dataclass(frozen=True)
class Forms:
    """One text per case of the recipient (m, f, x, unnamed)."""

    texts: Mapping[str, str]

    def get(self, case: str) -> str:
        return self.texts[case]

    def names_the_person(self, case: str) -> bool:
        """Whether the text for ``case`` uses the recipient's name (not only the office)."""
        return any(field in NAME_FIELDS for field in _fields(self.texts[case]))


@dataclass(frozen=True)
class Office:
    """How one office is recognised and addressed in one language."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    salutation: Forms
    closing_formal: Forms
    closing_less_formal: Forms
    name_line: Forms
    title: Forms | None


@dataclass(frozen=True)
class LanguageRules:
    """Everything one language file says."""

    language: str
    footnotes_heading: str
    # The mark of a letter from the bundled example's made-up sender: the word across each
    # page and the line above the letterhead, in the letter's language (not the interface's:
    # whoever reads the printed letter reads its language)
    example_mark: str
    example_caption: str
    courtesy: Mapping[str, tuple[str, ...]]  # m/f → this language's courtesy titles, first is the default
    courtesy_by_default: bool  # False: {honorific} is only what the directory gives
    titles: Mapping[str, str]  # a directory's academic title (dr, prof…) → as this language writes it
    offices: Mapping[str, Office]
    vocative: Vocative | None
    # True: every title the directory gives is written ("Prof. Dr."); False: the first only
    # ("Prof. Dr." is "Professor" in English)
    combine_titles: bool = False


@cache
def rules_for(language: str) -> LanguageRules:
    """The rules of a letter language (English where the language has no file), read once."""
    primary = language.split("-")[0].lower()
    return read_rules(HERE / f"{primary if primary in LANGUAGES else 'en'}.yaml")


def read_rules(path: Path) -> LanguageRules:
    """Read and check one language file; any mistake is a UserError at its line."""
    data = load_yaml_file(path)
    place = YamlPlace(path, data)
    if not isinstance(data, Mapping):
        raise UserError(_("a forms-of-address file must be a mapping"), place.here(), _(_HINT))
    _only(place, TOP_KEYS)
    offices_place = _child(place, "offices", Mapping)
    _only(offices_place, OFFICES, "office")
    official = _office(offices_place, "official", None)
    offices = {key: _office(offices_place, key, official) for key in OFFICES if key != "official"}
    offices["official"] = official
    example = _child(place, "example", Mapping)
    _only(example, ("mark", "caption"))
    honorifics = _child(place, "honorifics", Mapping)
    _only(honorifics, ("m", "f", "titles", "combine_titles", "default"))
    return LanguageRules(
        language=_text(place, "language"),
        footnotes_heading=_text(place, "footnotes_heading"),
        example_mark=_text(example, "mark"),
        example_caption=_text(example, "caption"),
        courtesy={g: tuple(_texts(honorifics, g)) for g in ("m", "f")},
        courtesy_by_default=honorifics.node.get("default", True) is not False,
        titles={str(k).lower().rstrip("."): str(v) for k, v in (honorifics.node.get("titles") or {}).items()},
        combine_titles=honorifics.node.get("combine_titles") is True,
        offices=offices,
        vocative=read_vocative(place.child("vocative")) if data.get("vocative") is not None else None,
    )


def _office(offices: YamlPlace, key: str, fallback: Office | None) -> Office:
    place = _child(offices, key, Mapping)
    _only(place, OFFICE_KEYS)
    formal, less_formal = _closings(place, fallback)
    name_line = (
        _forms(place, "name_line", PERSON_FIELDS, unnamed=False)
        if fallback is None or "name_line" in place.node
        else fallback.name_line
    )
    return Office(
        key=key,
        patterns=tuple(_pattern(place, i) for i in range(len(_texts(place, "match")))),
        salutation=_forms(place, "salutation", PERSON_FIELDS),
        closing_formal=formal,
        closing_less_formal=less_formal,
        name_line=name_line,
        title=_forms(place, "title", ()) if "title" in place.node else None,
    )


def _closings(place: YamlPlace, fallback: Office | None) -> tuple[Forms, Forms]:
    """The formal and less formal closing: one text (or one per case) for both, or
    ``formal:`` and ``less_formal:`` apart; an office without any has the fallback's."""
    closing = place.node.get("closing")
    if closing is None and fallback is not None:
        return fallback.closing_formal, fallback.closing_less_formal
    if isinstance(closing, Mapping) and any(k in closing for k in ("formal", "less_formal")):
        registers = place.child("closing")
        _only(registers, ("formal", "less_formal"))
        return _forms(registers, "formal", fields=()), _forms(registers, "less_formal", fields=())
    both = _forms(place, "closing", fields=())
    return both, both


def _pattern(place: YamlPlace, index: int) -> re.Pattern[str]:
    items = place.child("match")
    try:
        return re.compile(str(items.node[index]), re.IGNORECASE)
    except re.error as exc:
        raise UserError(
            _("the pattern {pattern!r} is not a valid regular expression: {reason}").format(
                pattern=items.node[index], reason=exc
            ),
            items.at(index),
            _("write a Python regular expression (matched without regard to case)"),
        ) from None


def _forms(place: YamlPlace, key: str, fields: tuple[str, ...], unnamed: bool = True) -> Forms:
    """A text for every case, from one text or a mapping of cases (m and f fall back to x,
    unnamed to x as long as x does not name the person)."""
    if key not in place.node:
        raise UserError(_("'{key}' is missing").format(key=key), place.here(), _(_HINT))
    value = place.node[key]
    if not isinstance(value, Mapping):
        texts = dict.fromkeys(CASES, _checked(place, key, value, fields))
        return Forms(texts)
    sub = place.child(key)
    _only(sub, CASES, "case")
    if "x" not in value:
        raise UserError(_("'{key}' needs an 'x' text (gender unknown)").format(key=key), sub.here(), _(_HINT))
    texts = {case: _checked(sub, case, value[case], fields) for case in CASES if case in value}
    for case in ("m", "f"):
        texts.setdefault(case, texts["x"])
    if "unnamed" not in texts:
        if unnamed and Forms(texts).names_the_person("x"):
            raise UserError(
                _("'{key}' needs an 'unnamed' text: its 'x' text uses the name").format(key=key),
                sub.at("x"),
                _(_HINT),
            )
        texts["unnamed"] = texts["x"]
    elif Forms(texts).names_the_person("unnamed"):
        raise UserError(
            _("the 'unnamed' text of '{key}' uses a name").format(key=key), sub.at("unnamed"), _(_HINT)
        )
    return Forms(texts)


def _checked(place: YamlPlace, key: str, value: Any, fields: tuple[str, ...]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise UserError(_("'{key}' must be a text").format(key=key), place.at(key), _(_HINT))
    try:
        used = _fields(value)
    except ValueError as exc:
        raise UserError(f"'{key}': {exc}", place.at(key), _("placeholders are written {name}")) from None
    unknown = [f for f in used if f not in fields]
    if unknown:
        allowed = ", ".join("{" + f + "}" for f in fields) or _("none")
        raise UserError(
            _("'{key}' uses an unknown placeholder {placeholder}").format(
                key=key, placeholder="{" + unknown[0] + "}"
            ),
            place.at(key),
            _("allowed: {allowed}").format(allowed=allowed),
        )
    return value


def _fields(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def _child(place: YamlPlace, key: str, kind: type) -> YamlPlace:
    if not isinstance(place.node.get(key), kind):
        raise UserError(_("'{key}' is missing or is not a mapping").format(key=key), place.here(), _(_HINT))
    return place.child(key)


def _only(place: YamlPlace, allowed: tuple[str, ...], what: str = "key") -> None:
    for key in place.node:
        if key not in allowed:
            raise UserError(
                _(_UNKNOWN[what]).format(key=key),
                place.at(key),
                _("known: {names}").format(names=", ".join(allowed)),
            )
    if what == "office":
        for key in allowed:
            if key not in place.node:
                raise UserError(
                    _("the office '{key}' is missing").format(key=key),
                    place.here(),
                    _("every file describes every office"),
                )


def _text(place: YamlPlace, key: str) -> str:
    value = place.node.get(key)
    if not isinstance(value, str) or not value.strip():
        raise UserError(
            _("'{key}' must be a text").format(key=key),
            place.at(key) if key in place.node else place.here(),
            _(_HINT),
        )
    return value


def _texts(place: YamlPlace, key: str) -> list[str]:
    value = place.node.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise UserError(_("'{key}' must be a list of texts").format(key=key), place.at(key), _(_HINT))
    return list(value)
