"""Where a template's syntax error really is, when Jinja notices it later, and what it is.

An ``{% if %}`` never closed is noticed at the end of the template ("Unexpected end of
template", at its last line), and a ``{{`` never closed where the next words begin: the
author is sent to a line with nothing wrong on it. The template's tokens say where the
tag left open was opened; that line, and what to add, is what the author needs.

A misspelt tag (``{% iff %}``, ``{% esle %}``) or an ``{% endif %}`` with no ``{% if %}``
before it is "Encountered unknown tag 'endif'." in Jinja's words, in English whatever the
interface language: :func:`unknown_tag` says which tag was meant, or what is missing.
Jinja's other complaints (``{% if %}`` with no condition: "Expected an expression, got 'end
of statement block'") are said again in the interface language by :func:`jinja_words`,
with its tokens named as the author typed them (``%}``, not "end of statement block").
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from jinja2 import TemplateSyntaxError

from campaign_app.core.common.i18n import N_, _

# Tags that open a block closed by "end" + their name.
_BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "trans"})
# The tags a letter template may use, and the block each of the others belongs in.
_TAGS = ("if", "elif", "else", "endif", "for", "endfor", "set", "endset", "with", "endwith", "filter")
_BELONGS = {"elif": "if", "else": "if"} | {f"end{name}": name for name in _BLOCKS | {"set"}}
_UNKNOWN = re.compile(r"Encountered unknown tag '(\w+)'")

# Jinja's parser's complaints, and what they say in the interface language.
_COMPLAINTS = (
    (
        re.compile(r"Expected an expression, got '(?P<found>.+)'$"),
        N_("a name or value is missing before {found}"),
    ),
    (
        re.compile(r"expected token '(?P<wanted>.+)', got '(?P<found>.+)'$"),
        N_("{wanted} was expected here, not {found}"),
    ),
    (
        re.compile(r"unexpected '(?P<found>.+)', expected '(?P<wanted>.+)'$"),
        N_("{wanted} was expected here, not {found}"),
    ),
    (
        re.compile(r"unexpected char (?P<found>'.'|\".\") at \d+$"),
        N_("{found} cannot stand here inside a tag"),
    ),
    (re.compile(r"unexpected '(?P<found>.+)'$"), N_("{found} was not expected here")),
    (
        re.compile(r"tag name expected$"),
        N_("a {{% %}} tag without a name: a letter's tags are if, for and set"),
    ),
    (re.compile(r"expected name or number$"), N_("a name is missing after the dot")),
)
# Jinja's names of tokens, as the author typed them (or what they are).
_TOKENS = {
    "end of statement block": "%}",
    "end of print statement": "}}",
    "begin of statement block": "{%",
    "begin of print statement": "{{",
    "end of template": N_("the end of the template"),
    "name": N_("a name"),
    "integer": N_("a number"),
    "float": N_("a number"),
    "string": N_("a text in quotes"),
}


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


def jinja_words(message: str) -> str:
    """Jinja's complaint ``message`` in the interface language, its tokens as they are
    typed; a complaint not known here, as Jinja says it."""
    for pattern, words in _COMPLAINTS:
        found = pattern.match(message)
        if found is not None:
            parts = {key: _token(value) for key, value in found.groupdict().items()}
            return _(words).format(**parts)
    return message


def _token(value: str) -> str:
    if value.startswith(("'", '"')):
        return value  # a character, quoted already
    named = _TOKENS.get(value)
    return _(named) if named is not None and named[0].isalpha() else named or f"'{value}'"


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
