"""Worker processes (core/common/worker_process.py), which write a batch's letters and make
a long send's: whatever happens to a worker, the program says so and goes on or stops,
never waits forever and never shows a traceback.

A worker killed by the system (out of memory) halfway through an answer was the case that
hung before: the answer's pipe was held open by the program too, so reading the rest of
the answer never ended.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from worker_jobs import answers_cut_short, deferring, failing_start, times

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.worker_process import WorkerEnded, Workers

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kills workers with POSIX signals")


def start(init, args=(), count=1) -> Workers:
    return Workers(multiprocessing.get_context("spawn"), init, args, count, "test-worker")


def take(workers: Workers, timeout: float = 60.0):
    """The next answer; fails (instead of waiting on) after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        taken = workers.take(0.2)
        if taken is not None:
            return taken[1]
    pytest.fail("no answer in time")


def test_each_job_is_answered_by_the_workers_and_a_problem_comes_back_whole():
    workers = start(times, (3,), count=2)
    try:
        for n, worker in enumerate(workers.all * 3):
            worker.ask(n)
        assert sorted(take(workers) for _ in range(6)) == [0, 3, 6, 9, 12, 15]
        workers.all[1].ask("mistake")
        with pytest.raises(UserError) as raised:
            take(workers)
        # The file, line and hint survive the trip: the user sees the same message.
        assert str(raised.value) == "letter.md:7: no such fact 'arival' — did you mean 'arrival'?"
        workers.all[1].ask(5)
        assert take(workers) == 15  # the worker goes on after a letter's problem
    finally:
        list(workers.wind_up())


def test_a_worker_killed_in_the_middle_of_a_job_is_reported_not_waited_for():
    workers = start(times, (1,))
    try:
        workers.all[0].ask(60.0)  # a job that would take a minute
        time.sleep(0.5)
        os.kill(workers.all[0].pid, signal.SIGKILL)
        started = time.monotonic()
        with pytest.raises(WorkerEnded):
            take(workers)
        assert time.monotonic() - started < 10
    finally:
        list(workers.wind_up(timeout=5))


def test_a_worker_that_dies_halfway_through_an_answer_is_reported_not_waited_for():
    workers = start(answers_cut_short)
    try:
        workers.all[0].ask("a letter")
        started = time.monotonic()
        with pytest.raises(WorkerEnded):
            take(workers, timeout=30)
        assert time.monotonic() - started < 10
        with pytest.raises(WorkerEnded):  # and asking it for more says so too
            workers.all[0].ask("another")
    finally:
        list(workers.wind_up(timeout=5))


def test_a_worker_whose_start_failed_answers_each_job_with_why():
    workers = start(failing_start)
    try:
        workers.all[0].ask(1)
        with pytest.raises(UserError, match="the case file is gone"):
            take(workers)
    finally:
        list(workers.wind_up(timeout=5))


def test_winding_up_finishes_the_job_in_hand_keeps_its_answer_and_skips_the_rest(tmp_path):
    workers = start(times, (1,))
    for n in range(5):
        workers.all[0].ask((str(tmp_path / f"started-{n}"), 0.5))
    assert take(workers) == str(tmp_path / "started-0")
    deadline = time.monotonic() + 30
    while not (tmp_path / "started-1").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    rest = list(workers.wind_up())
    # The job in hand, finished and answered; the three queued behind it never started.
    assert rest == [str(tmp_path / "started-1")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["started-0", "started-1"]
    assert time.monotonic() - started < 5
    assert workers.all[0].ended


def test_winding_up_after_the_jobs_asked_finishes_them_all(tmp_path):
    """(The send's letter made ahead and not sent is finished, so that its files are in the
    manifest whatever the moment the send stopped.)"""
    workers = start(times, (1,))
    for n in range(3):
        workers.all[0].ask((str(tmp_path / f"started-{n}"), 0.2))
    rest = list(workers.wind_up(finish_queued=True))
    assert rest == [str(tmp_path / f"started-{n}") for n in range(3)]
    assert workers.all[0].ended


def test_answers_finished_in_the_background_come_in_the_order_asked_each_once():
    """A job may finish after the next one (the send's letter maker: a kept copy's sync):
    its answer still comes first, a problem in it comes back whole, and winding up waits
    for the answers still finishing."""
    workers = start(deferring)
    try:
        worker = workers.all[0]
        for job in [(0.6, "first"), (0.0, "second"), "mistake", (0.3, "fourth"), (0.0, "fifth")]:
            worker.ask(job)
        assert [take(workers), take(workers)] == ["first", "second"]
        with pytest.raises(UserError, match="the disk is full"):
            take(workers)
        assert [take(workers), take(workers)] == ["fourth", "fifth"]
        worker.ask((0.5, "last"))
    finally:
        assert list(workers.wind_up(finish_queued=True)) == ["last"]
