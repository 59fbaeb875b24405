"""Line breaks reused across letters (core/letters/pdf/paragraphs.py) change nothing: every
letter of the bundled example is the same PDF, byte for byte, with and without reuse."""

from __future__ import annotations

from reportlab import rl_config

from campaign_app.core.campaign.generate import select_recipients
from campaign_app.core.campaign.letter_files import LetterFiles
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.pdf import paragraphs
from campaign_app.core.letters.pdf.writer import typeset


def _example_letters(ws: Workspace, tmp_path) -> list:
    """Up to three letters of every template of the example (every language, 1-2 pages)."""
    letters = []
    for template_id in sorted(ws.templates):
        try:
            recipients = select_recipients(ws, template_id, None)[:3]
        except UserError:
            continue  # nobody this template writes to in the example
        files = LetterFiles(ws, template_id, tmp_path / "o")
        letters += [files.render(r) for r in recipients]
    return letters


def test_every_example_letter_is_the_same_pdf_with_reused_line_breaks(cli, tmp_path, monkeypatch):
    assert cli("init", "campaign").code == 0
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in the file
    letters = _example_letters(Workspace(tmp_path / "campaign"), tmp_path)
    assert len(letters) >= 6
    with monkeypatch.context() as m:
        m.setattr(paragraphs.LetterParagraph, "_key", lambda self, width: None)  # nothing reused
        fresh = [typeset(letter) for letter in letters]
    assert any(pages > 1 for _, pages in fresh)  # a paragraph split over two pages is among them
    paragraphs._lines.clear()
    first = [typeset(letter) for letter in letters]  # each letter reuses its predecessors' lines
    again = [typeset(letter) for letter in letters]  # and its own
    for n, letter in enumerate(letters):
        assert first[n] == fresh[n], (letter.template_id, letter.recipient_id)
        assert again[n] == fresh[n], (letter.template_id, letter.recipient_id)
    assert paragraphs._lines  # and something was reused


def test_the_same_text_in_another_style_or_width_is_broken_anew():
    from reportlab.platypus import Paragraph

    from campaign_app.core.letters.pdf.styles import paragraph_styles

    styles = paragraph_styles()
    text = "We ask you to raise her case with the Ukrainian authorities without delay. " * 6
    for style, width in ((styles["body"], 400), (styles["letterhead"], 400), (styles["body"], 250)):
        reused = paragraphs.LetterParagraph(text, style)
        plain = Paragraph(text, style)
        assert reused.wrap(width, 800) == plain.wrap(width, 800), (style.name, width)
        assert reused.blPara.lines == plain.blPara.lines  # (unused width, words) per line
