"""The window's catalogues: every visible string is translatable, and translated.

Three checks a developer meets when adding a label: the literal must go through ``tr()`` or
``QCoreApplication.translate()`` (an AST walk over campaign_app/gui); the Ukrainian and
Russian catalogues must hold a finished translation for every message, with every plural
form and the same ``{placeholders}``; and the catalogues must be current with the sources
(pyside6-lupdate, run on a copy, finds nothing new and nothing gone). The fix for the last
two is ``packaging/update-translations.sh``, then translating what it marks unfinished.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "campaign_app" / "gui"
CATALOGUES = GUI / "translations"
TRANSLATED = ("uk", "ru")
PLACEHOLDER = re.compile(r"\{\w*\}")
WORD = re.compile(r"[A-Za-z]{2,}")
# Literals a window may show untranslated: an address, a host, the product's name.
AS_IS = re.compile(
    r"^(?:https?://\S*|\S+@\S+\.\w+|smtp\.example\.org|campaign_app|[\w.-]+\.(?:pdf|md|yaml))$"
)

# Calls whose argument(s) at these positions a user reads.
SHOWN_ARGS = {
    "setText": (0,),
    "setToolTip": (0,),
    "setPlaceholderText": (0,),
    "setWindowTitle": (0,),
    "setTitle": (0,),
    "setStatusTip": (0,),
    "setAccessibleName": (0,),
    "setLabelText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "showMessage": (0,),
    "show_banner": (0,),
    "show_message": (0,),
    "show_note": (0,),
    "addRow": (0,),
    "addMenu": (0,),
    "addItem": (0,),
    "addButton": (0,),
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QProgressDialog": (0, 1),
    "_row": (1,),
    "_line_edit": (0,),
    "_heading": (0,),
    "_buddy": (0,),
    "_action": (0,),
    "addTab": (1,),
    "setTabText": (1,),
    "QMessageBox": (1, 2),
    "warning": (1, 2),
    "information": (1, 2),
    "question": (1, 2),
    "critical": (1, 2),
    "about": (1, 2),
    "getText": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getExistingDirectory": (1,),
}


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def unwrapped_literals(source: str, filename: str) -> list[str]:
    """``file:line: text`` for each literal a user reads that is not given to tr()/translate()."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node) not in SHOWN_ARGS:
            continue
        for position in SHOWN_ARGS[_name(node)]:
            if position >= len(node.args):
                continue
            arg = node.args[position]
            parts = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
            for part in parts:
                if isinstance(part, ast.JoinedStr):  # its own words, not the values put in
                    text = "".join(v.value for v in part.values if isinstance(v, ast.Constant))
                elif isinstance(part, ast.Constant) and isinstance(part.value, str):
                    text = part.value
                else:
                    continue  # a call (tr, translate, format…) or a name: not a bare literal
                words = re.sub(r"<[^>]+>|campaign_app", " ", text)  # markup and the product's name
                if WORD.search(words) and not AS_IS.match(text.strip()):
                    found.append(f"{filename}:{part.lineno}: {text[:70]!r}")
    return found


def test_every_literal_the_window_shows_goes_through_tr():
    found = [
        problem
        for path in sorted(GUI.rglob("*.py"))
        for problem in unwrapped_literals(path.read_text(encoding="utf-8"), str(path.relative_to(GUI)))
    ]
    assert found == [], "\n".join(found)


def test_the_literal_check_catches_a_bare_string_and_an_f_string():
    source = (
        "class T:\n"
        "    def build(self, n):\n"
        "        QLabel('Save the case')\n"
        "        self.button.setToolTip(f'{n} letters')\n"
        "        self.box.setText(self.tr('Wrapped'))\n"
        "        QMessageBox.warning(self, 'Cannot open', text)\n"
        "        self.link.setText('https://example.org')\n"
    )
    assert unwrapped_literals(source, "t.py") == [
        "t.py:3: 'Save the case'",
        "t.py:4: ' letters'",
        "t.py:6: 'Cannot open'",
    ]


