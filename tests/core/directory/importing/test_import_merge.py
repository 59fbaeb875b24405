"""Duplicates and hand edits: an import merges the same person into one entry and never
overwrites what a person typed without saying so.

The workspace is conftest's ``mini_ws``: ``recipients/people.csv`` holds mep-1 Michal
Šimečka and mep-2 Rasa Juknevičienė (European Parliament) and sr-1, an office;
``recipients/officials.yaml`` holds the Ukrainian President and Minister of Justice.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from import_helpers import (
    assert_check_passes,
    by_id,
    result_line,
    rows_of,
    run_import,
    snapshot,
    write_source,
)

from campaign_app.core.directory.folding import fold
from campaign_app.core.directory.importing.merge import folded_name, folded_names
from campaign_app.core.directory.load import directory_files, load_directory


def directory(mini_ws):
    return load_directory(directory_files(mini_ws.root / "recipients"))


def names(mini_ws) -> list[str]:
    return sorted(r.display_name for r in directory(mini_ws))


FIRST = """\
given_name;family_name;email;organisation;position
Anna;Nowak;anna.nowak@example.org;Helsinki Group;Director
Jan;Kowalski;jan@example.org;Helsinki Group;Lawyer
Olha;Petrenko;olha@example.org;Kharkiv Group;Researcher
"""

# The same Anna (e-mail in capitals), the same Jan (name without accents and in another
# case, same organisation, another e-mail), and one new person.
SECOND = """\
First name,Last name,E-mail,Organization,Phone
Anna,Nowak,ANNA.NOWAK@EXAMPLE.ORG,Helsinki Group,
JAN,kowalski,jan.kowalski@mail.example,Helsinki Group,
Maria,Bondar,maria@example.org,Kharkiv Group,
"""


def test_duplicates_across_two_files_are_merged_not_doubled(mini_ws, cli, tmp_path):
    first = run_import(cli, write_source(tmp_path, "first.csv", FIRST), "--category", "ngo")
    assert first.code == 0, first.err
    second = run_import(cli, write_source(tmp_path, "second.csv", SECOND), "--category", "ngo")
    assert second.code == 0, second.err
    assert result_line(second.out) == "Result: 1 added, 0 updated, 2 unchanged, 0 skipped (of 3 rows)."
    # Jan's other e-mail is a different value: reported, the first file's kept.
    assert (
        "in/second.csv:3: jan-kowalski (ws/recipients/first.csv): would change email: "
        "'jan@example.org' → 'jan.kowalski@mail.example' — kept the directory's value" in second.out
    )
    everyone = names(mini_ws)
    for person in ("Anna Nowak", "Jan Kowalski", "Maria Bondar", "Olha Petrenko"):
        assert everyone.count(person) == 1, everyone
    assert list(by_id(mini_ws.root / "recipients" / "second.csv")) == ["maria-bondar"]
    assert by_id(mini_ws.root / "recipients" / "first.csv")["jan-kowalski"]["email"] == "jan@example.org"
    assert_check_passes(cli)


def test_same_name_without_accents_and_same_organisation_is_the_same_person(mini_ws, cli, tmp_path):
    people = mini_ws.root / "recipients" / "people.csv"
    before = people.read_bytes()
    text = "given_name,family_name,organisation,email,political_group\nMichal,Simecka,European Parliament,,Renew Europe\n"
    result = run_import(cli, write_source(tmp_path, "ep.csv", text), "--category", "mep")
    assert result.code == 0, result.err
    assert (
        "in/ep.csv:2: mep-1 (ws/recipients/people.csv): would change family_name: 'Šimečka' → 'Simecka'"
        in result.out
    )
    assert (
        "in/ep.csv:2: mep-1 (ws/recipients/people.csv): filled in political_group: 'Renew Europe'"
        in result.out
    )
    assert result_line(result.out) == "Result: 0 added, 1 updated, 0 unchanged, 0 skipped (of 1 row)."
    assert result.out.splitlines()[0].endswith(", 1 row")  # not "1 rows"
    row = by_id(people)["mep-1"]
    assert (row["family_name"], row["political_group"]) == ("Šimečka", "Renew Europe")
    # Only that row's line changed; the others keep their bytes.
    changed = [
        (a, b) for a, b in zip(before.splitlines(), people.read_bytes().splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 2  # the header gained political_group, and mep-1's row
    assert not (mini_ws.root / "recipients" / "ep.csv").exists()
    assert_check_passes(cli)


def test_a_hand_edited_field_is_reported_not_overwritten_and_update_takes_it(mini_ws, cli, tmp_path):
    source = write_source(tmp_path, "partners.csv", FIRST)
    assert run_import(cli, source, "--category", "ngo").code == 0
    target = mini_ws.root / "recipients" / "partners.csv"
    edited = target.read_text(encoding="utf-8").replace("Director", "Executive Director")
    target.write_text(edited, encoding="utf-8")
    before = snapshot(mini_ws.root)

    again = run_import(cli, source, "--category", "ngo")
    assert again.code == 0, again.err
    assert (
        "in/partners.csv:2: anna-nowak (ws/recipients/partners.csv): would change position: "
        "'Executive Director' → 'Director' — kept the directory's value; import with --update to take the file's"
        in again.out
    )
    assert result_line(again.out) == "Result: 0 added, 0 updated, 3 unchanged, 0 skipped (of 3 rows)."
    assert snapshot(mini_ws.root) == before

    dry = run_import(cli, source, "--category", "ngo", "--update", "--dry-run")
    assert "changed position: 'Executive Director' → 'Director'" in dry.out
    assert snapshot(mini_ws.root) == before

    forced = run_import(cli, source, "--category", "ngo", "--update")
    assert forced.code == 0, forced.err
    assert (
        "in/partners.csv:2: anna-nowak (ws/recipients/partners.csv): changed position: 'Executive Director' → 'Director'"
        in forced.out
    )
    assert result_line(forced.out) == "Result: 0 added, 1 updated, 2 unchanged, 0 skipped (of 3 rows)."
    assert by_id(target)["anna-nowak"]["position"] == "Director"
    assert_check_passes(cli)


def test_a_yaml_entry_is_filled_in_and_keeps_its_comments(mini_ws, cli, tmp_path):
    officials = mini_ws.root / "recipients" / "officials.yaml"
    officials.write_text(
        "# Checked on the President's site.\n" + officials.read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = "given_name,family_name,email,web_form\nVolodymyr,Zelenskyy,,https://www.president.gov.ua/en/contact\n"
    result = run_import(cli, write_source(tmp_path, "ua.csv", text), "--category", "national_official")
    assert result.code == 0, result.err
    assert (
        "ua-president (ws/recipients/officials.yaml): filled in web_form: 'https://www.president.gov.ua/en/contact'"
        in result.out
    )
    saved = officials.read_text(encoding="utf-8")
    assert saved.startswith("# Checked on the President's site.\n")
    assert "web_form: https://www.president.gov.ua/en/contact" in saved
    assert "family_name: {uk: Зеленський, en: Zelenskyy}" in saved
    president = next(r for r in directory(mini_ws) if r.id == "ua-president")
    assert president.web_form == "https://www.president.gov.ua/en/contact"
    assert_check_passes(cli)


def test_repeated_rows_in_one_file_are_one_entry(mini_ws, cli, tmp_path):
    text = (
        "given_name,family_name,email,organisation,tags\n"
        "Anna,Nowak,anna@example.org,Group A,supporter\n"
        "Anna,Nowak,anna@example.org,Group A,droi\n"
        "Anna,NOWAK,other@example.org,Group A,\n"
    )
    result = run_import(cli, write_source(tmp_path, "rep.csv", text), "--category", "ngo")
    assert result.code == 0, result.err
    assert "in/rep.csv:3: the same person as row 2 (same e-mail): merged into anna-nowak" in result.out
    assert (
        "in/rep.csv:4: the same person as row 2 (same name and organisation): merged into anna-nowak: "
        "this row differs in email 'other@example.org' (kept 'anna@example.org')" in result.out
    )
    assert "2 repeated an earlier row and were merged into it" in result.out
    rows = rows_of(mini_ws.root / "recipients" / "rep.csv")
    assert [(r["id"], r["tags"]) for r in rows] == [("anna-nowak", "supporter;droi")]


# A ministry's secretariat answers for several of its officials.
SECRETARIAT = """\
given_name,family_name,email,organisation,position
Denys,Maliuska,secretariat@minjust.example,Ministry of Justice,Minister
Oleh,Petrenko,SECRETARIAT@minjust.example,Ministry of Justice,Deputy Minister
Denys,Maliuska,secretariat@minjust.example,Ministry of Justice,Minister
"""


def test_officials_who_share_an_office_address_are_each_their_own_entry(mini_ws, cli, tmp_path):
    """The deputy minister at the minister's address is another person: merged into the
    minister's row as "the same person", he got no letter at all."""
    result = run_import(
        cli, write_source(tmp_path, "minjust.csv", SECRETARIAT), "--category", "national_official"
    )

    assert result.code == 0, result.err
    assert result_line(result.out) == (
        "Result: 2 added, 0 updated, 0 unchanged, 0 skipped "
        "(of 3 rows; 1 repeated an earlier row and was merged into it)."
    )
    assert (
        "in/minjust.csv:3: Oleh Petrenko has the e-mail address of denys-maliuska (Denys Maliuska) "
        "but another name: added as another person, oleh-petrenko; if they are one person, "
        "delete one of the two" in result.out
    )
    assert (
        "in/minjust.csv:4: the same person as row 2 (same e-mail): merged into denys-maliuska" in result.out
    )
    rows = rows_of(mini_ws.root / "recipients" / "minjust.csv")
    assert [(r["id"], r["family_name"], r["position"]) for r in rows] == [
        ("denys-maliuska", "Maliuska", "Minister"),
        ("oleh-petrenko", "Petrenko", "Deputy Minister"),
    ]
    assert_check_passes(cli)


