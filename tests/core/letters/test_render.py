"""Rendering one letter: citations, escaping, languages, and the sandbox."""

from __future__ import annotations

import datetime as dt

import pytest

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.document import FootnoteRef, ListBlock, Paragraph, Run
from campaign_app.core.letters.email.text import letter_text
from campaign_app.core.letters.render import render_letter

TODAY = dt.date(2026, 11, 24)


def render(mini_ws, template_id="appeal-en", recipient_id="mep-2"):
    ws = Workspace(mini_ws.root)
    return render_letter(
        ws.template(template_id), ws.directory.get(recipient_id), ws.case, ws.campaign, TODAY
    )


def refs(letter):
    found = []
    for block in letter.body:
        if isinstance(block, Paragraph):
            found += [i.number for i in block.inlines if isinstance(i, FootnoteRef)]
    return found


def test_english_letter_reads_as_written(mini_ws):
    letter = render(mini_ws)
    assert letter.salutation == "Dear Ms Juknevičienė,"
    assert letter.subject == "Stop the extradition of Zhanara Akhmetova"
    assert letter.place_and_date == "Brussels, 24 November 2026"
    assert letter.recipient_lines[:2] == ("Ms Rasa Juknevičienė", "Member of the European Parliament")
    assert letter.author == "Rights Watchers"
    text = letter_text(letter)
    assert "We write about Zhanara Akhmetova, who faces extradition." in text
    assert isinstance(letter.body[-1], ListBlock)
    bold = [i for i in letter.body[0].inlines if isinstance(i, Run) and i.bold]
    assert [r.text for r in bold] == ["Zhanara Akhmetova"]


def test_a_source_cited_twice_keeps_its_number_and_footnotes_follow_reading_order(mini_ws):
    letter = render(mini_ws)
    # fact('supreme-court') cites court; fact('unhcr') cites unhcr-doc and brief; cite('court') again.
    assert refs(letter) == [1, 2, 3, 1]
    assert [(f.number, f.source_id) for f in letter.footnotes] == [
        (1, "court"),
        (2, "unhcr-doc"),
        (3, "brief"),
    ]
    assert letter.footnotes[0].url == "http://reyestr.court.gov.ua/Review/1"
    assert (
        letter.footnotes[0].text == "Ruling of the Supreme Court of 14 May 2020. Court register, 14 May 2020."
    )
    assert letter.footnotes[2].text == "[Case brief]. Open Dialogue Foundation, May 2020."


def test_the_e_mail_s_text_lists_each_source_with_its_address(mini_ws):
    """The plain-text part (what a text-only mail client shows) gives each footnote's source
    as the letter does, its web address with it, so that a claim can be checked there too."""
    text = letter_text(render(mini_ws))
    sources = text[text.index("\nSources\n") :]
    assert (
        "[1] Ruling of the Supreme Court of 14 May 2020. Court register, 14 May 2020. "
        "http://reyestr.court.gov.ua/Review/1"
    ) in sources
    assert "[2] " in sources and "https://www.unhcr.org/ua/" in sources
    assert "[3] [Case brief]. Open Dialogue Foundation, May 2020." in sources


def test_ukrainian_letter_uses_vocative_dative_address_and_ukrainian_dates(mini_ws):
    letter = render(mini_ws, "appeal-uk", "ua-president")
    assert letter.salutation == "Шановний пане Президенте!"
    assert letter.recipient_lines[:2] == ("Президентові України", "Володимиру ЗЕЛЕНСЬКОМУ")
    assert letter.subject == "Щодо екстрадиції Жанари Ахметової"
    assert letter.place_and_date == "Брюссель, 24 листопада 2026\u00a0р."
    assert letter.closing == "З повагою,"
    assert letter.signatories[0].name == "Анна Сміт"
    assert "14 травня 2020\u00a0р." in letter_text(letter)
    assert letter.footnotes_heading == "Джерела"


