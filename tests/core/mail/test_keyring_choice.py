"""The keyring backend as a user's process chooses it: keyring's own choice, found without
importing and trying every backend where no other could be chosen (core/mail/secrets.py).

Each test runs a fresh interpreter with no PYTHON_KEYRING_BACKEND (unless it sets one), its
own HOME and XDG_CONFIG_HOME, no D-Bus session, and python-dbus, PyGObject and pywin32
hidden (unless a test brings its own), as on a computer that has none of them; it then runs
keyring's own discovery too, to compare."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(platform.system() != "Linux", reason="the Secret Service is Linux's keyring")

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
OTHER_BACKENDS = ("keyring.backends.macOS", "keyring.backends.kwallet", "keyring.backends.libsecret")
HIDDEN = ("dbus", "gi", "win32ctypes", "win32cred")

PROBE = """
import json, sys
for name in {hidden!r}:
    sys.modules[name] = None  # not installed here
{setup}
from campaign_app.core.common.errors import UserError
from campaign_app.core.mail import secrets

status = secrets.keyring_status()
ours = type(secrets._current_backend())
loaded = sorted(n for n in sys.modules if n.startswith("keyring.backends."))
try:
    secrets.store_password("anna", "db.example.org", "s3cret")
    stored = "stored"
except UserError as exc:
    stored = str(exc)
except Exception as exc:  # the stand-in Secret Service: no D-Bus behind it
    stored = repr(exc)
import keyring
import keyring.core

keyring.core.init_backend()  # keyring's own discovery, every backend tried
theirs = type(keyring.get_keyring())
print(json.dumps({{
    "state": status.state,
    "backend": status.backend,
    "ours": ours.__module__ + "." + ours.__qualname__,
    "theirs": theirs.__module__ + "." + theirs.__qualname__,
    "loaded": loaded,
    "stored": stored,
}}))
"""

PLAIN_STORE = '''
from keyring.backend import KeyringBackend

WRITTEN = {}


class PlaintextKeyring(KeyringBackend):
    """A file store's stand-in: would keep passwords readable."""

    priority = 1

    def get_password(self, service, username):
        return WRITTEN.get((service, username))

    def set_password(self, service, username, password):
        WRITTEN[(service, username)] = password
'''

PLUGIN = '''
from keyring.backend import KeyringBackend


class Keyring(KeyringBackend):
    """Another package's backend, registered through keyring's entry points."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        pass
'''

# python-dbus as KWallet's backend sees it on a KDE desktop: KWallet running.
FAKE_DBUS = """
class DBusException(Exception):
    def get_dbus_message(self):
        return str(self)


class SessionBus:
    def __init__(self, mainloop=None):
        pass

    def name_has_owner(self, name):
        return True

    def list_activatable_names(self):
        return ["org.kde.kwalletd5", "org.kde.kwalletd"]

    def get_object(self, *args):
        raise DBusException("no KWallet in a test")


