"""The tree a recipient query becomes: terms joined by AND, OR and NOT.

What a query *says* (core/directory/query_syntax.py reads it from text, with lark) and
what searching needs of it (core/directory/search.py, the Recipients tab's matching) are
apart, so that loading a directory, which only searches, never loads the parser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Term:
    """One term: ``field`` is the canonical field name, None for a bare word or phrase."""

    field: str | None
    value: str  # as typed, without quotes
    wanted: str  # what is compared: folded (lower-cased for status:)
    text: str  # as written in the query (printed back by ``to_text``)
    column: int  # 1-based, in the query's text


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Union[Term, Not, And, Or]  # noqa: UP007 (a runtime alias of the dataclasses above)

# (field name as typed or None, value, text as written, column) -> the term
MakeTerm = Callable[[str | None, str, str, int], Term]


def to_text(node: Node | None) -> str:
    """The query as text that parses back to the same tree (terms as they were written)."""
    if node is None:
        return ""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Not):
        inner = node.child
        return "-" + (to_text(inner) if isinstance(inner, Term | Not) else f"({to_text(inner)})")
    if isinstance(node, And):
        return " ".join(f"({to_text(c)})" if isinstance(c, Or) else to_text(c) for c in node.children)
    return " OR ".join(to_text(c) for c in node.children)


def terms_of(node: Node | None) -> list[Term]:
    """Every term of the tree, left to right."""
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms_of(node.child)
    return [t for c in node.children for t in terms_of(c)]
