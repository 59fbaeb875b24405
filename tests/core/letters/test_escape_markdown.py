"""escape_markdown escapes exactly the ASCII punctuation, as the regular expression it
replaced did (a backslash before each of ``!-/ :-@ [-` {-~``), whatever else the text holds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from campaign_app.core.letters.markdown import escape_markdown

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _by_regex(text: str) -> str:
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return "\\\n".join(escaped.splitlines()) if "\n" in escaped else escaped


@given(st.text(alphabet=st.characters(max_codepoint=0x500), max_size=40))
def test_escapes_as_the_regular_expression_did(text):
    assert escape_markdown(text) == _by_regex(text)


def test_every_ascii_character():
    every = "".join(map(chr, range(128)))
    assert escape_markdown(every) == _by_regex(every)
    assert escape_markdown("*Smith* [x](y) 1.") == r"\*Smith\* \[x\]\(y\) 1\."
