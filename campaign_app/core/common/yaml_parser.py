"""ruamel.yaml's round-trip reader, bounded: what :mod:`.yamlio` reads and writes YAML with.

Kept apart from :mod:`.yamlio` so that ruamel is imported only by a command that reads or
writes YAML: yamlio is imported at the top of the directory's loader and editors, which an
import of a CSV file uses without any YAML.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.events import AliasEvent

from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.limits import YAML_DEPTH, YAML_NODES

LIMIT_HINT = N_("a campaign's YAML files are far smaller and simpler; is this the right file?")


class YamlLimit(Exception):
    """A document beyond the bounds of core/common/limits.py, where it was found."""

    def __init__(self, message: str, mark: Any, hint: str | None = None):
        super().__init__(message)
        self.message, self.mark, self.hint = message, mark, hint or _(LIMIT_HINT)


class _BoundedComposer(Composer):
    """ruamel's composer, counting values as if every alias (``*name``) were written out.

    The round-trip loader keeps an alias as a second reference to the same list, so a
    "billion laughs" file of ten lines loads at once, and then fills the memory of the
    first code that prints or walks it. Counting here, while the document is read, stops
    it at the alias that goes over YAML_NODES; nesting is bounded by YAML_DEPTH, and an
    alias inside the very value it names (a list containing itself) is refused.
    """

    def __init__(self, loader: Any = None):
        super().__init__(loader)
        self._values = 0
        self._expanded: dict[int, int] = {}  # id(node) → values it stands for
        self._open: list[str | None] = []  # anchors of the values being read

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            if event.anchor in self._open:
                raise YamlLimit(
                    _("malformed YAML: the alias *{anchor} is used inside the value it names").format(
                        anchor=event.anchor
                    ),
                    event.start_mark,
                    _("it would stand for a value without end: remove it"),
                )
            node = super().compose_node(parent, index)
            self._count(self._expanded.get(id(node), 1), event)
            return node
        if len(self._open) >= YAML_DEPTH:
            raise YamlLimit(
                _("YAML too big: lists and mappings nest more than {yaml_depth} deep").format(
                    yaml_depth=YAML_DEPTH
                ),
                event.start_mark,
            )
        before = self._values
        self._open.append(event.anchor)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._open.pop()
        self._count(1, event)
        self._expanded[id(node)] = self._values - before
        return node

    def _count(self, values: int, event: Any) -> None:
        self._values += values
        if self._values > YAML_NODES:
            raise YamlLimit(
                _(
                    "YAML too big: more than {yaml_nodes:,} values once its aliases (*name) are expanded"
                ).format(yaml_nodes=YAML_NODES),
                event.start_mark,
            )


def round_trip_yaml() -> YAML:
    """ruamel's round-trip reader and writer, bounded by :class:`_BoundedComposer`."""
    y = YAML(typ="rt")
    y.Composer = _BoundedComposer
    y.preserve_quotes = True
    y.width = 1_000_000  # never re-wrap: a round trip must leave unedited lines identical
    y.indent(mapping=2, sequence=4, offset=2)
    return y
