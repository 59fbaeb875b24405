"""Where is this source (or fact, event, argument…) used? Before deleting it, ask.

An unsourced claim in an appeal can be turned against the person it defends, so deleting a
source that a letter still cites must not happen by accident. This module lists every place
that would break, as ``file:line`` the user can open:

* in the case: timeline events, facts, supporters and argument points whose ``sources:``
  name it;
* in the templates: every quoted id inside ``{{ … }}`` or ``{% … %}``, which covers
  ``cite('id')``, ``cite("id")``, ``case.source('id')`` and ids listed for a loop
  (``{% for e in ['a', 'b'] %}{{ fact(e) }}``); and, for a source, every place a template
  uses a fact or event that cites it (``fact('roles')`` prints its sources' footnotes).

Renaming an item is the same question at saving: :func:`renamed_items` tells which ids the
user changed since the file was read, and the templates are searched for the old ones.

The scan reads the template files as text (no Jinja2): a template with a syntax error is
still searched, and the search cannot run template code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import key_line, node_line

_BLOCK = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_LITERAL = re.compile(r"""'([^'\\\n]*)'|"([^"\\\n]*)\"""")
_CALL = re.compile(r"([A-Za-z_][\w.]*)\(\s*$")

# How the loader names each list's items, and where their sources are listed.
CITING_SECTIONS = (("timeline", "timeline event"), ("facts", "fact"), ("supporters", "supporter"))


@dataclass(frozen=True)
class Citation:
    """One place that uses an id: where, and how (``cite('odf-brief-2020')``)."""

    where: Location
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def case_citations(data: Any, path: Path, source_id: str) -> list[Citation]:
    """Items of a loaded case tree (round-trip, with lines) whose ``sources:`` name the id.

    An item added in the editor and not saved yet has no line: it is named by its id.
    """
    found: list[Citation] = []
    if not isinstance(data, Mapping):
        return found

    def cites(node: Any) -> bool:
        return isinstance(node, Mapping) and source_id in _refs(node)

    def where(node: Any) -> Location:
        line = key_line(node, "sources") or node_line(node)
        return Location(display_path(path), line)

    for section, what in CITING_SECTIONS:
        for item in _items(data, section):
            if cites(item):
                found.append(Citation(where(item), f"{what} '{item.get('id', '?')}'"))
    for argument in _items(data, "arguments"):
        points = argument.get("points")
        for number, point in enumerate(points if isinstance(points, list) else [], start=1):
            if cites(point):
                found.append(Citation(where(point), f"argument '{argument.get('id', '?')}' point {number}"))
    found.sort(key=lambda c: c.where.line or 0)
    return found


def items_citing(data: Any, source_id: str) -> dict[str, str]:
    """Facts and timeline events whose sources include the id: {item id: "fact 'x'"}."""
    out: dict[str, str] = {}
    for section, what in (("facts", "fact"), ("timeline", "timeline event")):
        for item in _items(data, section):
            if source_id in _refs(item) and item.get("id"):
                out[str(item["id"])] = f"{what} '{item['id']}'"
    return out


def template_uses(files: Iterable[Path], ids: Mapping[str, str | None]) -> list[Citation]:
    """Every quoted id from ``ids`` inside a Jinja2 tag of the templates.

    ``ids`` maps an id to ``None`` (a direct use) or to a description of why its use matters
    ("fact 'roles', which cites it"). A template that cannot be read is listed too: it may
    use the id, and the user must know the check was incomplete.
    """
    found: list[Citation] = []
    for path in files:
        try:
            text = read_text(path)
        except UserError as exc:
            found.append(Citation(exc.where or Location.of(path), f"not checked: {exc.message}"))
            continue
        for block in _BLOCK.finditer(text):
            for literal in _LITERAL.finditer(block.group(0)):
                value = literal.group(1) if literal.group(1) is not None else literal.group(2)
                if value not in ids:
                    continue
                start = block.start() + literal.start()
                line = text.count("\n", 0, start) + 1
                call = _CALL.search(block.group(0)[: literal.start()])
                shown = f"{call.group(1)}({literal.group(0)})" if call else literal.group(0)
                why = ids[value]
                found.append(Citation(Location.of(path, line), f"{shown}, {why}" if why else shown))
    return found


def source_citations(
    data: Any, case_path: Path, template_files: Iterable[Path], source_id: str
) -> list[Citation]:
    """Everything that cites a source: the case's items, then the templates (direct
    ``cite()`` and the facts or events they use that cite it)."""
    ids: dict[str, str | None] = {
        item_id: f"{what}, which cites it" for item_id, what in items_citing(data, source_id).items()
    }
    ids[source_id] = None
    return case_citations(data, case_path, source_id) + template_uses(template_files, ids)


# The lists whose items a template names by id: fact('x'), cite('x'), case.argument('x')…
ID_SECTIONS = ("timeline", "facts", "arguments", "demands", "supporters", "sources")


@dataclass(frozen=True)
class Renamed:
    """An item whose id was changed in the editor: the templates still say ``old``."""

    section: str
    old: str
    new: str


def item_ids(data: Any) -> dict[int, tuple[Any, str, str]]:
    """Each item of a case tree by identity (the item, its section, its id), as it is now:
    :func:`renamed_items` later tells which of them got another id."""
    if not isinstance(data, Mapping):
        return {}
    return {
        id(item): (item, section, str(item.get("id") or ""))
        for section in ID_SECTIONS
        for item in _items(data, section)
    }


def renamed_items(data: Any, before: Mapping[int, tuple[Any, str, str]]) -> list[Renamed]:
    """The items still in the case whose id is not the one ``before`` recorded (an id that
    another item now has is no rename: the templates' uses of it still work)."""
    now = item_ids(data)
    ids = {item_id for _item, _section, item_id in now.values()}
    found = []
    for key, (item, section, item_id) in now.items():
        old = before.get(key)
        if old is not None and old[0] is item and old[2] and old[2] != item_id and old[2] not in ids:
            found.append(Renamed(section, old[2], item_id))
    return found


def _items(data: Mapping[Any, Any], section: str) -> list[Mapping[Any, Any]]:
    seq = data.get(section)
    return [item for item in seq if isinstance(item, Mapping)] if isinstance(seq, list) else []


def _refs(item: Mapping[Any, Any]) -> list[str]:
    """The ids an item's ``sources:`` names (one id alone is a list of one)."""
    refs = item.get("sources")
    refs = [refs] if isinstance(refs, str) else refs if isinstance(refs, list) else []
    return [str(r) for r in refs]
