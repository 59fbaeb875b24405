"""A property: whatever a campaign does in whatever order, no official gets a letter twice,
and every letter that reached one stays retrievable byte for byte.

Hypothesis draws sequences of what volunteers and coordinators do (generate, edit the
template, send some letters, crash in the middle of a send, merge a volunteer's log, rename
the template) and runs them through the command line against the real SMTP test server.
A crash is a program that stops dead mid-send, before or after the server took the
message: nothing more reaches the log, as with kill -9 (tests/test_send.py kills a real one).
"""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import MiniWorkspace
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from smtp_server import parsed, use_server

from campaign_app.core.mail import smtp as smtp_session
from campaign_app.core.outreach.log import ContactLog


class Crash(BaseException):
    """The program stops dead (not an error any code handles)."""


OPERATIONS = st.one_of(
    st.just(("generate",)),
    st.just(("edit",)),
    st.tuples(st.just("send"), st.integers(1, 3)),
    st.tuples(st.just("crash"), st.integers(1, 2), st.sampled_from(["before", "after"])),
    st.just(("merge",)),
    st.just(("rename",)),
)


class Campaign:
    """One workspace and the steps run on it."""

    def __init__(self, root: Path, cli, server, monkeypatch):
        self.root, self.cli, self.server, self.monkeypatch = root, cli, server, monkeypatch
        self.template = "appeal-en"
        self.edits = 0
        self.renames = 0
        self.start = len(server.messages)

    def run(self, op: tuple) -> None:
        getattr(self, op[0])(*op[1:])

    def generate(self) -> None:
        result = self.cli("generate", "-w", self.root, "--template", self.template, "--format", "pdf")
        assert result.code == 0, result.err

    def edit(self) -> None:
        self.edits += 1
        path = self.root / "letter_templates" / "appeal-en.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\nUpdate {self.edits}.\n", encoding="utf-8")

    def send(self, limit: int) -> None:
        result = self.cli("send", "-w", self.root, "--template", self.template, "--yes", "--limit", limit)
        assert result.code in (0, 1), result.err
        assert "Traceback" not in result.err

    def crash(self, at_call: int, when: str) -> None:
        real = smtp_session.SmtpSession.send
        calls = {"n": 0}

        def dying(session, *args, **kwargs):
            calls["n"] += 1
            if calls["n"] == at_call:
                if when == "after":
                    real(session, *args, **kwargs)
                raise Crash
            return real(session, *args, **kwargs)

        self.monkeypatch.setattr(smtp_session.SmtpSession, "send", dying)
        try:
            self.cli("send", "-w", self.root, "--template", self.template, "--yes")
        except Crash:
            pass
        finally:
            self.monkeypatch.setattr(smtp_session.SmtpSession, "send", real)

    def merge(self) -> None:
        """A volunteer took a copy earlier, improved the letter and generated it again."""
        volunteer = self.root.parent / f"volunteer-{self.edits}-{self.renames}"
        shutil.rmtree(volunteer, ignore_errors=True)
        shutil.copytree(self.root, volunteer)
        path = volunteer / "letter_templates" / "appeal-en.md"
        path.write_text(path.read_text(encoding="utf-8") + "\nThe volunteer's line.\n", encoding="utf-8")
        result = self.cli("generate", "-w", volunteer, "--template", self.template, "--format", "pdf")
        assert result.code == 0, result.err
        merged = self.cli("log", "merge", volunteer / "campaign.db", "-w", self.root)
        assert merged.code == 0, merged.err

    def rename(self) -> None:
        if not (self.root / "campaign.db").exists():
            return
        self.renames += 1
        new = f"appeal-v{self.renames}"
        path = self.root / "letter_templates" / "appeal-en.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"id: {self.template}", f"id: {new}"), encoding="utf-8")
        result = self.cli("log", "rename-template", self.template, new, "-w", self.root)
        assert result.code == 0 or "has no letter under template" in result.err, result.err
        self.template = new

    def check(self) -> None:
        messages = self.server.messages[self.start :]
        counts = Counter(m.rcpt_tos[0] for m in messages)
        assert all(n == 1 for n in counts.values()), counts
        if not messages:
            return
        with ContactLog.open(self.root / "campaign.db") as log:
            kept = {}
            for c in log.contacts():
                files = [e for e in log.events(c.id) if e.kind in ("sending", "sent")]
                kept[c.address] = {(self.root / e.letter_path).read_bytes() for e in files}
                for e in files:
                    data = (self.root / e.letter_path).read_bytes()
                    assert hashlib.sha256(data).hexdigest() == e.letter_sha256
        for m in messages:
            (attachment,) = list(parsed(m).iter_attachments())
            assert attachment.get_content() in kept[m.rcpt_tos[0]]


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(OPERATIONS, min_size=2, max_size=7))
def test_no_interleaving_sends_a_letter_twice_or_loses_what_was_sent(
    ops, server, cli, tmp_path_factory, monkeypatch
):
    from conftest import CAMPAIGN, CASE, OFFICIALS_YAML, PEOPLE_CSV, TEMPLATE_EN

    ws = MiniWorkspace(tmp_path_factory.mktemp("campaign") / "ws")
    ws.write("campaign.yaml", CAMPAIGN)
    ws.write("cases/test-case.yaml", CASE)
    ws.write("recipients/people.csv", PEOPLE_CSV)
    ws.write("recipients/officials.yaml", OFFICIALS_YAML)
    ws.write("letter_templates/appeal-en.md", TEMPLATE_EN)
    use_server(ws, server, extra_meps=2)
    campaign = Campaign(ws.root, cli, server, monkeypatch)
    for op in (*ops, ("send", 3)):
        campaign.run(op)
        campaign.check()
