"""Where a template's syntax error really is, when Jinja notices it later, and what it is.

An ``{% if %}`` never closed is noticed at the end of the template ("Unexpected end of
template", at its last line), and a ``{{`` never closed where the next words begin: the
author is sent to a line with nothing wrong on it. The template's tokens say where the
tag left open was opened; that line, and what to add, is what the author needs.

A misspelt tag (``{% iff %}``, ``{% esle %}``) or an ``{% endif %}`` with no ``{% if %}``
before it is "Encountered unknown tag 'endif'." in Jinja's words, in English whatever the
interface language: :func:`unknown_tag` says which tag was meant, or what is missing.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from jinja2 import TemplateSyntaxError

from campaign_app.core.common.i18n import _

# Tags that open a block closed by "end" + their name.
_BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "trans"})
# The tags a letter template may use, and the block each of the others belongs in.
_TAGS = ("if", "elif", "else", "endif", "for", "endfor", "set", "endset", "with", "endwith", "filter")
_BELONGS = {"elif": "if", "else": "if"} | {f"end{name}": name for name in _BLOCKS | {"set"}}
_UNKNOWN = re.compile(r"Encountered unknown tag '(\w+)'")


class Unclosed(NamedTuple):
    line: int
    message: str
    hint: str


def unclosed_tag(env: Any, source: str, error: TemplateSyntaxError) -> Unclosed | None:
    """The tag left open that ``error`` is really about, or None when the error is where
    Jinja says."""
    message = error.message or ""
    tokens = _tokens(env, source)
    if "innermost block that needs to be closed" in message:
        stack: list[tuple[str, int]] = []
        for i, (line, kind, _value) in enumerate(tokens):
            if kind != "block_begin" or i + 1 >= len(tokens) or tokens[i + 1][1] != "name":
                continue
            name = tokens[i + 1][2]
            if name in _BLOCKS:
                stack.append((name, line))
            elif name.startswith("end") and stack and stack[-1][0] == name[3:]:
                stack.pop()
        if not stack:
            return None
        name, line = stack[-1]
        return Unclosed(
            line,
            _("template syntax error: this {{% {name} %}} is never closed").format(name=name),
            _("add {{% end{name} %}} where it should end").format(name=name),
        )
    if "end of print statement" in message:
        opened = None
        for line, kind, _value in tokens:
            if line >= (error.lineno or 0):
                break
            if kind == "variable_begin":
                opened = line
            elif kind == "variable_end":
                opened = None
        if opened is None or opened == error.lineno:
            return None
        return Unclosed(
            opened,
            _("template syntax error: this {{ is never closed"),
            _("add }} at the end of the name or expression"),
        )
    return None


def unknown_tag(error: TemplateSyntaxError) -> Unclosed | None:
    """A tag Jinja does not know where it stands: a typo of a tag (``{% esle %}``), or one
    that closes or continues a block not open there (``{% endif %}`` with no ``{% if %}``)."""
    found = _UNKNOWN.match(error.message or "")
    if found is None:
        return None
    name, line = found.group(1), error.lineno or 1
    if name in _BELONGS:
        return Unclosed(
            line,
            _("template syntax error: {{% {name} %}} has no {{% {opener} %}} open before it").format(
                name=name, opener=_BELONGS[name]
            ),
            _("remove it, or add the {{% {opener} … %}} it belongs to").format(opener=_BELONGS[name]),
        )
    message = _("template syntax error: unknown tag {{% {name} %}}").format(name=name)
    close = difflib.get_close_matches(name, _TAGS, n=1, cutoff=0.6)
    if close:
        return Unclosed(line, message, _("did you mean {{% {tag} %}}?").format(tag=close[0]))
    return Unclosed(
        line,
        message,
        _("a letter's tags are {% if %}, {% for %} and {% set %}, each closed by its {% end… %}"),
    )


def _tokens(env: Any, source: str) -> list[tuple[int, str, str]]:
    """The template's tokens but whitespace, as far as they can be read: after a ``{{``
    left open, the letter's text is read as an expression and fails at its first odd
    character, and the tokens before are what tells where the tag was opened."""
    tokens: list[tuple[int, str, str]] = []
    try:
        for token in env.lex(source):
            if token[1] != "whitespace":
                tokens.append(token)
    except TemplateSyntaxError:
        pass
    return tokens
