"""The letter as HTML (desktop preview, e-mail alternative): complete, escaped, linked."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.letters.document import (
    Footnote,
    FootnoteRef,
    Heading,
    Letter,
    Letterhead,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Signatory,
)
from campaign_app.core.letters.email.html import letter_html, safe_link
from campaign_app.core.letters.render import render_letter


def letter(**changes) -> Letter:
    base = dict(
        recipient_id="r1",
        template_id="t1",
        case_id="c1",
        language="en",
        title="Appeal",
        author="Rights Watchers",
        subject="Stop the extradition",
        letterhead=Letterhead("Rights Watchers", ("1 Rue Haute, Brussels",)),
        place_and_date="Brussels, 24 November 2026",
        recipient_lines=("Mr Michal Šimečka MEP", "European Parliament"),
        salutation="Dear Mr Šimečka,",
        body=(Paragraph((Run("Hello."),)),),
        closing="Yours sincerely,",
        signatories=(Signatory("Anna Smith", "Director"),),
    )
    base.update(changes)
    return Letter(**base)


class _Collect(HTMLParser):
    """Records start tags with attributes, and the text, to check structure not spelling."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "hr", "meta"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Collect:
    parser = _Collect()
    parser.feed(markup)
    parser.close()
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser


def test_a_complete_document_with_language_title_and_every_part_of_the_letter():
    markup = letter_html(letter())
    assert markup.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in markup
    assert "<title>Stop the extradition</title>" in markup
    assert "http" not in markup.split("</head>")[0]  # no external resources
    text = "".join(parse(markup).text)
    for part in (
        "Rights Watchers",
        "Brussels, 24 November 2026",
        "Mr Michal Šimečka MEP",
        "Dear Mr Šimečka,",
        "Hello.",
        "Yours sincerely,",
        "Anna Smith",
        "Director",
    ):
        assert part in text
    assert text.index("Dear Mr Šimečka,") < text.index("Hello.") < text.index("Yours sincerely,")


def test_every_text_is_escaped_so_markup_from_a_spreadsheet_stays_text():
    hostile = '<script>alert("x")</script> & "quotes"'
    markup = letter_html(
        letter(
            subject=hostile,
            salutation=f"Dear {hostile},",
            recipient_lines=(hostile,),
            body=(Paragraph((Run(hostile, bold=True), Run("x", link='https://e.org/?a=1&b="2"'))),),
            signatories=(Signatory(hostile, hostile),),
            footnotes=(Footnote(1, "s", hostile, "https://e.org/<x>"),),
        )
    )
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in markup
    assert 'href="https://e.org/?a=1&amp;b=&quot;2&quot;"' in markup
    parsed = parse(markup)
    assert [t for t, _ in parsed.tags if t == "script"] == []
    assert hostile in "".join(parsed.text)


def test_control_characters_are_dropped_and_names_normalised():
    markup = letter_html(letter(salutation="Dear Mr S\u030cimec\u030cka,\x00\x1b"))
    assert "Dear Mr Šimečka," in markup
    assert "\x00" not in markup and "\x1b" not in markup


def test_footnotes_are_a_numbered_list_with_anchors_and_clickable_source_urls():
    body = (Paragraph((Run("Ruled"), FootnoteRef(1), FootnoteRef(2), Run(" again"), FootnoteRef(1))),)
    notes = (
        Footnote(
            1, "court", "Ruling of 14 May 2020. Court register.", "http://reyestr.court.gov.ua/Review/1"
        ),
        Footnote(2, "brief", "[Case brief]. Open Dialogue Foundation.", None),
    )
    markup = letter_html(letter(body=body, footnotes=notes, footnotes_heading="Sources"))
    parsed = parse(markup)
    refs = [a["href"] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("#")]
    assert refs == ["#fn-1", "#fn-2", "#fn-1"]
    assert '<sup><a href="#fn-1">1</a></sup><sup>,</sup><sup><a href="#fn-2">2</a></sup>' in markup
    items = [a for t, a in parsed.tags if t == "li"]
    assert [i["id"] for i in items] == ["fn-1", "fn-2"]
    assert '<ol class="footnotes">' in markup
    assert (
        '<li id="fn-1" value="1">Ruling of 14 May 2020. Court register. '
        '<a href="http://reyestr.court.gov.ua/Review/1">http://reyestr.court.gov.ua/Review/1</a></li>'
    ) in markup
    assert '<li id="fn-2" value="2">[Case brief]. Open Dialogue Foundation.</li>' in markup
    text = "".join(parsed.text)
    assert text.index("Sources") < text.index("Ruling of 14 May 2020")


