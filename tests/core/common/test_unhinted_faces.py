"""PT Serif as a letter's PDF embeds it: the same outlines, widths and characters as the
package's file, without the hinting and the licence's text (common/unhinted_faces.py).

fontTools, which reads the fonts independently of the code that cut them, is the yardstick.
"""

from __future__ import annotations

import io
import logging

import pytest
from fontTools.ttLib import TTFont

from campaign_app.core.common.fonts import font_paths
from campaign_app.core.common.unhinted_faces import unhinted_face

HINTING = {"cvt ", "cvar", "fpgm", "prep", "hdmx", "VDMX", "LTSH"}


@pytest.fixture(scope="module", params=list(font_paths()))
def faces(request):
    """(the package's face, the face as embedded), both read by fontTools."""
    data = font_paths()[request.param].read_bytes()
    return TTFont(io.BytesIO(data)), TTFont(io.BytesIO(unhinted_face(data)))


def _outline(glyf, name):
    glyph = glyf[name]
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    components = [
        (c.glyphName, c.x, c.y, getattr(c, "transform", None)) for c in getattr(glyph, "components", [])
    ]
    return list(coordinates), list(ends), [f & 1 for f in flags], repr(components)


def test_every_glyph_keeps_its_outline_and_loses_its_instructions(faces, caplog):
    package, embedded = faces
    assert embedded.getGlyphOrder() == package.getGlyphOrder()
    with caplog.at_level(logging.WARNING, logger="fontTools"):
        for name in package.getGlyphOrder():
            assert _outline(embedded["glyf"], name) == _outline(package["glyf"], name), name
            program = getattr(embedded["glyf"][name], "program", None)
            assert program is None or not program.getBytecode(), name
    assert not caplog.records  # e.g. "too much glyph data": the glyph table is as fontTools expects
    # Each glyph is shorter by its instructions (and a composite by their count too, and by
    # the 0-3 bytes that padded it): nothing of them is left after the last point or component.
    cut = composites = 0
    for name in package.getGlyphOrder():
        glyph = package["glyf"][name]
        composites += glyph.isComposite()
        program = getattr(glyph, "program", None)
        if program is not None and program.getBytecode():
            cut += len(program.getBytecode()) + (2 if glyph.isComposite() else 0)
    left = package["loca"].locations[-1] - cut
    assert left - 3 * composites <= embedded["loca"].locations[-1] <= left
    # The package's faces are hinted: otherwise this test would prove nothing.
    assert any(getattr(package["glyf"][n], "program", None) for n in package.getGlyphOrder())


def test_widths_characters_and_metrics_are_the_package_s(faces):
    package, embedded = faces
    assert embedded["hmtx"].metrics == package["hmtx"].metrics  # every line breaks where it did
    assert embedded.getBestCmap() == package.getBestCmap()
    for table, field in [("head", "unitsPerEm"), ("hhea", "ascent"), ("hhea", "descent"), ("OS/2", "fsType")]:
        assert getattr(embedded[table], field) == getattr(package[table], field)
    assert all(ord(c) in embedded.getBestCmap() for c in "ӘәҒғҚқҢңӨөҰұҮүҺһІіЇїЄєҐґŠšėČ")


def test_the_hinting_tables_and_the_licence_text_are_left_out(faces):
    package, embedded = faces
    assert HINTING & set(package.keys())  # the package's face has them
    assert not HINTING & set(embedded.keys())
    assert "DSIG" not in embedded  # a signature over tables that changed
    assert {record.nameID for record in embedded["name"].names} <= set(range(7))
    for name_id in range(7):  # copyright, family, style, unique, full and PostScript names: as they were
        assert embedded["name"].getDebugName(name_id) == package["name"].getDebugName(name_id)
    assert embedded["maxp"].maxSizeOfInstructions == 0