def _messages(path: Path) -> list[tuple[str, str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.findtext("comment") or "",
            message,
        )
        for context in root.findall("context")
        for message in context.findall("message")
    ]


def catalogue_problems(path: Path, forms: int) -> list[str]:
    """What a catalogue lacks: an unfinished or empty translation, a missing plural form, a
    {placeholder} or %n lost, a keyboard shortcut (&) dropped."""
    problems = []
    for context, source, _comment, message in _messages(path):
        translation = message.find("translation")
        where = f"{path.name}: {context}: {source[:60]!r}"
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: not translated")
            continue
        numerus = message.get("numerus") == "yes"
        texts = (
            [f.text or "" for f in translation.findall("numerusform")]
            if numerus
            else [translation.text or ""]
        )
        if numerus and len(texts) != forms:
            problems.append(f"{where}: {len(texts)} plural forms, not {forms}")
        for text in texts:
            if not text.strip():
                problems.append(f"{where}: empty")
            elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text[:60]!r}")
            elif re.search(r"%L?n", source) and not re.search(r"%L?n", text):
                problems.append(f"{where}: the count %n is missing in {text[:60]!r}")
            elif ("&" in source.replace("&nbsp;", "")) != ("&" in text.replace("&nbsp;", "")):
                problems.append(f"{where}: the keyboard shortcut (&) is lost in {text[:60]!r}")
    return problems


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_with_all_its_plural_forms(language):
    path = CATALOGUES / f"campaign_app_{language}.ts"
    assert len(_messages(path)) > 500  # the whole window, not a stub
    assert catalogue_problems(path, forms=3) == []


def test_english_has_both_plural_forms_of_every_count():
    """English is the source; its catalogue holds "1 letter" / "2 letters" for each "%n letter(s)"."""
    path = CATALOGUES / "campaign_app_en.ts"
    assert len(_messages(path)) > 20
    assert all(m.get("numerus") == "yes" for *_key, m in _messages(path))
    assert catalogue_problems(path, forms=2) == []


def test_the_catalogue_check_finds_an_unfinished_message_and_a_missing_form(tmp_path):
    broken = tmp_path / "campaign_app_uk.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="uk"><context><name>C</name>'
        '<message><source>Save</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>%n letter(s)</source><translation>'
        "<numerusform>%n лист</numerusform><numerusform>%n листи</numerusform></translation></message>"
        "<message><source>Saved {file}</source><translation>Збережено</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert catalogue_problems(broken, forms=3) == [
        "campaign_app_uk.ts: C: 'Save': not translated",
        "campaign_app_uk.ts: C: '%n letter(s)': 2 plural forms, not 3",
        "campaign_app_uk.ts: C: 'Saved {file}': placeholders differ in 'Збережено'",
    ]


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    if not Path(found).exists():
        pytest.fail("pyside6-lupdate is missing: it comes with PySide6 (pip install -e '.[test]')")
    return found


def _keys(path: Path) -> set[tuple[str, str, str]]:
    return {(context, source, comment) for context, source, comment, _m in _messages(path)}


@pytest.mark.parametrize("language", [*TRANSLATED, "en"])
def test_the_catalogues_are_current_with_the_sources(language, tmp_path):
    """lupdate over the sources, into a copy, adds and drops nothing (else: update-translations.sh)."""
    original = CATALOGUES / f"campaign_app_{language}.ts"
    copy = tmp_path / original.name
    shutil.copy(original, copy)
    sources = sorted(str(p.relative_to(GUI)) for p in GUI.rglob("*.py") if "__pycache__" not in p.parts)
    plural_only = ["-pluralonly"] if language == "en" else []
    subprocess.run(
        [_lupdate(), "-locations", "none", "-no-obsolete", *plural_only, *sources, "-ts", str(copy)],
        cwd=GUI,
        check=True,
        capture_output=True,
    )
    added = sorted(_keys(copy) - _keys(original))
    dropped = sorted(_keys(original) - _keys(copy))
    assert (added, dropped) == ([], [])
