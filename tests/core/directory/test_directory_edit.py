"""Saving one recipient back to its CSV or YAML file changes that entry's lines and nothing else.

Each test edits a file through campaign_app.core.directory.edit, then reads the directory
with the same loader as ``campaign-app recipients list`` and compares the bytes around the
entry with the file as it was.
"""

from __future__ import annotations

import codecs
import difflib
from pathlib import Path

import pytest

from campaign_app.core.campaign.creation import init_workspace
from campaign_app.core.common.errors import Location, UserError, UserErrors
from campaign_app.core.directory.edit import (
    add_recipient,
    add_recipients,
    delete_recipient,
    find_file,
    update_recipient,
    update_recipients,
)
from campaign_app.core.directory.load import directory_files, load_directory

SPREADSHEET = (
    "id;category;given_name;family_name;email;postal_address;tags\r\n"
    'a-1;mep;Anna;Nováková;anna@example.eu;;"x;y"\r\n'
    'b-2;mep;Petr;Šimek;;"Rue Wiertz 60\r\n1047 Brussels";\r\n'
    "c-3;ngo;;Amnesty;;;\r\n"
)


def changed_lines(before: str, after: str) -> list[str]:
    """The lines removed (-) and added (+) between two versions of a file."""
    return [
        line
        for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True))
        if line[:1] in "+-"
    ]


def load(folder: Path):
    return load_directory(directory_files(folder))


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """A spreadsheet export: byte-order mark, ';' delimiter, CRLF, a multi-line cell, 'tags' split."""
    path = tmp_path / "recipients" / "sheet.csv"
    path.parent.mkdir()
    path.write_bytes(codecs.BOM_UTF8 + SPREADSHEET.encode("utf-8"))
    return path


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return init_workspace(tmp_path / "example")


# ---- CSV ---------------------------------------------------------------------------------


def test_csv_update_rewrites_only_that_row_in_the_files_own_dialect(sheet):
    before = sheet.read_bytes()
    saved = update_recipient(sheet, "b-2", {"email": "petr.simek@example.eu"})
    after = sheet.read_bytes()
    assert after.startswith(codecs.BOM_UTF8)
    old_lines, new_lines = before.split(b"\r\n"), after.split(b"\r\n")
    assert len(old_lines) == len(new_lines)
    differing = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert differing == [2]  # the first physical line of row b-2; its address and the rest stay
    assert new_lines[2] == 'b-2;mep;Petr;Šimek;petr.simek@example.eu;"Rue Wiertz 60'.encode()
    assert saved.email == "petr.simek@example.eu"
    assert saved.origin == Location(str(sheet), 3, 1)
    again = load(sheet.parent).get("b-2")
    assert again.email == "petr.simek@example.eu"
    assert again.postal_address == "Rue Wiertz 60\r\n1047 Brussels"


def test_csv_add_appends_a_row_and_adds_a_missing_column_to_the_header_only(sheet):
    before = sheet.read_bytes().decode("utf-8-sig")
    saved = add_recipient(
        sheet, {"id": "d-4", "category": "media", "family_name": "Kyiv Post", "notes": "new column"}
    )
    after = sheet.read_bytes().decode("utf-8-sig")
    assert changed_lines(before, after) == [
        "- id;category;given_name;family_name;email;postal_address;tags\r\n",
        "+ id;category;given_name;family_name;email;postal_address;tags;notes\r\n",
        "+ d-4;media;;Kyiv Post;;;;new column\r\n",
    ]
    assert saved.origin.line == 6
    directory = load(sheet.parent)
    assert [r.id for r in directory] == ["a-1", "b-2", "c-3", "d-4"]
    assert directory.get("d-4").notes == "new column"
    assert directory.get("a-1").tags == ("x", "y")


def test_csv_delete_removes_every_line_of_the_row(sheet):
    delete_recipient(sheet, "b-2")
    text = sheet.read_text(encoding="utf-8-sig")
    assert "Wiertz" not in text and "1047" not in text
    assert [r.id for r in load(sheet.parent)] == ["a-1", "c-3"]


