"""A tag ending a line of text before a blank line keeps the paragraph break after it.

Templates are written with Jinja's ``trim_blocks`` and ``lstrip_blocks``, so that
``{% for %}`` and ``{% endif %}`` on lines of their own leave no blank lines in a letter. But
``trim_blocks`` also drops the line end after a tag that closes a line of text::

    … she would be at risk.{% if note %} (as of May 2020){% endif %}

    In March 2017 …

and the blank line between the two paragraphs became a single line end: Markdown ran them
into one paragraph. Here such a tag, when a blank line follows it, is followed by an empty
expression on the same line, so the line end is no longer right after a block tag and
stays; the file's line numbers (which error messages give) are unchanged.

Only before a blank line (lines of tags alone between them write nothing): elsewhere a
template may join lines on purpose (a list written inline, ``{% endfor %}`` on the next
line: "ODF." and not "ODF ."), as ``trim_blocks`` always did. A tag alone on its line still
goes with its line, a tag written ``-%}`` strips as its author asked, and nothing between
``{% raw %}`` and ``{% endraw %}`` is touched.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

# Tags and comments, and the blanks between them; a tag never runs past its own "%}".
_ONLY_TAGS = re.compile(r"(?:\{%(?:(?!%\}).)*%\}|\{#(?:(?!#\}).)*#\}|[ \t])+")
_RAW = re.compile(r"\{%-?\s*(end)?raw\s*-?%\}")
_KEEP = "{{ '' }}"


class LineEnds(Extension):
    """Jinja extension: see the module's docstring."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if "%}\n" not in source and "%}\r" not in source:
            return source
        lines = source.splitlines(keepends=True)
        raw = False
        for i, line in enumerate(lines):
            for found in _RAW.finditer(line):
                raw = found.group(1) is None
            if raw or not _blank_after(lines, i + 1):
                continue  # raw text, or no blank line after: as trim_blocks has it
            lines[i] = _keep_line_end(line)
        return "".join(lines)


def _blank_after(lines: list[str], start: int) -> bool:
    """Whether the next line that writes anything is blank: lines of tags alone write
    nothing (``{% endif %}`` between a sentence and the blank line after its paragraph)."""
    for line in lines[start:]:
        text = line.strip()
        if not text:
            return True
        if not _ONLY_TAGS.fullmatch(text):
            return False
    return False


def _keep_line_end(line: str) -> str:
    text = line.rstrip("\r\n")
    if len(text) == len(line) or not text.endswith("%}") or text.endswith("-%}"):
        return line
    if _ONLY_TAGS.fullmatch(text):
        return line  # a tag on its own line: the line goes, as trim_blocks makes it
    return text + _KEEP + line[len(text) :]
