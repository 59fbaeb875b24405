"""The Batch tab's Print pack: the same pack as ``campaign-app print``, off the UI thread."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from campaign_app.core.campaign.workspace import Workspace

PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,postal_address
mep-1,mep,Mr,Michal,Šimečka,m,Member,European Parliament,SK,en,m@ep.example,"Rue Wiertz 60
1047 Brussels"
mep-2,mep,Ms,Maria,Arena,f,Member,European Parliament,BE,en,maria.arena@ep.example,
"""


def choose_template(qtbot, tab, template_id: str) -> None:
    tab.template_combo.setCurrentIndex(tab.template_combo.findData(template_id))
    qtbot.waitUntil(lambda: tab.count_label.text().endswith("selected"), timeout=10000)


def test_print_pack_from_the_batch_tab(make_window, mini_ws, qtbot, tmp_path):
    mini_ws.write("recipients/people.csv", PEOPLE)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    assert tab.print_button.isEnabled()
    dialog = tab.print_pack()
    assert dialog is not None and dialog.isVisible()
    out = tmp_path / "pack.pdf"
    dialog.out_edit.setText(str(out))
    dialog.extra_combo.setCurrentIndex(3)  # C4 envelopes
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("Done"), timeout=30000)

    assert "1 letter, 3 pages in all" in dialog.progress_label.text()
    assert (
        "Print pages 1–2 (the letters) on both sides of the paper; then page 3 on one side only, with a "
        "C4 envelope in the manual feed." in dialog.progress_label.text()
    )
    assert dialog.left_out.isVisible()
    assert "mep-2: Maria Arena (e-mail maria.arena@ep.example)" in dialog.left_out.toPlainText()
    pages = PdfReader(out).pages
    assert len(pages) == 3 and round(float(pages[2].mediabox.width) / 72 * 25.4) == 324
    with Workspace(mini_ws.root).read_log() as log:
        assert [e.kind for e in log.events() if e.kind == "printed"] == ["printed"]
    assert dialog.cancel_button.text() == "Close"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_print_pack_nobody_with_an_address_says_why(make_window, mini_ws, qtbot, tmp_path):
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    dialog = tab.print_pack()
    dialog.out_edit.setText(str(tmp_path / "p.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text() == "Nothing was printed.", timeout=30000)
    assert "has a postal address: nothing was printed" in dialog.error_label.text()
    assert "mep-1: Michal Šimečka" in dialog.left_out.toPlainText()
    assert not (tmp_path / "p.pdf").exists()
    dialog.close()


def test_after_a_wrong_path_the_pack_can_be_printed_to_another(make_window, mini_ws, qtbot, tmp_path):
    """A file in the way of the PDF's folder: the message said to choose another, but the
    path, Browse and Print pack stayed disabled; only Close worked."""
    mini_ws.write("recipients/people.csv", PEOPLE)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    dialog = tab.print_pack()
    blocker = tmp_path / "afile.txt"
    blocker.write_text("in the way")
    dialog.out_edit.setText(str(blocker / "pack.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text() == "Nothing was printed.", timeout=30000)
    assert "this file is in the way" in dialog.error_label.text()
    assert (
        dialog.out_edit.isEnabled() and dialog.print_button.isEnabled() and dialog.browse_button.isEnabled()
    )
    dialog.out_edit.setText(str(tmp_path / "pack.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("Done"), timeout=30000)
    assert (tmp_path / "pack.pdf").exists()
    (label,) = [w for w in dialog.findChildren(type(dialog.progress_label)) if w.text() == "PDF &file:"]
    assert label.buddy() is dialog.out_edit  # the & is the shortcut to the field, not shown
    dialog.close()


def test_a_second_pack_leaves_out_the_letter_posted_and_says_so(make_window, mini_ws, qtbot, tmp_path):
    from campaign_app.core.campaign.marking import mark_letter

    mini_ws.write("recipients/people.csv", PEOPLE)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    dialog = tab.print_pack()
    dialog.out_edit.setText(str(tmp_path / "1.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("Done"), timeout=30000)
    mark_letter(Workspace(mini_ws.root), "mep-1", "sent", "Anna", channel="post")

    dialog.out_edit.setText(str(tmp_path / "2.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_label.text().startswith("Every letter"), timeout=30000)
    assert dialog.progress_label.text().startswith(
        "Every letter of template 'appeal-en' to a recipient with a postal address already went out"
    )
    listed = dialog.left_out.toPlainText()
    assert "already went out: not in the print pack" in listed
    assert "mep-1: Michal Šimečka — sent (post, " in listed
    assert not (tmp_path / "2.pdf").exists()
    dialog.close()
