"""The Batch tab: generate, re-run, cancel and resume, and user mistakes shown in the tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from campaign_app.core.campaign.manifest import Manifest


def choose_template(qtbot, tab, template_id: str) -> None:
    index = tab.template_combo.findData(template_id)
    assert index >= 0, f"{template_id} is not offered"
    tab.template_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: count_line(tab).endswith("selected"), timeout=10000)


def count_line(tab) -> str:
    """The count under the query, without the warnings that may follow it."""
    return tab.count_label.text().split("\n")[0]


def finished(tab) -> bool:
    return tab.summary_box.isVisible() and tab.generate_button.isEnabled()


def many_meps(mini_ws, count: int) -> None:
    rows = ["id,category,honorific,given_name,family_name,gender,country,language,email"]
    rows += [f"mep-{i:03d},mep,Ms,Given{i},Family{i},f,DE,en,m{i}@example.org" for i in range(count)]
    mini_ws.write("recipients/people.csv", "\n".join(rows) + "\n")


def test_generate_the_example_then_rerun_finds_everything_up_to_date(make_window, example_ws, qtbot):
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    opened: list[QUrl] = []
    tab.open_url = lambda url: opened.append(url) or True
    choose_template(qtbot, tab, "mep-appeal-en")
    assert tab.count_label.text() == "13 recipients selected"
    # said before the letters are written, where the eye stops (amber, not the count's grey):
    # one of them left the office he is written to in
    warnings = tab.count_warnings.text().split("\n")
    assert [w[: w.index(")")] for w in warnings] == [
        "Warning: mep-103746 (Michal Šimečka, recipients/meps.csv:30"
    ]
    assert tab.count_warnings.isVisible() and "background" in tab.count_warnings.styleSheet()
    assert tab.paper_combo.currentText() == "A4"  # campaign.yaml's paper
    out = example_ws.resolve() / "out"
    assert Path(tab.out_edit.text()) == out

    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert tab.cancel_button.isEnabled() and not tab.generate_button.isEnabled()
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)

    assert tab.progress_bar.maximum() == 13 and tab.progress_bar.value() == 13
    assert tab.headline.text().startswith("Finished: 13 letters written.")
    assert tab.written_value.text() == "13 (26 files)"
    assert tab.skipped_value.text() == "0" and tab.failed_value.text() == "0"
    assert tab.time_value.text().endswith(" s")
    # the example's former MEP (in_office_until), as check warns: nothing failed
    (warning,) = tab.failures.toPlainText().splitlines()
    assert warning.startswith("Warning: mep-103746 (Michal Šimečka")
    assert len(list((out / "mep-appeal-en").glob("*.pdf"))) == 13
    assert len(list((out / "mep-appeal-en").glob("*.docx"))) == 13
    assert len(Manifest.load(out).entries) == 26

    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out))]

    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    assert tab.headline.text().startswith("All 13 letters already up to date")
    assert tab.written_value.text() == "0 (0 files)" and tab.skipped_value.text() == "13"


def test_the_warning_before_writing_goes_with_the_recipient_it_is_about(make_window, example_ws, qtbot):
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "mep-appeal-en")
    assert tab.count_warnings.isVisible()
    qtbot.keyClicks(tab.query_edit, "-id:mep-103746")  # the former MEP left out, as it advises
    qtbot.waitUntil(lambda: tab.count_label.text() == "12 recipients selected", timeout=10000)
    assert tab.count_warnings.isHidden()
    tab.query_edit.clear()
    qtbot.keyClicks(tab.query_edit, "colour:red")  # a mistake: said in red, no stale warning
    qtbot.waitUntil(lambda: "unknown field 'colour'" in tab.count_label.text(), timeout=10000)
    assert tab.count_warnings.isHidden()


def test_query_narrows_the_audience_and_formats_and_paper_are_honoured(make_window, mini_ws, qtbot):
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    assert tab.count_label.text() == "2 recipients selected"
    qtbot.keyClicks(tab.query_edit, "country:SK")
    qtbot.waitUntil(lambda: tab.count_label.text() == "1 recipient selected", timeout=5000)
    tab.docx_check.setChecked(False)
    tab.paper_combo.setCurrentText("Letter")
    tab.out_edit.setText("letters")  # relative: inside the campaign folder
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    out = mini_ws.root.resolve() / "letters"
    assert [p.name for p in (out / "appeal-en").iterdir()] == ["mep-1_Michal_Šimečka.pdf"]
    from pypdf import PdfReader

    width = float(PdfReader(out / "appeal-en" / "mep-1_Michal_Šimečka.pdf").pages[0].mediabox.width)
    assert round(width) == 612  # US Letter, not A4 (595)

    tab.pdf_check.setChecked(False)
    assert not tab.generate_button.isEnabled()  # no format ticked


def tab_on_two_workers(make_window, mini_ws, qtbot, meps: int):
    """The Batch tab set to write ``meps`` MEPs' letters on two worker processes."""
    many_meps(mini_ws, meps)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    tab.workers = 2
    choose_template(qtbot, tab, "appeal-en")
    return tab


