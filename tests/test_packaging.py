"""The installers' sources (packaging/) hold together; the bundle itself is built and run in CI.

Cheap checks only: the launcher and AppStream metainfo pass their validators, the spec
collects what the app loads by name (every keyring backend, the font package, the example
campaign where the wheel puts it), the icon renders into every size, and the frozen app's
entry point calls freeze_support before anything else. Building and running the bundle
(packaging/build-linux.sh, packaging/check-linux-bundle.sh) takes a minute and is a CI
step, not a test.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib.metadata import entry_points
from pathlib import Path

from campaign_app import __version__
from tests.tools import need

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.campaign_app.CampaignApp"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = (PACKAGING / "campaign-app.spec").read_text(encoding="utf-8")


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_file_is_valid():
    result = subprocess.run([need("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid():
    result = subprocess.run(
        [need("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_launcher_metainfo_and_app_name_the_same_app(qapp):
    from campaign_app.gui.app import application

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("releases/release").get("version") == __version__
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "campaign-app"
    # The running window names the launcher, so the desktop shows its icon (Wayland app id).
    assert application().desktopFileName() == APP_ID


def test_spec_collects_every_keyring_backend():
    """keyring finds its backends through entry points: each module, and the metadata."""
    backends = {ep.value.split(":")[0] for ep in entry_points(group="keyring.backends")}
    assert {
        "keyring.backends.SecretService",
        "keyring.backends.Windows",
        "keyring.backends.macOS",
    } <= backends
    for module in backends:
        assert f'"{module}"' in SPEC, f"{module} is not collected by the spec"
    assert 'copy_metadata("keyring")' in SPEC


def test_spec_collects_the_font_package():
    (pt_serif,) = [ep for ep in entry_points(group="fontpkg.family") if ep.name == "pt_serif"]
    assert f'"{pt_serif.value}"' in SPEC  # the entry point's module, a hidden import
    assert f'copy_metadata("{pt_serif.dist.name}")' in SPEC  # the entry point itself
    assert f'collect_data_files("{pt_serif.value}")' in SPEC  # the TTF files


def test_spec_puts_the_example_campaign_where_the_wheel_does():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    in_wheel = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    in_bundle = {}
    for source, folder in re.findall(r'\(str\(ROOT / "([^"]+)"\), "(campaign_app/example[^"]*)"\)', SPEC):
        in_bundle[source] = f"{folder}/{source}" if (ROOT / source).is_file() else folder
    assert in_bundle == in_wheel


def test_spec_starts_through_the_frozen_entry_point():
    assert 'str(ROOT / "campaign_app" / "frozen_entry.py")' in SPEC
    assert "BUNDLE(" in SPEC and "VSVersionInfo(" in SPEC  # macOS .app, Windows version resource
    hook = re.search(r'runtime_hooks=\[str\(ROOT / "packaging" / "rthooks" / "([^"]+)"\)\]', SPEC)
    assert hook and (PACKAGING / "rthooks" / hook.group(1)).is_file()  # TLS finds the system's CAs


def test_frozen_entry_calls_freeze_support_first(monkeypatch):
    """A batch worker started from the frozen app must run the worker, not the command line."""
    import multiprocessing

    import campaign_app.cli.main
    from campaign_app import frozen_entry

    calls = []
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller's bundle sets it
    monkeypatch.setattr(multiprocessing, "freeze_support", lambda: calls.append("freeze_support"))
    monkeypatch.setattr(campaign_app.cli.main, "main", lambda: calls.append("main") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("gc.freeze"))
    assert frozen_entry.run() == 0
    assert calls == ["freeze_support", "main", "gc.freeze"]
    monkeypatch.delattr(sys, "frozen")  # python -m campaign_app: no worker command line to see
    calls.clear()
    assert frozen_entry.run() == 0
    assert calls == ["main", "gc.freeze"]


def test_the_command_freezes_what_is_left_once_it_is_done(monkeypatch):
    """The installed command (and python -m, and the frozen app) runs the command line, then
    spares the interpreter's exit its last sweep for cycles: after the command, not before."""
    import campaign_app.cli.main

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["campaign-app"] == "campaign_app.cli.main:run"
    calls = []
    monkeypatch.setattr(campaign_app.cli.main, "main", lambda: calls.append("main") or 3)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("gc.freeze"))
    assert campaign_app.cli.main.run() == 3  # the command's exit status, unchanged
    assert calls == ["main", "gc.freeze"]


def test_python_m_campaign_app_runs_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "campaign_app", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.stdout.strip() == f"campaign-app {__version__}", result.stderr


def test_icon_is_a_square_svg():
    root = ET.parse(PACKAGING / "icons" / "campaign-app.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = root.get("viewBox").split()
    assert width == height


def test_icons_render_in_every_size(qapp, tmp_path):
    sys.path.insert(0, str(PACKAGING))
    try:
        import make_icons
    finally:
        sys.path.remove(str(PACKAGING))
    from PIL import Image

    pngs = make_icons.render_pngs(make_icons.SVG, tmp_path)
    make_icons.pack(pngs, tmp_path)
    for size, path in pngs.items():
        with Image.open(path) as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 2))[3] == 255  # drawn, not blank
    with Image.open(tmp_path / "campaign-app.ico") as ico:
        assert {(s, s) for s in make_icons.ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(tmp_path / "campaign-app.icns") as icns:
        assert (512, 512, 1) in icns.info["sizes"]


def test_spec_ships_the_windows_translations_where_the_app_looks_for_them():
    """The bundle speaks Ukrainian and Russian: each catalogue compiled, beside the code as in
    the wheel, and Qt's own catalogues for those languages kept (the others are dropped)."""
    from PySide6.QtCore import QLibraryInfo

    from campaign_app.gui.translation import TRANSLATIONS, catalogue_path

    # The spec collects every compiled catalogue at its place in the package (as in the wheel).
    assert "*TRANSLATIONS," in SPEC
    assert 'PACKAGE.rglob("*.qm")' in SPEC and "path.parent.relative_to(ROOT)" in SPEC
    for language in ("uk", "ru"):
        assert (TRANSLATIONS / f"campaign_app_{language}.ts").is_file()
        assert catalogue_path(language).parent == TRANSLATIONS
        assert catalogue_path(language).is_file(), "compiled by the build hook at install"
        qtbase = f"qtbase_{language}.qm"
        assert f'"{qtbase}"' in SPEC.split("QT_TRANSLATIONS_KEPT = ")[1].split("\n")[0]
        assert (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / qtbase).is_file()
    assert "return name in QT_TRANSLATIONS_KEPT" in SPEC
