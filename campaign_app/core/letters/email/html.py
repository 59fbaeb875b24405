"""A letter as one self-contained HTML document: the desktop preview and the e-mail's HTML part.

Like the PDF and DOCX writers it only turns the finished :class:`Letter` into markup and
adds no words of its own, so what the campaigner previews is what the PDF says.

Every string is escaped: names and addresses come from spreadsheets and case files from
other people, and a recipient called ``<script>`` must print as text, in a mail client
as in the preview. Links are only made for ``http``, ``https`` and ``mailto`` URLs; any
other scheme (``javascript:``, ``file:``) is shown as plain text, never as a link.

The markup keeps to what both mail clients and Qt's rich-text engine understand: simple
block elements, ``<sup>`` for footnote references, a numbered ``<ol>`` of sources with
anchors, and a small ``<style>`` sheet with no external resources.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from campaign_app.core.common.fonts import FONT_FAMILY
from campaign_app.core.letters.document import (
    Block,
    Heading,
    Inline,
    Letter,
    ListBlock,
    Paragraph,
    Quote,
)
from campaign_app.core.letters.inline_markup import InlineDialect, inline_markup, printable

LINK_SCHEMES = ("http", "https", "mailto")

STYLE = f"""\
body {{ font-family: '{FONT_FAMILY}', Georgia, 'Times New Roman', serif; font-size: 11pt;
  color: #1a1a1a; line-height: 1.4; }}
.letter {{ max-width: 42em; }}
p {{ margin-top: 0; margin-bottom: 0.7em; }}
.organisation {{ font-size: 13pt; font-weight: bold; margin-bottom: 0.1em; }}
.letterhead {{ color: #555555; font-size: 9.5pt; }}
.date {{ text-align: right; margin-top: 1em; }}
.address {{ margin-top: 1em; margin-bottom: 1.4em; }}
.subject {{ font-weight: bold; margin-bottom: 1.2em; }}
.closing {{ margin-top: 1.2em; }}
.signatory {{ margin-top: 1.6em; }}
.role {{ color: #555555; }}
.footnotes-heading {{ font-weight: bold; margin-top: 2em; font-size: 10pt; }}
.footnotes {{ font-size: 9.5pt; color: #333333; }}
a {{ color: #1f4e8c; }}
blockquote {{ margin-left: 1.5em; color: #333333; }}
hr {{ border: 0; border-top: 1px solid #999999; }}
.example {{ color: #b00020; font-size: 9pt; font-weight: bold; margin-bottom: 1em; }}
"""


def esc(text: str) -> str:
    """Text made inert for HTML content and double-quoted attributes."""
    return html.escape(printable(text), quote=True)


def safe_link(url: str | None) -> str | None:
    """The URL if it may be a clickable link (http, https, mailto), else None."""
    if not url:
        return None
    url = printable(url).strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in LINK_SCHEMES else None


def footnote_anchor(number: int) -> str:
    """The id of footnote ``number`` in the document (links point at ``#fn-N``)."""
    return f"fn-{number}"


def _lines(lines: tuple[str, ...] | list[str]) -> str:
    return "<br>\n".join(esc(line) for line in lines)


def _link(url: str | None, inner: str) -> str:
    target = safe_link(url)
    return f'<a href="{esc(target)}">{inner}</a>' if target else inner


def _reference(number: int, listed: bool) -> str:
    text = f'<a href="#{footnote_anchor(number)}">{number}</a>' if listed else str(number)
    return f"<sup>{text}</sup>"


_INLINES = InlineDialect(
    escape=esc, link=_link, reference=_reference, reference_separator="<sup>,</sup>", line_break="<br>"
)


class _Writer:
    def __init__(self, letter: Letter):
        self.letter = letter
        self.footnote_numbers = {f.number for f in letter.footnotes}

    def inlines(self, inlines: tuple[Inline, ...]) -> str:
        return inline_markup(inlines, _INLINES, self.footnote_numbers)

    def blocks(self, blocks: tuple[Block, ...]) -> list[str]:
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(f"<p>{self.inlines(block.inlines)}</p>")
            elif isinstance(block, Heading):
                level = min(max(block.level, 1), 3) + 1  # h1 is the subject's rank; body starts at h2
                out.append(f"<h{level}>{self.inlines(block.inlines)}</h{level}>")
            elif isinstance(block, ListBlock):
                out.append(self.list_block(block))
            elif isinstance(block, Quote):
                out.append("<blockquote>\n" + "\n".join(self.blocks(block.blocks)) + "\n</blockquote>")
        return out

    def list_block(self, block: ListBlock) -> str:
        if block.ordered:
            start = f' start="{block.start}"' if block.start != 1 else ""
            tag, open_tag = "ol", f"<ol{start}>"
        else:
            tag, open_tag = "ul", "<ul>"
        items = []
        for item in block.items:
            inner = item.blocks
            # A "tight" list item is one paragraph: no <p> margins inside the bullet.
            if len(inner) == 1 and isinstance(inner[0], Paragraph):
                items.append(f"<li>{self.inlines(inner[0].inlines)}</li>")
            else:
                items.append("<li>" + "\n".join(self.blocks(inner)) + "</li>")
        return open_tag + "\n" + "\n".join(items) + f"\n</{tag}>"

    def document(self) -> str:
        letter = self.letter
        head = letter.letterhead
        body: list[str] = []
        if letter.example:  # as on every page of its PDF and DOCX: not a real appeal
            body.append(f'<p class="example">{esc(letter.example_caption)}</p>')
        if head.organisation:
            body.append(f'<p class="organisation">{esc(head.organisation)}</p>')
        if head.lines:
            body.append(f'<p class="letterhead">{_lines(head.lines)}</p>')
        if head.organisation or head.lines:
            body.append("<hr>")
        if letter.place_and_date:
            body.append(f'<p class="date">{esc(letter.place_and_date)}</p>')
        if letter.recipient_lines:
            body.append(f'<p class="address">{_lines(letter.recipient_lines)}</p>')
        if letter.subject:
            body.append(f'<p class="subject"><b>{esc(letter.subject)}</b></p>')
        if letter.salutation:
            body.append(f'<p class="salutation">{esc(letter.salutation)}</p>')
        body += self.blocks(letter.body)
        if letter.closing:
            body.append(f'<p class="closing">{esc(letter.closing)}</p>')
        for s in letter.signatories:
            role = f'<br>\n<span class="role">{esc(s.role)}</span>' if s.role else ""
            body.append(f'<p class="signatory">{esc(s.name)}{role}</p>')
        body += self.footnotes()
        lang = esc(letter.language or "en")
        title = esc(letter.subject or letter.title or head.organisation)
        meta = f'<meta name="author" content="{esc(letter.author)}">\n' if letter.author else ""
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n{meta}<style>\n{STYLE}</style>\n</head>\n"
            f'<body>\n<div class="letter">\n' + "\n".join(body) + "\n</div>\n</body>\n</html>\n"
        )

    def footnotes(self) -> list[str]:
        notes = self.letter.footnotes
        if not notes:
            return []
        out = [f'<p class="footnotes-heading">{esc(self.letter.footnotes_heading)}</p>']
        items = []
        for fn in notes:
            anchor = footnote_anchor(fn.number)
            url = ""
            if fn.url:
                target = safe_link(fn.url)
                url = f' <a href="{esc(target)}">{esc(fn.url)}</a>' if target else f" {esc(fn.url)}"
            # value= keeps the number right even if a footnote were ever left out.
            items.append(f'<li id="{anchor}" value="{fn.number}">{esc(fn.text)}{url}</li>')
        out.append('<ol class="footnotes">\n' + "\n".join(items) + "\n</ol>")
        return out


def letter_html(letter: Letter) -> str:
    """The whole letter as a complete HTML5 document (UTF-8, LF line endings)."""
    return _Writer(letter).document()
