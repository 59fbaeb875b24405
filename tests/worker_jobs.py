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


def deferring() -> Callable[[Any], Any]:
    """A worker whose jobs finish in a thread (a Future), the first ones slowest: (seconds,
    value) answers with the value after that long; "mistake" fails in the thread."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=4)

    def later(job: Any) -> Any:
        if job == "mistake":
            raise UserError("the disk is full", Location("out/sent"))
        time.sleep(job[0])
        return job[1]

    return lambda job: pool.submit(later, job)


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


FILES_BEFORE_THE_DISK_FILLS = 5


def a_disk_that_fills(after: int) -> None:
    """From the ``after``-th letter file on, writing one fails as a full disk does (ENOSPC),
    in this process: where a batch's letters are written."""
    import errno

    from campaign_app.core.campaign import letter_files
    from campaign_app.core.common import atomic

    real = letter_files.atomic_write_bytes
    written = [0]

    def write(target: Path, data: bytes, durable: bool = True) -> None:
        written[0] += 1
        if written[0] > after:
            raise atomic._user_error(target, OSError(errno.ENOSPC, "No space left on device"))
        real(target, data, durable)

    letter_files.atomic_write_bytes = write  # type: ignore[assignment]


def writer_on_a_filling_disk(*args: Any) -> Any:
    """A batch's worker (core/campaign/batch_run._start_writer) whose disk fills up after
    FILES_BEFORE_THE_DISK_FILLS files."""
    from campaign_app.core.campaign import batch_run

    a_disk_that_fills(FILES_BEFORE_THE_DISK_FILLS)
    return batch_run._start_writer(*args)