def worker_processes() -> list:
    """The letter-writing worker processes this process started (psutil's)."""
    psutil = pytest.importorskip("psutil")
    return [p for p in psutil.Process().children() if "spawn_main" in " ".join(p.cmdline())]


def test_cancel_stops_after_letters_in_flight_and_a_rerun_finishes(make_window, mini_ws, qtbot):
    """(Cancelling run_batch's worker processes is tested in tests/core/campaign/test_batch.py:
    the tab only sets the event the run watches.)"""
    many_meps(mini_ws, 60)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    tab.workers = 1  # as `generate --workers 1`: letters rendered one at a time on the writer thread
    choose_template(qtbot, tab, "appeal-en")
    assert tab.count_label.text() == "60 recipients selected"
    out = mini_ws.root.resolve() / "out"

    at_cancel: list[str] = []

    def cancel_once_progress_starts(value: int) -> None:
        if value > 0 and not at_cancel:
            at_cancel.append(tab.progress_label.text())
            qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)

    tab.progress_bar.valueChanged.connect(cancel_once_progress_starts)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(at_cancel), timeout=60000)
    tab.progress_bar.valueChanged.disconnect(cancel_once_progress_starts)
    assert " of 60 letters" in at_cancel[0]
    # Either still finishing the letters in flight, or already done (a fast machine).
    assert "cancelling" in tab.progress_label.text().lower() or finished(tab)
    assert not tab.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)

    written = len(list((out / "appeal-en").glob("*.pdf")))
    assert tab.headline.text().startswith(f"Cancelled: {written} written; run again to finish the rest.")
    assert 0 < written < 60
    assert len(list((out / "appeal-en").glob("*.docx"))) == written
    assert not list(out.rglob("*.part"))
    assert len(Manifest.load(out).entries) == 2 * written

    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    assert tab.headline.text().startswith(f"Finished: {60 - written} letters written.")
    assert tab.skipped_value.text() == str(written)
    assert len(list((out / "appeal-en").glob("*.pdf"))) == 60
    assert len(Manifest.load(out).entries) == 120


def test_closing_the_window_during_a_batch_cancels_it_and_waits(make_window, mini_ws, qtbot):
    many_meps(mini_ws, 30)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    tab.workers = 1  # letters rendered one at a time on the writer thread
    choose_template(qtbot, tab, "appeal-en")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=30000)

    window.close()
    assert window.isVisible(), "the window waits for the letters in flight"
    assert "Closing" in tab.progress_label.text()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert window.tasks.idle()
    out = mini_ws.root.resolve() / "out"
    assert tab.headline.text().startswith("Cancelled:")
    assert len(list((out / "appeal-en").glob("*.pdf"))) < 30
    assert not list(out.rglob("*.part"))


def test_closing_the_window_during_a_batch_on_worker_processes_ends_them_and_keeps_the_letters(
    make_window, mini_ws, qtbot
):
    """The window closed while worker processes write the letters: they finish the letter
    in hand and end (none is left running), and every letter on disk is in the manifest."""
    psutil = pytest.importorskip("psutil")
    tab = tab_on_two_workers(make_window, mini_ws, qtbot, 200)
    window = tab.window()
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.progress_bar.value() > 0, timeout=60000)
    workers = worker_processes()
    assert len(workers) == 2

    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60000)
    assert tab.headline.text().startswith("Cancelled:")
    psutil.wait_procs(workers, timeout=10)
    assert not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in workers)
    out = mini_ws.root.resolve() / "out"
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")}
    assert 0 < len(on_disk) < 200
    assert on_disk <= {e.path for e in Manifest.load(out).entries.values()}
    assert not list(out.rglob("*.part"))


