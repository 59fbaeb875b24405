"""A large directory file's checked columns kept between runs: the next run that finds the
same bytes reads them back instead of the file, and has the very same directory; changed
bytes, a file with a problem, a kept file that does not verify: the file is read."""

from __future__ import annotations

import datetime as dt
import marshal
import os

import pytest

import campaign_app.core.directory.load as load_module
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.kept_files import CACHE_FOLDER
from campaign_app.core.directory import kept_columns
from campaign_app.core.directory.load import directory_files, load_directory

HEADER = "id,category,given_name,family_name,country,language,email,tags,verified_on,postal_address,in_office_until\n"


def big_csv(rows: int = 2_500, name: str = "Šimečka") -> str:
    """A directory file past ``kept_columns.MIN_BYTES``: accents, tags, days (some rows
    without), one day for all, a quoted two-line address."""
    lines = [HEADER]
    for i in range(rows):
        verified = "" if i % 7 == 6 else f"2024-01-{1 + i % 28:02d}"
        lines.append(
            f"mep-{i},mep,Michal,{name} {i},SK,sk,m.{i}@europarl.europa.eu,droi; supporter,"
            f'{verified},"Rue Wiertz 60\n1047 Brussels",2029-07-15\n'
        )
    text = "".join(lines)
    assert len(text.encode()) >= kept_columns.MIN_BYTES
    return text


def kept(ws) -> list:
    return sorted((ws.root / CACHE_FOLDER / kept_columns.KIND).glob("*.marshal"))


def everything(directory) -> list:
    """Every recipient whole, and where each came from (a clash names the file and line)."""
    return [(r, directory.table.row_location(i)) for i, r in enumerate(directory)]