def test_another_official_at_an_entrys_address_never_becomes_that_entry(mini_ws, cli, tmp_path):
    """With --update, the deputy's row made the minister's entry his: the minister gone from
    the directory, and the letters the log has to denys-maliuska shown as sent to him."""
    minister = SECRETARIAT.splitlines()[:2]
    assert (
        run_import(
            cli,
            write_source(tmp_path, "m.csv", "\n".join(minister) + "\n"),
            "--category",
            "national_official",
        ).code
        == 0
    )
    before = (mini_ws.root / "recipients" / "m.csv").read_bytes()
    source = write_source(tmp_path, "staff.csv", SECRETARIAT)

    for options in ((), ("--update",)):
        result = run_import(cli, source, "--category", "national_official", "--into", "staff.csv", *options)
        assert result.code == 0, result.err
        assert "would change given_name" not in result.out and "changed given_name" not in result.out
        assert (mini_ws.root / "recipients" / "m.csv").read_bytes() == before
    assert sorted(r.display_name for r in directory(mini_ws) if "minjust" in r.email) == [
        "Denys Maliuska",
        "Oleh Petrenko",
    ]
    assert result_line(result.out) == "Result: 0 added, 0 updated, 3 unchanged, 0 skipped (of 3 rows)."


def test_each_official_at_a_shared_address_is_found_again_by_it(mini_ws, cli, tmp_path):
    """Another list names the deputy minister at the secretariat's address, without the
    ministry: he is the entry that has that address and his name, not a new one."""
    assert (
        run_import(
            cli, write_source(tmp_path, "minjust.csv", SECRETARIAT), "--category", "national_official"
        ).code
        == 0
    )
    other = "given_name,family_name,email,web_form\nOleh,Petrenko,secretariat@minjust.example,https://minjust.example/write\n"

    result = run_import(cli, write_source(tmp_path, "forms.csv", other), "--category", "national_official")

    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 0 added, 1 updated, 0 unchanged, 0 skipped (of 1 row)."
    assert "oleh-petrenko (ws/recipients/minjust.csv): filled in web_form" in result.out
    assert sorted(r.id for r in directory(mini_ws) if "minjust" in r.email) == [
        "denys-maliuska",
        "oleh-petrenko",
    ]


