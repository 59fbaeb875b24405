"""The real window on a real X server (Xvfb): the platform plugin loads and paints.

Offscreen tests cannot catch a missing xcb library or a window that never maps. This
test starts Xvfb, runs the app with the xcb platform, and checks the screenshot taken
from the screen itself. CI installs Xvfb; elsewhere the test is skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtGui import QImage

REQUIRE_TOOLS = os.environ.get("CAMPAIGN_APP_REQUIRE_TOOLS") == "1"


@pytest.fixture
def xvfb_display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if REQUIRE_TOOLS:
            pytest.fail("Xvfb is required in CI but missing")
        pytest.skip("Xvfb is not installed")
    for number in range(91, 120):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
            break
    display = f":{number}"
    proc = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{number}") and time.monotonic() < deadline:
        time.sleep(0.05)
    yield display
    proc.terminate()
    proc.wait(timeout=10)


def test_main_window_shows_on_a_real_x_display(xvfb_display, example_ws, tmp_path):
    shot = tmp_path / "real.png"
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "campaign_app",
            "gui",
            "-w",
            str(example_ws),
            "--screenshot",
            str(shot),
            "--tab",
            "recipients",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    # A blank (unpainted) window is one colour; a painted one has text, a table and a menu bar.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
