"""Saving from the Case tab: nothing invalid is written, and each problem finds its field.

The loader reports a problem at a line of the file; the Case tab shows it at the field the
user typed into. :func:`problem_path` finds that field from the line, in the tree parsed
from the very text that was checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from campaign_app.core.case.edit import CaseChangedOnDisk, CaseDocument
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.yamlio import key_line, load_yaml_text, node_line


@dataclass(frozen=True)
class SaveOutcome:
    """A save that worked (``saved``: the file as written, re-read with fresh line
    numbers) or did not (``problems``: each loader problem with the field it is about)."""

    saved: CaseDocument | None
    problems: list[tuple[tuple[Any, ...], UserError]]


def save_or_explain(doc: CaseDocument, force: bool = False) -> SaveOutcome:
    """Save ``doc``; a case that does not validate is not written, and each problem comes
    back with the path of the item and field it is about. A file changed on disk since it
    was read raises :class:`CaseChangedOnDisk` (the user must choose), unless ``force``."""
    text = doc.dump()
    try:
        doc.save(force, text)
    except CaseChangedOnDisk:
        raise
    except (UserError, UserErrors) as exc:
        try:
            data = load_yaml_text(text, doc.path)
        except UserError:
            data = None
        return SaveOutcome(
            None, [(problem_path(data, e) if data is not None else (), e) for e in flatten(exc)]
        )
    return SaveOutcome(CaseDocument.from_text(doc.path, text), [])


_MISSING = re.compile(r"^missing '([^']+)'")


def problem_path(data: Any, error: UserError) -> tuple[Any, ...]:
    """The path to what a loader problem (reported at a line of ``data``'s text) is about,
    e.g. ``("timeline", 3, "date")`` or ``("arguments", 0, "points", 1, "text")``.

    ``data`` must be the tree parsed from the text the problem's line refers to.
    """
    line = error.where.line if error.where is not None else None
    if line is None:
        return ()
    path = _path_at_line(data, line)
    if not path:
        return ()
    missing = _MISSING.match(error.message)
    if missing and isinstance(path[-1], str) and _container_at(data, path[:-1]) is not None:
        return (*path[:-1], missing.group(1))
    if "names no source" in error.message and isinstance(path[-1], str):
        return (*path[:-1], "sources")
    return path


def _container_at(data: Any, path: Sequence[Any]) -> Any:
    node = data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node if isinstance(node, Mapping) else None


def _path_at_line(node: Any, line: int) -> tuple[Any, ...]:
    """The deepest key or item whose text starts at or before ``line``."""
    if isinstance(node, CommentedMap):
        chosen = None
        for key in node:
            at = key_line(node, key)
            if at is not None and at <= line:
                chosen = key
        if chosen is None:
            return ()
        return (chosen, *_path_at_line(node[chosen], line))
    if isinstance(node, CommentedSeq):
        chosen_index = None
        for index in range(len(node)):
            item = node[index]
            at = node_line(item) if isinstance(item, CommentedMap | CommentedSeq) else key_line(node, index)
            if at is not None and at <= line:
                chosen_index = index
        if chosen_index is None:
            return ()
        return (chosen_index, *_path_at_line(node[chosen_index], line))
    return ()
