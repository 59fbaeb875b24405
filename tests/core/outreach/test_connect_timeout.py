"""A team's server that takes the connection but never answers: the wait ends after the
URL's own connect_timeout when it gives one (the program's default is 10 seconds)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.outreach.location import parse_log_database
from campaign_app.core.outreach.log import ContactLog


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_the_urls_connect_timeout_is_the_longest_wait(silent_server):
    url = f"postgresql://anna@127.0.0.1:{silent_server}/team?sslmode=disable&connect_timeout=2"
    location = parse_log_database(url, None)

    start = time.monotonic()
    with pytest.raises((UserError, UserErrors)):
        ContactLog.connect(location, "any", check_schema=False)
    waited = time.monotonic() - start

    assert 1.5 <= waited < 6  # 2 s, not the default 10
