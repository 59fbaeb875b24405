"""The message a send hands to the server, made straight into bytes, is the message the
preview, the dry run's .eml and every earlier version built: byte for byte."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import random
from email import policy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from smtp_server import use_server

from campaign_app.core.campaign.send import message_data_for, message_for
from campaign_app.core.campaign.send_plan import plan_send
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.letters.email import assembled
from campaign_app.core.letters.email.assembled import message_data
from campaign_app.core.letters.email.message import Attachment, build_message, message_bytes
from campaign_app.core.letters.render import render_letter

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@pytest.fixture
def letters(mini_ws):
    ws = Workspace(mini_ws.root)
    day = dt.date(2026, 11, 24)
    return [
        render_letter(ws.template("appeal-uk"), ws.directory.get("ua-president"), ws.case, ws.campaign, day),
        render_letter(ws.template("appeal-en"), ws.directory.get("mep-2"), ws.case, ws.campaign, day),
    ]


def both(letter, seed: int, **args) -> tuple[bytes, bytes]:
    """(the standard library's message written out, the assembled bytes), the boundaries
    drawn from the same seed."""
    random.seed(seed)
    built = message_bytes(build_message(letter, **args))
    random.seed(seed)
    made = message_data(letter, **args)
    assert made.message_id == args["message_id"]
    return built, made.data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(0, 1),
    subject=TEXT,
    from_name=TEXT,
    to_name=TEXT,
    reply_to=st.sampled_from(["", "replies@rights.example", "r@приклад.укр"]),
    language=st.sampled_from(["", "uk", "en"]),
    files=st.lists(st.tuples(TEXT.filter(bool), st.binary(max_size=400)), max_size=2),
    body=st.one_of(st.none(), st.text(max_size=300)),
    when=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 1, 1)),
    seed=st.integers(0, 2**32),
)
def test_the_assembled_message_is_the_built_one_byte_for_byte(
    letters, which, subject, from_name, to_name, reply_to, language, files, body, when, seed
) -> None:
    letter = dataclasses.replace(letters[which], subject=subject, language=language)
    if body is not None:  # a closing of any text: plain 7-bit, quoted-printable or base64 bodies
        letter = dataclasses.replace(letter, closing=body)
    built, made = both(
        letter,
        seed,
        from_address="office@rights.example",
        from_name=from_name,
        to_address="president@gov.ua",
        to_name=to_name,
        reply_to=reply_to,
        attachments=[Attachment(name, data, "application/pdf") for name, data in files],
        date=when.replace(tzinfo=dt.timezone(dt.timedelta(hours=seed % 25 - 12))),
        message_id=f"<{seed}.{which}@rights.example>",
    )
    assert made == built


def test_a_letters_pdf_arrives_whole_and_the_message_reads_as_before(letters) -> None:
    """A letter with its 60 kB PDF, as a send makes it: the same bytes, and a mail program
    finds the text, the HTML and the very PDF."""
    pdf = random.Random(3).randbytes(60_001)
    args = dict(
        from_address="office@rights.example",
        from_name="Правозахисники „Свобода“",
        to_address="president@gov.ua",
        to_name="Володимир Зеленський",
        attachments=[Attachment("Звернення — Зеленський.pdf", pdf, "application/pdf")],
        date=dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC),
        message_id="<fixed@rights.example>",
    )
    for seed in range(5):
        built, made = both(letters[0], seed, **args)
        assert made == built
    received = email.message_from_bytes(made, policy=policy.default)
    (attachment,) = received.iter_attachments()
    assert attachment.get_content() == pdf
    assert attachment.get_filename() == "Звернення — Зеленський.pdf"
    assert "Шановний пане Президенте!" in received.get_body(("plain",)).get_content()
    assert "Зеленський" in str(received["To"])


def test_a_boundary_found_in_a_part_is_drawn_again_as_the_generator_does(letters) -> None:
    """A part holding the boundary about to be drawn (here an attached file's name) gets the
    next one (``.0``), as message._Generator gives it, its Content-Type line folded for it."""
    from email.generator import BytesGenerator

    random.seed(11)
    BytesGenerator._make_boundary()  # the alternative's, drawn first
    outer = BytesGenerator._make_boundary()
    built, made = both(
        letters[1],
        11,
        from_address="office@rights.example",
        from_name="Rights",
        to_address="a@b.example",
        to_name="A",
        attachments=[Attachment(f"--{outer}", b"%PDF", "application/pdf")],
        message_id="<x@rights.example>",
        date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    assert made == built and f'boundary="{outer}.0"'.encode() in made


def test_without_the_body_encoder_the_standard_librarys_way_gives_the_same(letters, monkeypatch) -> None:
    args = dict(
        from_address="office@rights.example",
        from_name="Rights",
        to_address="a@b.example",
        to_name="Ан",
        attachments=[Attachment("a.pdf", b"%PDF", "application/pdf")],
        message_id="<y@rights.example>",
        date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    fast = both(letters[0], 5, **args)[1]
    monkeypatch.setattr(assembled, "_encode_text", None)
    assert both(letters[0], 5, **args) == (fast, fast)


@pytest.mark.parametrize("example", [False, True])
def test_a_sends_bytes_are_the_previews_message(mini_ws, server, monkeypatch, example) -> None:
    """What the send hands to the server is the message the preview and the dry run show,
    the example campaign's marks included."""
    use_server(mini_ws, server)
    ws = Workspace(mini_ws.root)
    plan = dataclasses.replace(plan_send(ws, "appeal-en"), example=example)
    from campaign_app.core.campaign.send import _Run

    run = _Run(ws, plan, "tester")
    try:
        prepared = run.prepare(plan.to_send[0])
        monkeypatch.setattr(
            "campaign_app.core.letters.email.message.make_msgid", lambda domain: "<same@rights.example>"
        )
        monkeypatch.setattr(assembled, "make_msgid", lambda domain: "<same@rights.example>")
        random.seed(1)
        shown = message_bytes(message_for(ws, plan, prepared))
        random.seed(1)
        sent = message_data_for(ws, plan, prepared)
    finally:
        run.close()
    # the same second, or the Date lines differ: compare with the Date line taken out
    assert _dateless(sent.data) == _dateless(shown)
    assert sent.message_id == "<same@rights.example>"
    assert (b"[EXAMPLE]" in sent.data) is example


def _dateless(data: bytes) -> bytes:
    return b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(b"Date: "))