def refuse_reading(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the file was read and checked again")

    monkeypatch.setattr(load_module, "read_rows", refuse)
    monkeypatch.setattr(load_module, "check_columns", refuse)


def spy_reading(monkeypatch) -> list[bytes]:
    """Every kept file's bytes read back from now on."""
    calls: list[bytes] = []
    real = marshal.loads

    def loads(data, *args, **kwargs):
        calls.append(data)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(kept_columns.marshal, "loads", loads)
    return calls


def test_a_later_run_reads_the_kept_columns_and_has_the_same_directory(mini_ws, monkeypatch):
    mini_ws.write("recipients/people.csv", big_csv())
    files = directory_files(mini_ws.root / "recipients")
    first = load_directory(files)
    assert len(kept(mini_ws)) == 1

    refuse_reading(monkeypatch)
    again = load_directory(files)

    assert everything(again) == everything(first)
    simecka = again.get("mep-7")
    assert simecka is not None and simecka.family_name == "Šimečka 7"
    assert simecka.tags == ("droi", "supporter") and simecka.verified_on.isoformat() == "2024-01-08"
    assert simecka.postal_address == "Rue Wiertz 60\n1047 Brussels"
    assert simecka.in_office_until == dt.date(2029, 7, 15) and again.get("mep-6").verified_on is None
    assert str(again.table.row_location(again.row_numbers()["mep-7"])).endswith("people.csv:16")


def test_changed_bytes_are_read_again(mini_ws):
    mini_ws.write("recipients/people.csv", big_csv())
    files = directory_files(mini_ws.root / "recipients")
    load_directory(files)
    mini_ws.write("recipients/people.csv", big_csv(name="Simecka"))  # one letter lost, everywhere

    changed = load_directory(files)

    assert changed.get("mep-7").family_name == "Simecka 7"
    assert len(kept(mini_ws)) == 2


def test_a_change_that_keeps_the_file_s_size_is_read_again(mini_ws):
    """A typo fixed letter for letter leaves the file exactly as long as it was: its columns
    are another file's, and the letters have the corrected name."""
    path = mini_ws.write("recipients/people.csv", big_csv(name="Smtih"))
    size = path.stat().st_size
    files = directory_files(mini_ws.root / "recipients")
    assert load_directory(files).get("mep-7").family_name == "Smtih 7"
    mini_ws.write("recipients/people.csv", big_csv(name="Smith"))
    assert path.stat().st_size == size

    changed = load_directory(files)

    assert changed.get("mep-7").family_name == "Smith 7"
    assert len(kept(mini_ws)) == 2


def test_columns_kept_under_other_checks_are_never_read(mini_ws, monkeypatch):
    """Columns kept by a version whose checks differ (an update, a developer's edit) are
    not this version's: the file is read and checked again."""
    mini_ws.write("recipients/people.csv", big_csv())
    files = directory_files(mini_ws.root / "recipients")
    load_directory(files)
    monkeypatch.setattr(kept_columns, "_checks_fingerprint", lambda: b"the checks of another version")
    reads = spy_reading(monkeypatch)

    again = load_directory(files)

    assert reads == []
    assert again.get("mep-7").family_name == "Šimečka 7"
    assert len(kept(mini_ws)) == 2


def test_a_file_with_a_problem_is_not_kept_and_says_it_every_run(mini_ws):
    text = big_csv().replace("m.5@europarl.europa.eu", "m.5@", 1)
    mini_ws.write("recipients/people.csv", text)
    files = directory_files(mini_ws.root / "recipients")
    for _ in range(2):
        with pytest.raises((UserError, UserErrors)) as raised:
            load_directory(files)
        [problem] = flatten(raised.value)
        assert "people.csv:12:7" in str(problem) and "m.5@" in str(problem)
    assert kept(mini_ws) == []


def test_an_id_repeated_in_another_file_names_both_places_from_kept_columns(mini_ws):
    mini_ws.write("recipients/people.csv", big_csv())
    mini_ws.write("recipients/zz-more.csv", HEADER + "mep-3,mep,Anna,Nováková,CZ,cs,,,,,\n")
    files = directory_files(mini_ws.root / "recipients")
    for _ in range(2):  # read, then from the kept columns
        with pytest.raises(UserError) as raised:
            load_directory(files)
        said = str(raised.value)
        assert "mep-3" in said and "zz-more.csv:2" in said and "people.csv:8" in said


def test_kept_columns_whose_bytes_were_changed_are_never_read(mini_ws, monkeypatch):
    mini_ws.write("recipients/people.csv", big_csv())
    files = directory_files(mini_ws.root / "recipients")
    load_directory(files)
    [file] = kept(mini_ws)
    blob = file.read_bytes()
    planted = kept_columns._encoded(kept_columns.KeptColumns({"id": ("planted",)}, [2], 1))
    file.write_bytes(blob[:32] + marshal.dumps(planted))  # the MAC kept, the bytes after it replaced

    calls = spy_reading(monkeypatch)
    again = load_directory(files)

    assert calls == []
    assert again.get("mep-7").family_name == "Šimečka 7"


def test_columns_kept_by_another_user_are_never_read(mini_ws, monkeypatch, tmp_path):
    """A campaign received with its .cache: signed with the sender's key, not ours."""
    mini_ws.write("recipients/people.csv", big_csv())
    files = directory_files(mini_ws.root / "recipients")
    ours = os.environ["XDG_DATA_HOME"]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-user-data"))
    load_directory(files)
    monkeypatch.setenv("XDG_DATA_HOME", ours)

    calls = spy_reading(monkeypatch)
    again = load_directory(files)

    assert calls == []
    assert again.get("mep-7").family_name == "Šimečka 7"


def test_small_files_and_files_from_no_campaign_are_not_kept(mini_ws, tmp_path):
    load_directory(directory_files(mini_ws.root / "recipients"))  # mini_ws's three rows
    assert not (mini_ws.root / CACHE_FOLDER / kept_columns.KIND).exists()
    loose = tmp_path / "loose" / "people.csv"
    loose.parent.mkdir()
    loose.write_text(big_csv(), encoding="utf-8")
    assert load_directory([loose]).get("mep-7") is not None
    assert sorted(p.name for p in loose.parent.iterdir()) == ["people.csv"]


def test_a_changed_check_module_makes_the_kept_columns_anothers(monkeypatch):
    """A developer's edit of the checks, or an update, is never served the old columns."""
    before = kept_columns._checks_fingerprint()
    kept_columns._checks_fingerprint.cache_clear()
    monkeypatch.setattr(kept_columns, "PROGRAM_VERSION", "99.0")
    try:
        assert kept_columns._checks_fingerprint() != before
    finally:
        kept_columns._checks_fingerprint.cache_clear()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_cache_folder_that_links_elsewhere_is_never_written_to(mini_ws, tmp_path):
    """A campaign received with ``.cache/directory`` linking to a folder of the user's: the
    run keeps nothing there and removes none of its files."""
    elsewhere = tmp_path / "users-own-folder"
    elsewhere.mkdir()
    own = [elsewhere / f"{n:02d}.pickle" for n in range(12)]
    for path in own:
        path.write_bytes(b"the user's own file")
    (mini_ws.root / CACHE_FOLDER).mkdir()
    (mini_ws.root / CACHE_FOLDER / kept_columns.KIND).symlink_to(elsewhere)
    mini_ws.write("recipients/people.csv", big_csv())

    directory = load_directory(directory_files(mini_ws.root / "recipients"))

    assert directory.get("mep-7").family_name == "Šimečka 7"
    assert sorted(elsewhere.iterdir()) == own
