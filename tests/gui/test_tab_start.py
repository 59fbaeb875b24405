"""A tab is built on the window's thread when it is first shown, so what its module imports
freezes the window that long, once (issue 18). The Outreach tab reads the contact log
through the database's own driver and loads no SQLAlchemy (a third of a second there: one
helper was imported from the log's writer); the Batch and Recipients tabs load the print
pack and the importer when their dialogs are first opened."""

from __future__ import annotations

import subprocess
import sys

import pytest

NOT_YET = {
    "outreach": ("sqlalchemy",),
    "batch": ("campaign_app.core.campaign.print_pack", "campaign_app.gui.batch.print_dialog"),
    "recipients": ("campaign_app.core.directory.importing", "campaign_app.gui.recipients.import_dialog"),
}


@pytest.mark.parametrize("tab", NOT_YET)
def test_a_tab_loads_what_its_dialogs_and_writes_need_only_when_they_are_used(tab):
    modules = NOT_YET[tab]
    code = (
        f"import sys, campaign_app.gui.app, campaign_app.gui.{tab}.tab\n"
        f"print(sorted(n for n in {modules!r} if n in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_other_tabs_modules_are_loaded_off_the_windows_thread_once_it_has_started(mini_ws):
    """The app's window (``preload_tabs``) imports the tabs not shown on the task pool once
    its start is done, looks up the letters' font files and reads the templates there; the
    tabs themselves are still built only when first shown."""
    code = f"""
import threading
from pathlib import Path
import campaign_app.gui.tab_preload as preloading
from campaign_app.gui.app import application, build_window, settle
on_window_thread = {{}}
real_import = preloading.importlib.import_module
def spy(name, *args):
    on_window_thread[name] = threading.current_thread() is threading.main_thread()
    return real_import(name, *args)
preloading.importlib.import_module = spy
import campaign_app.core.letters.templates as templates
real_load = templates.load_template
def load_spy(path):
    on_window_thread["template " + path.name] = threading.current_thread() is threading.main_thread()
    return real_load(path)
templates.load_template = load_spy
app = application()
window, _session, tasks = build_window(
    Path({str(mini_ws.root)!r}), remember=False, open_now=False, preload_tabs=True
)
window.show()
preload = window.findChild(preloading.TabPreload)
settle(app, tasks, timeout=60, until=lambda: preload.done)
tabs = {{name: here for name, here in on_window_thread.items() if name.startswith("campaign_app.gui.")}}
print(sorted(name for name, here in tabs.items() if here))
print(sorted(name for name, here in tabs.items() if not here))
print(on_window_thread.get("fontpkg_pt_serif"))
print(sorted(name for name, slot in window._slots.items() if slot.page is not None))
print(sorted(here for name, here in on_window_thread.items() if name.startswith("template ")))
print("template_scan" in _session.workspace.__dict__)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    window_thread, pool, fonts_here, built, templates_here, kept = out.strip().splitlines()[-6:]
    assert window_thread == "['campaign_app.gui.case.tab']"
    assert pool == str(
        sorted(
            f"campaign_app.gui.{tab}.tab"
            for tab in ("recipients", "compose", "batch", "settings", "outreach")
        )
    )
    assert fonts_here == "False"  # the letters' fonts looked up on the pool too
    assert built == "['case']"
    # the templates read and compiled there too, and kept by the workspace for the Batch tab
    assert templates_here == "[False, False]" and kept == "True"
