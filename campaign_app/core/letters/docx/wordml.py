"""Small helpers for building WordprocessingML (``w:``) elements with lxml.

All XML of the DOCX writer is built as elements, never by string concatenation, so text
such as ``<script> & co`` is escaped by the serializer and appears literally.
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from typing import Any
from urllib.parse import quote

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from campaign_app.core.common.fonts import FALLBACK_FAMILY
from campaign_app.core.common.glyphs import segments

# Characters XML 1.0 cannot contain at all (lxml refuses them); tab, LF and CR are handled.
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w(name: str) -> str:
    """The Clark name of ``w:name`` (``{namespace}name``), as lxml wants tags and attributes."""
    found = _clark.get(name)
    if found is None:
        found = _clark[name] = qn(f"w:{name}")
    return found


# Each name's Clark name, made once per process: a letter's DOCX asks for a few dozen names
# a hundred times or more, and python-docx's qn splits and formats each one anew.
_clark: dict[str, str] = {}


def sub(parent: Any, tag: str, **attrs: Any) -> Any:
    """Append a ``w:`` child element with ``w:`` attributes (values converted to str)."""
    if not attrs:
        return etree.SubElement(parent, w(tag))
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
    """Append text to run ``r``: ``w:t`` pieces, ``w:tab`` for tabs, ``w:br`` for newlines.

    Words PT Serif cannot set go into runs of their own (after ``r``, formatted alike)
    that name the fallback font, as the PDF sets them (see core/common/glyphs.py).
    """
    text = unicodedata.normalize("NFC", clean(text)).replace("\r\n", "\n").replace("\r", "\n")
    pieces = list(segments(text))
    if len(pieces) <= 1 and not (pieces and pieces[0][1]):
        _add_plain(r, text)
        return
    rpr = r.find(w("rPr"))
    base = deepcopy(rpr) if rpr is not None else None
    target = r
    for i, (stretch, fallback) in enumerate(pieces):
        if i:
            run = OxmlElement("w:r")
            if base is not None:
                run.append(deepcopy(base))
            target.addnext(run)
            target = run
        if fallback:
            _name_fallback_font(target)
        _add_plain(target, stretch)


def _name_fallback_font(r: Any) -> None:
    """Set run ``r`` in the fallback font (``w:rFonts`` goes right after ``w:rStyle``)."""
    rpr = r.find(w("rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        r.insert(0, rpr)
    for old in rpr.findall(w("rFonts")):
        rpr.remove(old)
    family = FALLBACK_FAMILY
    fonts = el("rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family)
    style = rpr.find(w("rStyle"))
    if style is not None:
        style.addnext(fonts)
    else:
        rpr.insert(0, fonts)


def _add_plain(r: Any, text: str) -> None:
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
