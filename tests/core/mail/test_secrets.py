"""The SMTP password goes to a real system keyring or nowhere (tests use conftest's in-memory one)."""

from __future__ import annotations

import os
import subprocess
import sys

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from campaign_app.core.common.errors import UserError
from campaign_app.core.mail.secrets import (
    NO_KEYRING_MESSAGE,
    SERVICE,
    delete_password,
    get_password,
    keyring_status,
    keyring_user,
    store_password,
)


class PlaintextKeyring(KeyringBackend):
    """A stand-in for a file store that keeps passwords readable on disk."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.written: dict = {}

    def get_password(self, service, username):
        return self.written.get((service, username))

    def set_password(self, service, username, password):
        self.written[(service, username)] = password

    def delete_password(self, service, username):
        self.written.pop((service, username), None)


class LockedKeyring(KeyringBackend):
    """A Secret Service whose collection the user has not unlocked."""

    priority = 1

    def get_password(self, service, username, *password):
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    set_password = delete_password = get_password


class BrokenKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username, *password):
        raise keyring.errors.InitError("Failed to create the collection: no D-Bus.")

    set_password = delete_password = get_password


def test_store_read_and_forget_a_password(memory_keyring):
    store_password("user", "smtp.example.org", "s3cret pass")
    assert memory_keyring.secrets == {("campaign_app", "user@smtp.example.org"): "s3cret pass"}
    assert get_password("user", "smtp.example.org") == "s3cret pass"
    assert delete_password("user", "smtp.example.org") is True
    assert get_password("user", "smtp.example.org") is None
    assert delete_password("user", "smtp.example.org") is False


def test_the_in_memory_test_keyring_counts_as_available():
    status = keyring_status()
    assert status.available and status.state == "ok"
    assert "TestMemoryKeyring" in status.backend


def test_no_keyring_at_all():
    keyring.set_keyring(keyring.backends.fail.Keyring())
    status = keyring_status()
    assert (status.available, status.state, status.message) == (False, "none", NO_KEYRING_MESSAGE)
    with pytest.raises(UserError, match="no system keyring is available"):
        store_password("user", "smtp.example.org", "s3cret")
    assert get_password("user", "smtp.example.org") is None  # the caller asks instead


@pytest.mark.parametrize(
    ("backend", "state", "said"),
    [
        (PlaintextKeyring(), "insecure", "keeps passwords in a plain file"),
        (keyring.backends.null.Keyring(), "none", "no system keyring is available"),  # it stores nothing
    ],
    ids=["plaintext", "null"],
)
def test_a_plain_text_or_null_store_is_never_used(backend, state, said):
    keyring.set_keyring(backend)
    status = keyring_status()
    assert not status.available and status.state == state
    assert status.message.startswith(NO_KEYRING_MESSAGE)
    with pytest.raises(UserError, match=said):
        store_password("user", "smtp.example.org", "s3cret")
    assert getattr(backend, "written", {}) == {}
    # a password another program left in such a store is not read either: it is asked for
    backend.set_password(SERVICE, keyring_user("user", "smtp.example.org"), "left-in-a-file")
    assert get_password("user", "smtp.example.org") is None


def test_a_keyrings_alt_backend_is_refused_by_its_module():
    cls = type("EncryptedKeyring", (PlaintextKeyring,), {"__module__": "keyrings.alt.file"})
    keyring.set_keyring(cls())
    assert keyring_status().state == "insecure"


def _chainer(*backends):
    class Chain(keyring.backends.chainer.ChainerBackend):
        pass

    Chain.backends = list(backends)  # shadows the discovery classproperty
    return Chain()


def test_a_chain_is_usable_only_if_it_has_backends_and_none_is_plain_text(memory_keyring):
    keyring.set_keyring(_chainer())
    assert keyring_status().state == "none"
    keyring.set_keyring(_chainer(memory_keyring, PlaintextKeyring()))
    assert keyring_status().state == "insecure"
    keyring.set_keyring(_chainer(memory_keyring))
    assert keyring_status().available


def test_a_locked_keyring_is_told_as_locked_not_as_a_wrong_password():
    keyring.set_keyring(LockedKeyring())
    status = keyring_status()
    assert (status.available, status.state) == (False, "locked")
    assert "locked" in status.message and "not a wrong password" in status.message
    with pytest.raises(UserError) as info:
        store_password("user", "smtp.example.org", "s3cret-value")
    assert "the system keyring is locked" in str(info.value)
    assert "s3cret-value" not in str(info.value)
    with pytest.raises(UserError, match="locked"):
        get_password("user", "smtp.example.org")


def test_a_keyring_that_cannot_start_is_an_error_with_advice():
    keyring.set_keyring(BrokenKeyring())
    status = keyring_status()
    assert (status.available, status.state) == (False, "error")
    with pytest.raises(UserError, match=r"could not be opened.*keyring service is running"):
        store_password("user", "smtp.example.org", "s3cret")


class DroppedSessionKeyring(KeyringBackend):
    """secretstorage's D-Bus connection gone after the keyring was found: not keyring's errors."""

    priority = 1

    def get_password(self, service, username, *password):
        raise ConnectionResetError(f"D-Bus connection closed while asked about {username} {password}")

    set_password = delete_password = get_password


def test_a_backend_failing_in_its_own_way_is_one_line_without_the_password():
    """The team's log reads its password here at every 'log status': a D-Bus error was a
    traceback."""
    keyring.set_keyring(DroppedSessionKeyring())
    for call in (
        lambda: get_password("carol", "db.example.org"),
        lambda: store_password("carol", "db.example.org", "s3cret-value"),
        lambda: delete_password("carol", "db.example.org"),
    ):
        with pytest.raises(UserError) as info:
            call()
        text = str(info.value)
        assert (
            "the system keyring failed (D-Bus connection closed while asked about carol@db.example.org"
            in text
        )
        assert "s3cret-value" not in text and info.value.__cause__ is None


def test_user_name_and_host_are_needed():
    with pytest.raises(UserError, match="user name and server are needed"):
        store_password("", "smtp.example.org", "s3cret")
    with pytest.raises(UserError, match="password is empty"):
        store_password("user", "smtp.example.org", "")


def test_the_service_name_is_fixed():
    assert SERVICE == "campaign_app"


@pytest.mark.parametrize(
    ("backend", "state"),
    [("keyring.backends.null.Keyring", "none"), ("keyring.backends.fail.Keyring", "none")],
)
def test_keyrings_own_environment_variable_is_honoured(backend, state):
    code = "from campaign_app.core.mail.secrets import keyring_status; print(keyring_status().state)"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": backend}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == state
