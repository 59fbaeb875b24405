"""The first lines of what someone newly wrote: the quoted history, the signature and the
HTML taken away.

Only these lines of a reply are kept in the log (the privacy rule): enough for a
coordinator to see "will raise it with the minister" without opening the mailbox, never
the whole thread. Quoted history is recognised as mail programs write it: lines starting
with ">", an attribution line ("On … wrote:", "Am … schrieb …:", "Le … a écrit :",
"… пише:", "… написав(ла):", "… написал(а):"), an "Original Message" rule, or a header
block (From:/Sent:, Von:/Gesendet:, De :/Envoyé :, От:/Отправлено:, Від:/Надіслано:).
"""

from __future__ import annotations

import re
from email.message import Message
from html.parser import HTMLParser

from campaign_app.core.mail.inbox.decode import part_text

FIRST_LINES = 5
FIRST_CHARS = 500

# "On … wrote:", "Am … schrieb X:", "Le … a écrit :", "… пише:", "… написал(а):" (one line)
_ATTRIBUTION = re.compile(
    r"^.{0,300}\b(wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|escreveu|napisał|"
    r"пише|писала?|написала?|написав|написал|пишет)\b.{0,120}:\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(
    r"^\s*-{2,}\s*(original\s+message|ursprüngliche\s+nachricht|message\s+d'origine|"
    r"исходное\s+сообщение|оригінальне\s+повідомлення|вихідне\s+повідомлення|forwarded\s+message|"
    r"weitergeleitete\s+nachricht|message\s+transféré|пересланное\s+сообщение)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_HEADER_BLOCK_FROM = re.compile(r"^\s*\*?(from|von|de|от|від|van|da|od)\s*\*?\s*:\s*\S", re.IGNORECASE)
_HEADER_BLOCK_NEXT = re.compile(
    r"^\s*\*?(sent|date|gesendet|datum|envoyé|date|отправлено|дата|надіслано|to|an|à|кому)\s*\*?\s*:",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^-- ?$")  # the signature separator (RFC 3676)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")  # Outlook's rule above its header block


def new_text(msg: Message) -> str:
    """The message's own new text: its plain text part (or its HTML as text), quotes cut."""
    body = body_text(msg)
    return strip_quoted(body)


def first_lines(msg: Message, lines: int = FIRST_LINES, chars: int = FIRST_CHARS) -> str:
    """The first non-empty lines of the new text, joined by " / ", at most ``chars`` long."""
    kept = [" ".join(line.split()) for line in new_text(msg).splitlines() if line.strip()][:lines]
    return shown(" / ".join(kept), chars)


# Control characters (a terminal's escape sequences: "\x1b[2J" clears the screen) and the
# marks that reverse the direction of text: a sender's words are shown, never obeyed.
_UNSHOWN = dict.fromkeys(
    [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)], " "
)


def shown(text: str, chars: int) -> str:
    """A sender's text as it may be printed and kept: no control characters, one line, at
    most ``chars`` long."""
    text = " ".join(text.translate(_UNSHOWN).split())
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def body_text(msg: Message) -> str:
    """The first text/plain part that is not an attachment; else the first text/html as text."""
    plain = html = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "message/rfc822":
            break  # a forwarded or returned message: not this one's text
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    if plain is not None:
        return part_text(plain)
    if html is not None:
        return html_to_text(part_text(html))
    return ""


def strip_quoted(text: str) -> str:
    """The text above the quoted history and the signature."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue  # a quoted line; answers written between quotes are kept
        if _SIGNATURE.match(line):
            break
        if _RULE.match(line) or _UNDERSCORES.match(line) or _quoted_from(lines, i):
            break
        if _ATTRIBUTION.match(line) or _attribution_split(lines, i):
            break
        kept.append(line)
    return "\n".join(kept).strip()


def _quoted_from(lines: list[str], i: int) -> bool:
    """A header block of a quoted message: "From: …" followed within two lines by Sent/To."""
    if not _HEADER_BLOCK_FROM.match(lines[i]):
        return False
    return any(_HEADER_BLOCK_NEXT.match(line) for line in lines[i + 1 : i + 3])


def _attribution_split(lines: list[str], i: int) -> bool:
    """ "On Mon, 3 Jun 2024 at 10:00, Anna <a@b>" then "wrote:" on the next line (wrapped)."""
    if i + 1 >= len(lines) or not re.match(r"^\s*(on|am|le)\b", lines[i], re.IGNORECASE):
        return False
    return bool(_ATTRIBUTION.match(lines[i] + " " + lines[i + 1]))


# ---- HTML → text ------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"}
_SKIPPED = {"style", "script", "head", "title", "blockquote"}
# Containers mail programs put the quoted history in.
_QUOTE_MARKS = (
    "gmail_quote",
    "moz-cite-prefix",
    "yahoo_quoted",
    "divrplyfwdmsg",
    "appendonsend",
    "OutlookMessageHeader",
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # depth inside skipped elements
        self.stack: list[bool] = []  # for each open element: does it skip?
        self.stopped = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.stopped:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        if any(m.lower() in marks for m in _QUOTE_MARKS):
            self.stopped = True  # everything after the quote's start is history
            return
        skips = tag in _SKIPPED
        if tag not in ("br", "hr", "img", "meta", "link", "input"):
            self.stack.append(skips)
            self.skip += skips
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.stopped or tag in ("br", "hr", "img", "meta", "link", "input"):
            return
        if self.stack:
            self.skip -= self.stack.pop()
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip and not self.stopped:
            self.out.append(data.replace("\xa0", " "))


def html_to_text(html: str) -> str:
    """An HTML body as plain lines: blocks become lines, styles, scripts and quoted
    history (blockquote, the quote containers of common mail programs) are left out."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()