def test_a_query_matching_nobody_is_shown_under_the_field(make_window, example_ws, qtbot):
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "mep-appeal-en")
    # Enter counts at once (typing alone waits for a pause: test_typing_is_debounced_into_one_count)
    qtbot.keyClicks(tab.query_edit, "country:ZZ")
    qtbot.keyClick(tab.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No recipient matches" in tab.count_label.text(), timeout=5000)
    said = tab.count_label.text()
    assert said.startswith("No recipient matches this template's audience (category:mep -tag:former-member)")
    assert "narrowed by the query country:ZZ: correct the query" in said
    assert "--query" not in said and "campaign-app" not in said  # the window's words
    assert not tab.generate_button.isEnabled()

    tab.query_edit.clear()
    qtbot.keyClicks(tab.query_edit, "colour:red")
    qtbot.keyClick(tab.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "unknown field 'colour'" in tab.count_label.text(), timeout=5000)
    assert not tab.generate_button.isEnabled()

    tab.query_edit.clear()
    qtbot.keyClick(tab.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: count_line(tab) == "13 recipients selected", timeout=5000)
    assert tab.generate_button.isEnabled()


def test_typing_is_debounced_into_one_count(make_window, example_ws, qtbot, monkeypatch):
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "mep-appeal-en")
    counted: list[str] = []
    import campaign_app.gui.batch.form as module

    real = module.template_audience
    monkeypatch.setattr(module, "template_audience", lambda ws, tid, q: counted.append(q) or real(ws, tid, q))
    qtbot.keyClicks(tab.query_edit, "simecka")
    qtbot.waitUntil(lambda: count_line(tab) == "1 recipient selected", timeout=5000)
    assert counted == ["simecka"]  # one count for seven keystrokes


def test_a_letter_writing_process_killed_stops_the_batch_and_the_tab_says_so(make_window, mini_ws, qtbot):
    """The system kills one of the worker processes (out of memory): the tab says the batch
    stopped, why, and how many letters were written; running it again writes the others."""
    tab = tab_on_two_workers(make_window, mini_ws, qtbot, 60)
    out = mini_ws.root.resolve() / "out"
    killed: list[int] = []

    def kill_a_worker_once_letters_come(value: int) -> None:
        if value > 0 and not killed:
            workers = worker_processes()
            workers[0].kill()
            killed.append(workers[0].pid)

    tab.progress_bar.valueChanged.connect(kill_a_worker_once_letters_come)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    tab.progress_bar.valueChanged.disconnect(kill_a_worker_once_letters_come)
    assert killed

    written = len(Manifest.load(out).entries) // 2
    assert 0 < written < 60
    assert tab.headline.text().startswith(f"Stopped: {written} written; run again to finish the rest.")
    assert tab.failures.isVisible()
    assert "a process writing the letters stopped unexpectedly (out of memory?)" in tab.failures.toPlainText()
    assert not list(out.rglob("*.part"))

    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    assert tab.headline.text().startswith(f"Finished: {60 - written} letters written.")
    assert len(list((out / "appeal-en").glob("*.pdf"))) == 60


def test_a_template_mistake_stops_the_batch_with_the_message_in_the_tab(make_window, mini_ws, qtbot):
    mini_ws.write(
        "letter_templates/broken.md",
        """\
        ---
        id: broken
        title: Broken
        language: en
        audience: category:mep
        subject: Hello
        ---
        Dear {{ recipent.name }},
        """,
    )
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "broken")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert tab.headline.text() == "Nothing was generated."
    assert "broken.md:8" in tab.failures.toPlainText()
    assert "recipent" in tab.failures.toPlainText()
    assert not (mini_ws.root / "out" / "broken").exists()