def test_an_empty_text_in_a_language_is_no_text_not_an_empty_title(mini_ws):
    """A source added on the Case tab with its title typed in English only was saved as
    ``uk: ''`` (the publisher and note as ``{en: '', uk: ''}``); the Ukrainian letter's
    footnote then named the source by its id, "kyivpost-2024-05-02.", not by its title."""
    case = mini_ws.root / "cases" / "test-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "  - id: court\n    title: Ruling of the Supreme Court of 14 May 2020\n    publisher: Court register\n",
            "  - id: court\n    title:\n      en: Ruling of the Supreme Court of 14 May 2020\n      uk: ''\n"
            "    publisher:\n      en: ''\n      uk: ''\n    note:\n      en: ''\n      uk: ''\n",
        ),
        encoding="utf-8",
    )
    letter = render(mini_ws, "appeal-uk", "ua-president")
    assert letter.footnotes[0].source_id == "court"
    assert letter.footnotes[0].text == "Ruling of the Supreme Court of 14 May 2020. 14 травня 2020\u00a0р."


def test_a_title_empty_in_every_language_is_missing_at_its_line(mini_ws):
    case = mini_ws.root / "cases" / "test-case.yaml"
    text = case.read_text(encoding="utf-8").replace(
        "    title: UNHCR protection letter\n", "    title: {en: '', uk: ''}\n"
    )
    case.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    title: {en: '', uk: ''}") + 1
    with pytest.raises(UserError) as info:
        _ = Workspace(mini_ws.root).case
    assert str(info.value).endswith(
        f"cases/test-case.yaml:{line}: missing 'title' — add 'title:' with a text per language"
    )


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (".", "14 травня 2020\u00a0р. Далі."),  # the sentence ends with the date: one full stop
        ("**.", "14 травня 2020\u00a0р. Далі."),  # bold date, then the sentence's stop
        (", далі.", "14 травня 2020\u00a0р., далі."),
        ("", "14 травня 2020\u00a0р. Далі."),
    ],
)
def test_a_date_ending_in_an_abbreviation_ends_the_sentence_with_one_full_stop(mini_ws, after, expected):
    """«станом на 14 травня 2020 р..» is a typo in a letter to a president: the date's own
    full stop ("р.", "г.") is the sentence's, as a typesetter writes it."""
    bold = after.startswith("**")
    date = "{{ format_date(case.event('supreme-court').date) }}"
    line = ("**" + date + after if bold else date + after) + (" Далі." if after in (".", "**.", "") else "")
    path = mini_ws.root / "letter_templates" / "appeal-uk.md"
    path.write_text(path.read_text().replace(date, line) + "\nСтаном на {{ format_date('2026-11-03') }}.\n")
    letter = render(mini_ws, "appeal-uk", "ua-president")
    text = letter_text(letter)
    assert expected in text
    assert "р.." not in text and "\u2063" not in text
    assert "Станом на 3 листопада 2026\u00a0р." in text
    assert letter.subject == "Щодо екстрадиції Жанари Ахметової"


def test_a_footnote_marker_between_the_dates_stop_and_the_sentences_makes_no_second_stop(mini_ws):
    """«від 14 травня 2020 р.1.»: the citation's marker stood between the two full stops."""
    path = mini_ws.root / "letter_templates" / "appeal-uk.md"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nРішення від {{ format_date('2020-05-14') }}{{ cite('court') }}. Далі.\n",
        encoding="utf-8",
    )
    letter = render(mini_ws, "appeal-uk", "ua-president")
    text = letter_text(letter)
    assert "р.." not in text and "\u2063" not in text
    (line,) = [ln for ln in text.splitlines() if ln.startswith("Рішення від")]
    assert line.startswith("Рішення від 14 травня 2020\u00a0р.") and line.endswith(" Далі.")
    assert not line.split("р.", 1)[1].split(" Далі.")[0].rstrip("[]0123456789¹²³⁴⁵⁶⁷⁸⁹⁰").endswith(".")


