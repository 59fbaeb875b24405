"""The Import dialog of the Recipients tab, driven as a user would.

The dialog must show how the file was read, its first rows, the column mapping (which
the user may change) and the whole report BEFORE anything is written; Import writes,
Cancel writes nothing. The European Parliament's real open-data file (Windows-1252,
letters lost to '?', mailto: lists) is the main case.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from ep_data import EP_CSV, ep_distrusted, ep_line, ep_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.gui.recipients.import_dialog import ImportDialog
from campaign_app.gui.recipients.import_models import field_label

EXAMPLE_ENTRIES = 25


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def open_dialog(qtbot, tab, *, shortcut: bool = False) -> ImportDialog:
    if shortcut:
        qtbot.keyClick(tab.search, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = tab.import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def choose_file(qtbot, dialog: ImportDialog, path: Path) -> None:
    """Type the file's path and press Enter; wait until its report (or error) is shown."""
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path))
    with qtbot.waitSignal(dialog.planned, timeout=30000):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy())


def problems(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    model = dialog.problems_model
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def preview_header(dialog: ImportDialog, column: int) -> str:
    return dialog.preview_model.headerData(column + 1, Qt.Orientation.Horizontal)


def field_combo(dialog: ImportDialog, column: int) -> QComboBox:
    combo = dialog.mapping_view.indexWidget(dialog.mapping_model.index(column, 1))
    assert isinstance(combo, QComboBox)
    return combo


def directory_ids(workspace: Path) -> set[str]:
    """The ids of the workspace's CSV directory files, read without the app."""
    ids = set()
    for path in (workspace / "recipients").glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            ids |= {row["id"] for row in csv.DictReader(handle)}
    return ids


def import_and_wait(qtbot, tab, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.tasks.idle() and tab.model.searchable)


def test_the_parliaments_file_is_previewed_and_reported_before_anything_is_written(tab, qtbot, example_ws):
    before = snapshot(example_ws)
    # What to expect, counted from the file and the directory without the app.
    rows = ep_rows()
    distrusted = ep_distrusted()
    ids = directory_ids(example_ws)
    known = {n for n, r in rows if f"mep-{r['mep_identifier']}" in ids}
    # Lost letters and swapped countries are never taken; an entry the directory has (Ward)
    # needs no e-mail from the file.
    skipped = distrusted["lost"] | distrusted["swapped"] | (distrusted["no_mail"] - known)
    to_add = len(rows) - len(skipped) - len(known - skipped)
    dialog = open_dialog(qtbot, tab, shortcut=True)
    assert not dialog.import_button.isEnabled()  # no file yet
    choose_file(qtbot, dialog, EP_CSV)

    assert dialog.kind_value.text() == "CSV"
    assert dialog.encoding_value.text().startswith("Windows-1252")
    assert dialog.delimiter_value.text() == ", (comma)"
    assert dialog.rows_value.text() == str(len(rows))
    # The first rows as read, numbered as the report numbers them, under their mapping.
    preview = dialog.preview_model
    assert preview.rowCount() == 20
    assert preview.headerData(0, Qt.Orientation.Vertical) == "2"
    assert preview_header(dialog, 2) == "mep_given_name\n→ given_name"
    assert preview_header(dialog, 4) == "mep_official_given_name\n(ignore)"
    assert preview.index(1, 3).data() == "Bill"
    assert preview.index(1, 0).data() == "not imported"  # row 3: no contact channel
    assert "no contact channel" in preview.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert preview.index(0, 0).data() == "ok"
    email_column = dialog.mapping_model.columns.index("mep_email")
    assert field_combo(dialog, email_column).currentText() == "email"

    summary = dialog.summary.text()
    assert f"<b>{to_add}</b> to add" in summary and f"<b>{len(skipped)}</b> not imported" in summary
    assert "recipients/data-v1-meps-9-en.csv" in summary
    (lost,) = [p for p in problems(dialog) if "Juknevi?ien?" in p[2]]
    assert lost[0] == str(ep_line("197840")) and lost[1] == "family_name"
    assert lost[2].startswith("letters replaced by '?' in the source: family_name 'Juknevi?ien?'")
    assert dialog.report_tabs.tabText(0) == f"&Not imported ({len(skipped)} rows)"
    changes = dialog.changes_model
    assert changes.rowCount() == 1
    line = str(ep_line("197722"))  # Sánchez Amor, listed as Estonian: the directory's ES is kept
    assert [changes.index(0, c).data() for c in range(5)] == [line, "mep-197722", "country", "ES", "EE"]
    assert changes.index(0, 5).data().startswith("kept")
    assert snapshot(example_ws) == before  # the report came first; nothing written yet

    import_and_wait(qtbot, tab, dialog)
    new_file = example_ws / "recipients" / "data-v1-meps-9-en.csv"
    assert new_file.is_file()
    assert tab.model.rowCount() == EXAMPLE_ENTRIES + to_add
    assert tab.count_label.text() == f"{EXAMPLE_ENTRIES + to_add} of {EXAMPLE_ENTRIES + to_add} recipients"
    assert f"{to_add} added" in tab.status_label.text()
    assert tab.import_summary is not None and "recipients/data-v1-meps-9-en.csv" in tab.import_summary.text()
    tab.import_summary.accept()
    assert len(Workspace.open(example_ws).directory) == EXAMPLE_ENTRIES + to_add
    unchanged = {k: v for k, v in snapshot(example_ws).items() if k != "recipients/data-v1-meps-9-en.csv"}
    assert unchanged == before  # the entries the directory had were left as they were


def test_changing_a_columns_field_updates_the_preview_and_the_report(tab, qtbot, example_ws, tmp_path):
    source = tmp_path / "fr.csv"
    text = "Nom;Prénom;Col7;Remarque\r\nDupont;Léa;lea@example.org;vue à Kyiv\r\nMartin;Paul;paul@example.org;\r\n"
    source.write_bytes(text.encode("cp1252"))
    before = snapshot(example_ws)
    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, source)
    assert dialog.encoding_value.text().startswith("Windows-1252")
    assert dialog.delimiter_value.text() == "; (semicolon)"
    assert [dialog.mapping_model.index(r, 1).data() for r in range(4)] == [
        "family_name",
        "given_name",
        "(ignore)",
        "(ignore)",
    ]
    # No category column and none chosen: the command line's message, in the dialog.
    assert dialog.plan_error.isVisible()
    assert dialog.plan_error.text().startswith(f"{source}:1: the file has no category column")
    assert not dialog.import_button.isEnabled()

    dialog.category_combo.setFocus()
    with qtbot.waitSignal(dialog.planned):
        qtbot.keyClicks(dialog.category_combo, "ngo")
    assert dialog.category_combo.currentText() == "ngo"
    assert not dialog.plan_error.isVisible()
    assert "<b>0</b> to add" in dialog.summary.text()  # Col7 ignored: no contact channel
    assert [p[0] for p in problems(dialog)] == ["2", "3"]
    assert "no contact channel" in problems(dialog)[0][2]

    combo = field_combo(dialog, 2)
    combo.setFocus()
    with qtbot.waitSignal(dialog.planned):
        qtbot.keyClicks(combo, "email")
    qtbot.waitUntil(lambda: not dialog.busy())
    assert combo.currentText() == "email"
    assert dialog.mapping_model.mapping == ["family_name", "given_name", "email", None]
    assert preview_header(dialog, 2) == "Col7\n→ email"
    assert dialog.preview_model.index(0, 0).data() == "ok"
    assert "<b>2</b> to add" in dialog.summary.text()
    assert problems(dialog) == []
    assert snapshot(example_ws) == before

    # A field is filled by one column: giving it to another sets the first to (ignore).
    with qtbot.waitSignal(dialog.planned):
        dialog.mapping_model.set_field(3, "email")
    assert field_combo(dialog, 2).currentText() == field_label(None)
    with qtbot.waitSignal(dialog.planned):
        dialog.mapping_model.set_field(2, "email")
    assert field_combo(dialog, 3).currentText() == "(ignore)"

    import_and_wait(qtbot, tab, dialog)
    written = (example_ws / "recipients" / "fr.csv").read_text(encoding="utf-8")
    assert "Léa" in written and "lea@example.org" in written and "ngo" in written
    assert tab.model.rowCount() == EXAMPLE_ENTRIES + 2


