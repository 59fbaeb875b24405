"""What an item editor knows beyond its item, and what it checks as the user types.

The checks are the loader's own (``core.case.edit``), in its words but without ``file:line``
(nothing is written yet); the full check is the loader's, on save. A problem the last save
found stays under its field until that field is edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.rules import (
    check_date,
    check_event_kind,
    check_id,
    check_kind,
    check_refs,
    check_url,
)
from campaign_app.core.case.schema import FieldSpec
from campaign_app.core.common.errors import UserError


@dataclass
class EditContext:
    """What an editor needs to know beyond its item: the names used in messages, the
    ids it must not repeat, the case's source ids, and problems from the last save."""

    section_what: str = ""  # "fact", "timeline event": the loader's word
    describe: Callable[[], str] = lambda: ""  # "fact 'roles'", for source messages
    other_ids: Callable[[], list[str]] = list
    source_ids: Callable[[], set[str]] = set
    saved: Callable[[tuple], list[UserError]] = field(default=lambda path: [])
    forget: Callable[[tuple], None] = field(default=lambda path: None)

    def within(self, prefix: tuple, describe: Callable[[], str]) -> EditContext:
        """The context of a part of the item (an argument's point)."""
        return EditContext(
            "",
            describe,
            list,
            self.source_ids,
            lambda path: self.saved(prefix + path),
            lambda path: self.forget(prefix + path),
        )


def field_problems(doc: CaseDocument, spec: FieldSpec, node: Any, ctx: EditContext) -> list[str]:
    """What is wrong with one field as typed, in the loader's words (without file:line:
    it is not written yet). The full check is the loader's, on save."""
    if node is None:
        return []
    item_id = doc.get_plain(node, "id")
    message: str | None = None
    if spec.kind == "id":
        message = check_id(ctx.section_what, item_id, ctx.other_ids())
    elif spec.kind == "date":
        message = check_date(spec.key, doc.get_date(node, spec.key), spec.required)
    elif spec.kind == "sources":
        refs = doc.get_refs(node, spec.key)
        return check_refs(ctx.describe(), refs, ctx.source_ids()) if refs or spec.required else []
    elif spec.kind == "url":
        message = check_url(item_id, doc.get_plain(node, spec.key))
    elif spec.kind == "choice" and spec.key == "kind" and ctx.section_what == "timeline event":
        message = check_event_kind(item_id, doc.get_plain(node, spec.key))
    elif spec.kind == "choice" and spec.key == "kind":
        message = check_kind(item_id, doc.get_plain(node, spec.key))
    return [message] if message else []


def bare(error: UserError) -> str:
    """A loader problem without its location, to compare with a field check."""
    return f"{error.message} — {error.hint}" if error.hint else error.message