def test_french_dates_write_the_first_of_the_month_as_an_ordinal():
    from campaign_app.core.common.dates import format_in

    assert format_in(dt.date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert format_in(dt.date(2026, 12, 1), "fr", "full") == "mardi 1er décembre 2026"
    assert format_in(dt.date(2026, 12, 11), "fr") == "11 décembre 2026"
    assert format_in(dt.date(2026, 12, 21), "fr") == "21 décembre 2026"
    assert format_in(dt.date(2026, 12, 1), "fr", "short") == "01/12/2026"
    assert format_in(dt.date(2026, 12, 1), "en") == "1 December 2026"


def test_a_year_alone_is_written_with_its_word_in_ukrainian_and_russian():
    """ "за 2019 і станом на травень 2020 р.": the year alone lacked the «р.» the month had."""
    from campaign_app.core.common.dates import format_in

    assert format_in("2019", "uk") == "2019\u00a0р."
    assert format_in("2019", "ru") == "2019\u00a0г."
    assert format_in("2019", "en") == "2019"
    assert format_in("2020-05", "uk") == "травень 2020\u00a0р."


def test_a_french_letter_is_dated_with_the_article():
    """«Bruxelles, le 4 décembre 2026»: without «le» the date line reads as a list."""
    from campaign_app.core.letters.render import dateline

    assert dateline("Bruxelles", "4 décembre 2026", "fr") == "Bruxelles, le 4 décembre 2026"
    assert dateline("", "1er décembre 2026", "fr") == "le 1er décembre 2026"
    assert dateline("Brussels", "4 December 2026", "en") == "Brussels, 4 December 2026"
    assert dateline("Київ", "4 грудня 2026\u00a0р.", "uk") == "Київ, 4 грудня 2026\u00a0р."


def test_values_from_a_spreadsheet_cannot_inject_markup(mini_ws):
    mini_ws.write(
        "recipients/people.csv",
        "id,category,given_name,family_name,email\n"
        "mep-2,mep,<script>alert(1)</script>,*Bold* [link](http://evil.example) & Co,x@example.org\n",
    )
    letter = render(mini_ws)
    text = letter_text(letter)
    assert "<script>alert(1)</script> *Bold* [link](http://evil.example) & Co" in text
    links = [i.link for b in letter.body if isinstance(b, Paragraph) for i in b.inlines if isinstance(i, Run)]
    assert "http://evil.example" not in links


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ recipent.name }}", ["unknown name", "recipent"]),
        ("{{ cite('nope') }}", ["no source 'nope'"]),
        ("{{ fact('nope') }}", ["no fact or event 'nope'"]),
        ("{{ case.event('nope').text }}", ["no timeline event 'nope'"]),
        ("{{ ''.__class__.__mro__ }}", []),
        ("{{ cite.__call__.__globals__ }}", []),
    ],
)
def test_template_mistakes_name_the_file_and_line(mini_ws, body, words):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\nfirst line\n\n"
        + body
        + "\n",
    )
    with pytest.raises(UserError) as info:
        render(mini_ws)
    message = str(info.value)
    assert "appeal-en.md:10" in message
    for word in words:
        assert word in message
    assert "<module" not in message and "builtins" not in message


def test_sandbox_refuses_python_internals(mini_ws):
    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "{{ recipient.__class__.__init__.__globals__['os'].system('echo pwned') }}\n",
    )
    with pytest.raises(UserError) as info:
        render(mini_ws)
    assert "appeal-en.md:8" in str(info.value)


def test_jinjas_own_counter_works_and_its_internals_stay_closed(mini_ws):
    """``namespace()`` is how a Jinja template counts across a loop; the sandbox refused
    it as "not the letter's data", a message that sent the author looking elsewhere."""
    head = "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
    mini_ws.write(
        "letter_templates/appeal-en.md",
        head + "{% set ns = namespace(n=0) %}{% for i in [1, 2, 3] %}{% set ns.n = ns.n + i %}{% endfor %}"
        "Counted {{ ns.n }}.\n",
    )
    assert "Counted 6." in letter_text(render(mini_ws))
    mini_ws.write("letter_templates/appeal-en.md", head + "{% set ns = namespace(n=0) %}{{ ns.__class__ }}\n")
    with pytest.raises(UserError) as info:
        render(mini_ws)
    assert "appeal-en.md:8" in str(info.value) and "not allowed in a template" in str(info.value)


