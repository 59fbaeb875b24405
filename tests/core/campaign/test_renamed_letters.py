"""A recipient renamed in the directory (a new minister in office): their letter is written
again under the new name, and the earlier file, addressed to the former name, does not
stay beside it in the output folder, where it could be printed or attached by mistake."""

from __future__ import annotations

import json

from pypdf import PdfReader


def _text(path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _rename_mep_1(mini_ws) -> None:
    people = mini_ws.root / "recipients" / "people.csv"
    people.write_text(
        people.read_text(encoding="utf-8").replace("Mr,Michal,Šimečka,m", "Ms,Ivana,Horváthová,f"),
        encoding="utf-8",
    )


def test_the_letter_to_a_former_name_is_removed_when_the_new_one_is_written(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--format", "both", "--out", "out").code == 0
    folder = tmp_path / "out" / "appeal-en"
    assert (folder / "mep-1_Michal_Šimečka.pdf").is_file() and (
        folder / "mep-1_Michal_Šimečka.docx"
    ).is_file()
    _rename_mep_1(mini_ws)

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--format", "both", "--out", "out")

    assert again.code == 0, again.err
    assert "1 letter(s) written (2 file(s)), 1 already up to date" in again.out
    assert sorted(p.name for p in folder.iterdir()) == [
        "mep-1_Ivana_Horváthová.docx",
        "mep-1_Ivana_Horváthová.pdf",
        "mep-2_Rasa_Juknevičienė.docx",
        "mep-2_Rasa_Juknevičienė.pdf",
    ]
    assert "Dear Ms Horváthová," in _text(folder / "mep-1_Ivana_Horváthová.pdf")
    assert "removed appeal-en/mep-1_Michal_Šimečka.pdf, the earlier letter to a recipient" in again.err
    assert "removed appeal-en/mep-1_Michal_Šimečka.docx" in again.err
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert not [e for e in manifest["letters"] if "Šimečka" in e["path"]]


def test_an_earlier_letter_changed_by_hand_is_kept_and_said(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out").code == 0
    earlier = tmp_path / "out" / "appeal-en" / "mep-1_Michal_Šimečka.pdf"
    earlier.write_bytes(earlier.read_bytes() + b"\n% signed and annotated by hand\n")
    _rename_mep_1(mini_ws)

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")

    assert again.code == 0, again.err
    assert earlier.is_file()  # not ours to delete any more
    assert (tmp_path / "out" / "appeal-en" / "mep-1_Ivana_Horváthová.pdf").is_file()
    assert "warning: kept appeal-en/mep-1_Michal_Šimečka.pdf, an earlier letter" in again.err
    assert "(it was changed after it was written): delete it if it is out of date" in again.err


def test_a_file_outside_the_output_folder_is_never_removed_whatever_the_manifest_says(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out").code == 0
    manifest_file = tmp_path / "out" / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    (entry,) = [e for e in manifest["letters"] if e["recipient_id"] == "mep-1" and e["format"] == "pdf"]
    outside = tmp_path / "precious.pdf"  # the same bytes, elsewhere: a manifest edited by hand
    outside.write_bytes((tmp_path / "out" / entry["path"]).read_bytes())
    entry["path"] = "../precious.pdf"
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    _rename_mep_1(mini_ws)

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")

    assert again.code == 0, again.err
    assert outside.is_file()
    assert "precious" not in again.err


def test_a_letter_made_again_by_a_dry_run_send_also_takes_the_earlier_file_away(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en").code == 0
    folder = mini_ws.root / "out" / "appeal-en"
    assert (folder / "mep-1_Michal_Šimečka.pdf").is_file()
    _rename_mep_1(mini_ws)

    dry = cli("send", "-w", "ws", "-t", "appeal-en", "--dry-run")

    assert dry.code == 0, dry.err
    assert (folder / "mep-1_Ivana_Horváthová.pdf").is_file()
    assert not (folder / "mep-1_Michal_Šimečka.pdf").exists()


def test_a_letter_to_someone_no_longer_in_the_directory_is_named_and_kept(mini_ws, cli, tmp_path):
    assert cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out").code == 0
    people = mini_ws.root / "recipients" / "people.csv"
    people.write_text(
        "".join(line for line in people.read_text(encoding="utf-8").splitlines(True) if "mep-2," not in line),
        encoding="utf-8",
    )

    again = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")

    assert again.code == 0, again.err
    assert (
        "warning: appeal-en/mep-2_Rasa_Juknevičienė.pdf is a letter to 'mep-2', who is no longer in the "
        "directory: delete it if it is out of date" in again.err
    )
    assert (tmp_path / "out" / "appeal-en" / "mep-2_Rasa_Juknevičienė.pdf").is_file()  # said, not removed
    for file in (tmp_path / "out" / "appeal-en").glob("mep-2_*"):  # the user deletes them
        file.unlink()
    last = cli("generate", "-w", "ws", "-t", "appeal-en", "--out", "out")
    assert "no longer in the directory" not in last.err, last.err