def test_an_output_folder_that_cannot_be_made_is_a_message_in_the_tab(make_window, mini_ws, qtbot):
    """A file where the output folder should be: the tab says so and what to do (it was the
    crash dialog's "Something went wrong", for a choice the user can fix)."""
    blocker = mini_ws.root.resolve() / "letters"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    tab.out_edit.setText(str(blocker / "july"))
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert tab.headline.text() == "Nothing was generated."
    assert "letters: cannot create the folder letters/july/appeal-en" in tab.failures.toPlainText()
    assert "this file is in the way — move or rename it, or choose another output folder" in (
        tab.failures.toPlainText()
    )


def test_generate_from_the_keyboard(make_window, mini_ws, qtbot):
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    tab.query_edit.setFocus()
    qtbot.keyClick(tab.query_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert tab.headline.text().startswith("Finished: 2 letters written.")


def test_a_letter_that_fails_is_listed_with_its_message_and_the_others_are_written(
    make_window, mini_ws, qtbot
):
    mini_ws.write(
        "letter_templates/picky.md",
        """\
        ---
        id: picky
        title: Picky
        language: en
        audience: category:mep
        subject: Hello
        ---
        Dear colleague,{% if recipient.id == 'mep-2' %}{{ cite('no-such-source') }}{% endif %}
        """,
    )
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "picky")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert tab.headline.text().startswith("Finished: 1 letter written, 1 failed")
    assert tab.failed_value.text() == "1"
    assert tab.failures.isVisible()
    assert tab.failures.toPlainText().startswith("mep-2: ")
    assert "no-such-source" in tab.failures.toPlainText()
    assert len(list((mini_ws.root / "out" / "picky").glob("*.pdf"))) == 1


def test_templates_saved_elsewhere_and_another_campaign_are_picked_up(
    make_window, mini_ws, example_ws, qtbot
):
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-uk")
    mini_ws.write(
        "letter_templates/extra.md",
        "---\nid: extra\ntitle: Extra\nlanguage: en\naudience: category:mep\nsubject: Hi\n---\nHello.\n",
    )
    window.session.changed("templates")
    assert tab.template_combo.findData("extra") >= 0
    assert tab.template_id() == "appeal-uk"  # the choice survives a reload

    window.open_path(example_ws)
    assert tab.template_combo.findData("extra") == -1
    assert tab.template_combo.findData("mep-appeal-en") >= 0
    assert Path(tab.out_edit.text()) == example_ws.resolve() / "out"
    qtbot.waitUntil(lambda: count_line(tab).endswith("selected"), timeout=10000)


def test_a_follow_up_nobody_is_due_for_says_so_and_cannot_be_generated(make_window, example_ws, qtbot):
    """As check and generate: not an error (no red), and nothing to write."""
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    index = tab.template_combo.findData("mep-follow-up-en")
    assert index >= 0
    tab.template_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: "obody is due yet" in tab.count_label.text(), timeout=10000)
    text = tab.count_label.text()
    assert text.startswith("Nobody is due yet for template 'mep-follow-up-en'")
    assert "status:followup-due" in text and "nothing to write yet" in text
    assert tab.count_label.styleSheet() == ""  # said plainly, not as an error
    assert not tab.generate_button.isEnabled()

    # a follow-up narrowed to nobody at all is the same mistake as for any template
    qtbot.keyClicks(tab.query_edit, "country:ZZ")
    qtbot.waitUntil(lambda: "No recipient matches" in tab.count_label.text(), timeout=5000)
    assert tab.count_label.styleSheet() != "" and not tab.generate_button.isEnabled()
    assert not (example_ws / "out").exists()


def test_progress_ends_at_every_letter_and_the_windows_objects_are_not_collected_meanwhile(
    make_window, mini_ws, qtbot
):
    """The last progress report says every letter is done, and the summary counts them.
    While the letters are written, the objects the window had when Generate was pressed are
    out of the garbage collector's passes (a full collection mid-batch would freeze it)."""
    import gc

    many_meps(mini_ws, 30)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    tab.workers = 1
    choose_template(qtbot, tab, "appeal-en")
    tab.docx_check.setChecked(False)
    reports: list[tuple[int, int]] = []
    made_before = {"a window object made before Generate was pressed": []}
    collected: list[bool] = []  # is it still among the objects the collector walks?

    def seen(p) -> None:  # on the writer thread, as the report is sent
        reports.append((p.done, p.total))
        if not collected:
            collected.append(any(o is made_before for o in gc.get_objects()))

    assert any(o is made_before for o in gc.get_objects())
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    tab._run.progressed.connect(seen, Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)

    assert reports[-1] == (30, 30)
    assert tab.progress_bar.value() == 30 and tab.headline.text().startswith("Finished: 30 letters written.")
    assert collected == [False], "frozen while the letters are written"