def test_a_new_default_file_is_created_with_every_column_and_the_cli_lists_it(example, cli):
    target = example / "recipients" / "recipients.csv"
    assert not target.exists()
    add_recipient(
        target,
        {"id": "vol-1", "category": "media", "given_name": "Ann", "family_name": "Lee", "email": "a@x.org"},
    )
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,category,honorific,given_name,family_name,gender,position")
    result = cli("recipients", "list", "-w", example, "--query", "lee")
    assert result.code == 0, result.err
    assert "vol-1" in result.out and "a@x.org" in result.out


def test_a_file_without_a_final_newline_gets_one_before_the_new_row(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("id,category,family_name\nx,mep,X", encoding="utf-8")
    add_recipient(path, {"id": "y", "category": "mep", "family_name": "Y"})
    assert path.read_text(encoding="utf-8") == "id,category,family_name\nx,mep,X\ny,mep,Y\n"


def test_an_invalid_entry_is_refused_with_the_loaders_message_and_nothing_is_written(sheet):
    before = sheet.read_bytes()
    with pytest.raises(UserError) as caught:
        add_recipient(sheet, {"id": "d-4", "category": "mep", "family_name": "X", "email": "not-an-address"})
    message = str(caught.value)
    assert message.startswith(f"{sheet}:6:5: e-mail 'not-an-address' is not an address")
    assert message.endswith("— correct it or leave it empty")
    with pytest.raises(UserErrors):
        update_recipient(sheet, "a-1", {"category": "mepp", "family_name": "", "given_name": ""})
    assert sheet.read_bytes() == before


def test_an_id_used_in_the_same_file_or_elsewhere_is_refused(sheet):
    with pytest.raises(UserError, match=r"id 'a-1' is already used at .*sheet.csv:2 — give each"):
        add_recipient(sheet, {"id": "a-1", "category": "mep", "family_name": "Twin"})
    with pytest.raises(UserError, match=r"id 'c-3' is already used at"):
        update_recipient(sheet, "a-1", {"id": "c-3"})
    elsewhere = Location("recipients/other.yaml", 7)
    with pytest.raises(UserError, match=r"already used at recipients/other.yaml:7"):
        add_recipient(
            sheet,
            {"id": "z-9", "category": "mep", "family_name": "Z"},
            taken=lambda rid: elsewhere if rid == "z-9" else None,
        )


def test_an_entry_that_is_no_longer_in_the_file_is_reported(sheet):
    with pytest.raises(UserError, match="no recipient with id 'gone' in this file"):
        update_recipient(sheet, "gone", {"notes": "x"})
    with pytest.raises(UserError, match="no recipient with id 'gone'"):
        delete_recipient(sheet, "gone")


# ---- YAML --------------------------------------------------------------------------------


def test_yaml_edit_of_one_language_keeps_the_other_language_and_every_comment(example):
    path = example / "recipients" / "ukraine-officials.yaml"
    before = path.read_text(encoding="utf-8")
    saved = update_recipient(path, "ua-president", {"position": {"en": "President of Ukraine (acting)"}})
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-   position: {uk: Президент України, en: President of Ukraine}\n",
        "+   position: {uk: Президент України, en: President of Ukraine (acting)}\n",
    ]
    assert saved.position == {"uk": "Президент України", "en": "President of Ukraine (acting)"}
    assert saved.origin.line == before.splitlines().index("- id: ua-president") + 1


def test_yaml_keeps_quoting_folded_notes_and_adds_new_keys_in_the_usual_order(example):
    path = example / "recipients" / "international.yaml"
    before = path.read_text(encoding="utf-8")
    update_recipient(
        path,
        "unhcr-ukraine",
        {
            "verified_on": "2026-11-01",
            "email": "ukrki@unhcr.org",
            "notes": "Confirmed by phone. " * 12,
            "tags": "supporter; un",
        },
    )
    after = path.read_text(encoding="utf-8")
    changes = changed_lines(before, after)
    assert "+   verified_on: '2026-11-01'\n" in changes
    assert "+   email: ukrki@unhcr.org\n" in changes  # '' was quoted only for being empty
    assert "+   tags: [supporter, un]\n" in changes
    assert "+   notes: >-\n" not in changes  # still the same folded block
    assert (
        "+     Confirmed by phone. Confirmed by phone. Confirmed by phone. Confirmed by phone.\n" in changes
    )
    entry = load(path.parent).get("unhcr-ukraine")
    assert entry.notes == ("Confirmed by phone. " * 12).strip()
    assert entry.tags == ("supporter", "un")
    header = before.split("- id:")[0]
    assert after.startswith(header)  # the file's own comments