Interface = object
"""

# The Secret Service answering on D-Bus (there is no session bus in the tests).
SECRET_SERVICE_RUNNING = "import keyring.backends.SecretService as ss\nss.Keyring.priority = 5\n"


def _probe(tmp_path: Path, *, setup: str = "", hidden=HIDDEN, env: dict[str, str] | None = None) -> dict:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "XDG_CURRENT_DESKTOP")
        and not k.startswith("KEYRING_PROPERTY_")
    }
    clean |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(home / "run"),  # no session bus's socket there
        **(env or {}),
    }
    code = PROBE.format(hidden=hidden, setup=setup)
    done = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _module(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_no_keyring_found_without_trying_every_backend(tmp_path):
    seen = _probe(tmp_path)

    assert seen["ours"] == seen["theirs"] == "keyring.backends.fail.Keyring"
    assert seen["state"] == "none" and "no system keyring" in seen["stored"]
    assert not [n for n in seen["loaded"] if n.startswith(OTHER_BACKENDS)], seen["loaded"]


def test_with_no_session_bus_the_secret_service_is_not_even_loaded(tmp_path):
    """A login over SSH, a server: no D-Bus session to reach the Secret Service by."""
    seen = _probe(tmp_path)
    assert seen["ours"] == seen["theirs"] == "keyring.backends.fail.Keyring"
    assert SECRET_SERVICE.rpartition(".")[0] not in seen["loaded"], seen["loaded"]

    with_bus = _probe(tmp_path, env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere"})
    assert with_bus["ours"] == with_bus["theirs"] == "keyring.backends.fail.Keyring"
    assert SECRET_SERVICE.rpartition(".")[0] in with_bus["loaded"]  # asked, and not there


def test_a_running_secret_service_is_taken_directly(tmp_path):
    seen = _probe(
        tmp_path, setup=SECRET_SERVICE_RUNNING, env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere"}
    )

    assert seen["ours"] == seen["theirs"] == SECRET_SERVICE
    assert seen["backend"] == "Secret Service (GNOME Keyring or KWallet)"
    assert not [n for n in seen["loaded"] if n.startswith(OTHER_BACKENDS)], seen["loaded"]


def test_where_kwallet_can_work_too_keyrings_chain_is_kept(tmp_path):
    """A KDE desktop with python-dbus: keyring chains KWallet (first there) and the Secret
    Service; taking the Secret Service alone would read and write elsewhere."""
    fakes = tmp_path / "fakes"
    _module(fakes / "dbus", "__init__", FAKE_DBUS)
    _module(fakes / "dbus" / "mainloop", "__init__", "")
    _module(fakes / "dbus" / "mainloop", "glib", "def DBusGMainLoop(*args, **kwargs):\n    return None\n")
    env = {"PYTHONPATH": str(fakes), "XDG_CURRENT_DESKTOP": "KDE"}

    seen = _probe(tmp_path, setup=SECRET_SERVICE_RUNNING, hidden=("gi", "win32ctypes", "win32cred"), env=env)

    assert seen["ours"] == seen["theirs"] == "keyring.backends.chainer.ChainerBackend"
    assert seen["backend"].startswith("chained keyrings (KWallet, Secret Service")


def test_another_packages_backend_is_still_found(tmp_path):
    site = _module(tmp_path / "site", "otherkeyring", PLUGIN)
    info = site / "otherkeyring-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: otherkeyring\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[keyring.backends]\nother = otherkeyring\n", encoding="utf-8")

    seen = _probe(tmp_path, env={"PYTHONPATH": str(site)})

    assert seen["ours"] == seen["theirs"] == "otherkeyring.Keyring"
    assert seen["state"] == "ok" and seen["stored"] == "stored"


def test_keyringrc_cfg_and_its_keyring_path_are_honoured_and_a_plain_file_refused(tmp_path):
    store = _module(tmp_path / "stores", "plainstore", PLAIN_STORE)  # on keyring-path only
    config = tmp_path / "home" / ".config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring = plainstore.PlaintextKeyring\nkeyring-path = {store}\n",
        encoding="utf-8",
    )

    seen = _probe(tmp_path)

    assert seen["ours"] == seen["theirs"] == "plainstore.PlaintextKeyring"
    assert seen["state"] == "insecure" and "keeps passwords in a plain file" in seen["stored"]


def test_keyringrc_cfg_naming_the_null_keyring_means_no_keyring(tmp_path):
    config = tmp_path / "home" / ".config" / "python_keyring"
    config.mkdir(parents=True)
    (config / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring = keyring.backends.null.Keyring\n", encoding="utf-8"
    )

    seen = _probe(tmp_path, setup=SECRET_SERVICE_RUNNING)

    assert seen["ours"] == seen["theirs"] == "keyring.backends.null.Keyring"
    assert seen["state"] == "none"


@pytest.mark.parametrize("with_config", [False, True], ids=["alone", "before-keyringrc"])
def test_python_keyring_backend_is_honoured(tmp_path, with_config):
    store = _module(tmp_path / "stores", "plainstore", PLAIN_STORE)
    if with_config:
        config = tmp_path / "home" / ".config" / "python_keyring"
        config.mkdir(parents=True)
        (config / "keyringrc.cfg").write_text(
            "[backend]\ndefault-keyring = keyring.backends.null.Keyring\n", encoding="utf-8"
        )
    env = {"PYTHONPATH": str(store), "PYTHON_KEYRING_BACKEND": "plainstore.PlaintextKeyring"}

    seen = _probe(tmp_path, setup=SECRET_SERVICE_RUNNING, env=env)

    assert seen["ours"] == seen["theirs"] == "plainstore.PlaintextKeyring"
    assert seen["state"] == "insecure" and "keeps passwords in a plain file" in seen["stored"]
