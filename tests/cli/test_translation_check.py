"""What a letter language still lacks: `check` counts it per language, and a letter falls
back to another case language only where its template says so (`fallback_language:`)."""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po
from conftest import TEMPLATE_EN


def pl_template(mini_ws, fallback: str | None = None) -> None:
    """The English appeal as a Polish template (its own words are beside the point here)."""
    text = TEMPLATE_EN.replace("id: appeal-en", "id: appeal-pl").replace("language: en", "language: pl")
    if fallback is not None:
        text = text.replace("language: pl\n", f"language: pl\nfallback_language: {fallback}\n")
    mini_ws.write("letter_templates/appeal-pl.md", text)


def import_pl(cli, tmp_path, texts: dict[str, str]) -> None:
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    with (tmp_path / "pl.po").open("rb") as fh:
        cat = read_po(fh)
    for message in cat:
        if message.context in texts:
            message.string = texts[message.context]
    with (tmp_path / "pl.po").open("wb") as fh:
        write_po(fh, cat)
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 0, result.err


def test_check_counts_the_untranslated_texts_per_template_language_and_case_language(cli, mini_ws, tmp_path):
    pl_template(mini_ws, fallback="en")
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert (
        "warning: pl: 7 of 7 required case texts not translated (campaign-app case translate export pl FILE.po)"
        in (result.out)
    )
    # kk: the case spells the person's name in Kazakh, and has nothing else in it: no
    # translation was begun, and no template writes in it
    assert "warning: kk:" not in result.out
    assert "warning: en:" not in result.out and "warning: uk:" not in result.out

    import_pl(cli, tmp_path, {"title": "Zatrzymać ekstradycję", "person/name": "Żanara Achmetowa"})
    assert "warning: pl: 5 of 7 required case texts not translated" in cli("check", "-w", "ws").out


def test_without_fallback_a_missing_text_is_an_error_naming_the_text_and_the_template(cli, mini_ws):
    pl_template(mini_ws)
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert (
        "error: ws/letter_templates/appeal-pl.md:8: the case has no pl text for 'person/name' "
        "(for recipient 'mep-1') — translate it (campaign-app case translate export pl FILE.po), or name "
        "a case language to use instead in the template's front matter, e.g. 'fallback_language: en'"
    ) in result.err


def test_a_letter_uses_its_language_text_and_falls_back_only_where_the_template_says(cli, mini_ws, tmp_path):
    import_pl(cli, tmp_path, {"person/name": "Żanara Achmetowa", "facts/unhcr/text": "UNHCR ją chroni."})
    pl_template(mini_ws)
    result = cli("check", "-w", "ws")  # the Supreme Court's event has no Polish text yet
    assert "the case has no pl text for 'timeline/supreme-court/text'" in result.err
    assert "appeal-pl.md:10:" in result.err

    pl_template(mini_ws, fallback="en")
    assert cli("check", "-w", "ws").code == 0
    result = cli("generate", "-w", "ws", "-t", "appeal-pl", "-q", "id:mep-1", "-o", "out", "-f", "docx")
    assert result.code == 0, result.err
    from docx import Document

    (path,) = (tmp_path / "out").glob("*/*.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Żanara Achmetowa" in text and "UNHCR ją chroni." in text  # the Polish texts
    assert "The Supreme Court found the denial of asylum lawful." in text  # English, as allowed


def test_the_fallback_language_must_be_another_case_language_at_its_line(cli, mini_ws):
    pl_template(mini_ws, fallback="de")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert (
        "error: ws/letter_templates/appeal-pl.md:5: fallback_language 'de' is not another of the case's "
        "languages (en, uk)"
    ) in result.err


def test_a_language_the_case_has_a_text_in_beyond_the_name_is_counted(cli, mini_ws):
    from conftest import CASE

    title = "title: {en: Stop the extradition, uk: Зупиніть екстрадицію}"
    assert title in CASE
    mini_ws.write("cases/test-case.yaml", CASE.replace(title, title[:-1] + ", kk: Экстрадицияны тоқтатыңыз}"))
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert "warning: kk: 5 of 7 required case texts not translated" in result.out
