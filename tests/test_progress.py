"""The terminal progress bar: shown on a terminal, silent in logs and pipes."""

from __future__ import annotations

import io

from campaign_app.cli.progress import ProgressBar
from campaign_app.core.batch import BatchProgress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_count_and_time_left_on_a_terminal():
    stream = Tty()
    bar = ProgressBar(300, "letters", stream=stream)
    bar.update(BatchProgress(done=100, total=300, failed=2, elapsed=50.0))
    bar.close()
    text = stream.getvalue()
    assert "100/300 letters" in text
    assert "2 failed" in text
    assert "1:40 left" in text  # 50 s for 100 letters, 200 to go
    assert text.endswith("\n")


def test_bar_is_silent_when_output_is_not_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(300, "letters", stream=stream)
    bar.update(BatchProgress(done=100, total=300, failed=0, elapsed=5.0))
    bar.close()
    assert stream.getvalue() == ""
