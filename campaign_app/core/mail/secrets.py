"""The SMTP password, kept only in the operating system's keyring.

The people who use this tool write to officials on behalf of someone a state is pursuing;
their mail account is worth stealing. So the password goes to the system keyring (macOS
Keychain, Windows Credential Manager, the Secret Service of GNOME or KDE) and nowhere
else: never to campaign.yaml, a settings file, a log or a command line. When there is no
such keyring, or the one configured is a plain-text file store (``keyrings.alt``), this
module says so and stores nothing, and the caller asks for the password each time
instead; it never falls back to a file (Vorta's lesson, ``src/vorta/keyring/abc.py``).

A locked keyring is told apart from a missing one and from a wrong password, because the
fix differs: unlock the keyring, install one, or retype the password.

The backend is the one ``keyring`` itself would choose, so a user (or a test) can pick one
with keyring's own ``PYTHON_KEYRING_BACKEND`` variable or ``keyringrc.cfg`` (``[backend]
default-keyring``, ``keyring-path``), or with ``keyring.set_keyring``. Without such a
choice, keyring's discovery imports every backend it knows (the macOS one's ctypes look-ups
run programs even on Linux) and asks each, several times, whether it works: 0.1-0.2 s of
every command that reads a team's log, whose password is looked for here first. So the
system's own backend (Secret Service on Linux, the Keychain on macOS, the Credential
Manager on Windows) is taken directly, but only where keyring could choose nothing else:
none of its other backends can work (what each needs cannot even be found: python-dbus for
KWallet, PyGObject for libsecret, pywin32 for Windows, macOS for the Keychain) and no other
package adds backends. Then keyring would take that one alone (its chainer chains two or
more), or, when it does not work either, none (the fail backend), and so does this module.
On Linux with no D-Bus session bus to reach (a login over SSH, a server) the Secret Service
cannot answer, so there is no keyring, said without loading its backend. Anywhere else
(KWallet or libsecret possible, a plug-in installed) keyring's own discovery decides,
chainer included. No Qt here: the command line's ``send`` uses the same functions.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import platform
import sys
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.core
import keyring.errors
import keyring.util.platform_
from keyring.backend import KeyringBackend

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _

log = logging.getLogger(__name__)

SERVICE = "campaign_app"  # the mail accounts' passwords: SMTP, and IMAP (often the same account's)
# A team's database password, kept apart: the same user name on a server that also runs the
# team's mail (one small office's host) would otherwise share the SMTP password's entry, and
# keeping either would overwrite the other.
TEAM_LOG_SERVICE = "campaign_app team log"
# An entry nobody stores: reading it shows whether the keyring answers, without a secret.
_PROBE_USER = "campaign_app-keyring-check"

NO_KEYRING_MESSAGE = N_(
    "No system keyring is available on this computer: the password will be asked for each "
    "time you send, and never saved."
)

# Backends that keep secrets in a plain (or merely obfuscated) file, or drop them: never used.
_INSECURE_MARKERS = ("keyrings.alt", "plaintext")

_FRIENDLY_NAMES = {
    "keyring.backends.SecretService": "Secret Service (GNOME Keyring or KWallet)",
    "keyring.backends.libsecret": "libsecret (GNOME Keyring)",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.Windows": "Windows Credential Manager",
    "keyring.backends.macOS": "macOS Keychain",
}


@dataclass(frozen=True)
class KeyringStatus:
    """Whether a real, secure system keyring can hold the password, said plainly.

    ``state`` is "ok", "none" (no keyring at all), "insecure" (only a plain-text store),
    "locked" or "error"; ``available`` is true only for "ok".
    """

    available: bool
    state: str
    backend: str
    message: str


def keyring_user(username: str, host: str) -> str:
    """The keyring entry's user name: one password per account on one server."""
    username, host = username.strip(), host.strip()
    if not username or not host:
        raise UserError(
            _("the SMTP user name and server are needed to find the password in the keyring"),
            hint=_("enter the SMTP server (host) and user name first"),
        )
    return f"{username}@{host}"


