"""Small helpers for building WordprocessingML (``w:``) elements with lxml.

All XML of the DOCX writer is built as elements, never by string concatenation, so text
such as ``<script> & co`` is escaped by the serializer and appears literally.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

# Characters XML 1.0 cannot contain at all (lxml refuses them); tab, LF and CR are handled.
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w(name: str) -> str:
    """The Clark name of ``w:name`` (``{namespace}name``), as lxml wants tags and attributes."""
    return qn(f"w:{name}")


def sub(parent: Any, tag: str, **attrs: Any) -> Any:
    """Append a ``w:`` child element with ``w:`` attributes (values converted to str)."""
    return etree.SubElement(parent, w(tag), {w(k): str(v) for k, v in attrs.items()})


def el(tag: str, *children: Any, **attrs: Any) -> Any:
    """A loose ``w:`` element with ``w:`` attributes and the given children, in order."""
    element = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        element.set(w(key), str(value))
    for child in children:
        if child is not None:
            element.append(child)
    return element


def clean(text: str) -> str:
    """The text without the characters XML cannot hold (they can only come from pasted text)."""
    return _INVALID_XML_CHARS.sub("", text)


def add_text(r: Any, text: str) -> None:
    """Append text to run ``r``: ``w:t`` pieces, ``w:tab`` for tabs, ``w:br`` for newlines."""
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(r, "br")
        for j, piece in enumerate(line.split("\t")):
            if j:
                sub(r, "tab")
            if piece:
                t = sub(r, "t")
                t.text = piece
                if piece != piece.strip():
                    t.set(qn("xml:space"), "preserve")


def safe_url(url: str) -> str:
    """The URL as a valid relationship target (Word rejects spaces and raw non-ASCII)."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")