def test_cancel_writes_nothing(tab, qtbot, example_ws):
    before = snapshot(example_ws)
    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, EP_CSV)
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(tab.tasks.idle)
    assert snapshot(example_ws) == before
    assert tab.model.rowCount() == EXAMPLE_ENTRIES


def test_cancel_while_checking_drops_the_result(tab, qtbot, example_ws):
    before = snapshot(example_ws)
    dialog = open_dialog(qtbot, tab)
    dialog.path_edit.setText(str(EP_CSV))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # while the file is read and checked
    assert not dialog.isVisible()
    qtbot.waitUntil(tab.tasks.idle)
    assert snapshot(example_ws) == before


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("list.xml", b"<meps><mep><fullName>Ann BEE</fullName></mep>", "list.xml:"),
        (
            "sheet.xlsx",
            b"not a zip file",
            "sheet.xlsx: cannot read the workbook: it is not an Excel .xlsx workbook",
        ),
        ("people.ods", b"", "people.ods: cannot read .ods files"),
        ("missing.csv", None, "missing.csv: file not found"),
    ],
)
def test_an_unreadable_file_is_reported_in_the_dialog(tab, qtbot, example_ws, tmp_path, name, data, message):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, path)
    assert dialog.file_error.isVisible()
    assert message in dialog.file_error.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.isVisible()