def test_adjacent_references_are_sorted_once_each_and_separated_in_the_pdf(mini_ws, tmp_path):
    from pypdf import PdfReader

    from campaign_app.core.letters.pdf.writer import write_pdf

    mini_ws.write(
        "letter_templates/appeal-en.md",
        "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"
        "First{{ cite('court') }}. Then{{ cite('brief', 'unhcr-doc', 'court', 'brief') }}.\n",
    )
    letter = render(mini_ws)
    assert refs(letter) == [1, 1, 2, 3]
    assert [f.source_id for f in letter.footnotes] == ["court", "brief", "unhcr-doc"]
    write_pdf(letter, tmp_path / "l.pdf")
    text = PdfReader(tmp_path / "l.pdf").pages[0].extract_text()
    assert "1,2,3" in text.replace(" ", "")


HEAD = "---\nid: appeal-en\ntitle: T\nlanguage: en\naudience: category:mep\nsubject: S\n---\n"


def paragraphs(letter) -> list[str]:
    return [letter_text_of(b) for b in letter.body if isinstance(b, Paragraph)]


def letter_text_of(block) -> str:
    return "".join(i.text for i in block.inlines if isinstance(i, Run))


def test_a_tag_ending_a_line_of_text_keeps_the_paragraph_break_after_it(mini_ws):
    """'…{% endif %}', a blank line, then the next paragraph: two paragraphs, as written
    (trim_blocks ran them into one); a tag alone on its line still leaves no blank line,
    and an error below is still named at its own line."""
    mini_ws.write(
        "letter_templates/appeal-en.md",
        HEAD + "She is at risk.{% if true %} (as of May 2020){% endif %}\n\n"
        "{% if true %}\nIn March 2017 she came.{% for x in [1] %}{% endfor %}\n{% endif %}\n\n"
        "Last.\n",
    )
    assert paragraphs(render(mini_ws)) == [
        "She is at risk. (as of May 2020)",
        "In March 2017 she came.",
        "Last.",
    ]
    mini_ws.write(
        "letter_templates/appeal-en.md",
        HEAD + "A.{% if true %} b{% endif %}\n\n{% if true %}\nC.{% endif %}\n{{ recipent }}\n",
    )
    with pytest.raises(UserError) as info:
        render(mini_ws)
    assert "appeal-en.md:12" in str(info.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a paragraph opened and closed by tags, then a blank line: two paragraphs
        (
            "{% if true %}We will write to you.{% endif %}\n\nKind regards once more.\n",
            ["We will write to you.", "Kind regards once more."],
        ),
        # a tag spread over two lines, alone on them: the text around it stays one paragraph
        (
            "Your work matters to us\n{% if true\n      and true %}\nand to the people we defend.\n{% endif %}\n",
            ["Your work matters to us and to the people we defend."],
        ),
        # a list written inline, its loop closed on the next line: "ODF." as trim_blocks joins it
        (
            "We thank {% for n in ['Amnesty', 'ODF'] %}{{ n }}{% if n != 'ODF' %}, {% endif %}\n{% endfor %}.\n",
            ["We thank Amnesty, ODF."],
        ),
        # raw text is left as written
        (
            "{% raw %}\nDear {% if x %}\n\n{% endraw %}\nEnd.\n",
            ["Dear {% if x %}", "End."],
        ),
    ],
)
def test_only_a_paragraph_break_after_a_tag_is_kept(mini_ws, body, expected):
    """What trim_blocks joined on purpose stays joined; only the blank line after a tag that
    ends a line of text is kept (the review of the first version found these)."""
    mini_ws.write("letter_templates/appeal-en.md", HEAD + body)
    assert paragraphs(render(mini_ws)) == expected
