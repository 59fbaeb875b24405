"""`campaign-app case translate export LANG FILE.po` / `import FILE.po`: the case's texts go
to a translator as a standard PO file and come back into the case file, its comments and
formatting kept; what is fuzzy, empty, gone from the case or translated from an older text
is not imported."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from pypdf import PdfReader
from ruamel.yaml import YAML

CASE = "ws/cases/test-case.yaml"


def catalog(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def entry(cat, context: str):
    return next(m for m in cat if m.context == context)


def save(cat, path: Path) -> None:
    with path.open("wb") as fh:
        write_po(fh, cat)


def translate(path: Path, texts: dict[str, str], fuzzy: tuple[str, ...] = ()) -> None:
    """What a translator does in a PO editor: fill some msgstr, mark some fuzzy."""
    cat = catalog(path)
    for context, text in texts.items():
        entry(cat, context).string = text
    for context in fuzzy:
        entry(cat, context).flags.add("fuzzy")
    save(cat, path)


def case_data(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def po_line(path: Path, context: str) -> int:
    """The line of the msgid that follows ``msgctxt "context"`` (where the import points)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'msgctxt "{context}"')
    return at + 2


# ---- export -------------------------------------------------------------------------------


@pytest.fixture
def example(cli, tmp_path):
    assert cli("init", "campaign").code == 0
    return tmp_path / "campaign"


def test_export_writes_every_case_text_with_its_path_source_text_and_translation(cli, example, tmp_path):
    result = cli("case", "translate", "export", "uk", "uk.po", "-w", "campaign")
    assert result.code == 0, result.err
    assert (
        "Wrote 204 case text(s) to translate from en into uk to uk.po (204 already translated)" in result.out
    )
    cat = catalog(tmp_path / "uk.po")
    assert str(cat.locale) == "uk"
    assert cat.plural_expr  # Plural-Forms in the header
    assert cat.project == "campaign_app case" and cat.version == "akhmetova-extradition"
    assert len([m for m in cat if m.id]) == 204
    case = case_data(example / "cases/akhmetova-extradition.yaml")
    roles = entry(cat, "facts/roles/text")
    fact = next(f for f in case["facts"] if f["id"] == "roles")
    assert roles.id == fact["text"]["en"] and roles.string == fact["text"]["uk"]
    assert roles.auto_comments[0] == "Fact 'roles' (as of 2020-05)"
    assert any(c.startswith("Source 'odf-brief-2020': [Briefing on") for c in roles.auto_comments)
    # the reference points at the English text's line in the case file
    ((file, line),) = roles.locations
    assert file == "cases/akhmetova-extradition.yaml"
    lines = (example / file).read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip() == "en: >-" and "- id: roles" in "\n".join(lines[line - 5 : line])
    point = entry(cat, "arguments/economic-charges/points/2/text")
    assert point.id.startswith("The execution of her 2009 sentence")
    assert "Point 2 of the argument 'economic-charges' (A)" in point.auto_comments
    # a name form English lacks is translated from the name; the Ukrainian form is the msgstr
    genitive = entry(cat, "person/forms/genitive")
    assert (genitive.id, genitive.string) == ("Zhanara Akhmetova", "Жанари Ахметової")
    assert entry(cat, "sources/court-appeal-2018-07-31/title").id.startswith(
        "Ruling of the Kyiv Administrative Court"
    )


def test_the_exported_file_is_standard_po(cli, example, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed")
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "campaign").code == 0
    translate(tmp_path / "pl.po", {"person/name": "Żanara Achmetowa"})
    done = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", str(tmp_path / "pl.mo"), str(tmp_path / "pl.po")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "1 translated message, 203 untranslated messages" in done.stderr


def test_export_refuses_a_language_that_is_no_language_code_and_writes_nothing(cli, mini_ws, tmp_path):
    result = cli("case", "translate", "export", "Polish!", "pl.po", "-w", "ws")
    assert result.code == 1
    assert "error: 'Polish!' is not a language code" in result.err
    # shaped like one, but no language: the case would keep asking for its texts
    result = cli("case", "translate", "export", "xx-bogus", "xx.po", "-w", "ws")
    assert result.code == 1 and "error: 'xx-bogus' is not a language code" in result.err
    result = cli("case", "translate", "export", "ua", "ua.po", "-w", "ws")
    assert result.code == 1 and "'ua' is a country's code: the language is 'uk'" in result.err
    result = cli("case", "translate", "export", "pl", "pl.po", "--from", "de", "-w", "ws")
    assert result.code == 1
    assert "error: ws/cases/test-case.yaml:2: 'de' is not one of the case's languages (en, uk)" in result.err
    assert not any((tmp_path / name).exists() for name in ("pl.po", "xx.po", "ua.po"))


# ---- the round trip -------------------------------------------------------------------------


