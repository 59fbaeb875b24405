"""Text out of mail as people's mail programs really write it: encoded words (RFC 2047) in
any charset, raw 8-bit headers in a charset nobody declared, bodies whose declared charset
is wrong or missing. Nothing here raises on bad input: a message that cannot be read
well is read as well as it can be.
"""

from __future__ import annotations

import codecs
import email.header
import email.utils
from email.errors import HeaderParseError
from email.message import Message

from charset_normalizer import from_bytes


def guess_text(data: bytes, declared: str | None = None) -> str:
    """``data`` as text: in its declared charset when that reads cleanly, else UTF-8, else
    the charset charset-normalizer finds most likely, else Latin-1 (never fails)."""
    for charset in (declared, "utf-8"):
        if not charset:
            continue
        try:
            codecs.lookup(charset)
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(data).best() if data else None
    return str(best) if best is not None else data.decode("latin-1")


def header_charset(msg: Message) -> str | None:
    """The charset of the raw 8-bit bytes in the headers, guessed once from all of them
    together (one short name alone is too little to guess from); None when all are ASCII."""
    raw = b"\n".join(str(v).encode("ascii", "surrogateescape") for _k, v in msg.raw_items())
    if raw.isascii():
        return None
    for charset in ("utf-8", msg.get_content_charset()):
        try:
            if charset:
                raw.decode(charset)
                return charset
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(raw).best()
    return best.encoding if best is not None else "latin-1"


def header_text(msg: Message, name: str, charset: str | None = None) -> str:
    """A header's value as text (``msg`` parsed with the compat32 policy, so raw 8-bit bytes
    survive): encoded words decoded, 8-bit bytes read in ``charset`` (else guessed), folding
    undone."""
    wanted = name.lower()
    value = next((v for k, v in msg.raw_items() if k.lower() == wanted), None)
    if value is None:
        return ""
    raw = str(value).encode("ascii", "surrogateescape")
    if not raw.isascii():
        return " ".join(guess_text(raw, charset or header_charset(msg)).split())
    return " ".join(decode_words(raw.decode("ascii")).split())


def decode_words(text: str) -> str:
    """RFC 2047 encoded words decoded; a word in an unknown or wrong charset is guessed."""
    try:
        parts = email.header.decode_header(text)
    except HeaderParseError:
        return text
    try:
        return str(email.header.make_header(parts))
    except (LookupError, UnicodeError, HeaderParseError):
        pass
    out = [chunk if isinstance(chunk, str) else guess_text(chunk, charset) for chunk, charset in parts]
    return " ".join(t.strip() for t in out)


def address_of(msg: Message, name: str = "From", charset: str | None = None) -> tuple[str, str]:
    """(display name, address in lower case) of the first address in the header."""
    text = header_text(msg, name, charset)
    found = email.utils.getaddresses([text])
    for display, address in found:
        if "@" in address:
            return display.strip(), address.strip().lower()
    return "", ""


def message_ids(text: str) -> list[str]:
    """The Message-IDs named in an In-Reply-To or References header, in order, each as
    ``<local@domain>``."""
    ids, start = [], text.find("<")
    while start != -1:
        end = text.find(">", start)
        if end == -1:
            break
        inner = "".join(text[start + 1 : end].split())
        if inner:
            ids.append(f"<{inner}>")
        start = text.find("<", end)
    return ids


def part_text(part: Message) -> str:
    """A text part's content as text, its charset guessed when the declared one is wrong."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    return guess_text(payload, part.get_content_charset())
