"""The PDF object writer's faster names and text encoding (core/common/pdf_objects.py) give
reportlab's own bytes for any text: ASCII, the control characters reportlab's codec maps
elsewhere or refuses, Latin-1, Cyrillic, Greek; and a name escaped once is the same name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc

from campaign_app.core.common import pdf_objects, reuse

_TEXT = st.text(alphabet=st.characters(max_codepoint=0x3FF), max_size=30)


def _outcome(function, *args):
    """What ``function`` returns, or the kind of error it raises."""
    try:
        return function(*args)
    except Exception as exc:  # any error: both must raise the same
        return type(exc)


@given(_TEXT)
def test_text_is_encoded_as_reportlab_encodes_it(text):
    assert _outcome(pdf_objects.pdfdoc_enc, text) == _outcome(pdf_objects._encode, text)
    with reuse.plain():
        assert _outcome(pdf_objects.pdfdoc_enc, text) == _outcome(pdf_objects._encode, text)


@pytest.mark.parametrize("code", [*range(0x18, 0x20), 0x0A, 0x7F])
def test_the_control_characters_go_through_reportlabs_codec(code):
    text = f"a{chr(code)}b"
    assert _outcome(pdf_objects.pdfdoc_enc, text) == _outcome(pdf_objects._encode, text)


def test_bytes_pass_unchanged():
    assert pdf_objects.pdfdoc_enc(b"\x18(x)") == b"\x18(x)"


@given(_TEXT)
def test_a_name_is_escaped_as_reportlab_escapes_it_the_first_time_and_again(text):
    assert pdf_objects.pdf_name(text) == pdf_objects._name(text)
    assert pdf_objects.pdf_name(text) == pdf_objects._name(text)
    assert pdf_objects.pdf_name(text, "a", "z") == pdf_objects._name(text, "a", "z")


def test_installed_where_reportlabs_writer_looks_them_up():
    from campaign_app.core.common.fonts import register_pdf_fonts

    register_pdf_fonts()
    assert pdfdoc.PDFName is pdf_objects.pdf_name
    assert pdfdoc.pdfdocEnc is pdf_objects.pdfdoc_enc
    assert pdfdoc.format is pdf_objects.pdf_format
    assert pdfdoc.PDFDictionary({"Type": "/Page", "A b": 1}).format(pdfdoc.DummyDoc()) == (
        b"<<\n/A#20b 1 /Type /Page\n>>"
    )


_LONG_TEXT = st.text(alphabet=st.characters(max_codepoint=0x3FF), min_size=65, max_size=200)


@given(
    st.one_of(
        _TEXT, _LONG_TEXT, st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans()
    )
)
def test_a_key_or_value_is_written_as_reportlab_writes_it(value):
    document = pdfdoc.DummyDoc()
    expected = _outcome(pdf_objects._format, value, document)
    assert _outcome(pdf_objects.pdf_format, value, document) == expected
    assert _outcome(pdf_objects.pdf_format, value, document) == expected  # again, as kept
    with reuse.plain():
        assert _outcome(pdf_objects.pdf_format, value, document) == expected