def test_yaml_new_key_after_the_last_one_stays_inside_the_entry(tmp_path):
    path = tmp_path / "officials.yaml"
    path.write_text(
        "# officials\n\n- id: a\n  category: national_official\n  position: Minister  # since 2024\n\n"
        "# the next one\n- id: b\n  category: national_official\n  position: Head\n",
        encoding="utf-8",
    )
    update_recipient(path, "a", {"web_form": "https://gov.example/form", "notes": "two\nlines"})
    assert path.read_text(encoding="utf-8") == (
        "# officials\n\n- id: a\n  category: national_official\n  position: Minister  # since 2024\n"
        "  web_form: https://gov.example/form\n  notes: |-\n    two\n    lines\n\n"
        "# the next one\n- id: b\n  category: national_official\n  position: Head\n"
    )
    assert load(tmp_path).get("a").notes == "two\nlines"


def test_yaml_delete_takes_the_entry_and_the_comment_above_it_only(tmp_path):
    path = tmp_path / "officials.yaml"
    path.write_text(
        "# officials\n\n- id: a\n  category: ngo\n  organisation: A\n\n"
        "# about b\n- id: b\n  category: ngo\n  organisation: B\n\n"
        "- id: c\n  category: ngo\n  organisation: C\n",
        encoding="utf-8",
    )
    delete_recipient(path, "b")
    assert path.read_text(encoding="utf-8") == (
        "# officials\n\n- id: a\n  category: ngo\n  organisation: A\n\n"
        "- id: c\n  category: ngo\n  organisation: C\n"
    )
    delete_recipient(path, "c")
    assert path.read_text(encoding="utf-8") == "# officials\n\n- id: a\n  category: ngo\n  organisation: A\n"
    delete_recipient(path, "a")
    assert len(load(tmp_path)) == 0


def test_yaml_add_follows_the_files_layout_with_maps_and_tags_inline(example):
    path = example / "recipients" / "ukraine-officials.yaml"
    before = path.read_text(encoding="utf-8")
    add_recipient(
        path,
        {
            "id": "ua-ombudsman",
            "category": "national_official",
            "position": {"uk": "Уповноважений Верховної Ради з прав людини", "en": "Ombudsman"},
            "country": "UA",
            "language": "uk",
            "postal_address": "вул. Інститутська, 21/8\nм. Київ, 01008",
            "tags": "ukraine-government;ombudsman",
        },
    )
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :] == (
        "\n- id: ua-ombudsman\n  category: national_official\n"
        "  position: {uk: Уповноважений Верховної Ради з прав людини, en: Ombudsman}\n"
        "  country: UA\n  language: uk\n  postal_address: |-\n    вул. Інститутська, 21/8\n    м. Київ, 01008\n"
        "  tags: [ukraine-government, ombudsman]\n"
    )
    assert load(path.parent).get("ua-ombudsman").view("en").position == "Ombudsman"


