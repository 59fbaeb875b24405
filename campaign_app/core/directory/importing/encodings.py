"""The encoding of a text file nobody named: UTF-8, UTF-16, or one of Excel's code pages.

Coordinators get CSV files saved by every version of Excel in Europe: UTF-8 with or
without byte-order mark, UTF-16 ("Unicode text"), else one of the 8-bit code pages,
told apart by which reading gives words made of letters (:func:`detect_encoding`). A
file whose rows are in two encodings is refused (:func:`refuse_mixed_encodings`): read
either way, part of it would be imported as mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import N_, _, ngettext
from campaign_app.core.directory.importing.charsets import EncodingDoubt, guess_code_page, shown_name

# 8-bit code pages tried in this order when a file is not UTF-8; a tie goes to the first.
# Windows-1252 is what Excel writes in Western Europe; ISO-8859-2 and Windows-1250 hold
# the Central European letters (ł, ś, ž, ő, ț…); ISO-8859-15 is Latin-1 with € and Š.
CODE_PAGES = (
    ("cp1252", "Windows-1252"),
    ("iso-8859-2", "ISO-8859-2"),
    ("cp1250", "Windows-1250"),
    ("iso-8859-15", "ISO-8859-15"),
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A word's bytes: ASCII letters and every byte above 127; any other byte made a space, so
# that bytes.split() gives the words (the runs of such bytes) in C.
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") | frozenset(range(128, 256))
_SPACED = bytes(b if b in _WORD_BYTES else 32 for b in range(256))
_SLICE = 1 << 18  # bytes split into words at a time, until enough distinct words are found
_PIECE = 1 << 16  # bytes checked as UTF-8 at a time
DISTINCT_WORDS = 5000  # the distinct words above ASCII the code page is told from
# Punctuation that sits next to letters in real text (quotes, dashes, apostrophes).
# Letters that are rare in names and texts, yet what another code page's common letters read
# as (à → ŕ, ò → ň, ï → ď, å → ĺ in Windows-1250): they do not count for a reading.
_RARE_LETTERS = frozenset("ŕŔĺĹďĎňŇľĽţŢðÐþÞÿ˙ºª")
_TEXT_PUNCTUATION = frozenset("‘’‚‛“”„‟«»‹›–—…·\u00a0\u00ad´")


_VOWELS = frozenset("aeiouy")
# Central European consonants that Western vowels read as in Windows-1250/ISO-8859-2
# (è → č, ò → ň, à → ŕ), and Western vowels that Czech consonants read as in
# Windows-1252 (ř → ø, ě → ì): a consonant between two consonants ("Michčle") or a vowel
# between two vowels ("Dvoøák") is how a wrong reading shows inside a word.
_CE_CONSONANTS = frozenset("čřňďťŕĺľćńśźżłšžđČŘŇĎŤŔĹĽĆŃŚŹŻŁŠŽĐ")
_WESTERN_VOWELS = frozenset("àåæèêìïòøùûâîôÀÅÆÈÊÌÏÒØÙÛÂÎÔ")
# Polish writes ni, si, zi before a vowel, never ń, ś, ź ("Peńa" is Peña misread); Czech
# puts ě and ů only after consonants ("piů" is più misread).
_NOT_BEFORE_VOWEL = frozenset("ńśźŃŚŹ")
_NOT_AFTER_VOWEL = frozenset("ěůĚŮ")


def _is_letter(char: str) -> bool:
    return char.isalpha()


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0].lower()


def _is_vowel(char: str) -> bool:
    return char.isalpha() and (_base(char) in _VOWELS or char in _WESTERN_VOWELS)


def _is_consonant(char: str) -> bool:
    return char.isalpha() and not _is_vowel(char)


def _plausibility(text: str) -> int:
    """How much ``text`` looks like words: letters count for; stray symbols inside words
    (``Mo¿e``, ``£ód¼`` for ``Może``, ``Łódź``), control characters, and letters in a
    place their language never puts them count against."""
    score = 0
    length = len(text)
    for match in _NON_ASCII.finditer(text):
        char = match.group()
        i = match.start()
        if "\x80" <= char <= "\x9f":
            score -= 10  # C1 control: never in a real text file
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < length else " "
        if char.isalpha():
            if (
                char in _CE_CONSONANTS
                and (
                    (_is_consonant(before) and _is_consonant(after))
                    or not (_is_letter(before) or _is_letter(after))  # "č" alone: "è" misread
                )
            ) or (
                (char in _WESTERN_VOWELS and _is_vowel(before) and _is_vowel(after))
                or (char in _NOT_BEFORE_VOWEL and _is_vowel(after))
                or (char in _NOT_AFTER_VOWEL and _is_vowel(before))
            ):
                score -= 1
            elif char not in _RARE_LETTERS:
                score += 1
            continue
        if char in _TEXT_PUNCTUATION or unicodedata.category(char) == "Zs":
            continue
        if char in "¿¡" and not _is_letter(before):
            continue  # Spanish opening marks
        if _is_letter(before) or _is_letter(after):
            score -= 3
    return score


@dataclass(frozen=True)
class Decoded:
    """A text file decoded, with the encoding as the user is shown it (and why it is a guess)."""

    text: str
    encoding: str  # the name shown to the user
    note: str | None = None
    codec: str = "utf-8"  # Python's name, to read the file again as a stream
    # False: ``text`` is the file's first characters only (a Latin code page read with
    # :func:`detect_encoding`'s ``head``: one byte a character, its ASCII ones its bytes)
    whole: bool = True


_ADVICE = N_(
    "save the file as 'CSV UTF-8' in your spreadsheet program, or name its encoding: "
    "--encoding cp1251 (Windows Cyrillic), koi8-u, cp1252 (Western), cp1250 (Central European)"
)


def detect_encoding(data: bytes, path: Path | None = None, head: int | None = None) -> Decoded:
    """Decode a text file whose encoding nobody told us: byte-order marks and UTF-8 first,
    then charset-normalizer's guess of the script (:mod:`.charsets`), then, for the Latin
    code pages, the rules below. A guess in doubt, or one the whole file then contradicts,
    is refused (naming ``path``) rather than read into garbled names. ``head``: a file
    found in a Latin code page is decoded only that far (``whole`` False), each byte of
    the rest looked at only for whether the code page has it (:func:`_latin_reading`)."""
    utf8 = utf8_reading(data)
    if utf8 is not None:
        return utf8
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "UTF-16", codec="utf-16")
        except UnicodeDecodeError:
            pass
    shown = Location(display_path(path)) if path is not None else None
    try:
        cyrillic = guess_code_page(data)
    except EncodingDoubt as doubt:
        raise UserError(doubt.message, shown, _(_ADVICE)) from None
    if cyrillic is not None:
        return decode_as(data, cyrillic, path, f"{shown_name(cyrillic)}", "not UTF-8")
    return _latin_reading(data, head)


def utf8_reading(data: bytes) -> Decoded | None:
    """The file read as UTF-8, with or without a byte-order mark; None when it is not UTF-8
    throughout (no UTF-16 file is: its mark is no UTF-8). Such a file mixes no encodings:
    :func:`refuse_mixed_encodings` has nothing to look at. Whether it is, is found a piece
    at a time first (:func:`_utf8_from`): a failed decoding of the whole file copies all
    its bytes into the error (12 MB of a 100,000-row file in a code page, twice here)."""
    start = _utf8_start(data)
    if start is None:
        return None
    name, codec = _UTF8_FORMS[start]
    return Decoded(data[start:].decode("utf-8"), name, codec=codec)


def utf8_head(data: bytes, head: int) -> tuple[Decoded, int] | None:
    """What :func:`utf8_reading` finds, without the whole text: the file's first ``head``
    characters as ``text``, and where its text starts in ``data`` (after a byte-order
    mark); None when it is not UTF-8 throughout. Checked 64 KB at a time: the whole text
    of a large file (a string of two bytes a letter, 25 MB for a 12 MB list with one 'š')
    was made only to be let go."""
    start = _utf8_start(data)
    if start is None:
        return None
    name, codec = _UTF8_FORMS[start]
    return Decoded(_utf8_text(data, start, head), name, codec=codec), start


# Where a UTF-8 file's text starts in its bytes: (the name shown, the codec to read it with).
_UTF8_FORMS = {3: (N_("UTF-8 with BOM"), "utf-8-sig"), 0: ("UTF-8", "utf-8")}


def _utf8_start(data: bytes) -> int | None:
    """Where ``data``'s text starts when it is UTF-8 throughout (3: after a byte-order
    mark), else None."""
    if data.startswith(codecs.BOM_UTF8) and _utf8_from(data, 3):
        return 3
    if _utf8_from(data, 0):  # a BOM followed by something else: the rest tried with it
        return 0
    return None


def _utf8_from(data: bytes, start: int) -> bool:
    """Whether ``data`` from ``start`` on is UTF-8 (as its decoding would find)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for at in range(start, len(data), _PIECE):
            decoder.decode(view[at : at + _PIECE])
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_text(data: bytes, start: int, head: int) -> str:
    """The first ``head`` characters of ``data``'s text from ``start`` (UTF-8 throughout)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    return decoder.decode(data[start : start + 4 * head + 4], False)[:head]


def decode_as(data: bytes, codec: str, path: Path | None, name: str, note: str | None = None) -> Decoded:
    """The whole file in ``codec``; a byte it cannot hold is refused at its line (the
    encoding was a guess from a sample, or named by the user, and is wrong)."""
    try:
        return Decoded(data.decode(codec), name, note, codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserError(
            _("byte 0x{byte} cannot be read as {encoding}: the file is in another encoding").format(
                byte=f"{data[exc.start]:02X}", encoding=name
            ),
            Location(display_path(path), line) if path is not None else None,
            _(_ADVICE),
        ) from None


def _latin_reading(data: bytes, head: int | None = None) -> Decoded:
    """Which of the Latin code pages reads ``data`` as words; with ``head``, its text only
    that far (the rest of a code page's text is the rest of its bytes, one a character:
    whether the page has each byte is all the whole text was made to tell, 12 MB of text
    of a 100,000-row file decoded to be let go)."""
    # Only the words holding a byte above 127 can tell the code pages apart: each distinct
    # word is decoded and scored once per code page, weighted by how often it occurs. A few
    # thousand distinct words decide as well as a hundred thousand, much sooner.
    words = _high_words(data, DISTINCT_WORDS)
    readings: list[tuple[int, str, str, list[str]]] = []
    scores: dict[str, int] = {}  # a word most code pages read alike (é is é in all four) is scored once
    for codec, name in CODE_PAGES:
        try:  # one byte a letter and no line break in a word: the words decoded in one call
            texts = b"\n".join(words).decode(codec).split("\n") if words else []
        except UnicodeDecodeError:
            continue
        for text in texts:
            if text not in scores:
                scores[text] = _plausibility(text)
        score = sum(n * scores[text] for text, n in zip(texts, words.values(), strict=True))
        readings.append((score, codec, name, texts))
    readings.sort(key=lambda r: -r[0])  # stable: the first of equals stays first
    for score, codec, name, texts in readings:
        if head is not None:
            if any(map(data.__contains__, _lacks(codec))):  # a byte this code page lacks
                continue
            text = data[:head].decode(codec)
        else:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:  # a byte further on that this code page lacks
                continue
        rivals = [other for s, _c, other, t in readings if s == score and t != texts and other != name]
        note = _("not UTF-8")
        if rivals:
            note = _("not UTF-8: a guess, {rivals} would read the accents differently").format(
                rivals=" / ".join(rivals)
            )
        return Decoded(text, name, note, codec, whole=head is None)
    # Every byte has a meaning in ISO-8859-1: the last resort.
    return Decoded(
        data.decode("latin-1"), "ISO-8859-1", _("not UTF-8: a guess, check the accents"), "latin-1"
    )


@cache
def _lacks(codec: str) -> tuple[bytes, ...]:
    """The bytes code page ``codec`` has no character for: a text holding none decodes
    (each byte is read on its own, as its one character)."""
    lacking = []
    for byte in range(256):
        try:
            bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            lacking.append(bytes([byte]))
    return tuple(lacking)


def _high_words(data: bytes, distinct: int) -> Counter[bytes]:
    """The words of ``data`` holding a byte above 127 (whole runs of ASCII letters and such
    bytes), counted in order until ``distinct`` different ones are found: a slice of the
    file at a time (cut at a line's end: no word is cut) split into words in C, its ASCII
    words left out by ``filterfalse`` (a pattern tried at every byte took 2.5x as long)."""
    words: Counter[bytes] = Counter()
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + _SLICE)
        end = len(data) if end == -1 else end + 1
        for word in filterfalse(bytes.isascii, data[start:end].translate(_SPACED).split()):
            words[word] += 1
            if len(words) >= distinct:
                return words
        start = end
    return words


def _rows_are(rows: list[int]) -> str:
    """ "row 3 is" or "rows 3, 4 and 12 more are", for a message."""
    shown = ", ".join(str(r) for r in rows[:10])
    if len(rows) > 10:
        shown = _("{rows} and {count} more").format(rows=shown, count=len(rows) - 10)
    return ngettext("row {rows} is", "rows {rows} are", len(rows)).format(rows=shown)


def _has_utf8_letters(data: bytes) -> bool:
    """Whether ``data`` holds a letter above ASCII written in UTF-8 (a valid sequence of two
    to four bytes): without one, no line of it but the ASCII ones can read as UTF-8, and
    the lines need not be tried one by one. Read with its other bytes left out, such a file
    is ASCII: two passes in C over the whole file, where trying each line in turn took
    twice as long (and keeping those bytes as escapes, then writing them back, five times).
    Decoded a piece at a time (no 12 MB text of a large file made to be looked at once),
    until a piece holds such a letter."""
    decoder = codecs.getincrementaldecoder("utf-8")("ignore")
    view = memoryview(data)
    for at in range(0, len(data), _PIECE):
        if not decoder.decode(view[at : at + _PIECE]).isascii():
            return True
    return not decoder.decode(b"", True).isascii()


def refuse_mixed_encodings(path: Path, data: bytes) -> None:
    """Refuse a file whose rows are in two encodings: some UTF-8 ("Šimečka"), some an old
    code page ("Müller" in Windows-1252), as when rows from two exports are pasted together.
    Read either way, one group would be imported as mojibake; the message names the rows
    of the smaller group so they can be corrected."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data.isascii():
        return
    bom = data.startswith(codecs.BOM_UTF8)
    if _utf8_from(data, 3 if bom else 0):  # a piece at a time: no copy of the file in an error
        return
    body = data[3:] if bom else data
    if not _has_utf8_letters(body):
        return  # no line can read as UTF-8 (the usual code-page file): no line to look at
    utf8: list[int] = []
    other: list[int] = []
    other_bytes: list[bytes] = []
    for number, line in enumerate(body.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(number)
        except UnicodeDecodeError:
            other.append(number)
            other_bytes.append(line)
    if not utf8 or not other:
        return
    try:
        legacy = detect_encoding(b"\n".join(other_bytes)).encoding
    except UserError:
        legacy = _("an older code page")
    groups = sorted([(utf8, "UTF-8"), (other, legacy)], key=lambda g: len(g[0]))
    (few, few_name), (many, many_name) = groups
    raise UserError(
        ngettext(
            "the file mixes two encodings: {rows_are} {few_name}, the other {count} "
            "with accented letters is {many_name}",
            "the file mixes two encodings: {rows_are} {few_name}, the other {count} "
            "with accented letters are {many_name}",
            len(many),
        ).format(rows_are=_rows_are(few), few_name=few_name, count=len(many), many_name=many_name),
        Location(display_path(path), few[0]),
        _(
            "open the file in your spreadsheet program, correct the accented letters "
            "of the {few_name} rows, and save it as 'CSV UTF-8' (or import the two "
            "parts as separate files)"
        ).format(few_name=few_name),
    )
