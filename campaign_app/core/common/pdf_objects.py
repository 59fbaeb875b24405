"""reportlab's writing of PDF objects, with its two busiest helpers made cheaper; same bytes.

When a PDF is saved, reportlab writes each object (pages, fonts, links, the catalogue) by
calling two small functions of ``reportlab.pdfbase.pdfdoc`` for nearly every key and value:
``PDFName`` (a name such as ``/Font``, escaped character by character in a Python loop) and
``pdfdocEnc`` (text to bytes through reportlab's own codec, a Python wrapper around a
character map). Between them they were a tenth of a letter's PDF, though a letter names the
same few dozen keys as every other letter, and nearly everything it encodes is plain ASCII.
Both are called through ``format``, reportlab's dispatch on the kind of each key and value
(some 400 a letter), which :func:`pdf_format` answers for texts and numbers directly.

:func:`install` replaces the two in reportlab's module (where its own code looks them up):
a name is escaped once per process and then looked up; ASCII text that the codec maps to
itself (all of ASCII but the eight control characters 0x18-0x1F, which it maps elsewhere or
refuses) is encoded as ASCII in C; everything else goes through reportlab's functions as
before. ``common/reuse.plain()`` turns both off, so tests can compare with reportlab's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc

from campaign_app.core.common import reuse

_name = pdfdoc.PDFName
_encode = pdfdoc.pdfdocEnc
# The ASCII characters reportlab's 'extpdfdoc' codec does not map to the same byte.
_NOT_ASCII_ALIKE = re.compile("[\x18-\x1f]")
# Names kept: a letter uses a few dozen, all alike; the bound only guards odd documents.
_KEPT_NAMES = 4096
_names: dict[str, str] = {}


def pdfdoc_enc(x: Any) -> Any:
    """reportlab's ``pdfdocEnc``: ``x`` as PDFDocEncoding bytes (bytes pass unchanged)."""
    if isinstance(x, str) and x.isascii() and reuse.enabled() and not _NOT_ASCII_ALIKE.search(x):
        return x.encode("ascii")
    return _encode(x)


def _keep(kept: dict[str, Any], bound: int, key: str, make: Callable[[str], Any]) -> Any:
    """``make(key)``, kept in ``kept`` for the next time (the lookup is the caller's, the
    cheapest step of a hit); ``kept`` is emptied when it holds ``bound``, a guard against
    odd documents only."""
    if len(kept) >= bound:
        kept.clear()
    found = kept[key] = make(key)
    return found


def pdf_name(data: Any, lo: str = "!", hi: str = "~") -> str:
    """reportlab's ``PDFName``: ``/data`` with the characters a name may not hold escaped;
    each distinct name escaped once per process."""
    if lo != "!" or hi != "~" or type(data) is not str or not reuse.enabled():
        return _name(data, lo, hi)
    found = _names.get(data)
    return found if found is not None else _keep(_names, _KEPT_NAMES, data, _name)


_format = pdfdoc.format
_fp_str = pdfdoc.fp_str
# Texts kept: the keys and names every letter writes (a few hundred bytes in all); a longer
# text (a page's content, ASCII85-encoded) is encoded each time, never kept.
_KEPT_TEXTS = 1024
_KEPT_LENGTH = 64
_texts: dict[str, bytes] = {}


def pdf_format(element: Any, document: Any, toplevel: int = 0) -> Any:
    """reportlab's ``format``, which writes every key and value of every object: a text (a
    name such as ``/Font``, a key) encoded once per process and then looked up, a number
    written and encoded in C; objects and anything else as reportlab writes them."""
    kind = type(element)
    if kind is str and reuse.enabled():
        if len(element) > _KEPT_LENGTH:  # a stream's encoded content: each letter's own
            return pdfdoc_enc(element)
        found = _texts.get(element)
        return found if found is not None else _keep(_texts, _KEPT_TEXTS, element, pdfdoc_enc)
    if (kind is int or kind is float) and reuse.enabled():
        return _fp_str(element).encode("ascii")  # digits, point and sign: pdfdocEnc's own bytes
    if kind is bytes:
        return element
    return _format(element, document, toplevel)


def install() -> None:
    """Put the three functions where reportlab's object writer looks them up (once is
    enough; again changes nothing)."""
    pdfdoc.pdfdocEnc = pdfdoc_enc
    pdfdoc.PDFName = pdf_name
    pdfdoc.format = pdf_format