def test_uk_round_trip_changes_only_the_translated_texts_and_the_letter_uses_them(cli, example, tmp_path):
    case_file = example / "cases/akhmetova-extradition.yaml"
    before = case_file.read_text(encoding="utf-8")
    assert cli("case", "translate", "export", "uk", "uk.po", "-w", "campaign").code == 0
    new_text = (
        "Жанара Ахметова — казахстанська журналістка і програмна директорка опозиційного медіа "
        "«16/12» (переклад, виправлений перекладачем)."
    )
    translate(tmp_path / "uk.po", {"facts/roles/text": new_text, "person/forms/dative": "Жанарі Ахметовій!"})

    result = cli("case", "translate", "import", "uk.po", "-w", "campaign")
    assert result.code == 0, result.err
    assert (
        "Imported 2 uk text(s) into the case; 202 unchanged, 0 skipped as fuzzy, 0 skipped as empty, "
        "0 stale (not imported)" in result.out
    )
    after = case_file.read_text(encoding="utf-8")
    assert after.splitlines()[:13] == before.splitlines()[:13]  # the header comments, kept
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=False) if a != b]
    assert changed[0] == ("      dative: Жанарі Ахметовій", "      dative: Жанарі Ахметовій!")
    # the fact's Ukrainian text is still a folded block; nothing else moved
    assert "      uk: >-\n        Жанара Ахметова — казахстанська журналістка і програмна директорка" in after
    edits = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes()
    assert len([op for op in edits if op[0] != "equal"]) == 2  # the form, and the fact's text
    fact = next(f for f in case_data(case_file)["facts"] if f["id"] == "roles")
    assert fact["text"]["uk"] == new_text

    out = tmp_path / "letters"
    result = cli(
        "generate", "-w", "campaign", "-t", "ukraine-official-appeal-uk", "-q", "id:ua-president",
        "-o", str(out), "--workers", "1",
    )  # fmt: skip
    assert result.code == 0, result.err
    (pdf,) = out.glob("*/*.pdf")
    text = " ".join(unicodedata.normalize("NFC", p.extract_text() or "") for p in PdfReader(pdf).pages)
    assert "(переклад, виправлений перекладачем)" in " ".join(text.split())


def test_pl_texts_imported_into_a_one_line_map_stay_exact(cli, mini_ws, tmp_path):
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    long_text = "UNHCR chroni ją przed przymusowym powrotem do Kazachstanu, " * 3
    translate(
        tmp_path / "pl.po",
        {
            "facts/unhcr/text": long_text.strip(),
            "person/name": "Żanara Achmetowa",
            "demands/stop/text": "Stop!",
        },
    )
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 0, result.err
    assert "Imported 3 pl text(s)" in result.out and "5 skipped as empty" in result.out
    data = case_data(mini_ws.root / "cases/test-case.yaml")
    assert data["facts"][0]["text"]["pl"] == long_text.strip()
    assert data["person"]["name"]["pl"] == "Żanara Achmetowa"
    text = (mini_ws.root / "cases/test-case.yaml").read_text(encoding="utf-8")
    assert (
        "  name: {en: Zhanara Akhmetova, uk: Жанара Ахметова, kk: Жанара Ахметова, pl: Żanara Achmetowa}"
        in text
    )
    # a second import of the same file changes nothing
    again = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert "Imported 0 pl text(s) into the case; 3 unchanged" in again.out


def test_fuzzy_empty_and_stale_entries_are_not_imported(cli, mini_ws, tmp_path):
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    translate(
        po,
        {
            "title": "Zatrzymać ekstradycję",
            "summary": "Dziennikarce grozi ekstradycja.",
            "timeline/arrival/text": "Przybyła na Ukrainę.",
            "demands/stop/text": "Zatrzymajcie ekstradycję.",
        },
        fuzzy=("summary",),
    )
    cat = catalog(po)
    entry(cat, "title").context = "headline"  # a text the case no longer has
    save(cat, po)
    case_file = mini_ws.root / "cases/test-case.yaml"  # the English text changed since the export
    case_file.write_text(
        case_file.read_text(encoding="utf-8").replace("She arrived in Ukraine.", "She arrived in Kyiv."),
        encoding="utf-8",
    )
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 0, result.err
    assert (
        f"warning: pl.po:{po_line(po, 'headline')}: 'headline' is no longer a text of the case" in result.out
    )
    assert (
        f"warning: pl.po:{po_line(po, 'timeline/arrival/text')}: the en text of 'timeline/arrival/text' "
        "changed since the export — not imported" in result.out
    )
    assert (
        "Imported 1 pl text(s) into the case; 0 unchanged, 1 skipped as fuzzy, 4 skipped as empty, "
        "2 stale (not imported)" in result.out
    )
    data = case_data(case_file)
    assert data["demands"][0]["text"]["pl"] == "Zatrzymajcie ekstradycję."
    assert (
        "pl" not in data["title"] and "pl" not in data["summary"] and "pl" not in data["timeline"][1]["text"]
    )


