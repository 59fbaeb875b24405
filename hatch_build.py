"""Build hook: the interface's translations, compiled when the package is built or installed.

The repository keeps only what translators edit: gettext catalogues for the command line
and the core (``campaign_app/locale/LANG/LC_MESSAGES/campaign_app.po``) and Qt Linguist files
for the window (``campaign_app/**/*.ts``). Every wheel, and every ``pip install -e .``,
compiles them next to their sources (``.mo`` by Babel, ``.qm`` by PySide6's lrelease), where
campaign_app.core.common.i18n and the window look for them; a wheel also carries them
(they are git-ignored, so they are added to it by name). A catalogue that cannot be compiled
fails the build: an installed app must not silently fall back to English.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_po(po: Path) -> Path:
    """``X.po`` → ``X.mo`` beside it; fuzzy translations are left out, as msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    mo = po.with_suffix(".mo")
    with mo.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)
    return mo


def lrelease_command() -> list[str]:
    """PySide6's lrelease: the one inside the PySide6 package, else one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (folder / name).is_file():
                return [str(folder / name)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    raise RuntimeError("cannot compile the window's translations: PySide6's lrelease was not found")


def compile_ts(ts: Path) -> Path:
    """``X.ts`` → ``X.qm`` beside it, with lrelease (untranslated entries are left out)."""
    qm = ts.with_suffix(".qm")
    done = subprocess.run(
        [*lrelease_command(), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease could not compile {ts}: {done.stderr.strip() or done.stdout.strip()}")
    return qm


def compile_translations(root: Path) -> list[Path]:
    """Every catalogue under ``root/campaign_app`` compiled; the compiled files."""
    package = root / "campaign_app"
    compiled = [compile_po(po) for po in sorted((package / "locale").rglob("*.po"))]
    compiled += [compile_ts(ts) for ts in sorted(package.rglob("*.ts"))]
    return compiled


class TranslationsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":  # an sdist ships the sources; its wheel compiles them
            return
        root = Path(self.root)
        compiled = compile_translations(root)
        if version == "editable":  # the package is imported from the source tree: they are there
            return
        for path in compiled:  # git-ignored, so hatchling would leave them out: added by name
            build_data["force_include"][os.fspath(path)] = path.relative_to(root).as_posix()
