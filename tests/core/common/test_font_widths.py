"""A word's width is measured once per process and font (core/common/pdf_fonts.py): the
width looked up is reportlab's, in any script and size, and the table stays bounded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from campaign_app.core.common import pdf_fonts, reuse
from campaign_app.core.common.fonts import BOLD, REGULAR, register_pdf_fonts

_TEXT = st.text(alphabet="AaZz éß ОлЇжӘәҚқ «»-.,'", max_size=20)


@given(_TEXT, st.sampled_from([8, 9.5, 10.5, 12]), st.sampled_from([REGULAR, BOLD]))
def test_a_width_looked_up_is_the_width_reportlab_measures(text, size, name):
    register_pdf_fonts()
    font = pdfmetrics.getFont(name)
    measured = TTFont.stringWidth(font, text, size)
    assert font.stringWidth(text, size) == measured  # measured, or looked up
    assert font.stringWidth(text, size) == measured  # looked up
    assert pdfmetrics.stringWidth(text, name, size) == measured
    with reuse.plain():
        assert font.stringWidth(text, size) == measured


def test_the_widths_kept_are_bounded(monkeypatch):
    register_pdf_fonts()
    font = pdfmetrics.getFont(REGULAR)
    monkeypatch.setattr(pdf_fonts, "_KEPT_WIDTHS", 10)
    for n in range(25):
        assert font.stringWidth(f"word {n}", 10) == TTFont.stringWidth(font, f"word {n}", 10)
    assert len(font._widths) <= 10
