"""Directories as they come (issue 17): Ukrainian Excel files in their own encodings and column
names, ``--map`` for the columns nobody could guess, and the European Parliament's full-list
XML, whose members have no e-mail and are reached on paper.

Each file is written here as Excel or the Parliament writes it, and imported with the
command a user types; the tests read back what was written into ``ws/recipients/``.
"""

from __future__ import annotations

import codecs

import pytest
from import_helpers import assert_check_passes, by_id, one_error, result_line, rows_of, run_import, snapshot
from pypdf import PdfReader

HEADER_UK = ["Прізвище", "Ім'я", "По батькові", "Посада", "Організація", "Електронна пошта", "Телефон",
             "Країна", "Мова", "Стать"]  # fmt: skip
PEOPLE_UK = [
    ["Ґудзь", "Олександра", "Ігорівна", "Директорка Департаменту консульської служби",
     "Міністерство закордонних справ України", "o.gudz@mfa.gov.ua", "+380 44 238 17 77", "Україна",
     "українська", "жіноча"],
    ["Їжакевич", "Мар'яна", "Євгенівна", "Заступниця Голови", "Державна міграційна служба України",
     "m.izhakevych@dmsu.gov.ua", "", "Україна", "uk", "ж"],
    ["Кузьмʼюк", "Ярослав", "Ґеннадійович", "Радник", "Офіс Уповноваженого Верховної Ради з прав людини",
     "kuzmiuk@ombudsman.gov.ua", "", "Україна", "українська", "чоловіча"],
]  # fmt: skip


def excel_csv(rows: list[list[str]], delimiter: str, header: list[str] = HEADER_UK) -> str:
    return "\r\n".join(delimiter.join(r) for r in [header, *rows]) + "\r\n"


def save(tmp_path, name: str, data: bytes):
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def for_code_page(rows: list[list[str]], codec: str) -> list[list[str]]:
    """The rows as a person types them in a code page without ʼ (U+02BC): with '."""
    if codec in ("utf-16", "utf-8"):
        return rows
    return [[c.replace("ʼ", "'") for c in row] for row in rows]


# ---- Ukrainian Excel: Windows-1251, KOI8-U, "Unicode text" (UTF-16LE with BOM, tabs) ------------


@pytest.mark.parametrize(
    ("codec", "bom", "delimiter", "shown"),
    [
        ("cp1251", b"", ";", "encoding Windows-1251 (not UTF-8), delimiter ';' (semicolon)"),
        ("koi8_u", b"", ",", "encoding KOI8-U (not UTF-8), delimiter ',' (comma)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\t", "encoding UTF-16, delimiter '\\t' (tab)"),
    ],
    ids=["windows-1251", "koi8-u", "unicode-text"],
)
def test_ukrainian_excel_files_are_read_in_their_encoding(
    mini_ws, cli, tmp_path, codec, bom, delimiter, shown
):
    rows = for_code_page(PEOPLE_UK, codec)
    source = save(tmp_path, "officials.csv", bom + excel_csv(rows, delimiter).encode(codec))
    result = run_import(cli, source, "--category", "national_official")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"Reading in/officials.csv: CSV, {shown}, 3 rows"
    for column, field in [("Прізвище", "family_name"), ("Ім'я", "given_name"), ("Посада", "position"),
                          ("Організація", "organisation"), ("Електронна пошта", "email"), ("Країна", "country"),
                          ("Мова", "language"), ("Стать", "gender")]:  # fmt: skip
        assert f"{column} → {field}" in result.out
    assert "По батькові → given_name (after the first name)" in result.out
    assert "Not imported (no directory field): Телефон" in result.out
    assert result_line(result.out) == "Result: 3 added, 0 updated, 0 unchanged, 0 skipped (of 3 rows)."
    written = rows_of(mini_ws.root / "recipients" / "officials.csv")
    assert [(r["family_name"], r["given_name"], r["gender"]) for r in written] == [
        ("Ґудзь", "Олександра Ігорівна", "f"),
        ("Їжакевич", "Мар'яна Євгенівна", "f"),
        (rows[2][0], "Ярослав Ґеннадійович", "m"),
    ]
    assert [r["id"] for r in written] == ["oleksandra-ihorivna-gudz", "mariana-ievhenivna-izhakevych",
                                          "iaroslav-gennadiiovych-kuzmiuk"]  # fmt: skip
    gudz = written[0]
    assert gudz["organisation"] == "Міністерство закордонних справ України"
    assert (gudz["country"], gudz["language"], gudz["email"]) == ("UA", "uk", "o.gudz@mfa.gov.ua")
    assert_check_passes(cli)


