"""Reading a CSV file as exported by a spreadsheet program.

The encoding is detected (:mod:`.encodings`); the delimiter is ``,``, ``;`` or tab,
whichever splits the first rows into the same number of columns
(:func:`detect_delimiter`); line endings may be CRLF, LF or CR.

Quotes are read strictly, as the directory reads its own files: a quoted cell may hold
line breaks (a postal address), but a quote never closed, or text after a closing quote,
is an error at the row where it opened. Read leniently, such a quote swallowed every row
after it into one cell, and the import said all was well.

A cell that a spreadsheet would run as a formula, written with a leading apostrophe by
``recipients export``, the import's own file of rows not imported, or another program
doing as OWASP advises (``'=HYPERLINK(…)``, ``'+380 44 123 4567``), is read without it
(core/common/formulas.py): importing an export gives back the very values exported.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.formulas import unneutralise
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import CYRILLIC_PAGES
from campaign_app.core.directory.columns import broken
from campaign_app.core.directory.importing.encodings import (
    CODE_PAGES,
    Decoded,
    decode_as,
    detect_encoding,
    refuse_mixed_encodings,
    utf8_head,
)
from campaign_app.core.directory.importing.sources import Row, Source


def detect_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one that splits the header into most columns, preferring
    one that splits the following rows into as many (a ``;`` in a notes cell of a comma
    file must not win)."""
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    best, best_score = ",", (False, 1)
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(
                itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), 60)
            )
        except csv.Error:
            continue
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths or widths[0] < 2:
            continue
        body = widths[1:-1] if len(widths) > 2 else widths[1:]
        consistent = not body or sum(w == widths[0] for w in body) >= 0.8 * len(body)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, data: bytes, encoding: str | None = None, once: bool = False) -> Source:
    """A CSV file's bytes as a table, in ``encoding`` if the user named one; a file in two
    encodings, or no text at all, is refused.

    The whole file is decoded once, to be sure every byte reads in the encoding found (a
    UTF-8 file a piece at a time, its text's NUL and apostrophes looked for in its bytes; a
    file found in a Latin code page only looked at for a byte the page lacks, its head
    decoded, the rest looked at as bytes, one a character); the
    rows are then decoded again as they are read, from the bytes (one byte a letter in a
    code page), instead of keeping the text of a 100,000-row file (two to four bytes a
    letter) for as long as the import runs. ``once``: the rows are read one time only (the
    command line plans once), so the bytes are let go as the rows are read: kept, they
    would be 12 MB more at the end of a 100,000-row file's plan, its peak of memory."""
    start = 0  # where a UTF-8 file's text starts in its bytes (after a byte-order mark)
    utf8 = None if encoding else utf8_head(data, HEAD)  # UTF-8 throughout: its text made once, as read
    if utf8 is not None:  # its ASCII characters are its bytes below 128: looked for in those
        decoded, start = utf8
        nul = b"\x00" in data  # (a BOM holds none)
    else:
        refuse_mixed_encodings(path, data)
        decoded = _named_encoding(path, data, encoding) if encoding else detect_encoding(data, path, HEAD)
        nul = b"\x00" in data if _nul_is_byte_0(decoded.codec) else "\x00" in decoded.text
    if nul:
        raise UserError(
            _("this is not a text file (it holds NUL bytes)"),
            Location(display_path(path)),
            _("export the sheet as CSV, or import the .xlsx file itself"),
        )
    delimiter = detect_delimiter(decoded.text[:HEAD])
    apostrophes = (
        _may_start_cells(decoded.text, delimiter)
        if utf8 is None and decoded.whole
        else _may_start_cells(data, delimiter, start)  # a code page read in part: its bytes
    )
    name, note, codec = decoded.encoding, decoded.note, decoded.codec
    del decoded
    shown = display_path(path)
    pieces = _pieces(data)

    def stream(consume: bool = False) -> Any:  # a csv reader (its line_num is read)
        raw = io.BufferedReader(_PieceStream(pieces, consume))
        # strict: a quote left open must not swallow the rows after it into one cell (one
        # row imported, "Dear Anna Test x2,mep,…" in its letter), as the directory reads it
        text = io.TextIOWrapper(raw, encoding=codec, newline="")
        return csv.reader(text, delimiter=delimiter, strict=True)

    reader = stream()
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise broken(exc, shown, 1) from None
    if header is None or not any(h.strip() for h in header):
        raise UserError(_("file is empty"), Location(shown, 1), _("the first row must name the columns"))
    columns = [h.strip() for h in header]
    columns[0] = columns[0].lstrip("\ufeff")
    columns = [unneutralise(c) for c in columns]

    read = False

    def rows() -> Iterator[Row]:
        nonlocal read
        if once and read:
            raise RuntimeError(f"the rows of {shown} were read already (read with once=True)")
        read = True
        return itertools.chain.from_iterable(_batches(stream(consume=once), shown, apostrophes))

    return Source(path, "CSV", columns, rows, encoding=name, encoding_note=note, delimiter=delimiter)


LOOKED = 1000  # apostrophes looked at, at most, before one is taken to start a cell
HEAD = 65536 * 2  # the characters the delimiter is told from


# Codecs that read a NUL (U+0000) from the byte 0 and from no other: a code page's text
# holds one if and only if its bytes do (a search of the bytes: a tenth of the text's time).
# Not UTF-16 or UTF-7, whose NUL is other bytes.
_NUL_AT_BYTE_0 = frozenset(
    codecs.lookup(name).name for name in ("utf-8", "utf-8-sig", *dict(CODE_PAGES), *CYRILLIC_PAGES)
)


