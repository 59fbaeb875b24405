"""A process that only makes letters (a long send's letter maker, a batch's writers) starts
without what only choosing recipients and checking settings need: the query parser (lark)
and email_validator, whose patterns are compiled at import. They were 45 ms of every such
process's start, imported through the send's plan and its mail settings."""

from __future__ import annotations

import pickle
import subprocess
import sys

from campaign_app.core.mail.settings import SmtpSettings

NOT_FOR_MAKING_LETTERS = ("lark", "email_validator", "campaign_app.core.directory.query")


def test_a_letter_maker_loads_neither_the_query_parser_nor_email_validator():
    settings = SmtpSettings(
        host="mail.example.org",
        port=587,
        security="starttls",
        username="office",
        from_address="office@rights.example",
        reply_to="",
        rate_per_minute=60,
        ask_password=False,
    )
    code = (
        "import pickle, sys\n"
        # what the child imports to start: its maker, the send's message, the batch's writer
        "from campaign_app.core.campaign.send_ahead import _Maker\n"
        "from campaign_app.core.campaign.send import message_data_for\n"
        "from campaign_app.core.campaign.batch_run import _start_writer\n"
        f"settings = pickle.loads({pickle.dumps(settings)!r})\n"
        "assert settings.from_address == 'office@rights.example'\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {NOT_FOR_MAKING_LETTERS!r}"
        f" or n in {NOT_FOR_MAKING_LETTERS!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout
