"""DOCX parts that are the same in many letters: written and deflated once per process.

Most of a letter's DOCX does not depend on its recipient: the styles (per language), the
numbering, settings, font table, application properties, the page-number footer and the
EXAMPLE header. Copying, serializing and deflating them again for every letter was half
of a DOCX's time. Here each is made once per process and content, and copied into each
letter's zip as the same bytes; a part a letter does change (the numbering of a letter
with numbered lists) is copied and written for that letter alone. ``common/reuse.plain()``
makes every part afresh, as before, for tests to compare.
"""

from __future__ import annotations

import functools
import zlib
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.parts.numbering import NumberingPart
from docx.parts.styles import StylesPart

from campaign_app.core.common import reuse


@dataclass(frozen=True)
class Deflated:
    """A part's bytes deflated once, copied as they are into the zip of every letter.

    The fonts embedded in each letter (docx/embedded_fonts.py) are the same 700 KB in every
    letter of a batch; deflating them again for each letter was most of a letter's time.
    The content in the zip is the same bytes; only the work is done once per process.
    """

    size: int
    crc: int
    data: bytes  # raw deflate stream, as a zip entry holds it

    @classmethod
    def of(cls, blob: bytes, level: int = zlib.Z_DEFAULT_COMPRESSION) -> Deflated:
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)  # -15: raw, as zip
        return cls(len(blob), zlib.crc32(blob), packer.compress(blob) + packer.flush())


class PrecompressedPart(Part):
    """A package part whose zip entry is written from its :class:`Deflated` bytes."""

    def __init__(self, partname: PackURI, content_type: str, blob: bytes, package, deflated: Deflated):
        super().__init__(partname, content_type, blob, package)
        self.deflated = deflated


@dataclass(frozen=True)
class SharedXml:
    """A part's XML as built once, with its written and deflated bytes."""

    element: Any
    deflated: Deflated

    @classmethod
    def of(cls, element: Any) -> SharedXml:
        return cls(element, Deflated.of(serialize_part_xml(element)))


class _CopiedOnUse:
    """A part made from a :class:`SharedXml`: zipped from its deflated bytes unless the
    letter asks for its element, which is then the letter's own copy. Without reuse
    (``shared`` None) the part is the letter's own ``element`` from the start."""

    def __init__(
        self, partname: PackURI, content_type: str, package: Any, shared: SharedXml | None, element=None
    ):
        Part.__init__(self, partname, content_type, package=package)  # type: ignore[arg-type]
        self._shared = shared
        self._own = element

    @property
    def _element(self) -> Any:
        if self._own is None:
            assert self._shared is not None
            self._own = deepcopy(self._shared.element)
        return self._own

    @_element.setter
    def _element(self, element: Any) -> None:
        self._own = element

    @property
    def deflated(self) -> Deflated | None:
        """The shared bytes while the letter has not touched the part, else None."""
        return self._shared.deflated if self._own is None and self._shared is not None else None


class SharedStylesPart(_CopiedOnUse, StylesPart):
    """``word/styles.xml`` from the styles shared by the letters of one language."""


class SharedNumberingPart(_CopiedOnUse, NumberingPart):
    """``word/numbering.xml``, copied only for a letter with a numbered list."""


# Parts kept as bytes above this size are a letter's own (a fallback face cut to its
# characters): deflated with the letter, not kept.
_SHARED_SIZE = 64 * 1024


@functools.lru_cache(maxsize=32)
def deflated_once(blob: bytes) -> Deflated:
    """``blob`` deflated, once per process and content (parts kept as bytes: settings,
    font table, application properties, footer, header)."""
    return Deflated.of(blob)


def zip_entry(part: Any) -> Deflated | None:
    """The ready deflated bytes of ``part`` for the zip, or None to deflate its blob now."""
    deflated = getattr(part, "deflated", None)
    if deflated is not None:
        return deflated
    if reuse.enabled() and type(part) is Part and len(part.blob) < _SHARED_SIZE:
        return deflated_once(part.blob)  # bytes that are the same in most letters
    return None