def test_the_same_person_at_the_same_address_under_a_longer_name_is_still_merged(mini_ws, cli, tmp_path):
    """A name that shares a part with the entry's (a second family name, an initial) is no
    sign of another person: merged, its difference reported as before."""
    first = "given_name,family_name,email\nAnna,Nowak,anna@example.org\n"
    second = "given_name,family_name,email\nA.,Nowak-Kowalska,anna@example.org\n"
    assert run_import(cli, write_source(tmp_path, "a.csv", first), "--category", "ngo").code == 0
    result = run_import(cli, write_source(tmp_path, "b.csv", second), "--category", "ngo")
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 0 added, 0 updated, 1 unchanged, 0 skipped (of 1 row)."
    assert "would change family_name: 'Nowak' → 'Nowak-Kowalska'" in result.out


def test_new_ids_are_unique_across_the_directory(mini_ws, cli, tmp_path):
    text = (
        "id,given_name,family_name,email,organisation\n"
        "mep-1,Petra,Novak,petra@example.org,\n"
        ",Rasa,Other,rasa@example.org,Group A\n"
        ",Rasa,Other,rasa2@example.org,Group B\n"  # same name, another organisation: another person
    )
    result = run_import(
        cli, write_source(tmp_path, "ids.csv", text), "--category", "mep", "--into", "more.csv"
    )
    assert result.code == 0, result.err
    assert (
        "in/ids.csv:2: id 'mep-1' is already used by another entry (ws/recipients/people.csv): this one is 'mep-1-2'"
        in result.out
    )
    ids = [r.id for r in directory(mini_ws)]
    assert len(ids) == len(set(ids))
    assert sorted(by_id(mini_ws.root / "recipients" / "more.csv")) == [
        "mep-1-2",
        "rasa-other",
        "rasa-other-2",
    ]
    assert_check_passes(cli)