@pytest.mark.parametrize("row", [2, 40], ids=["in the preview", "after the preview"])
def test_a_quote_left_open_is_shown_as_the_error_not_as_merged_rows(tab, qtbot, example_ws, tmp_path, row):
    """Read leniently, the rows after an unclosed quote were one cell of the row it opened
    in: the preview showed one recipient named "Test x2,mep,b@example.org,…" and Import
    added it. The dialog says where the quote is and imports nothing (the quote in the
    first rows stops the reading; further on, the plan)."""
    lines = ["id,category,email,given_name,family_name"]
    lines += [f"x{n},mep,p{n}@example.org,Anna,Nowak{n}" for n in range(2, 46)]
    lines[row - 1] = f'x{row},mep,p{row}@example.org,Anna,"Test'
    source = tmp_path / "quotes.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = snapshot(example_ws)
    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, source)
    error = dialog.file_error if row == 2 else dialog.plan_error
    assert error.isVisible()
    assert error.text().startswith(f"{source}:{row}: broken CSV: "), error.text()
    assert "is not closed" in error.text()
    assert not dialog.import_button.isEnabled()
    assert "cannot" in dialog.summary.text()
    assert snapshot(example_ws) == before


def test_a_bad_target_name_is_shown_next_to_its_field(tab, qtbot, tmp_path):
    source = tmp_path / "ngos.csv"
    source.write_text(
        "Name,Organisation,Email,Category\nAnn Bee,Helpers,ann@helpers.org,ngo\n", encoding="utf-8"
    )
    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, source)
    assert "<b>1</b> to add" in dialog.summary.text()
    assert dialog.into_edit.placeholderText().startswith("ngos.csv")
    with qtbot.waitSignal(dialog.planned):
        qtbot.keyClicks(dialog.into_edit, "../x.csv")
    assert dialog.into_error.isVisible()
    assert dialog.into_error.text().startswith("--into takes a file name, not '../x.csv'")
    assert not dialog.import_button.isEnabled()
    dialog.into_edit.clear()
    with qtbot.waitSignal(dialog.planned):
        qtbot.keyClicks(dialog.into_edit, "partners")
    assert not dialog.into_error.isVisible()
    assert "recipients/partners.csv" in dialog.summary.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_a_workbook_with_several_sheets_offers_a_sheet_picker(tab, qtbot, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Notes"
    first.append(["Remark"])
    first.append(["nothing to import here"])
    people = workbook.create_sheet("People")
    people.append(["First name", "Last name", "E-mail", "Category"])
    people.append(["Ann", "Bee", "ann@example.org", "ngo"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)

    dialog = open_dialog(qtbot, tab)
    choose_file(qtbot, dialog, path)
    assert dialog.sheet_combo.isVisible()
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == ["Notes", "People"]
    assert dialog.plan_error.isVisible()  # the Notes sheet names no one
    assert not dialog.encoding_value.isVisible()
    dialog.sheet_combo.setFocus()
    with qtbot.waitSignal(dialog.planned, timeout=30000):
        qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)
    assert dialog.kind_value.text() == "Excel workbook, sheet 'People'"
    assert dialog.sheet_combo.currentText() == "People"
    assert not dialog.plan_error.isVisible()
    assert "<b>1</b> to add" in dialog.summary.text()
    assert preview_header(dialog, 2) == "E-mail\n→ email"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_the_stale_mark_follows_the_campaigns_freshness_days(make_window, example_ws, qtbot):
    campaign = example_ws / "campaign.yaml"
    campaign.write_text(campaign.read_text(encoding="utf-8") + "freshness_days: 36500\n", encoding="utf-8")
    window = make_window(example_ws, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and window.tasks.idle())
    assert tab.model.stale_after == 36500
    assert "not verified" not in tab.marks_label.text()
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("36500", "30"), encoding="utf-8")
    window.session.changed("campaign")
    qtbot.waitUntil(lambda: tab.model.searchable and window.tasks.idle())
    assert tab.model.stale_after == 30
    assert f"{EXAMPLE_ENTRIES} not verified in 30 days" in tab.marks_label.text()
