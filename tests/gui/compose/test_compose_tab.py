"""The Compose tab: template list, editor, live preview, errors at their line, save, export."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QFontInfo, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.filenames import letter_path
from campaign_app.core.directory.query import parse_query
from campaign_app.gui.compose import exporting, letters, rendering
from campaign_app.gui.compose import preview as preview_module
from campaign_app.gui.compose.highlighter import TemplateHighlighter
from campaign_app.gui.compose.template_list import SUBTITLE_ROLE
from campaign_app.gui.style import EDITOR_LIGHT

SIMECKA = "mep-103746"

# Typing in the recipient box opens its completion popup; the offscreen platform used in
# tests says it cannot raise it or let it grab the keyboard (harmless, and not said on a
# real display).
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard", extend=True
)


TYPING_PAUSE_MS = rendering.DEBOUNCE_MS


@pytest.fixture(autouse=True)
def render_without_a_pause(monkeypatch):
    """The preview waits for a pause in typing before it renders; only the test about that
    pause waits for it (``typing_pause``), the others render as soon as the keys are in."""
    monkeypatch.setattr(rendering, "DEBOUNCE_MS", 0)


@pytest.fixture
def typing_pause(monkeypatch):
    monkeypatch.setattr(rendering, "DEBOUNCE_MS", TYPING_PAUSE_MS)


def open_compose(make_window, workspace):
    window = make_window(workspace, tab="compose")
    # Tests end with edits unsaved; closing the window must not wait for an answer.
    window.confirm_discard = lambda: True
    return window, window.pages["compose"]


def click_template(qtbot, tab, template_id: str) -> None:
    model, view = tab.template_model, tab.template_view
    qtbot.waitUntil(lambda: any(f.template and f.template.id == template_id for f in model.files))
    row = next(i for i, f in enumerate(model.files) if f.template and f.template.id == template_id)
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.file_label.full_text() == model.files[row].path.name)


def pick_recipient(qtbot, tab, search: str) -> None:
    """Type into the recipient box and press Return, as a user would."""
    line = tab.picker.lineEdit()
    qtbot.waitUntil(lambda: len(tab.picker.ids()) > 0)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, search)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def preview_text(tab) -> str:
    return tab.preview.toPlainText()


def wait_preview(qtbot, tab, *parts: str, timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: all(p in preview_text(tab) for p in parts), timeout=timeout)


def ready_on_simecka(qtbot, make_window, workspace):
    window, tab = open_compose(make_window, workspace)
    click_template(qtbot, tab, "mep-appeal-en")
    pick_recipient(qtbot, tab, "simecka")
    assert tab.picker.current_id() == SIMECKA
    wait_preview(qtbot, tab, "Dear Mr Šimečka,", "Zhanara Akhmetova")
    return window, tab


def select_text(tab, text: str, length: int | None = None) -> QTextCursor:
    """Select ``text`` (or its first ``length`` characters) in the editor."""
    found = tab.editor.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(tab.editor.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionStart() + (length or len(text)), QTextCursor.MoveMode.KeepAnchor)
    tab.editor.setTextCursor(cursor)
    return cursor


def line_of(tab, text: str) -> int:
    found = tab.editor.document().find(text)
    assert not found.isNull(), text
    return found.blockNumber() + 1


# ---- the list, the editor, the preview ----------------------------------------------------


def test_the_preview_shows_the_letter_for_the_chosen_recipient(qtbot, make_window, example_ws):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    text = preview_text(tab)
    assert "Mr Michal Šimečka\nMember of the European Parliament" in text
    assert "Urgent: prevent the extradition of Zhanara Akhmetova" in text
    assert tab.preview.font().family() or True
    assert "PT Serif" in tab.preview.document().defaultFont().family()
    # the face really is PT Serif's (registered when the preview asks for it), not a stand-in
    assert QFontInfo(tab.preview.document().defaultFont()).family() == "PT Serif"
    # the editor holds the whole file: front matter and body
    assert tab.editor.toPlainText() == (example_ws / "letter_templates" / "mep-appeal-en.md").read_text(
        encoding="utf-8"
    )
    # footnotes are a numbered list with the source links
    assert 'href="https://' in tab.preview.html and 'id="fn-1"' in tab.preview.html


def test_the_template_list_shows_id_title_and_language(qtbot, make_window, example_ws):
    _window, tab = open_compose(make_window, example_ws)
    model = tab.template_model
    qtbot.waitUntil(lambda: model.rowCount() >= 1)
    rows = {
        model.data(model.index(r, 1)): (model.data(model.index(r, 0)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    }
    assert rows["mep-appeal-en"] == ("Appeal to a Member of the European Parliament", "en")
    assert len(rows) == len(list((example_ws / "letter_templates").glob("*.md")))


def test_the_recipients_offered_are_the_templates_audience_and_follow_the_editor(
    qtbot, make_window, example_ws
):
    _window, tab = open_compose(make_window, example_ws)
    click_template(qtbot, tab, "mep-appeal-en")
    ws = Workspace(example_ws)
    expected = [r.id for r in parse_query("category:mep -tag:former-member").filter(ws.directory)]
    qtbot.waitUntil(lambda: tab.picker.ids() == expected)
    assert f"{len(expected)} of {len(ws.directory)}" in tab.audience_label.text()

    # edit the audience in the front matter: the picker follows the text, unsaved
    select_text(tab, "category:mep -tag:former-member")
    qtbot.keyClicks(tab.editor, "category:un_special_procedure")
    special = [r.id for r in parse_query("category:un_special_procedure").filter(ws.directory)]
    assert special and set(special) != set(expected)
    qtbot.waitUntil(lambda: tab.picker.ids() == special)

    # an audience that matches nobody falls back to everybody, and says so
    select_text(tab, "category:un_special_procedure")
    qtbot.keyClicks(tab.editor, "country:ZZ")
    qtbot.waitUntil(lambda: len(tab.picker.ids()) == len(ws.directory))
    assert "No recipient matches" in tab.audience_label.text()


def test_a_recipient_added_on_another_tab_can_be_chosen_at_once(qtbot, make_window, example_ws):
    window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    before = tab.picker.ids()
    csv = example_ws / "recipients" / "meps.csv"
    header = csv.read_text(encoding="utf-8").splitlines()[0].split(",")
    row = {
        "id": "mep-new",
        "category": "mep",
        "honorific": "Ms",
        "given_name": "Ilona",
        "family_name": "Nová",
    }
    with csv.open("a", encoding="utf-8") as fh:
        fh.write(",".join(row.get(h, "") for h in header) + "\n")
    window.session.changed("directory")
    qtbot.waitUntil(lambda: "mep-new" in tab.picker.ids())
    assert len(tab.picker.ids()) == len(before) + 1  # still the audience, not everybody
    assert tab.picker.current_id() == SIMECKA  # the choice is kept
    pick_recipient(qtbot, tab, "ilona nova")
    wait_preview(qtbot, tab, "Dear Ms Nová,")


def test_typing_updates_the_preview_after_a_pause_and_renders_off_the_ui_thread(
    qtbot, make_window, example_ws, monkeypatch, typing_pause
):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    real = letters.render_preview
    calls: list[tuple[str, bool]] = []
    started, release = threading.Event(), threading.Event()

    def slow_render(request):
        calls.append((request.text, threading.current_thread() is threading.main_thread()))
        started.set()
        release.wait(10)  # a render still running while the user types on must not stall typing
        return real(request)

    monkeypatch.setattr(letters, "render_preview", slow_render)
    shown: list[str] = []
    show = tab.preview.show_letter
    monkeypatch.setattr(tab.preview, "show_letter", lambda html: (shown.append(html), show(html)))

    select_text(tab, "grateful to hear", len("grateful"))
    qtbot.keyClicks(tab.editor, "thankful")
    assert calls == []  # nothing rendered while typing: the timer waits for a pause
    qtbot.waitUntil(started.is_set, timeout=5000)

    # type on while that render runs: every keystroke is handled at once
    select_text(tab, "thankful to hear", len("thankful"))
    began = time.monotonic()
    qtbot.keyClicks(tab.editor, "glad")
    assert time.monotonic() - began < 0.4
    assert "glad to hear" in tab.editor.toPlainText()
    assert not release.is_set() and len(calls) == 1  # typed while the first render was still running
    qtbot.waitUntil(lambda: tab._render_again)  # after the pause, a newer render is asked for
    release.set()

    wait_preview(qtbot, tab, "We would be glad to hear")
    qtbot.waitUntil(tab.tasks.idle)
    assert calls and all(not on_main for _text, on_main in calls)
    assert len(calls) == 2  # one per pause, not one per keystroke
    # the first, overtaken render never reached the preview
    assert shown and all("glad to hear" in html for html in shown)


def test_a_template_mistake_is_shown_with_the_cli_text_and_its_line_is_marked(
    qtbot, make_window, example_ws, monkeypatch, capsys
):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    line = line_of(tab, "We therefore ask you:")
    cursor = tab.editor.textCursor()
    cursor.setPosition(tab.editor.document().findBlockByNumber(line - 1).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " {{ recipent.name }}")

    expected = f"letter_templates/mep-appeal-en.md:{line}: unknown name: 'recipent' is undefined"
    qtbot.waitUntil(lambda: expected in tab.error_bar.text())
    assert tab.error_bar.isVisible()
    assert tab.editor.error_lines == [line]
    marked = [s for s in tab.editor.extraSelections() if s.cursor.blockNumber() == line - 1]
    assert any(s.format.background().color() == QColor(EDITOR_LIGHT.error_bg) for s in marked)
    # the last good letter stays, with a note that it is not the current text
    assert "Dear Mr Šimečka," in preview_text(tab)
    assert tab.preview_note.isVisible()

    # the same words as the command line prints for this template and recipient
    (example_ws / "letter_templates" / "mep-appeal-en.md").write_text(
        tab.editor.toPlainText(), encoding="utf-8"
    )
    from campaign_app.cli.main import main
    from campaign_app.core.common import errors

    monkeypatch.setattr(errors, "_display_root", errors._display_root)  # the CLI sets it: undo after
    monkeypatch.chdir(example_ws)
    capsys.readouterr()
    assert main(["generate", "--template", "mep-appeal-en", "--query", "simecka"]) == 1
    cli_line = next(x for x in capsys.readouterr().err.splitlines() if x.startswith("error: "))
    assert cli_line == f"error: {tab.error_bar.text()}"

    # clicking the message puts the cursor on that line
    tab.editor.go_to_line(1)
    qtbot.mouseClick(tab.error_bar.message, Qt.MouseButton.LeftButton)
    assert tab.editor.current_line() == line

    # fixing it clears the bar and the mark
    tab.editor.document().undo()
    qtbot.waitUntil(lambda: not tab.error_bar.isVisible())
    assert tab.editor.error_lines == []
    assert not tab.preview_note.isVisible()


def test_a_template_that_runs_too_long_stops_at_the_time_limit_in_the_preview_thread(
    qtbot, make_window, example_ws, monkeypatch
):
    from campaign_app.core.common import limits

    monkeypatch.setattr(limits, "LETTER_SECONDS", 0.5)
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    line = line_of(tab, "We therefore ask you:")
    cursor = tab.editor.textCursor()
    cursor.setPosition(tab.editor.document().findBlockByNumber(line - 1).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    slow = "{% for i in range(10000) %}{% set x = ('x' * 900000).upper() %}{% endfor %}"
    tab.editor.insertPlainText(slow)  # ten seconds and more of work without the limit

    expected = (
        f"letter_templates/mep-appeal-en.md:{line}: template limit: writing one letter takes longer "
        "than 0.5 seconds"
    )
    qtbot.waitUntil(lambda: expected in tab.error_bar.text(), timeout=5000)
    assert tab.editor.error_lines == [line]


def test_a_misspelt_tag_is_named_with_the_tag_meant_at_its_line(qtbot, make_window, example_ws):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    line = line_of(tab, "We therefore ask you:")
    cursor = tab.editor.textCursor()
    cursor.setPosition(tab.editor.document().findBlockByNumber(line - 1).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    tab.editor.setTextCursor(cursor)
    qtbot.keyClicks(tab.editor, " {% if recipient.gender == 'f' %}Madam{% esle %}Sir{% endif %}")
    expected = (
        f"letter_templates/mep-appeal-en.md:{line}: template syntax error: unknown tag {{% esle %}} "
        "— did you mean {% else %}?"
    )
    qtbot.waitUntil(lambda: tab.error_bar.text() == expected)
    assert tab.editor.error_lines == [line]
    assert "Dear Mr Šimečka," in preview_text(tab) and tab.preview_note.isVisible()


def test_an_unknown_source_in_cite_is_marked_on_its_line(qtbot, make_window, example_ws):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    select_text(tab, "cite('odf-brief-2020')")
    qtbot.keyClicks(tab.editor, "cite('no-such-source')")
    line = line_of(tab, "no-such-source")
    qtbot.waitUntil(lambda: f"mep-appeal-en.md:{line}: cite('no-such-source')" in tab.error_bar.text())
    assert tab.editor.error_lines == [line]


def test_a_broken_template_is_listed_with_its_error_beside_the_others(qtbot, make_window, example_ws):
    broken = example_ws / "letter_templates" / "zz-broken.md"
    broken.write_text("---\nid: zz-broken\ntitle: Broken\n---\nHello {{ recipient.name\n", encoding="utf-8")
    _window, tab = open_compose(make_window, example_ws)
    model = tab.template_model
    qtbot.waitUntil(lambda: model.rowCount() == len(list(broken.parent.glob("*.md"))))
    ids = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert "mep-appeal-en" in ids
    row = next(r for r in range(model.rowCount()) if model.files[r].path == broken)
    assert model.data(model.index(row, 0)) == "zz-broken.md"
    assert "front matter lacks language, audience, subject" in model.data(model.index(row, 0), SUBTITLE_ROLE)

    rect = tab.template_view.visualRect(model.index(row, 0))
    qtbot.mouseClick(tab.template_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: "letter_templates/zz-broken.md:1: front matter lacks" in tab.error_bar.text())
    assert tab.editor.toPlainText().startswith("---\nid: zz-broken")
    assert tab.editor.error_lines == [1]
    assert not tab.editor.isReadOnly()  # open to be fixed


# ---- save and export ----------------------------------------------------------------------


def test_save_writes_the_file_and_tells_the_other_tabs(qtbot, make_window, example_ws):
    window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    path = example_ws / "letter_templates" / "mep-appeal-en.md"
    assert not tab.unsaved_label.isVisible()
    select_text(tab, "Appeal to a Member of the European Parliament")
    qtbot.keyClicks(tab.editor, "Appeal to an MEP")
    assert tab.unsaved_label.isVisible()
    assert model_title(tab, "mep-appeal-en").startswith("● ")
    assert window.unsaved_tabs() == ["Compose"]

    tab.editor.setFocus()
    with qtbot.waitSignal(window.session.partChanged, timeout=5000) as changed:
        qtbot.keyClick(tab.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == ["templates"]
    assert "title: Appeal to an MEP\n" in path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == tab.editor.toPlainText()
    assert not list(path.parent.glob(".*.part"))
    qtbot.waitUntil(lambda: model_title(tab, "mep-appeal-en") == "Appeal to an MEP")
    assert not tab.unsaved_label.isVisible()
    assert window.unsaved_tabs() == []
    assert window.session.workspace.template("mep-appeal-en").title == "Appeal to an MEP"


def model_title(tab, template_id: str) -> str:
    model = tab.template_model
    row = next(r for r, f in enumerate(model.files) if f.template and f.template.id == template_id)
    return model.data(model.index(row, 0))


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_export_writes_the_letter_off_the_ui_thread_and_opens_it(
    qtbot, make_window, example_ws, tmp_path, monkeypatch, fmt
):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    target = tmp_path / "exported" / f"letter.{fmt}"
    target.parent.mkdir()
    asked: list[Path] = []
    opened: list[Path] = []
    monkeypatch.setattr(exporting, "ask_export_target", lambda _parent, s: asked.append(s) or target)
    monkeypatch.setattr(exporting, "open_in_viewer", opened.append)

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [target], timeout=20000)

    expected_name = letter_path(example_ws / "out", "mep-appeal-en", SIMECKA, "Michal Šimečka", "pdf").name
    # no out/ yet: suggested in the campaign folder, with the template in the name
    assert asked[0] == example_ws / f"mep-appeal-en_{expected_name}"
    assert target.is_file()
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(target).pages)
    else:
        from docx import Document

        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Dear Mr Šimečka," in text
    assert "Zhanara Akhmetova" in text
    assert "Exported to" in tab.status_label.text()


def test_export_cancelled_in_the_dialog_writes_nothing(qtbot, make_window, example_ws, monkeypatch):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    opened: list[Path] = []
    monkeypatch.setattr(exporting, "ask_export_target", lambda _parent, _s: None)
    monkeypatch.setattr(exporting, "open_in_viewer", opened.append)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert tab.tasks.idle() and opened == []
    assert not (example_ws / "out").exists()


# ---- the pieces -----------------------------------------------------------------------------


def test_only_web_and_mail_links_in_the_preview_open_outside(qtbot, monkeypatch):
    from campaign_app.gui.compose.preview import LetterPreview

    opened: list[str] = []
    monkeypatch.setattr(preview_module, "open_external", lambda url: opened.append(url.toString()))
    preview = LetterPreview()
    qtbot.addWidget(preview)
    for url in ("https://example.org/a", "mailto:a@b.org", "file:///etc/passwd", "javascript:alert(1)"):
        preview.anchorClicked.emit(QUrl(url))
    assert opened == ["https://example.org/a", "mailto:a@b.org"]


SAMPLE = """\
---
id: t
subject: "About {{ case.person.name }}"
---
# Heading
Plain **bold** and *italic* with a [link](https://e.org).

- item {{ recipient.name }}
{% for d in case.demands %}
{# a comment
   over two lines #} after
"""


def _format_at(doc: QTextDocument, line: int, text: str):
    block = doc.findBlockByNumber(line - 1)
    column = block.text().index(text)
    ranges = block.layout().formats()
    for r in ranges:
        if r.start <= column < r.start + r.length:
            return QTextCharFormat(r.format)
    return None


def test_the_highlighter_tells_front_matter_markdown_and_jinja_apart(qapp):
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))  # as in the editor
    highlighter = TemplateHighlighter(doc, EDITOR_LIGHT)
    doc.setPlainText(SAMPLE)
    assert highlighter.document() is doc

    def colour(line, text):
        fmt = _format_at(doc, line, text)
        return fmt.foreground().color().name() if fmt else None

    assert colour(2, "id") == EDITOR_LIGHT.key
    assert colour(3, "About") == EDITOR_LIGHT.string
    assert colour(3, "case.person") == EDITOR_LIGHT.expression  # Jinja inside the YAML value
    assert colour(5, "Heading") == EDITOR_LIGHT.heading
    assert _format_at(doc, 6, "bold").fontWeight() > 500
    assert _format_at(doc, 6, "italic").fontItalic()
    assert _format_at(doc, 6, "Plain") is None
    assert _format_at(doc, 6, "link").fontUnderline()
    assert colour(8, "-") == EDITOR_LIGHT.marker
    assert colour(8, "recipient.name") == EDITOR_LIGHT.expression
    assert colour(9, "for") == EDITOR_LIGHT.keyword
    assert colour(9, "case.demands") == EDITOR_LIGHT.statement
    assert _format_at(doc, 10, "a comment").fontItalic()
    assert _format_at(doc, 11, "over two lines").fontItalic()  # still inside {# … #}
    assert _format_at(doc, 11, "after") is None
    # "---" only delimits front matter at the top, not in the body
    doc.setPlainText("Body first\n---\nid: not a key\n")
    assert _format_at(doc, 3, "id") is None


def test_the_error_bar_button_is_reachable_by_keyboard(qtbot, make_window, example_ws):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    select_text(tab, "case.demands")
    qtbot.keyClicks(tab.editor, "case.demandz")
    line = line_of(tab, "case.demandz")
    qtbot.waitUntil(lambda: tab.error_bar.line == line)
    assert tab.error_bar.go_button.text() == f"&Go to line {line}"
    tab.editor.go_to_line(1)
    qtbot.mouseClick(tab.error_bar.go_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert tab.editor.current_line() == line


def test_a_follow_up_offers_exactly_those_generate_would_write_to(qtbot, make_window, example_ws):
    from log_helpers import history

    from campaign_app.core.campaign.generate import select_recipients

    ws = Workspace(example_ws)
    meps = [r.id for r in ws.directory if r.category == "mep" and "former-member" not in r.tags]
    due = meps[3]
    history(example_ws, due, "mep-appeal-en", ("drafted", 16), ("sent", 15), case=ws.case.id)
    history(example_ws, meps[0], "mep-appeal-en", ("drafted", 3), ("sent", 2), case=ws.case.id)
    assert [r.id for r in select_recipients(ws, "mep-follow-up-en", None)] == [due]

    _window, tab = open_compose(make_window, example_ws)
    click_template(qtbot, tab, "mep-follow-up-en")
    qtbot.waitUntil(lambda: tab.picker.ids() == [due], timeout=10000)
    assert f"1 of {len(ws.directory)} recipients match" in tab.audience_label.text()


def test_a_follow_up_nobody_is_due_for_previews_whom_it_will_go_to(qtbot, make_window, example_ws):
    ws = Workspace(example_ws)
    meps = [r.id for r in ws.directory if r.category == "mep" and "former-member" not in r.tags]
    _window, tab = open_compose(make_window, example_ws)
    click_template(qtbot, tab, "mep-follow-up-en")
    # (the template shown before, the further-information letter, has nobody due either)
    qtbot.waitUntil(
        lambda: (
            "Nobody is due yet" in tab.audience_label.text()
            and "status:followup-due" in tab.audience_label.text()
        ),
        timeout=10000,
    )
    assert tab.picker.ids() == meps  # not the whole directory


def test_a_character_no_letter_font_has_is_an_error_at_its_line(qtbot, make_window, example_ws):
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    select_text(tab, "We therefore ask you:", length=2)
    tab.editor.insertPlainText("Wᚠ")  # U+16A0: neither PT Serif nor Noto Serif has it (pasted)
    line = line_of(tab, "Wᚠ therefore ask you:")
    expected = f"letter_templates/mep-appeal-en.md:{line}: letter to recipient '{SIMECKA}'"
    qtbot.waitUntil(lambda: expected in tab.error_bar.text(), timeout=5000)
    assert "'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F)" in tab.error_bar.text()
    assert tab.editor.error_lines == [line]


def test_a_long_template_file_name_is_elided_visibly_not_cut(qtbot):
    """ "un-special-rapporteu" read like a whole name: the label now shows where it is cut."""
    from campaign_app.gui.compose.widgets import ElidedLabel

    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText("un-special-rapporteur-urgent-en.md")
    label.resize(80, 20)
    label.show()
    assert "…" in label.text() and label.full_text() == "un-special-rapporteur-urgent-en.md"
    assert label.toolTip() == "un-special-rapporteur-urgent-en.md"
    label.resize(600, 20)
    assert label.text() == "un-special-rapporteur-urgent-en.md"


def test_a_broken_audience_is_a_mistake_at_its_line(qtbot, make_window, example_ws):
    """ "audience: (category:mep" left the error bar empty: a grey note said the audience
    was not valid, the picker offered everyone, and it saved without a word. It is shown
    and marked as the command line says it."""
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    select_text(tab, "audience: category:mep")
    qtbot.keyClicks(tab.editor, "audience: (category:mep")
    line = line_of(tab, "audience: (category:mep")
    expected = "missing ')' to close the '(' at column 11"
    qtbot.waitUntil(lambda: expected in tab.error_bar.text(), timeout=10000)
    assert f"letter_templates/mep-appeal-en.md:{line}:" in tab.error_bar.text()
    assert tab.editor.error_lines == [line]


def test_saving_over_a_change_made_elsewhere_asks_first(qtbot, make_window, example_ws):
    """A colleague's paragraph, added to the file while the template was open here, was
    overwritten without a word by the next save."""
    _window, tab = ready_on_simecka(qtbot, make_window, example_ws)
    path = example_ws / "letter_templates" / "mep-appeal-en.md"
    select_text(tab, "Appeal to a Member of the European Parliament")
    qtbot.keyClicks(tab.editor, "Appeal to an MEP")
    path.write_text(path.read_text(encoding="utf-8") + "\nA colleague's paragraph.\n", encoding="utf-8")

    tab.save()
    qtbot.waitUntil(lambda: tab.status_label.text().startswith("Not saved"), timeout=5000)
    assert "changed by another program since it was opened" in tab.status_label.text()
    assert "A colleague's paragraph." in path.read_text(encoding="utf-8")
    assert "Appeal to an MEP" not in path.read_text(encoding="utf-8")
    assert tab.unsaved_label.isVisible()

    tab.save()  # told, and saved again: the user's version wins
    qtbot.waitUntil(lambda: tab.status_label.text().startswith("Saved"), timeout=5000)
    assert "title: Appeal to an MEP\n" in path.read_text(encoding="utf-8")