def test_import_into_an_existing_file_appends_in_its_dialect(mini_ws, cli, tmp_path):
    sheet = mini_ws.root / "recipients" / "sheet.csv"
    sheet.write_bytes(
        b"\xef\xbb\xbfid;category;given_name;family_name;email\r\nx-1;ngo;Ada;Lovelace;ada@example.org\r\n"
    )
    text = "given_name,family_name,email,country\nAda,Lovelace,ada@example.org,GB\nAlan,Turing,alan@example.org,GB\n"
    result = run_import(
        cli, write_source(tmp_path, "new.csv", text), "--category", "ngo", "--into", "sheet.csv"
    )
    assert result.code == 0, result.err
    assert result_line(result.out) == "Result: 1 added, 1 updated, 0 unchanged, 0 skipped (of 2 rows)."
    data = sheet.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;category;given_name;family_name;email;country\r\n")
    assert data.endswith(
        b"x-1;ngo;Ada;Lovelace;ada@example.org;GB\r\nalan-turing;ngo;Alan;Turing;alan@example.org;GB\r\n"
    )
    assert_check_passes(cli)


def test_directory_yaml_source_goes_to_a_yaml_file_with_its_languages(mini_ws, cli, tmp_path):
    text = """\
- id: ua-prosecutor
  category: national_official
  position: {uk: Генеральний прокурор, en: Prosecutor General}
  country: UA
  language: uk
  postal_address: {uk: "вул. Різницька, 13/15\\nКиїв", en: "13/15 Riznytska St\\nKyiv"}
"""
    source = tmp_path / "in" / "officials-2.yaml"
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    result = run_import(cli, source)
    assert result.code == 0, result.err
    assert "directory YAML" in result.out
    target = mini_ws.root / "recipients" / "officials-2.yaml"
    prosecutor = next(r for r in directory(mini_ws) if r.id == "ua-prosecutor")
    assert prosecutor.position == {"uk": "Генеральний прокурор", "en": "Prosecutor General"}
    assert target.is_file()
    assert_check_passes(cli)


