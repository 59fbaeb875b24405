"""The forms-of-address files: every one loads; a broken one is one error at its file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaign_app.core.common.errors import UserError
from campaign_app.core.letters import salutation
from campaign_app.core.letters.forms_of_address import rules
from campaign_app.core.letters.forms_of_address.rules import LANGUAGES, read_rules, rules_for

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_file_that_loads(language):
    assert rules_for(language).language == language
    assert rules_for(f"{language}-XX").language == language  # a regional tag uses its language


def test_a_language_without_a_file_is_written_in_english_forms():
    assert rules_for("kk").language == "en"
    assert salutation.footnotes_heading("kk") == "Sources"
    assert salutation.footnotes_heading("pl") == "Źródła"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_marks_an_example_letter_in_its_own_words_on_one_line(language):
    """The mark of a letter from the bundled example's made-up sender was English in every
    letter; each language now says it, beginning with the word set across the PDF's page."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from campaign_app.core.common.fonts import register_pdf_fonts

    words = rules_for(language)
    assert words.example_caption.startswith(words.example_mark + " — ")
    # the DOCX header's one line (A4 less two 25 mm margins, 8 pt): a longer caption wraps
    assert stringWidth(words.example_caption, register_pdf_fonts(), 8) <= 160 * mm


def test_a_language_without_a_file_marks_an_example_letter_in_english():
    from campaign_app.core.letters.document import EXAMPLE_CAPTION, EXAMPLE_MARK

    assert (rules_for("kk").example_mark, rules_for("kk").example_caption) == (EXAMPLE_MARK, EXAMPLE_CAPTION)
    assert rules_for("uk").example_mark == "ЗРАЗОК"


def broken(tmp_path: Path, language: str, old: str, new: str, offset: int = 0) -> tuple[Path, int]:
    """A copy of a language file with one mistake (``offset`` lines into ``new``); returns
    its path and the mistake's line."""
    text = (rules.HERE / f"{language}.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / f"{language}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text[: text.index(new)].count("\n") + 1 + offset


MISTAKES = [
    ("en", '    title: "Member', '    titel: "Member', 0, "unknown key 'titel'"),
    (
        "en",
        "match: ['special rapporteur']",
        "match: ['special (rapporteur']",
        0,
        "not a valid regular expression",
    ),
    ("en", 'x: "Dear {full_name},"', 'x: "Dear {fullname},"', 0, "unknown placeholder {fullname}"),
    (
        "en",
        'unnamed: "Dear Sir or Madam,"',
        'unnamed: "Dear {family},"',
        0,
        "the 'unnamed' text of 'salutation' uses",
    ),
    ("de", "  mep:\n", "  mepp:\n", 0, "unknown office 'mepp'"),
    ("uk", "      - [енко, енку]", "      - [енко]", 0, "a vocative rule must be [suffix, replacement]"),
    ("fr", "  m: [Monsieur, M.]", "  m: [Monsieur, M.]\n  mm: x", 1, "unknown key 'mm'"),
    ("pl", 'closing: "Z wyrazami szacunku"', 'closing: "Z wyrazami szacunku\n  bad: [', 0, "malformed YAML"),
]


@pytest.mark.parametrize(("language", "old", "new", "offset", "message"), MISTAKES)
def test_a_mistake_in_a_rule_file_is_reported_at_its_line(tmp_path, language, old, new, offset, message):
    path, line = broken(tmp_path, language, old, new, offset)
    with pytest.raises(UserError) as caught:
        read_rules(path)
    error = caught.value
    assert message in error.message
    assert error.where.path.endswith(f"{language}.yaml")
    if "malformed" not in message:  # YAML's own error is where the parser noticed it
        assert error.where.line == line
    assert error.hint


def test_a_file_missing_an_office_says_which(tmp_path):
    text = (rules.HERE / "it.yaml").read_text(encoding="utf-8")
    start = text.index("  chair:\n")
    path = tmp_path / "it.yaml"
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(UserError, match="the office 'chair' is missing"):
        read_rules(path)


def test_generate_reports_a_broken_rule_file_as_one_line(cli, mini_ws, tmp_path, monkeypatch):
    """The files ship with the program; if one is damaged, generate says where, no traceback."""
    folder = tmp_path / "forms"
    folder.mkdir()
    for lang in LANGUAGES:
        (folder / f"{lang}.yaml").write_bytes((rules.HERE / f"{lang}.yaml").read_bytes())
    path, line = broken(tmp_path, "en", "match: ['working group']", "match: ['working (group']")
    (folder / "en.yaml").write_bytes(path.read_bytes())
    monkeypatch.setattr(rules, "HERE", folder)
    caches = (rules.rules_for, salutation._patterns, salutation._courtesy_genders)
    for cached in caches:
        cached.cache_clear()
    try:
        result = cli("generate", "-w", "ws", "--template", "appeal-en", "--format", "pdf")
    finally:
        for cached in caches:
            cached.cache_clear()
    assert result.code == 1
    assert re.search(rf"en\.yaml:{line}: the pattern .* is not a valid regular expression", result.err), (
        result.err
    )
    assert "Traceback" not in result.err


def test_the_installers_ship_the_rule_files():
    spec = (ROOT / "packaging" / "campaign-app.spec").read_text(encoding="utf-8")
    folder = re.search(r"FORMS_OF_ADDRESS = ROOT / (.+)\n", spec).group(1)
    parts = re.findall(r'"([^"]+)"', folder)
    assert ROOT.joinpath(*parts) == rules.HERE
    assert '(str(path), "campaign_app/core/letters/forms_of_address")' in spec
    assert "*FORMS_OF_ADDRESS_FILES," in spec.split("DATAS = [", 1)[1].split("]", 1)[0]
    assert sorted(p.stem for p in rules.HERE.glob("*.yaml")) == sorted(LANGUAGES)
