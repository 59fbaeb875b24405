"""Temporary files are named after their writer's computer (core/common/atomic.py), read
without the socket module where uname gives it: it must be the name socket gives, which
core/common/processes.py and the stale files' cleanup compare it with."""

from __future__ import annotations

import socket

from campaign_app.core.common import atomic


def test_the_writer_is_named_as_socket_names_the_computer():
    assert atomic.host_name() == socket.gethostname()
    assert atomic._WRITER.rpartition("~")[0] == socket.gethostname().replace(".", "-")
