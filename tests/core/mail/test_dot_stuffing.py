"""The bytes that go on the wire after DATA: the same as smtplib's own for any message."""

from __future__ import annotations

import io
import re
from email import policy
from email.generator import BytesGenerator

from hypothesis import given
from hypothesis import strategies as st

from campaign_app.core.letters.email.message import _Generator
from campaign_app.core.mail.client import dot_stuffed

# Lines that start with dots, bare LFs, bare CRs and CRLFs, in any mix.
WIRE = st.lists(st.sampled_from([b".", b"..", b"\r\n", b"\n", b"\r", b"a", b"From "]), max_size=40).map(
    b"".join
)


@given(WIRE)
def test_a_dot_starting_a_line_is_doubled_as_smtplib_does(body: bytes) -> None:
    assert dot_stuffed(body) == re.sub(rb"(?m)^\.", b"..", body)


def test_dot_stuffing_examples() -> None:
    assert dot_stuffed(b".a\r\n..b\r\n.\r\n") == b"..a\r\n...b\r\n..\r\n"
    assert dot_stuffed(b"a.b\r\n") == b"a.b\r\n"


@given(st.lists(st.sampled_from(["\r\n", "\n", "\r", "ab", "=", ""]), max_size=40).map("".join))
def test_a_body_is_written_as_the_standard_library_writes_it(text: str) -> None:
    """Bodies without a CR take the short way (one replace); the bytes do not change."""

    def written(generator) -> bytes:
        buffer = io.BytesIO()
        gen = generator(buffer, policy=policy.SMTP)
        gen._NL = policy.SMTP.linesep  # as flatten() sets it
        gen._write_lines(text)
        return buffer.getvalue()

    assert written(_Generator) == written(BytesGenerator)