def test_bold_italic_links_headings_lists_quotes_and_line_breaks():
    body = (
        Heading(1, (Run("The facts"),)),
        Paragraph(
            (
                Run("plain "),
                Run("bold", bold=True),
                Run(" "),
                Run("italic", italic=True),
                Run(" "),
                Run("both", bold=True, italic=True),
                LineBreak(),
                Run("the ruling", link="https://court.example/1"),
            )
        ),
        ListBlock(False, (ListItem((Paragraph((Run("first"),)),)), ListItem((Paragraph((Run("second"),)),)))),
        ListBlock(True, (ListItem((Paragraph((Run("third"),)),)),), start=3),
        Quote((Paragraph((Run("quoted"),)),)),
    )
    markup = letter_html(letter(body=body))
    parse(markup)
    assert "<h2>The facts</h2>" in markup
    assert "plain <b>bold</b> <i>italic</i> <b><i>both</i></b><br>" in markup
    assert '<a href="https://court.example/1">the ruling</a>' in markup
    assert "<ul>\n<li>first</li>\n<li>second</li>\n</ul>" in markup
    assert '<ol start="3">\n<li>third</li>\n</ol>' in markup
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in markup


def test_only_web_and_mail_links_are_clickable():
    assert safe_link("https://e.org") == "https://e.org"
    assert safe_link("mailto:a@b.org") == "mailto:a@b.org"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "JaVaScRiPt:x", "data:text/html,x", "", None):
        assert safe_link(bad) is None
    markup = letter_html(
        letter(
            body=(Paragraph((Run("click", link="javascript:alert(1)"),)),),
            footnotes=(Footnote(1, "s", "Source.", "file:///etc/passwd"),),
        )
    )
    assert "javascript" not in markup
    assert 'href="file' not in markup
    assert "Source. file:///etc/passwd</li>" in markup  # still shown, as text


def test_the_rendered_example_letter_reads_the_same_as_the_other_formats(mini_ws):
    ws = Workspace(mini_ws.root)
    rendered = render_letter(
        ws.template("appeal-en"), ws.directory.get("mep-1"), ws.case, ws.campaign, dt.date(2026, 11, 24)
    )
    markup = letter_html(rendered)
    text = "".join(parse(markup).text)
    assert "Dear Mr Šimečka," in text
    assert "We write about Zhanara Akhmetova, who faces extradition." in text
    assert "<b>Zhanara Akhmetova</b>" in markup
    assert '<a href="http://reyestr.court.gov.ua/Review/1">' in markup
    assert [a["id"] for t, a in parse(markup).tags if t == "li" and "id" in a] == ["fn-1", "fn-2", "fn-3"]


def test_a_letter_from_the_example_sender_says_so_at_its_top_as_its_pdf_does():
    """The Compose tab's preview (and an exported e-mail) of a letter from the bundled
    example's made-up sender said nothing of it; its PDF says it on every page."""
    from campaign_app.core.letters.document import EXAMPLE_CAPTION
    from campaign_app.core.letters.email.html import esc
    from campaign_app.core.letters.email.text import letter_text

    html = letter_html(letter(example=True))
    assert html.index(esc(EXAMPLE_CAPTION)) < html.index("Rights Watchers</p>")
    assert letter_text(letter(example=True)).startswith(EXAMPLE_CAPTION + "\n")
    assert "EXAMPLE" not in letter_html(letter()) + letter_text(letter())


def test_the_example_mark_of_an_e_mail_and_the_preview_is_in_the_letter_language(tmp_path):
    """The e-mail's text and HTML (and the Compose tab's preview) of a Ukrainian letter
    from the bundled example's made-up sender said in English that it was an example."""
    from campaign_app.core.campaign.creation import init_workspace
    from campaign_app.core.letters.email.text import letter_text

    ws = Workspace(init_workspace(tmp_path / "example"))
    rendered = render_letter(
        ws.template("ukraine-official-appeal-uk"),
        ws.directory.get("ua-president"),
        ws.case,
        ws.campaign,
        dt.date(2026, 11, 24),
    )
    caption = (
        "ЗРАЗОК — лист від вигаданого відправника вбудованої прикладної кампанії; це не справжнє звернення"
    )
    assert letter_text(rendered).startswith(caption + "\n")
    markup = letter_html(rendered)
    assert f'<p class="example">{caption}</p>' in markup
    assert "EXAMPLE" not in markup + letter_text(rendered)
