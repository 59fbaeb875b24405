"""A tag at the end of a line of text keeps the line's end; a tag alone on its line goes with it.

Templates are written with Jinja's ``trim_blocks`` and ``lstrip_blocks``, so that
``{% for %}`` and ``{% endif %}`` on lines of their own leave no blank lines in a letter. But
``trim_blocks`` also drops the line end after a tag that closes a line of text::

    … she would be at risk.{% if note %} (as of May 2020){% endif %}

    In March 2017 …

and the blank line between the two paragraphs became a single line end: Markdown ran them
into one paragraph. Here such a tag is followed by an empty expression on the same line,
so the line end is no longer right after a block tag and stays; the file's line numbers
(which error messages give) are unchanged. A tag written ``-%}`` strips as its author asked.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_ONLY_TAGS = re.compile(r"(?:\{%.*?%\}|\{#.*?#\}|[ \t])+")
_KEEP = "{{ '' }}"


class LineEnds(Extension):
    """Jinja extension: see the module's docstring."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if "%}\n" not in source and "%}\r" not in source:
            return source
        return "".join(map(_keep_line_end, source.splitlines(keepends=True)))


def _keep_line_end(line: str) -> str:
    text = line.rstrip("\r\n")
    if len(text) == len(line) or not text.endswith("%}") or text.endswith("-%}"):
        return line
    if _ONLY_TAGS.fullmatch(text):
        return line  # a tag on its own line: the line goes, as trim_blocks makes it
    return text + _KEEP + line[len(text) :]