def test_yaml_under_a_recipients_key_with_other_indentation(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text(
        "recipients:\n    - id: a\n      category: ngo\n      organisation: A\n"
        "    - id: b\n      category: ngo\n      organisation: B\n",
        encoding="utf-8",
    )
    update_recipient(path, "a", {"organisation": "A2"})
    add_recipient(path, {"id": "c", "category": "ngo", "organisation": "C"})
    delete_recipient(path, "b")
    assert path.read_text(encoding="utf-8") == (
        "recipients:\n    - id: a\n      category: ngo\n      organisation: A2\n"
        "    - id: c\n      category: ngo\n      organisation: C\n"
    )


def _people(count: int, start: int = 0) -> list[dict]:
    return [
        {
            "id": f"p-{n}",
            "category": "ngo",
            "organisation": f"Org {n}",
            "tags": "x;y",
            "email": f"p{n}@example.org",
        }
        for n in range(start, start + count)
    ]


@pytest.mark.parametrize(
    "text",
    [
        None,  # a new file
        "# people typed by hand\n\n- id: a\n  category: ngo  # an NGO\n  organisation: A\n\n"
        "- id: b\n  category: ngo\n  organisation: B\n\n# the end of the list\n",
        "recipients:\n    - id: a\n      category: ngo\n      organisation: A\n"
        "    - id: b\n      category: ngo\n      organisation: B\nnotes: kept\n",
        "- id: a\n  category: ngo\n  organisation: A",  # one entry, no final newline
    ],
)
def test_yaml_entries_added_at_once_are_written_as_added_one_by_one(tmp_path, text):
    """An import appends its new people at once (the file read, checked and written once:
    one by one, 400 people took minutes); the file is the same as after adding each."""
    one_by_one, at_once = tmp_path / "a" / "list.yaml", tmp_path / "b" / "list.yaml"
    for path in (one_by_one, at_once):
        path.parent.mkdir()
        if text is not None:
            path.write_text(text, encoding="utf-8")
    people = _people(5)
    for person in people:
        add_recipient(one_by_one, person)

    added = add_recipients(at_once, people)

    assert at_once.read_bytes() == one_by_one.read_bytes()
    assert [r.id for r in added] == [p["id"] for p in people]
    assert [r.id for r in load(at_once.parent).recipients][-5:] == [p["id"] for p in people]


def test_yaml_entries_added_at_once_read_the_file_a_few_times_however_many(tmp_path, monkeypatch):
    from campaign_app.core.directory.edit import yaml_file

    path = tmp_path / "list.yaml"
    path.write_text("- id: a\n  category: ngo\n  organisation: A\n", encoding="utf-8")
    loads = []
    real = yaml_file.load_yaml_text
    monkeypatch.setattr(yaml_file, "load_yaml_text", lambda *a: loads.append(1) or real(*a))

    add_recipients(path, _people(60))

    assert len(loads) <= 3  # read, and the result checked: not once or twice an entry
    assert len(load(path.parent).recipients) == 61


def test_yaml_entries_added_at_once_refuse_an_id_twice_and_write_nothing(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- id: a\n  category: ngo\n  organisation: A\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(UserError, match="p-1"):
        add_recipients(path, [*_people(3), *_people(1, start=1)])
    with pytest.raises(UserError, match="'a'"):
        add_recipients(path, [*_people(2), {"id": "a", "category": "ngo", "organisation": "A again"}])
    assert path.read_bytes() == before


def test_yaml_entries_changed_at_once_are_written_as_changed_one_by_one(example, tmp_path):
    """An import's --update changes its entries at once; the file is the same as after
    changing each (comments, per-language maps, the other entries untouched), a renamed id
    and a second change of one entry included."""
    one_by_one = example / "recipients" / "ukraine-officials.yaml"
    at_once = tmp_path / "ukraine-officials.yaml"
    at_once.write_bytes(one_by_one.read_bytes())
    ids = [r.id for r in load_directory([one_by_one]).recipients]
    changes = [(rid, {"notes": f"asked again ({n})"}) for n, rid in enumerate(ids)]
    changes += [(ids[0], {"position": {"en": "President"}}), (ids[-1], {"id": "renamed-last"})]
    for rid, change in changes:
        update_recipient(one_by_one, rid, change)

    saved = update_recipients(at_once, changes)

    assert at_once.read_bytes() == one_by_one.read_bytes()
    assert [r.id for r in saved] == [*ids[:-1], "renamed-last"]
    assert saved[0].view("en").position == "President"


def test_yaml_invalid_change_is_refused_at_its_line(example):
    path = example / "recipients" / "ukraine-officials.yaml"
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        update_recipient(path, "ua-president", {"country": "Ukraine"})
    assert "country 'Ukraine' is not an ISO 3166 alpha-2 code" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:")
    assert path.read_bytes() == before


def test_find_file_names_the_file_holding_an_id(example):
    files = directory_files(example / "recipients")
    assert find_file(files, "unhcr-ukraine").name == "international.yaml"
    assert find_file(files, "mep-197722").name == "meps.csv"
    assert find_file(files, "nobody") is None
