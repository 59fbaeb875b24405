"""A server that accepts connections and never answers, for tests of what waits on one (a
team's database that does not answer: libpq waits for its reply until the connect timeout)."""

from __future__ import annotations

import socket
import threading


class SilentServer:
    """A server that accepts connections and never answers: libpq waits for its reply to
    the first message until the connect timeout (10 s)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.connections: list[socket.socket] = []
        self.stopping = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            conn, _address = self.listener.accept()
            if self.stopping:
                conn.close()
                return
            self.connections.append(conn)
            self.accepted.set()

    def close(self) -> None:
        """The server goes away: a connection still waiting on it fails at once (again: nothing)."""
        if self.stopping:
            return
        self.stopping = True
        socket.create_connection(("127.0.0.1", self.port)).close()  # wakes the accept
        self.thread.join(5)
        for conn in self.connections:
            conn.close()
        self.listener.close()


def checks_under_way() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("abandonable:")]
