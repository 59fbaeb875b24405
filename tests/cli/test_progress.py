"""The terminal progress bar: shown on a terminal, silent in logs and pipes."""

from __future__ import annotations

import io

from campaign_app.cli.progress import ProgressBar
from campaign_app.core.campaign.generate import BatchProgress


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


def test_bar_shows_sending_progress_on_a_terminal():
    from campaign_app.core.campaign.send import SendProgress

    stream = Tty()
    bar = ProgressBar(10, "messages", stream=stream)
    bar.update(SendProgress(done=5, total=10, failed=1, current="Michal Šimečka", elapsed=10.0))
    bar.close()
    text = stream.getvalue()
    assert "5/10 messages" in text and "1 failed" in text and "0:10 left" in text
