"""Keeping the SMTP password out of every text the user, the log file and the contact log see.

Mail servers are not careful: some answer a failed sign-in with the AUTH line they got
("535 Authentication failed for AHVzZXIAcGFzc3dvcmQ="), which is the password in base64,
and some repeat the user name and password outright. Such a reply is worth showing (it
says what went wrong), so it is shown with the password, in every form it travels in
(as typed, as bytes, as the base64 of AUTH PLAIN and AUTH LOGIN), replaced by a marker.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable

HIDDEN = "[password hidden]"

# A run of base64 characters: where an AUTH argument (or a piece of one) would be.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")
# Shorter secrets are not looked for inside base64: random runs would contain them.
_MIN_SECRET_IN_BASE64 = 4


def _forms(password: str, username: str) -> list[str]:
    """The password as it may appear in text: as typed, escaped, and as AUTH sends it."""
    raw = password.encode("utf-8")
    user = username.encode("utf-8")
    forms = {
        password,
        repr(raw)[2:-1],  # as Python shows bytes: \xd0\xbf…
        password.encode("unicode_escape").decode("ascii"),  # \u043f…
        raw.decode("latin-1"),  # UTF-8 read as Latin-1 (mojibake)
    }
    for blob in (raw, b"\0" + user + b"\0" + raw, user + b"\0" + user + b"\0" + raw):
        encoded = base64.b64encode(blob).decode("ascii")
        forms.update((encoded, encoded.rstrip("=")))
    return sorted((f for f in forms if f), key=len, reverse=True)


def _holds(run: str, raw: bytes) -> bool:
    """Whether a base64 run (or a piece of one, at any alignment) decodes to text holding ``raw``."""
    body = run.rstrip("=")
    for start in range(4):
        piece = body[start:]
        piece = piece[: len(piece) - len(piece) % 4]
        try:
            if raw in base64.b64decode(piece, validate=True):
                return True
        except (binascii.Error, ValueError):
            continue
    return False


def scrub(text: str, password: str | None, username: str = "") -> str:
    """``text`` with every form of ``password`` replaced by :data:`HIDDEN`."""
    return scrubber(password, username)(text)


def scrubber(password: str | None, username: str = "") -> Callable[[str], str]:
    """:func:`scrub` for one password, its forms worked out once: a session scrubs every
    server reply (each letter's), and making the forms (five base64 encodings) each time
    was a fiftieth of sending a letter."""
    if not password:
        return lambda text: text
    forms = _forms(password, username)
    raw = password.encode("utf-8")

    def scrub_text(text: str) -> str:
        if not text:
            return text
        for form in forms:
            if form in text:
                text = text.replace(form, HIDDEN)
        if len(raw) < _MIN_SECRET_IN_BASE64:
            return text
        return _BASE64_RUN.sub(lambda m: HIDDEN if _holds(m.group(), raw) else m.group(), text)

    return scrub_text