def backend_name(backend: KeyringBackend) -> str:
    """A name a user recognises ("macOS Keychain"), not a class path."""
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        inner = ", ".join(backend_name(b) for b in backend.backends)
        return f"chained keyrings ({inner})" if inner else "no keyring"
    if isinstance(backend, keyring.backends.fail.Keyring):
        return "no keyring"
    module = type(backend).__module__
    for prefix, friendly in _FRIENDLY_NAMES.items():
        if module == prefix or module.startswith(prefix + "."):
            return friendly
    return str(type(backend).name)


def _dotted(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}".lower()


def _unusable(backend: KeyringBackend) -> str | None:
    """Why this backend must not hold the password ("none" or "insecure"), or None if it may."""
    if isinstance(backend, keyring.backends.fail.Keyring) or "keyring.backends.null" in _dotted(backend):
        return "none"  # the null keyring stores nothing: as if there were no keyring
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return "none"
        # The chainer writes to the first backend that accepts: one plain-text store in the
        # chain could receive the password, so the whole chain is refused.
        reasons = [_unusable(b) for b in chained]
        if any(r == "insecure" for r in reasons):
            return "insecure"
        return "none" if all(reasons) else None
    if any(marker in _dotted(backend) for marker in _INSECURE_MARKERS):
        return "insecure"
    return None


# The system's own backend: what keyring's discovery chooses there when nothing else works.
_SYSTEM_BACKEND = {
    "Linux": "keyring.backends.SecretService.Keyring",
    "Darwin": "keyring.backends.macOS.Keyring",
    "Windows": "keyring.backends.Windows.WinVaultKeyring",
}
# keyring's backends (its entry points' modules) and what each cannot work without: a module
# (any one of them), or a system. Where it is missing the backend's ``priority`` raises, so
# keyring's discovery neither chooses nor chains it.
_NEEDS: dict[str, tuple[str, ...]] = {
    "keyring.backends.SecretService": ("secretstorage",),  # and a Secret Service on D-Bus
    "keyring.backends.kwallet": ("dbus",),  # python-dbus, and KWallet on D-Bus
    "keyring.backends.libsecret": ("gi",),  # PyGObject, and a Secret Service
    "keyring.backends.Windows": ("win32ctypes", "win32cred"),  # pywin32-ctypes or pywin32
}
_NEEDS_SYSTEM = {"keyring.backends.macOS": "Darwin"}
# Backends that are never chosen while another works: priority 0 or below (chainer: with fewer
# than two backends to chain).
_NEVER_CHOSEN_BESIDE = ("keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer")


def _current_backend() -> KeyringBackend:
    """The backend keyring would use: set by ``keyring.set_keyring``, PYTHON_KEYRING_BACKEND,
    keyringrc.cfg, else the best one found (see the module's docstring)."""
    try:
        if getattr(keyring.core, "_keyring_backend", None) is None:  # not chosen yet in this process
            keyring.set_keyring(_choose_backend())
        return keyring.get_keyring()
    except (ImportError, AttributeError, RuntimeError, keyring.errors.KeyringError) as exc:
        raise UserError(
            _("the keyring configured for this computer cannot be loaded ({exc})").format(exc=exc),
            hint=_("check PYTHON_KEYRING_BACKEND or keyringrc.cfg, or remove them to use the system keyring"),
        ) from None


def _choose_backend() -> KeyringBackend:
    """keyring's choice, made without importing and trying every backend where it is sure."""
    system = platform.system()
    own = _SYSTEM_BACKEND.get(system)
    if (
        "PYTHON_KEYRING_BACKEND" in os.environ  # the user's choice: keyring reads it (load_env)
        or (keyring.util.platform_.config_root() / "keyringrc.cfg").exists()  # and this (load_config)
        or own is None
        or not _only_possible(own.rpartition(".")[0], system)
    ):
        return _keyrings_own_choice()
    if system == "Linux" and not _session_bus_reachable():
        # The Secret Service is reached over the session's D-Bus; with no bus to reach (a
        # login over SSH, a server) its backend would fail its check and keyring find none:
        # said without importing it (secretstorage, jeepney, cryptography: ~25 ms).
        return keyring.backends.fail.Keyring()
    module, _dot, name = own.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):  # keyring's discovery would log it and go on
        return _keyrings_own_choice()
    try:
        priority = cls.priority
    except Exception:  # what keyring's ``viable`` traps: this backend does not work here
        return keyring.backends.fail.Keyring()  # and no other can: keyring finds none either
    if not priority > 0:  # a tie with the fail backend would be keyring's to settle
        return _keyrings_own_choice()
    return cls()