def test_a_burst_of_progress_reaches_the_window_as_a_few_reports_and_the_last(example_ws, qtbot):
    """However often the core reports (a batch of letters already up to date runs through
    thousands a second), the window gets a report at most every 0.1 s, and always the last."""
    from campaign_app.core.campaign.generate import BatchProgress
    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.gui.batch.worker import BatchRequest, BatchRun

    run = BatchRun(Workspace(example_ws), BatchRequest("mep-appeal-en", "", ("pdf",), example_ws / "out"))
    got: list[BatchProgress] = []
    run.progressed.connect(got.append)
    for done in range(2001):
        run._progress(BatchProgress(done, 2000, 0, 0.0))
    assert 2 <= len(got) <= 5  # the first, maybe one more if the machine is slow, the last
    assert got[0].done == 0 and got[-1].done == 2000


def test_progress_reports_repaint_the_progress_line_not_the_whole_window(make_window, mini_ws, qtbot):
    """Each report changes the progress line's text; the window's page is not repainted for it
    (it was, whole, at every report: a stutter of the window on a busy machine)."""
    from PySide6.QtCore import QEvent, QObject

    many_meps(mini_ws, 40)
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    tab.workers = 1
    choose_template(qtbot, tab, "appeal-en")
    texts: list[str] = []
    page_repaints: list[int] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:
            running = tab.progress_bar.value() > 0 and not tab.summary_box.isVisible()
            if (
                running
                and event.type() == QEvent.Type.Paint
                and event.rect().height() > tab.progress_box.height()
            ):
                page_repaints.append(event.rect().height())
            return False

    watch = PaintWatch()
    window.tabs.installEventFilter(watch)
    tab.progress_bar.valueChanged.connect(lambda _v: texts.append(tab.progress_label.text()))
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    window.tabs.removeEventFilter(watch)

    assert len([t for t in texts if " of 40 letters" in t]) >= 2, texts
    assert page_repaints == []
    label = tab.progress_label  # still shown whole, beside Cancel
    assert label.isVisible() and label.text() == "Done: 40 of 40 letters"
    assert label.width() >= label.sizeHint().width()
    assert (
        label.mapTo(tab, label.rect().topRight()).x()
        < tab.cancel_button.mapTo(tab, tab.cancel_button.rect().topLeft()).x()
    )


def test_a_batch_writes_the_files_as_they_are_now_not_as_the_window_first_read_them(
    make_window, mini_ws, qtbot
):
    """A recipient added and a template changed in another program while the window was
    open: the batch wrote 13 letters from the old data where the command line wrote 14."""
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    assert tab.count_label.text() == "2 recipients selected"
    with (mini_ws.root / "recipients" / "people.csv").open("a", encoding="utf-8") as fh:
        fh.write("mep-9,mep,Ms,Anna,Nowak,f,Member,European Parliament,PL,en,anna.nowak@example.org,\n")
    template = mini_ws.root / "letter_templates" / "appeal-en.md"
    template.write_text(
        template.read_text(encoding="utf-8") + "\nWritten in another editor.\n", encoding="utf-8"
    )
    tab.docx_check.setChecked(False)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    from pypdf import PdfReader

    letters = sorted((mini_ws.root.resolve() / "out" / "appeal-en").glob("*.pdf"))
    assert [p.name for p in letters if p.name.startswith("mep-9_")] == ["mep-9_Anna_Nowak.pdf"]
    for pdf in letters:
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Written in another editor." in " ".join(text.split())
    qtbot.waitUntil(lambda: tab.count_label.text() == "3 recipients selected", timeout=10000)