def _nul_is_byte_0(codec: str) -> bool:
    try:
        return codecs.lookup(codec).name in _NUL_AT_BYTE_0
    except LookupError:
        return False


def _may_start_cells(text: str | bytes, delimiter: str, start: int = 0) -> bool:
    """Whether an apostrophe in ``text`` (from ``start``) may start a cell: one after the
    delimiter, a line's end or a quote (else no row's cells are looked at for one). Each
    apostrophe is found by ``find`` (a rare character: a search of "," + "'" would stop at
    every comma); past LOOKED of them, one is taken to. ``text`` may be a UTF-8 file's
    bytes: the characters looked for and at are ASCII, each its one byte there, and a
    letter above ASCII ends in a byte above 127, none of them."""
    after: tuple[Any, ...] = (delimiter, "\n", "\r", '"')
    apostrophe: Any = "'"
    if isinstance(text, bytes):
        after, apostrophe = tuple(c.encode("ascii") for c in after), b"'"
    at = text.find(apostrophe, start)
    for _looked in range(LOOKED):
        if at == -1:
            return False
        if at == start or text[at - 1 : at] in after:
            return True
        at = text.find(apostrophe, at + 1)
    return at != -1


BATCH = 512  # records read at once: their cells looked at at once


def _batches(reader: Any, shown: str, apostrophes: bool = True) -> Iterator[list[Row]]:
    """The rows after the header, each with the line it starts on, a batch at a time (the
    rows are given by a chain of the batches: no Python step a row), read by the csv
    module itself (``list.extend`` of an ``islice``: none here either). In a batch whose
    records took a line each (the reader's line count grew by as many), the rows start on
    consecutive lines; in any other, each row's lines are counted from the line breaks its
    quoted cells hold (:func:`_starts`). Where the file's text has an apostrophe that may
    start a cell (``apostrophes``), a cell starting with one (a formula an export
    neutralised) is looked for in all the batch's cells joined (no NUL in them), then in
    each row of a batch that has one. A broken row ends them, after the rows before it, at
    the line it starts on."""
    line = 1
    try:
        next(reader)
        line = reader.line_num + 1
    except csv.Error as exc:
        raise broken(exc, shown, line) from None
    while True:
        records: list[list[str]] = []
        error = None
        try:  # on an error, the records read before it stay in the list
            records.extend(itertools.islice(reader, BATCH))
        except csv.Error as exc:
            error = exc
        end = reader.line_num + 1
        starts: Sequence[int]
        if error is None and end - line == len(records):  # a line each
            starts, line = range(line, end), end
        else:
            starts, line = _starts(records, line)
        if apostrophes and "\0'" in "\0" + "\0".join(itertools.chain.from_iterable(records)):
            records = list(map(_unneutralised, records))
        if all(map(any, records)):
            yield list(zip(starts, records, strict=True))
        else:  # blank rows (no cell with text) left out
            yield [(start, cells) for start, cells in zip(starts, records, strict=True) if any(cells)]
        if error is not None:  # at the line the broken row starts on: where its quote opened
            raise broken(error, shown, line) from None
        if len(records) < BATCH:
            return


def _starts(records: list[list[str]], line: int) -> tuple[list[int], int]:
    """The line each record starts on, the first at ``line``, and the line after the last:
    a record takes one line and one more for each line break inside its quoted cells, kept
    in them as read (the reader's lines end at CR LF, LF or CR; none is anywhere else)."""
    starts = []
    for cells in records:
        starts.append(line)
        text = "\0".join(cells)
        line += 1 + text.count("\n") + text.count("\r") - text.count("\r\n")
    return starts, line


def _unneutralised(cells: list[str]) -> list[str]:
    """A row's cells with an export's apostrophe taken off, where one of them has it."""
    if "\0'" in "\0" + "\0".join(cells):
        return [unneutralise(cell) for cell in cells]
    return cells


PIECE = 1 << 20  # bytes: a file read once is let go a megabyte at a time


def _pieces(data: bytes) -> list[bytes]:
    """The file's bytes cut into pieces, so that a reading that consumes them can let go of
    each as soon as it is read (a bytes object is freed whole or not at all)."""
    if len(data) <= PIECE:
        return [data]
    return [data[start : start + PIECE] for start in range(0, len(data), PIECE)]


class _PieceStream(io.RawIOBase):
    """The pieces of a file read as one binary stream; with ``consume``, a piece read to
    its end is dropped from ``pieces`` (the list is the source's own: nothing keeps it)."""

    def __init__(self, pieces: list[bytes], consume: bool):
        self.pieces = pieces
        self.consume = consume
        self.index = 0  # the piece being read
        self.offset = 0  # how far into it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        pieces = self.pieces
        while self.index < len(pieces):
            piece = pieces[self.index]
            count = min(len(buffer), len(piece) - self.offset)
            if count > 0:
                memoryview(buffer)[:count] = memoryview(piece)[self.offset : self.offset + count]
                self.offset += count
                return count
            if self.consume:
                pieces[self.index] = b""
            self.index += 1
            self.offset = 0
        return 0


def _named_encoding(path: Path, data: bytes, encoding: str) -> Decoded:
    """The file read in the encoding the user named (``--encoding``); a byte-order mark,
    which says the same thing, is dropped."""
    try:
        codec = codecs.lookup(encoding.strip()).name
    except LookupError:
        raise UserError(
            _("unknown encoding '{encoding}'").format(encoding=encoding),
            Location(display_path(path)),
            _("use a name such as utf-8, utf-16, cp1251, koi8-u, cp1252 or cp1250"),
        ) from None
    return decode_as(
        data, codec, path, _("{encoding} (given with --encoding)").format(encoding=encoding.strip())
    )