def test_a_translation_of_only_spaces_is_empty_and_spaces_around_one_are_dropped(cli, mini_ws, tmp_path):
    """A PO editor leaves a space or a line break typed by mistake: a translation of only
    that is no text (the demand would be blank in every Polish letter), and the spaces
    around a real one are not the translator's words."""
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    translate(po, {"demands/stop/text": " \n ", "summary": "  Dziennikarce grozi ekstradycja.\n"})
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 0, result.err
    assert (
        "Imported 1 pl text(s) into the case; 0 unchanged, 0 skipped as fuzzy, 7 skipped as empty"
        in result.out
    )
    data = case_data(mini_ws.root / "cases/test-case.yaml")
    assert data["summary"]["pl"] == "Dziennikarce grozi ekstradycja."
    assert "pl" not in data["demands"][0]["text"]


@pytest.mark.parametrize(
    ("damage", "line", "message"),
    [
        (
            lambda t: t.replace('msgstr ""\n\n#.', 'msgstr "unclosed\n\n#.', 1),
            None,
            "not a line of a PO file",
        ),
        (
            lambda t: t.replace('msgid "Stop the extradition"', "msgid Stop the extradition"),
            None,
            "not a line",
        ),
        (lambda t: t.replace('"Language: pl\\n"\n', ""), 1, "the PO file names no language"),
        (
            lambda t: t.replace('"Language: pl\\n"', '"Language: xx_bogus\\n"'),
            1,
            "the PO file's language 'xx-bogus' is not a language code",
        ),
    ],
)
def test_a_malformed_po_file_is_one_line_at_its_place_and_the_case_is_untouched(
    cli, mini_ws, tmp_path, damage, line, message
):
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    translate(po, {"demands/stop/text": "Zatrzymajcie ekstradycję."})
    good = po.read_text(encoding="utf-8")
    broken = damage(good)
    assert broken != good
    po.write_text(broken, encoding="utf-8")
    bad_line = line or next(
        i for i, (a, b) in enumerate(zip(good.splitlines(), broken.splitlines(), strict=False), 1) if a != b
    )
    before = (mini_ws.root / "cases/test-case.yaml").read_bytes()
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 1
    (error,) = result.err.strip().splitlines()
    assert error.startswith(f"error: pl.po:{bad_line}: ") and message in error
    assert "Traceback" not in result.err
    assert (mini_ws.root / "cases/test-case.yaml").read_bytes() == before


def test_a_po_file_of_another_case_is_refused(cli, mini_ws, tmp_path):
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    po.write_text(
        po.read_text(encoding="utf-8").replace("case test-case", "case other-case"), encoding="utf-8"
    )
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 1
    assert (
        "error: pl.po:1: the PO file holds the texts of the case 'other-case', not of 'test-case'"
        in result.err
    )


def test_a_malformed_po_file_is_told_in_ukrainian_at_its_line(cli, mini_ws, tmp_path, monkeypatch):
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    text = po.read_text(encoding="utf-8")
    po.write_text(
        text.replace('msgid "Stop the extradition"', "msgid Stop the extradition"), encoding="utf-8"
    )
    line = text.splitlines().index('msgid "Stop the extradition"') + 1
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 1
    assert result.err.strip() == (
        f"помилка: pl.po:{line}: це не рядок файлу PO: 'msgid Stop the extradition' — відкрийте його "
        "в редакторі PO (Poedit) і збережіть знову або експортуйте його ще раз"
    )


def test_a_translation_holding_a_bidirectional_override_is_refused_at_its_po_line(cli, mini_ws, tmp_path):
    """A translated name "Żanara \\u202ewotemhcA" shows as the right one in a PO editor and in the letter, and
    is not it: the import names the entry in the translator's file and writes nothing."""
    po = tmp_path / "pl.po"
    assert cli("case", "translate", "export", "pl", "pl.po", "-w", "ws").code == 0
    translate(
        po,
        {
            "person/name": "Żanara \u202ewotemhcA",
            "summary": "Dziennikarce grozi \u2066ekstradycja.",
            "demands/stop/text": "Zatrzymajcie ekstradycję.",
        },
    )
    before = (mini_ws.root / "cases/test-case.yaml").read_bytes()
    result = cli("case", "translate", "import", "pl.po", "-w", "ws")
    assert result.code == 1 and "Traceback" not in result.err
    assert result.err.splitlines() == [
        f"error: pl.po:{po_line(po, 'person/name')}: person/name (pl) holds an invisible control character "
        "(U+202E, character 8) — remove the character: a terminal or a mail program would obey it instead "
        "of showing it",
        f"error: pl.po:{po_line(po, 'summary')}: summary (pl) holds an invisible control character "
        "(U+2066, character 20) — remove the character: a terminal or a mail program would obey it instead "
        "of showing it",
    ]
    assert (mini_ws.root / "cases/test-case.yaml").read_bytes() == before