def test_dry_run_with_merges_changes_nothing(mini_ws, cli, tmp_path):
    before = snapshot(mini_ws.root)
    text = "given_name,family_name,organisation,email,political_group\nMichal,Šimečka,European Parliament,,Renew\nNew,Person,X,new@example.org,\n"
    result = run_import(cli, write_source(tmp_path, "dry.csv", text), "--category", "mep", "--dry-run")
    assert result.code == 0, result.err
    assert "filled in political_group: 'Renew'" in result.out
    assert result_line(result.out) == "Result: 1 added, 1 updated, 0 unchanged, 0 skipped (of 2 rows)."
    assert "Dry run: nothing was written (new entries would be added to ws/recipients/dry.csv)." in result.out
    assert snapshot(mini_ws.root) == before


def test_a_broken_directory_stops_the_import_before_anything_is_written(mini_ws, cli, tmp_path):
    mini_ws.write("recipients/people.csv", "id,category,given_name\nx,nope,A\n")
    before = snapshot(mini_ws.root)
    result = run_import(cli, write_source(tmp_path, "a.csv", FIRST), "--category", "ngo")
    assert result.code == 1
    assert "error: ws/recipients/people.csv:2:2: unknown category 'nope'" in result.err
    assert snapshot(mini_ws.root) == before
    assert not Path(mini_ws.root / "recipients" / "a.csv").exists()


def test_the_same_id_is_the_same_entry_by_its_name_in_any_language_or_its_office(mini_ws, cli, tmp_path):
    """A row with an entry's id is that entry when it names the person in any language the
    entry has (the President in Ukrainian) or, for an office without a person's name, the
    same office; the same id on another office is another entry."""
    text = (
        "id,given_name,family_name,position,country,language,postal_address\n"
        'ua-president,Володимир,Зеленський,Президент України,UA,uk,"вул. Банкова, 11"\n'
        'ua-minister,,,Міністр юстиції України,UA,uk,"вул. Городецького, 13"\n'
        'ua-minister,,,Minister of Finance of Ukraine,UA,en,"12/2 Hrushevskoho St"\n'
    )
    result = run_import(
        cli, write_source(tmp_path, "ua.csv", text), "--category", "national_official", "--into", "ua.csv"
    )
    assert result.code == 0, result.err
    assert "ua-president-2" not in result.out
    assert (
        "in/ua.csv:4: id 'ua-minister' is already used by another entry (ws/recipients/officials.yaml): "
        "this one is 'ua-minister-2'" in result.out
    )
    assert sorted(by_id(mini_ws.root / "recipients" / "ua.csv")) == ["ua-minister-2"]
    assert result_line(result.out) == "Result: 1 added, 1 updated, 1 unchanged, 0 skipped (of 3 rows)."


# odd spaces, letters that fold to several or to none, signs that fold to a space (¨ ´), a
# capital of a script that folds to capitals (Cherokee), a soft hyphen (no printable character,
# no space), a lone surrogate (no UTF-8): folded_names' shortcuts must not differ
NAME_TEXT = st.text(
    alphabet=st.sampled_from([*"aZ ß\u00a0\tİıŁłéШ\u0301ﬁ-'¨´\u2003\x1cᏐꭰẞÅáŠ\xad", "\ud800"]), max_size=6
)


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.tuples(st.none() | NAME_TEXT, st.none() | NAME_TEXT), max_size=8))
def test_names_folded_a_column_at_a_time_are_the_keys_folded_one_by_one(names):
    """A chunk's name keys (given names folded once each, family names in one pass) are
    each row's folded_name: case, accents, ligatures, odd spaces and empty parts alike."""
    firsts, lasts = [g for g, _f in names], [f for _g, f in names]
    assert folded_names(firsts, lasts) == [folded_name(g or "", f or "") for g, f in names]


def test_ascii_folds_as_lower_case_does():
    """folded_names lower-cases what is ASCII instead of folding each character."""
    assert all(fold(chr(c)) == chr(c).lower() for c in range(128))