def _session_bus_reachable() -> bool:
    """Whether a D-Bus session bus may be there: named in DBUS_SESSION_BUS_ADDRESS (where
    jeepney, secretstorage's, looks) or at its usual socket ($XDG_RUNTIME_DIR/bus)."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return os.path.exists(os.path.join(runtime, "bus"))


def _keyrings_own_choice() -> KeyringBackend:
    """PYTHON_KEYRING_BACKEND, keyringrc.cfg, else every backend tried: keyring's own way."""
    keyring.core.init_backend()
    return keyring.get_keyring()


def _only_possible(own: str, system: str) -> bool:
    """Whether keyring's discovery could find no working backend but ``own`` (a module of
    keyring's): each of its other backends lacks what it needs, and nothing adds more."""
    for module, needs in _NEEDS.items():
        if module != own and any(_findable(need) for need in needs):
            return False
    for module, needed_system in _NEEDS_SYSTEM.items():
        if module != own and system == needed_system:
            return False
    known = (*_NEEDS, *_NEEDS_SYSTEM, *_NEVER_CHOSEN_BESIDE)
    # A backend defined in this process already (keyring tries every one it has seen) ...
    for cls in getattr(KeyringBackend, "_classes", ()):
        if cls.__module__ not in known:
            return False
    # ... or registered by another package, as keyring's discovery loads them.
    metadata = getattr(keyring.backend, "metadata", None) or importlib.import_module("importlib.metadata")
    plugins = metadata.entry_points(group="keyring.backends")
    return all(ep.value.partition(":")[0].strip() in known for ep in plugins)


def _findable(name: str) -> bool:
    """Whether ``import name`` could succeed, found without importing it (a doubt: yes)."""
    if name in sys.modules:
        return sys.modules[name] is not None
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return True


def _locked_error() -> UserError:
    return UserError(
        _("the system keyring is locked"),
        hint=_(
            "unlock it (log in to your desktop session or open your keyring app) and try again; "
            "the password itself was not rejected"
        ),
    )


def _as_user_error(exc: Exception, secret: str | None = None) -> UserError:
    """A keyring failure as one plain line: keyring's own errors by their kind, any other
    (secretstorage's D-Bus errors are not keyring's) in its own words. Never a traceback,
    never the password (``secret``: taken out if the words quote it)."""
    if isinstance(exc, keyring.errors.KeyringLocked):
        return _locked_error()
    if isinstance(exc, keyring.errors.NoKeyringError):
        return UserError(_("no system keyring is available on this computer"), hint=_ask_hint())
    if isinstance(exc, keyring.errors.InitError):
        return UserError(
            _("the system keyring could not be opened ({exc})").format(exc=exc),
            hint=_("check that your desktop's keyring service is running, then try again"),
        )
    if isinstance(exc, keyring.errors.PasswordSetError):
        return UserError(
            _("the system keyring refused to store the password ({exc})").format(exc=exc),
            hint=_("unlock the keyring or check its settings, then try again"),
        )
    said = str(exc) or type(exc).__name__
    if secret:
        said = said.replace(secret, "***")
    return UserError(
        _("the system keyring failed ({exc})").format(exc=said),
        hint=_("try again; if it persists, restart the keyring"),
    )


def _ask_hint() -> str:
    return _("the password will be asked for each time you send, and never saved")