def test_russian_column_names_are_mapped(mini_ws, cli, tmp_path):
    header = ["Фамилия", "Имя", "Отчество", "Должность", "Организация", "Электронная почта", "Страна",
              "Язык", "Адрес", "Пол"]  # fmt: skip
    row = ["Иваненко", "Анна", "Сергеевна", "Посол", "Посольство Украины в Казахстане", "emb_kz@mfa.gov.ua",
           "Украина", "русский", "ул. Мусрепова 2\nАстана", "женский"]  # fmt: skip
    text = excel_csv([[f'"{c}"' if "\n" in c else c for c in row]], ";", header)
    source = save(tmp_path, "posolstva.csv", text.encode("cp1251"))
    result = run_import(cli, source, "--category", "national_official")
    assert result.code == 0, result.err
    assert "encoding Windows-1251" in result.out.splitlines()[0]
    for column, field in [("Фамилия", "family_name"), ("Имя", "given_name"), ("Должность", "position"),
                          ("Организация", "organisation"), ("Электронная почта", "email"), ("Страна", "country"),
                          ("Язык", "language"), ("Адрес", "postal_address"), ("Пол", "gender")]:  # fmt: skip
        assert f"{column} → {field}" in result.out
    (written,) = rows_of(mini_ws.root / "recipients" / "posolstva.csv")
    assert (written["given_name"], written["family_name"]) == ("Анна Сергеевна", "Иваненко")
    assert (written["country"], written["language"], written["gender"]) == ("UA", "ru", "f")
    assert written["postal_address"].replace("\r\n", "\n") == "ул. Мусрепова 2\nАстана"


@pytest.mark.parametrize("given", ["Ім'я", "Імʼя", "Ім’я", "ІМ'Я", "имя"])
def test_each_apostrophe_and_case_of_the_given_name_column(mini_ws, cli, tmp_path, given):
    text = f"ПРІЗВИЩЕ,{given},Електронна пошта\nШевченко,Олена,olena@khpg.org\n"
    result = run_import(cli, save(tmp_path, "khpg.csv", text.encode("utf-8")), "--category", "ngo")
    assert result.code == 0, result.err
    assert f"{given} → given_name" in result.out
    (row,) = rows_of(mini_ws.root / "recipients" / "khpg.csv")
    assert (row["given_name"], row["family_name"]) == ("Олена", "Шевченко")


def test_a_whole_name_column_family_name_first(mini_ws, cli, tmp_path):
    text = "ПІБ;Посада;E-mail\nҐУДЗЬ Олександра Ігорівна;Директорка;o.gudz@mfa.gov.ua\n"
    result = run_import(
        cli, save(tmp_path, "pib.csv", text.encode("cp1251")), "--category", "national_official"
    )
    assert result.code == 0, result.err
    assert "ПІБ → family_name + given_name" in result.out
    (row,) = rows_of(mini_ws.root / "recipients" / "pib.csv")
    assert (row["family_name"], row["given_name"]) == ("Ґудзь", "Олександра Ігорівна")


# ---- a guess in doubt is refused; --encoding names the encoding ------------------------------------

# A short list with the names in capitals: Windows-1251 and KOI8-U both read it as Cyrillic
# capitals (ШЕВЧЕНКО or ьебвемйн), and nothing in it says which is right.
CAPITALS = "Family name,Given name,Email\nШЕВЧЕНКО,ОЛЕНА,olena@khpg.org\n"


