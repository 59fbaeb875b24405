"""Jobs for the worker-process tests (tests/core/common/test_worker_process.py): a worker
process is started afresh (spawn) and imports what it runs by name, so these live in a
module of their own on the tests' path, not in the test module."""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError


def times(factor: int) -> Callable[[Any], Any]:
    """A worker that multiplies; asked for "mistake", it raises a UserError with a place."""

    def do(job: Any) -> Any:
        if job == "mistake":
            raise UserError("no such fact 'arival'", Location("letter.md", 7), "did you mean 'arrival'?")
        if isinstance(job, float):
            time.sleep(job)  # a letter that takes this long
            return job
        if isinstance(job, tuple):  # (a file to create on starting, seconds)
            Path(job[0]).touch()
            time.sleep(job[1])
            return job[0]
        return job * factor

    return do


def failing_start() -> Callable[[Any], Any]:
    raise UserError("the case file is gone", Location("cases/case.yaml"))


def answers_cut_short() -> Callable[[Any], Any]:
    """A worker that dies halfway through its first answer: the message's header promises a
    megabyte and a kilobyte follows, as when the system kills a worker mid-write."""
    from campaign_app.core.common import worker_process

    def half(answering: Any, answer: Any) -> None:
        answering._send(struct.pack("!i", 1_000_000) + b"x" * 1024)
        os._exit(9)

    worker_process._send = half  # type: ignore[assignment]
    return lambda job: job
