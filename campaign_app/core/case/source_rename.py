"""A source renamed in the Case tab takes its citations in the case with it.

Facts, timeline events, supporters and argument points name their sources by id
(``sources: [odf-brief-2020]``). Renaming a source left every one of them naming an id
that no longer exists: the example's main source is cited 55 times, so a typo put right
in its id gave 55 problems to put right by hand. The case's own citations follow the id
instead, as a rename in any editor does; the templates' are the other question, asked at
saving (core/case/citations.py ``template_uses``).

The id is typed a letter at a time, and on its way it may pass through another source's
id (``a`` between ``ab`` and ``ac``, where a source ``a`` exists). Citations are never
moved onto an id another source holds, nor taken from one: they stay with the id this
source last held alone, and follow it again once it holds one alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from campaign_app.core.case.citations import CITING_SECTIONS
from campaign_app.core.case.edit import CaseDocument


def citing_items(doc: CaseDocument) -> Iterator[Any]:
    """Every mapping of the case that may list sources: the citing sections' items and
    the arguments' points."""
    for section, _what in CITING_SECTIONS:
        yield from doc.items(section)
    for argument in doc.items("arguments"):
        yield from doc.points(argument)


def rename_citations(doc: CaseDocument, old: str, new: str) -> int:
    """Every ``sources:`` of the case naming ``old`` names ``new`` instead; how many changed."""
    changed = 0
    for item in citing_items(doc):
        refs = doc.get_refs(item)
        if old in refs and doc.set_refs(item, [new if ref == old else ref for ref in refs]):
            changed += 1
    return changed


class CitationsFollow:
    """Sets sources' ids in one document, the citations following (see the module)."""

    def __init__(self, doc: CaseDocument):
        self.doc = doc
        # id() of a source's mapping → (the mapping, kept so the id stays its own; the id
        # its citations name)
        self._cited_as: dict[int, tuple[Any, str]] = {}

    def set_id(self, source: Any, new_id: str, order: Sequence[str] = ()) -> bool:
        """Set ``source``'s id to ``new_id`` (a change made: True), and move its citations."""
        doc = self.doc
        kept = self._cited_as.get(id(source))
        cited = kept[1] if kept is not None else doc.get_plain(source, "id")
        if not doc.set_plain(source, "id", new_id, order, keep_empty=True):
            return False
        new_id = doc.get_plain(source, "id")
        others = {doc.get_plain(item, "id") for item in doc.items("sources") if item is not source}
        if new_id and cited and new_id not in others and cited not in others:
            rename_citations(doc, cited, new_id)
            cited = new_id
        self._cited_as[id(source)] = (source, cited)
        return True
