"""The syntax of recipient queries: terms, ``OR``, ``NOT`` (or a leading ``-``), parentheses.

``(category:mep OR category:osce) -country:DE`` reads as "(MEPs or OSCE people) and not in
Germany": terms side by side must all match, ``OR`` takes either side, ``NOT`` binds
tightest (NOT > AND > OR); ``AND`` may also be written out. A term is a word, a
``field:value`` (``name:"van der Berg"`` when the value has spaces) or a quoted phrase.

The text is read by lark (LALR, so a query of any length parses in one pass), and a
mistake becomes a UserError pointing at its column: in ``--query`` (``query:1:14``) or
in a template's ``audience:`` line (``letter_templates/x.md:4:23``). What a term *means*
(which fields exist, folding) is decided by the caller's ``make_term``
(core/directory/query.py); this module only knows the shape, and the tree it becomes is
core/directory/query_tree.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lark import Lark, Token, Transformer, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.exceptions import VisitError

from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.directory.query_tree import And, MakeTerm, Node, Not, Or

GRAMMAR = r"""
start: or_?
?or_: and_ | or_ "OR" and_ -> either
?and_: not_ | and_ "AND"? not_ -> both
?not_: atom | "NOT" not_ -> negation | "-" not_ -> negation
?atom: "(" or_ ")" | term
term: FIELD_QUOTED STRING -> quoted_field
    | STRING -> phrase
    | WORD -> word
// `name:` directly followed by a quote: the field of a quoted value
FIELD_QUOTED.2: /[^\s()"'\-:][^\s()"':]*:(?=["'])/
STRING: /"[^"]*"/ | /'[^']*'/
// a word may hold ':' (field:value), '-' (tag:foreign-affairs) and an apostrophe (O'Brien)
WORD: /[^\s()"'\-][^\s()"]*/
// white space between terms (also what stops a word): no grammar file of lark's needed
%ignore /\s+/
"""

# How the parser names the tokens it met, for messages.
_SHOWN = {"OR": "OR", "AND": "AND", "NOT": "NOT", "MINUS": "'-'", "LPAR": "'('", "RPAR": "')'"}
_OPERATORS = {"OR", "AND", "NOT", "MINUS"}
TERM_HINT = N_('write a word, a field:value or a quoted "phrase" there, or remove the operator')


@dataclass(frozen=True)
class QueryPlace:
    """Where a query's text is written, to point at a mistake in it: the command line's
    ``--query`` ("query", line 1), or the file, line and column of a template's audience."""

    path: str = "query"
    line: int = 1
    column: int = 1  # of the query's first character

    def at(self, column: int | None) -> Location:
        """The location of the query's ``column`` (1-based; None for its start)."""
        return Location(self.path, self.line, self.column + (column or 1) - 1)


@cache
def _parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer="basic", propagate_positions=True, maybe_placeholders=False)


class _Build(Transformer):
    """The parse tree as Term/Not/And/Or, flattening runs of AND and of OR."""

    def __init__(self, make_term: MakeTerm):
        super().__init__()
        self._make = make_term

    def start(self, items):
        return items[0] if items else None

    def either(self, items):
        return Or(tuple(c for item in items for c in (item.children if isinstance(item, Or) else (item,))))

    def both(self, items):
        return And(tuple(c for item in items for c in (item.children if isinstance(item, And) else (item,))))

    def negation(self, items):
        return Not(items[0])

    def word(self, items):
        (token,) = items
        text = str(token)
        field, sep, value = text.partition(":")
        if sep and field and not field.lower().startswith("http"):
            return self._make(field, value, text, token.column)
        return self._make(None, text, text, token.column)

    def phrase(self, items):
        (token,) = items
        text = str(token)
        inner = text[1:-1]
        # A whole term in quotes ("organisation:European Parliament") kept its meaning as a term.
        field, sep, value = inner.partition(":")
        if sep and field and " " not in field and not field.lower().startswith("http"):
            return self._make(field, value, text, token.column)
        return self._make(None, inner, text, token.column)

    def quoted_field(self, items):
        name, string = items
        return self._make(str(name)[:-1], str(string)[1:-1], f"{name}{string}", name.column)


def parse_tree(text: str, make_term: MakeTerm, place: QueryPlace) -> Node | None:
    """The tree of ``text`` (None for an empty query); a mistake is a UserError at its column."""
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(text, exc, place) from None
    try:
        return _Build(make_term).transform(tree)
    except VisitError as exc:  # make_term refused a term: its own UserError
        raise exc.orig_exc from None


def _tokens_before(text: str, position: int) -> list[Token]:
    """The tokens that end before ``position`` (the text there lexed cleanly)."""
    return [t for t in _parser().lex(text[:position]) if t.end_pos is not None and t.end_pos <= position]


def _unclosed(tokens: list[Token]) -> Token | None:
    """The innermost '(' not yet closed among ``tokens``."""
    stack: list[Token] = []
    for token in tokens:
        if token.type == "LPAR":
            stack.append(token)
        elif token.type == "RPAR" and stack:
            stack.pop()
    return stack[-1] if stack else None


def _syntax_error(text: str, exc: UnexpectedInput, place: QueryPlace) -> UserError:
    if isinstance(exc, UnexpectedCharacters):  # only a quote can be left unlexed
        return UserError(
            _("query {text!r} has an unbalanced quote").format(text=text),
            place.at(exc.column),
            _("close the quote, or remove it"),
        )
    assert isinstance(exc, UnexpectedToken)
    token = exc.token
    at_end = token.type == "$END"
    position = len(text) if at_end else token.start_pos
    column = len(text.rstrip()) + 1 if at_end else token.column
    before = _tokens_before(text, position)
    previous = before[-1] if before else None
    if previous is not None and previous.type in _OPERATORS:
        shown = _SHOWN[previous.type]
        return UserError(
            _("expected a term after {shown}").format(shown=shown), place.at(previous.column), _(TERM_HINT)
        )
    if at_end:
        opened = _unclosed(before)
        where = (
            _("column {column}").format(column=place.at(opened.column).column)
            if opened is not None
            else _("the start")
        )
        return UserError(
            _("missing ')' to close the '(' at {where}").format(where=where),
            place.at(column),
            _("add ')' after the last term"),
        )
    if token.type == "RPAR":
        if previous is not None and previous.type == "LPAR":
            return UserError(_("nothing between '(' and ')'"), place.at(previous.column), _(TERM_HINT))
        return UserError(_("')' has no matching '('"), place.at(column), _("remove it, or add '(' before"))
    shown = _SHOWN.get(token.type, repr(str(token)))
    return UserError(_("expected a term before {shown}").format(shown=shown), place.at(column), _(TERM_HINT))
