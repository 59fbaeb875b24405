"""The vocative of a name, by suffix rules read from a language file.

Ukrainian addresses a person in the vocative: «Шановний пане Петренку!», «Шановна пані
Оксано!». The rules are suffix rules with exceptions, in the language's YAML file, tried
in their order; a name no rule fits is left as it is (the nominative, which Ukrainian
spelling allows after «пане»/«пані», is better than a wrong ending). Each part of a
double name («Анна-Марія», «Петренко-Коваль») is put in the vocative on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.yamlio import YamlPlace

KINDS = ("given", "family")
_HINT = N_("write each rule as [suffix, replacement]: the suffix is replaced when a name ends with it")
_PARTS = re.compile(r"([\s\-]+)")


@dataclass(frozen=True)
class Rule:
    """Replace ``suffix`` at the end of a name by ``replacement``."""

    suffix: str
    replacement: str
    line: int | None  # in the language file, for tests that check every rule is exercised

    def fits(self, word: str) -> bool:
        return word.lower().endswith(self.suffix) and len(word) > len(self.suffix)

    def apply(self, word: str) -> str:
        return word[: len(word) - len(self.suffix)] + self.replacement


@dataclass(frozen=True)
class Vocative:
    """A language's vocative rules: per kind of name (given, family) and gender (m, f)."""

    rules: Mapping[tuple[str, str], tuple[Rule, ...]]
    exceptions: Mapping[str, str]

    def rule_for(self, word: str, kind: str, gender: str) -> Rule | None:
        """The first rule that fits one word of a name (None: the word stays as it is)."""
        return next((r for r in self.rules.get((kind, gender), ()) if r.fits(word)), None)

    def of(self, name: str, kind: str, gender: str) -> str:
        """``name`` in the vocative; unchanged for an unknown gender or where no rule fits."""
        if gender not in ("m", "f"):
            return name
        out = []
        for part in _PARTS.split(name):
            if not part or _PARTS.fullmatch(part):
                out.append(part)
            elif part in self.exceptions:
                out.append(self.exceptions[part])
            else:
                rule = self.rule_for(part, kind, gender)
                out.append(rule.apply(part) if rule else part)
        return "".join(out)


def read_vocative(place: YamlPlace) -> Vocative:
    """The ``vocative:`` section of a language file, checked."""
    node = place.node
    if not isinstance(node, Mapping):
        raise UserError(_("'vocative' must be a mapping"), place.here(), _(_HINT))
    for key in node:
        if key not in (*KINDS, "exceptions"):
            raise UserError(
                _("unknown key '{key}' in 'vocative'").format(key=key),
                place.at(key),
                _("known: {names}").format(names="given, family, exceptions"),
            )
    exceptions = node.get("exceptions") or {}
    if not isinstance(exceptions, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in exceptions.items()
    ):
        raise UserError(_("'exceptions' must map names to their vocative"), place.at("exceptions"), _(_HINT))
    rules: dict[tuple[str, str], tuple[Rule, ...]] = {}
    for kind in KINDS:
        if kind not in node:
            continue
        by_gender = place.child(kind)
        if not isinstance(by_gender.node, Mapping):
            raise UserError(
                _("'{key}' must be a mapping of m and f").format(key=kind), place.at(kind), _(_HINT)
            )
        for gender in by_gender.node:
            if gender not in ("m", "f"):
                raise UserError(
                    _("unknown gender '{gender}'").format(gender=gender),
                    by_gender.at(gender),
                    _("use m or f"),
                )
            rules[(kind, gender)] = _rules(by_gender.child(gender))
    return Vocative(rules, dict(exceptions))


def _rules(place: YamlPlace) -> tuple[Rule, ...]:
    if not isinstance(place.node, list):
        raise UserError(_("vocative rules must be a list"), place.here(), _(_HINT))
    out = []
    for index, item in enumerate(place.node):
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(s, str) for s in item) and item[0]
        ):
            raise UserError(_("a vocative rule must be [suffix, replacement]"), place.at(index), _(_HINT))
        out.append(Rule(item[0].lower(), item[1], place.at(index).line))
    return tuple(out)
