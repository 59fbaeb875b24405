"""A directory CSV read as a stream of lines gives the rows and lines the whole text gives.

``read_rows`` reads a CSV as it is decoded, line by line, as ``csv.DictReader`` over an
open file does; before, the whole text was decoded and cut into lines first. Files with
every kind of line end (\\n, \\r\\n, a lone \\r, U+2028 inside a cell), a BOM, quoted line
breaks, broken quotes, wrong headers and bytes that are not UTF-8 must give the same rows,
the same first lines, and the same error at the same place.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.directory.columns import _collect, open_csv, read_rows

ENDS = ["\n", "\r\n", "\r"]
cells = st.sampled_from(
    [
        "mep-1",
        "mep",
        "Anna",
        "Šimečka",
        "",
        " x ",
        '"Rue 1\nBrussels"',
        '"a\r\nb"',
        '"a\rb"',
        "a\u2028b",
        '"say ""hi"""',
        "a;b",
        '"open',
        "x\x0by",
        "DE",
    ]
)
headers = st.sampled_from(
    [
        "id,category,given_name",
        "id;category;family_name",
        "id,category,nickname",
        "id\tcategory\tgiven_name",
        "name",
    ]
)


def both_ways(path: Path):
    def outcome(read):
        try:
            rows = read()
        except (UserError, UserErrors) as exc:
            return ("error", str(exc))
        return None if rows is None else (rows.header, rows.columns, rows.cells, list(rows.lines))

    return outcome(lambda: read_rows(path)), outcome(lambda: _collect(*open_csv(path)))


@settings(max_examples=300, deadline=None)
@given(
    headers,
    st.lists(st.tuples(st.lists(cells, min_size=0, max_size=4), st.sampled_from(ENDS)), max_size=8),
    st.sampled_from(ENDS),
    st.booleans(),
    st.sampled_from([b"", b"\xff", b"\xe9t\xe9"]),
    st.booleans(),
)
def test_a_file_read_as_a_stream_reads_as_the_whole_text(header, rows, end, bom, stray, stray_first):
    delimiter = ";" if ";" in header else "\t" if "\t" in header else ","
    body = "".join(delimiter.join(row) + row_end for row, row_end in rows).encode("utf-8")
    body = stray + body if stray_first else body + stray
    data = (b"\xef\xbb\xbf" if bom else b"") + (header + end).encode("utf-8") + body
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_bytes(data)
        streamed, whole = both_ways(path)
    assert streamed == whole