def test_a_file_whose_encoding_cannot_be_told_is_refused_with_advice(mini_ws, cli, tmp_path):
    source = save(tmp_path, "caps.csv", CAPITALS.encode("cp1251"))
    before = snapshot(mini_ws.root)
    line = one_error(run_import(cli, source, "--category", "ngo"))
    assert line.startswith(
        "error: in/caps.csv: cannot tell the file's encoding for sure: it reads as well in "
    ), line
    assert "'ШЕВЧЕНКО' in Windows-1251" in line and "'ьебвемйн' in KOI8-U" in line
    assert "save the file as 'CSV UTF-8'" in line and "--encoding cp1251" in line
    assert snapshot(mini_ws.root) == before

    result = run_import(cli, source, "--category", "ngo", "--encoding", "cp1251")
    assert result.code == 0, result.err
    assert "encoding cp1251 (given with --encoding)" in result.out.splitlines()[0]
    (row,) = rows_of(mini_ws.root / "recipients" / "caps.csv")
    assert (row["id"], row["given_name"], row["family_name"]) == ("olena-shevchenko", "Олена", "Шевченко")


def test_a_named_encoding_the_file_contradicts_is_refused_at_its_line(mini_ws, cli, tmp_path):
    data = "Прізвище,Email\nҐудзь,o.gudz@mfa.gov.ua\n".encode("cp1251") + b"Bad\x98,x@example.org\n"
    line = one_error(
        run_import(cli, save(tmp_path, "bad.csv", data), "--category", "ngo", "--encoding", "cp1251")
    )
    assert line.startswith(
        "error: in/bad.csv:3: byte 0x98 cannot be read as cp1251 (given with --encoding)"
    ), line
    line = one_error(run_import(cli, save(tmp_path, "bad.csv", data), "--encoding", "martian"))
    assert line.startswith("error: in/bad.csv: unknown encoding 'martian' — use a name such as utf-8"), line


# ---- --map COLUMN=FIELD ------------------------------------------------------------------------------

MAP_CSV = "Прізвище,Ім'я,Скринька,Ел. адреса для копії,Нотатка\nШевченко,Олена,olena@khpg.org,copy@khpg.org,в Києві\n"


def test_map_names_the_field_of_a_column_nobody_could_guess(mini_ws, cli, tmp_path):
    source = save(tmp_path, "khpg.csv", MAP_CSV.encode("utf-8"))
    result = run_import(cli, source, "--category", "ngo", "--map", "Скринька=email", "--map", "нотатка=notes")
    assert result.code == 0, result.err
    assert "Скринька → email" in result.out and "Нотатка → notes" in result.out
    assert "Not imported (no directory field): Ел. адреса для копії" in result.out
    row = by_id(mini_ws.root / "recipients" / "khpg.csv")["olena-shevchenko"]
    assert (row["email"], row["notes"]) == ("olena@khpg.org", "в Києві")


def test_map_moves_a_field_from_the_guessed_column_as_the_dialog_does(mini_ws, cli, tmp_path):
    text = "Name,E-mail,Private e-mail\nAnna Nowak,office@hfhr.pl,anna@example.org\n"
    source = save(tmp_path, "hfhr.csv", text.encode("utf-8"))
    result = run_import(cli, source, "--category", "ngo", "--map", "Private e-mail=email", "--dry-run")
    assert result.code == 0, result.err
    assert "Private e-mail → email" in result.out
    assert "Not imported (no directory field): E-mail" in result.out