def keyring_status() -> KeyringStatus:
    """Is a real, secure system keyring usable right now? Reads one harmless entry to find out.

    May block while the system asks the user to unlock the keyring: call it off the UI thread.
    """
    try:
        backend = _current_backend()
    except UserError as exc:
        return KeyringStatus(False, "error", "unknown", f"{_(NO_KEYRING_MESSAGE)} ({exc})")
    name = backend_name(backend)
    reason = _unusable(backend)
    if reason == "none":
        return KeyringStatus(False, "none", name, _(NO_KEYRING_MESSAGE))
    if reason == "insecure":
        return KeyringStatus(
            False,
            "insecure",
            name,
            _(NO_KEYRING_MESSAGE)
            + " "
            + _(
                "(The keyring configured, {name}, keeps passwords in a plain file, which campaign_app "
                "never uses.)"
            ).format(name=name),
        )
    try:
        backend.get_password(SERVICE, _PROBE_USER)
    except keyring.errors.KeyringLocked:
        return KeyringStatus(
            False,
            "locked",
            name,
            _(
                "The system keyring ({name}) is locked: unlock it (log in to your desktop session or open "
                "your keyring app), then check again. This is not a wrong password."
            ).format(name=name),
        )
    except keyring.errors.NoKeyringError:
        return KeyringStatus(False, "none", name, _(NO_KEYRING_MESSAGE))
    except keyring.errors.KeyringError as exc:
        return KeyringStatus(
            False,
            "error",
            name,
            _("The system keyring ({name}) does not answer ({exc}).").format(name=name, exc=exc)
            + f" {_ask_hint()}.",
        )
    except Exception as exc:  # a D-Bus or OS error from a backend: the keyring is unusable
        log.warning("keyring backend %s failed its check: %r", name, exc)
        return KeyringStatus(
            False,
            "error",
            name,
            _("The system keyring ({name}) does not answer ({exc}).").format(name=name, exc=exc)
            + f" {_ask_hint()}.",
        )
    return KeyringStatus(
        True, "ok", name, _("Passwords are kept in the system keyring: {name}.").format(name=name)
    )


def secure_backend(instead: str | None = None) -> KeyringBackend:
    """The backend, or a UserError if it is missing or would write a plain file (its hint:
    ``instead``, or that the SMTP password will be asked for at each send)."""
    backend = _current_backend()
    reason = _unusable(backend)
    if reason == "none":
        raise UserError(_("no system keyring is available on this computer"), hint=instead or _ask_hint())
    if reason == "insecure":
        raise UserError(
            _("the keyring configured ({backend_name}) keeps passwords in a plain file").format(
                backend_name=backend_name(backend)
            ),
            hint=instead
            or _("install or unlock a system keyring; until then {ask_hint}").format(ask_hint=_ask_hint()),
        )
    return backend


def store_password(
    username: str, host: str, password: str, *, instead: str | None = None, service: str = SERVICE
) -> None:
    """Store a password in the system keyring under ``service``, "USERNAME@HOST".

    ``instead``: what the user can do when no secure keyring exists (by default, what
    happens to the SMTP password: it is asked for at each send). A team's database password
    is never asked for by ``log`` commands: libpq's own password file is its place then."""
    user = keyring_user(username, host)
    if not password:
        raise UserError(_("the password is empty"), hint=_("type the password, then store it"))
    backend = secure_backend(instead)
    try:
        backend.set_password(service, user, password)
    except Exception as exc:  # keyring's errors, or a D-Bus or OS error of the backend's own
        raise _as_user_error(exc, password) from None


def get_password(username: str, host: str, *, service: str = SERVICE) -> str | None:
    """The stored password, or None when none is stored or no secure keyring exists
    (the caller then asks for it). A locked keyring is a UserError, not a None."""
    user = keyring_user(username, host)
    try:
        backend = _current_backend()
    except UserError:
        return None
    if _unusable(backend) is not None:  # (secure_backend's test, without wording its error)
        return None
    try:
        return backend.get_password(service, user)
    except keyring.errors.NoKeyringError:
        return None
    except Exception as exc:  # keyring's errors, or the backend's own (the D-Bus session gone, say)
        raise _as_user_error(exc) from None


def delete_password(username: str, host: str) -> bool:
    """Remove the stored password; False if there was none."""
    user = keyring_user(username, host)
    backend = secure_backend()
    try:
        backend.delete_password(SERVICE, user)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:  # keyring's errors, or a D-Bus or OS error of the backend's own
        raise _as_user_error(exc) from None
    return True