def test_generating_with_unsaved_edits_elsewhere_asks_first(make_window, mini_ws, qtbot, monkeypatch):
    """A line added in Compose and not saved was in the preview and in no letter of the
    batch, and nothing said so."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    monkeypatch.setattr(window.pages["compose"], "has_unsaved_changes", lambda: True, raising=False)
    window.select_tab("batch")
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    assert asked and "Compose" in asked[0] and "written from the saved files" in asked[0]
    assert not (mini_ws.root / "out").exists(), "nothing written after Cancel"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert list((mini_ws.root / "out" / "appeal-en").glob("*.pdf"))


def test_letters_to_someone_who_has_left_office_are_written_with_checks_warning(make_window, mini_ws, qtbot):
    path = mini_ws.root / "recipients" / "people.csv"
    lines = path.read_text().splitlines()
    lines[0] += ",in_office_until"
    lines[1:] = [line + (",2020-01-31" if n == 0 else ",") for n, line in enumerate(lines[1:])]
    path.write_text("\n".join(lines) + "\n")
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert tab.headline.text().startswith("Finished: 2 letters written.")
    assert tab.failures.isVisible()
    (line,) = tab.failures.toPlainText().splitlines()
    assert line.startswith("Warning: mep-1 (Michal Šimečka") and "only until 2020-01-31" in line


def test_after_a_batch_the_window_still_fits_a_small_screen(make_window, mini_ws, qtbot):
    """With its progress and summary shown, the Batch tab made the window at least 689 pixels
    high: on a 1024×640 screen its buttons and status bar were below the edge."""
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=30000)
    assert window.minimumSizeHint().height() <= 600


def test_the_letter_to_a_recipients_former_name_is_removed_and_the_tab_says_so(make_window, mini_ws, qtbot):
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)
    folder = Path(tab.out_edit.text()) / "appeal-en"
    assert (folder / "mep-1_Michal_Šimečka.pdf").is_file()
    people = mini_ws.root / "recipients" / "people.csv"  # a new member in the seat, as a user edits
    people.write_text(
        people.read_text(encoding="utf-8").replace("Mr,Michal,Šimečka,m", "Ms,Ivana,Horváthová,f"),
        encoding="utf-8",
    )

    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finished(tab), timeout=60000)

    assert tab.headline.text().startswith("Finished: 1 letter written.")
    assert not (folder / "mep-1_Michal_Šimečka.pdf").exists()
    assert (folder / "mep-1_Ivana_Horváthová.pdf").is_file()
    assert tab.failures.isVisible()
    assert (
        "Removed appeal-en/mep-1_Michal_Šimečka.pdf, the earlier letter to a recipient whose name has changed."
        in tab.failures.toPlainText()
    )


def test_a_recipient_whose_name_is_a_formula_is_warned_about_before_writing(make_window, mini_ws, qtbot):
    """Every letter to them would begin 'Dear =HYPERLINK(…)': said before Generate, as check says it."""
    people = mini_ws.root / "recipients" / "people.csv"
    people.write_text(
        people.read_text(encoding="utf-8").replace("mep-2,mep,Ms,Rasa,", "mep-2,mep,Ms,=1+1,", 1),
        encoding="utf-8",
    )
    window = make_window(mini_ws.root, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "appeal-en")
    qtbot.waitUntil(lambda: tab.count_warnings.isVisible(), timeout=10000)
    (warning,) = tab.count_warnings.text().split("\n")
    assert (
        warning.startswith("Warning: ")
        and "mep-2: given_name '=1+1' is a formula a spreadsheet would run" in warning
    )


def test_the_warning_box_is_as_tall_as_its_text_at_any_width(make_window, example_ws, qtbot):
    """QFormLayout kept the height the text took at the box's first width: a blank line or two
    above and below it in a wide window, the text cut short in a narrow one."""
    window = make_window(example_ws, tab="batch")
    tab = window.pages["batch"]
    choose_template(qtbot, tab, "mep-appeal-en")
    box = tab.count_warnings
    assert box.isVisible()
    for width in (1400, 1100, 900):
        window.resize(width, 800)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=5000)
        qtbot.wait(50)
        assert box.height() == box.heightForWidth(box.width()), (width, box.width())
    assert box.height() > tab.count_label.height() * 3  # narrow: the text on more lines, all shown