def test_map_with_an_unknown_column_names_it_and_the_columns(mini_ws, cli, tmp_path):
    source = save(tmp_path, "khpg.csv", MAP_CSV.encode("utf-8"))
    line = one_error(run_import(cli, source, "--category", "ngo", "--map", "Пошта=email"))
    assert line.startswith(
        "error: in/khpg.csv:1: the file has no column 'Пошта' (--map Пошта=…): its columns are 'Прізвище', "
        "'Ім'я', 'Скринька', 'Ел. адреса для копії', 'Нотатка' — "
    ), line


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("Скринька=mail", "unknown field 'mail': use one of id, category, "),
        ("Скринька", "'Скринька' is not COLUMN=FIELD"),
    ],
)
def test_map_with_an_unknown_field_is_a_usage_error_listing_the_fields(
    mini_ws, cli, tmp_path, option, message
):
    source = save(tmp_path, "khpg.csv", MAP_CSV.encode("utf-8"))
    result = run_import(cli, source, "--category", "ngo", "--map", option)
    assert result.code == 2
    (line,) = [ln for ln in result.err.splitlines() if "error:" in ln]
    assert f"error: argument --map: {message}" in line, line
    if "unknown field" in message:
        assert "email, postal_address" in line and "full_name, full_name_family_first, patronymic" in line


# ---- the European Parliament's full-list XML: members without e-mail, reached by post -------------

EP_FULL_LIST = """\
<?xml version="1.0" encoding="UTF-8"?>
<meps>
  <mep>
    <fullName>Michal ŠIMEČKA</fullName>
    <country>Slovakia</country>
    <politicalGroup>Renew Europe Group</politicalGroup>
    <id>197512</id>
    <nationalPoliticalGroup>Progresívne Slovensko</nationalPoliticalGroup>
  </mep>
  <mep>
    <fullName>Nacho SÁNCHEZ AMOR</fullName>
    <country>Spain</country>
    <politicalGroup>Group of the Progressive Alliance of Socialists and Democrats in the European Parliament</politicalGroup>
    <id>197722</id>
    <nationalPoliticalGroup>Partido Socialista Obrero Español</nationalPoliticalGroup>
  </mep>
  <mep>
    <fullName>Mika AALTOLA</fullName>
    <country>Finland</country>
    <politicalGroup>Group of the European People's Party (Christian Democrats)</politicalGroup>
    <id>256810</id>
    <nationalPoliticalGroup>Kansallinen Kokoomus</nationalPoliticalGroup>
  </mep>
</meps>
"""
EP_ADDRESS = "European Parliament\nRue Wiertz 60\n1047 Brussels\nBelgium"


def test_ep_full_list_members_get_the_parliaments_postal_address(mini_ws, cli, tmp_path):
    source = save(tmp_path, "meps.xml", EP_FULL_LIST.encode("utf-8"))
    result = run_import(cli, source)
    assert result.code == 0, result.err
    # Šimečka is mep-1 in people.csv (same name and organisation); the other two are new.
    assert result_line(result.out) == "Result: 2 added, 1 updated, 0 unchanged, 0 skipped (of 3 rows)."
    assert (
        "in/meps.xml:3: mep-1 (ws/recipients/people.csv): filled in postal_address: 'European Parliament"
        in result.out
    )
    assert (
        "2 new entries came without an e-mail address (the list gives none): they have the Parliament's "
        "postal address (European Parliament, Rue Wiertz 60, 1047 Brussels, Belgium) and are reached by "
        "letters on paper (campaign-app print)"
    ) in result.out
    rows = by_id(mini_ws.root / "recipients" / "meps.csv")
    assert set(rows) == {"mep-197722", "mep-256810"}
    aaltola = rows["mep-256810"]
    assert (aaltola["given_name"], aaltola["family_name"], aaltola["country"]) == ("Mika", "Aaltola", "FI")
    assert (aaltola.get("email", ""), aaltola["category"]) == ("", "mep")
    assert aaltola["postal_address"].replace("\r\n", "\n") == EP_ADDRESS
    assert_check_passes(cli)

    pack = tmp_path / "pack.pdf"
    printed = cli("print", "-w", "ws", "--template", "appeal-en", "--out", pack)
    assert printed.code == 0, printed.err
    # Šimečka's entry got the address too (filled in); Juknevičienė was not in the list.
    assert "3 letter(s)" in printed.out
    assert "1 recipient(s) without a postal address: not in the print pack\n  mep-2: Rasa" in printed.out
    text = "\n".join(page.extract_text() for page in PdfReader(pack).pages)
    assert "Mika Aaltola" in text and "Nacho Sánchez Amor" in text and "Rue Wiertz 60" in text
