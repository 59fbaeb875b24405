"""The command line's catalogues hold together: every message is marked, extracted, translated
into Ukrainian and Russian (every plural form), and compiled.

A message added in English without ``_()``, a .pot not re-extracted, a translation missing or
fuzzy, a placeholder dropped or renamed by a translator, or a .mo older than its .po each
fails here with what to run (the commands are in babel.cfg).
"""

from __future__ import annotations

import argparse
import ast
import gettext
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "campaign_app" / "locale"
POT = LOCALE / "campaign_app.pot"
LANGUAGES = ("uk", "ru")
# Ukrainian and Russian: one (1, 21, 101…), few (2-4, 22-24…), many (0, 5-20, 25, 111…).
SLAVIC_FORMS = {
    0: 2,
    1: 0,
    2: 1,
    3: 1,
    4: 1,
    5: 2,
    11: 2,
    12: 2,
    14: 2,
    20: 2,
    21: 0,
    22: 1,
    25: 2,
    101: 0,
    111: 2,
    112: 2,
}


def catalog(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def msgids(cat) -> set:
    return {m.id for m in cat if m.id}


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "campaign_app.po"


def placeholders(text: str) -> list[str]:
    """``{name}`` and ``%(name)s``/``%s`` fields, in order of kind (a translation may move them)."""
    return sorted(re.findall(r"\{[^{}]*\}|%\([a-z_]+\)[rsd]|%[rsd]", text))


PYBABEL = "from babel.messages.frontend import main; main()"


def test_the_pot_holds_every_marked_message(tmp_path):
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-c", PYBABEL, "extract", "-F", "babel.cfg", "-o", str(fresh), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed, extracted = msgids(catalog(POT)), msgids(catalog(fresh))
    assert extracted - committed == set(), "new messages: re-extract campaign_app.pot (see babel.cfg)"
    assert committed - extracted == set(), "messages no longer in the sources: re-extract (see babel.cfg)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_in_every_plural_form(lang):
    po = catalog(po_path(lang))
    assert po.num_plurals == 3
    plural = gettext.c2py(po.plural_expr)
    assert {n: plural(n) for n in SLAVIC_FORMS} == SLAVIC_FORMS
    translated = {m.id: m for m in po if m.id}
    problems = []
    for message in catalog(POT):
        if not message.id:
            continue
        entry = translated.get(message.id)
        forms = entry.string if entry is not None else ""
        forms = forms if isinstance(forms, tuple) else (forms,)
        if entry is None or entry.fuzzy or not all(forms) or len(forms) != (3 if message.pluralizable else 1):
            problems.append(message.id)
    assert problems == [], (
        f"untranslated or fuzzy in {lang}: run pybabel update and translate (see babel.cfg)"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_every_placeholder(lang):
    wrong = []
    for m in catalog(po_path(lang)):
        if not m.id or not m.string:
            continue
        source = m.id[-1] if m.pluralizable else m.id
        for form in m.string if m.pluralizable else (m.string,):
            if placeholders(form) != placeholders(source):
                wrong.append((source, form))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogues_are_current(lang):
    mo = po_path(lang).with_suffix(".mo")
    assert mo.is_file(), f"{mo} is missing: pip install -e . compiles the catalogues (hatch_build.py)"
    expected = io.BytesIO()
    write_mo(expected, catalog(po_path(lang)), use_fuzzy=False)
    assert mo.read_bytes() == expected.getvalue(), f"{mo} is older than its .po: pip install -e . again"


# argparse messages a user never meets: mistakes in the program's own parser definitions.
ARGPARSE_PROGRAMMER_ERRORS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "subcommands",
}


def test_every_argparse_message_a_user_meets_is_in_the_catalogue():
    ours = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog(POT) if m.id}
    theirs = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _ in extract_from_file("python", argparse.__file__)
        if message
    }
    missing = {
        m for m in theirs - ours - ARGPARSE_PROGRAMMER_ERRORS if not m.startswith(("invalid option string",))
    }
    assert missing == set(), "add them to campaign_app/cli/argparse_words.py"


# ---------------------------------------------------------------------------------------------
# Every message is marked: no English literal reaches UserError, a hint, print() or argparse's
# help without _() or ngettext() around it.

MARKERS = {"_", "ngettext", "N_"}
# (file, the literal's start) of literals that are not words for a user: none yet.
ALLOWED: set[tuple[str, str]] = set()


def _words(node: ast.expr) -> str:
    """The English words of a literal or f-string given as a message ("" for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return ""
    return text if re.search(r"[A-Za-z]{2,}", text) else ""


def _unmarked(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    in_cli = "cli" in path.relative_to(ROOT).parts
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
        given = []
        if name in ("UserError", "add") and call.args:  # UserError(message, …), problems.add(…)
            given.append(call.args[0])
        if in_cli and name == "print" and call.args:
            given.append(call.args[0])
        if in_cli and name in ("add_parser", "add_argument", "ArgumentTypeError", "Parser"):
            given += [k.value for k in call.keywords if k.arg in ("help", "description", "epilog")]
            if name == "ArgumentTypeError":
                given += call.args[:1]
        given += [k.value for k in call.keywords if k.arg == "hint"]
        for node in given:
            text = _words(node)
            if name == "add" and " " not in text:
                continue  # a set's add("word"), not a message
            if text and (path.name, text[:30]) not in ALLOWED:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    return found


def test_every_message_in_the_cli_and_the_core_is_marked_for_translation():
    files = sorted((ROOT / "campaign_app" / "cli").rglob("*.py"))
    files += sorted((ROOT / "campaign_app" / "core").rglob("*.py"))
    unmarked = [line for path in files for line in _unmarked(path)]
    assert unmarked == [], "wrap in _() (see campaign_app/core/common/i18n.py):\n" + "\n".join(unmarked)


def test_the_check_finds_an_unmarked_message(tmp_path, monkeypatch):
    """The check above is not blind: an English literal given to UserError, hint=, print()
    or help= is reported; the same wrapped in _() is not."""
    cli = tmp_path / "campaign_app" / "cli"
    cli.mkdir(parents=True)
    (cli / "x.py").write_text(
        'raise UserError("no such file", hint=f"create {name}")\n'
        'print(f"Wrote {n} letters")\n'
        'p.add_argument("--x", help="the x")\n'
        'raise UserError(_("no such file"), hint=_("create {name}").format(name=name))\n'
        'print(f"  {rid}: {name}")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = _unmarked(cli / "x.py")
    assert [line.split(": ", 1)[0] for line in found] == ["campaign_app/cli/x.py:1"] * 2 + [
        "campaign_app/cli/x.py:2",
        "campaign_app/cli/x.py:3",
    ]


def test_the_desktop_bundle_ships_the_compiled_translations():
    spec = (ROOT / "packaging" / "campaign-app.spec").read_text(encoding="utf-8")
    assert 'rglob("*.mo")' in spec and 'rglob("*.qm")' in spec and "*TRANSLATIONS," in spec
