"""Work whose answer nobody wants any more takes no lasting step (core/common/abandoning.py)."""

from __future__ import annotations

import threading

from campaign_app.core.common.abandoning import Abandonable


def test_once_abandoned_no_lasting_step_starts():
    asked = Abandonable()
    with asked.lasting_step() as wanted:
        assert wanted
    asked.abandon()
    with asked.lasting_step() as wanted:
        assert not wanted


def test_abandoning_waits_for_a_lasting_step_under_way_and_no_longer_than_told():
    asked = Abandonable()
    in_step, finish, kept = threading.Event(), threading.Event(), []

    def step():
        with asked.lasting_step() as wanted:
            in_step.set()
            finish.wait(10)
            kept.append(wanted)

    worker = threading.Thread(target=step)
    worker.start()
    assert in_step.wait(10)
    asked.abandon(wait=0.05)  # the step outlasts the wait: abandoning returns all the same
    assert asked.abandoned and not kept
    finish.set()
    worker.join(10)
    assert kept == [True]  # the step under way was finished, not cut off
    with asked.lasting_step() as wanted:
        assert not wanted
