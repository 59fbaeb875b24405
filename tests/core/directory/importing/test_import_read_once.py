"""A CSV file read for one import only (``read_source(..., once=True)``, as the command line
reads it) lets go of its bytes as its rows are read: the rows must be exactly those of a
file read to be previewed and planned again (the desktop app's Import dialog), however
the bytes are cut into pieces (a letter of two bytes, a quoted line break, a CRLF across
two pieces).
"""

from __future__ import annotations

import codecs
import csv
import io
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.importing import csv_reader
from campaign_app.core.directory.importing.read import read_source

CELLS = ["", "Léa", "Müller", "Šimečka", "Олександра", "a;b", "a,b", 'say "hi"', "two\nlines", "x\r\ny", " "]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251"]


def table_bytes(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["given_name", "family_name", "notes"])
    writer.writerows(rows)
    return buf.getvalue().encode(encoding)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(st.sampled_from(CELLS), min_size=3, max_size=3), min_size=1, max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(ENCODINGS),
    piece=st.integers(min_value=1, max_value=64),
)
def test_rows_read_once_are_the_rows_read_again(tmp_path, rows, delimiter, encoding, piece):
    try:
        data = table_bytes(rows, delimiter, encoding)
    except UnicodeEncodeError:
        assume(False)
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_reader, "PIECE", piece)
        named = "cp1251" if encoding == "cp1251" else None  # short Cyrillic: a doubt otherwise
        try:
            kept = read_source(path, encoding=named)
        except UserError as exc:  # a file the reader refuses is refused the same way read once
            with pytest.raises(UserError, match=re.escape(str(exc))):
                read_source(path, encoding=named, once=True)
            return
        once = read_source(path, encoding=named, once=True)
        assert once.describe() == kept.describe() and once.columns == kept.columns
        assert kept.preview(3) == list(kept.rows())[:3]
        assert list(once.rows()) == list(kept.rows())


def test_the_rows_of_a_file_read_once_cannot_be_read_twice(tmp_path, monkeypatch):
    """A second reading would find nothing: it is a mistake of the program, not an empty file."""
    monkeypatch.setattr(csv_reader, "PIECE", 8)
    path = tmp_path / "list.csv"
    path.write_bytes(codecs.BOM_UTF8 + table_bytes([["Léa", "Dupont", ""]] * 5, ";", "utf-8"))
    source = read_source(path, once=True)
    assert len(list(source.rows())) == 5
    with pytest.raises(RuntimeError, match="read already"):
        list(source.rows())
