"""The type of a value in a hand-written YAML file, checked and named in a campaigner's words.

YAML turns ``title: [a, b]`` into a list and ``id: 12`` into a number without complaint.
Taken as they are, such values crash a loader or reach a letter as "['a', 'b']". The
loaders of campaign.yaml, the case file, the recipients files and the templates' front
matter ask these helpers instead, so a wrong type is one located line that says what the
value is and what to write, the same way in every file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from campaign_app.core.common.errors import ProblemCollector
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.yamlio import YamlPlace

TEXT_HINT = N_(
    "write the text after the colon on the same line (in quotes if it contains ': ' or starts with [ or {)"
)


def kind(value: Any) -> str:
    """What a loaded YAML value is, as a message says it: "a list", "a number"…"""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "a mapping (indented 'key: value' lines or {…})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    return "text"


def is_scalar(value: Any) -> bool:
    """True for one value on its own (text, number, date…), False for a list or a mapping."""
    return not isinstance(value, Mapping | list)


def plain_text(place: YamlPlace, key: str, problems: ProblemCollector, what: str = "") -> str:
    """``key`` of a mapping as one text ("" when absent); a list or mapping there is a problem.

    Numbers and dates are taken as the text they are written as (``publisher: 2020``)."""
    node = place.node
    value = node.get(key) if isinstance(node, Mapping) else None
    if value is None:
        return ""
    if not is_scalar(value):
        problems.add(
            _("{value} must be text, not {kind}").format(value=what or repr(key), kind=kind(value)),
            place.at(key),
            _(TEXT_HINT),
        )
        return ""
    return str(value)


def language_values_are_texts(place: YamlPlace, key: str, problems: ProblemCollector) -> bool:
    """For a text given per language (``{en: …, uk: …}``), that every language holds one text."""
    ok = True
    lang_place = place.child(key)
    for lang, value in place.node[key].items():
        if value is not None and not is_scalar(value):
            problems.add(
                _("the {lang} text of '{key}' must be text, not {kind}").format(
                    lang=lang, key=key, kind=kind(value)
                ),
                lang_place.at(lang),
                _(TEXT_HINT),
            )
            ok = False
    return ok


def localized_hint(key: str, languages: tuple[str, ...]) -> str:
    """How to write ``key`` as a text per language, for a message."""
    shown = languages or ("en",)
    return _("write '{key}: text', or one text per language: {{{languages}}}").format(
        key=key, languages=", ".join(f"{lang}: …" for lang in shown)
    )


def list_of_mappings(place: YamlPlace, key: str, what: str, problems: ProblemCollector) -> list[YamlPlace]:
    """The items of the list under ``key`` (each one 'key: value' lines), as places; a value
    that is not a list, or an item that is not a mapping, is a problem at its line."""
    value = place.node[key]
    if not isinstance(value, list):
        problems.add(
            _("{what} must be a list, not {kind}").format(what=what, kind=kind(value)),
            place.at(key),
            _("write each item on its own line under '{key}:', starting with '- '").format(key=key),
        )
        return []
    seq = place.child(key)
    places = []
    for i, item in enumerate(value):
        if not isinstance(item, Mapping):
            problems.add(
                _("an item of {what} is {kind}, not 'key: value' lines").format(what=what, kind=kind(item)),
                seq.at(i),
                _("start the item with '- id: …' and indent its other keys under it"),
            )
            continue
        places.append(YamlPlace(place.path, item, seq.at(i).line, place.offset))
    return places


def whole_numbers(place: YamlPlace, key: str, problems: ProblemCollector) -> tuple[int, ...]:
    """A list of whole numbers under ``key`` (one number alone is a list of one)."""
    value = place.node.get(key)
    if value is None:
        return ()
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        problems.add(
            f"'{key}' must be a list of whole numbers"
            + ("" if isinstance(value, list) else f", not {kind(value)}"),
            place.at(key),
            f"write them as '{key}: [12, 13]'",
        )
        return ()
    return tuple(value)
